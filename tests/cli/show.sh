#!/usr/bin/env bash
# show: the article as text for rounds, as Markdown and as JSON.
. "$TESTLIB"

db="$scratch/test.db"
"$BEDSIDE" import --db "$db" "$FIXTURES/good" >/dev/null || exit 1

run "$BEDSIDE" show --db "$db" alpha
is "$rc" 0 "show an article"
head3=$(printf '%s\n' "$out" | head -3)
is "$head3" "How are widgets calibrated?
Topic: Testing › Widgets
Status: Under review · Updated: 2026-01-15 · Level: Clinician" "title, topic, status, date and level first"
order=$(printf '%s\n' "$out" | grep -E '^(ANSWER|KEY POINTS|FROM THE RESEARCH|REFERENCES|DISCLAIMER|RELATED)$' | tr '\n' ' ')
is "$order" "ANSWER KEY POINTS FROM THE RESEARCH REFERENCES DISCLAIMER RELATED " "panes in order"
contains "$out" "Clinician answer about calibration of widgets with a citation [1]." "the clinician answer"
unlike "$out" "Patient answer" "not the patient answer"
contains "$out" "1. Example Society. Example guideline for testing. 2020." "references numbered"
contains "$out" "Unless the review status above says Approved" "the level's default disclaimer"
contains "$out" "• When should gadgets be replaced? (beta)" "related articles by title"
unlike "$out" $'\033' "no escape sequences when piped"
wide=$(printf '%s\n' "$out" | awk '{ if (length($0) > 80) n++ } END { print n+0 }')
is "$wide" 0 "no line is wider than 80 columns when piped"

# A header too wide for the line (a site's long level label) gives the
# status, the date and the level a line each: wrapped as one line, it
# left "Updated:" at the end of a line and the date on the next.
cp "$db" "$scratch/label.db"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(
    "UPDATE levels SET label = ? WHERE name = ?", ("Clinician, nurse prescriber "
    "or pharmacist", "clinician")); c.commit()' "$scratch/label.db"
run "$BEDSIDE" show --db "$scratch/label.db" alpha
is "$(printf '%s\n' "$out" | sed -n 3,5p)" "Status: Under review
Updated: 2026-01-15
Level: Clinician, nurse prescriber or pharmacist" "a header too wide is a line each"

run "$BEDSIDE" show --db "$db" --level patient alpha
contains "$out" "Patient answer about calibration of widgets, in plain words [2]." "patient answer at the patient level"
contains "$out" "Level: Patient" "the level shown is patient"
contains "$out" "no doctor has checked this article yet" "the patient disclaimer"

# An article with sections for every level, and its own disclaimer.
run "$BEDSIDE" show --db "$db" --level patient gamma
contains "$out" "Sprockets are toothed wheels [1]. A sprocket meshes with a chain; see code" "one body serves every level"
contains "$out" "the site <https://example.org>" "a link shows its text and its address"
contains "$out" "  • nested point [1]" "nested list items are indented"
contains "$out" "A disclaimer written by the author." "the article's own disclaimer wins"

