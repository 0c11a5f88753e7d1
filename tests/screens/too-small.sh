#!/bin/sh
# Too small to draw (a phone's keyboard up, a split pane): the screen
# says so, the size it needs and the key that quits, named from the
# keymap. Nothing closes unseen: Esc over an article leaves it there for
# when the terminal grows, and says it did nothing; the quit key quits
# from anywhere, as the screen says; Esc still closes a search box (it
# holds no place), which names Esc as its way out because q is text.
# At any width it says whole words: shorter, or wrapped where there are
# rows, a word cut only on a screen narrower than it.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 41
screen_db
resize() { tmx resize-window -t t -x "$1" -y "$2"; }
# The screen's lines that are not blank, joined by |.
shown() { printf '%s\n' "$screen" | sed '/^$/d' | paste -sd '|' -; }
# Waits (up to 10 s) until shown() matches REGEX: the redraw at a new
# size can come a little after the key that tells it from the last one.
wait_shown() {
	n=0
	while [ $n -lt $((100 * time_scale)) ]; do
		capture
		shown | grep -Eq -- "$1" && return 0
		sleep 0.1
		n=$((n + 1))
	done
	echo "# screen: $(shown)"
	return 1
}

screen_start 80 24 -- hf-diuretics
wait_for '^ How should loop diuretics'
resize 60 4
wait_for 'too small'
like "$screen" '^Terminal too small: make it at least 20x6; q quits$' \
    "60x4: the size it needs and the key that quits"
resize 14 4
wait_for '^Too small$'
like "$screen" '^q quits$' "14x4: the key that quits on a line of its own"
keys Escape
wait_shown '^Too small[|]q quits[|]<Esc> does[|]nothing$'
ok $? "Esc says that it did nothing, wrapped"
resize 40 5
wait_for '^Too small: q quits$'
like "$screen" '^<Esc> does nothing until it is bigger$' "in words as long as there is room"
keys Left
wait_for '^<Left> does nothing'
ok $? "so does any other key"
resize 80 24
wait_for '^ How should loop diuretics'
ok $? "the article read before is still there"
unlike "$screen" 'does nothing' "and the note has gone with the small screen"

# The search box: q is text there, so the way out it names is Esc.
keys /
wait_for '^ Search:'
keys -l loop
wait_for '^ Search: loop'
resize 30 5
wait_for '^Terminal too small$'
like "$screen" '^Esc closes the search$' "in the search box the way out is Esc"
keys q
wait_for '^q does nothing$'
ok $? "q is not typed blind, and says so"
keys Escape
wait_for '^Too small: q quits$'
ok $? "Esc closes the search box, and q quits from what is under it"
resize 80 24
wait_for '^ How should loop diuretics'
ok $? "the article is under it, as it was"
unlike "$screen" 'Search:' "the search box is gone"

# q quits from an article, not only from the topic tree.
resize 20 5
wait_for '^Too small: q quits$'
keys q
wait_exit 5
is "$exit_status" 0 "q quits from an article on the too-small screen"

# The topic tree, in vi keys: Esc does nothing, q quits.
screen_start 80 24 -- --keymap vi
wait_for 'Level: Clinician'
resize 19 6
wait_for '^Too small: q quits$'
keys Escape
wait_for '^<Esc> does nothing$'
ok $? "vi, at the tree: Esc says it did nothing"
kill -0 "$pid" 2>/dev/null
ok $? "and quits nothing"
keys q
wait_exit 5
is "$exit_status" 0 "q quits"

# Every width up to the least: the lines shown (joined by |) read as one
# of the sentences in full, broken only between words: the way out and
# the key's note among them. A key each time, Left then Right, tells the
# screen at the new size from the one before.
screen_start 80 24
wait_for 'Level: Clinician'
what='(Terminal too small: make it at least 20x6; q quits|Too small: q quits'
what="$what|(Terminal too small|Too[ |]small|Small)[|]q[ |]quits)"
key=Right
for w in 19 18 17 16 15 14 13 12 11 10 9 8 7; do
	key=$([ $key = Left ] && echo Right || echo Left)
	resize $w 6
	keys $key
	wait_shown "^$what[|]<$key>( does nothing until it is bigger|[ |]does[ |]nothing|:[ |]nothing)\$"
	ok $? "${w}x6: whole words: $(shown)"
done
# Lower, at 12 and 7 columns: what does not fit whole is left out, the
# way out before the note.
resize 12 4
keys Left
wait_shown '^Too small[|]q quits[|]<Left> does[|]nothing$'
ok $? "12x4: the note wraps"
resize 12 2
wait_shown '^Too small[|]q quits$'
ok $? "12x2: the note is left out, not cut"
resize 12 1
wait_shown '^Too small$'
ok $? "12x1: too small, said whole"
resize 7 4
wait_shown '^Small[|]q quits[|]<Left>:[|]nothing$'
ok $? "7x4: the shortest forms, to leave room for all"
resize 7 3
wait_shown '^Too[|]small[|]q quits$'
ok $? "7x3: too small on two lines, the note left out"
resize 7 1
wait_shown '^Small$'
ok $? "7x1: one word"
# Narrower than its words, the screen cuts them, and still draws.
for w in 6 5 4 3 2 1; do
	resize $w 6
	keys Left
done
resize 5 6
wait_shown '^Too[|]small[|]q[|]quits[|]'
ok $? "5x6: too small and the way out still whole"
resize 80 24
wait_for 'Level: Clinician'
ok $? "and back to the topic tree at 80x24"
keys q
wait_exit 5
is "$exit_status" 0 "q quits"

# In the search box the way out is Esc, and shortens and wraps as well.
screen_start 80 24
wait_for 'Level: Clinician'
keys /
wait_for '^ Search:'
resize 15 5
keys q
wait_shown '^Too small[|]Esc closes[|]q does nothing$'
ok $? "15x5: Esc closes, said short"
resize 8 6
wait_shown '^Too[|]small[|]Esc[|]closes[|]q does[|]nothing$'
ok $? "8x6: each wrapped at its spaces"
keys Escape
wait_for 'quits'
resize 80 24
wait_for 'Level: Clinician'
keys q
wait_exit 5
is "$exit_status" 0 "quits"
