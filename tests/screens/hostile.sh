#!/bin/sh
# Text from the database never reaches the terminal raw: escape sequences
# in a title and a body (OSC 0, OSC 8, OSC 52, CSI 2J, a C1 CSI, BEL) are
# drawn as visible placeholders, and the bytes the browser writes hold
# none of them. Invisible format characters (a soft hyphen, zero-width
# marks, fillers) are drawn as the one placeholder too.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 12
mkdir -p "$scratch/hostile"
printf -- '---\nid: hostile\ntitle: "Title \\e]0;pwned\\a here"\ntopic: Test/Hostile\nupdated: 2025-01-01\nstatus: submitted\n---\n\n## Answer\nBody \033]52;c;Zm9v\007 clip \033[2J clear \302\233 csi \033]8;;http://x\033\\link [1].\n\n## References\n1. Ref one.\n' >"$scratch/hostile/hostile.md"
"$BEDSIDE" import --db "$scratch/h.db" "$scratch/hostile" >/dev/null
ok $? "the fixture imports"
db=$scratch/h.db

screen_start 80 24 -- hostile
wait_for 'Title ␛\]0;pwned␇ here'
ok $? "the title shows its control characters as placeholders"
like "$screen" 'clip ␛\[2J clear ␦ csi' "and the body too"
# Everything drawn again, recorded as the terminal receives it.
tmx pipe-pane -O -t t "cat >'$scratch/bytes'"
sleep 0.2
keys C-l
wait_for 'Title ␛'
sleep 0.5
tmx pipe-pane -t t
esc=$(printf '\033') bel=$(printf '\007')
LC_ALL=C grep -q "${esc}]" "$scratch/bytes"
test $? -ne 0
ok $? "no OSC sequence reaches the terminal"
LC_ALL=C grep -q "$bel" "$scratch/bytes"
test $? -ne 0
ok $? "no BEL"
LC_ALL=C grep -q "$(printf '\302\233')" "$scratch/bytes"
test $? -ne 0
ok $? "no C1 CSI"
LC_ALL=C grep -q 'Title' "$scratch/bytes"
ok $? "(the redraw was recorded)"
keys q
wait_exit 5

# Invisible format characters: the placeholder on screen, never the
# characters themselves in what the terminal receives.
"$BEDSIDE" import --db "$scratch/i.db" "$FIXTURES/invisible" >/dev/null
db=$scratch/i.db
screen_start 80 24 -- invisible
wait_for '^ Furo␦semide by mouth'
ok $? "a soft hyphen in the title shows as the placeholder"
like "$screen" 'Give furo␦semide 40 mg' "and in the text"
tmx pipe-pane -O -t t "cat >'$scratch/bytes2'"
sleep 0.2
keys C-l
wait_for 'Furo␦'
sleep 0.5
tmx pipe-pane -t t
LC_ALL=C grep -q 'Furo' "$scratch/bytes2"
ok $? "(the redraw was recorded)"
# Soft hyphen, ZWSP, ZWJ, word joiner, BOM, Hangul filler as UTF-8.
raw=$(printf '\302\255|\342\200\213|\342\200\215|\342\201\240|\357\273\277|\343\205\244')
LC_ALL=C grep -Eq "$raw" "$scratch/bytes2"
test $? -ne 0
ok $? "no invisible format character reaches the terminal"
keys 2
wait_for 'Emoji kept'
like "$screen" 'health worker 🧑⚕️, family 👨👩👧' "an emoji ZWJ sequence is drawn as its parts side by side"
keys q q
wait_exit 5
