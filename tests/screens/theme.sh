#!/bin/sh
# --theme picks the palette over the config file; mono draws no colour;
# the review statuses look different from each other in colour and mono.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 13
colours() { tmx capture-pane -e -p -t t: | grep -cE '\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)(;[0-9]+)*m'; }

screen_start 80 24 -- --theme dark af-anticoagulation
wait_for 'Level: Clinician'
ok $? "--theme dark starts"
[ "$(colours)" -gt 0 ]; ok $? "--theme dark draws in colour"
tmx capture-pane -e -p -t t: >"$scratch/dark"

# Two palettes, not one under two names: the same article differs in
# colour (the topic path, citations: blue on a light background, cyan on
# a dark one), not in text.
screen_start 80 24 -- --theme light af-anticoagulation
wait_for 'Level: Clinician'
tmx capture-pane -e -p -t t: >"$scratch/light"
tmx capture-pane -p -t t: >"$scratch/light.text"
sed 's/\x1b\[[0-9;]*m//g' "$scratch/dark" | cmp -s - "$scratch/light.text"
ok $? "--theme light and dark show the same text"
cmp -s "$scratch/dark" "$scratch/light"
test $? -ne 0
ok $? "--theme light and dark colour it differently"

screen_start 80 24 -- --theme mono
wait_for 'Level: Clinician'
ok $? "--theme mono starts"
is "$(colours)" 0 "--theme mono draws no colour"

printf 'theme = mono\n' > "$scratch/config/bedside/config" 2>/dev/null || {
	mkdir -p "$scratch/config/bedside"; printf 'theme = mono\n' > "$scratch/config/bedside/config"; }
screen_start 80 24 -- --theme light
wait_for 'Level: Clinician'
[ "$(colours)" -gt 0 ]; ok $? "--theme overrides the config file's theme"

run "$BEDSIDE" --theme purple
is "$rc" 2 "an unknown theme is a usage error"
like "$err" "unknown theme 'purple'" "and names it"

# The three review statuses look different from each other, in colour
# and in monochrome (NO_COLOR): a reader tells Approved from Submitted
# at a glance. The attributes are the escape sequences tmux puts just
# before the label in the header.
screen_db
esc=$(printf '\033')
status_style() {
	tmx capture-pane -e -p -t t: | grep -m1 -- " $1 " |
	    sed -n "s/.*[^m]\(\(${esc}\[[0-9;]*m\)\{1,\}\) $1 .*/\1/p" | od -An -c | tr -d ' \n'
}
for nc in '' NO_COLOR=1; do
	styles=
	for pick in asthma-steroids:Submitted 'af-rate:Under review' copd-oxygen:Approved; do
		label=${pick#*:}
		screen_start 80 24 $nc -- "${pick%%:*}"
		wait_for "^ .*${label} "
		st=$(status_style "${label}")
		styles="$styles$st
"
		keys q q
		wait_exit 5
	done
	mode=${nc:-colour}
	is "$(printf '%s' "$styles" | grep -c .)" 3 "$mode: each status is drawn with attributes of its own"
	is "$(printf '%s' "$styles" | sort -u | grep -c .)" 3 "$mode: Submitted, Under review and Approved look different"
done
