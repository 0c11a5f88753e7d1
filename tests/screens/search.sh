#!/bin/sh
# Search as you type: hits on every keystroke, ranked, with the matched
# words highlighted; no hits offers close words; Enter opens the article at
# the pane that matched; Esc returns to where the search started.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 43
screen_db
# An article in British spelling, beside the fixtures, at the end of the
# topic tree.
mkdir -p "$scratch/uk"
cat >"$scratch/uk/uk.md" <<'EOF'
---
id: uk-spelling
title: When is leg oedema a sign of heart failure?
topic: Testing/Spelling
updated: 2026-01-15
status: submitted
---

## Answer
Ankle oedema with breathlessness; an SGLT2 inhibitor helps [1].

## References
1. Example Society. Example guideline. 2020.
EOF
"$BEDSIDE" import --db "$db" "$scratch/uk" >/dev/null || exit 1
screen_start 80 24
wait_for 'Level: Clinician'
keys Right Down Down
wait_for 'Heart failure: 1 article'

keys /
wait_for '^ Search:'
ok $? "/ opens the search box"
like "$screen" 'Type words to search' "an empty query says what to do"
# F1 and back: the spaces were taken before help came.
keys Space Space F1
wait_for 'Keys in force'
keys Escape
wait_for '^ Search:'
unlike "$screen" 'No articles match' "spaces alone are no query to match"
like "$screen" 'Type words to search' "and still say what to do"
keys BSpace BSpace o
wait_for '^ Search: o'
keys x
wait_for '^ Search: ox *$'
ok $? "each key is added to the query"
wait_for 'What oxygen saturation'
ok $? "hits show as the query is typed"
keys Escape
wait_for 'Heart failure: 1 article'
ok $? "Esc returns to where the search started"

keys /
wait_for '^ Search:'
keys h e
wait_for '^ Search: he *$'
wait_for '[0-9]+ articles?'
first=$(screen_line '[0-9]+ articles?')
keys C-u l o o p
wait_for '^ Search: loop'
wait_for '^ 1 article'
ok $? "the hits are searched again on every key"
like "$first" '[2-9] articles' "(more hits for a shorter query)"
like "$screen" 'How should loop diuretics' "each hit shows the title"
like "$screen" 'Cardiology › Heart failure' "the topic"
like "$screen" '^    Under review 2025-03-14  Cardiology' \
    "the review status and date, as every list of articles shows them"
like "$screen" 'in Answer' "and the pane that matched"
# The matched word in the snippet is drawn in the match style. Snippets
# come a moment after the hits (once the keys rest): wait up to 5 s.
esc=$(printf '\033')
n=0
while :; do
	tmx capture-pane -e -p -t t >"$scratch/colour"
	grep -q "${esc}\[[0-9;]*m[Ll]oop" "$scratch/colour" && break
	[ $n -ge 50 ] && break
	sleep 0.1
	n=$((n + 1))
done
grep -q "${esc}\[[0-9;]*m[Ll]oop" "$scratch/colour"
ok $? "the matched word is highlighted in the snippet"

# A hit shows one line of its snippet, and the match is on it: the
# snippet for "overload" wraps it onto a second line at 75 columns, so
# words go from its front instead.
keys C-u o v e r l o a d
wait_for '^ Search: overload'
wait_for '^    .*overload' 5
ok $? "a snippet whose match would wrap shows the match on its line"
like "$(screen_line '^    .*overload')" '^    …' "with an ellipsis for the words dropped before it"

