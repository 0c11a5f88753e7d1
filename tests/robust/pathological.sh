#!/usr/bin/env bash
# cmark's known pathological shapes and a 5 MB article: import and show
# each without a crash or a runaway (a generous timeout guards against a
# hang; speed itself is measured in bench/, not asserted here).
. "$TESTLIB"

mkdir "$scratch/p"
python3 - "$scratch/p" <<'PY'
import sys
d = sys.argv[1]
fm = "---\nid: %s\ntitle: Pathological %s?\ntopic: Testing/Pathological\nupdated: 2026-01-15\nstatus: submitted\n---\n\n## Answer\n"
shapes = {
    "quotes": ">" * 50000 + " deep quote\n",
    "lists": "".join("  " * i + "- item\n" for i in range(3000)),
    "brackets": "[" * 50000 + "x\n",
    "emphasis": "*a **b " * 20000 + "\n",
    "images": "![[]()" * 20000 + "\n",
    "links": "[a](<" * 20000 + "\n",
    "big": ("A long paragraph of ordinary words repeated many times. " * 40 + "\n\n") * 2300,
}
for name, body in shapes.items():
    with open("%s/%s.md" % (d, name), "w") as f:
        f.write(fm % ("patho-" + name, name) + body)
PY
size=$(stat -c %s "$scratch/p/big.md")
[ "$size" -gt 5000000 ]; ok $? "the big article is over 5 MB ($size bytes)"

for f in "$scratch"/p/*.md; do
	name=$(basename "$f" .md)
	run timeout 60 "$BEDSIDE" import --db "$scratch/p.db" "$f"
	is "$rc" 0 "$name: imports"
	run timeout 60 "$BEDSIDE" show --db "$scratch/p.db" "patho-$name"
	is "$rc" 0 "$name: shows"
	[ -n "$out" ]; ok $? "$name: shows something"
	wide=$(printf '%s\n' "$out" | awk '{ if (length($0) > 80) n++ } END { print n+0 }')
	is "$wide" 0 "$name: every line fits 80 columns"
done
run timeout 60 "$BEDSIDE" search --db "$scratch/p.db" ordinary words
is "$rc" 0 "search finds words in the 5 MB article"
run "$BEDSIDE" check --db "$scratch/p.db"
is "$rc" 0 "the database passes check"

done_testing
