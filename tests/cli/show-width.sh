#!/usr/bin/env bash
# show --format text is wrapped to the terminal's width, or to 80 columns
# when stdout is not a terminal; search's hits likewise. The fixture
# articles' lines are all short, so an article with long paragraphs
# (and wide characters, two columns each) is made here.
. "${TESTLIB:?TESTLIB must name tests/lib.sh (make check sets it)}"

mkdir "$scratch/in"
words=$(for i in $(seq 1 90); do printf 'widget%d ' "$i"; done)
cjk=$(for i in $(seq 1 40); do printf '測定 '; done)
cat > "$scratch/in/long.md" <<EOF
---
id: long
title: How are long widget paragraphs wrapped?
topic: Testing/Widgets
updated: 2026-01-15
status: under-review
---

## Answer
$words

## Key points
- $words

## From the research
$cjk
EOF
"$BEDSIDE" import --db "$scratch/t.db" "$scratch/in" >/dev/null || exit 1

# widest FILE: the widest line in columns (wide characters count two),
# escape sequences removed; then the number of lines.
widest() {
	python3 - "$1" <<'PY'
import re, sys, unicodedata
t = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", open(sys.argv[1], encoding="utf-8").read())
lines = t.replace("\r", "").split("\n")
def cols(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print(max(cols(l) for l in lines), len(lines))
PY
}

# on_pty COLS ARGS...: the program's stdout on a terminal COLS wide.
on_pty() {
	python3 - "$@" <<'PY'
import fcntl, os, pty, struct, subprocess, sys, termios
cols, args = int(sys.argv[1]), sys.argv[2:]
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, cols, 0, 0))
p = subprocess.Popen(args, stdout=slave, stderr=subprocess.DEVNULL)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
p.wait()
sys.stdout.write(data.decode("utf-8", "replace"))
PY
}

"$BEDSIDE" show --db "$scratch/t.db" long > "$scratch/piped"
read -r w n < <(widest "$scratch/piped")
[ "$w" -le 80 ]; ok $? "piped: no line wider than 80 columns ($w)"
[ "$w" -ge 72 ]; ok $? "piped: the paragraphs fill the 80 columns ($w)"
grep -q '測定' "$scratch/piped"; ok $? "piped: the wide characters are there"
unlike "$(cat "$scratch/piped")" $'\033' "piped: no escape sequences"

# COLUMNS is the shell's, not the pipe's: it does not narrow a pipe.
COLUMNS=40 "$BEDSIDE" show --db "$scratch/t.db" long > "$scratch/columns"
cmp -s "$scratch/piped" "$scratch/columns"; ok $? "piped: COLUMNS does not change it"

for cols in 50 120; do
	on_pty "$cols" "$BEDSIDE" show --db "$scratch/t.db" long > "$scratch/pty$cols"
	read -r w n < <(widest "$scratch/pty$cols")
	[ "$w" -le "$cols" ]; ok $? "a terminal $cols wide: no line wider ($w)"
	[ "$w" -gt $((cols - 10)) ]; ok $? "a terminal $cols wide: the lines fill it ($w)"
done

# search's hits too, on a terminal 50 wide.
on_pty 50 "$BEDSIDE" search --db "$scratch/t.db" widget1 > "$scratch/search50"
read -r w n < <(widest "$scratch/search50")
[ "$w" -le 50 ]; ok $? "search on a terminal 50 wide: no line wider ($w)"

done_testing
