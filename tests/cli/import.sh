#!/usr/bin/env bash
# import: validation rules, all-or-nothing, replacement, --replace.
. "$TESTLIB"

db="$scratch/test.db"

run "$BEDSIDE" import --db "$db" "$FIXTURES/good"
is "$rc" 0 "good fixtures import"
like "$out" '^imported 3 articles into .* \(3 new, 0 replaced\)$' "one-line summary on stdout"
is "$err" "" "nothing on stderr when all is well and stderr is not a terminal"
run "$BEDSIDE" check --db "$db"
is "$rc" 0 "the new database passes check"

# Each bad file alone: exit 4, its FILE:LINE: reason, database untouched.
cp "$db" "$scratch/before.db"
for f in "$FIXTURES"/bad/*.md; do
	name=$(basename "$f" .md)
	want=$(cat "${f%.md}.expect")
	run "$BEDSIDE" import --db "$db" "$f"
	is "$rc" 4 "$name: rejected with exit 4"
	case "$want" in
	:*) contains "$err" "$f$want" "$name: reports FILE:LINE: reason" ;;
	*) contains "$err" "$want" "$name: reports the reason" ;;
	esac
	cmp -s "$db" "$scratch/before.db"
	ok $? "$name: database byte-for-byte unchanged"
done

# All files at once: every problem is reported, not just the first.
run "$BEDSIDE" import --db "$db" "$FIXTURES/bad"
is "$rc" 4 "a folder of bad files is rejected"
nbad=$(ls "$FIXTURES"/bad/*.md | wc -l)
nlines=$(printf '%s\n' "$err" | grep -c '\.md:[0-9]*: ')
[ "$nlines" -ge "$nbad" ]
ok $? "every bad file reported ($nlines problem lines for $nbad files)"
like "$err" 'import rejected: [0-9]+ problems in [0-9]+ files; the database was not changed' "closing line says nothing changed"

# A folder with no article in it: said once, with no count of files.
mkdir "$scratch/no-articles"
run "$BEDSIDE" import --db "$db" "$scratch/no-articles"
is "$rc" 4 "a folder with no .md file is rejected"
contains "$err" "no-articles: no .md articles found" "and says why, naming the folder"
like "$err" 'import rejected: 1 problem; the database was not changed$' "the closing line counts no files it never found"

# One bad file among good ones rejects the whole import.
run "$BEDSIDE" import --db "$db" "$FIXTURES/good" "$FIXTURES/bad/bad-date.md"
is "$rc" 4 "good and bad together: rejected"
cmp -s "$db" "$scratch/before.db"
ok $? "good and bad together: database unchanged"

# A rejected import into a new path creates nothing.
run "$BEDSIDE" import --db "$scratch/new.db" "$FIXTURES/bad/bad-id.md"
is "$rc" 4 "rejected import into a new database"
[ ! -e "$scratch/new.db" ]
ok $? "no database file is created when the import is rejected"

# A refused heading is reported once: its text is not also "text before
# the first section heading", nor the file "without sections".
mkdir -p "$scratch/heads"
for head in "## Answer {level = patient}" "## Answer {level=nurse}" "## Answr" "# Answer" \
    "### Answer"; do
	printf -- '---\nid: heads\ntitle: Heads?\ntopic: Test\nupdated: 2026-01-02\nstatus: submitted\n---\n\n%s\nSome text.\n' \
	    "$head" > "$scratch/heads/one.md"
	run "$BEDSIDE" import --db "$scratch/heads.db" "$scratch/heads/one.md"
	is "$rc" 4 "rejected: $head"
	like "$err" "^$scratch/heads/one\.md:9: " "the heading's line is named: $head"
	is "$(printf '%s\n' "$err" | grep -c 'one\.md:')" 1 "and nothing else: $head"
done
# Nor, beside a good section, is it a missing Answer (for each level),
# and the citations under it count: the reference is not "never cited".
for head in "## Answer {level=Clinician}" "## Answer:" "# Answer" "Answer
======" "### Answer"; do
	printf -- '---\nid: heads\ntitle: Heads?\ntopic: Test\nupdated: 2026-01-02\nstatus: submitted\n---\n\n%s\nSome text [1].\n\n## References\n1. A reference.\n' \
	    "$head" > "$scratch/heads/two.md"
	run "$BEDSIDE" import --db "$scratch/heads.db" "$scratch/heads/two.md"
	is "$rc" 4 "rejected beside References: $head"
	like "$err" "^$scratch/heads/two\.md:9: " "the heading's line is named: $head"
	is "$(printf '%s\n' "$err" | grep -c 'two\.md:')" 1 "and nothing else: $head"
done
# With no Answer at all, one line says so, not one for each level.
printf -- '---\nid: heads\ntitle: Heads?\ntopic: Test\nupdated: 2026-01-02\nstatus: submitted\n---\n\n## Key points\n- A point.\n' \
    > "$scratch/heads/three.md"
run "$BEDSIDE" import --db "$scratch/heads.db" "$scratch/heads/three.md"
is "$err" "$scratch/heads/three.md:9: no Answer: an article needs '## Answer' (or one for each level, '## Answer {level=NAME}')
bedside: import rejected: 1 problem in 1 file; the database was not changed" "no Answer at all is one problem"
run "$BEDSIDE" import --db "$scratch/heads.db" "$FIXTURES/bad/level1-heading.md"
is "$(printf '%s\n' "$err" | grep -c 'level1-heading\.md:9:')" 1 "a level-1 heading is not also text before the sections"
# A deeper heading before the first section is a mistyped section heading
# too, told as one; after it, it is the section's own.
printf -- '---\nid: heads\ntitle: Heads?\ntopic: Test\nupdated: 2026-01-02\nstatus: submitted\n---\n\n### Answer\nSome text.\n' \
    > "$scratch/heads/one.md"
run "$BEDSIDE" import --db "$scratch/heads.db" "$scratch/heads/one.md"
contains "$err" "one.md:9: level-3 heading: sections are level-2 headings" \
    "a level-3 heading before the sections says its level"
printf -- '---\nid: heads\ntitle: Heads?\ntopic: Test\nupdated: 2026-01-02\nstatus: submitted\n---\n\n## Answer\nText [1].\n\n### More\nText.\n\n## References\n1. A reference.\n' \
    > "$scratch/heads/four.md"
run "$BEDSIDE" import --db "$scratch/heads.db" "$scratch/heads/four.md"
is "$rc:$err" "0:" "a level-3 heading inside a section is its own"

# Lines that end in a lone CR (an old Mac editor's files) are lines to
# YAML and CommonMark alike: the front matter is found, and a problem is
# reported on its own line.
mkdir -p "$scratch/cr"
printf -- '---\rid: cr-only\rtitle: CR only?\rtopic: Test\rupdated: 2026-01-02\rstatus: submitted\r---\r\r## Answer\rText [1].\r\r## References\r1. A reference.\r' \
    > "$scratch/cr/good.md"
run "$BEDSIDE" import --db "$scratch/cr.db" "$scratch/cr/good.md"
is "$rc" 0 "a file with lone CR line endings imports"
run "$BEDSIDE" show --db "$scratch/cr.db" --format json cr-only
contains "$out" '"answer":"Text [1]."' "with its sections"
sed 's/2026-01-02/2026-02-30/' "$scratch/cr/good.md" > "$scratch/cr/bad.md"
run "$BEDSIDE" import --db "$scratch/cr.db" "$scratch/cr/bad.md"
contains "$err" "$scratch/cr/bad.md:5: invalid date '2026-02-30'" "a problem in it names its line"

# Duplicate ids across files.
run "$BEDSIDE" import --db "$db" "$FIXTURES/dup"
is "$rc" 4 "duplicate ids are rejected"
like "$err" "two\.md:2: duplicate id 'same-id' \(also in .*one\.md:2\)" "duplicate id names both files"

# Missing paths and non-articles.
run "$BEDSIDE" import --db "$db" "$scratch/nope"
is "$rc" 4 "a missing path rejects the import"
like "$err" 'nope: No such file or directory' "the missing path is named"
echo hi > "$scratch/notes.txt"
run "$BEDSIDE" import --db "$db" "$scratch/notes.txt"
is "$rc" 4 "a named non-.md file is rejected"

# Re-import of an id replaces it.
mkdir -p "$scratch/edit"
sed 's/^title: .*/title: How are widgets recalibrated?/' "$FIXTURES/good/alpha.md" > "$scratch/edit/alpha.md"
run "$BEDSIDE" import --db "$db" "$scratch/edit/alpha.md"
is "$rc" 0 "re-import succeeds"
like "$out" '\(0 new, 1 replaced\)' "summary counts the replacement"
run "$BEDSIDE" show --db "$db" alpha
like "$out" '^How are widgets recalibrated\?' "show has the new title"
run "$BEDSIDE" search --db "$db" --json recalibrated
like "$out" '"id":"alpha"' "search finds the new title"
run "$BEDSIDE" search --db "$db" calibrated
unlike "$out" 'widgets calibrated\?' "the old title is gone from the index"
count=$("$BEDSIDE" topics --db "$db" --json | python3 -c 'import json,sys; print(sum(t["total"] for t in json.load(sys.stdin)["topics"]))')
is "$count" 3 "still three articles after replacing one"
run "$BEDSIDE" check --db "$db"
is "$rc" 0 "check passes after a replacement"

