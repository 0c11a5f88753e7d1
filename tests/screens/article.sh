#!/bin/sh
# Reading an article: the header, the panes as tabs at 80x24 (Tab,
# Shift-Tab, number keys), each pane's own scroll, citations followed to
# References and back, history forward, related articles.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 27
screen_db
screen_start 80 24
wait_for 'Level: Clinician'
keys Enter Down Enter
wait_for 'How should loop diuretics be used in acute heart failure\?'
ok $? "an article opens from the article list"
like "$screen" 'Cardiology › Heart failure' "the header shows the topic path"
like "$screen" 'Under review' "the header shows the review status"
like "$screen" '2025-03-14' "the header shows the last-updated date"
like "$screen" 'Level: Clinician' "the header shows the reading level"
like "$screen" '\[1 Answer\]' "the Answer pane is in front"
compare_golden article-80x24.txt

keys Tab
wait_for '\[2 Key points\]'
ok $? "Tab goes to the next pane"
like "$screen" 'furosemide' "which shows its own text"
keys BTab
wait_for '\[1 Answer\]'
ok $? "Shift-Tab goes back"
keys 3
wait_for '\[3 From the research\]'
ok $? "a number key goes to its pane"
like "$screen" 'randomised trial' "the research pane shows"
keys 5
wait_for '\[5 Disclaimer\]'
ok $? "5 shows the disclaimer"

keys 1 PageDown
wait_for 'The last line of the answer'
ok $? "PageDown scrolls the pane"
unlike "$screen" 'Give an intravenous loop' "the first lines scrolled away"
keys 2
wait_for 'Start an intravenous loop diuretic'
keys 1
wait_for '\[1 Answer\]'
like "$screen" 'The last line of the answer' "each pane keeps its own scroll"

keys Home c
wait_for 'Citation \[1\]: Enter follows it'
ok $? "c selects the first citation in view"
keys c
wait_for 'Citation \[2, 3\]'
keys Enter
wait_for '\[4 References\]'
ok $? "Enter follows the citation to References"
like "$screen" '▌2\. Example C' "the cited references are marked"
like "$screen" '▌3\. Example D' "all the numbers of [2, 3]"
keys Left
wait_for '\[1 Answer\]'
ok $? "back returns to the pane the citation was in"
like "$screen" 'Give an intravenous loop' "at the same place"
keys Right
wait_for '\[4 References\]'
ok $? "forward goes to the reference again"

keys R
wait_for 'Related to: How should loop'
ok $? "R lists the related articles"
like "$screen" 'Which drug controls the heart rate' "with their titles"
keys Enter
wait_for '^ Which drug controls the heart rate in atrial fibrillation\?'
ok $? "Enter opens a related article"
keys Left
wait_for '^ How should loop diuretics'
ok $? "back returns to the article before"
