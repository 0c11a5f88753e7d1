#!/bin/sh
# Export for rounds: a key writes the article at the current level to
# <id>.txt in the current folder, the same text as `bedside show` into a
# pipe (80 columns, UTF-8) whatever the terminal's size or locale; secure
# mode refuses, and neither the status line nor help offers the key. A
# file that is a symbolic link is written through: the link stays. An
# export names the full path (folder and file, made safe to show), cut
# from the left when too long so that the file's name shows; a failed one
# says why as well.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 29
screen_db
out=$scratch/cwd/hf-diuretics.txt
phys=$(cd "$scratch" && pwd -P)

screen_start 100 30 COLUMNS=40 -- hf-diuretics
wait_for 'Level: Clinician'
keys e
wait_for 'Exported to'
contains "$screen" "Exported to $phys/cwd/hf-diuretics.txt" \
	"e exports and says where, by the full path"
unlike "$screen" 'replaced' "a new file is not said to be replaced"
"$BEDSIDE" show --db "$db" --format text hf-diuretics | cmp -s - "$out"
ok $? "the file is what bedside show --format text prints into a pipe"
keys L
wait_for 'Level: Patient'
keys e
wait_for 'Exported to'
# The file was there: it is replaced, and the message says so.
contains "$screen" "Exported to $phys/cwd/hf-diuretics.txt (replaced the old one)" \
	"exporting again says the file was replaced"
"$BEDSIDE" show --db "$db" --level patient --format text hf-diuretics | cmp -s - "$out"
ok $? "at the patient level, the patient text"
ls "$scratch/cwd" | grep -q '^\.hf-diuretics'
test $? -ne 0
ok $? "no temporary file is left behind"
keys q q
wait_exit 5

# Exported over a symbolic link (relative, to another folder): the file
# it points to gets the text, the link stays a link.
rm -f "$out"
rm -rf "$scratch/state"
mkdir -p "$scratch/notes"
printf 'old notes\n' >"$scratch/notes/hf.txt"
ln -s ../notes/hf.txt "$out"
screen_start 200 30 -- hf-diuretics
wait_for 'Level: Clinician'
keys e
wait_for 'Exported to'
linked="$phys/cwd/hf-diuretics.txt (a link to $phys/notes/hf.txt)"
contains "$screen" "Exported to $linked (replaced the old one)" \
	"exporting over a link names the file it points to, replaced"
test -L "$out" && [ "$(readlink "$out")" = ../notes/hf.txt ]
ok $? "the link stays the same link"
"$BEDSIDE" show --db "$db" hf-diuretics | cmp -s - "$scratch/notes/hf.txt"
ok $? "the file it points to holds the article"
test -z "$(ls -A "$scratch/notes" | grep -v '^hf\.txt$')"
ok $? "no temporary file is left beside it"
keys q q
wait_exit 5

rm -f "$out"
rm -rf "$scratch/state"
screen_start 80 24 LC_ALL=C -- hf-diuretics
wait_for 'Cardiology > Heart failure'
keys e
wait_for 'Exported to'
"$BEDSIDE" show --db "$db" hf-diuretics | cmp -s - "$out"
ok $? "in the C locale too the file is UTF-8 like show's"
keys q q
wait_exit 5

# (Offered when it can be used.)
db=
screen_start 140 30 -- af-anticoagulation
wait_for 'R related'
like "$(screen_line 'R related')" 'e export' "the status line offers export"
keys ?
wait_for 'Keys in force'
like "$screen" '^   e +export +Export the article to a file' "and help"
keys q q q
wait_exit 5

# Secure mode: refused, nothing written. (No --db in secure mode: the
# bundled database.)
rm -f "$out"
db=
screen_start 80 24 -- --secure af-anticoagulation
wait_for 'Level: Clinician'
# Wide enough for every hint: export is not offered.
tmx resize-window -t t -x 140 -y 30
wait_for 'R related'
unlike "$(screen_line 'R related')" 'export' "secure mode: the status line does not offer export"
keys ?
wait_for 'Keys in force'
like "$screen" '^   e +export +Off in secure mode' "help marks export as off in secure mode"
keys Escape
tmx resize-window -t t -x 80 -y 24
wait_for '^ Which patients with atrial fibrillation'
keys e
wait_for 'Export is turned off in secure mode'
ok $? "secure mode refuses to export"
test -z "$(ls -A "$scratch/cwd")"
ok $? "and writes nothing"
keys C-z
sleep 0.3
kill -0 "$pid" 2>/dev/null && wait_for 'Level: Clinician'
ok $? "Ctrl-Z does not suspend in secure mode"
keys q q
wait_exit 5
is "$exit_status" 0 "secure mode quits normally"

