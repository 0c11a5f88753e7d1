#!/bin/sh
# The search line is edited as a shell's line is: Left and Right move the
# cursor a character, Home and End to either end, and typing, Backspace,
# Delete, C-w and C-u work at the cursor, so a typo early in the query is
# mended without typing the rest again.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 16
screen_db

screen_start 80 24
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys -l 'loop diuretcs'
wait_for '^ Search: loop diuretcs *$'
wait_for 'No articles match'
keys Left
wait_for 'No articles match'
unlike "$screen" 'does nothing' "Left in the search line is no unbound key"
keys Left
keys i
wait_for '^ Search: loop diuretics *$' 5
ok $? "Left twice, then a letter: it goes in before the last two"
wait_for 'How should loop diuretics' 5
ok $? "and the mended query is searched"

keys Home
keys -l 'iv '
wait_for '^ Search: iv loop diuretics *$' 5
ok $? "Home, then typing: at the start"
keys End
keys -l ' oxygen'
wait_for '^ Search: iv loop diuretics oxygen *$' 5
ok $? "End, then typing: at the end"

# C-w and C-u take what is before the cursor, not the end of the line.
keys Left Left Left Left Left Left Left
keys C-w
wait_for '^ Search: iv loop  oxygen *$' 5
ok $? "C-w in the middle deletes the word before the cursor"
keys C-u
wait_for '^ Search:  oxygen *$' 5
ok $? "C-u deletes all before the cursor, and keeps what follows"
wait_for 'What oxygen saturation' 5
ok $? "which is searched"
keys Right DC
wait_for '^ Search:  xygen *$' 5
ok $? "Delete takes the character under the cursor"
keys BSpace
wait_for '^ Search: xygen *$' 5
ok $? "Backspace the one before it"

keys F1
wait_for 'Keys in force'
like "$screen" 'Left, Right, Home' "help names the keys that edit the query"
keys Escape
wait_for '^ Search:'
keys Escape
wait_for 'bedside . Topics'

# Back from the wrong hit, Up in the empty box brings the last search
# back, hits and all, and the status line says so; typing starts anew.
keys /
wait_for '^ Search: *$'
like "$screen" 'last search' "an empty box offers the last search"
keys Up
wait_for '^ Search: xygen *$' 5
ok $? "Up in the empty box brings back the search closed last"
keys C-u
keys -l 'loop diuretics'
wait_for 'How should loop diuretics' 5
unlike "$screen" 'last search' "with a query, Up is not offered for it"
keys Enter
wait_for '\[1 Answer\]'
keys Escape
wait_for 'bedside . Topics'
keys /
wait_for '^ Search: *$'
keys Up
wait_for '^ Search: loop diuretics *$' 5
ok $? "a search that opened a hit is the one brought back"
wait_for 'How should loop diuretics' 5
ok $? "with its hits"
keys Escape
wait_for 'bedside . Topics'
keys q
wait_exit 5
