#!/usr/bin/env bash
# completion.sh: the bash completion script: its syntax, and what it offers
# for subcommands, options, option values and article ids. It is sourced
# into this shell and driven as bash drives it: COMP_WORDS and COMP_CWORD
# set, the function called, COMPREPLY read.
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"
: "${COMPLETION:?COMPLETION must name completion/bedside}"

run bash -n "$COMPLETION"
is "$rc:$err" "0:" "the script's syntax is valid (bash -n)"

# shellcheck source=/dev/null
. "$COMPLETION"
is "$(complete -p bedside 2>&1)" "complete -F _bedside bedside" "it registers _bedside for bedside"

. "$(dirname "$0")/comp.sh"

is "$(comp '')" "check import search show topics" "the first word: the commands"
is "$(comp top)" "topics" "a prefix of a command"
got=$(comp s)
like "$got" '(^| )search( |$)' "the first word: a command..."
like "$got" '(^| )show( |$)' "...every command that fits"
n_s=$("$BEDSIDE" topics --articles | cut -f1 | grep -c '^s')
is "$(printf '%s\n' $got | wc -l | tr -d ' ')" "$((n_s + 2))" "...and the ids that fit"
is "$(comp -)" "--db --help --keymap --level --secure --theme --version" "options before a command"
is "$(comp --level p)" "patient" "--level values"
is "$(comp --level '')" "clinician patient" "every --level value"
is "$(comp --level patient top)" "topics" "a command after an option and its value"
is "$(comp import -)" "--db --help --replace" "import's options"
is "$(comp search -)" "--db --help --json --level --limit" "search's options"
is "$(comp show -)" "--db --format --help --level" "show's options"
is "$(comp topics -)" "--articles --db --help --json" "topics' options"
is "$(comp check -)" "--db --help" "check's options"
is "$(comp --db x.db show --)" "--db --format --help --level" "a command after --db and its value"
is "$(comp show --format '')" "json markdown text" "--format values"
is "$(comp show --format m)" "markdown" "a prefix of a --format value"
is "$(comp show --format = j)" "json" "--format=VALUE, as bash splits it"
is "$(comp show --format =)" "json markdown text" "--format= with nothing typed yet"
is "$(comp search --limit '')" "" "nothing to offer for --limit"
is "$(comp --theme '')" "dark light mono" "--theme values"
is "$(comp --theme = d)" "dark" "--theme=VALUE, as bash splits it"
is "$(comp --theme dark '')" "check import search show topics" "the commands after --theme and its value"
is "$(comp --theme dark show af-anticoag)" "af-anticoagulation" "an id after --theme's value and show"
is "$(comp --theme = mono af-anticoag)" "af-anticoagulation" "an id to open after --theme=VALUE"

# Keymaps: the shipped ones and the user's own.
mkdir -p "$scratch/config/bedside"
: >"$scratch/config/bedside/ward.keys"
XDG_CONFIG_HOME=$scratch/config
is "$(comp --keymap '')" "default emacs vi ward" "--keymap: shipped names and the user's keymaps"
is "$(comp --keymap e)" "emacs" "a prefix of a keymap name"
# A relative XDG_CONFIG_HOME is ignored, by the program as by the XDG
# spec: its keymaps are not offered, those under HOME are.
mkdir -p "$scratch/rel/bedside" "$scratch/home/.config/bedside"
: >"$scratch/rel/bedside/stray.keys"
: >"$scratch/home/.config/bedside/mine.keys"
is "$(cd "$scratch" && XDG_CONFIG_HOME=rel HOME=$scratch/home comp --keymap '')" \
	"default emacs mine vi" "--keymap: a relative XDG_CONFIG_HOME is ignored"
unset XDG_CONFIG_HOME
# A user's failglob: no keymap of theirs is no error, and the option is
# as it was.
mkdir -p "$scratch/empty/bedside"
shopt -s failglob
XDG_CONFIG_HOME=$scratch/empty
comp --keymap '' >"$scratch/got" 2>&1
unset XDG_CONFIG_HOME
is "$(cat "$scratch/got")" "default emacs vi" "--keymap with failglob set and no keymap of the user's"
is "$(shopt -p failglob nullglob | tr '\n' ' ')" "shopt -s failglob shopt -u nullglob " \
	"the user's glob options are left as they were"
shopt -u failglob

# Article ids, from the database the command line would use.
is "$(comp show af-anticoag)" "af-anticoagulation" "an article id for show"
n=$(comp show '' | wc -w | tr -d ' ')
ids=$("$BEDSIDE" topics --articles | wc -l | tr -d ' ')
is "$n" "$ids" "every id is offered for show"
is "$(comp show --level patient af-anticoag)" "af-anticoagulation" "an id after show's options"
is "$(comp show af-anticoagulation '')" "" "show takes one id only"
is "$(comp af-anticoag)" "af-anticoagulation" "an id as the first word opens the browser"
is "$(comp af-anticoagulation '')" "" "nothing after the browser's id"
is "$(comp search af-anticoag)" "" "search takes words, not ids"

# --db chooses the database whose ids are offered.
mkdir "$scratch/one"
cat >"$scratch/one/only.md" <<'ART'
---
id: only-article
title: The only article?
topic: Test
updated: 2026-01-02
status: submitted
---

## Answer
Text.
ART
"$BEDSIDE" import --db "$scratch/one.db" "$scratch/one" >/dev/null 2>&1
is "$(comp --db "$scratch/one.db" show '')" "only-article" "ids come from --db"
is "$(comp show --db "$scratch/one.db" '')" "only-article" "ids come from show's own --db"
is "$(comp --db = "$scratch/one.db" show '')" "only-article" "ids come from --db=PATH"
BEDSIDE_DB=$scratch/one.db
export BEDSIDE_DB
is "$(comp show '')" "only-article" "ids come from BEDSIDE_DB"
unset BEDSIDE_DB
is "$(comp --db /nonexistent.db show '')" "" "no ids and no noise from a missing database"

# import: folders and .md files.
mkdir -p "$scratch/src/sub"
: >"$scratch/src/a.md"
: >"$scratch/src/b.txt"
is "$(comp import "$scratch/src/")" "$scratch/src/a.md $scratch/src/sub" "import: folders and .md files"

# The program on PATH when the command is typed as "bedside".
mkdir "$scratch/bin"
ln -s "$BEDSIDE" "$scratch/bin/bedside"
COMP_WORDS=(bedside show af-anticoag)
COMP_CWORD=2
COMPREPLY=()
PATH=$scratch/bin:$PATH _bedside
is "${COMPREPLY[*]}" "af-anticoagulation" "bedside found on PATH lists ids"

done_testing
