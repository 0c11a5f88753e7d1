#!/bin/sh
# Keys come from the keymap: ? shows the bindings in force, a user keys
# file adds to them (and shows in help), a bad line is reported as
# FILE:LINE while the rest loads; --keymap vi and emacs; F1 is help in
# every keymap, in the search box too, and where Backspace sends ^H
# (vt100) help and hints leave out C-h, which is Backspace there; secure
# mode refuses keymap files.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 54
screen_db

screen_start 80 24
wait_for 'Level: Clinician'
keys ?
wait_for 'Keys in force'
ok $? "? shows the keys in force"
like "$screen" 'keymap: default' "naming the keymap"
like "$screen" 'In the topic tree' "the keys of the screen help came from come first"
like "$screen" '<Right> \+ +expand +Unfold, or go to its articles$' "key, action name and help text"
like "$screen" 'L +level-cycle +Cycle the reading level' "the generic keys in force there"
keys PageDown
wait_for 'In lists of articles'
like "$screen" '<Left> +back +Close the list, back to where it was' \
	"help says what a key does where it is bound (back in a list closes it)"
keys PageDown
# (Its heading may be just above: a long help goes on over two lines.)
wait_for '^   1 +pane-1 +Go to pane 1: Answer'
ok $? "help scrolls to the other screens' keys"
keys ?
wait_for 'bedside . Topics'
ok $? "? again closes help"
# Right goes in, a level at a time: unfolds a topic, then opens the
# selected article of a list.
keys Right
wait_for 'Heart failure \(1\)'
keys Down Enter
wait_for '│> Which drug controls'
keys Right
wait_for '^\[1 Answer\]'
ok $? "Right in a list opens the selected article"
keys q
wait_for '│> Which drug controls'
keys q
wait_exit 5

# A user keys file on top of the default keymap.
mkdir -p "$scratch/config/bedside"
printf '%s\n' '# my keys' 'bind generic x search' 'bind tree Z no-such-action' \
	'bind article n cite-next' >"$scratch/config/bedside/keys"
keys_file=$scratch/config/bedside/keys
screen_start 80 24
wait_for 'keys:3: unknown action'
ok $? "a bad line is reported with file and line"
keys ?
wait_for 'Keys in force'
like "$screen" "keymap: default \\+ .*bedside/keys" "help names the user keys file"
# The header can be on screen before the rest of the page (tmux may show
# a redraw half written): wait for the line itself.
wait_for '/ x +search'
ok $? "the user's binding shows in help"
keys Escape
wait_for 'bedside . Topics'
keys x
wait_for '^ Search:'
ok $? "and works: the rest of the file loaded"
keys Escape
wait_for 'bedside . Topics'
keys q
wait_exit 5
grep -q "keys:3: unknown action 'no-such-action'" "$scratch/stderr"
ok $? "bad lines are listed on stderr after the screen closes"

# Secure mode reads no keys file of the user's, and help does not tell
# the user to write one. (No --db in secure mode: the bundled database.)
printf '%s\n' 'bind generic x search' >"$keys_file"
db_saved=$db
db=
screen_start 80 24 -- --secure
wait_for 'Level: Clinician'
keys ?
wait_for 'Keys in force'
unlike "$screen" 'bedside/keys' "secure mode: help names no user keys file"
keys End
wait_for 'bind CONTEXT KEY ACTION'
unlike "$screen" 'Your own go in' "secure mode: help does not offer the user's keys file"
contains "$screen" 'Your own are not read in secure mode.' "and says why, within 80 columns"
# Esc closes help, then q quits (esc-burst.sh sends the two at once).
keys Escape
wait_for 'bedside . Topics'
keys q
wait_exit 5
is "$exit_status" 0 "secure mode: q quits"
db=$db_saved
rm -f "$keys_file"

# vi keys.
screen_start 80 24 -- --keymap vi
wait_for 'Level: Clinician'
keys j
wait_for '^>▸ Respiratory'
ok $? "vi keymap: j moves down"
keys k
wait_for '^>▸ Cardiology'
ok $? "vi keymap: k moves up"
keys l
wait_for 'Heart failure \(1\)'
ok $? "vi keymap: l unfolds"
keys j Enter
wait_for '│> Which drug controls'
keys l
wait_for '^\[1 Answer\]'
ok $? "vi keymap: l in a list opens the selected article"
keys q
wait_for '│> Which drug controls'
keys h
wait_gone '│> Which drug controls'
ok $? "and h in the list goes back from it"
keys ?
wait_for 'keymap: vi'
ok $? "help shows the vi keymap"
keys q q
wait_exit 5

