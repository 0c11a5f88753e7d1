#!/bin/sh
# Ctrl-Z and fg from a shell (a job of sh -i, through an sh -c wrapper):
# the terminal goes back to the shell with bracketed paste off, so a paste
# at the prompt is plain text; after fg the browser asks for it again, so
# a paste goes to the search box and runs no key; on quitting it is left
# off. The raw bytes the browser writes show the mode turned off on each
# way out, and on again on the way back in.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 11
screen_db
esc=$(printf '\033')

paste() {
	tmx set-buffer -b p -- "$1"
	tmx paste-buffer -p -d -b p -t t
}

cat >"$scratch/run.sh" <<RUN
cd $(shq "$scratch/cwd") || exit 1
exec env TERM=xterm-256color LC_ALL=C.UTF-8 XDG_STATE_HOME=$(shq "$scratch/state") \
    XDG_CONFIG_HOME=$(shq "$scratch/config") $(shq "$BEDSIDE") --db $(shq "$db") \
    hf-diuretics 2>$(shq "$scratch/stderr")
RUN
# An interactive shell with job control; the browser is its job.
tmx new-session -d -s t -x 80 -y 24 \
    "env -i PATH=/usr/bin:/bin HOME=$(shq "$scratch") PS1='prompt> ' \
    TERM=tmux-256color sh -i"
wait_for '^prompt>'
tmx pipe-pane -O -t t "cat >'$scratch/bytes'"
keys -l "sh -c 'echo \$\$ >$scratch/pid; exec sh $scratch/run.sh'"
keys Enter
wait_for '^ How should loop diuretics'
pid=$(cat "$scratch/pid")

keys C-z
wait_for '[Ss]topped'
like "$screen" '[Ss]topped' "Ctrl-Z gives the terminal back to the shell"
is "$(sed 's/.*) //' "/proc/$pid/stat" | cut -c1)" T "and the browser is stopped"
paste 'echo pasted'
sleep 0.5
capture
unlike "$screen" '200~|\^\[' "a paste at the shell's prompt comes with no brackets"
keys C-u
# The terminal is made larger while the browser is stopped.
tmx resize-window -t t -x 100 -y 30
# As bash's readline does before it runs a command (fg among them).
keys -l "printf '\\033[?2004l'"
keys Enter
keys -l fg
keys Enter
wait_for '^ How should loop diuretics'
ok $? "fg brings the article back"
# The tab bar ends with the place in the pane, a column from the edge.
tabs=$(screen_line '^\[1 Answer\]')
is "$(printf '%s' "$tabs" | wc -c)" 99 \
    "laid out at the size the terminal has now, 100 columns"

paste "$(printf 'loop\ndiuretics')"
wait_for '^ Search: '
like "$screen" '^ Search: loop diuretics$' \
    "after fg, a paste goes to the search box"
test -z "$(ls "$scratch/cwd")"
ok $? "and none of its letters ran a key (nothing exported)"
keys Escape
wait_for '^ How should loop diuretics'
keys q
wait_for 'Level: Clinician'
keys q
wait_gone 'Level: Clinician'
wait_for '^prompt>'
ok $? "q, q: the browser quits to the shell"
tmx pipe-pane -t t

# The bytes, in order: on; off before the shell says the job stopped;
# off again from the printf; on at fg; off at the end.
modes=$(LC_ALL=C grep -aoE "${esc}\\[\\?2004[hl]|Stopped" "$scratch/bytes" |
    sed "s/^${esc}\\[?2004//; s/Stopped/S/" | tr -d '\n')
like "$modes" '^hlS' "Ctrl-Z turns bracketed paste off before the shell has the terminal"
like "$modes" '^hlSlhl$' "fg turns it on again, and quitting off"
last=$(printf '%s' "$modes" | tail -c 1)
is "$last" l "the shell is left with bracketed paste off"
