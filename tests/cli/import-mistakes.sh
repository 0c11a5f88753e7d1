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

done_testing
