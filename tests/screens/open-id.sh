#!/bin/sh
# bedside [OPTION]... [ID]: a word that is not a command is the article to
# open, whether the browser's options come before it, after it or both.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 10
screen_db
fx=$db

# The title of hf-diuretics, and the header's level.
title='How should loop diuretics be used in acute heart failure\?'
# Each run starts with no remembered level, so the level shown is the
# option's doing.
fresh() { rm -rf "$scratch/state"; mkdir -p "$scratch/state"; }

fresh
screen_start 80 24 -- --level patient hf-diuretics
wait_for "$title"
ok $? "options before the ID: the article opens"
like "$screen" 'Level: Patient' "at the level given"
keys q q q
wait_exit 5

fresh
screen_start 80 24 -- hf-diuretics --level patient
wait_for "$title"
ok $? "options after the ID: the article opens"
like "$screen" 'Level: Patient' "at the level given after it"
keys q q q
wait_exit 5

# --db after the ID too (no --db before it).
db=
fresh
screen_start 80 24 -- hf-diuretics --level=patient --db "$fx" --theme mono
wait_for "$title"
ok $? "--db, --level= and --theme after the ID are all taken"
like "$screen" 'Level: Patient' "and the level is the one given"
keys q q q
wait_exit 5
ok $? "the browser quits"
is "$exit_status" 0 "with status 0"
db=$fx

# Two words, neither a command: one clear line, exit 2.
fresh
screen_start 80 24 -- hf-diuretics af-rate
wait_exit 5
is "$exit_status" 2 "a second ID is a usage error"
like "$(cat "$scratch/stderr")" "^bedside: unexpected argument 'af-rate' after the article ID 'hf-diuretics'" \
    "which names the extra word and the ID"