# --replace: the database holds exactly what was imported.
run "$BEDSIDE" import --db "$db" --replace "$FIXTURES/good/alpha.md"
is "$rc" 0 "--replace import succeeds (with a warning for the missing related article)"
like "$err" "alpha\.md:7: warning: related article 'beta' is not in the database" "missing related article is a warning with FILE:LINE"
like "$out" '2 removed' "summary says how many were removed"
run "$BEDSIDE" show --db "$db" beta
is "$rc" 1 "an article not re-imported is gone after --replace"
run "$BEDSIDE" topics --db "$db"
unlike "$out" 'Gadgets|Sprockets' "empty topics are removed"

# --replace replaces the articles only: the reading levels and statuses a
# site added to its database stay, with their labels, order and
# disclaimers, as the articles were checked against them.
site="$scratch/site.db"
"$BEDSIDE" import --db "$site" "$FIXTURES/good" >/dev/null 2>&1
sqlite3 "$site" "INSERT INTO levels VALUES ('nurse', 'Nurse', 3, 'Ask the nurse in charge.');
    INSERT INTO statuses VALUES ('retired', 'Retired', 4);"
rules() { sqlite3 -readonly "$site" 'SELECT * FROM levels ORDER BY position; SELECT * FROM statuses ORDER BY position'; }
rules_before=$(rules)
cat > "$scratch/nurse.md" <<'EOF'
---
id: nurse-rounds
title: What does a nurse check on rounds?
topic: Nursing/Rounds
updated: 2026-03-02
status: retired
---

## Answer {level=nurse}
Nurse answer about the checks on rounds [1].

## Answer {level=clinician}
Clinician answer about the checks on rounds [1].

## References
1. Example Society. Example guideline for rounds. 2020.
EOF
run "$BEDSIDE" import --db "$site" "$scratch/nurse.md"
is "$rc" 0 "an article at a site's own level and status imports"
run "$BEDSIDE" import --db "$site" --replace "$scratch/nurse.md"
is "$rc" 0 "and so does --replace with it"
is "$(rules)" "$rules_before" "--replace keeps the site's levels and statuses as they were"
run "$BEDSIDE" show --db "$site" --level nurse nurse-rounds
is "$rc" 0 "show at the site's level after --replace"
contains "$out" "Status: Retired" "with the site's status label"
contains "$out" "Level: Nurse" "at that level"
contains "$out" "Nurse answer about the checks" "with the level's answer"
contains "$out" "Ask the nurse in charge." "and the level's disclaimer"
run "$BEDSIDE" check --db "$site"
is "$rc" 0 "the database --replace made passes check"

