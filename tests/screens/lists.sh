#!/bin/sh
# The lists of articles on screens of their own (recently viewed,
# bookmarks) show the state as it is when they come back to the top, not
# as it was when they opened.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 3
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
wait_for '^ Recently viewed'
ok $? "q from the article returns to the list of recent articles"
like "$screen" '^ Recently viewed \(2\)' "which counts the article just read"
like "$(printf '%s\n' "$screen" | sed -n 3p)" 'Which drug controls the heart rate' \
	"and lists it first"
keys q q
wait_exit 5
