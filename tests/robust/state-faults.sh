#!/bin/sh
# A state write that fails at any step (no space, an I/O error) or is
# killed half-way leaves the old state or the new one, never a broken
# file; the browser says once that nothing more will be remembered, and
# it starts normally the next time.
. "$TESTLIB"
. "$(dirname "$0")/../screens/screen.sh"

: "${FAULTSHIM:?FAULTSHIM must name the built fault-injection library}"
screen_db
dir=$scratch/state/bedside
old='bedside-state 1
level clinician
bookmark croup'

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
		rm -rf "$dir"; mkdir -p "$dir"
		printf '%s\n' "$old" > "$dir/state"
		screen_start 80 24 LD_PRELOAD="$FAULTSHIM" FAULT_CALL=$step FAULT_ERRNO=$err \
		    ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0
		wait_for 'Level: Clinician'
		keys L
		wait_for 'Nothing more will be remembered'
		ok $? "$step fails with $err: the browser says nothing more will be remembered"
		keys q
		wait_exit 5
		ok $? "$step fails with $err: the browser still quits normally"
		check_state "$step fails with $err"
	done
done

for step in write fsync rename dirfsync; do
	rm -rf "$dir"; mkdir -p "$dir"
	printf '%s\n' "$old" > "$dir/state"
	screen_start 80 24 LD_PRELOAD="$FAULTSHIM" FAULT_CALL=$step FAULT_MODE=kill \
	    ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0
	wait_for 'Level: Clinician'
	keys L
	wait_exit 5
	ok $? "killed during $step: the process is gone"
	check_state "killed during $step"
done

done_testing
