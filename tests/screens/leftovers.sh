#!/bin/sh
# Nothing of one screen shows through the next. Side by side, the
# article's panes leave a blank column between them that no window of
# the article covers: the letters the topic list or help had drawn there
# must not stay, to be read as part of the text. Each screen is checked
# against the same screen redrawn from scratch (C-l). Uses the bundled
# articles, whose list is long enough to reach that column.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 4

screen_start 120 40
wait_for 'Level: Clinician'
keys Enter
wait_for '│> How is myocardial'
keys Enter
wait_for '5 Disclaimer'
opened=$screen
keys C-l
sleep 0.3
wait_for '5 Disclaimer'
is "$opened" "$screen" \
    "an article opened from the topic list: nothing of the list between its panes"
clean=$screen

keys ?
wait_for 'Keys in force'
keys Escape
wait_for '5 Disclaimer'
is "$screen" "$clean" "help closed over the article: nothing of help between its panes"

keys /
wait_for '^ Search:'
keys -l troponin
wait_for '^ +[0-9]+ articles? '
keys Escape
wait_for '5 Disclaimer'
is "$screen" "$clean" "the search box closed: nothing of its hits between the panes"

keys q
wait_for 'bedside . Topics'
keys q
wait_exit 5
is "$exit_status" 0 "q, q: closed and quit"
