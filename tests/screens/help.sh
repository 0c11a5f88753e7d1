#!/bin/sh
# The help screen is read in full at 80x24 and on a phone's narrow
# terminal: what does not fit its column goes on to the next line
# instead of being cut off. Under 40 columns an action's keys have a line
# of their own above its help, so that no key's name is cut in two.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 14
screen_db

# Every page of help, from the top to the end, into $pages.
help_pages() {
	keys Home
	sleep 0.2
	capture
	settle
	pages=$screen
	n=0
	while [ $n -lt 40 ]; do
		last=$screen
		keys PageDown
		sleep 0.2
		capture
		settle
		[ "$screen" = "$last" ] && break
		pages="$pages
$screen"
		n=$((n + 1))
	done
}

screen_start 80 24
wait_for 'Level: Clinician'
keys ?
wait_for 'Keys in force'
help_pages
# The help column starts at column 42.
like "$pages" 'Quit \(at the top screen\) or close the$' "80x24: an action's long help goes on"
like "$pages" '^ {41}current view$' "on the next line, in its column"
contains "$pages" '$XDG_CONFIG_HOME/bedside/keys' \
	"80x24: the note says where the user's keys file goes"
unlike "$pages" '…' "80x24: nothing in help is cut short"
keys q q
wait_exit 5

# Over an article, help does not tell the reader to open one.
screen_start 80 24 -- af-rate
wait_for '^ Which drug controls the heart rate'
keys ?
wait_for 'Keys in force'
keys b
wait_for 'close (this|the) .*first'
ok $? "b in help over an article: close help first"
unlike "$screen" 'Open an article first' "not: open an article"
keys q q q
wait_exit 5

screen_start 40 20
wait_for 'Level: Clinician'
keys ?
wait_for 'Keys in force'
help_pages
like "$pages" '^   <Backspace> ' "40 columns: the keys are not cut"
contains "$pages" 'Show the keys in force' "40 columns: nor is their help"
unlike "$pages" '…' "40 columns: nothing in help is cut short"
keys q q
wait_exit 5

screen_start 30 24
wait_for 'Level: Clinician'
keys ?
wait_for 'Keys in force'
help_pages
like "$pages" '^   <Backspace> *$' "30 columns: a key's name is whole, on a line of its own"
like "$pages" '^     Go back in history *$' "with its help below it"
# A name cut in two leaves a '<' with no '>' on its line.
unlike "$pages" '<[A-Za-z0-9-]*([^A-Za-z0-9>-]|$)' "30 columns: no key's name is cut"
keys q q
wait_exit 5

# Scrolled down, then a terminal large enough to show all of help, then
# the size before: help is where the reader left it, as an article's
# pane is (keep-place.sh), not back at its top. (One key, so that the
# place is read once the screen has settled on it; a page, not the end,
# so that no size on the way, such as 200x24, moves it.)
screen_start 80 24
wait_for 'Level: Clinician'
keys ?
wait_for '^ In the topic tree'
keys PageDown
wait_gone '^ In the topic tree'
first=$(printf '%s\n' "$screen" | sed -n 2p)
before=$screen
tmx resize-window -t t: -x 200 -y 100
wait_for '^ In the topic tree'
like "$screen" 'Keys are set in keymap files' "a large terminal shows all of help"
tmx resize-window -t t: -x 80 -y 24
wait_gone '^ In the topic tree'
is "$(printf '%s\n' "$screen" | sed -n 2p)" "$first" "back at 80x24: help at the line it was scrolled to"
[ "$(printf '%s\n' "$screen" | sed -n 2p)" = "$first" ] ||
	printf '%s\n' "before:" "$before" "after:" "$screen" | sed 's/^/# /'
keys q q
wait_exit 5
