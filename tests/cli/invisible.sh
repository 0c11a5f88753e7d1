#!/usr/bin/env bash
# Invisible format characters (Unicode's default-ignorable code points: a
# soft hyphen, zero-width marks, Hangul fillers, tags...) in an article
# come out of show and search as the one visible placeholder, never as
# nothing; variation selectors stay, and an emoji sequence joined with
# ZWJ shows its parts side by side. JSON keeps the text exactly.
. "$TESTLIB"

db="$scratch/i.db"
run "$BEDSIDE" import --db "$db" "$FIXTURES/invisible"
is "$rc" 0 "an article full of invisible format characters imports"

# raw_invisible FILE: the default-ignorable code points in FILE but the
# variation selectors, as U+XXXX words (none: empty).
raw_invisible() {
	python3 - "$1" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
def ignorable(c):
    return (c in (0xAD, 0x34F, 0x61C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E,
                  0x3164, 0xFEFF, 0xFFA0)
            or 0x200B <= c <= 0x200F or 0x202A <= c <= 0x202E
            or 0x2060 <= c <= 0x206F or 0xFFF0 <= c <= 0xFFF8
            or 0x1BCA0 <= c <= 0x1BCA3 or 0x1D173 <= c <= 0x1D17A
            or (0xE0000 <= c <= 0xE0FFF and not 0xE0100 <= c <= 0xE01EF))
print(" ".join(sorted({"U+%04X" % ord(ch) for ch in text if ignorable(ord(ch))})))
PY
}

run "$BEDSIDE" show --db "$db" invisible
is "$rc" 0 "show the article"
is "$(raw_invisible "$scratch/out")" "" "show: no invisible format character is printed as it is"
contains "$out" "Furo␦semide by mouth" "a soft hyphen in the title shows as the placeholder"
contains "$out" "Give furo␦semide 40 mg" "and in the text"
contains "$out" "shy:[a␦b] cgj:[a␦b] alm:[a␦b]" "soft hyphen, grapheme joiner, Arabic letter mark"
contains "$out" "hangul:[a␦b a␦b" "the Hangul fillers"
contains "$out" "a␦b a␦b]" "(all four)"
contains "$out" "khmer:[a␦b a␦b] mvs:[a␦b]" "Khmer's inherent vowels, Mongolian's vowel separator"
contains "$out" "zw:[a␦b a␦b a␦b a␦b a␦b]" "zero-width space, non-joiner, joiner, LRM, RLM"
contains "$out" "wj:[a␦b a␦b a␦b]" "word joiner, invisible operators"
contains "$out" "bom:[a␦b] shorthand:[a␦b a␦b] music:[a␦b] tag:[a␦b]." "BOM, shorthand and musical format controls, tags"
contains "$out" "1. Ref␦one. 2024." "in a reference too"
contains "$out" "heart ❤️, keycap 1️⃣," "variation selectors stay (emoji presentation, keycap)"
contains "$out" "health worker 🧑⚕️, family 👨👩👧;" "an emoji ZWJ sequence shows its parts side by side"
contains "$out" "Mongolian ᠠ᠋;" "so does Mongolian's"
contains "$out" "ideograph 葛󠄀." "and an ideograph's"

run "$BEDSIDE" show --db "$db" --format markdown invisible
is "$(raw_invisible "$scratch/out")" "" "show --format markdown: none printed as it is"
contains "$out" "shy:[a␦b]" "show --format markdown: the placeholder"

"$BEDSIDE" show --db "$db" --format json invisible > "$scratch/show.json"
is "$(raw_invisible "$scratch/show.json")" "" "show --format json: none raw, all escaped"
python3 - "$scratch/show.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
want = ("furo\u00adsemide", "a\u200db", "a\U0001BCA0b a\U0001BCA3b", "a\U0001D173b",
        "a\U000E0041b")
missing = [w for w in want if w not in a["answer"]]
if missing or "\U0001F9D1\u200d\u2695\ufe0f" not in a["key_points"]:
    print("# not kept exactly:", [w.encode("unicode_escape") for w in missing])
    sys.exit(1)
PY
ok $? "show --format json keeps the text exactly (surrogate pairs past the BMP)"

run "$BEDSIDE" search --db "$db" furo
is "$(raw_invisible "$scratch/out")" "" "search: none printed as it is"
contains "$out" "Furo␦semide by mouth" "search: the placeholder in the title"
contains "$out" "Give furo␦semide" "search: and in the snippet"
"$BEDSIDE" search --db "$db" --json marks > "$scratch/search.json"
is "$(raw_invisible "$scratch/search.json")" "" "search --json: none raw"

done_testing
