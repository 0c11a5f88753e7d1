#!/bin/sh
# What the browser remembers: the reading level (L, kept across starts,
# --level for one run), bookmarks, recently viewed articles; a broken
# state file or folder; a state file that is a symbolic link; secure mode
# writing nothing.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 33
screen_db
state=$scratch/state/bedside/state

screen_start 80 24 -- hf-diuretics
wait_for 'Level: Clinician'
like "$screen" 'Give an intravenous loop diuretic' "the clinician text first"
keys L
wait_for 'Level: Patient'
ok $? "L cycles the reading level in place"
like "$screen" 'water' "the article shows its patient text"
like "$screen" 'Reading level: Patient' "and says so"
keys L
wait_for 'Level: Clinician'
ok $? "L again goes round to the first level"
keys L
wait_for 'Level: Patient'
keys b
wait_for 'Bookmarked'
ok $? "b bookmarks the article"
keys q
wait_for 'bedside . Topics'
keys q
wait_exit 5
grep -q '^level patient$' "$state"
ok $? "the level is saved in the state file"
grep -q '^bookmark hf-diuretics$' "$state"
ok $? "and the bookmark"
unlike "$(cat "$scratch/stderr")" 'state' "a usable state folder is not reported at exit"

screen_start 80 24
wait_for 'Level: '
like "$screen" 'Level: Patient' "the level is remembered at the next start"
keys B
wait_for '^ Bookmarks \(1\)'
ok $? "B shows the bookmarks"
like "$screen" 'How should loop diuretics' "with the bookmarked article"
keys r
wait_for '^ Recently viewed \(1\)'
ok $? "r shows the recently viewed articles"
like "$screen" 'How should loop diuretics' "with the article read before"
keys Enter
wait_for 'Level: Patient'
wait_for '^ How should loop diuretics'
ok $? "Enter opens an article from the list"
keys q q q
wait_exit 5

screen_start 80 24 -- --level clinician asthma-steroids
wait_for 'Level: Clinician'
ok $? "--level overrides the remembered level"
keys L
wait_for 'no Patient version'
ok $? "an article without the level says so and stays readable"
keys q q
wait_exit 5

# The config file's level wins over the level last used.
mkdir -p "$scratch/config/bedside"
printf 'level = clinician\n' >"$scratch/config/bedside/config"
screen_start 80 24
wait_for 'Level: '
like "$screen" 'Level: Clinician' "the config file's level wins over the one last used"
keys q
wait_exit 5
rm -f "$scratch/config/bedside/config"
screen_start 80 24
wait_for 'Level: '
like "$screen" 'Level: Patient' "without it, the level last used again"
keys q
wait_exit 5

# A state file that makes no sense is ignored, and the browser starts.
printf 'garbage\0\377\nlevel ../../etc\n' >"$state"
screen_start 80 24
wait_for 'Level: Clinician'
ok $? "a corrupt state file is ignored"
keys q
wait_exit 5
is "$exit_status" 0 "and the browser quits normally"

# A state folder that cannot be made: say so once, and work anyway;
# after the screen is restored, say it again on stderr (once, in the
# form of the config file's problems: PATH: what: why), where it stays
# in view.
rm -rf "$scratch/state"
printf 'not a folder\n' >"$scratch/state"
screen_start 80 24
wait_for 'Nothing will be remembered'
ok $? "an unusable state folder is reported on the status line"
keys Down
wait_gone 'Nothing will be remembered'
ok $? "once"
keys L
wait_for 'Level: Patient'
keys q
wait_exit 5
is "$exit_status" 0 "the browser quits normally without a state folder"
err=$(cat "$scratch/stderr")
why='cannot create the state folder: Not a directory'
contains "$err" "bedside: $scratch/state/bedside: $why" \
	"the state folder's problem is on stderr after exit"
is "$(printf '%s\n' "$err" | grep -c 'state folder')" 1 "once"
# The folder's name comes from the environment: shown safely.
esc=$(printf '\033')
printf 'not a folder\n' >"$scratch/odd${esc}[31m"
screen_start 80 24 XDG_STATE_HOME="$scratch/odd${esc}[31m"
wait_for 'Nothing will be remembered'
keys q
wait_exit 5
err=$(cat "$scratch/stderr")
contains "$err" "bedside: $scratch/odd␛[31m/bedside: cannot create the state folder" \
	"an escape sequence in the folder's name is shown as a placeholder on stderr"
test -z "$(printf '%s' "$err" | tr -d -c '\033')"
ok $? "and never sent raw"
rm -f "$scratch/odd${esc}[31m"
rm -f "$scratch/state"

# Secure mode writes nothing at all (and takes no --db).
db=
screen_start 80 24 BEDSIDE_SECURE=1
wait_for 'Level: Clinician'
keys L
wait_for 'Level: Patient'
keys q
wait_exit 5
test ! -e "$scratch/state"
ok $? "secure mode writes no state"

# A state file kept elsewhere (dotfiles in a repository) and linked into
# place by a relative path: read through the link, and saved into the
# file it points to; the link stays a link.
db=$scratch/fx.db
rm -rf "$scratch/state"
mkdir -p "$scratch/state/bedside" "$scratch/dotfiles"
printf 'bedside-state 1\nlevel patient\nbookmark croup\n' >"$scratch/dotfiles/state"
ln -s ../../dotfiles/state "$state"
screen_start 80 24 -- hf-diuretics
wait_for 'Level: Patient'
ok $? "a linked state file is read through the link"
keys L
wait_for 'Level: Clinician'
keys q q
wait_exit 5
test -L "$state" && [ "$(readlink "$state")" = ../../dotfiles/state ]
ok $? "after saving, the state file is still the same link"
grep -q '^level clinician$' "$scratch/dotfiles/state" &&
    grep -q '^bookmark croup$' "$scratch/dotfiles/state"
ok $? "and the file it points to holds the new state"
test -z "$(ls -A "$scratch/state/bedside" | grep -v '^state$')" &&
    test -z "$(ls -A "$scratch/dotfiles" | grep -v '^state$')"
ok $? "no temporary file is left in either folder"
