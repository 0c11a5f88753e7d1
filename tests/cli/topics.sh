#!/usr/bin/env bash
# topics: the tree with article counts, as text and as JSON.
. "$TESTLIB"

db="$scratch/test.db"
"$BEDSIDE" import --db "$db" "$FIXTURES/good" >/dev/null || exit 1

run "$BEDSIDE" topics --db "$db"
is "$rc" 0 "topics"
is "$out" "Other (1)
  Sprockets (1)
    Small (1)
Testing (2)
  Gadgets (1)
  Widgets (1)" "the tree, sorted, with counts that include subtopics"

run "$BEDSIDE" topics --db "$db" --json
is "$rc" 0 "topics --json"
shape=$(printf '%s' "$out" | python3 -c '
import json,sys
def walk(ts, d=0):
    for t in ts:
        print("%s%s %s %d/%d" % ("  "*d, t["name"], t["path"], t["articles"], t["total"]))
        walk(t["children"], d+1)
walk(json.load(sys.stdin)["topics"])')
is "$shape" "Other Other 0/1
  Sprockets Other/Sprockets 0/1
    Small Other/Sprockets/Small 1/1
Testing Testing 0/2
  Gadgets Testing/Gadgets 1/1
  Widgets Testing/Widgets 1/1" "JSON nests children with paths and counts"

run "$BEDSIDE" topics
is "$rc" 0 "topics of the bundled database, no --db needed in the build tree"
top=$(printf '%s\n' "$out" | grep -c '^[^ ]')
[ "$top" -ge 12 ]; ok $? "the bundled database has at least 12 top-level topics ($top)"

run "$BEDSIDE" topics --db "$db" extra
is "$rc" 2 "an extra argument is a usage error"

done_testing
