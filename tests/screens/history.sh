#!/bin/sh
# The history after a re-import: an article read before and since taken
# out of the database is skipped, said once, and forgotten; back and
# forward go on over the articles still there.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 13
screen_db
state=$scratch/state/bedside/state
mkdir -p "$scratch/state/bedside"

# Read af-rate, then gone-one, then copd-oxygen; gone-one is no more.
cat >"$state" <<'STATE'
bedside-state 1
history af-rate answer 0
history gone-one answer 0
history copd-oxygen answer 0
position 2
STATE

screen_start 80 24
wait_for 'bedside . Topics'
keys BSpace
wait_for '^ What oxygen saturation'
ok $? "back from the topics opens the article read last"
keys BSpace
wait_for '^ Which drug controls the heart rate'
ok $? "back again skips the article no longer in the database"
like "$screen" 'Skipped 1 article no longer in this database' "and says so"
unlike "$screen" "No article 'gone-one'" "with no error for it"
keys Right
wait_for '^ What oxygen saturation'
ok $? "forward goes over the gap to the newer article"
keys Left
wait_for '^ Which drug controls the heart rate'
unlike "$screen" 'Skipped' "the gap is forgotten: nothing to skip the second time"
keys Left
wait_for 'At the oldest place in the history'
ok $? "and the oldest place is where it was"
keys q q
wait_exit 5
grep -q 'gone-one' "$state"
is $? 1 "the state file no longer names the missing article"
grep -q '^history copd-oxygen ' "$state"
ok $? "and keeps the others"

# Every article of the history gone: the browser says so and stays put.
cat >"$state" <<'STATE'
bedside-state 1
history gone-one answer 0
history gone-two answer 0
position 1
STATE
screen_start 80 24
wait_for 'bedside . Topics'
keys BSpace
wait_for 'No history left'
ok $? "back with only missing articles in the history says there is none"
like "$screen" "No history left: the 2 articles in it are no longer in this database" "naming how many were skipped"
like "$screen" 'bedside . Topics' "and stays on the topics"
keys q
wait_exit 5

# vi's C-o is back in the search box too: from the article under it to
# the one read before, not to where the one under it was last recorded.
rm -f "$state"
screen_start 80 24 -- --keymap vi af-rate
wait_for '^ Which drug controls the heart rate'
keys /
wait_for '^ Search:'
keys l o o p
wait_for 'How should loop diuretics'
keys Enter
wait_for '^ How should loop diuretics'
keys C-f
keys /
wait_for '^ Search:'
keys C-o
wait_for '^ Which drug controls the heart rate'
ok $? "C-o in the search box goes back to the article read before"
keys q q
wait_exit 5