# emacs keys, Alt sent as Esc then the key.
screen_start 80 24 -- --keymap emacs
wait_for 'Level: Clinician'
keys C-n
wait_for '^>▸ Respiratory'
ok $? "emacs keymap: C-n moves down"
keys C-s
wait_for '^ Search:'
ok $? "emacs keymap: C-s searches (flow control is off)"
keys h e
wait_for '^ Search: he *$'
wait_for '[2-9] articles'
first=$(screen_line '^>')
first_re=$(printf '%s' "$first" | sed 's/[][\\.*^$?+(){}|]/\\&/g')
keys C-s
wait_gone "^$first_re\$"
like "$screen" '^ Search: he *$' "emacs keymap: C-s in the search box keeps the query"
second=$(screen_line '^>')
test -n "$second" && test "$second" != "$first"
ok $? "and goes to the next hit, as isearch does"
keys C-r
wait_for "^$first_re\$"
ok $? "C-r goes back to the hit before"
keys C-g
wait_for 'bedside . Topics'
ok $? "one C-g closes the one search box"
keys q
wait_exit 5

# F1 is help in every keymap, in the search box too (where ? is text).
for km in default vi emacs; do
	screen_start 80 24 -- --keymap $km
	wait_for 'Level: Clinician'
	keys /
	wait_for '^ Search:'
	like "$(screen_line 'close')" 'F1 help' "$km keymap: the search box's status line offers F1 for help"
	keys F1
	wait_for 'Keys in force'
	like "$screen" 'In the search box' "$km keymap: F1 in the search box shows help"
	keys F1 Escape
	wait_for 'bedside . Topics'
	keys q
	wait_exit 5
done
# vt100's Backspace sends ^H: C-h arrives as Backspace, so emacs's C-h
# help is not offered, and F1 is.
SCREEN_TERM=vt100 screen_start 80 24 -- --keymap emacs
wait_for 'Level: Clinician'
keys ?
wait_for 'Show the keys in force'
like "$(screen_line 'Show the keys in force')" '^   \? <F1> +help' \
	"vt100, emacs keymap: help lists ? and F1 for help, not C-h"
keys End
wait_for 'Keys are set in keymap files'
like "$screen" 'C-h is Backspace on this terminal' "and says C-h is Backspace here"
keys q q
wait_exit 5

# The config file chooses the keymap; a keymap of the user's own is found
# by name in their config folder; a bad config line is reported.
printf '%s\n' 'keymap = mine' 'colour = blue' >"$scratch/config/bedside/config"
printf '%s\n' 'bind generic j move-down' 'bind generic Q quit' 'bind generic ? help' \
	'bind help ? close' >"$scratch/config/bedside/mine.keys"
screen_start 80 24
wait_for 'config:2: '
ok $? "a bad line in the config file is reported with file and line"
keys ?
wait_for 'keymap: mine'
ok $? "the config file chooses the keymap, found by name in the config folder"
keys ?
wait_for 'bedside . Topics'
keys j
wait_for '^>▸ Respiratory'
ok $? "its keys work"
keys Q
wait_exit 5
ok $? "all of them"
screen_start 80 24 -- --keymap emacs
wait_for 'Level: Clinician'
keys ?
wait_for 'keymap: emacs'
ok $? "--keymap overrides the config file"
keys q q
wait_exit 5
rm -f "$scratch/config/bedside/config" "$scratch/config/bedside/mine.keys"

# A level the database lacks and a keymap there is not are found only once
# the browser starts, and reported as FILE:LINE too.
conf=$scratch/config/bedside/config
printf '%s\n' '# mine' 'level = nurse' 'keymap = vii' >"$conf"
screen_start 80 24
wait_for "config:3: no keymap 'vii'"
ok $? "a config keymap that is not there is reported as FILE:LINE at start"
keys q
wait_exit 5
is "$exit_status" 0 "and the browser runs with the default keymap"
contains "$(cat "$scratch/stderr")" "bedside: $conf:3: no keymap 'vii'; using default" \
	"on stderr at exit: FILE:LINE of the keymap"
contains "$(cat "$scratch/stderr")" \
	"bedside: $conf:2: unknown level 'nurse' (known: clinician, patient)" \
	"and FILE:LINE of the level"
# bedside(1): the browser then starts as if the key were not there, not
# with an earlier good line for the same key.
printf '%s\n' 'keymap = vi' 'keymap = vii' >"$conf"
screen_start 80 24
wait_for 'Level: Clinician'
keys ?
wait_for 'keymap: default'
ok $? "a config keymap that is not there gives the default, not an earlier line's"
keys q q
wait_exit 5
printf '%s\n' 'keymap = /nonexistent/my.keys' >"$conf"
screen_start 80 24
wait_for 'Level: Clinician'
keys q
wait_exit 5
is "$exit_status" 0 "a config keymap file that cannot be read does not stop the browser"
like "$(cat "$scratch/stderr")" "bedside: .*config:1: cannot read keymap file" \
	"and is reported as FILE:LINE"
rm -f "$conf"

run "$BEDSIDE" --secure --keymap "$KEYMAP_DIR/vi.keys"
is "$rc" 2 "secure mode refuses a keymap file"
like "$err" 'not allowed in secure mode' "and says why"
run "$BEDSIDE" --db "$db" --keymap no-such-keymap
is "$rc" 2 "an unknown keymap name is a usage error"
like "$err" "unknown keymap 'no-such-keymap'" "naming it"
