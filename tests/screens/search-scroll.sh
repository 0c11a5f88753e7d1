#!/bin/sh
# A query longer than the search box scrolls in it, as readline's line
# does: the cursor is always in view with what fits of the text either
# side, a marker shows where more is hidden, and a wide character or a
# letter with its combining mark is shown whole or not at all. At 30 and
# 80 columns, and across a resize.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 18
screen_db
resize() { tmx resize-window -t t -x "$1" -y "$2"; }

# The box's line with the cursor's cell in brackets: "[c]" on a
# character, "[ ]" at the end (NO_COLOR: the cursor is reverse video).
box=
box_line() {
	box=$(tmx capture-pane -p -e -t t | head -1 | sed -e 's/\x1b\[39m//g' \
	    -e 's/\x1b\[49m//g' -e 's/\x1b\[0;7m\([^\x1b]*\)/[\1]/' -e 's/\x1b\[[0-9;]*m//g')
}
# Waits (5 s at most) until the box's line matches.
wait_box() {
	n=0
	while [ $n -lt $((50 * time_scale)) ]; do
		box_line
		printf '%s\n' "$box" | grep -Eq -- "$1" && return 0
		sleep 0.1
		n=$((n + 1))
	done
	printf '# box: %s\n# wanted: %s\n' "$box" "$1"
	return 1
}

screen_start 30 24 NO_COLOR=1
wait_for 'Cardiology'
keys /
wait_for '^ Search:'
keys -l 'loop diuretics in acute heart failure'
wait_box '^ Search: …cute heart failure\[ \]$'
ok $? "30 columns, typing at the end: the end of the query, a marker before it"

# Ten characters back, the cursor on the "r" of "heart": the text
# after it shows, not cut off at the cursor.
left10() { keys Left Left Left Left Left Left Left Left Left Left; }
left10
wait_box '\[r\]t failure$'
ok $? "in the middle of the query the text after the cursor shows"
# Nineteen back, on the "a" of "acute": hidden text either side.
keys Left Left Left Left Left Left Left Left Left
wait_box '\[a\]cute'
like "$box" '^ Search: …[a-z ]+\[a\]cute heart[a-z ]+…$' \
    "further back, text and a marker either side of the cursor"

keys Home
wait_box '^ Search: \[l\]oop diuretics in a…$'
ok $? "Home: the start of the query, the cursor on it, a marker after"
keys Right Right Right Right Right
wait_box '^ Search: loop \[d\]iuretics in a…$'
ok $? "moving inside the box leaves the text where it is"
keys End
wait_box '^ Search: …cute heart failure\[ \]$'
ok $? "End: back to the end"
keys -l 'X'
wait_box 'failureX\[ \]$'
ok $? "and what is typed goes where the cursor shows"

# The cursor in the middle survives a resize both ways.
keys Escape
wait_for 'Cardiology'
resize 80 24
keys /
wait_for '^ Search:'
keys -l 'loop diuretics in acute heart failure with reduced ejection fraction and oedema'
wait_box '^ Search: …'
ok $? "80 columns: a longer query scrolls too"
keys Home
wait_box '^ Search: \[l\]oop diuretics in acute heart failure with reduced ejection fraction …$'
ok $? "80 columns, Home: as much as fits after the cursor"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 \
    31 32 33 34 35 36 37 38; do
	keys Right
done
wait_box '\[w\]ith'
resize 30 24
wait_box '^ Search: …[a-z ]*\[w\]ith[a-z ]*…$'
ok $? "narrowed to 30 columns, the cursor stays in view, text and a marker either side"
resize 80 24
wait_box '^ Search: …[a-z ]*\[w\]ith reduced ejection fraction and oedema$'
ok $? "widened to 80 again, all that fits, up to the end"
keys Escape
wait_for 'Cardiology'

# Wide characters and letters with combining marks are never split at
# either edge: the box leaves a blank before the marker instead.
resize 30 24
keys /
wait_for '^ Search:'
e_acute=$(printf 'e\314\201')
keys -l "$(printf 'e\314\201%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25)"
wait_box "^ Search: …($e_acute)+\\[ \\]\$"
ok $? "letters with marks, at the end: each whole after the marker"
keys Home
wait_box "^ Search: \\[$e_acute\\]($e_acute)+…\$"
ok $? "and at the start: each whole before the marker"
keys End C-u
wait_box '^ Search: \[ \]$'
chars=$(printf '\345\277\203\344\270\215\345\205\250%.0s' 1 2 3 4 5 6 7 8 9 10)
keys -l "$chars"
wait_box '^ Search: …(心|不|全)+\[ \]$'
ok $? "wide characters at the end: whole ones after the marker"
keys Home Right Right Right Right Right Right Right
wait_box '\['
like "$box" '\[(心|不|全)\]' "in the middle of wide characters the cursor is on one"
like "$box" '^ Search: …[^ ]+\[.+\][^ ]+ ?…$' "with whole characters either side, a blank at most before the marker"
keys Escape
wait_for 'Cardiology'

# In the C locale the markers are < and >.
screen_start 30 24 NO_COLOR=1 LC_ALL=C
wait_for 'Cardiology'
keys /
wait_for '^ Search:'
keys -l 'loop diuretics in acute heart failure'
left10
keys Left Left Left Left Left Left Left Left Left
wait_box '^ Search: <[a-z ]+\[a\]cute heart[a-z ]+>$'
ok $? "in the C locale, < marks the text hidden before"
keys Escape
wait_for 'Cardiology'
kill -0 "$pid" 2>/dev/null
ok $? "the program survived"