# JSON
run "$BEDSIDE" show --db "$db" --format json alpha
is "$rc" 0 "show --format json"
fields=$(printf '%s' "$out" | python3 -c '
import json,sys
a=json.load(sys.stdin)
print(a["id"], a["status"], a["level"], ",".join(a["levels"]), len(a["references"]), a["references"][1]["number"], a["related"][0], a["disclaimer_is_default"])')
is "$fields" "alpha under-review clinician clinician,patient 2 2 beta True" "JSON fields"

# Markdown round-trips through import.
mkdir -p "$scratch/rt"
"$BEDSIDE" show --db "$db" --format markdown alpha > "$scratch/rt/alpha.md"
head -1 "$scratch/rt/alpha.md" | grep -qx -- '---'
ok $? "markdown starts with front matter"
run "$BEDSIDE" import --db "$scratch/rt.db" "$scratch/rt/alpha.md"
is "$rc" 0 "show --format markdown imports again"
a=$("$BEDSIDE" show --db "$db" alpha | sed -n '/^ANSWER$/,/^REFERENCES$/p')
b=$("$BEDSIDE" show --db "$scratch/rt.db" alpha | sed -n '/^ANSWER$/,/^REFERENCES$/p')
is "$b" "$a" "the round-tripped article reads the same"

# A section written for every level is exported so, without {level=}:
# else the export of an article for every reader, imported again, would
# have one level only. Whole JSON documents compared, levels included.
"$BEDSIDE" show --db "$db" --format markdown alpha > "$scratch/alpha.md"
grep -qx '## From the research' "$scratch/alpha.md"
ok $? "a shared section is exported with no level"
grep -qx '## Answer {level=clinician}' "$scratch/alpha.md"
ok $? "a level's own section keeps its level"
for level in clinician patient; do
	mkdir -p "$scratch/rt-$level"
	"$BEDSIDE" show --db "$db" --level $level --format markdown gamma > "$scratch/rt-$level/gamma.md"
	run "$BEDSIDE" import --db "$scratch/rt-$level.db" "$scratch/rt-$level/gamma.md"
	is "$rc" 0 "gamma at the $level level imports again"
	for l in clinician patient; do
		a=$("$BEDSIDE" show --db "$db" --level $l --format json gamma)
		b=$("$BEDSIDE" show --db "$scratch/rt-$level.db" --level $l --format json gamma)
		is "$b" "$a" "gamma exported at the $level level reads the same at the $l level"
	done
done

# Tabs are Markdown: a tab-indented code block, a list item's paragraph
# indented by a tab, and a tab in the title and the topic (given in YAML
# as \t) come back from an export whole. One space for each tab made the
# code a paragraph and ended the list.
mkdir -p "$scratch/tabs"
printf -- '---\nid: tabs\ntitle: "Tab\\there?"\ntopic: "Test/Ta\\tbs"\nupdated: 2026-01-02\nstatus: submitted\n---\n\n## Answer\nIntro [1].\n\n\tcode line one\n\tcode line two\n\n- item\n\n\tsame item, next paragraph\n\n## References\n1. Ref.\n' \
    > "$scratch/tabs/tabs.md"
"$BEDSIDE" import --db "$scratch/tabs.db" "$scratch/tabs/tabs.md" >/dev/null
"$BEDSIDE" show --db "$scratch/tabs.db" --format markdown tabs > "$scratch/tabs/export.md"
grep -q "$(printf '^\tcode line one$')" "$scratch/tabs/export.md"
ok $? "markdown keeps a tab that indents code"
contains "$(cat "$scratch/tabs/export.md")" 'title: "Tab\x09here?"' "a tab in the title is written as an escape"
run "$BEDSIDE" import --db "$scratch/tabs-rt.db" "$scratch/tabs/export.md"
is "$rc" 0 "the export with tabs imports again"
a=$("$BEDSIDE" show --db "$scratch/tabs.db" --format json tabs)
b=$("$BEDSIDE" show --db "$scratch/tabs-rt.db" --format json tabs)
is "$b" "$a" "and reads the same, tabs and all"

# So do the other characters never printed as they are: a C1 control, a
# line separator, a zero-width space, a bidi override, a tag character.
# Written raw they came out as placeholders, and the export imported
# again with a different title and topic.
mkdir -p "$scratch/unsafe"
printf -- '---\nid: unsafe\ntitle: "C1 \\x9b LS \\u2028 ZW \\u200b tag \\U000e0041 end"\ntopic: "Test/RLO \\u202e x"\nupdated: 2026-01-02\nstatus: submitted\n---\n\n## Answer\nText.\n' \
    > "$scratch/unsafe/unsafe.md"
"$BEDSIDE" import --db "$scratch/unsafe.db" "$scratch/unsafe/unsafe.md" >/dev/null
"$BEDSIDE" show --db "$scratch/unsafe.db" --format markdown unsafe > "$scratch/unsafe/export.md"
contains "$(cat "$scratch/unsafe/export.md")" 'title: "C1 \x9b LS \u2028 ZW \u200b tag \U000e0041 end"' "such characters in the title are written as escapes"
contains "$(cat "$scratch/unsafe/export.md")" 'topic: "Test/RLO \u202e x"' "and in the topic"
run "$BEDSIDE" import --db "$scratch/unsafe-rt.db" "$scratch/unsafe/export.md"
is "$rc" 0 "the export imports again"
a=$("$BEDSIDE" show --db "$scratch/unsafe.db" --format json unsafe)
b=$("$BEDSIDE" show --db "$scratch/unsafe-rt.db" --format json unsafe)
is "$b" "$a" "and reads the same"

# A code fence left open at the end of the file runs to its end, which
# is the end of the last section. Exported in the panes' order, where
# References follows the Answer, it swallowed them: the export did not
# import again. It is closed in the export.
mkdir -p "$scratch/fence"
printf -- '---\nid: fence\ntitle: Fence?\ntopic: Test\nupdated: 2026-01-02\nstatus: submitted\n---\n\n## References\n1. Ref.\n\n## Answer\nIntro [1].\n\n~~~~ text\nunclosed code\n' \
    > "$scratch/fence/fence.md"
"$BEDSIDE" import --db "$scratch/fence.db" "$scratch/fence/fence.md" >/dev/null
"$BEDSIDE" show --db "$scratch/fence.db" --format markdown fence > "$scratch/fence/export.md"
run "$BEDSIDE" import --db "$scratch/fence-rt.db" "$scratch/fence/export.md"
is "$rc" 0 "an export with a fence left open imports again"
a=$("$BEDSIDE" show --db "$scratch/fence.db" fence)
b=$("$BEDSIDE" show --db "$scratch/fence-rt.db" fence)
is "$b" "$a" "and reads the same"

run "$BEDSIDE" show --db "$db" nosuch
is "$rc" 1 "an unknown id exits 1"
like "$err" "^bedside: no article with id 'nosuch' in [^;]*$" "one line names the id"
# A mistyped id is answered with the ids near it, as a mistyped search
# word is: a letter off, two swapped, case, or a word of the id.
for typed in alpah Alpha alph; do
	run "$BEDSIDE" show --db "$db" "$typed"
	is "$rc:$err" "1:bedside: no article with id '$typed' in $db; did you mean: alpha" \
	    "a mistyped id ($typed) exits 1 and names the one meant"
done
run "$BEDSIDE" --db "$db" betta </dev/null
is "$rc:$err" "1:bedside: no article 'betta'; did you mean: beta (see bedside topics, bedside search)" \
    "so does the browser, before it needs a terminal"
run "$BEDSIDE" show --db "$BEDSIDE_BUNDLED_DB" sepsis
like "$err" "did you mean: sepsis-first-hour, neutropenic-sepsis$" "a word of ids, the nearest first"
run "$BEDSIDE" show --db "$db" --format html alpha
is "$rc" 2 "an unknown format is a usage error"
run "$BEDSIDE" show --db "$db"
is "$rc" 2 "show with no id is a usage error"

# The bundled collection shows at both levels.
run "$BEDSIDE" show af-anticoagulation --level patient
is "$rc" 0 "a bundled article shows from the build tree with no --db"
contains "$out" "Status: Under review" "bundled articles say they are under review"

# Related articles are laid out as the panes' lists: a blank line under
# the heading, a wrapped title's id under the text, not the bullet; and a
# title's Markdown characters are only text.
run "$BEDSIDE" show --db "$BEDSIDE_BUNDLED_DB" af-anticoagulation
is "$(printf '%s\n' "$out" | sed -n '/^RELATED$/{n;p;}')" "" "a blank line under RELATED"
like "$out" $'\n  \\(af-rate-vs-rhythm\\)' "a wrapped related title's id is indented under it"
mkdir -p "$scratch/relmd"
cat > "$scratch/relmd/one.md" <<'EOF'
---
id: rel-one
title: Is *this* [1] `code` or _text_?
topic: Testing/Related
updated: 2026-03-02
status: under-review
---

## Answer
One.
EOF
cat > "$scratch/relmd/two.md" <<'EOF'
---
id: rel-two
title: Which article is related?
topic: Testing/Related
updated: 2026-03-02
status: under-review
related: [rel-one]
---

## Answer
Two.
EOF
"$BEDSIDE" import --db "$scratch/relmd.db" "$scratch/relmd" >/dev/null 2>&1
run "$BEDSIDE" show --db "$scratch/relmd.db" rel-two
like "$out" '• Is \*this\* \[1\] `code` or _text_\? \(rel-one\)' "a related title is shown as written"

done_testing
