#!/usr/bin/env python3
"""Writes N small valid articles into a folder, for robustness tests.

usage: gen_articles.py FOLDER N [SEED]
"""
import os
import random
import sys

folder, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
words = ("fever cough pain dose renal hepatic cardiac sepsis insulin "
         "oxygen fluid bleeding stroke seizure infant pregnancy trial "
         "guideline review risk score threshold monitor").split()
os.makedirs(folder, exist_ok=True)
for i in range(n):
    def sentence(k=12):
        return " ".join(rng.choice(words) for _ in range(k)).capitalize() + "."
    topic = "Generated/Group %d" % (i % 10)
    with open(os.path.join(folder, "gen-%05d.md" % i), "w") as f:
        f.write(f"""---
id: gen-{i:05d}
title: Generated question {i} about {rng.choice(words)}?
topic: {topic}
updated: 2026-01-15
status: submitted
---

## Answer {{level=clinician}}
{sentence()} {sentence()} [1].

## Answer {{level=patient}}
{sentence(8)} [2].

## Key points {{level=clinician}}
- {sentence()} [1, 2].

## From the research
- {sentence()} [2].

## References
1. Generated Society. Generated guideline {i}. 2020.
2. Generated A. Generated trial {i}. Gen J. 2019.
""")
