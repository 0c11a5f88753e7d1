#!/bin/sh
# Pasted text is text. A drug name copied from a letter, line break and
# all, pasted while reading must not run the keys it spells (e exports,
# r opens the recent list, a line break opens a hit): it goes to the
# search box, opened for it, with its line breaks and tabs as spaces.
# tmux brackets a paste (paste-buffer -p) once the program asks for it.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 9
screen_db

paste() {
	tmx set-buffer -b p -- "$1"
	tmx paste-buffer -p -d -b p -t t
}

screen_start 80 24 -- hf-diuretics
wait_for '^ How should loop diuretics'
paste "$(printf 'loop\ndiuretics here')"
wait_for '^ Search: '
like "$screen" '^ Search: loop diuretics here$' \
    "a paste while reading opens the search box with it, the line break a space"
unlike "$screen" 'Recently viewed|Exported' "and none of its letters ran a key"
test -z "$(ls "$scratch/cwd")"
ok $? "nothing was exported"

keys C-u
wait_for '^ Search: *$'
paste "$(printf 'loop\tdiuretics\nacute')"
wait_for '^ Search: loop'
like "$screen" '^ Search: loop diuretics acute$' \
    "in the search box a tab and a line break are spaces"
like "$screen" '^ 1 article' "the paste searched"
like "$screen" '^ Search:' "and the line break opened nothing"

keys Escape
wait_for '^ How should loop diuretics'
ok $? "Esc comes back to the article, as it was"

# Typed, not pasted, the keys are keys still.
keys r
wait_for 'Recently viewed'
ok $? "r typed opens the recent list"
keys q
wait_for '^ How should loop diuretics'
keys q
wait_for 'Level: Clinician'
keys q
wait_exit 5
is "$exit_status" 0 "q, q, q: closed and quit"