# A path too long for the status line loses its start, not the file's
# name, nor what is said after it.
db=$scratch/fx.db
long=$scratch/ward-notes-for-the-night-team-on-the-cardiology-floor/shared-exports
mkdir -p "$long"
mv "$scratch/cwd" "$scratch/cwd.kept"
ln -s "$long" "$scratch/cwd"
rm -rf "$scratch/state"
screen_start 80 24 -- hf-diuretics
wait_for 'Level: Clinician'
keys e
wait_for 'Exported to'
last=$(printf '%s\n' "$screen" | tail -n 1)
like "$last" '^Exported to ….*/shared-exports/hf-diuretics\.txt$' \
	"80 columns: the path is cut at its start, the file's name shows"
keys e
wait_for 'replaced'
last=$(printf '%s\n' "$screen" | tail -n 1)
like "$last" '^Exported to ….*/hf-diuretics\.txt \(replaced the old one\)$' \
	"and so is what follows it"
is "$(printf '%s' "$last" | sed 's/…/./' | wc -c)" 80 \
    "the message fills the 80 columns, no more"
tmx resize-window -t t -x 160 -y 24
wait_for 'Heart failure {60,}Under review'
keys e
wait_for 'Exported to /'
contains "$screen" "Exported to $(cd "$long" && pwd -P)/hf-diuretics.txt" \
	"160 columns: the whole path"
# On a phone the name and what follows it do not both fit: the name
# shows whole, what follows is cut at its end.
tmx resize-window -t t -x 40 -y 24
wait_for 'Heart failure'
# A message stays until the next key: one that only scrolls clears it, so
# the one waited for below is the second export's.
keys Down
wait_gone 'Exported to'
keys e
wait_for 'Exported to'
last=$(printf '%s\n' "$screen" | tail -n 1)
like "$last" '^Exported to ….*/hf-diuretics\.txt …$' \
	"40 columns: the file's name whole, what follows cut"
keys q q
wait_exit 5
rm -rf "$scratch/cwd" "$scratch/ward-notes-for-the-night-team-on-the-cardiology-floor"
mv "$scratch/cwd.kept" "$scratch/cwd"

# A failed export says where, in full (the current folder's path and the
# file), and why; a folder name holding an escape sequence is shown with
# a visible placeholder, never sent to the terminal. (Run from a folder
# of that name; the file's name is taken by a folder, so the rename
# fails, also for root.)
db=$scratch/fx.db
rm -rf "$scratch/state"
esc=$(printf '\033')
mkdir "$scratch/ward${esc}[31mnotes"
mv "$scratch/cwd" "$scratch/cwd.kept"
ln -s "ward${esc}[31mnotes" "$scratch/cwd"
mkdir "$scratch/cwd/hf-diuretics.txt"
screen_start 160 30 -- hf-diuretics
wait_for 'Level: Clinician'
keys e
wait_for 'Cannot export'
shown="$phys/ward␛[31mnotes/hf-diuretics.txt"
contains "$screen" "Cannot export to $shown: Is a directory" \
	"a failed export names the folder and the file, and why"
taken=$scratch/cwd/hf-diuretics.txt
test -d "$taken" && test -z "$(ls -A "$taken")"
ok $? "and what was there is left as it was"
keys q q
wait_exit 5
rm -rf "$scratch/cwd" "$scratch/ward${esc}[31mnotes"
mv "$scratch/cwd.kept" "$scratch/cwd"

# A full disk: the same, with the reason. (The state folder is unusable
# from the start, so a failed state save does not take the status line.)
: "${FAULTSHIM:?FAULTSHIM must name the built fault-injection library}"
rm -f "$out"
screen_start 160 30 LD_PRELOAD="$FAULTSHIM" FAULT_CALL=write FAULT_ERRNO=ENOSPC \
    ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 XDG_STATE_HOME=/dev/null \
    -- hf-diuretics
wait_for 'Level: Clinician'
keys e
wait_for 'Cannot export'
contains "$screen" "Cannot export to $phys/cwd/hf-diuretics.txt: No space left on device" \
	"no space: the message names the full path and the reason"
test ! -e "$out" && test -z "$(ls -A "$scratch/cwd")"
ok $? "no space: no file, and no temporary file, is left"

# Through a link, the file it points to is named as well.
ln -s ../notes/full.txt "$out"
keys e
wait_for 'a link to'
linked="$phys/cwd/hf-diuretics.txt (a link to $phys/notes/full.txt)"
contains "$screen" "Cannot export to $linked: No space left on device" \
	"through a link: the message names the link and the file it points to"
keys q q
wait_exit 5