# An import through a symbolic link updates the database the link points
# to, and the link stays a link; the lock, the new file and the rename
# are beside that database, so imports through the link and through the
# file itself wait for each other.
mkdir "$scratch/real"
"$BEDSIDE" import --db "$scratch/real/ward.db" "$FIXTURES/good/beta.md" >/dev/null 2>&1
ln -s real/ward.db "$scratch/link.db"
run "$BEDSIDE" import --db "$scratch/link.db" "$FIXTURES/good/alpha.md"
is "$rc" 0 "an import through a symbolic link succeeds"
test -L "$scratch/link.db"
ok $? "the link stays a link"
run "$BEDSIDE" show --db "$scratch/real/ward.db" alpha
is "$rc" 0 "the database it points to has the article"
run "$BEDSIDE" show --db "$scratch/real/ward.db" beta
is "$rc" 0 "and keeps the one it had"
test -e "$scratch/real/ward.db.lock" && test ! -e "$scratch/link.db.lock"
ok $? "the lock is beside the database, not beside the link"
ln -s real/new.db "$scratch/newlink.db"
run "$BEDSIDE" import --db "$scratch/newlink.db" "$FIXTURES/good/beta.md"
is "$rc" 0 "an import through a link to a database not made yet succeeds"
test -L "$scratch/newlink.db" && test -f "$scratch/real/new.db" && test ! -L "$scratch/real/new.db"
ok $? "and makes the database where the link points"
ln -s nowhere/new.db "$scratch/dangling.db"
run "$BEDSIDE" import --db "$scratch/dangling.db" "$FIXTURES/good/beta.md"
is "$rc" 4 "an import through a link into a folder not there is rejected"
like "$err" 'dangling\.db: cannot follow the link to the database: No such file or directory$' "saying why"
test -L "$scratch/dangling.db"
ok $? "and the link stays a link"
# A --db that cannot be looked at is a database that cannot be read (3),
# as it is to every other command and as a folder is, not a rejected
# import (4); and it is said before any article is read. Nothing there
# at all, or a missing folder, is a database to make (see above).
ln -s loop-b.db "$scratch/loop-a.db"
ln -s loop-a.db "$scratch/loop-b.db"
mkdir "$scratch/adir.db"
for name in loop-a.db loop-a.db/x.db adir.db; do
	for cmd in import search show topics check; do
		case $cmd in
		import) arg=$FIXTURES/good/alpha.md ;;
		search) arg=fever ;;
		show) arg=alpha ;;
		*) arg= ;;
		esac
		run "$BEDSIDE" $cmd --db "$scratch/$name" $arg
		is "$rc" 3 "$cmd with a --db of $name exits 3"
		is "$(wc -l < "$scratch/err")" 1 "in one line on stderr"
	done
done
run "$BEDSIDE" import --db "$scratch/loop-a.db" "$FIXTURES/good/alpha.md"
like "$err" 'loop-a\.db: cannot open database: Too many levels of symbolic links$' \
    "naming the link and why"
run "$BEDSIDE" import --db "$scratch/loop-a.db" "$FIXTURES/bad"
is "$rc:$(wc -l < "$scratch/err")" "3:1" "with bad articles too: the database is said first, alone"
test -L "$scratch/loop-a.db" && test ! -e "$scratch/loop-a.db.lock"
ok $? "and nothing is made beside it"
if command -v flock >/dev/null 2>&1; then
	exec 9>>"$scratch/real/ward.db.lock"
	flock -x 9
	run timeout 1 "$BEDSIDE" import --db "$scratch/link.db" "$FIXTURES/good/alpha.md"
	exec 9>&-
	is "$rc" 124 "an import through the link waits for one through the file"
else
	echo "ok $((tap_n += 1)) # skip flock is not installed"
fi

# Folders reached through symbolic links are walked once each, and a file
# reached twice (through two links, or named twice) is imported once: a
# link back into a folder being walked is no loop and no error, as with
# find -L or rsync.
mkdir "$scratch/loop2" "$scratch/loop1"
cp "$FIXTURES/good/nested/gamma.md" "$scratch/loop2/"
cp "$FIXTURES/good/nested/gamma.md" "$scratch/loop1/"
ln -s . "$scratch/loop2/a"
ln -s . "$scratch/loop2/b"
ln -s . "$scratch/loop1/a"
run timeout 10 "$BEDSIDE" import --db "$scratch/loop2.db" "$scratch/loop2"
is "$rc" 0 "a folder with two links to itself imports, and soon"
like "$out" '^imported 1 article into ' "its one article once"
is "$err" "" "with nothing on stderr"
run timeout 10 "$BEDSIDE" import --db "$scratch/loop1.db" "$scratch/loop1"
is "$rc:$err" "0:" "a folder with one link to itself imports, with nothing on stderr"
like "$out" '^imported 1 article into ' "its one article once"
run "$BEDSIDE" import --db "$scratch/twice.db" "$scratch/loop1/gamma.md" "$scratch/loop1/gamma.md"
is "$rc:$err" "0:" "a file named twice imports, with no duplicate id"
like "$out" '^imported 1 article into ' "once"
run "$BEDSIDE" import --db "$scratch/twice.db" "$scratch/loop1" "$scratch/loop1/gamma.md" "$scratch/loop1/"
is "$rc:$err" "0:" "a file named and in a folder named (twice) imports"
like "$out" '^imported 1 article into ' "once"
# Two links to one folder: its files come once, through the first link
# in name order, so the import is the same every time.
mkdir -p "$scratch/links/in" "$scratch/links/shared"
cp "$FIXTURES/good/nested/gamma.md" "$scratch/links/shared/"
ln -s ../shared "$scratch/links/in/b"
ln -s ../shared "$scratch/links/in/a"
run "$BEDSIDE" import --db "$scratch/links.db" "$scratch/links/in"
is "$rc:$err" "0:" "a folder reached through two links imports"
like "$out" '^imported 1 article into ' "its article once"
is "$(sqlite3 -readonly "$scratch/links.db" 'SELECT source FROM articles')" \
    "$scratch/links/in/a/gamma.md" "through the first link by name"

