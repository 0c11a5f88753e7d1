#!/bin/sh
# Terminal variety: xterm-256color, screen, tmux-256color, linux, vt100 and
# xterm-mono all work, Shift-Tab included in every shipped keymap; dumb,
# which cannot move the cursor, and an unknown TERM are refused in one
# line; no colour on vt100, xterm-mono or with NO_COLOR; the C locale gets
# ASCII only, never a byte the terminal cannot show.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 50
screen_db
esc=$(printf '\033')
colour_re="${esc}\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]"

# The bytes the program writes for a full redraw (C-l), into $scratch/bytes.
redraw_bytes() {
	tmx pipe-pane -O -t t "cat >'$scratch/bytes'"
	sleep 0.2
	keys C-l
	sleep 0.5
	tmx pipe-pane -t t
}

for term in xterm-256color screen tmux-256color linux vt100; do
	SCREEN_TERM=$term screen_start 80 24
	wait_for 'Level: Clinician'
	keys Right
	wait_for 'Heart failure \(1\)'
	ok $? "TERM=$term: the tree works"
	keys q
	wait_exit 5
	is "$exit_status" 0 "TERM=$term: quits cleanly"
done

# Shift-Tab: linux's terminfo has \E[Z only as an extended key (kcbt2),
# which curses gives a code of its own; vt100's has none.
for term in xterm-256color screen tmux-256color linux vt100; do
	for km in default vi emacs; do
		SCREEN_TERM=$term screen_start 80 24 -- --keymap $km hf-diuretics
		wait_for '\[1 Answer\]'
		keys BTab
		wait_for '\[5 Disclaimer\]' 5
		ok $? "TERM=$term, $km keymap: Shift-Tab goes to the previous pane"
		keys q q
		wait_exit 5
	done
done

# No blank screen on a terminal that cannot position the cursor.
for term in dumb no-such-terminal; do
	SCREEN_TERM=$term screen_start 80 24
	wait_exit 5
	is "$exit_status" 2 "TERM=$term: the browser refuses to start (status 2)"
	like "$(cat "$scratch/stderr")" "^bedside: cannot use the terminal type '$term'.*check TERM" \
		"TERM=$term: and says why"
	is "$(wc -l <"$scratch/stderr" | tr -d ' ')" 1 "TERM=$term: in one line"
done

# TERM empty (or unset, as under some service managers): that is what is
# wrong, not a terminal type named ''.
screen_start 80 24 TERM=
wait_exit 5
is "$exit_status" 2 "TERM empty: the browser refuses to start (status 2)"
like "$(cat "$scratch/stderr")" "^bedside: TERM is not set" "TERM empty: and says so"

SCREEN_TERM=xterm-256color screen_start 80 24
wait_for 'Level: Clinician'
redraw_bytes
grep -Eq "$colour_re" "$scratch/bytes"
ok $? "xterm-256color gets colour"
keys q
wait_exit 5

SCREEN_TERM=vt100 screen_start 80 24
wait_for 'Level: Clinician'
redraw_bytes
grep -Eq "$colour_re" "$scratch/bytes"
test $? -ne 0
ok $? "vt100 gets no colour"
keys q
wait_exit 5

# A monochrome terminal: no colour, whatever the theme asks for, and the
# review status and the pane still marked (bold, reverse).
SCREEN_TERM=xterm-mono screen_start 80 24 -- --theme dark hf-diuretics
wait_for 'Level: Clinician'
ok $? "TERM=xterm-mono: the article shows"
redraw_bytes
grep -Eq "$colour_re" "$scratch/bytes"
test $? -ne 0
ok $? "xterm-mono gets no colour, even with --theme dark"
grep -q "${esc}\\[[0-9;]*[17]m" "$scratch/bytes"
ok $? "xterm-mono: bold and reverse still mark things"
keys q q
wait_exit 5
is "$exit_status" 0 "xterm-mono: quits cleanly"

# search on a terminal marks the matching words in bold, but not for a
# terminal type that is dumb, or empty (no type at all, as the browser
# has it); a pipe never gets an escape sequence (tests/cli).
for term in xterm-256color vt100 dumb ''; do
	SCREEN_TERM=xterm-256color screen_start 80 24 TERM="$term" -- search diuretic
	wait_for 'bedside exited'
	bold=$(tmx capture-pane -e -p -t t | grep -c "${esc}\\[1m")
	hit=$(printf '%s\n' "$screen" | grep -c 'Give an intravenous loop diuretic')
	if [ -n "$term" ] && [ "$term" != dumb ]; then
		[ "$hit" = 1 ] && [ "$bold" -gt 0 ]
		ok $? "search on a terminal, TERM=$term: the matching words in bold"
	else
		is "$hit:$bold" 1:0 "search on a terminal, TERM='$term': the hit, no bold"
	fi
done

screen_start 80 24 NO_COLOR=1
wait_for 'Level: Clinician'
redraw_bytes
grep -Eq "$colour_re" "$scratch/bytes"
test $? -ne 0
ok $? "NO_COLOR turns colour off"
grep -q "${esc}\\[[0-9;]*[17]m" "$scratch/bytes"
ok $? "bold and reverse still mark things"
keys q
wait_exit 5

mkdir -p "$scratch/config/bedside"
printf 'theme = mono\n' >"$scratch/config/bedside/config"
screen_start 80 24
wait_for 'Level: Clinician'
redraw_bytes
grep -Eq "$colour_re" "$scratch/bytes"
test $? -ne 0
ok $? "theme = mono in the config file turns colour off"
keys q
wait_exit 5
printf 'theme = light\n' >"$scratch/config/bedside/config"
screen_start 80 24
wait_for 'Level: Clinician'
redraw_bytes
grep -Eq "$colour_re" "$scratch/bytes"
ok $? "theme = light has colour"
keys q
wait_exit 5
rm -f "$scratch/config/bedside/config"

screen_start 80 24 LC_ALL=C LANG=C -- hf-diuretics
wait_for 'Cardiology > Heart failure'
ok $? "C locale: the topic path uses ASCII"
redraw_bytes
test "$(tr -d '\000-\177' <"$scratch/bytes" | wc -c)" -eq 0
ok $? "C locale: only ASCII bytes are written"
keys q
wait_for 'bedside - Topics'
like "$screen" '^>\+ Cardiology' "C locale: ASCII fold markers"
keys q
wait_exit 5
