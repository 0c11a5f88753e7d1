#!/bin/sh
# A search no article has every word of shows the closest matches: the
# articles with the most of the words, each with the words it lacks,
# selected and opened as hits are; below the words offered for a word
# found nowhere. At 80x24 and at small sizes. A key that selects or
# opens one before the keys rested long enough to find them finds them
# first.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 27
screen_db

screen_start 80 24
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
# "loop diuretic" is in hf-diuretics, "oxygen" in copd-oxygen: apart.
keys l o o p ' ' d i u r e t i c ' ' o x y g e n ' '
wait_for 'No article has every word\. Closest matches:'
ok $? "words found apart: says no article has every word, and shows the closest"
like "$(screen_line '^> ')" '^> How should loop diuretics be used' \
	"the article with two of the three words first, selected"
like "$screen" '    without "oxygen"' "with the word it lacks"
like "$screen" 'Approved 2024-11-02  Respiratory.*COPD' \
	"the one with one word next, status, date and topic as a hit"
like "$screen" '    without "loop diuretic"' "lacking two neighbours, named as typed"
keys Down
wait_for '^> What oxygen saturation'
ok $? "Down selects the next, as in hits"
keys Enter
wait_for '^ *What oxygen saturation should be targeted in COPD\?'
wait_gone '^ Search:'
ok $? "Enter opens it, as a hit"

# A word found nowhere: the words offered for it first, the closest (the
# articles with the other words) below; Down goes from one to the other.
keys /
wait_for '^ Search:'
keys C-u f u r o s e m x d e ' ' l o o p ' '
wait_for 'Closest, without "furosemxde":'
ok $? "a misspelt word: the closest lack it, and the heading says so once"
like "$screen" 'Did you mean \(Enter takes it\):' "the words offered stay"
like "$(screen_line '^ *> ')" '> furosemide' "and the first of them is selected"
keys Down
wait_for '^> How should loop diuretics'
ok $? "Down goes on to the closest match"
keys Up
wait_for '^  > furosemide'
keys Enter
wait_for '^ Search: furosemide loop'
ok $? "Enter on the word offered still takes it"
# A word too short to guess at is not looked up, and the screen does not
# claim it was; a long one with nothing near it is.
keys C-u N a ' ' 1 2 0 ' '
wait_for 'Nothing matches "Na"'
like "$screen" 'No guesses for short words, numbers or abbreviations: try it in full\.' \
	"a 2-letter word: says no guess is made for it"
keys C-u q z x w v k j ' '
wait_for 'Nothing matches "qzxwvkj"'
like "$screen" 'No close words in the index either\.' \
	"a long word with nothing near it: says none was found"
keys Escape
wait_gone '^ Search:'
keys q
wait_exit 5

# Low: the word offered and one closest match, without blank lines.
screen_start 80 12
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys f u r o s e m x d e ' ' l o o p ' '
wait_for 'Closest, without'
like "$screen" 'Did you mean' "80x12: the words offered"
like "$screen" 'How should loop diuretics' "and a closest match below them"
# Shrunk until the closest match selected no longer shows: the word
# offered is selected in its place, and Enter takes it.
keys Down
wait_for '^> How should loop diuretics'
tmx resize-window -t t -x 80 -y 9
wait_gone 'Closest'
like "$(screen_line '^ *> ')" '> furosemide' "80x12 to 80x9: the word offered selected"
keys Enter
wait_for '^ Search: furosemide loop'
ok $? "and Enter takes it, opening nothing unseen"
keys Escape
wait_gone '^ Search:'
keys q
wait_exit 5

# Lower still: no closest match fits whole, the word offered does.
screen_start 80 9
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys f u r o s e m x d e ' ' l o o p ' '
wait_for '> furosemide'
ok $? "80x9: the word offered shows"
unlike "$screen" 'Closest' "a closest match that does not fit is left out"
# What is not shown cannot be selected, nor opened unseen.
keys Down
keys Enter
wait_for '^ Search: furosemide loop'
ok $? "80x9: Down stays on the word offered, and Enter takes it"
unlike "$screen" 'Updated' "no article opened unseen"
keys Escape
wait_gone '^ Search:'
keys q
wait_exit 5

# On a large database the closest matches may not be found yet when the
# next key comes: BEDSIDE_TEST_CLOSEST_PUT_OFF=1 leaves them to be found
# by a key that needs them, as a key typed at once would there. Enter
# and Down find them first, and act on them: the key is not lost.
screen_start 80 24 BEDSIDE_TEST_CLOSEST_PUT_OFF=1
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys l o o p ' ' d i u r e t i c ' ' o x y g e n ' '
wait_for 'No article has all of'
unlike "$screen" 'Closest' "put off: the closest matches are not found yet"
keys Enter
wait_gone '^ Search:'
like "$screen" '^ *How should loop diuretics be used' \
	"Enter finds them, and opens the closest"
keys /
wait_for '^ Search:'
keys l o o p ' ' d i u r e t i c ' ' o x y g e n ' '
wait_for 'No article has all of'
keys Down
wait_for '^> What oxygen saturation'
ok $? "Down finds them, and selects the second"
keys Enter
wait_gone '^ Search:'
like "$screen" '^ *What oxygen saturation should be targeted in COPD' "which Enter opens"
keys q q
wait_exit 5
is "$exit_status" 0 "quits"
