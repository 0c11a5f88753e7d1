#!/usr/bin/env bash
# search: typed text that looks like FTS5 syntax, odd and huge queries, and
# the pane each hit opens at. Apart from search.sh so that the two,
# each long under the sanitizers, run side by side.
. "$TESTLIB"

db="$scratch/test.db"
"$BEDSIDE" import --db "$db" "$FIXTURES/good" >/dev/null || exit 1
json_ok() { printf '%s' "$1" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null; }

# Whatever is typed is text: never an SQL or FTS5 error.
while IFS= read -r q; do
	run "$BEDSIDE" search --db "$db" -- "$q"
	[ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]
	ok $? "query [$q]: results or none (exit $rc)"
	unlike "$err" 'fts5|SQL|syntax|malformed|unrecognized|no such' "query [$q]: no database error"
	run "$BEDSIDE" search --db "$db" --json -- "$q"
	json_ok "$out"; ok $? "query [$q]: valid JSON"
done < "$FIXTURES/queries.txt"

# Operators are plain words: "widgets AND gadgets" needs the word "and".
run "$BEDSIDE" search --db "$db" --json 'gadgets OR nothingmatches'
is "$rc" 1 "OR is a word, not an operator"
run "$BEDSIDE" search --db "$db" '"widgets'
is "$rc" 0 "a stray quote is ignored"

# Invalid UTF-8 and a 100 KB query.
run "$BEDSIDE" search --db "$db" $'wid\xffgets'
[ "$rc" -le 1 ]; ok $? "invalid UTF-8 in the query: results or none"
unlike "$err" 'fts5|SQL' "invalid UTF-8: no database error"
big=$(head -c 100000 /dev/zero | tr '\0' 'a')
run "$BEDSIDE" search --db "$db" "$big widgets"
[ "$rc" -le 1 ]; ok $? "a 100 KB query: results or none"
unlike "$err" 'fts5|SQL|too big' "a 100 KB query: no database error"

run "$BEDSIDE" search --db "$db"
is "$rc" 2 "no query is a usage error"
# An empty or blank word (a script's empty variable) is no query either,
# not "nothing found".
for q in "" " " "$(printf '\t \n')"; do
	run "$BEDSIDE" search --db "$db" "$q"
	is "$rc" 2 "a blank query [$q] is a usage error"
	like "$err" "^bedside: search: what should I search for\?" "and says so [$q]"
done
run "$BEDSIDE" search --db "$db" "" widgets
is "$rc" 0 "an empty word beside a real one is fine"

# A hit opens at the pane its snippet was cut from: the words the snippet
# shows are in that pane of the article (unless they are the title's).
checked=$(BEDSIDE="$BEDSIDE" DB="$BEDSIDE_BUNDLED_DB" python3 - <<'PY'
import json, os, re, subprocess, sys
bs, db = os.environ["BEDSIDE"], os.environ["DB"]
def words(t):
    return re.findall(r"[^\W_]+", t.lower())
def has_run(hay, run):
    n = len(run)
    return any(hay[i:i + n] == run for i in range(len(hay) - n + 1))
key = {"answer": "answer", "key-points": "key_points", "research": "research"}
checked = 0
shown = {}
for level in ("clinician", "patient"):
    for q in ("troponin", "dose", "children", "insulin", "heart failure", "risk", "antibiotics"):
        out = subprocess.run([bs, "search", "--db", db, "--json", "--limit", "1000",
                              "--level", level, q], capture_output=True, text=True).stdout
        for h in json.loads(out)["hits"]:
            snip = words(h["snippet"].replace("\u2026", " "))
            if (level, h["id"]) not in shown:   # each article shown once
                shown[level, h["id"]] = json.loads(subprocess.run(
                    [bs, "show", "--db", db, "--format", "json", "--level", level,
                     h["id"]], capture_output=True, text=True).stdout)
            art = shown[level, h["id"]]
            run = snip[1:5] if len(snip) > 5 else snip   # the first may be cut
            if has_run(words(art["title"]), run) or h["pane"] not in key:
                continue
            if not has_run(words(art[key[h["pane"]]]), run):
                print(f"{q!r} {level} {h['id']}: pane {h['pane']} lacks {' '.join(run)!r}")
                sys.exit(1)
            checked += 1
print(checked)
PY
)
rc=$?
is "$rc" 0 "every hit's snippet is in the pane it opens at ($checked hits)"
test "${checked:-0}" -gt 50; ok $? "over enough hits to mean something"

done_testing
