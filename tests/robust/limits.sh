#!/usr/bin/env bash
# Resource limits: a file size limit (ulimit -f) must turn a write that
# goes past it into an error the program reports, not SIGXFSZ's default
# action, which kills it with no word and leaves its temporary file.
. "$TESTLIB"

# limited BLOCKS CMD...: runs CMD under ulimit -f BLOCKS with its standard
# output to a file and its errors to a pipe (a file there would be
# limited too); sets rc and err.
limited() {
	local blocks=$1
	shift
	err=$(bash -c 'ulimit -f "$0"; exec "$@" 2>&1 >"$OUT"' "$blocks" "$@")
	rc=$?
}
export OUT="$scratch/out.txt"

db="$scratch/l.db"
limited 0 "$BEDSIDE" import --db "$db" "$ARTICLES"
[ "$rc" -lt 128 ]; ok $? "import over ulimit -f 0 is not killed by a signal ($rc)"
[ "$rc" -eq 3 ] || [ "$rc" -eq 4 ]; ok $? "it fails with the database's or the import's status"
like "$err" 'l\.db: cannot .*(File too large|disk I/O error)' "and says it cannot write the database"
is "$(ls "$scratch" | grep -c 'import-')" 0 "no temporary file is left beside the database"
[ ! -s "$db" ]; ok $? "and no database was made"

# A database there already: a larger import past the limit leaves it as it was.
"$BEDSIDE" import --db "$db" "$FIXTURES/good" >/dev/null || exit 1
cp "$db" "$scratch/before.db"
size=$(( $(stat -c %s "$db") / 512 + 1 ))
limited "$size" "$BEDSIDE" import --db "$db" "$ARTICLES"
[ "$rc" -lt 128 ]; ok $? "a replacing import over the limit is not killed ($rc)"
like "$err" 'l\.db: cannot .*(File too large|disk I/O error)' "and says why it failed"
cmp -s "$db" "$scratch/before.db"; ok $? "the database is as it was"
is "$(ls "$scratch" | grep -c 'import-')" 0 "no temporary file is left"

# show and search writing to a file past the limit say so too.
limited 0 "$BEDSIDE" show --db "$db" alpha
is "$rc" 2 "show into a file over the limit exits 2, not killed"
like "$err" 'cannot write to standard output' "and says it cannot write"

done_testing
