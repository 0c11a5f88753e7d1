#!/bin/sh
# topics-articles.sh: `bedside topics --articles`, the list of every article
# that scripts and the shell's completion of ids read.
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"
: "${ARTICLES:?}"

tab=$(printf '\t')

run "$BEDSIDE" topics --articles
is "$rc" 0 "topics --articles exits 0"
is "$err" "" "nothing on stderr"
like "$out" "^af-anticoagulation${tab}Which patients with atrial fibrillation \\(AF\\) need anticoagulation\\?\$" \
	"a line is ID<TAB>TITLE"
bad=$(printf '%s\n' "$out" | awk -F "$tab" 'NF != 2 || $1 !~ /^[a-z0-9-]+$/' | head -3)
is "$bad" "" "every line is exactly an id and a title"
n_files=$(find "$ARTICLES" -name '*.md' | wc -l | tr -d ' ')
n_lines=$(printf '%s\n' "$out" | wc -l | tr -d ' ')
is "$n_lines" "$n_files" "one line for each bundled article"
dups=$(printf '%s\n' "$out" | cut -f1 | sort | uniq -d)
is "$dups" "" "no id twice"
# Ordered by topic: the ids of one topic come together.
first=$(printf '%s\n' "$out" | head -1 | cut -f1)
run "$BEDSIDE" show --format json "$first"
like "$out" '"topic":"Cardiology/' "the list starts with the first topic"

run "$BEDSIDE" topics --articles --json
is "$rc" 0 "topics --articles --json exits 0"
like "$out" '^\{"articles":\[\{"id":"' "--json gives an articles array"
like "$out" '"id":"af-anticoagulation","title":"Which patients[^"]*","topic":"Cardiology/Atrial fibrillation","status":"under-review","updated":"[0-9-]{10}"' \
	"each entry has id, title, topic, status and updated"
if command -v python3 >/dev/null 2>&1; then
	n_json=$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["articles"]))')
	is "$n_json" "$n_files" "--json is valid JSON with every article"
else
	echo "ok $((tap_n += 1)) # skip python3 is not installed"
fi
run "$BEDSIDE" topics --json --articles
like "$out" '^\{"articles":' "the options may come in any order"

# A database of its own: only its articles, and a title with a tab in it
# still gives two columns.
mkdir "$scratch/one"
cat >"$scratch/one/tabbed.md" <<'ART'
---
id: tabbed-title
title: "A title with a\ttab in it?"
topic: Test/Columns
updated: 2026-01-02
status: submitted
---

## Answer
Text.
ART
run "$BEDSIDE" import --db "$scratch/one.db" "$scratch/one"
is "$rc" 0 "a scratch database is made"
run "$BEDSIDE" topics --db "$scratch/one.db" --articles
is "$out" "tabbed-title${tab}A title with a tab in it?" "--db picks the database; a tab in a title becomes a space"
run "$BEDSIDE" --db "$scratch/one.db" topics --articles
is "$out" "tabbed-title${tab}A title with a tab in it?" "--db before the command works too"

# The list follows the tree's order (what `bedside topics` and the
# browser show): topic names without regard to case, a topic's subtopics
# right after it.
mkdir "$scratch/order"
for t in "alpha/Zed:a-zed" "Alpha extra:alpha-extra" "alpha:alpha-top" "Beta:beta" "alpha/b:a-b"; do
	topic=${t%%:*} id=${t#*:}
	printf -- '---\nid: %s\ntitle: Title of %s?\ntopic: %s\nupdated: 2026-01-02\nstatus: submitted\n---\n\n## Answer\nText.\n' \
	    "$id" "$id" "$topic" >"$scratch/order/$id.md"
done
run "$BEDSIDE" import --db "$scratch/order.db" "$scratch/order"
is "$rc" 0 "a database of mixed-case topics is made"
run "$BEDSIDE" topics --db "$scratch/order.db" --articles
is "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "alpha-top a-b a-zed alpha-extra beta " \
    "articles come in the tree's order"
run "$BEDSIDE" topics --db "$scratch/order.db"
like "$(printf '%s\n' "$out" | tr -d '\n')" "alpha.*b.*Zed.*Alpha extra.*Beta" "as the tree lists their topics"

# An empty database lists nothing and is no error.
rm -f "$scratch/one/tabbed.md"
run "$BEDSIDE" topics --db /nonexistent/x.db --articles
is "$rc" 3 "a missing database is status 3"
like "$err" '^bedside: /nonexistent/x\.db: ' "the error names the database"
run "$BEDSIDE" topics --articles extra
is "$rc" 2 "an extra argument is a usage error"

done_testing
