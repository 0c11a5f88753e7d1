#!/usr/bin/env bash
# import: an author's usual mistakes, as the closing line and each
# FILE:LINE: reason report them. (import.sh holds the rules themselves.)
. "$TESTLIB"

db="$scratch/ward.db"
run "$BEDSIDE" import --db "$db" "$FIXTURES/good"
is "$rc" 0 "a database to import into"
cp "$db" "$scratch/before.db"
good=$(ls "$FIXTURES"/good/*.md | head -1)

# rejected ARGS...: runs the import and checks it changed nothing.
rejected() {
	run "$BEDSIDE" import --db "$db" "$@"
	is "$rc" 4 "rejected with status 4: ${*##*/}"
	cmp -s "$db" "$scratch/before.db"
	ok $? "and the database is byte for byte as it was"
}

# The closing line counts the files that had a problem: "1 problem in 2
# files" blamed the good file too, and a path that is not there, in none
# of the files read, was counted in the one good file.
rejected "$good" "$FIXTURES/bad/bad-date.md"
like "$err" 'rejected: 1 problem in 1 of 2 files; the database' "one bad file of two"
rejected "$FIXTURES/bad/bad-date.md" "$FIXTURES/bad/bad-id.md"
like "$err" 'rejected: 2 problems in 2 files; the database' "two bad files of two"
rejected "$good" "$scratch/not-there.md"
like "$err" "not-there\\.md: No such file or directory" "a missing path is named"
like "$err" 'rejected: 1 problem; the database' "and counted in no file read"
cp "$good" "$scratch/again.md"
rejected "$good" "$scratch/again.md"
like "$err" "again\\.md:[0-9]+: duplicate id" "a duplicate id is the second file's problem"
like "$err" 'rejected: 1 problem in 1 of 2 files; the database' "and counted once"

# A month past 12 is most often the day and month swapped: say so,
# rather than that the day is not there.
sed 's/^updated: .*/updated: 2026-25-03/' "$good" >"$scratch/swapped.md"
rejected "$scratch/swapped.md"
like "$err" "swapped\.md:[0-9]+: invalid date '2026-25-03': there is no such month \(" \
    "a day-month date is named as such"

# A database whose reading levels cannot be read is one that cannot be
# read (3), as every other command says, not a reason to call each
# article's levels unknown ("known: none") and reject it (4).
python3 - "$db" "$scratch" <<'PY'
import shutil, sqlite3, sys
db, scratch = sys.argv[1], sys.argv[2]
shutil.copy(db, scratch + "/no-levels.db")
c = sqlite3.connect(scratch + "/no-levels.db")
c.executescript("DROP TABLE levels;")
c.close()
c = sqlite3.connect(db)
size = c.execute("PRAGMA page_size").fetchone()[0]
root = c.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'levels'").fetchone()[0]
c.close()
shutil.copy(db, scratch + "/bad-levels.db")
with open(scratch + "/bad-levels.db", "r+b") as f:
    f.seek((root - 1) * size)
    f.write(b"\x0d" + b"\xff" * 7)
PY
for name in no-levels bad-levels; do
	cp "$scratch/$name.db" "$scratch/$name.keep"
	run "$BEDSIDE" import --db "$scratch/$name.db" "$good"
	like "$rc:$err" "^3:.*$name\.db: cannot read the reading levels and statuses: " \
	    "$name: the database is named as unreadable, status 3"
	unlike "$err" 'known: none' "$name: no article is blamed"
	cmp -s "$scratch/$name.db" "$scratch/$name.keep"; ok $? "$name: and left as it was"
done

# A title with " #" in it and no quotes is cut there by YAML (the rest
# is a comment): it was imported cut short without a word. A colon and
# space, which YAML refuses, is explained.
cp "$db" "$scratch/hash.db"
sed 's/^title: .*/title: What is the #1 cause?/' "$good" >"$scratch/hash.md"
run "$BEDSIDE" import --db "$scratch/hash.db" "$scratch/hash.md"
like "$rc:$err" "^0:.*hash\.md:3: warning: the title ends before ' #'" \
    "a title cut at ' #' is a warning, on its line"
sed 's/^title: .*/title: "What is the #1 cause?"/' "$good" >"$scratch/quoted.md"
run "$BEDSIDE" import --db "$scratch/hash.db" "$scratch/quoted.md"
is "$rc:$err" "0:" "a quoted title with '#' in it is not"
sed 's/^title: .*/title: Widgets: when to calibrate?/' "$good" >"$scratch/colon.md"
rejected "$scratch/colon.md"
like "$err" "colon\.md:3: front matter is not valid YAML: .* \(a value with ': ' in it" \
    "a title with ': ' is rejected, saying what to do"

# A file saved as Latin-1 has a bad byte on many lines: the first ten
# are listed, and the rest were left out without a word.
{
	sed -n '1,/^## Answer/p' "$good"
	for i in $(seq 14); do printf 'Caf\351 %d.\n\n' "$i"; done
} >"$scratch/latin1.md"
rejected "$scratch/latin1.md"
is "$(printf '%s\n' "$err" | grep -c 'latin1\.md:[0-9]*: invalid UTF-8 (byte 0xE9)')" 10 \
    "the first ten lines with a bad byte are listed"
like "$err" "latin1\.md:[0-9]+: invalid UTF-8 on 4 more lines, not listed: save the file" \
    "and the rest are counted"
like "$err" 'rejected: 11 problems in 1 file' "as one problem more"

# An author who edits a one-level export and imports it would lose the
# other level's text without a word: it is a warning, naming the level.
lvdb="$scratch/levels.db"
run "$BEDSIDE" import --db "$lvdb" "$FIXTURES/good/alpha.md"
is "$rc" 0 "an article with both levels"
id=$(sed -n 's/^id: *//p' "$FIXTURES/good/alpha.md")
"$BEDSIDE" show --db "$lvdb" --format markdown --level clinician "$id" \
    >"$scratch/edited.md"
run "$BEDSIDE" import --db "$lvdb" "$scratch/edited.md"
is "$rc" 0 "its clinician export imported again: accepted"
like "$err" "edited\.md:[0-9]+: warning: replacing '$id', which has patient text, with this file, which has none, removes that text" \
    "with a warning that the patient text goes"
unlike "$err" "has clinician text" "and none for the level it has"
run "$BEDSIDE" import --db "$lvdb" "$FIXTURES/good/alpha.md"
unlike "$err" "removes that text" "the whole article again: no such warning"

done_testing
