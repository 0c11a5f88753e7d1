#!/usr/bin/env bash
# import over articles already there: each is replaced, the spelling
# vocabulary follows, and the search index is not left in pieces.
. "$TESTLIB"

db="$scratch/test.db"
gen="$(dirname "$0")/../robust/gen_articles.py"
python3 "$gen" "$scratch/all" 300 5
run "$BEDSIDE" import --db "$db" "$scratch/all"
is "$rc" 0 "300 articles import"

# FTS5 writes the rows it holds out as a new segment whenever a row
# comes with a lower rowid than the last, or at a savepoint. Removing
# each replaced article's rows just before adding its new ones did both,
# so every replaced article left a segment of its own. Ten articles are
# few enough for this database that the import merges nothing itself.
segments() {
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT count(DISTINCT segid) FROM search_idx").fetchone()[0])' "$db"
}
before=$(segments)
mkdir "$scratch/ten"
for i in 010 020 030 040 050 060 070 080 090 100; do
	sed 's/^title: Generated question/title: Revised question/' \
	    "$scratch/all/gen-00$i.md" > "$scratch/ten/gen-00$i.md"
done
run "$BEDSIDE" import --db "$db" "$scratch/ten"
is "$rc:$out" "0:imported 10 articles into $db (0 new, 10 replaced)" \
    "ten articles replace their old selves"
after=$(segments)
[ "$after" -le $((before + 2)) ]
ok $? "the ten replaced add at most two segments to the index ($before -> $after)"
run "$BEDSIDE" check --db "$db"
is "$rc" 0 "the database passes check: index and vocabulary in step"
run "$BEDSIDE" search --db "$db" revised
is "$rc" 0 "the new titles are found"
is "$(printf '%s\n' "$out" | grep -c '^Revised question')" 10 "all ten of them"
run "$BEDSIDE" show --db "$db" --format markdown gen-00010
like "$out" 'title: "Revised question 10 about' "show has the new title"
is "$("$BEDSIDE" topics --db "$db" --articles | wc -l)" 300 "and no article twice"

# All of them at once: the import merges the index whole.
run "$BEDSIDE" import --db "$db" "$scratch/all"
is "$rc:$out" "0:imported 300 articles into $db (0 new, 300 replaced)" \
    "a whole collection imported over itself"
is "$(segments)" 1 "leaves one segment"
run "$BEDSIDE" check --db "$db"
is "$rc" 0 "and passes check"
run "$BEDSIDE" search --db "$db" revised
is "$rc" 1 "the revised titles are replaced in turn"

done_testing
