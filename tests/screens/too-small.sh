#!/bin/sh
# Too small to draw (a phone's keyboard up, a split pane): the screen
# says so, the size it needs and the key that quits, named from the
# keymap. Nothing closes unseen: Esc over an article leaves it there for
# when the terminal grows, and says it did nothing; the quit key quits
# from anywhere, as the screen says; Esc still closes a search box (it
# holds no place), which names Esc as its way out because q is text.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 16
screen_db
resize() { tmx resize-window -t t -x "$1" -y "$2"; }

screen_start 80 24 -- hf-diuretics
wait_for '^ How should loop diuretics'
resize 60 4
wait_for 'too small'
like "$screen" '^Terminal too small: make it at least 20x6; q quits$' \
    "60x4: the size it needs and the key that quits"
resize 14 4
wait_for '^Too small$'
like "$screen" '^q quits$' "14x4: the key that quits on a line of its own"
keys Escape
wait_for 'nothing'
like "$screen" '^<Esc>: nothing$' "Esc says that it did nothing"
resize 40 5
wait_for '^Too small: q quits$'
like "$screen" '^<Esc> does nothing until it is bigger$' "in words as long as there is room"
keys Left
wait_for '^<Left> does nothing'
ok $? "so does any other key"
resize 80 24
wait_for '^ How should loop diuretics'
ok $? "the article read before is still there"
unlike "$screen" 'does nothing' "and the note has gone with the small screen"

# The search box: q is text there, so the way out it names is Esc.
keys /
wait_for '^ Search:'
keys -l loop
wait_for '^ Search: loop'
resize 30 5
wait_for '^Terminal too small$'
like "$screen" '^Esc closes the search$' "in the search box the way out is Esc"
keys q
wait_for '^q does nothing$'
ok $? "q is not typed blind, and says so"
keys Escape
wait_for '^Too small: q quits$'
ok $? "Esc closes the search box, and q quits from what is under it"
resize 80 24
wait_for '^ How should loop diuretics'
ok $? "the article is under it, as it was"
unlike "$screen" 'Search:' "the search box is gone"

# q quits from an article, not only from the topic tree.
resize 20 5
wait_for '^Too small: q quits$'
keys q
wait_exit 5
is "$exit_status" 0 "q quits from an article on the too-small screen"

# The topic tree, in vi keys: Esc does nothing, q quits.
screen_start 80 24 -- --keymap vi
wait_for 'Level: Clinician'
resize 19 6
wait_for '^Too small: q quits$'
keys Escape
wait_for '^<Esc> does nothing$'
ok $? "vi, at the tree: Esc says it did nothing"
kill -0 "$pid" 2>/dev/null
ok $? "and quits nothing"
keys q
wait_exit 5
is "$exit_status" 0 "q quits"
