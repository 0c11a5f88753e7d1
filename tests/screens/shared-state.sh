#!/bin/sh
# Two browsers of the same user (a workstation and a phone, two SSH
# sessions) share one state file: a bookmark made or removed in one is
# not undone when the other saves.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 8
screen_db
state=$scratch/state/bedside/state

screen_start 80 24 -- af-rate
wait_for '^ Which drug controls the heart rate'
# The second browser, in a session of its own on the same tmux server.
cat >"$scratch/run2.sh" <<EOS
cd $(shq "$scratch/cwd") || exit 1
exec env TERM=xterm-256color LC_ALL=C.UTF-8 XDG_STATE_HOME=$(shq "$scratch/state") XDG_CONFIG_HOME=$(shq "$scratch/config") $(shq "$BEDSIDE") --db $(shq "$db") hf-diuretics
EOS
tmx new-session -d -s u -x 80 -y 24 "sh $(shq "$scratch/run2.sh"); exec sleep 600"
keys2() { tmx send-keys -t u: "$@"; }
wait2() {
	n=0
	until tmx capture-pane -p -t u: | grep -Eq -- "$1" || [ $n -ge 100 ]; do
		sleep 0.1
		n=$((n + 1))
	done
}
wait2 '^ How should loop diuretics'

keys2 b
wait2 'Bookmarked'
grep -q '^bookmark hf-diuretics$' "$state"
ok $? "the second browser saves its bookmark"
keys b
wait_for 'Bookmarked'
grep -q '^bookmark af-rate$' "$state"
ok $? "the first saves its own"
grep -q '^bookmark hf-diuretics$' "$state"
ok $? "and keeps the second's"
keys B
wait_for '^ Bookmarks \(2\)'
ok $? "the first lists both"

keys2 b
wait2 'Bookmark removed'
keys Escape
wait_gone '^ Bookmarks'
# Any change of this browser's state saves it: here, the level.
keys L
wait_for 'Reading level: Patient'
ok $? "(the first saves again)"
! grep -q '^bookmark hf-diuretics$' "$state"
ok $? "a bookmark the other removed does not come back"
grep -q '^bookmark af-rate$' "$state"
ok $? "and this one's own stays"
keys2 q q
keys q q
wait_exit 5
is "$exit_status" 0 "the first quits normally"
