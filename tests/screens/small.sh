#!/bin/sh
# What a clinician reading on a phone's SSH client needs: a C locale that
# spells thresholds and units out instead of '?', and narrow and low
# terminals that keep the article's title, topic, review status, date
# and reading level in view. Uses the bundled articles.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

# The C locale: "≥3.0 mmol/L" must not read "?3.0 mmol/L", nor a
# micromole "?mol"; search snippets are cut with "...", not "?".
screen_start 60 25 LC_ALL=C LANG=C -- dka-adults
wait_for 'ketones'
like "$screen" '>=3\.0 mmol/L' "C locale: >= is spelt out in the text"
unlike "$screen" '\?3\.0' "C locale: no '?' in place of >="
keys q q
wait_exit 5
screen_start 60 25 LC_ALL=C LANG=C -- aki-staging
wait_for 'KDIGO'
like "$screen" '26\.5 micromol/L' "C locale: micro is spelt out in a unit"
keys q q
wait_exit 5
screen_start 60 25 LC_ALL=C LANG=C
wait_for 'bedside - Topics'
keys /
wait_for '^ Search:'
keys -l anticoag
wait_for 'articles'
unlike "$screen" '^    \?' "C locale: a snippet's leading cut is not a '?'"
like "$screen" '^    \.\.\.' "C locale: but '...'"
keys Escape
wait_for 'bedside - Topics'
keys q
wait_exit 5

# Search on a phone: a question cut at forty columns cannot be told from
# the next, so under 80 columns a title has two lines.
screen_start 40 15
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys -l 'heart failure'
wait_for 'articles'
like "$screen" '^> Which drugs should every patient with$' "40x15 search: the title's first line"
like "$screen" '^  heart failure with reduced ejection' "40x15 search: and its second"
keys Escape
wait_for 'Level: Clinician'
keys q
wait_exit 5

# Narrower than status, date and level together: the level moves to the
# topic's line instead of being cut to "C...".
screen_start 33 12 -- hfref-core-therapy
wait_for 'Under review'
like "$screen" '^ Cardiology .* Clinician$' "33x12: the level, whole, right of the topic"
like "$screen" 'Under review +[0-9]{4}-[0-9]{2}-[0-9]{2}$' "33x12: status and the whole date below"
keys L
wait_for 'Patient$'
ok $? "33x12: L shows the new level there"
keys q q
wait_exit 5

# A phone's 40 columns show the first few keys of the status line: the
# reading level is among them.
screen_start 40 15 -- hfref-core-therapy
wait_for 'Under review'
like "$(printf '%s\n' "$screen" | tail -1)" '^q close  \? help  Tab pane  L level' \
    "40x15: the status line offers L level"
keys q q
wait_exit 5

done_testing
