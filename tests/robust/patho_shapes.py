#!/usr/bin/env python3
"""cmark's known pathological shapes and a 5 MB article, one article file
each, written into the folder given as the first argument. Shared by
tests/robust/pathological.sh (no crash, no runaway) and
bench/pathological (how long each takes)."""

import os
import sys

FRONT = ("---\nid: patho-%s\ntitle: Pathological %s?\ntopic: Testing/Pathological\n"
         "updated: 2026-01-15\nstatus: submitted\n---\n\n## Answer\n")

SHAPES = {
    "quotes": ">" * 50000 + " deep quote\n",
    "lists": "".join("  " * i + "- item\n" for i in range(3000)),
    # Each item's number was counted from its earlier siblings: n
    # squared steps, minutes for this many.
    "numbered": "".join("%d. item\n" % (i + 1) for i in range(150000)),
    "brackets": "[" * 50000 + "x\n",
    "emphasis": "*a **b " * 20000 + "\n",
    "images": "![[]()" * 20000 + "\n",
    "links": "[a](<" * 20000 + "\n",
    "big": ("A long paragraph of ordinary words repeated many times. " * 40
            + "\n\n") * 2300,
}


def write(folder):
    for name, body in SHAPES.items():
        with open(os.path.join(folder, name + ".md"), "w") as f:
            f.write(FRONT % (name, name) + body)


if __name__ == "__main__":
    write(sys.argv[1])
