#!/bin/sh
# Search as you type on a database where ranking takes longer than the
# browser's budget for one key (made 0 here, so that a thousand articles
# are enough): the screen shows the first matches at once, then ranks
# them while the keys rest; Enter always opens the best ranked hit.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 10
python3 "$(dirname "$0")/../robust/gen_articles.py" "$scratch/many" 1000 3
"$BEDSIDE" import --db "$scratch/many.db" "$scratch/many" >/dev/null
ok $? "a database of 1,000 articles"
db=$scratch/many.db
word=guideline

# What the ranking puts first, and what comes first unranked (the lowest
# id with the word: the articles are imported in file order).
best=$("$BEDSIDE" search --db "$db" --limit 1 "$word" | sed -n '1s/^\(.*\) (\(gen-[0-9]*\))$/\1/p')
first_file=$(grep -l -w "$word" "$scratch"/many/gen-*.md | head -1)
first_title=$(sed -n 's/^title: //p' "$first_file")
like "$best" '^Generated question' "the command line ranks a best hit ($best)"
test "$best" != "$first_title"
ok $? "(which is not the first match in article order: $first_title)"

screen_start 80 24 BEDSIDE_TEST_SEARCH_BUDGET_MS=0
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
keys "$word"
wait_for "^ Search: $word *\$"
wait_for '^ 100 articles \(the best shown\)'
ok $? "the hits are ranked once the keys rest"
like "$(screen_line '^> ')" "^> $best" "the best ranked hit is first and selected"

# Typed and opened in one go: Enter acts on the ranked hits, not on the
# first matches the screen may have had time to show.
keys Escape
wait_gone '^ Search:'
keys / "$word" Enter
wait_gone '^ Search:'
wait_for "$best"
ok $? "Enter opens the best ranked hit"
unlike "$screen" "$first_title" "not the first match in article order"

# Two words typed a key at a time, at the usual budget: from the fourth
# letter of the second word the browser ranks from the first word's rows,
# kept from key to key (data/db_rank.c), and must rank as the command
# line does, which takes the query whole.
screen_start 80 24
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
typed=
for c in i n s u l i n ' ' s e i z u r e; do
	typed="$typed$c"
	keys "$c"
	# (a space at the end of the line does not show in a capture)
	wait_for "^ Search: ${typed% } *\$" || break
	case $typed in
	"insulin seiz" | "insulin seizu" | "insulin seizure")
		want=$("$BEDSIDE" search --db "$db" --limit 3 "$typed" |
		    sed -n 's/^\(Generated question [0-9]* about [a-z]*?\) (gen-[0-9]*)$/\1/p')
		wait_for "^> $(printf '%s' "$want" | head -1 | sed 's/?/\\?/')"
		got=$(printf '%s\n' "$screen" | grep -o 'Generated question [0-9]* about [a-z]*?' | head -3)
		test -n "$want" && test "$got" = "$want"
		ok $? "'$typed': the first three hits as the command line ranks them"
		;;
	esac
done

