#!/usr/bin/env bash
# Untrusted text never reaches the terminal raw: escape sequences, C1
# controls, bidi overrides and zero-width marks in an article come out of
# show and search as visible placeholders, never as the bytes themselves.
. "$TESTLIB"

db="$scratch/h.db"
run "$BEDSIDE" import --db "$db" "$FIXTURES/hostile/hostile.md"
is "$rc" 0 "an article full of escape sequences imports (it is valid UTF-8)"

# raw_clean FILE: valid UTF-8 with no C0 control but newline, no DEL, no
# C1 control, no bidi override or isolate, no zero-width mark.
raw_clean() {
	python3 - "$1" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    print("# invalid UTF-8 at byte", e.start)
    sys.exit(1)
for ch in text:
    c = ord(ch)
    if (c < 0x20 and ch != "\n") or c == 0x7f or 0x80 <= c <= 0x9f \
       or 0x202a <= c <= 0x202e or 0x2066 <= c <= 0x2069 \
       or 0x200b <= c <= 0x200f or c == 0xfeff:
        print("# raw U+%04X" % c)
        sys.exit(1)
PY
}

for level in clinician patient; do
	"$BEDSIDE" show --db "$db" --level "$level" hostile > "$scratch/show.txt" 2>&1
	raw_clean "$scratch/show.txt"; ok $? "show ($level): no raw control, C1, bidi or zero-width bytes"
done
out=$(cat "$scratch/show.txt")
contains "$out" "␛]0;PWNED-TITLE␇" "OSC 0 shows as placeholders"
contains "$out" "␛]8;;http://evil.example/␛\\click" "OSC 8 shows as placeholders"
contains "$out" "␛]52;c;" "OSC 52 shows as placeholders"
contains "$out" "␛[2J␛[H" "CSI 2J shows as placeholders"
contains "$out" "␛P1\$r0m" "DCS shows as placeholders"
contains "$out" "c1:[␦31m]" "a C1 control (U+009B) shows as a placeholder"
contains "$out" "bidi:[␦evil␦ and ␦iso␦]" "bidi overrides and isolates show as placeholders"
contains "$out" "zw:[zero␦width␦mark]" "zero-width marks show as placeholders"
contains "$out" "Hostile ␛]0;TITLE-OSC␇ title ␛[31mred ␦" "the title is made safe too"

for fmt in markdown json; do
	"$BEDSIDE" show --db "$db" --format "$fmt" hostile > "$scratch/show.$fmt" 2>&1
	raw_clean "$scratch/show.$fmt"; ok $? "show --format $fmt: no raw control bytes"
done
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); sys.exit(0 if "\x1b]0;PWNED" in a["answer"] else 1)' "$scratch/show.json"
ok $? "JSON keeps the text exactly, escaped (\\u001b), for programs"

for q in hostile pwned evil click; do
	"$BEDSIDE" search --db "$db" "$q" > "$scratch/search.txt" 2>&1
	raw_clean "$scratch/search.txt"; ok $? "search '$q': no raw control bytes"
	"$BEDSIDE" search --db "$db" --json "$q" > "$scratch/search.json" 2>&1
	raw_clean "$scratch/search.json"; ok $? "search --json '$q': no raw control bytes"
done
like "$(cat "$scratch/search.txt")" "click" "search still finds words next to escape sequences"

# A carriage return in a title ("abc\rXY" shows as XYc on a terminal) is
# a control character like the rest: its placeholder, not a space, in
# show, search and the topic list alike (in Markdown it ends a line).
mkdir "$scratch/cr"
printf -- '---\nid: cr\ntitle: "Cr abc\\rXY"\ntopic: Testing/Cr\nupdated: 2026-01-15\nstatus: submitted\n---\n\n## Answer\nText.\n' \
    > "$scratch/cr/cr.md"
"$BEDSIDE" import --db "$scratch/cr.db" "$scratch/cr" >/dev/null 2>&1
for cmd in "show cr" "search text" "topics --articles"; do
	# shellcheck disable=SC2086
	contains "$("$BEDSIDE" $cmd --db "$scratch/cr.db")" "Cr abc␍XY" \
	    "a CR in a title: its placeholder in '$cmd'"
done

# Error messages: a file name with an escape sequence in it.
evil="$scratch/$(printf 'bad\033]0;x\007name').md"
printf 'no front matter\n' > "$evil"
"$BEDSIDE" import --db "$db" "$evil" > "$scratch/err.txt" 2>&1
raw_clean "$scratch/err.txt"; ok $? "an import error naming a hostile file name is made safe"
"$BEDSIDE" search --db "$db" "$(printf 'x\033[2Jy')" > "$scratch/err.txt" 2>&1
raw_clean "$scratch/err.txt"; ok $? "a hostile query echoed in 'no results' is made safe"
"$BEDSIDE" show --db "$db" "$(printf 'id\033]52;c;x\007')" > "$scratch/err.txt" 2>&1
raw_clean "$scratch/err.txt"; ok $? "a hostile id echoed in an error is made safe"

