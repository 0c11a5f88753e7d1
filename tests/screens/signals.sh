#!/bin/sh
# Quitting: SIGTERM, SIGHUP, SIGINT and SIGQUIT end the browser at once with the
# terminal restored and the state saved; a terminal that goes away (end of
# file, no signal) ends it too instead of leaving it spinning.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 19
screen_db
state=$scratch/state/bedside/state

for sig in TERM HUP INT; do
	rm -rf "$scratch/state"
	mkdir -p "$scratch/state"
	screen_start 80 24
	wait_for 'Level: Clinician'
	keys L
	wait_for 'Level: Patient'
	kill -$sig "$pid"
	wait_exit 2
	ok $? "SIG$sig: the browser exits within a second or two"
	kill -0 "$pid" 2>/dev/null
	test $? -ne 0
	ok $? "SIG$sig: the process is gone"
	wait_for 'bedside exited'
	unlike "$screen" 'Level: Patient' "SIG$sig: the terminal is restored"
	grep -q '^level patient$' "$state" 2>/dev/null
	ok $? "SIG$sig: the state was saved"
done

# Ctrl-\ (SIGQUIT) quits the same way; in secure mode it must not kill
# the program either, leaving the terminal in curses mode and maybe a core
# file in the current folder (a file written, which secure mode forbids).
rm -rf "$scratch/state" "$scratch/cwd"
mkdir -p "$scratch/state" "$scratch/cwd"
keep_db=$db
db=
screen_start 80 24 BEDSIDE_SECURE=1 -- --secure
wait_for 'Level: Clinician'
# (The signal itself: Ctrl-\ would reach the test's shells too.)
kill -QUIT "$pid"
wait_exit 3
is "$exit_status" 0 "Ctrl-\\ in secure mode: a clean exit, not death by SIGQUIT"
wait_for 'bedside exited'
unlike "$screen" 'Level: Clinician' "Ctrl-\\ in secure mode: the terminal is restored"
test -z "$(ls -A "$scratch/cwd")"
ok $? "Ctrl-\\ in secure mode: no file (core dump) written"
[ ! -e "$scratch/state/bedside" ]
ok $? "Ctrl-\\ in secure mode: no state saved"
db=$keep_db

# A signal that comes after the loop last looked for one but before it
# waits for a key (the shim raises it right there) still ends the wait:
# the browser must not sit until someone presses a key.
rm -rf "$scratch/state"
mkdir -p "$scratch/state"
screen_start 80 24 LD_PRELOAD="$FAULTSHIM" FAULT_CALL=wait-signal \
    ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0
wait_exit 5
ok $? "SIGTERM just before the wait for a key: the browser exits"
wait_for 'bedside exited'
unlike "$screen" 'Level: Clinician' "SIGTERM just before the wait: the terminal is restored"

# End of file on the terminal, with no signal at all: a pty whose other
# end closes. The program must notice and end, not spin.
if command -v python3 >/dev/null 2>&1; then
	python3 - "$BEDSIDE" "$db" "$scratch" <<'PY'
import os, subprocess, sys, time
bedside, db, scratch = sys.argv[1:4]
master, slave = os.openpty()
env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8",
           XDG_STATE_HOME=scratch + "/state", XDG_CONFIG_HOME=scratch + "/config")
# Not a session leader, so the closing pty sends it no SIGHUP.
p = subprocess.Popen([bedside, "--db", db], stdin=slave, stdout=slave,
                     stderr=subprocess.DEVNULL, env=env)
os.close(slave)
deadline = time.time() + 5
seen = b""
while time.time() < deadline and b"Topics" not in seen:
    try:
        seen += os.read(master, 65536)
    except OSError:
        break
os.close(master)
try:
    p.wait(timeout=2)
    print("ok - end of file on the terminal ends the program")
except subprocess.TimeoutExpired:
    p.kill()
    print("not ok - end of file on the terminal ends the program")
PY
else
	echo "ok # SKIP python3 is needed to close a pty without a signal"
fi
tap_n=$((tap_n + 1))
