#!/usr/bin/env bash
# cmark's known pathological shapes and a 5 MB article: import and show
# each without a crash, in under 5 seconds (times TEST_TIME_SCALE, 3 for
# the sanitizer build; each takes 2 s at most there on a loaded machine).
. "$TESTLIB"
scale=${TEST_TIME_SCALE:-1}
case $scale in ''|*[!0-9]*|0*) scale=1 ;; esac
limit=$((5 * scale))

mkdir "$scratch/p"
python3 - "$scratch/p" <<'PY'
import sys
d = sys.argv[1]
fm = "---\nid: %s\ntitle: Pathological %s?\ntopic: Testing/Pathological\nupdated: 2026-01-15\nstatus: submitted\n---\n\n## Answer\n"
shapes = {
    "quotes": ">" * 50000 + " deep quote\n",
    "lists": "".join("  " * i + "- item\n" for i in range(3000)),
    # Each item's number was counted from its earlier siblings: n
    # squared steps, minutes for this many.
    "numbered": "".join("%d. item\n" % (i + 1) for i in range(150000)),
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
	run timeout "$limit" "$BEDSIDE" import --db "$scratch/p.db" "$f"
	is "$rc" 0 "$name: imports in under $limit s"
	run timeout "$limit" "$BEDSIDE" show --db "$scratch/p.db" "patho-$name"
	is "$rc" 0 "$name: shows in under $limit s"
	[ -n "$out" ]; ok $? "$name: shows something"
	wide=$(printf '%s\n' "$out" | awk '{ if (length($0) > 80) n++ } END { print n+0 }')
	is "$wide" 0 "$name: every line fits 80 columns"
done
# Front matter of 300,000 fields: each new key was compared with every
# one before it (minutes of work, and 300,000 lines of errors).
mkdir "$scratch/keys"
# The three imports below leave a heap of some 100,000 blocks at exit.
# LeakSanitizer's check of it has been seen to stall past the timeout on
# a loaded machine (its ptrace stop of the process); leaks are checked by
# every other test, and these are about time, so they run without it.
big_env="ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
python3 - "$scratch/keys/keys.md" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("---\nid: keys\ntitle: Keys?\ntopic: Testing/Keys\nupdated: 2026-01-15\n"
            "status: submitted\n" + "".join("k%d: v\n" % i for i in range(300000)) +
            "---\n\n## Answer\nText.\n")
PY
run env "$big_env" timeout 120 "$BEDSIDE" import --db "$scratch/keys.db" "$scratch/keys/keys.md"
is "$rc" 4 "300,000 front-matter fields: rejected at once, not a timeout"
like "$err" 'keys\.md:[0-9]+: front matter has more than [0-9]+ fields' "with the reason"
[ "$(printf '%s\n' "$err" | wc -l)" -lt 100 ]; ok $? "in a few lines"

# 100,000 sections of one name: each was reported against every one
# before it, 5 billion lines (13 GB, then a timeout); each is now
# reported once, against the first.
python3 - "$scratch/keys/sections.md" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("---\nid: sections\ntitle: Sections?\ntopic: Testing/Keys\n"
            "updated: 2026-01-15\nstatus: submitted\n---\n\n" +
            "## Answer\nText [1].\n\n" * 100000 + "## References\n1. R.\n")
PY
run env "$big_env" timeout 120 "$BEDSIDE" import --db "$scratch/keys.db" "$scratch/keys/sections.md"
is "$rc" 4 "100,000 Answer sections: rejected, not a timeout"
is "$(printf '%s\n' "$err" | grep -c "appears twice")" 99999 "each repeat is reported once"
like "$err" "sections\.md:[0-9]+: section 'Answer' appears twice \(first at line 9\)" \
    "against the first"

# 100,000 related ids: each was compared with every one before it (11 s
# for 60,000, minutes under the sanitizers).
python3 - "$scratch/keys/related.md" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("---\nid: related\ntitle: Related?\ntopic: Testing/Keys\n"
            "updated: 2026-01-15\nstatus: submitted\nrelated: [%s, r7]\n---\n\n"
            "## Answer\nText.\n" % ", ".join("r%d" % i for i in range(100000)))
PY
run env "$big_env" timeout 120 "$BEDSIDE" import --db "$scratch/keys.db" "$scratch/keys/related.md"
is "$rc" 4 "100,000 related ids and a repeat: rejected, not a timeout"
is "$(printf '%s\n' "$err" | grep -c "names 'r7' twice")" 1 "the repeat is reported once"

run timeout 60 "$BEDSIDE" search --db "$scratch/p.db" ordinary words
is "$rc" 0 "search finds words in the 5 MB article"
run "$BEDSIDE" check --db "$scratch/p.db"
is "$rc" 0 "the database passes check"

done_testing