# A database written by someone else, with raw bytes the importer would
# never accept (invalid UTF-8, a raw 0x9B), still shows safely.
cp "$db" "$scratch/raw.db"
python3 - "$scratch/raw.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE sections SET body = CAST(X'52617720C29B206279746520' || X'9B' || X'5B326A20' || X'FF' || X'0D58' AS TEXT) WHERE kind = 'answer'")
c.execute("UPDATE articles SET title = CAST(X'5469746C65209B5B3331' AS TEXT)")
c.commit()
PY
"$BEDSIDE" show --db "$scratch/raw.db" hostile > "$scratch/raw.txt" 2>&1
raw_clean "$scratch/raw.txt"; ok $? "raw 0x9B and invalid UTF-8 in the database never reach stdout"
contains "$(cat "$scratch/raw.txt")" "Title �[31" "invalid bytes show as U+FFFD"

# Words and ids from such a database: a "did you mean" suggestion and an
# article id are printed made safe too (search's no-results line and
# topics --articles once wrote them raw).
cp "$db" "$scratch/words.db"
python3 - "$scratch/words.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO spell_words (len, word, docs) VALUES (7, 'gizmo' || char(7) || 's', 5)")
c.execute("INSERT INTO spell_words (len, word, docs) VALUES (7, 'gizmo' || char(27) || 'c', 5)")
c.execute("UPDATE articles SET id = 'host' || char(27) || ']0;x' || char(7) || 'ile'")
# Suggestions are words found at the level searched: the search rows have
# them too (the tokenizer reads "gizmo", "s" and "c" there).
c.execute("UPDATE search SET answer = answer || ' gizmo' || char(7) || 's gizmo' || char(27) || 'c'")
c.commit()
PY
"$BEDSIDE" search --db "$scratch/words.db" gizmoxs > "$scratch/words.txt" 2>&1
raw_clean "$scratch/words.txt"; ok $? "'did you mean' words from the database are made safe"
contains "$(cat "$scratch/words.txt")" "gizmo␇s" "and still shown, as placeholders"
"$BEDSIDE" topics --db "$scratch/words.db" --articles > "$scratch/ids.txt" 2>&1
# (The one tab on each line is the column separator.)
tr '\t' ' ' < "$scratch/ids.txt" > "$scratch/ids-notab.txt"
raw_clean "$scratch/ids-notab.txt"; ok $? "topics --articles: an id from the database is made safe"
contains "$(cat "$scratch/ids.txt")" "host␛]0;x␇ile	" "and still ends at the tab"

# A hostile database path, in errors and in the lines naming it.
evildb="$scratch/$(printf 'db\033]0;x\007name').db"
"$BEDSIDE" check --db "$evildb" > "$scratch/err.txt" 2>&1
raw_clean "$scratch/err.txt"; ok $? "a missing database with a hostile name: the error is made safe"
"$BEDSIDE" import --db "$evildb" "$FIXTURES/good" > "$scratch/err.txt" 2>&1
raw_clean "$scratch/err.txt"; ok $? "import's summary naming a hostile database path is made safe"
"$BEDSIDE" check --db "$evildb" > "$scratch/err.txt" 2>&1
raw_clean "$scratch/err.txt"; ok $? "check's line naming a hostile database path is made safe"
"$BEDSIDE" show --db "$evildb" no-such-id > "$scratch/err.txt" 2>&1
raw_clean "$scratch/err.txt"; ok $? "show's 'no article' error naming it is made safe"

# In the C locale a terminal may take bytes as Latin-1, where a
# placeholder's UTF-8 holds C1 controls (U+241B, ESC's picture, ends in
# 0x9B, CSI). Standard output into a file still gets UTF-8, but messages
# to a standard error that is such a terminal must be ASCII.
c_stderr_tty() {
	python3 - "$@" <<'PY'
import os, subprocess, sys
m, s = os.openpty()
env = dict(os.environ, LC_ALL="C", LANG="C")
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=s, env=env)
os.close(s)
data = b""
while True:
    try:
        d = os.read(m, 65536)
    except OSError:
        break
    if not d:
        break
    data += d
bad = [b for b in data if b >= 0x80]
if bad or not data:
    print("# %d bytes, non-ASCII: %r" % (len(data), data[:120]))
    sys.exit(1)
PY
}
c_stderr_tty "$BEDSIDE" show --db "$db" "$(printf 'x\0332J\035y')"
ok $? "C locale, stderr a terminal: show's error is ASCII"
c_stderr_tty "$BEDSIDE" search --db "$db" "$(printf 'zz\03552;c;QQ\034')"
ok $? "C locale, stderr a terminal: search's 'no results' is ASCII"
c_stderr_tty "$BEDSIDE" import --db "$scratch/c.db" "$evil"
ok $? "C locale, stderr a terminal: import's errors are ASCII"
c_stderr_tty "$BEDSIDE" check --db "$scratch/words.db"
ok $? "C locale, stderr a terminal: check's report is ASCII"

done_testing
