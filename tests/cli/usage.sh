#!/usr/bin/env bash
# The command line itself: help, version, usage errors, secure mode.
. "$TESTLIB"

run "$BEDSIDE" --help
is "$rc" 0 "--help exits 0"
for c in import search show topics check; do
	like "$out" "^  $c " "--help lists $c"
done
like "$out" '^Exit status: 0 success, 1 nothing found, 2 usage error' "--help gives the exit statuses"

run "$BEDSIDE" --version
is "$rc" 0 "--version exits 0"
like "$out" '^bedside [0-9]+\.[0-9]+\.[0-9]+$' "--version prints name and version"

run "$BEDSIDE" --bogus
is "$rc" 2 "an unknown option is a usage error"
is "$err" "bedside: unknown option '--bogus' (see bedside --help)" \
    "and names it in one line"
run "$BEDSIDE" search --bogus x
is "$rc" 2 "an unknown subcommand option is a usage error"
run "$BEDSIDE" frobnicate twice
is "$rc" 2 "an unknown command is a usage error"
run "$BEDSIDE" show --db
is "$rc" 2 "an option missing its value is a usage error"
# "-" is not standard input to import: it says so, and writes nothing.
run "$BEDSIDE" import --db "$scratch/stdin.db" - </dev/null
is "$rc" 2 "import - is a usage error"
is "$err" "bedside: import: cannot read articles from standard input ('-'): give .md files or folders" \
    "that says why in one line"
[ ! -e "$scratch/stdin.db" ]; ok $? "and makes no database"
run "$BEDSIDE" import
is "$rc" 2 "import with nothing to import is a usage error"

# The option at fault is named, also a letter in a group of them, which
# getopt reads one at a time (not the word before the group).
for args in "-xy" "croup -xy" "search -xy fever" "search --json -qz fever" "show -x croup" \
    "show --format=json -xy croup" "topics -xV" "check -x" "import -x $FIXTURES/good"; do
	run "$BEDSIDE" $args </dev/null
	is "$rc" 2 "an unknown letter is a usage error: $args"
	like "$err" "unknown option '-[xq]' \(see bedside --help\)$" \
	    "and names that letter: $args"
done
# Each says why, as GNU getopt would: "unknown" alone sends a user who
# left off a value, or typed a value after a switch, hunting for a typo.
see='needs a value \(see bedside --help\)$'
nope='takes no value \(see bedside --help\)$'
for args in "search fever --limit" "show croup --format" "--db" "croup --level" \
    "search --lev"; do
	run "$BEDSIDE" $args </dev/null
	like "$rc:$err" "^2:bedside: ([a-z]+: )?option '--(limit|format|db|level)' $see" \
	    "a long option missing its value is named, and that said: $args"
done
for args in "search --json=1 fever" "--secure=1 topics" "croup --secure=yes" \
    "topics --articles=no"; do
	run "$BEDSIDE" $args </dev/null
	like "$rc:$err" "^2:bedside: ([a-z]+: )?option '--(json|secure|articles)' $nope" \
	    "a switch given a value is named, and that said: $args"
done
help=' (see bedside --help)'
run "$BEDSIDE" search --l fever
is "$rc:$err" "2:bedside: search: option '--l' is ambiguous: --level or --limit$help" \
    "an ambiguous abbreviation is named, with what it could mean"
run "$BEDSIDE" show --lim=3 croup
is "$err" "bedside: show: unknown option '--lim=3' (see bedside --help)" \
    "an option of another command is unknown to this one"

# The database comes from --db, else $BEDSIDE_DB, else the build tree.
cd "$scratch" || exit 1
run "$BEDSIDE" topics
is "$rc" 0 "run from another folder, the build-tree database is found"
run env BEDSIDE_DB="$scratch/none.db" "$BEDSIDE" topics
is "$rc" 3 "\$BEDSIDE_DB is used when set"
contains "$err" "none.db" "and named when it is missing"

# An empty database path names no file: a usage error, in one line, for
# every command and the browser, and nothing is created (import once
# made ./.lock and failed with exit 4).
mkdir "$scratch/empty" && cd "$scratch/empty" || exit 1
for args in "import --db '' $FIXTURES/good" "import --db= $FIXTURES/good" \
    "--db '' import $FIXTURES/good" "search --db '' fever" "show --db= croup" \
    "topics --db ''" "check --db=" "--db '' topics" "--db ''" "croup --db ''"; do
	eval "run \"\$BEDSIDE\" $args" </dev/null
	is "$rc" 2 "an empty --db is a usage error: $args"
	like "$err" "^bedside: --db needs a path, not an empty string$" "and says so: $args"
done
# (import gets a file it rejects: were $BEDSIDE_DB taken as unset, the
# bundled database is what it would change.)
for cmd in "import $FIXTURES/bad/bad-id.md" "search fever" "show croup" "topics" "check" ""; do
	run env BEDSIDE_DB= "$BEDSIDE" $cmd </dev/null
	is "$rc" 2 "an empty \$BEDSIDE_DB is a usage error: ${cmd:-the browser}"
	like "$err" '^bedside: \$BEDSIDE_DB is set but empty' "and says so: ${cmd:-the browser}"
done
is "$(ls -A)" "" "no file was made in the working folder"
run env BEDSIDE_DB= "$BEDSIDE" topics --db "$BEDSIDE_BUNDLED_DB"
is "$rc" 0 "--db wins over an empty \$BEDSIDE_DB"
run env BEDSIDE_DB= BEDSIDE_SECURE=1 "$BEDSIDE" topics
is "$rc" 0 "secure mode ignores an empty \$BEDSIDE_DB as it ignores any"
cd "$scratch" || exit 1

# A keymap file the browser cannot read: one line naming it and why.
for km in "$scratch/no-such.keys" "$scratch"; do
	run "$BEDSIDE" --keymap "$km" </dev/null
	is "$rc" 2 "--keymap $km: a usage error"
	is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "--keymap $km: in one line"
	like "$err" "^bedside: $km: cannot (open|read): " "--keymap $km: naming the file and why"
done

# Secure mode: no database path from the user.
run "$BEDSIDE" --secure search --db "$scratch/x.db" fever
is "$rc" 2 "--secure refuses --db"
like "$err" 'not allowed in secure mode' "and says why"
run env BEDSIDE_SECURE=1 "$BEDSIDE" search --db="$scratch/x.db" fever
is "$rc" 2 "BEDSIDE_SECURE=1 refuses --db=PATH"
run env BEDSIDE_SECURE=1 BEDSIDE_DB="$scratch/none.db" "$BEDSIDE" search fever
is "$rc" 0 "secure mode ignores \$BEDSIDE_DB and uses the bundled database"
run "$BEDSIDE" --secure import "$FIXTURES/good"
is "$rc" 2 "secure mode refuses import"

# Output that could not be written is an error, not a success: a script
# would take a truncated article for the whole one.
if [ -w /dev/full ]; then
	for cmd in "show croup" "show --format markdown croup" "search --json fever" \
	    "topics" "topics --articles" "check" "--help" "--version"; do
		"$BEDSIDE" $cmd >/dev/full 2>"$scratch/err"
		rc=$?
		err=$(cat "$scratch/err")
		is "$rc" 2 "a failed write to standard output fails: $cmd"
		like "$err" '^bedside: cannot write to standard output: No space left on device$' \
		    "and says so in one line: $cmd"
	done
fi

done_testing
