#!/bin/sh
# The status line offers only the keys that do something on the screen as
# it is: no citation keys in a pane without citations (and no following
# from the references), no back before there is a place to go back to, no
# related key for an article without related ones, no open or bookmark in
# an empty list, no key for the list already showing, no fold at the top
# of the tree, no scrolling of a help screen that shows whole or whose
# end shows, no next on the last hit. Wide enough for every hint there is.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 32
screen_db
status() { printf '%s\n' "$screen" | tail -n 1; }

screen_start 160 30
wait_for 'Level: Clinician'
unlike "$(status)" 'fold' "at the top of the folded tree, no fold"
keys Right
wait_for 'Heart failure \(1\)'
like "$(status)" 'Left fold' "an unfolded topic can fold"

# No bookmarks yet: nothing to open or bookmark.
keys B
wait_for 'No bookmarks yet'
unlike "$(status)" 'Enter open|b bookmark ' "an empty list offers neither open nor bookmark"
like "$(status)" 'r recent' "(the other hints are there)"
unlike "$(status)" 'B bookmarks' "the bookmarks showing: B would only show them again"
keys r
wait_for 'Recently viewed'
like "$(status)" 'B bookmarks' "the recent ones showing: B is offered"
unlike "$(status)" 'r recent' "and r, which would only show them again, is not"
keys q
wait_for 'Level: Clinician'
keys q
wait_exit 5

screen_start 160 30 -- hf-diuretics
wait_for '^ How should loop diuretics'
like "$(status)" 'c citation  Enter follow' \
    "the Answer has citations: c and Enter are offered"
unlike "$(status)" 'Left back' "the first place read: nothing to go back to"
like "$(status)" 'R related' "an article with related ones offers them"
keys 5
wait_for '\[5 Disclaimer\]'
unlike "$(status)" 'citation|follow' "the Disclaimer has no citations: neither c nor Enter"
like "$(status)" 'Tab pane' "(the other hints are there)"
keys 4
wait_for '\[4 References\]'
unlike "$(status)" 'follow' "the references are not followed from"
keys 1
wait_for '\[1 Answer\]'
like "$(status)" 'c citation  Enter follow' "back in the Answer, c and Enter again"

# Bookmarked, the list has something to open.
keys b
wait_for 'Bookmarked'
keys B
wait_for 'Bookmarks'
like "$(status)" 'Enter open  b bookmark' "a list with an article offers open and bookmark"
keys Enter
wait_for '^ How should loop diuretics'
keys R
wait_for 'Related'
keys Enter
wait_for 'Level: Clinician'
wait_gone '^ How should loop diuretics'
like "$(status)" 'Left back' "a second article read: back is offered"
unlike "$(status)" 'R related' "an article without related ones does not offer them"

# Help at 160x30 scrolls; at 160x200 it shows whole.
keys ?
wait_for 'Keys in force'
like "$(status)" 'Down scroll' "help taller than the screen scrolls"
keys End
wait_gone 'Down scroll'
unlike "$(status)" 'scroll|page' "its end showing, neither Down nor PgDn is offered"
keys Home
wait_for 'Down scroll  PageDown page'
ok $? "from its top again, both are"
tmx resize-window -t t -x 160 -y 200
wait_gone 'Down scroll'
unlike "$(status)" 'scroll|page' "help shown whole offers no scrolling"
keys Escape
wait_gone 'Keys in force'
keys q q q q
wait_exit 5
is "$exit_status" 0 "quits"

# The search: Enter and Down only where there is something to open or
# move to.
screen_start 160 30
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
unlike "$(status)" 'Enter open|Down next' "an empty search box offers neither open nor next"
keys o x y g e n
wait_for '^ +1 article( |$)'
like "$(status)" 'Enter open' "one hit: open"
unlike "$(status)" 'Down next' "but no next"
keys C-u
wait_gone '^ +1 article( |$)'
keys t h e
wait_for '^ +3 articles( |$)'
like "$(status)" 'Enter open  Esc close  Down next' "several hits: open and next"
keys Down Down
wait_gone 'Down next'
like "$(status)" 'Enter open  Esc close  F1 help' "the last hit: open, but no next"
keys Up
wait_for 'Down next'
ok $? "one up from the last, next again"
keys C-u
keys z q x z q
wait_for 'Nothing matches "zqxzq"'
unlike "$(status)" 'Enter open|Down next' "a word found nowhere with no close word: neither"
# Enter takes a word offered, or searches at the other level: so says
# its hint, and it opens only an article.
keys C-u
keys o x y g e x Space s a t u r a t i o n
wait_for '> oxygen'
like "$(status)" 'Enter take word' "a word offered selected: Enter takes it"
keys Down
wait_for '^> What oxygen saturation'
like "$(status)" 'Enter open' "a closest match selected: Enter opens it"
keys C-u
keys w a t e r Space t a b l e t
wait_for 'The Patient level has it'
like "$(status)" 'Enter search there' "another level has it: Enter searches there"
keys Escape
wait_gone '^ Search:'
keys q
wait_exit 5
