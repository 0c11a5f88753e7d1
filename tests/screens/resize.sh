#!/bin/sh
# The terminal changes size at any moment: 40x10 re-lays out, 12x4 and 1x1
# say "too small" plainly (and how to quit, where it fits), 80x24 again
# looks as it did at the start, a large terminal shows the article's
# panes side by side, a storm of resizes crashes nothing; scrolling one
# line redraws little; the selected citation and the followed reference's
# mark survive a resize and a change of reading level.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 31
screen_db
resize() { tmx resize-window -t t -x "$1" -y "$2"; }

screen_start 80 24
wait_for 'Level: Clinician'
resize 40 10
wait_for '^Cardiology: 2 articles|^ Cardiology: 2 articles'
ok $? "at 40x10 the article list goes below the tree"
compare_golden topics-40x10.txt
resize 12 4
wait_for '^Too small$'
ok $? "at 12x4 it says the terminal is too small"
compare_golden too-small-12x4.txt
resize 1 1
wait_for '^T$'
ok $? "at 1x1 it still says what it can"
resize 80 24
wait_for 'Level: Clinician'
ok $? "back at 80x24 the screen is laid out again"
compare_golden topics-80x24.txt
kill -0 "$pid" 2>/dev/null
ok $? "the program survived"

keys Enter Down Enter
wait_for '^ How should loop diuretics'
resize 40 10
wait_for '^\[1 Answer\] 2  3  4  5'
ok $? "at 40x10 the tabs keep only the name of the pane in front"
like "$screen" 'Under review +2025-03-14 Clinician' "the header still shows status, date and level"
resize 140 40
wait_for '5 Disclaimer'
ok $? "at 140x40 the panes show side by side"
like "$screen" '\[1 Answer\].*2 Key points' "answer beside key points"
like "$screen" '3 From the research.*4 References' "research beside references"
keys Tab
wait_for '\[2 Key points\]'
ok $? "Tab moves the focus between the panes shown"
resize 80 24
wait_for '^ 1 Answer \[2 Key points\]'
ok $? "back at 80x24 the panes are tabs again, the same one in front"

# A storm of two hundred sizes from 1x1 to 200x60, some absurd.
for size in 1x1 200x60 3x80 80x3 20x6 19x6 20x5 7x7 120x30 45x12 2x2 100x40 \
	33x9 80x24 60x20 1x50 50x1 90x30 21x7; do
	resize "${size%x*}" "${size#*x}"
done
w=1
while [ $w -le 200 ]; do
	h=1
	while [ $h -le 60 ]; do
		resize $w $h
		h=$((h + 7))
	done
	w=$((w + 9))
done
resize 80 24
wait_for '\[2 Key points\]'
ok $? "after a storm of 200 resizes the article is still there"
kill -0 "$pid" 2>/dev/null
ok $? "and the program is alive"

# One line of scrolling sends a few bytes, not the screen.
keys 1
wait_for '^\[1 Answer\]'
sleep 0.3
tmx pipe-pane -O -t t "cat >'$scratch/bytes'"
sleep 0.2
keys Down
wait_for 'Line thirteen|Bot'
sleep 0.3
tmx pipe-pane -t t
size=$(wc -c <"$scratch/bytes")
test "$size" -gt 0 && test "$size" -lt 600
ok $? "scrolling one line writes $size bytes (less than 600)"
esc=$(printf '\033')
grep -q "${esc}\[2J" "$scratch/bytes"
test $? -ne 0
ok $? "and does not clear the screen"

keys q q
wait_exit 5
is "$exit_status" 0 "q, q: closed and quit"

# A citation selected at 80x24 is still the one Enter follows at 100x24.
screen_start 80 24 -- hf-diuretics
wait_for '^ How should loop diuretics'
keys c c
wait_for 'Citation \[2, 3\]: Enter follows it'
resize 100 24
wait_for 'Updated 2025-03-14  Level: Clinician'
keys Enter
wait_for '\[4 References\]'
ok $? "after a resize Enter follows the citation selected before it"
like "$screen" '▌2\. Example C' "the one selected: [2, 3]"
like "$screen" '▌3\. Example D' "(both of its numbers)"
# The mark on the reference stays through resizes.
resize 80 24
wait_for '^ 1 Answer .*\[4 References\]'
like "$screen" '▌2\. Example C' "the followed reference stays marked after a resize"
resize 140 40
wait_for '5 Disclaimer'
like "$screen" '▌2\. Example C' "and when the panes go side by side"
keys q q
wait_exit 5

screen_start 80 24 -- hf-diuretics
wait_for '^ How should loop diuretics'
keys c
wait_for 'Citation \[1\]: Enter follows it'
# The patient text has the first [1] too: still selected after L.
keys L
wait_for 'Level: Patient'
keys Enter
wait_for '\[4 References\]'
ok $? "after a change of level Enter follows the citation still there"
like "$screen" '▌1\. Example A' "[1]"
keys q q
wait_exit 5

# A stacked topics screen too low for a whole list item (3 lines under
# 72 columns): titles alone, a line each, so the selection is seen.
screen_start 60 7
wait_for 'bedside . Topics'
keys Enter
wait_for 'Cardiology: 2 articles'
like "$screen" '^> Which drug controls the heart rate' "a low list shows each title on one line, selected"
keys Down
wait_for '^> How should loop diuretics'
ok $? "and Down moves the selection to the next, still in view"
keys q q
wait_exit 5

# Too small, the way out of a view is the one it has when it shows:
# Esc closes the search box, and q, text in the search box, does not.
screen_start 80 24
wait_for 'bedside . Topics'
keys /
wait_for '^ Search:'
resize 12 4
wait_for '^Too small$'
keys Escape
sleep 0.3
resize 80 24
wait_for 'bedside . Topics'
ok $? "too small: Esc closes the search box"
keys Escape
sleep 0.3
keys /
wait_for '^ Search:'
keys l o o p
wait_for '^ Search: loop'
resize 12 4
wait_for '^Too small$'
keys q
sleep 0.3
resize 80 24
wait_for '^ Search: loop'
ok $? "too small: q typed in the search box does not close it"
keys Escape
wait_for 'bedside . Topics'
keys q
wait_exit 5
