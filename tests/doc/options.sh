#!/usr/bin/env bash
# options.sh: the commands and options the code takes (its getopt_long
# tables) are the ones --help, the manual and the completion offer, no
# more and no fewer: a new option added to one and not the others fails
# here, not in a user's hands.
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"
: "${MAN_SRC:?}" "${COMPLETION:?}"
tui=$MAN_SRC/../tui

# longopts FILE: the long options of FILE's getopt_long table, sorted.
longopts() {
	awk '/static const struct option opts\[\] = \{/ { on = 1; next }
	    on && /\};/ { on = 0 } on' "$1" | grep -oE '\{ *"[a-z-]+"' |
	    sed -E 's/\{ *"(.*)"/--\1/' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}
words() { tr ' ' '\n' | sed '/^$/d' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//'; }

commands=$(sed -n 's/^[[:space:]]*{ "\([a-z]*\)", cli_[a-z]*\(, [a-z]*\)\{0,1\} },$/\1/p' "$tui/main.c" | words)
like "$commands" '^check import search show topics$' "main.c's table of commands is read"
# lib/commands.c names them for the importer's warning on such ids.
is "$(sed -n '/command_names\[\] = {/,/};/p' "$tui/../lib/commands.c" |
    grep -oE '"[a-z]+"' | tr -d '"' | words)" "$commands" "lib/commands.c names the same commands"
help=$("$BEDSIDE" --help)
man=$(cat "$MAN_SRC/bedside.1.in")

# The completion, driven as bash drives it (tests/completion/comp.sh).
# shellcheck source=/dev/null
. "$COMPLETION"
. "$(dirname "$0")/../completion/comp.sh"

is "$(comp '' | words)" "$commands" "the completion offers the commands of the code"
is "$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/p' |
    sed -n 's/^  \([a-z]*\) .*/\1/p; s/^  \([a-z]*\)$/\1/p' | words)" "$commands" \
    "--help lists the commands of the code"
# (Each is an item of COMMANDS whose tag opens with its name in bold;
# the formats of show are items of an inner list.)
is "$(printf '%s\n' "$man" | sed -n '/^\.SH COMMANDS/,/^\.SH /p' | sed '/^\.RS/,/^\.RE/d' |
    awk 'tp { print } { tp = /^\.TP/ }' |
    sed -n 's/^\\fB\([a-z]*\)\\fR.*/\1/p; s/^\.B \([a-z]*\)$/\1/p' | words)" "$commands" \
    "the manual describes the commands of the code"

global=$(longopts "$tui/main.c")
like "$global" '--db' "main.c's options are read"
is "$(comp - | words)" "$global" "the completion offers the options of the code before a command"
all=$global
for cmd in $commands; do
	opts=$(longopts "$tui/cli_$cmd.c")
	like "$opts" '--help' "cli_$cmd.c's options are read"
	is "$(comp "$cmd" - | words)" "$opts" "the completion offers the options of the code for $cmd"
	all="$all $opts"
done
all=$(printf '%s' "$all" | words)
for opt in $all; do
	like "$help" "(^| |\[)$opt([ =,]|\]|$)" "--help mentions $opt"
	contains "$man" "\\-\\-${opt#--}" "the manual mentions $opt"
done
# Nothing documented that the code does not take.
is "$(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z-]*' | words)" "$all" \
    "--help names no option the code does not take"
is "$(printf '%s\n' "$man" | grep -oE -- '\\-\\-[a-z][a-z-]*' | sed 's/\\//g' | words)" "$all" \
    "the manual names no option the code does not take"

done_testing
