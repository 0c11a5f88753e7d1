#!/bin/sh
# A dose is never split from its unit at the end of a line: in the
# article pane at 80x24, after a resize to 57 columns, and in
# `show --format text` on a terminal. The answer below has a number
# before "mg/mL" at every offset a line can end on, so without the rule
# some line of it would begin with "mg/mL".
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 6
resize() { tmx resize-window -t t -x "$1" -y "$2"; }

mkdir -p "$scratch/units"
{
	printf '%s\n' '---' 'id: units' 'title: How much is given?' \
	    'topic: Testing/Units' 'updated: 2026-01-15' 'status: under-review' \
	    '---' '' '## Answer'
	filler=
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		printf 'Give %s1 mg/mL then %s30 mg/mL. ' "$filler" "$filler"
		filler="${filler}x "
	done
	printf '\n\n%s\n' '## References' '1. Example Society. Example guideline. 2020.'
} > "$scratch/units/units.md"
"$BEDSIDE" import --db "$scratch/units.db" "$scratch/units" >/dev/null || exit 1
db=$scratch/units.db

# no_unit_first: whether no line of the screen begins with the unit.
no_unit_first() { ! printf '%s\n' "$screen" | grep -q '^ *mg/mL'; }

screen_start 80 24 -- units
wait_for '^ Give 1 mg/mL'
ok $? "80x24: the article opens"
no_unit_first
ok $? "80x24: no line of the answer begins with a unit cut from its number"
resize 57 24
wait_for 'Level:'
settle
no_unit_first
ok $? "57x24, after a resize: no line begins with a unit either"
like "$(printf '%s\n' "$screen" | grep -c 'mg/mL')" '^[1-9]' "(the answer is on screen)"
keys q q q
wait_exit 5

# show on a terminal wraps to its width, with the same rule.
units_db=$db
db=
screen_start 63 40 -- show --db "$units_db" units
wait_exit 5
capture
like "$screen" 'Give 1 mg/mL' "show --format text at 63 columns prints the answer"
no_unit_first
ok $? "and begins no line with a unit"
