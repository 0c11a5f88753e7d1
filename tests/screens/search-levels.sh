#!/bin/sh
# A search that finds nothing at the reading level in use but finds
# something at another says so, and Enter searches there; a "did you
# mean" word is one found at the level in use.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 19
screen_db

screen_start 80 24
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
# "water tablet" is in the patient's words only (hf-diuretics).
keys w a t e r Space t a b l e t
wait_for 'The Patient level has it'
ok $? "no hits at the clinician level: says the patient level has the words"
like "$screen" 'Nothing matches "water tablet" at the Clinician level\.' \
	"naming the query and the level searched"
like "$screen" 'Enter searches there\.' "and the key that searches there"
unlike "$screen" 'Did you mean' "offering no other words: the words are right"
like "$(screen_line '^ No articles match')" 'Level: Clinician$' \
	"the line under the query names the level searched"
keys Enter
wait_for '^> How should loop diuretics'
ok $? "Enter searches at the patient level and finds the article"
like "$screen" 'Reading level: Patient' "the level in use is now the patient level"
like "$(screen_line '^ 1 article')" 'Level: Patient$' "and the line under the query says so"
keys Escape
wait_gone '^ Search:'
keys q
wait_exit 5

# The level chosen so is remembered, as L's is.
screen_start 80 24
wait_for 'Level: Patient'
ok $? "the next start reads at the level the search moved to"
keys L
wait_for 'Level: Clinician'

# A mistyped word: offered only words found at this level. "tablt" is an
# edit from "tablet", which the clinician's words do not have.
keys /
wait_for '^ Search:'
keys t a b l t Space
wait_for 'Nothing matches "tablt"'
ok $? "a word found at no level is named"
unlike "$screen" '> +tablet' "and a word found only at another level is not offered"
keys Escape
wait_gone '^ Search:'
keys L
wait_for 'Level: Patient'
keys /
wait_for '^ Search:'
keys t a b l t Space
wait_for 'Did you mean'
like "$screen" '> +tablet' "at the patient level, it is offered"
keys Escape
wait_gone '^ Search:'
keys q
wait_exit 5

# On a phone's 40 columns the sentences wrap: the level searched and the
# key that searches at the other are never cut off.
rm -rf "$scratch/state"
screen_start 40 12
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys w a t e r Space t a b l e t
wait_for 'The Patient level has it'
like "$screen" 'Clinician level\.' "40x12: the level searched shows whole"
like "$screen" 'searches there\.' "and the key that searches at the other level"
keys Escape
wait_gone '^ Search:'

# So do the words found apart, with no closest match shown (too low),
# and the closest matches' heading fits.
tmx resize-window -t t -x 40 -y 6
keys /
wait_for '^ Search:'
keys o x y g e n Space s t e r o i d
wait_for 'Each word is'
like "$screen" 'No article has all of' "40x6: the words found apart, said"
like "$screen" 'fewer words\.' "with what to do"
tmx resize-window -t t -x 40 -y 12
wait_for 'Closest'
like "$(screen_line 'Closest')" '^  Closest matches:$' \
	"40x12: the closest matches' heading is not cut"
keys Escape
wait_gone '^ Search:'
keys q
wait_exit 5

# A word blamed for no hit that another level has is said to be there,
# not in no article: "tablet" beside a word found nowhere.
screen_start 100 24
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys t a b l e t Space z q x v Space
wait_for 'Nothing matches "tablet"'
like "$screen" 'Nothing matches "tablet" at this level: only the Patient level has it\.' \
	"the word's level is named"
keys C-u
keys z q x v Space
wait_for 'Nothing matches "zqxv"'
unlike "$screen" 'only the' "a word at no level is not said to be at one"
keys Escape
wait_gone '^ Search:'
keys q
wait_exit 5
