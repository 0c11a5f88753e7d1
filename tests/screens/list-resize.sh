#!/bin/sh
# Lists scrolled in a small terminal start from their first item again
# when it grows, as far as the selection allows: the best search hit, the
# first topic, the first article of a topic, the first bookmark are no
# longer hidden above a list that has room for them.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 18
db=
resize() { tmx resize-window -t t -x "$1" -y "$2"; }

# Search hits: the first is the best.
best='Which patients with upper GI bleeding'
first=$("$BEDSIDE" search patients | head -n 1)
like "$first" "^$best" "(the best hit for 'patients')"
screen_start 80 12
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys -l patients
wait_for "^> $best"
keys Down Down Down Down
wait_gone "$best"
ok $? "80x12: four hits down, the best one has scrolled away"
resize 80 40
wait_for "$best"
ok $? "80x40: the best hit is back in view"
like "$(printf '%s\n' "$screen" | sed -n 3p)" "$best" "at the top of the list"
keys Escape
wait_for 'Level: Clinician'
keys q
wait_exit 5

# The closest matches of a search with no hit: the first is the closest.
screen_start 80 24
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys -l 'adrenalin dose anaphylaxis child intramuscular thigh wheelchair'
wait_for 'Closest matches:'
first=$(printf '%s\n' "$screen" | sed -n 13p | sed 's/^  //; s/[^A-Za-z ].*//')
like "$first" '^[A-Z][a-z]+ [a-z]' "(the first closest match: $first...)"
# Past the two words offered to the fourth closest match (three show):
# the first scrolls away.
keys Down Down Down Down Down
wait_gone "$first"
ok $? "80x24: the fourth closest match selected, the first has scrolled away"
resize 80 27
wait_for "$first"
ok $? "80x27: the first closest match is back in view"
like "$(printf '%s\n' "$screen" | sed -n 13p)" "^  $first" "at the top of the list"
keys Escape
wait_for 'Level: Clinician'
keys q
wait_exit 5

# The topic tree and a topic's articles.
screen_start 80 7
wait_for 'Level: Clinician'
keys Down Down Down Down Down Down Down Down
wait_for '^>▸ Obstetrics'
unlike "$screen" 'Cardiology' "80x7: eight topics down, the first has scrolled away"
resize 80 12
# Either way a topic not shown before: the first, or the last.
wait_for '^ ▸ (Cardiology|Respiratory)'
like "$screen" '^ ▸ Cardiology' "80x12: the first topic is back in view"
like "$screen" '^>▸ Obstetrics' "and the selected one still shows"
keys q
wait_exit 5
screen_start 80 10
wait_for 'Level: Clinician'
keys Down Down Down Down Down
wait_for 'Infectious disease: 5 articles'
keys Enter
wait_for '^> What should be done|│> Which patients in hospital'
keys Down Down Down
wait_for '│> When does cellulitis'
unlike "$screen" 'Which patients in hospital' \
    "80x10: three articles down, the topic's first has scrolled away"
resize 80 16
wait_for 'Nephrology'
like "$screen" '│  Which patients in hospital' "80x16: the first article is back in view"
like "$screen" '│> When does cellulitis' "and the selected one still shows"
keys q
wait_exit 5

# Bookmarks (a list of articles on a screen of its own).
mkdir -p "$scratch/state/bedside"
{
	echo 'bedside-state 1'
	for id in upper-gi-bleed-risk oxygen-targets pe-rule-out head-injury-ct \
	    acute-pancreatitis-fluids covid-dexamethasone stroke-thrombolysis \
	    spinal-cord-compression hfref-core-therapy variceal-bleeding; do
		echo "bookmark $id"
	done
} >"$scratch/state/bedside/state"
screen_start 80 10
wait_for 'Level: Clinician'
keys B
wait_for '^ Bookmarks \(10\)'
keys Down Down Down Down Down
wait_for '^>★ Which patients in hospital'
unlike "$screen" 'upper GI bleeding' \
    "80x10: five bookmarks down, the first has scrolled away"
resize 80 16
wait_for 'Under review 2026-11-27  Gastroenterology'
line3=$(printf '%s\n' "$screen" | sed -n 3p)
like "$line3" '^ ★ Which patients with upper GI bleeding' \
    "80x16: the first bookmark is back at the top"
like "$screen" '^>★ Which patients in hospital' "and the selected one still shows"
keys q q
wait_exit 5
is "$exit_status" 0 "quits"
