#!/bin/sh
# The first screen and the topic tree: start at 80x24 on the topic tree at
# the clinician level with no prompt, fold and unfold, move, open the
# article list, quit with q.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 21
screen_db
screen_start 80 24
wait_for 'Level: Clinician'
ok $? "first start shows the topic tree at the clinician level"
like "$screen" '^ bedside . Topics' "the header names the screen"
like "$screen" 'Cardiology \(2\)' "top-level topics with article counts"
compare_golden topics-80x24.txt
like "$screen" 'q quit .*\? help .*/ search' "the status line shows the keys that matter"

keys Right
wait_for 'Heart failure \(1\)'
ok $? "Right unfolds the selected topic"
keys Down Down
wait_for 'Heart failure: 1 article'
ok $? "moving down selects a subtopic and lists its articles"
like "$(screen_line '^>')" 'Heart failure' "the selection is marked on the selected row"
keys Left Left
wait_gone 'Heart failure \(1\)'
ok $? "Left goes to the parent, then folds it"
keys Down
wait_for 'Respiratory: 2 articles'
ok $? "the list follows the selected topic"
keys Enter
wait_for '│> When are oral steroids'
ok $? "Enter moves into the article list"
unlike "$screen" '^>' "and the tree no longer has the marker"
like "$screen" 'Esc back' "the hints change with the focus: Esc goes back to the tree"

keys q
wait_exit 5
ok $? "q at the top screen quits"
is "$exit_status" 0 "and exits with status 0"

# Before the screen starts: what a script would need to know.
run "$BEDSIDE" --db "$db" no-such-article
is "$rc" 1 "an unknown article id exits 1"
like "$err" "no article 'no-such-article'" "naming the id"
run "$BEDSIDE" --db "$db" --level expert
is "$rc" 2 "an unknown level is a usage error"
is "$err" "bedside: unknown level 'expert' (known: clinician, patient)" \
    "listing the levels there are, as the commands do"
run "$BEDSIDE" --db "$db" </dev/null
is "$rc" 2 "without a terminal the browser does not start"
like "$err" 'needs a terminal' "and says why"
