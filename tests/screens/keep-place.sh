#!/bin/sh
# A pane keeps the reader's place through a change of level or size that
# passes through a text short enough to fit (where there is no place to
# keep): L twice, or a large terminal and back, returns to where the
# reader was, not to the top.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 8
screen_db

screen_start 80 24 -- hf-diuretics
wait_for 'Give an intravenous loop diuretic'
keys End
wait_for 'The last line of the answer'
keys L
wait_for 'Level: Patient'
ok $? "L: the patient answer, which fits the pane"
keys L
wait_for 'Level: Clinician'
like "$screen" 'The last line of the answer' "L again: back at the end of the clinician answer"
unlike "$screen" 'Give an intravenous loop diuretic' "not at its top"

tmx resize-window -t t -x 200 -y 60
wait_for '─ 2 Key points'
like "$screen" 'Give an intravenous loop diuretic' "a large terminal shows all of the answer"
tmx resize-window -t t -x 80 -y 24
wait_for '^\[1 Answer\]'
like "$screen" 'The last line of the answer' "back at 80x24: at the end of the answer again"
unlike "$screen" 'Give an intravenous loop diuretic' "not at its top"

# A citation selected at the top, then the end of the answer: L twice
# comes back to the end, not to the citation, which the short patient
# answer showed only because it shows everything.
keys Home
wait_for 'Give an intravenous loop diuretic'
keys c
wait_for 'Citation \[1\]'
keys End
wait_for 'The last line of the answer'
keys L
wait_for 'Level: Patient'
keys L
wait_for 'Level: Clinician'
like "$screen" 'The last line of the answer' "a citation selected out of view: L twice keeps the end"
unlike "$screen" 'fluid overload \[1\]' "not pulled back to the citation"
keys q q
wait_exit 5
