#!/bin/sh
# readme.sh: what README and data/README tell a user and an author, run
# against the program: the usage lines, the size of the bundled
# collection, the example commands, and the author's step by step.
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"
: "${README:?}" "${DATA_README:?}" "${BEDSIDE_BUNDLED_DB:?}"
export BEDSIDE_DB="$BEDSIDE_BUNDLED_DB"

readme=$(cat "$README")

# Each command line of "Using it" is a form --help also gives.
help=$("$BEDSIDE" --help)
for cmd in import search show topics check; do
	line=$(printf '%s\n' "$readme" | sed -n "s/^    bedside $cmd  *//p")
	want=$(printf '%s\n' "$help" | awk -v c="  $cmd" '
		index($0, c) == 1 { s = substr($0, length(c) + 1)
			sub(/  .*/, "", s); sub(/^ /, "", s); print s }')
	# README adds [--db PATH], which --help gives once for every command.
	is "$(printf '%s' "$line" | sed 's/ *\[--db PATH\] *//')" "$want" \
		"README's usage of $cmd is --help's"
done

# "The bundled collection (data/articles, N articles in M topics)".
counts=$(printf '%s\n' "$readme" | tr '\n' ' ' |
	sed -n 's/.*data\/articles, \([0-9]*\) articles in \([0-9]*\) topics.*/\1 \2/p')
n=$("$BEDSIDE" topics --articles | wc -l | tr -d ' ')
m=$("$BEDSIDE" topics | grep -c '^[^ ]')
is "$counts" "$n $m" "README gives the number of bundled articles and topics"
unlike "$("$BEDSIDE" topics --articles --json)" '"status":"(approved|submitted)"' \
	"every bundled article says Under review, as README says"

# The example commands in "Using it" work.
printf '%s\n' "$readme" | sed -n 's/^    \.\/bedside \([^#]*[^ #]\).*/\1/p' >"$scratch/examples"
is "$(wc -l <"$scratch/examples" | tr -d ' ')" 4 "README has four example commands"
while read -r args; do
	# shellcheck disable=SC2086
	run "$BEDSIDE" $args
	is "$rc" 0 "README: bedside $args"
done <"$scratch/examples"

# data/README, "Adding or changing an article": step 1's file is the
# step 2 import's, and the import command works as written.
step1=$(sed -n 's/^1\. Write \([^;]*\);.*/\1/p' "$DATA_README")
step2=$(sed -n 's/^ *\.\/bedside import --db \/tmp\/try\.db //p' "$DATA_README")
is "$step2" "$step1" "data/README: step 2 imports the file step 1 wrote"
mkdir -p "$scratch/src/data/articles/test"
sed -n '/^    ---$/,/^    ---$/s/^    //p' "$DATA_README" >"$scratch/src/data/articles/test/af-anticoagulation.md"
printf '\n## Answer\nText.\n' >>"$scratch/src/data/articles/test/af-anticoagulation.md"
(
	cd "$scratch/src" &&
		"$BEDSIDE" import --db "$scratch/try.db" data/articles/test/af-anticoagulation.md
) >/dev/null 2>&1
is "$?" 0 "data/README's front matter example, with an Answer, imports"

done_testing