# A broken link in a folder is a problem only where it names an article:
# a stale link to a log or a notes file beside the articles is one more
# file that import does not read, and rejected the import.
mkdir -p "$scratch/broken"
cp "$FIXTURES/good/nested/gamma.md" "$scratch/broken/"
ln -s nowhere "$scratch/broken/notes.txt"
ln -s nowhere "$scratch/broken/old"
run "$BEDSIDE" import --db "$scratch/broken.db" "$scratch/broken"
is "$rc:$err" "0:" "a broken link to a file that is not an article is passed over"
like "$out" '^imported 1 article into ' "and the articles are imported"
ln -s nowhere "$scratch/broken/lost.md"
run "$BEDSIDE" import --db "$scratch/broken.db" "$scratch/broken"
is "$rc" 4 "a broken link named as an article is a problem"
like "$err" "broken/lost\.md: cannot read: No such file or directory" "named, with why"

# HTML is printed as text, tags and all: an author's HTML comment, which
# other Markdown readers hide, was read out to patients with no word at
# import. It is a warning, naming the line of the first in each section.
mkdir -p "$scratch/html"
cat > "$scratch/html/html.md" <<'EOF2'
---
id: html-note
title: Is HTML shown?
topic: Test
updated: 2026-01-02
status: submitted
---

## Answer
Plain text.
<!-- reviewer: check this dose -->

## Key points
- A <b>bold</b> point, and x < 5 mg, and <https://example.org>.
- Another <i>one</i>.

## From the research
- `<code>` in a code span is no HTML.
EOF2
run "$BEDSIDE" import --db "$scratch/html.db" "$scratch/html/html.md"
is "$rc" 0 "HTML does not stop an import"
is "$err" "$scratch/html/html.md:11: warning: an HTML comment is shown to readers as text, not hidden or drawn: remove it
$scratch/html/html.md:14: warning: HTML is shown to readers as text, not hidden or drawn: write it in Markdown or leave it out" \
    "a warning for the first HTML of each section, a comment said as such"

# A terminal shows no image: readers get its description and a file
# name. Warned about once a section, on its line; a link is no image.
mkdir -p "$scratch/image"
cat > "$scratch/image/image.md" <<'EOF2'
---
id: image-note
title: Is an image shown?
topic: Test
updated: 2026-01-02
status: submitted
---

