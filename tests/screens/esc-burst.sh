#!/bin/sh
# Esc and the key typed just after it can come in one read over a slow
# link, and read as Alt and the key. Where the keymap binds no such Alt
# key they act as Esc then the key, as typed slowly; an Alt key the
# keymap binds (emacs's M-n) still acts as Alt. Each burst is sent as
# bytes in one send-keys, which tmux writes in one go.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 9
screen_db

screen_start 80 24
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys he
wait_for '^ Search: he *$'
# M-x is bound nowhere: Esc leaves the search, x goes to the tree.
keys -H 1b 78
wait_for '^x does nothing here'
ok $? "Esc and x in one read from a search: the search closes, x acts beneath"
like "$screen" 'bedside . Topics' "on the topic tree"
keys Enter Down Enter
wait_for '^\[1 Answer\]'
keys -H 1b 2f
wait_for '^ Search:'
ok $? "Esc and / in one read from an article open a search"
keys Escape
wait_for '│> How should loop'
unlike "$screen" '\[1 Answer\]' "Esc closed the article first"
keys /
wait_for '^ Search:'
keys -H 1b 71
wait_exit 5
ok $? "Esc and q in one read from a search over the tree quit"
is "$exit_status" 0 "cleanly"

# emacs binds M-n in articles: there it is Alt and n.
screen_start 80 24 -- --keymap emacs
wait_for 'Level: Clinician'
keys Enter Down Enter
wait_for '^\[1 Answer\]'
keys -H 1b 6e
wait_for 'Citation \[1\]'
ok $? "emacs keymap: a bound M-n still acts as Alt"
like "$screen" '^\[1 Answer\]' "and the article stays open"
# M-q is not bound: Esc closes the article, q on the tree quits.
keys -H 1b 71
wait_exit 5
ok $? "emacs keymap: an unbound M-q is Esc then q"
