#!/usr/bin/env bash
# search: ranking, prefixes, levels, JSON, and typed text that looks like
# FTS5 syntax.
. "$TESTLIB"

db="$scratch/test.db"
"$BEDSIDE" import --db "$db" "$FIXTURES/good" >/dev/null || exit 1
json_ok() { printf '%s' "$1" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null; }

run "$BEDSIDE" search --db "$db" widgets
is "$rc" 0 "a word in the collection is found"
like "$out" '^How are widgets calibrated\? \(alpha\)$' "the hit shows title and id"
like "$out" '^  Testing/Widgets · Answer$' "the hit shows topic and the pane that matched"
unlike "$out" $'\033' "no escape sequences when stdout is not a terminal"

run "$BEDSIDE" search --db "$db" calibra
is "$rc" 0 "the last word matches as a prefix"
like "$out" '\(alpha\)' "prefix finds the article"
run "$BEDSIDE" search --db "$db" "calibra "
is "$rc" 1 "a word followed by a space is whole, not a prefix"
run "$BEDSIDE" search --db "$db" 'calibra*'
is "$rc" 0 "a '*' after the last word makes it a prefix, as people write it"
like "$out" '\(alpha\)' "'calibra*' finds the article"
run "$BEDSIDE" search --db "$db" 'calibra *'
is "$rc" 1 "a '*' after a space is a separator, not a prefix"
long=$(python3 -c 'print("zq" + "\u00e9" * 5000)')
"$BEDSIDE" search --db "$db" "$long" 2>"$scratch/long.err" >/dev/null
is "$(wc -l <"$scratch/long.err" | tr -d ' ')" 1 "a pasted query's no-results message is one line"
bytes=$(wc -c <"$scratch/long.err" | tr -d ' ')
test "$bytes" -lt 300; ok $? "and it echoes only the start of the query ($bytes bytes)"
like "$(cat "$scratch/long.err")" "'zq(é)+\.\.\.'$" "cut on a character boundary, marked with '...'"

# Ranking: a title match outranks the same word in the body.
first=$("$BEDSIDE" search --db "$db" --json gadgets | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')
is "$first" beta "a title match ranks first"
run "$BEDSIDE" search --db "$db" --json example testing
hits=$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["hits"]))')
is "$hits" 2 "two words found together (both in alpha and beta, not in gamma)"
run "$BEDSIDE" search --db "$db" widgets gadgets
is "$rc" 1 "every word must match: no article has both widgets and gadgets"

