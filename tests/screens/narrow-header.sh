#!/bin/sh
# The review status and the last-updated date are always whole in the
# article header: where they do not fit side by side (a phone, 25
# columns or fewer) each has a line of its own, down to the smallest
# screen the browser draws (20x6), and a resize lays the header out
# again. So are they in the lists of articles: narrower than the status
# and the date side by side, the date goes on the line below, never cut
# to "2025-". Their headers say which screen they are before saying
# the level: at 20 columns "Topics", the level without its word, and a
# list's name whole, not "B" for Bookmarks. What has no room beside the
# status is an ellipsis, never its first letter alone.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

screen_db
resize() { tmx resize-window -t t -x "$1" -y "$2"; }

screen_start 80 24 -- hf-diuretics
wait_for '^ How should loop diuretics'
like "$screen" '^  Under review   Updated 2025-03-14  Level: Clinician *$' \
    "80x24: status, date and level on one line"

resize 25 10
wait_for '^ Updated 2025-03-14 *$'
ok $? "80x24 to 25x10: the header is laid out again"
like "$screen" '^  Under review *$' "25x10: the status, whole, on its own line"
like "$screen" '^ Cardiology .* Clinician *$' "25x10: the level, whole, right of the topic"
compare_golden article-25x10.txt

resize 20 6
wait_for '^ 2025-03-14 *$'
ok $? "25x10 to 20x6: the date, whole, on its own line"
like "$screen" '^  Under review *$' "20x6: and the status"
like "$screen" '^ How should loop' "20x6: under the first line of the question"
compare_golden article-20x6.txt

resize 80 24
wait_for '^  Under review   Updated 2025-03-14  Level: Clinician *$'
ok $? "back at 80x24: status, date and level on one line again"
keys q q
wait_exit 5

# Started narrow, bookmarked, another level: the star and the new level
# take no room from the status or the date.
screen_start 20 10 -- hf-diuretics
wait_for '^ Updated 2025-03-14 *$'
ok $? "20x10: the date with its word on a line of its own"
like "$screen" '^  Under review *$' "20x10: the status on its own line"
keys b
wait_for 'Bookmarked'
like "$screen" '^  Under review   (★|\*) *$' "20x10: the bookmark's star beside the status"
like "$screen" '^ Updated 2025-03-14 *$' "20x10: the date still whole"
keys L
wait_for 'Patient *$'
like "$screen" '^ Cardiolog.* Patient *$' "20x10: L shows the new level right of the topic"
like "$screen" '^ Updated 2025-03-14 *$' "20x10: the date still whole"
keys q q
wait_exit 5

# A shorter status leaves room for the date beside it at 25 columns.
screen_start 25 8 -- copd-oxygen
wait_for 'Approved'
like "$screen" '^  Approved  2024-11-02 *$' "25x8: a shorter status and the date, whole, share a line"
keys q q
wait_exit 5

# The lists of articles on a phone: the date whole under the status
# (hf-diuretics is bookmarked above).
screen_start 20 12
wait_for '^>. Cardiology'
like "$screen" '^ Topics +Patient *$' \
    "20x12: the topics' header names the screen and the level"
keys B
wait_for '^  2025-03-14 '
ok $? "20x12 bookmarks: the date, whole, on the line under the status"
like "$screen" '^ Bookmarks \(1\) *$' "20x12 bookmarks: the list's name whole in its header"
like "$screen" '^  Under review *$' "20x12 bookmarks: the status on its own line"
unlike "$screen" '[0-9]{4}-[0-9]?$' "20x12 bookmarks: no date cut short"
keys q Enter
wait_for '^> Which drug'
like "$screen" '^  2024-06-01 ' "20x12 topic's articles: the date whole too"
unlike "$screen" '[0-9]{4}-[0-9]?$' "20x12 topic's articles: no date cut short"
resize 26 12
wait_for '^  Under review 2024-06-01 *$'
ok $? "26 columns: status and date side by side again"
like "$screen" '^ Topics +Level: Patient *$' "26 columns: and the level with its word"
keys r
wait_for '^ Recent'
resize 20 12
wait_for '^ Recent \(2\)( |$)'
ok $? "20x12 recent: the list's name and count whole in its header"
keys q q
wait_exit 5

# A search hit at 20 columns: one column left for the topic.
screen_start 20 8
wait_for '^>. Cardiology'
keys / l o o p
wait_for '^ 1 article'
like "$screen" '^    Under review  …$' \
    "20x8 search: the topic with no room is an ellipsis"
unlike "$screen" '^    Under review  [A-Za-z]$' "not a lone letter that reads as a word"
keys Escape
wait_gone '^ Search:'
keys q
wait_exit 5

done_testing
