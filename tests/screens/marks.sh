#!/bin/sh
# Combining marks take no column of their own, in every script, not only
# those the width table names: Bengali and Gujarati vowel signs (what a
# patient leaflet in those languages is written with) sit on the letter
# before them, as curses and the terminal put them, with no gap after
# each. A gap would split every word into pieces.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 5
mkdir -p "$scratch/marks"
# "Gujarati" in Gujarati; "Bengali language" and "important" in Bengali.
guj='ગુજરાતી'
ben='বাংলা ভাষা'
imp='গুরুত্বপূর্ণ'
{
	printf '%s\n' '---' 'id: marks' "title: Marks $guj" 'topic: Testing/Marks' \
	    'updated: 2026-01-15' 'status: under-review' '---' '' '## Answer'
	printf 'Words: %s %s %s, and after them an ASCII tail.\n' "$ben" "$imp" "$guj"
	printf '\n%s\n' '## References' '1. Example Society. Example guideline. 2020.'
} >"$scratch/marks/marks.md"
"$BEDSIDE" import --db "$scratch/marks.db" "$scratch/marks" >/dev/null
ok $? "the fixture imports"
db=$scratch/marks.db

screen_start 80 24 -- marks
wait_for '^\[1 Answer\]'
contains "$screen" "Words: $ben $imp $guj, and after them an ASCII tail." \
	"the body: each vowel sign on its letter, no gap after it"
contains "$screen" " Marks $guj" "the title in the header too"
keys q
wait_for 'bedside . Topics'
contains "$screen" "│  Marks $guj" "and in the list of articles"
keys q
wait_exit 5
is "$exit_status" 0 "quits cleanly"
