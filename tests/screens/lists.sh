#!/bin/sh
# The lists of articles on screens of their own (recently viewed,
# bookmarks) show the state as it is when they come back to the top, not
# as it was when they opened. A bookmark removed in the bookmarks list
# stays there, unstarred, until the list is shown again, so that the key
# again puts it back instead of removing the next one. An article opened
# from a list closes back to the list, whether or not one was being read
# under it.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 14
screen_db

screen_start 80 24 -- hf-diuretics
wait_for '^ How should loop diuretics'
keys q
wait_for 'bedside . Topics'
keys r
wait_for '^ Recently viewed \(1\)'
keys Enter
wait_for '^ How should loop diuretics'
# Another article read from the one opened from the list.
keys R
wait_for '^ Related to:'
keys Enter
wait_for '^ Which drug controls the heart rate'
keys q
wait_for '^ Related to:'
keys q
wait_for '^ Recently viewed'
ok $? "q from the article returns to the related list, then to the recent one"
like "$screen" '^ Recently viewed \(2\)' "which counts the article just read"
like "$(printf '%s\n' "$screen" | sed -n 3p)" 'Which drug controls the heart rate' \
	"and lists it first"
keys q q
wait_exit 5

# Related articles tried one after another from the one being read.
screen_start 80 24 -- hf-diuretics
wait_for '^ How should loop diuretics'
keys R
wait_for '^ Related to:'
keys Enter
wait_for '^ Which drug controls the heart rate'
keys Escape
wait_for '^ Related to: How should loop'
ok $? "Esc from an article opened from a list over another returns to the list"
keys Enter
wait_for '^ Which drug controls the heart rate'
keys Left
wait_for '^ How should loop diuretics'
ok $? "the article read before is a step back in the history"
keys q
wait_for '^ Related to: How should loop'
ok $? "q from it returns to the list too"
keys q q
wait_exit 5

mkdir -p "$scratch/state/bedside"
printf 'bedside-state 1\nbookmark af-rate\nbookmark copd-oxygen\n' \
    >"$scratch/state/bedside/state"
screen_start 80 24
wait_for 'bedside . Topics'
keys B
wait_for '^ Bookmarks \(2\)'
keys b
wait_for 'Bookmark removed'
like "$screen" '^> Which drug controls the heart rate' \
    "a bookmark removed in the list stays there, unstarred and selected"
like "$screen" '^ Bookmarks \(1\)' "and is no longer counted"
keys b
wait_for '^Bookmarked'
like "$screen" '^ Bookmarks \(2\)' "b again puts it back"
like "$screen" '^ ★ What oxygen saturation' "and leaves the next one bookmarked"
keys q q
wait_exit 5
rm -f "$scratch/state/bedside/state"

# A key bound elsewhere that has nothing to act on says so, never nothing:
# Tab (next pane) in a list, b and Enter in an empty one, Enter in help.
screen_start 80 24
wait_for 'bedside . Topics'
keys B
wait_for '^ Bookmarks \(0\)'
keys b
wait_for 'The list is empty'
ok $? "b in an empty bookmarks list says the list is empty"
keys Tab
wait_for '<Tab> does nothing here \(\? shows the keys\)'
ok $? "Tab in a list says it does nothing here"
keys Enter
wait_for 'The list is empty'
ok $? "Enter in an empty list says it is empty too"
keys '?'
wait_for 'Keys in force'
keys Enter
wait_for '^<Enter> does nothing here *$'
ok $? "Enter in help says so, without pointing at help"
keys q q q
wait_exit 5
