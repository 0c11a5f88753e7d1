#!/bin/sh
# On the first screen a bound key with nothing to act on says so, as it
# does elsewhere: Esc (and emacs's C-g) has nothing to close at the
# topic tree, in every shipped keymap; t there is already at the tree,
# or goes to it from the article list beside it. And the hints say what
# the keys do: in help, Down scrolls.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 21
screen_db

screen_start 80 24
wait_for 'Level: Clinician'
keys Escape
wait_for 'Nothing to close'
like "$screen" '^Nothing to close: this is the first screen \(q quits\)' \
    "Esc at the topic tree says there is nothing to close, and how to quit"
kill -0 "$pid" 2>/dev/null
ok $? "and quits nothing"
keys Down
wait_gone 'Nothing to close'
ok $? "the message goes with the next key"

keys t
wait_for 'Already at the topic tree'
ok $? "t at the topic tree says it is there already"
keys Tab
wait_for 'Esc back'
like "$(printf '%s\n' "$screen" | tail -1)" '^q quit  \? help  / search  Enter open  Esc back ' \
    "in the article list beside the tree the hints say Esc goes back (to the tree)"
unlike "$(printf '%s\n' "$screen" | tail -1)" 'close' "and nothing there says close"
keys t
wait_for '^>. Respiratory'
ok $? "t in the article list beside the tree goes to the tree"
unlike "$screen" 'does nothing' "and says nothing"

keys Tab
wait_for 'Esc back'
keys Escape
wait_for '^>. Respiratory'
unlike "$screen" 'Nothing to close' "Esc in the article list goes back to the tree, quietly"

# Left on a folded top-level topic has no parent to go to: it says so.
# Right on a topic with nothing to unfold goes on to its articles, to
# the right of it, as Enter does.
keys Left
wait_for 'Already at the top of the tree'
ok $? "Left on a folded top-level topic says it is at the top"
like "$screen" '^>. Respiratory' "and stays there"
keys Right
wait_for '^ +. Asthma'
keys Down
wait_for '^> +Asthma'
keys Right
wait_for 'Esc back'
like "$screen" '│> When are oral steroids' "Right on a topic with no subtopics goes to its articles"
unlike "$screen" 'does nothing' "and says nothing of doing nothing"
keys Escape
wait_for '^> +Asthma'
ok $? "Esc comes back to it"

keys ?
wait_for 'Keys in force'
like "$screen" 'Down scroll' "help's hints say that Down scrolls it"
keys Escape
wait_for 'Level: Clinician'
keys q
wait_exit 5

screen_start 80 24 -- --keymap vi
wait_for 'Level: Clinician'
keys Escape
wait_for 'Nothing to close'
like "$screen" '^Nothing to close: this is the first screen \(q quits\)' \
    "the same with --keymap vi"
keys Enter
wait_for '│> '
like "$(printf '%s\n' "$screen" | tail -1)" ' Esc back ' "vi: the article list's hints say Esc back"
keys q
wait_exit 5

screen_start 80 24 -- --keymap emacs
wait_for 'Level: Clinician'
keys Escape
wait_for 'Nothing to close'
like "$screen" '^Nothing to close: this is the first screen \(q quits\)' \
    "the same with --keymap emacs"
keys Down
wait_gone 'Nothing to close'
keys C-g
wait_for 'Nothing to close'
ok $? "and emacs's C-g, its other close key, says the same"
keys Enter
wait_for '│> '
like "$(printf '%s\n' "$screen" | tail -1)" ' Esc back ' "emacs: the article list's hints say Esc back"
keys q
wait_exit 5
ok $? "q still quits"
