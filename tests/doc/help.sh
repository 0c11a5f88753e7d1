#!/bin/sh
# help.sh: --help and --version, as a user and a packager rely on them.
# VERSION comes from configure (AM_TESTS_ENVIRONMENT).
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"

run "$BEDSIDE" --help
is "$rc" 0 "--help exits 0"
is "$err" "" "--help writes nothing on stderr"
like "$out" '^Usage: bedside \[OPTION\]\.\.\. \[ID\]$' "--help starts with a Usage: line"
for cmd in import search show topics check; do
	like "$out" "^  $cmd( |$)" "--help lists the $cmd command"
done
for opt in --db --level --keymap --secure --help --version --replace --limit \
    --json --format --articles; do
	like "$out" "(^| |\[)$opt([ =,]|\]|$)" "--help mentions $opt"
done
like "$out" '^  -h, --help ' "--help shows -h beside --help"
like "$out" '^  -V, --version ' "--help shows -V beside --version"
like "$out" '^Exit status: 0 ' "--help gives the exit statuses"
like "$out" 'man bedside' "--help points to the manual"
# GNU layout: at least two spaces between an option (and its argument) and
# its description, which is how help2man and readers tell them apart.
bad=$(printf '%s\n' "$out" | grep -E '^(      |  -[A-Za-z], )--' |
	grep -Ev '^ +(-[A-Za-z], )?--[a-z][a-z-]*( [A-Z][A-Z|]*)?( {2,}[^ ]|$)' | head -1)
is "$bad" "" "--help: two spaces between each option and its description"
long=$(printf '%s\n' "$out" | awk 'length($0) > 79' | head -1)
is "$long" "" "--help fits 80 columns"

run "$BEDSIDE" -h
is "$rc" 0 "-h exits 0"
like "$out" '^Usage: bedside' "-h prints the same help"

# COMMAND --help and COMMAND -h: the same help, wherever they come.
help=$("$BEDSIDE" --help)
for cmd in import search show topics check; do
	for h in --help -h; do
		run "$BEDSIDE" $cmd $h
		is "$rc" 0 "$cmd $h exits 0"
		is "$out" "$help" "$cmd $h prints the help on stdout"
		is "$err" "" "$cmd $h writes nothing on stderr"
	done
done
run "$BEDSIDE" search --level patient heart failure --help
is "$rc:$out" "0:$help" "search --help after the query still helps"
run "$BEDSIDE" --secure import --help
is "$rc:$out" "0:$help" "import --help in secure mode helps, and imports nothing"

run "$BEDSIDE" --version
is "$rc" 0 "--version exits 0"
is "$out" "bedside ${VERSION:?VERSION must be set}" "--version prints name and configured version"
is "$err" "" "--version writes nothing on stderr"
run "$BEDSIDE" -V
is "$out" "bedside $VERSION" "-V is --version"

# Help and version win over a database that is not there.
BEDSIDE_DB=/nonexistent/bedside.db run "$BEDSIDE" --version
is "$rc" 0 "--version needs no database"

run "$BEDSIDE" --no-such-option
is "$rc" 2 "an unknown option is a usage error (2)"
like "$err" "^bedside: .*--no-such-option.*bedside --help" "it names the option and points to --help"
is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "the error is one line"
is "$out" "" "nothing on stdout"

# The README's usage names every option --help does: a reader of the
# README alone should not miss one.
readme=$(dirname "$FIXTURES")/../README
usage=$(sed -n '/^Using it$/,/^Articles$/p' "$readme")
for opt in $(printf '%s\n' "$help" | grep -oE -- '--[a-z]+' | sort -u); do
	like "$usage" "(^| |\[)$opt([ =,]|\]|$)" "README's usage mentions $opt"
done

# Options before the command apply to it.
run "$BEDSIDE" --level patient show af-anticoagulation
like "$out" 'Level: Patient' "--level before show applies to show"
run "$BEDSIDE" --level patient search anticoagulation --json
like "$out" '"level":"patient"' "--level before search applies to search"
# ... so one the command does not take is refused there too, not dropped:
# 'bedside --level martian check' said ok.
for args in "--level patient topics" "--level martian check" "--keymap vi search fever" \
    "--theme dark show croup"; do
	set -- $args
	run "$BEDSIDE" $args
	is "$rc:$err" "2:bedside: $3: unknown option '$1' (see bedside --help)" \
	    "'$args' is refused as '$3 $1' is"
done

done_testing