## Answer
A [link](https://example.org) is shown as text.
The chart: ![doses by weight](chart.png) and ![another](b.png).

## Key points
- ![a second](c.png)
EOF2
run "$BEDSIDE" import --db "$scratch/image.db" "$scratch/image/image.md"
is "$rc" 0 "an image does not stop an import"
is "$err" "$scratch/image/image.md:11: warning: an image cannot be shown in a terminal, only its description and file name: say in the text what it shows
$scratch/image/image.md:14: warning: an image cannot be shown in a terminal, only its description and file name: say in the text what it shows" \
    "a warning for the first image of each section, on its line"

# A paragraph indented by a tab or four spaces is a code block to
# CommonMark, shown as typed: it is warned about, once a section, and
# its citations are checked as any others (a [7] with no reference 7 was
# imported without a word). A fenced block is meant: no warning.
mkdir -p "$scratch/indent"
printf -- '---\nid: indented\ntitle: Indented?\ntopic: Test\nupdated: 2026-01-02\nstatus: submitted\n---\n\n## Answer\n\tAn indented paragraph [1].\n\n    Another [2].\n\n```\nfenced [3]\n```\n\n## Key points\n- A point.\n\n        Indented in an item [2].\n\n## References\n1. One.\n2. Two.\n' \
    > "$scratch/indent/ok.md"
run "$BEDSIDE" import --db "$scratch/indent.db" "$scratch/indent/ok.md"
is "$rc:$err" "0:$scratch/indent/ok.md:10: warning: text indented by a tab or 4 spaces is shown as typed, as code, not as a paragraph: remove the indent
$scratch/indent/ok.md:21: warning: text indented by a tab or 4 spaces is shown as typed, as code, not as a paragraph: remove the indent" \
    "an indented paragraph is warned about at the first in each section; its citations count"
sed 's/Another \[2\]/Another [7]/' "$scratch/indent/ok.md" > "$scratch/indent/bad.md"
run "$BEDSIDE" import --db "$scratch/indent.db" "$scratch/indent/bad.md"
is "$rc" 4 "a citation with no reference in an indented paragraph is refused"
contains "$err" "$scratch/indent/bad.md:12: citation [7] has no entry in References" "naming its line"

# A database path in a message is made safe for the terminal, as every
# other is: control characters and escape sequences in it are shown as
# placeholders (U+2400 on), and each message stays one line.
safe_err() {
	[ "$(wc -l < "$scratch/err")" -eq 1 ] && ! LC_ALL=C grep -q $'[\001-\037\177]' "$scratch/err"
}
run "$BEDSIDE" import --db "$scratch/no"$'\033[7m'"pe"$'\n'"/x.db" "$FIXTURES/good/alpha.md"
is "$rc" 4 "an import into a folder that is not there is rejected"
safe_err
ok $? "its message is one line with no control character"
contains "$err" "no␛[7mpe␊/x.db: cannot create the lock file" "and shows them as placeholders"
printf 'not a database\n' > "$scratch/ba"$'\033]0;x\a'"d"$'\n'".db"
run "$BEDSIDE" import --db "$scratch/ba"$'\033]0;x\a'"d"$'\n'".db" "$FIXTURES/good/alpha.md"
is "$rc" 3 "an import into a file that is not a database is refused"
safe_err
ok $? "its message is one line with no control character"
contains "$err" "ba␛]0;x␇d␊.db: not a readable SQLite database" "and shows them as placeholders"

# An import that cannot write beside the database is rejected with 4,
# as one with a bad file: nothing was written, and the database is not
# missing, unreadable or corrupt (3).
run "$BEDSIDE" import --db "$scratch/notes.txt/x.db" "$FIXTURES/good/alpha.md"
is "$rc" 4 "an import under a file, not a folder, is rejected with 4"
lockmsg='cannot create the lock file x\.db\.lock beside it: Not a directory$'
like "$err" "^[^ ]*/notes\\.txt/x\\.db: $lockmsg" \
    "naming the database, the file it could not make and why"
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$scratch/ro"
	"$BEDSIDE" import --db "$scratch/ro/ward.db" "$FIXTURES/good/beta.md" >/dev/null 2>&1
	cp "$scratch/ro/ward.db" "$scratch/ro-before.db"
	chmod 555 "$scratch/ro"
	run "$BEDSIDE" import --db "$scratch/ro/ward.db" "$FIXTURES/good/alpha.md"
	chmod 755 "$scratch/ro"
	is "$rc" 4 "an import into a read-only folder is rejected with 4"
	cmp -s "$scratch/ro/ward.db" "$scratch/ro-before.db"
	ok $? "and leaves the database as it was"
else
	echo "ok $((tap_n += 1)) # skip root writes into a read-only folder"
	echo "ok $((tap_n += 1)) # skip root writes into a read-only folder"
fi

# The file keeps its permissions across an import (it is replaced by rename).
chmod 640 "$db"
"$BEDSIDE" import --db "$db" "$FIXTURES/good" >/dev/null 2>&1
is "$(stat -c %a "$db")" 640 "the database keeps its mode"
ls "$scratch" | grep -q 'import-' && leftover=1 || leftover=0
is "$leftover" 0 "no temporary files left beside the database"

# Progress on stderr only when stderr is a terminal and the import is long.
python3 "$(dirname "$0")/../robust/gen_articles.py" "$scratch/many" 600 3
run "$BEDSIDE" import --db "$scratch/many.db" "$scratch/many"
is "$err" "" "a long import to a pipe prints no progress"
# A new database is made with 16 KB pages (schema.sql): the pragma only
# counts before the first table.
is "$(sqlite3 -readonly "$scratch/many.db" 'PRAGMA page_size')" 16384 "a new database has 16 KB pages"
# stderr_on_pty DB PATH...: what an import writes to stderr on a terminal.
stderr_on_pty() {
	python3 - "$BEDSIDE" "$@" <<'PY'
import os, pty, subprocess, sys
master, slave = pty.openpty()
p = subprocess.run([sys.argv[1], "import", "--db"] + sys.argv[2:],
                   stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
data = b""
try:
    while True:
        chunk = os.read(master, 65536)
        if not chunk:
            break
        data += chunk
except OSError:
    pass
sys.stdout.write(data.decode("utf-8", "replace"))
sys.exit(p.returncode)
PY
}
stderr_on_pty "$scratch/many2.db" "$scratch/many" > "$scratch/pty.out"
is "$?" 0 "a long import with stderr on a terminal succeeds"
like "$(cat "$scratch/pty.out")" 'bedside: writing [0-9]+/600' "and shows progress there"
like "$(cat "$scratch/pty.out")" 'bedside: merging the search index\.\.\.' "and names the long steps after"
like "$(cat "$scratch/pty.out")" 'bedside: syncing the new database\.\.\.' "up to the sync"
stderr_on_pty "$scratch/many2.db" "$scratch/many" > "$scratch/pty3.out"
like "$(cat "$scratch/pty3.out")" 'bedside: copying the database\.\.\.' "an import into a database names its copy"
like "$(cat "$scratch/pty3.out")" $'\r\033\[K$' "and the last thing it writes clears the line"
# The progress line is cleared before the problems are listed.
stderr_on_pty "$scratch/many3.db" "$scratch/many" "$FIXTURES/bad/bad-date.md" > "$scratch/pty2.out"
is "$?" 4 "a long import with one bad file is rejected on a terminal too"
python3 -c 'import sys; t = open(sys.argv[1], newline="").read(); i = t.find(sys.argv[2]); \
print("cleared" if i > 0 and t[:i].endswith("\r\033[K") else repr(t[max(i, 0) - 60:i]))' \
    "$scratch/pty2.out" "$FIXTURES/bad/bad-date.md:" > "$scratch/pty2.verdict"
is "$(cat "$scratch/pty2.verdict")" cleared "the progress line is cleared before the first problem"

# Every problem comes out, in file order, each duplicate id right after
# its own file's problems.
python3 "$(dirname "$0")/../robust/gen_articles.py" "$scratch/order" 160 5
for i in 007 019 020 058 101 133 159; do
	sed -i 's/^updated: .*/updated: 2026-02-30/' "$scratch/order/gen-00$i.md"
done
sed -i 's/^id: gen-00140$/id: gen-00003/' "$scratch/order/gen-00140.md"
run "$BEDSIDE" import --db "$scratch/order.db" "$scratch/order"
is "$rc" 4 "160 files with 8 problems are rejected"
got=$(printf '%s\n' "$err" | sed -n 's|^.*/\(gen-[0-9]*\)\.md:[0-9]*: \([a-z]*\).*|\1 \2|p' | tr '\n' ' ')
is "$got" "gen-00007 invalid gen-00019 invalid gen-00020 invalid gen-00058 invalid gen-00101 invalid gen-00133 invalid gen-00140 duplicate gen-00159 invalid " \
    "every problem once, in file order"

# Each file is read once, as it is written: a file found bad half way,
# when 299 articles are already in the new file, rejects the import all
# the same; the files after it are still checked, the database is left as
# it was and the new file is removed.
cp "$scratch/many.db" "$scratch/many-before.db"
sed -i 's/^title: .*/title: Reworded question?/' "$scratch/many/gen-00300.md"
cp "$scratch/many/gen-00450.md" "$scratch/gen-00450.keep"
sed -i 's/^updated: .*/updated: 2026-13-01/' "$scratch/many/gen-00450.md"
run env LD_PRELOAD="$FAULTSHIM" FAULT_CALL=read FAULT_PATH=gen-00300.md FAULT_ERRNO=EIO \
    ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 \
    "$BEDSIDE" import --db "$scratch/many.db" "$scratch/many"
is "$rc" 4 "a file that cannot be read, half way through, rejects the import"
like "$err" "gen-00300\.md: cannot read: Input/output error" "the read error is reported"
like "$err" "gen-00450\.md:[0-9]+: .*2026-13-01" "and so is a problem in a file after it"
like "$err" "import rejected: 2 problems in 2 of 600 files" "both are counted"
cmp -s "$scratch/many.db" "$scratch/many-before.db"
ok $? "the database is unchanged"
ls "$scratch" | grep -q 'import-' && leftover=1 || leftover=0
is "$leftover" 0 "no temporary file is left behind"
cp "$scratch/gen-00450.keep" "$scratch/many/gen-00450.md"

# The first files are checked before anything is locked, copied or
# written: a small import with a problem leaves the database's folder as
# it was, with not even a lock file in it.
mkdir "$scratch/untouched"
run "$BEDSIDE" import --db "$scratch/untouched/x.db" "$FIXTURES/good/"*.md "$FIXTURES/bad/bad-date.md"
is "$rc" 4 "a small import with a bad file is rejected"
is "$(ls -A "$scratch/untouched")" "" "before anything is made beside the database"

# After a problem the rest of the files are only read, and the progress
# line says so.
stderr_on_pty "$scratch/many4.db" "$FIXTURES/bad/bad-date.md" "$scratch/many" > "$scratch/pty4.out"
is "$?" 4 "an import whose first file is bad is rejected"
like "$(cat "$scratch/pty4.out")" 'bedside: reading [0-9]+/601' "and reads the rest, saying so"
test ! -e "$scratch/many4.db"
ok $? "and creates no database"

# Replacing many articles at once keeps the spelling vocabulary exact:
# the words of the rows removed are counted on one thread, those of the
# rows added on another, and check recounts them all.
for f in "$scratch"/many/gen-00[0-2]*.md; do
	sed -i 's/^\(## Answer {level=clinician}\)$/\1\nZygomorphic xanthelasma./' "$f"
done
run "$BEDSIDE" import --db "$scratch/many.db" "$scratch/many"
is "$rc" 0 "re-importing 600 articles, 300 of them changed, succeeds"
like "$out" '\(0 new, 600 replaced\)' "every article replaced"
run "$BEDSIDE" check --db "$scratch/many.db"
is "$rc" 0 "check finds the spelling vocabulary exact after the replacement"
run "$BEDSIDE" search --db "$scratch/many.db" --limit 1000 --json xanthelasma
is "$(printf '%s' "$out" | grep -o '"id":' | wc -l)" 300 "the new word is in the 300 changed articles"
run "$BEDSIDE" search --db "$scratch/many.db" reworded
like "$out" 'Reworded question' "the title changed before the failed import is in now"

# A signal mid-import (Ctrl-C, a dropped SSH session, kill) removes the
# new file, which grows as large as the database, and changes nothing.
# (The import runs under a wrapper that gives it the default action of
# each signal back: a shell starts background commands with SIGINT
# ignored, and a test run under nohup, or by a runner that ignores SIGHUP,
# would pass that on; the import rightly keeps a signal it was started
# ignoring.)
python3 "$(dirname "$0")/../robust/gen_articles.py" "$scratch/big" 3000 7
for sig in INT TERM HUP; do
	cp "$scratch/many.db" "$scratch/sig.db"
	cp "$scratch/sig.db" "$scratch/sig-before.db"
	python3 -c 'import os, signal, sys; [signal.signal(s, signal.SIG_DFL) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)]; os.execv(sys.argv[1], sys.argv[1:])' \
	    "$BEDSIDE" import --db "$scratch/sig.db" "$scratch/big" >/dev/null 2>&1 &
	pid=$!
	for i in $(seq 1 1000); do
		ls "$scratch" | grep -q '^sig\.db\.import-' && break
		sleep 0.01
	done
	kill -"$sig" "$pid"
	wait "$pid"
	is "$?" $((128 + $(kill -l "$sig"))) "SIG$sig mid-import ends the import by that signal"
	ls "$scratch" | grep -q '^sig\.db\.import-' && left=1 || left=0
	is "$left" 0 "SIG$sig mid-import: the new file is removed"
	cmp -s "$scratch/sig.db" "$scratch/sig-before.db"
	ok $? "SIG$sig mid-import: the database is unchanged"
done

# Warnings piped into a reader that quits early (| head -1) end the
# import by SIGPIPE while its new file exists: that file is removed too.
# One article with 4000 references never cited: far more warnings than
# a pipe holds, written after the new file is made.
{
	printf -- '---\nid: many-refs\ntitle: Many references?\ntopic: Test\n'
	printf -- 'updated: 2026-01-02\nstatus: submitted\n---\n\n## Answer\nText.\n\n## References\n'
	seq 1 4000 | sed 's/$/. A reference./'
} > "$scratch/many-refs.md"
cp "$scratch/sig.db" "$scratch/pipe.db"
cp "$scratch/pipe.db" "$scratch/pipe-before.db"
# (Through a wrapper that sets SIGPIPE's default action: the test may
# have been started with it ignored.)
python3 -c 'import os, signal, sys; signal.signal(signal.SIGPIPE, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
    "$BEDSIDE" import --db "$scratch/pipe.db" "$scratch/many-refs.md" 2>&1 >/dev/null | head -1 >/dev/null
ls "$scratch" | grep -q '^pipe\.db\.import-' && left=1 || left=0
is "$left" 0 "an import killed by SIGPIPE removes its new file"
cmp -s "$scratch/pipe.db" "$scratch/pipe-before.db"
ok $? "and leaves the database as it was"

# What an import killed outright (SIGKILL, a power cut) left behind goes
# with the next import; other files beside the database stay.
: > "$scratch/sig.db.import-AbC123"
: > "$scratch/sig.db.import-notours"
: > "$scratch/other.db.import-XyZ789"
run "$BEDSIDE" import --db "$scratch/sig.db" "$FIXTURES/good"
is "$rc" 0 "an import beside a killed import's file succeeds"
[ ! -e "$scratch/sig.db.import-AbC123" ]
ok $? "and removes that file"
[ -e "$scratch/sig.db.import-notours" ] && [ -e "$scratch/other.db.import-XyZ789" ]
ok $? "but not files of another name or another database"

# An import into an existing database starts from a copy of its file,
# made by the kernel; with a -journal or -wal file beside the database
# (a change may be outside the file) SQLite's backup makes it instead.
# Both give the same database.
cp "$scratch/sig.db" "$scratch/side.db"
: > "$scratch/side.db-journal"
run "$BEDSIDE" import --db "$scratch/side.db" "$scratch/edit/alpha.md"
is "$rc" 0 "an import with a -journal file beside the database succeeds"
rm -f "$scratch/side.db-journal"
run "$BEDSIDE" import --db "$scratch/sig.db" "$scratch/edit/alpha.md"
is "$rc" 0 "and the same import without it"
for d in side sig; do
	"$BEDSIDE" show --db "$scratch/$d.db" --format json alpha > "$scratch/$d.json"
	"$BEDSIDE" topics --db "$scratch/$d.db" --json >> "$scratch/$d.json"
	"$BEDSIDE" search --db "$scratch/$d.db" --json widgets >> "$scratch/$d.json"
done
cmp -s "$scratch/side.json" "$scratch/sig.json"
ok $? "the two databases show, list and search alike"
like "$(cat "$scratch/sig.json")" 'recalibrated' "with the re-imported title"
run "$BEDSIDE" check --db "$scratch/side.db"
is "$rc" 0 "the one SQLite copied passes check"
run "$BEDSIDE" check --db "$scratch/sig.db"
is "$rc" 0 "the one the kernel copied passes check"

# An import waiting for the lock while another makes or replaces the
# database starts from the database as that one left it.
if command -v flock >/dev/null 2>&1; then
	mkdir -p "$scratch/race"
	# import_while_replaced FILE: imports FILE into race/ward.db, which
	# race/other.db replaces while the import waits for the lock; sets rc.
	import_while_replaced() {
		exec 9>>"$scratch/race/ward.db.lock"
		flock -x 9
		"$BEDSIDE" import --db "$scratch/race/ward.db" "$1" \
		    >"$scratch/race/out" 2>"$scratch/race/err" 9>&- &
		local waiting=$!
		sleep 1
		mv "$scratch/race/other.db" "$scratch/race/ward.db"
		exec 9>&-
		wait "$waiting"
		rc=$?
	}
	"$BEDSIDE" import --db "$scratch/race/other.db" "$FIXTURES/good/beta.md" >/dev/null
	import_while_replaced "$FIXTURES/good/alpha.md"
	is "$rc" 0 "an import that waited for the lock succeeds"
	run "$BEDSIDE" topics --db "$scratch/race/ward.db" --articles
	contains "$out" "beta" "the article the other import made is kept"
	contains "$out" "alpha" "beside this import's"
	# The rules its files were checked against changed: refused.
	"$BEDSIDE" import --db "$scratch/race/other.db" "$FIXTURES/good/beta.md" >/dev/null
	sqlite3 "$scratch/race/other.db" "INSERT INTO statuses (name, label, position) VALUES ('retired', 'Retired', 9)"
	import_while_replaced "$FIXTURES/good/nested/gamma.md"
	is "$rc" 4 "an import whose database changed its statuses meanwhile is refused"
	contains "$(cat "$scratch/race/err")" "replaced by another import while this one read its files; run it again" "saying to run it again"
else
	for i in 1 2 3 4 5; do echo "ok $((tap_n += 1)) # skip flock is not installed"; done
fi

# The bundled collection imports cleanly, with no warnings at all.
run "$BEDSIDE" import --db "$scratch/bundled.db" "$ARTICLES"
is "$rc" 0 "the bundled articles import"
is "$err" "" "the bundled articles import without a warning"

# A long title or topic may be folded over lines with YAML's '>', which
# leaves a newline at the end; a literal ('|') one of two lines is refused.
cat > "$scratch/folded.md" <<'EOF'
---
id: folded-title
title: >
  What does a title folded
  over two lines look like?
topic: >
  Testing/Folded
updated: 2026-03-02
status: under-review
---

## Answer
Text.
EOF
run "$BEDSIDE" import --db "$scratch/folded.db" "$scratch/folded.md"
is "$rc:$err" "0:" "a title and topic folded with '>' import"
run "$BEDSIDE" show --db "$scratch/folded.db" --format json folded-title
contains "$out" '"title":"What does a title folded over two lines look like?","topic":"Testing/Folded"' \
    "as one line each, with no newline kept"
sed 's/^title: >$/title: |/' "$scratch/folded.md" > "$scratch/literal.md"
run "$BEDSIDE" import --db "$scratch/folded.db" "$scratch/literal.md"
is "$rc:$err" "4:$scratch/literal.md:3: title must be one line of 1 to 400 bytes
bedside: import rejected: 1 problem in 1 file; the database was not changed" \
    "a title of two lines is refused"
sed 's/^  Testing\/Folded$/  Testing\/Folded\n  Two/; s/^topic: >$/topic: |/' "$scratch/folded.md" > "$scratch/topic2.md"
run "$BEDSIDE" import --db "$scratch/folded.db" "$scratch/topic2.md"
like "$err" "topic2\.md:6: invalid topic" "and so is a topic of two lines"

# Each related id missing from the database is blamed on its own line
# when the list is written one item a line.
mkdir -p "$scratch/rel"
cat > "$scratch/rel/rel.md" <<'EOF'
---
id: rel-lines
title: Which lines do warnings name?
topic: Testing/Related
updated: 2026-03-02
status: under-review
related:
  - nowhere-one
  - nowhere-two
---

## Answer
Text.
EOF
run "$BEDSIDE" import --db "$scratch/rel.db" "$scratch/rel/rel.md"
is "$rc" 0 "related ids not in the database are only warned about"
like "$err" "rel\.md:8: warning: related article 'nowhere-one' is not in the database" \
    "the first on its own line"
like "$err" "rel\.md:9: warning: related article 'nowhere-two' is not in the database" \
    "and the second on its own"

# A control or invisible character (a soft hyphen pasted from a word
# processor, an ESC) is kept, shown as a placeholder, and warned about
# once, at the first, with how many more the file has.
printf -- '---\nid: pasted\ntitle: Pasted?\ntopic: Test/Pasted\nupdated: 2026-01-01\nstatus: submitted\n---\n\n## Answer\nGive furo\302\255semide.\n\nAnd \033[31m red, \342\200\213 there.\n' \
    >"$scratch/pasted.md"
run "$BEDSIDE" import --db "$scratch/pasted.db" "$scratch/pasted.md"
is "$rc" 0 "a file with invisible characters imports"
is "$err" "$scratch/pasted.md:10: warning: invisible character U+00AD is shown to readers as a placeholder (and 2 more in the file): remove it" \
    "with one warning at the first, counting the rest"
sed -i 's/\xc2\xad//; s/\xe2\x80\x8b//' "$scratch/pasted.md"
run "$BEDSIDE" import --db "$scratch/pasted.db" "$scratch/pasted.md"
is "$err" "$scratch/pasted.md:12: warning: control character U+001B is shown to readers as a placeholder: remove it" \
    "a control character is named as one"

# Numbers in brackets that are no citation ("[3-1]", "[0]", "[1000]"),
# an author's slip, are shown as text: the import warns at the first.
printf -- '---\nid: odd-cite\ntitle: Odd citations?\ntopic: Test/Odd\nupdated: 2026-01-01\nstatus: submitted\n---\n\n## Answer\nGive it [1].\n\nAlso [3-1], [0] and [1000].\n\n## References\n1. A source.\n' \
    >"$scratch/odd-cite.md"
run "$BEDSIDE" import --db "$scratch/odd-cite.db" "$scratch/odd-cite.md"
is "$rc" 0 "an article with a malformed citation imports"
is "$err" "$scratch/odd-cite.md:12: warning: '[3-1]' is not a citation, and readers see it as text: numbers run from 1 to 999, a range upward ('[2-4]')" \
    "with a warning at the first malformed one"
sed -i 's/\[3-1\], \[0\] and \[1000\]/[2, 3-4] (CI [0.5, 0.9])/; s/^1\. A source\.$/1. A.\n2. B.\n3. C.\n4. D./' "$scratch/odd-cite.md"
sed -i 's/Give it \[1\]\./Give it [1]./' "$scratch/odd-cite.md"
run "$BEDSIDE" import --db "$scratch/odd-cite.db" "$scratch/odd-cite.md"
is "$err" "" "real citations and an interval with decimals are no warning"

# "related: ~" and "related: null" are YAML's null, as an empty
# "related:" is: no related articles. A quoted "~" is text, and no list.
for value in '~' 'null' '"~"'; do
	sed "s/^related:\$/related: $value/; /^  - nowhere/d" "$scratch/rel/rel.md" \
	    > "$scratch/rel-null.md"
	run "$BEDSIDE" import --db "$scratch/rel-null.db" "$scratch/rel-null.md"
	if [ "$value" = '"~"' ]; then
		is "$rc" 4 "related: $value is refused"
		like "$err" "rel-null\.md:7: 'related' must be a list" "as no list"
	else
		is "$rc" 0 "related: $value is no related article"
		is "$err" "" "and nothing to warn about"
	fi
done

# A file's problems are listed in the order of their lines, as a compiler
# lists them, though they are found front matter first, then section by
# section, then citations.
mkdir -p "$scratch/order"
cat > "$scratch/order/order.md" <<'EOF'
---
id: order-test
title: In which order are problems listed?
topic: Testing/Order
updated: 2026-1-5
status: under review
---

## Answer
Text [1].

## Key points
- point

## From the research
- finding [2]

## Refs
1. Something.
EOF
run "$BEDSIDE" import --db "$scratch/order.db" "$scratch/order/order.md"
is "$rc" 4 "a file with five problems is rejected"
is "$(printf '%s\n' "$err" | sed -n 's/^.*order\.md:\([0-9]*\):.*/\1/p' | tr '\n' ' ')" "5 6 10 16 18 " \
    "its problems are listed by line"

done_testing
