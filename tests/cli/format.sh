#!/usr/bin/env bash
# The article format's less common but valid shapes: each imports, and
# what show gives back is what the author wrote.
. "$TESTLIB"

db="$scratch/format.db"
mkdir -p "$scratch/in"

# article ID FRONT-MATTER-EXTRA: front matter on stdout.
front() {
	printf -- '---\nid: %s\ntitle: Format question?\ntopic: Testing/Format\nupdated: 2026-01-15\nstatus: under-review\n---\n\n' "$1"
}

# A setext heading ("Answer" over dashes) keeps its section's first line.
{ front setext; printf 'Answer\n------\nFirst line: the dose is 5 mg [1].\nSecond line.\n\nKey points\n----------\n- One point [1].\n\n## References\n1. Example Society. Example guideline for testing. 2020.\n'; } > "$scratch/in/setext.md"
# A one-line section under a setext heading is not empty.
{ front setext-short; printf 'Answer\n------\nOnly line [1].\n\n## Key points\n- One point [1].\n\n## References\n1. Example Society. Example guideline for testing. 2020.\n'; } > "$scratch/in/setext-short.md"
run "$BEDSIDE" import --db "$db" "$scratch/in/setext.md" "$scratch/in/setext-short.md"
is "$rc" 0 "setext headings import"
run "$BEDSIDE" show --db "$db" setext
contains "$out" "First line: the dose is 5 mg [1]. Second line." "the first line under a setext heading is kept"
contains "$out" "• One point [1]." "the section after it"
run "$BEDSIDE" show --db "$db" setext-short
contains "$out" "Only line [1]." "a one-line setext section"

# CRLF line endings: stored and shown with plain line ends, and the
# markdown show gives imports again to the same article.
{ front crlf; printf '## Answer\nline one\nline two [1]\n\npara two [2]\n\n## Key points\n- point [1]\n\n## References\n1. R first\n   continued\n2. S\n'; } | sed 's/$/\r/' > "$scratch/in/crlf.md"
grep -q $'\r' "$scratch/in/crlf.md"
ok $? "the CRLF fixture has CRs"
run "$BEDSIDE" import --db "$db" "$scratch/in/crlf.md"
is "$rc" 0 "a CRLF article imports"
run "$BEDSIDE" show --db "$db" --format json crlf
answer=$(printf '%s' "$out" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(repr(a["answer"]), repr(a["references"][0]["text"] if "text" in a["references"][0] else a["references"][0]))')
unlike "$answer" '\\r' "no CR in the stored answer or references"
contains "$answer" "'line one\\nline two [1]\\n\\npara two [2]'" "the answer's lines and paragraphs as written"
run "$BEDSIDE" show --db "$db" --format markdown crlf
unlike "$out" $'\r|\xe2\x90\x8d' "markdown has no CR and no CR placeholder"
mkdir -p "$scratch/rt"
printf '%s\n' "$out" > "$scratch/rt/crlf.md"
run "$BEDSIDE" import --db "$scratch/rt.db" "$scratch/rt/crlf.md"
is "$rc" 0 "the markdown of a CRLF article imports again"
a=$("$BEDSIDE" show --db "$db" crlf | grep -v '^bedside')
b=$("$BEDSIDE" show --db "$scratch/rt.db" crlf | grep -v '^bedside')
is "$b" "$a" "and shows the same"
contains "$a" "line one line two [1]" "lines of a paragraph join"
contains "$a" "para two [2]" "the second paragraph"

# Spaces after the '---' lines, invisible in an editor, are allowed.
{ printf -- '--- \nid: spaced\ntitle: Format question?\ntopic: Testing/Format\nupdated: 2026-01-15\nstatus: under-review\n---  \n\n'; printf '## Answer\nAn answer [1].\n\n## Key points\n- point [1]\n\n## References\n1. R\n'; } > "$scratch/in/spaced.md"
run "$BEDSIDE" import --db "$db" "$scratch/in/spaced.md"
is "$rc" 0 "front matter lines '--- ' with trailing spaces"

# A byte order mark and CRLF line ends, as Windows Notepad saves a file:
# it imports with no warning (no reader sees the mark), and a problem
# names its line as an editor counts it.
{ printf '\357\273\277'; front bom | sed 's/$/\r/'; printf '## Answer\r\nAn answer [1].\r\n\r\n## References\r\n1. R\r\n'; } > "$scratch/in/bom.md"
run "$BEDSIDE" import --db "$db" "$scratch/in/bom.md"
is "$rc:$err" "0:" "a file opening with a byte order mark imports, with no warning"
sed 's/2026-01-15/2026-02-30/' "$scratch/in/bom.md" > "$scratch/bom-date.md"
run "$BEDSIDE" import --db "$db" "$scratch/bom-date.md"
is "$err" "$scratch/bom-date.md:5: invalid date '2026-02-30': there is no such day
bedside: import rejected: 1 problem in 1 file; the database was not changed" \
    "a problem in it is its own line and no other"
# One in the text is shown to readers, and is warned about.
{ front bom-inside; printf '## Answer\nAn \357\273\277answer [1].\n\n## References\n1. R\n'; } > "$scratch/bom-inside.md"
run "$BEDSIDE" import --db "$db" "$scratch/bom-inside.md"
like "$err" "bom-inside\.md:10: warning: invisible character U\+FEFF" "a mark inside the text is warned about"

# A NUL byte is reported on its own line.
{ front nul; printf '## Answer\nAn answer [1].\nA bad \0 byte.\n'; } > "$scratch/in/nul.md"
run "$BEDSIDE" import --db "$db" "$scratch/in/nul.md"
is "$rc" 4 "a file with a NUL byte is rejected"
contains "$err" "nul.md:11: the file contains NUL bytes" "at the line that holds it"

run "$BEDSIDE" check --db "$db"
is "$rc" 0 "the database passes check"

done_testing
