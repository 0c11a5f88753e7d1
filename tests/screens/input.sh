#!/bin/sh
# Keys that come in one burst (a paste, typeahead) are each acted on and
# drawn at once, whatever else the burst holds: an escape sequence no key
# sends, a byte that is not UTF-8, a character cut short. A byte that
# starts no character is dropped alone, never with what follows it, and in
# the C locale a UTF-8 paste is read whole.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 11
screen_db

screen_start 80 24
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
# "heart", then ESC [99~, which no terminal key sends: nothing follows to
# wake the screen.
keys -H 68 65 61 72 74 1b 5b 39 39 7e
wait_for '^ Search: heart *$' 5
ok $? "keys before an unknown escape sequence are drawn at once"
wait_for 'How should loop diuretics' 5
ok $? "and searched"
keys C-u
wait_for '^ Search: *$'
keys -H 6c 6f 1b 5b 39 39 7e 6f 70
wait_for '^ Search: loop *$' 5
ok $? "keys after an unknown sequence are kept"
keys C-u
wait_for '^ Search: *$'
keys -H 61 62 63 ff 41 42
wait_for '^ Search: abcAB *$' 5
ok $? "a byte that is not UTF-8 is dropped alone, and the screen catches up"
keys C-u
wait_for '^ Search: *$'
# é cut short: its first byte, then an ASCII letter.
keys -H 78 c3 79 c3 a9
wait_for '^ Search: xyé *$' 5
ok $? "a character cut short is dropped, the byte after it kept"
keys C-u
wait_for '^ Search: *$'
keys -H 1b 5b 41 6c 6f
wait_for '^ Search: lo *$' 5
ok $? "a known sequence in the burst still acts as its key"
keys C-u
wait_for '^ Search: *$'
# F1 as PuTTY and rxvt send it, ESC [ 1 1 ~, which xterm's terminfo (the
# TERM PuTTY gives) does not have: the status line offers F1 for help.
keys -H 1b 5b 31 31 7e
wait_for 'Keys in force' 5
ok $? "F1 sent as ESC [11~ shows help from the search box"
like "$screen" 'In the search box' "the search box's help"
keys Escape
wait_for '^ Search:'
keys Escape
wait_for 'bedside . Topics'
keys q
wait_exit 5

# The C locale: the terminal still sends UTF-8.
screen_start 80 24 LC_ALL=C LANG=C
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys 'naïve heart failure'
wait_for '^ Search: naive heart failure *$' 5
ok $? "C locale: a paste with a non-ASCII letter is read whole"
keys C-u
wait_for '^ Search: *$'
keys 'café loop'
wait_for '^ Search: cafe loop *$' 5
ok $? "C locale: and shown as ASCII"
keys Escape
wait_for 'bedside - Topics'
keys q
wait_exit 5
is "$exit_status" 0 "quits cleanly"
