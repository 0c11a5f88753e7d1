#!/bin/sh
# Text from the database never reaches the terminal raw: escape sequences
# in a title and a body (OSC 0, OSC 8, OSC 52, CSI 2J, a C1 CSI, BEL) are
# drawn as visible placeholders, and the bytes the browser writes hold
# none of them. Invisible format characters (a soft hyphen, zero-width
# marks, fillers) are drawn as the one placeholder too.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 17
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

# The topic tree and the search list draw text from the database too,
# and a database written by hand may hold what import refuses: a raw
# 0x9B byte (CSI to a terminal that takes 8-bit controls), invalid
# UTF-8, a DCS and "abc\rXY" (XY over abc) in a title and a topic.
"$BEDSIDE" import --db "$scratch/r.db" "$FIXTURES/hostile/hostile.md" >/dev/null 2>&1
python3 - "$scratch/r.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE articles SET title = CAST(X'526177209B33316D20FF20616263' || X'0D5859' || "
          "X'201B5031247230' || X'1B5C2068657265' AS TEXT)")
c.execute("UPDATE topics SET name = CAST(X'546F706963209B33316D2061' || X'0D'"
          " || X'5A' AS TEXT) WHERE name = 'Hostile'")
c.commit()
PY
db=$scratch/r.db
screen_start 80 24
tmx pipe-pane -O -t t "cat >'$scratch/bytes3'"
wait_for 'Raw'
keys Right
wait_for 'Topic '
like "$screen" 'Topic �31m a␍Z' "the topic tree shows a raw 0x9B (invalid UTF-8) and a CR as placeholders"
keys /
keys h o s t i l e
wait_for 'Raw �'
like "$screen" 'Raw �31m � abc␍XY ␛P1\$r0␛\\ here' \
    "the search list shows them, and a DCS, as placeholders"
keys Enter
wait_for 'Updated'
like "$screen" 'dcs:\[␛P1\$r0m␛\]' "and the article its body's DCS"
like "$screen" '^ Raw �31m � abc␍XY' "and the article's header the title's CR"
sleep 0.3
tmx pipe-pane -t t
python3 - "$scratch/bytes3" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    print("# not UTF-8 (a raw byte) at", e.start, data[max(0, e.start - 20):e.start + 5])
    sys.exit(1)
for name, bad in (("DCS", "\x1bP"), ("OSC", "\x1b]"), ("BEL", "\x07"), ("C1", "\x9b"),
                  ("abc CR XY", "abc\rXY"), ("a CR Z", "a\rZ")):
    if bad in text:
        print("#", name, "reached the terminal")
        sys.exit(1)
if "Raw" not in text:
    print("# nothing recorded")
    sys.exit(1)
PY
ok $? "none of it reaches the terminal raw (the bytes are UTF-8 with no DCS, OSC, BEL, C1 or CR)"
keys q q q
wait_exit 5