keys C-u f u r o s e m x d e
wait_for '^ Search: furosemxde'
wait_for 'Did you mean'
ok $? "no hits: says so and offers close words"
like "$screen" 'Nothing matches "furosemxde"' "naming the word that matched nothing"
like "$screen" '> +furosemide' "the closest word is offered first"
# A word of several parts ("loop-diuretcs"): the part that finds nothing
# is named and gets the suggestions, not the first part, which is found;
# Enter puts the suggestion in that part's place.
keys C-u l o o p - d i u r e t c s
wait_for '^ Search: loop-diuretcs'
wait_for 'Did you mean'
like "$screen" 'Nothing matches "diuretcs"' "a hyphenated word: the part that finds nothing is named"
like "$screen" '> +diuretics' "and gets the suggestions"
keys Enter
wait_for '^ Search: loop-diuretics'
wait_for 'How should loop diuretics'
ok $? "Enter puts the word in place of that part"
# Words that each match, but never in one article: no word is blamed,
# and nothing is left over from the query before.
keys C-u x y z z y ' ' l o o p
wait_for 'Nothing matches "xyzzy"'
keys C-u l o o p ' ' o x y g e n
wait_for '^ Search: loop oxygen'
wait_for 'No article has every word\. Closest matches:'
ok $? "words that each match alone: says no article has them all"
like "$screen" 'without "oxygen"' "and shows the closest, with the word each lacks"
unlike "$screen" 'Nothing matches' "without blaming a word that matches"
# A word in American spelling finds the British the articles have, and
# two words the articles write as one ("SGLT2") are not blamed for no hits.
keys C-u e d e m a
wait_for '^ Search: edema'
wait_for 'When is leg oedema a sign'
ok $? "'edema' finds the article that says 'oedema'"
keys C-u s g l t ' ' 2 ' ' x y z z q
wait_for '^ Search: sglt 2 xyzzq'
wait_for 'Nothing matches "xyzzq"'
ok $? "'sglt 2' is found as 'sglt2': the word after it is named"
unlike "$screen" 'Nothing matches "sglt' "not the words the articles write as one"
# Punctuation between the words is no word: the search ignores it, so
# it is not named as the word that matches nothing, and alone it is no
# query at all.
keys C-u l o o p ' ' - ' ' o x y g e n
wait_for '^ Search: loop - oxygen'
wait_for 'No article has every word\.'
ok $? "a word of punctuation alone is not blamed for no hits"
keys C-u - ' ' '^' :
wait_for '^ Search: - \^:'
like "$screen" 'Type words to search' "punctuation alone is no query"
keys C-u f u r o s e m x d e
wait_for 'Did you mean'
like "$screen" 'Nothing matches "furosemxde"' "a word that matches nothing is still named"
keys Enter
wait_for '^ Search: furosemide'
ok $? "Enter takes the suggestion"
wait_for 'How should loop diuretics'
ok $? "and searches with it"
like "$screen" 'in Key points' "the hit matched in Key points"
keys Enter
wait_for '\[2 Key points\]'
ok $? "Enter opens the article at the pane that matched"

# Opened from a hit, the pane starts at its top when the matched line is
# on its first screen, and a little above that line when it is further
# down.
keys /
wait_for '^ Search:'
keys C-u
keys creatinine
wait_for 'How should loop diuretics'
keys Enter
wait_for '\[1 Answer\]'
ok $? "a hit in the Answer opens the Answer"
like "$screen" 'Give an intravenous loop diuretic' "from its first line"
like "$screen" 'creatinine' "with the matched line on screen"
keys /
wait_for '^ Search:'
keys C-u
keys thirteen
wait_for 'How should loop diuretics'
keys Enter
# The hit's snippet has the same words: wait for the article first.
wait_for '\[1 Answer\]'
wait_for 'Line thirteen of the answer'
ok $? "a match further down is on screen"
unlike "$screen" 'Give an intravenous loop diuretic' "the pane scrolled to it"
like "$screen" 'Line twelve of the answer' "with the line before it"

# On a low screen the words offered still show: no blank lines between
# the parts, and the selected word stays in view.
screen_start 80 7
wait_for 'bedside . Topics'
keys /
wait_for '^ Search:'
keys f u r o s e m x d e
wait_for 'Did you mean'
like "$screen" '> +furosemide' "at 80x7 the closest word is on screen, selected"
keys Enter
wait_for '^ Search: furosemide'
ok $? "and Enter takes it"
# Esc alone, then q: sent together they read as Alt-q.
keys Escape
wait_for 'bedside . Topics'
keys q
wait_exit 5
