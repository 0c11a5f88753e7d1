#!/usr/bin/env bash
# Output for programs never follows the locale's number format: in
# de_DE.UTF-8, whose decimal point is a comma, --json is still valid JSON
# ("rank":-2.6, not -2,6). The locale's characters (LC_CTYPE) still apply.
. "$TESTLIB"

if ! make_de_locale "$scratch/loc"; then
	echo "1..0 # SKIP cannot build de_DE.UTF-8 (needs localedef and Debian's locales package)"
	exit 0
fi
# de CMD...: runs CMD in the German locale.
de() { env LOCPATH="$scratch/loc" LC_ALL=de_DE.UTF-8 "$@"; }

point=$(de python3 -c 'import locale; locale.setlocale(locale.LC_ALL, ""); print(locale.localeconv()["decimal_point"])')
is "$point" "," "the test locale has a decimal comma"

db="$scratch/t.db"
"$BEDSIDE" import --db "$db" "$FIXTURES/good" >/dev/null || exit 1

# json_check WHAT: $out is one JSON document; every "rank" is a number.
json_check() {
	printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
ranks = [h["rank"] for h in d.get("hits", [])]
assert all(isinstance(r, (int, float)) and not isinstance(r, bool) for r in ranks)
print(len(ranks))' >"$scratch/n" 2>/dev/null
	ok $? "$1: valid JSON, every rank a number"
}

run de "$BEDSIDE" search --db "$db" --json widgets
is "$rc" 0 "search --json finds the widgets in de_DE.UTF-8"
json_check "search --json"
is "$(cat "$scratch/n")" 1 "with its hit"
like "$out" '"rank":-?[0-9]+\.[0-9]+(e[-+][0-9]+)?,"snippet"' "the rank is written with a decimal point"
unlike "$out" '"rank":-?[0-9]+,[0-9]' "never with the locale's decimal comma"

run de "$BEDSIDE" search --json heart failure
json_check "search --json on the bundled database"
run de "$BEDSIDE" show --db "$db" --format json alpha
json_check "show --format json"
run de "$BEDSIDE" topics --db "$db" --json
json_check "topics --json"
run de "$BEDSIDE" topics --db "$db" --articles --json
json_check "topics --articles --json"

# LC_CTYPE is still the user's: on a terminal in this UTF-8 locale the
# hit's "topic · pane" line keeps its middle dot (the C locale gets '?').
if script -q -c true /dev/null </dev/null >/dev/null 2>&1; then
	tty_out=$(de script -q -c "'$BEDSIDE' search --db '$db' --limit 1 widgets" /dev/null </dev/null)
	contains "$tty_out" "Testing/Widgets · " "on a terminal, UTF-8 text as the locale says"
else
	ok 0 "on a terminal, UTF-8 text as the locale says # SKIP script(1) is missing"
fi

done_testing
