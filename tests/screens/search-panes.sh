#!/bin/sh
# The browser's hits name, and Enter opens, the pane the command line
# names: the weightiest pane whose text matches, not the references that
# repeat the disease's name in every citation (tests/cli/search-panes.sh).
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 6
db=$scratch/panes.db
"$BEDSIDE" import --db "$db" "$FIXTURES/panes" >/dev/null || exit 1
screen_start 80 24
wait_for 'Level: Clinician'
keys / bronchiolitis
wait_for 'What treatment helps infants'
wait_for 'in Answer'
ok $? "clinician: the hit is in the Answer"
unlike "$screen" 'in References' "not in the References"
keys Enter
wait_for '\[1 Answer\]'
ok $? "Enter opens the Answer"
like "$screen" 'Bronchiolitis is a viral illness' "with the matched text on screen"

keys L
wait_for 'Level: Patient'
keys / C-u bronchiolitis
wait_for 'in Key points'
ok $? "patient: the hit is in the Key points"
keys Enter
wait_for '\[2 Key points\]'
ok $? "Enter opens the Key points"
