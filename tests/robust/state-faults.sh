#!/bin/sh
# A state write that fails at any step (no space, an I/O error) or is
# killed half-way leaves the old state or the new one, never a broken
# file; the browser says once that nothing more will be remembered (and
# again on stderr after exit), and it starts normally the next time.
. "$TESTLIB"
. "$(dirname "$0")/../screens/screen.sh"

: "${FAULTSHIM:?FAULTSHIM must name the built fault-injection library}"
screen_db
dir=$scratch/state/bedside
old='bedside-state 1
level clinician
bookmark croup'

# fresh_state: the old state in a folder of its own, once the browser of
# the step before is gone: one still quitting (slowly, under the
# sanitizers) would otherwise save its own state over it.
fresh_state() {
	screen_stop
	rm -rf "$dir"; mkdir -p "$dir"
	printf '%s\n' "$old" > "$dir/state"
}

# check_state WHAT: the file is the old state, or the new (patient) one.
check_state() {
	got=$(cat "$dir/state" 2>/dev/null)
	if [ "$got" = "$old" ]; then
		ok 0 "$1: the old state is intact"
	elif printf '%s\n' "$got" | grep -qx 'bedside-state 1' &&
	    printf '%s\n' "$got" | grep -qx 'level patient' &&
	    printf '%s\n' "$got" | grep -qx 'bookmark croup'; then
		ok 0 "$1: the new state is complete"
	else
		ok 1 "$1: the state is old or new, never broken"
		printf '%s\n' "$got" | sed 's/^/#   /' | head -10
	fi
	# and the browser starts with it
	screen_start 80 24
	wait_for 'Level: (Clinician|Patient)'
	ok $? "$1: the browser starts normally afterwards"
	keys q
	wait_exit 5
}

for step in open write fsync rename dirfsync; do
	for err in ENOSPC EIO; do
		fresh_state
		screen_start 80 24 LD_PRELOAD="$FAULTSHIM" FAULT_CALL=$step FAULT_ERRNO=$err \
		    ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0
		wait_for 'Level: Clinician'
		keys L
		wait_for 'Nothing more will be remembered'
		ok $? "$step fails with $err: the browser says nothing more will be remembered"
		keys q
		wait_exit 5
		ok $? "$step fails with $err: the browser still quits normally"
		case $err in
		ENOSPC) why='No space left on device' ;;
		*) why='Input/output error' ;;
		esac
		contains "$(cat "$scratch/stderr")" \
		    "bedside: $dir/state: cannot save the state: $why" \
		    "$step fails with $err: said again on stderr after exit"
		check_state "$step fails with $err"
	done
done

# Killed at each step of the save L starts. The kill at rename or
# dirfsync comes after a real fsync(2) of the new file, which can take
# seconds on a machine busy with the other tests' database writes (CI
# runs two at a time, under the sanitizers): the wait for the end is
# long, and only a failing run waits it out. The end must be the kill
# (SIGKILL, 128 + 9), not a quit.
for step in write fsync rename dirfsync; do
	fresh_state
	screen_start 80 24 LD_PRELOAD="$FAULTSHIM" FAULT_CALL=$step FAULT_MODE=kill \
	    ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0
	wait_for 'Level: Clinician'
	keys L
	wait_exit 30
	ok $? "killed during $step: the process is gone"
	is "$exit_status" 137 "killed during $step: by the kill, not a quit"
	check_state "killed during $step"
done

done_testing