# Snippets mark the matched words.
run "$BEDSIDE" search --db "$db" --json sprockets
json_ok "$out"; ok $? "--json is one valid JSON document"
marked=$(printf '%s' "$out" | python3 -c '
import json,sys
h=json.load(sys.stdin)["hits"][0]
print(",".join(h["snippet"][a:b].lower() for a,b in h["matches"]))')
like "$marked" '^sprockets?(,|$)' "matches point at the matched words in the snippet"
# ...counted in characters, as JSON readers index strings, not in bytes:
# the bundled articles have "≥", "–" and "…" before many a dose in mg.
counted=$("$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json --limit 1000 mg | python3 -c '
import json,sys
wide=bad=0
for h in json.load(sys.stdin)["hits"]:
    s=h["snippet"]
    for a,b in h["matches"]:
        wide+=any(ord(c)>127 for c in s[:a])
        bad+=s[a:b].lower()!="mg"
print(wide>0, bad)')
is "$counted" "True 0" "match ranges count characters, also after non-ASCII text"

# A word finds its other form where no added s makes it: "allergies"
# the article that says "allergy", "child" the one that says "children".
mkdir -p "$scratch/forms"
cat > "$scratch/forms/forms.md" <<'EOF2'
---
id: forms
title: Which children need a second look?
topic: Testing/Forms
updated: 2026-01-15
status: under-review
---

## Answer
An allergy to peanuts is common [1].

## References
1. Example Society. Example guideline. 2020.
EOF2
"$BEDSIDE" import --db "$scratch/forms.db" "$scratch/forms" >/dev/null || exit 1
run "$BEDSIDE" search --db "$scratch/forms.db" "common allergies"
like "$out" '\(forms\)' "'allergies' finds an article that says 'allergy'"
run "$BEDSIDE" search --db "$scratch/forms.db" "child look"
like "$out" '\(forms\)' "'child' finds an article that says 'children'"
mkdir -p "$scratch/forms-one"
sed -e 's/^id: forms$/id: forms-one/' -e 's/Which children need/Which child needs/' \
    "$scratch/forms/forms.md" > "$scratch/forms-one/forms-one.md"
"$BEDSIDE" import --db "$scratch/forms-one.db" "$scratch/forms-one" >/dev/null || exit 1
run "$BEDSIDE" search --db "$scratch/forms-one.db" "look children"
like "$out" '\(forms-one\)' "'children' typed last finds an article that says 'child'"

# Levels: patient text is searched at the patient level only.
run "$BEDSIDE" search --db "$db" --level patient plain words
is "$rc" 0 "patient wording found at the patient level"
run "$BEDSIDE" search --db "$db" --level clinician plain words
is "$rc" 1 "patient wording not found at the clinician level"
like "$err" "^bedside: no results for 'plain words' at the clinician level, but some at the patient level \(--level patient\)$" \
	"which says the patient level has it, and how to search there"
run "$BEDSIDE" search --db "$db" --level clinician --json plain words
like "$out" '"other_levels":\["patient"\]' "--json names the level that has it"
unlike "$out" '"unmatched":"' "and blames no word: the words are right, the level is not"
run "$BEDSIDE" search --db "$db" --level patient plian
like "$err" "did you mean: plain" "did you mean offers a word found at this level"
run "$BEDSIDE" search --db "$db" --level clinician plian
unlike "$err" "plain" "but not one that finds nothing at this level either"
# A word blamed that another level has is not in "no article": it is
# in the patient's, and the whole query is at no level.
run "$BEDSIDE" search --db "$db" --level clinician plain sprocket
is "$rc:$out" "1:" "a word found only at another level beside others: no hit"
like "$err" "no article has 'plain' at the clinician level, only at the patient level(;|$)" \
	"says the word is at the other level, not in no article"
run "$BEDSIDE" search --db "$db" --level clinician "sprocket plain "
like "$err" "no article has 'plain' at the clinician level, only at the patient level" \
	"also as the last word, typed whole"
run "$BEDSIDE" search --db "$db" --level clinician plain xyzzq
like "$err" "no article has 'plain' at the clinician level, only" \
	"also beside a word found nowhere"
run "$BEDSIDE" search --db "$db" --level clinician xyzzq plain
like "$err" "no article has 'xyzzq'$" "a word at no level is in no article"
run "$BEDSIDE" search --db "$db" --level clinician --json sprokets
like "$out" '"other_levels":\[\]' "--json has an empty other_levels when no level has the words"
run "$BEDSIDE" search --db "$db" --level nurse widgets
is "$rc" 2 "an unknown level is a usage error"
like "$err" "unknown level 'nurse' \(known: clinician, patient\)" "the known levels are listed"

# No hit: exit 1, one line, and a suggestion from the index vocabulary.
run "$BEDSIDE" search --db "$db" widgts
is "$rc" 1 "no hit exits 1"
like "$err" "^bedside: no results for 'widgts'; did you mean: widgets" "did-you-mean from the vocabulary"
is "$out" "" "nothing on stdout when nothing is found"
run "$BEDSIDE" search --db "$db" --json widgts
is "$rc" 1 "no hit with --json exits 1"
json_ok "$out"; ok $? "no hit with --json is still valid JSON"
contains "$out" '"suggestions":["widgets"' "JSON carries the suggestions"

# Several words: the suggestions are for the word that finds nothing, not
# for the first; words that each find something are not "misspelt".
run "$BEDSIDE" search --db "$db" widgets gadgtes
is "$rc" 1 "a misspelt second word finds nothing"
like "$err" "^bedside: no results for 'widgets gadgtes': no article has 'gadgtes'; did you mean: gadgets, gadget$" \
    "the second word gets the suggestion, and is named"
run "$BEDSIDE" search --db "$db" --json widgets gadgtes
contains "$out" '"unmatched":"gadgtes","suggestions":["gadgets","gadget"]' "JSON names the word too"
run "$BEDSIDE" search --db "$db" widgets - gadgets
is "$err" "bedside: no results for 'widgets - gadgets': each word is found, but no article has them all; closest: alpha (without 'gadgets')" \
    "words found apart are said to be, with nothing suggested for them, and the closest named"
run "$BEDSIDE" search --db "$db" --json widgets gadgets
contains "$out" '"unmatched":null,"suggestions":[]' "JSON: no word to blame, no suggestion"

# Closest matches: the articles with the most of the words, each with
# the words it lacks. Still no hit for a script: exit 1, nothing on stdout.
run "$BEDSIDE" search --db "$db" widgets gadgets calibrated
is "$rc" 1 "no article with every word exits 1, closest matches or not"
is "$out" "" "and writes nothing on stdout"
like "$err" "; closest: alpha \(without 'gadgets'\)$" \
    "the article with two of the three words is named, with the word it lacks"
is "$(printf '%s' "$err" | wc -l | tr -d ' ')" 0 "on one line"
run "$BEDSIDE" search --db "$db" --json widgets gadgets calibrated
is "$rc" 1 "--json too exits 1"
json_ok "$out"; ok $? "and is valid JSON"
closest=$(printf '%s' "$out" | python3 -c '
import json,sys
d=json.load(sys.stdin)
print(len(d["hits"]), ";".join(c["id"] + ":" + c["title"] + ":" + ",".join(c["missing"])
    for c in d["closest"]))')
is "$closest" "0 alpha:How are widgets calibrated?:gadgets;beta:When should gadgets be replaced?:widgets,calibrated" \
    "--json lists the closest, most words first, each with the words it lacks"
run "$BEDSIDE" search --db "$db" --json widgets sprockets gadgets
like "$out" '"id":"beta","title":"[^"]*","missing":\["widgets sprockets"\]' \
    "neighbours it lacks are one string, as typed"
run "$BEDSIDE" search --db "$db" --json --limit 1 widgets gadgets calibrated
like "$out" '"closest":\[\{"id":"alpha"[^]]*\]\}\]\}$' "--limit caps the closest too"
# A misspelt word: the closest have the other words, and did you mean
# stays the help on stderr.
run "$BEDSIDE" search --db "$db" --json widgets gadgtes
contains "$out" '"closest":[{"id":"alpha","title":"How are widgets calibrated?","missing":["gadgtes"]}]' \
    "a word found nowhere: the closest lack it"
run "$BEDSIDE" search --db "$db" widgets gadgtes
unlike "$err" "closest" "and stderr offers the spelling, not them"
# One word, or words found at another level: nothing is close.
run "$BEDSIDE" search --db "$db" --json widgtes
contains "$out" '"closest":[]' "one word that finds nothing: no closest"
run "$BEDSIDE" search --db "$db" --level clinician --json plain words
contains "$out" '"other_levels":["patient"],"closest":[]' \
    "words found together at another level: no closest, the level is the answer"

# --limit
run "$BEDSIDE" search --db "$db" --limit ' 5' widgets
is "$rc" 2 "--limit with a leading space is refused like any other non-number"
run "$BEDSIDE" search --db "$db" --limit 1 --json testing
n=$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["hits"]))')
is "$n" 1 "--limit caps the hits"
run "$BEDSIDE" search --db "$db" --limit zero widgets
is "$rc" 2 "a bad --limit is a usage error"

# Did you mean: the word typed in another form (singular or plural,
# British or American spelling) comes before other close words, even
# ones found in more articles or closer by letters.
forms="$scratch/forms"
mkdir -p "$forms"
for i in 1 2 3; do
	extra=
	[ "$i" = 1 ] && extra=': a fit, fetal anaemia, a tumour and magnesium sulfate 15 g, with a water tablet for oedema, an SGLT2 inhibitor, one litre'
	cat >"$forms/f$i.md" <<EOF
---
id: forms-$i
title: Article $i on its own
topic: Testing/Forms
updated: 2026-01-15
status: submitted
---

## Answer {level=clinician}
Its answer, and its point$extra.

## Answer {level=patient}
Its answer.

## References
1. Example Society. Example guideline. 2020.
EOF
done
fdb="$scratch/forms.db"
"$BEDSIDE" import --db "$fdb" "$forms" >/dev/null || exit 1
run "$BEDSIDE" search --db "$fdb" "fits "
like "$out" '\(forms-1\)' "'fits' typed whole finds the article that says 'fit'"
unlike "$out" '\(forms-2\)' "and not those with 'its' only"
run "$BEDSIDE" search --db "$fdb" "tumors "
like "$err" "did you mean: tumour" "'tumors' offers 'tumour'"

# A word in one spelling finds the other, British or American, where the
# index has it, and the snippet marks the word the article has.
marked() { python3 -c '
import json,sys
d=json.load(sys.stdin)
print(" ".join(h["id"] + ":" + ",".join(h["snippet"][a:b] for a,b in h["matches"]) for h in d["hits"]))'; }
for pair in "foetal :fetal" "anemia :anaemia" "sulphate :sulfate" "edema:oedema" \
    "tumor:tumour" "anemia:anaemia" "SGLT-2:SGLT2" "SGLT 2:SGLT2" "sglt 2 inhib:SGLT2,inhibitor"; do
	q=${pair%%:*} want=${pair#*:}
	run "$BEDSIDE" search --db "$fdb" --json "$q"
	is "$rc" 0 "'$q' finds the article that has '$want'"
	is "$(printf '%s' "$out" | marked)" "forms-1:$want" "and the snippet marks '$want'"
done
# Words past the sixteenth are left out, and never blamed: the sixteenth
# is whole, and found.
run "$BEDSIDE" search --db "$fdb" "its answer and its point a fit fetal anaemia a tumour and magnesium sulfate 15 g xyzzq"
is "$rc" 0 "words past the sixteenth are left out"
[ -n "$out" ]; ok $? "and the hits are on standard output"
like "$err" "^bedside: search: only the first 16 words are searched$" \
	"standard error says they were left out: a hit need not have them"
run "$BEDSIDE" search --db "$fdb" --json "$(printf 'anaemia %.0s' $(seq 16))"
is "$rc:$err" "0:" "sixteen words are all searched, and nothing is said"
run "$BEDSIDE" search --db "$db" "$(printf 'widgets %.0s' $(seq 15))gadgets xyzzq"
like "$err" "each word is found, but no article has them all; closest: alpha \(without 'gadgets'\)$" \
    "the sixteenth word is looked for alone, without those after it"
# A "word" that is punctuation to the index's tokenizer (a dash, an
# ellipsis, an emoji, as pasted) is no word: beside a word with another
# spelling it made the search find nothing.
for q in "anemia —" "— anemia" "sglt 2 …" "anemia 📈 tumor"; do
	run "$BEDSIDE" search --db "$fdb" --json "$q"
	is "$rc" 0 "'$q' finds what the words without the punctuation find"
done
run "$BEDSIDE" search --db "$fdb" "— anemia xyzzq"
like "$err" "no article has 'xyzzq'$" "and the punctuation is not blamed"
run "$BEDSIDE" search --db "$fdb" "sglt 2 xyzzq"
like "$err" "no article has 'xyzzq'" "'sglt 2', found as 'sglt2', is not the words blamed"
# As the last word is typed, where the rule lies inside what is typed: an
# 'e' is 'ae' only before another letter, so "ane" is not yet "anae".
run "$BEDSIDE" search --db "$fdb" --json "ane"
is "$rc" 1 "'ane' is not taken for 'anae': what follows the 'e' is not typed yet"
run "$BEDSIDE" search --db "$fdb" --json "anem"
is "$rc" 0 "'anem' finds 'anaemia'"
# Only the spellings of the rules, in their places: 'four' is not 'for'.
run "$BEDSIDE" search --db "$fdb" "four "
is "$rc" 1 "'four' does not find 'for'"
# A word not yet whole is not given a spelling that begins other words:
# "liter" would begin "literature".
run "$BEDSIDE" search --db "$fdb" --json "litre"
is "$rc" 0 "'litre' as typed finds 'litre'"
run "$BEDSIDE" search --db "$fdb" --json "liter"
is "$rc" 0 "'liter' as typed finds 'litre'"
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "hemorrhage"
n=$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["hits"]))')
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "haemorrhage"
m=$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["hits"]))')
test "$n" -ge "$m"; ok $? "the bundled articles: 'hemorrhage' finds as many as 'haemorrhage' ($n, $m)"
# ...and either spelling ranks alike: bm25 counts the spellings as one
# word, not as two of which the rarer (a US journal in the references)
# would weigh the more.
ranked() {
	"$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json --limit 100 --level "$2" -- "$1" |
	    python3 -c 'import json,sys; print(" ".join("%s:%s:%s" % (h["id"], h["pane"], h["rank"]) for h in json.load(sys.stdin)["hits"]))'
}
for pair in hemorrhage:haemorrhage anemia:anaemia edema:oedema "hemorrhage risk:haemorrhage risk"; do
	us=${pair%%:*} uk=${pair#*:}
	for level in clinician patient; do
		a=$(ranked "$us" "$level") b=$(ranked "$uk" "$level")
		[ "$level" = patient ] || { test -n "$a"; ok $? "$level: '$us' finds something"; }
		is "$a" "$b" "$level: '$us' and '$uk' find the same articles, ranked alike"
	done
done

# A drug's American name finds the article that uses the British one,
# and ranks as it does: "epinephrine" was nowhere in the clinician's
# text of the anaphylaxis article, named for adrenaline.
first() { python3 -c 'import json,sys; h=json.load(sys.stdin)["hits"]; print(h[0]["id"] if h else "")'; }
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "epinephrine anaphylaxis"
is "$rc:$(printf '%s' "$out" | first)" "0:anaphylaxis-adrenaline" \
    "'epinephrine anaphylaxis' finds the article on adrenaline, first"
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "albuterol asthma"
is "$rc:$(printf '%s' "$out" | first)" "0:acute-severe-asthma" \
    "'albuterol asthma' finds the article on salbutamol"
for pair in epinephrine:adrenaline albuterol:salbutamol acetaminophen:paracetamol \
    EKG:ECG; do
	us=${pair%%:*} uk=${pair#*:}
	is "$(ranked "$us" clinician)" "$(ranked "$uk" clinician)" \
	    "'$us' and '$uk' find the same articles, ranked alike"
done

# A plural as the last word, a prefix, finds the singular: the article
# says "a water tablet". Not a plural of a word the index lacks.
run "$BEDSIDE" search --db "$fdb" --json "water tablets"
is "$rc" 0 "'water tablets' finds an article that says 'water tablet'"
contains "$out" '"id":"forms-1"' "the article with the singular"
run "$BEDSIDE" search --db "$fdb" --json "answes"
is "$rc" 1 "'answes' is not taken for a plural: 'answe' is no word, and 'answe*' would find 'answer'"
# Two words run together, as for a hyphenated term ("betablocker"): the
# two apart, if an article has them side by side.
run "$BEDSIDE" search --db "$fdb" "watertablet "
like "$err" "did you mean: water tablet(,|$)" "'watertablet' offers 'water tablet'"
run "$BEDSIDE" search --db "$fdb" --json "tabletwater "
unlike "$out" '"tablet water"' "not words that no article has side by side"
# A number with its unit run on: the articles have them apart.
run "$BEDSIDE" search --db "$fdb" "15g"
like "$err" "did you mean: 15 g(,|$)" "'15g' offers '15 g'"
run "$BEDSIDE" search --db "$fdb" --json "15gx"
contains "$out" '"suggestions":[]' "not when the index lacks the unit ('gx')"
# Did you mean offers words: not a single letter, which every word of
# one or two letters is an edit from ("xq" offered "x" and "q").
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "xq"
is "$rc" 1 "'xq' finds nothing"
short=$(printf '%s' "$out" | python3 -c 'import json,sys; print(",".join(w for w in json.load(sys.stdin)["suggestions"] if len(w) < 2))')
is "$short" "" "'xq' is offered no single letter"
run "$BEDSIDE" search --db "$fdb" --json "z"
contains "$out" '"suggestions":[]' "a single letter typed is offered no word an edit from it"
# Nor a word of two letters: an edit from it is half the vocabulary.
suggested() { printf '%s' "$out" | python3 -c '
import json,sys
d=json.load(sys.stdin)
print(d["unmatched"], ",".join(d["suggestions"]))'; }
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "Na 120"
is "$(suggested)" "Na " "'Na 120': 'Na' is named, with no two-letter words offered for it"
# Nor a number: another number is another dose, not its spelling.
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "1205"
is "$(suggested)" "1205 " "a number is offered no other number"
# Nor an abbreviation in capitals: 'CPK' is not a slip for 'CPR' (as
# 'CRP' was not, before an article wrote it). The collection must not
# have the word: the check below says so if one comes to.
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "CPK"
is "$rc" 1 "'CPK' is in no article of the collection"
is "$(suggested)" "CPK " "three capitals are offered no words a letter away"
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "cpk"
like "$(suggested)" '^cpk [a-z]' "in lower case they are (a slip of the keys)"
# A longer word that finds nothing is named before a short one, so that
# its close words are offered.
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" "Na hyponatremiaa"
like "$err" "no article has 'hyponatremiaa'; did you mean: hyponatraemia" \
    "'Na hyponatremiaa': the misspelt longer word gets the suggestions"

# A whole word finds its form in -ing, as the last word (a prefix) does:
# the clinician's articles say "GI bleeding", never "bleed".
for q in "bleed gi" "gi bleed "; do
	run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --level clinician "$q"
	like "$out" '\(upper-gi-bleed-risk\)$' "'$q' finds the clinician's article on GI bleeding"
done
# A dotted abbreviation finds what its letters written as one find.
ids() { "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "$@" | python3 -c '
import json,sys
print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'; }
tia=$(ids "tia ")
like "$tia" '^tia-' "'tia' finds the TIA article first"
is "$(ids "t.i.a.")" "$tia" "'t.i.a.' finds what 'tia' finds"
is "$(ids "T.I.A")" "$(ids "TIA")" "'T.I.A' (still typed: a prefix) finds what 'TIA' finds"
 typed as a search
# is typed (the last word a prefix), find their article first.
for pair in af:af- mi:nstemi-troponin-diagnosis uti:cystitis-women dka:dka-adults \
    txa:postpartum-haemorrhage rosc:shockable-cardiac-arrest nac:paracetamol-overdose \
    lmwh:stroke-thrombolysis copd:copd-; do
	q=${pair%%:*} want=${pair#*:}
	first=$("$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "$q" |
	    python3 -c 'import json,sys; h=json.load(sys.stdin)["hits"]; print(h[0]["id"] if h else "")')
	case $first in
	"$want"*) ok 0 "'$q' finds $first first" ;;
	*) ok 1 "'$q' finds ${want%-}... first, not '$first'" ;;
	esac
done

# An abbreviation typed last is matched whole too, a term of its own in
# bm25: the articles that have it come before those with only a word it
# begins ("given" for GI, "acetylcysteine" for ACE), and both AF articles
# before the one on cardiac arrest ("after").
top2() {
	"$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json --limit 2 -- "$1" | python3 -c '
import json,sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
is "$(top2 AF)" "af-anticoagulation af-rate-vs-rhythm" \
    "'AF' finds the two AF articles first"
is "$(top2 GI)" "upper-gi-bleed-risk variceal-bleeding" \
    "'GI' finds the two GI bleeding articles first"
is "$(top2 ACE)" "ckd-sglt2-inhibitors hfref-core-therapy" \
    "'ACE' finds the ACE inhibitor articles first"
is "$("$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "CAP" | first)" "cap-severity" \
    "'CAP' finds community-acquired pneumonia first"
# ...and that term is no word of the query's: the closest matches are
# still ranked by how many of the words typed they have.
run "$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --json "warfarin copd gi"
lacking=$(printf '%s' "$out" | python3 -c '
import json,sys
d=json.load(sys.stdin)
print(" ".join(str(sum(len(m.split()) for m in c["missing"])) for c in d["closest"]))')
is "$lacking" "$(printf '%s\n' $lacking | sort -n | tr '\n' ' ' | sed 's/ $//')" \
    "'warfarin copd gi': the closest lack fewest words first ($lacking)"

# Readers also search in their own words: lay terms, brand names, drug
# classes and blood tests find the article about them first, at the level
# where they are used. A line is LEVEL:QUERY:ARTICLES, with '|' between
# articles any of which is right first (a symptom several articles share).
while IFS=: read -r level q want; do
	first=$("$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --level "$level" --json -- "$q" </dev/null |
	    python3 -c 'import json,sys; h=json.load(sys.stdin)["hits"]; print(h[0]["id"] if h else "")')
	case "|$want|" in
	*"|$first|"*) ok 0 "$level: '$q' finds $first first" ;;
	*) ok 1 "$level: '$q' finds $want first, not '$first'" ;;
	esac
done <<'END'
patient:water infection:cystitis-women
clinician:water infection:cystitis-women
patient:shortness of breath:hfref-core-therapy|copd-exacerbation|acute-severe-asthma|pe-rule-out
clinician:shortness of breath:hfref-core-therapy|copd-exacerbation|acute-severe-asthma|pe-rule-out
patient:breathless:hfref-core-therapy|copd-exacerbation|acute-severe-asthma|pe-rule-out
patient:wheeze:acute-severe-asthma|bronchiolitis
clinician:wheeze:acute-severe-asthma|bronchiolitis
patient:wheezing:acute-severe-asthma|bronchiolitis
clinician:wheezing:acute-severe-asthma|bronchiolitis
patient:statin:nstemi-troponin-diagnosis|tia-assessment
clinician:statin:nstemi-troponin-diagnosis|tia-assessment
patient:PPI:upper-gi-bleed-risk
clinician:PPI:upper-gi-bleed-risk
patient:proton pump inhibitor:upper-gi-bleed-risk
patient:BNP:hfref-core-therapy
clinician:BNP:hfref-core-therapy
clinician:NT-proBNP:hfref-core-therapy
patient:EpiPen:anaphylaxis-adrenaline
clinician:EpiPen:anaphylaxis-adrenaline
patient:adrenaline auto-injector:anaphylaxis-adrenaline
patient:covid:covid-dexamethasone
clinician:covid:covid-dexamethasone
clinician:COVID-19:covid-dexamethasone
END
# A symptom several articles share finds each of them, not just the first.
hit_ids() {
	"$BEDSIDE" search --db "$BEDSIDE_BUNDLED_DB" --level "$1" --json --limit 100 -- "$2" |
	    python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
ids=" $(hit_ids patient 'shortness of breath') "
for want in acute-severe-asthma copd-exacerbation hfref-core-therapy pe-rule-out; do
	contains "$ids" " $want " "patient: 'shortness of breath' finds $want"
done
ids=" $(hit_ids patient wheeze) "
for want in acute-severe-asthma bronchiolitis; do
	contains "$ids" " $want " "patient: 'wheeze' finds $want"
done
for level in patient clinician; do
	ids=" $(hit_ids "$level" statin) "
	for want in nstemi-troponin-diagnosis tia-assessment; do
		contains "$ids" " $want " "$level: 'statin' finds $want"
	done
done

# The column weights: the same word in the title, the answer, the key
# points, the research or the references of five articles otherwise
# alike ranks them in that order (schema.sql's bm25 weights).
mkdir "$scratch/weights"
for col in title answer key research refs; do
	t=widget a=widget k=widget r=widget f=widget
	case $col in
	title) t=zorblat ;; answer) a=zorblat ;; key) k=zorblat ;;
	research) r=zorblat ;; refs) f=zorblat ;;
	esac
	cat > "$scratch/weights/$col.md" <<EOF
---
id: w-$col
title: How is the $t filed?
topic: Testing/Weights
updated: 2026-01-15
status: submitted
---

## Answer
The $a is filed by hand [1].

## Key points
- The $k is filed.

## From the research
- A $r was filed.

## References
1. Example A. The $f filing. 2020.
EOF
done
"$BEDSIDE" import --db "$scratch/weights.db" "$scratch/weights" >/dev/null
order=$("$BEDSIDE" search --db "$scratch/weights.db" --json zorblat |
	python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))')
is "$order" "w-title w-answer w-key w-research w-refs" \
	"title above answer above key points above research above references"

done_testing
