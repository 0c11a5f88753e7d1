#!/bin/sh
# Back and forward show a place as it was left, highlight and all: the
# references a followed citation marked, and the citation selected in
# the pane it was followed from. The history keeps them, so they come
# back after another article and after a restart too.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 13
screen_db
state=$scratch/state/bedside/state

screen_start 80 24 -- hf-diuretics
wait_for '^ How should loop diuretics'
keys c
wait_for 'Citation \[1\]: Enter follows it'
keys c
wait_for 'Citation \[2, 3\]'
keys Enter
wait_for '\[4 References\]'
like "$screen" '▌2\. Example C' "the citation [2, 3] is followed to its references, marked"
keys Left
wait_for '\[1 Answer\]'
unlike "$screen" '▌' "back in the Answer: nothing is marked there"
keys Right
wait_for '\[4 References\]'
ok $? "forward returns to the references"
like "$screen" '▌2\. Example C' "with reference 2 marked again"
like "$screen" '▌3\. Example D' "and reference 3"

# Away to another article and back: the article is read again, and the
# marks and the selected citation come from the history.
keys R
wait_for 'Related to: How should loop'
keys Enter
wait_for '^ Which drug controls the heart rate'
keys Left
wait_for '^ How should loop diuretics'
like "$screen" '\[4 References\]' "back from another article returns to the references"
like "$screen" '▌2\. Example C' "still marked"
keys Left
wait_for '\[1 Answer\]'
keys Enter
wait_for 'Reference 2'
ok $? "back in the Answer, Enter follows the citation still selected there ([2, 3])"

# Across a restart.
keys q q
wait_exit 5
grep -qx 'mark 2,3' "$state"
ok $? "the state file keeps the marks of the place"
grep -qx 'cite 1' "$state"
ok $? "and the citation selected where they were followed from"
screen_start 80 24
wait_for 'bedside . Topics'
keys BSpace
wait_for '^ How should loop diuretics'
like "$screen" '\[4 References\]' "after a restart back opens the references read last"
like "$screen" '▌2\. Example C' "marked as they were"
keys Left
wait_for '\[1 Answer\]'
keys Enter
wait_for 'Reference 2'
ok $? "and the citation they were followed from is selected"
keys q q
wait_exit 5
