#!/bin/sh
# A pane keeps the reader's place through a change of level or size that
# passes through a text short enough to fit (where there is no place to
# keep): L twice, or a large terminal and back, returns to where the
# reader was, not to the top.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 12
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

# L keeps the pane in front, not only its place: References, the same at
# every level, stays in front at the line the reader had scrolled to.
screen_start 80 10 -- --level clinician hf-diuretics
wait_for '^\[1 Answer\]'
keys 4
wait_for '\[4 References\]'
keys Down Down
wait_gone '1\. Example A'
like "$screen" '^ 2\. Example C' "a short terminal: References scrolled past its first entry"
keys L
wait_for 'Level: Patient'
like "$screen" '\[4 References\]' "L keeps References in front"
like "$screen" '^ 2\. Example C' "scrolled where it was"
unlike "$screen" '1\. Example A' "not back at its top"
keys q q
wait_exit 5
