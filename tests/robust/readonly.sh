#!/bin/sh
# A read-only database in a read-only folder browses and searches as
# any other. Permissions do not bind root, and CI runs the suite as
# root: there the program runs as nobody (setpriv), or the test would
# pass whatever the program tried to write beside the database.
. "$TESTLIB"
. "$(dirname "$0")/../screens/screen.sh"

real=$BEDSIDE
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null 2>&1 ||
	    { echo "1..0 # SKIP root, and no setpriv to run as another user"; exit 0; }
	# A copy of the program, its keymaps and the leak suppressions in
	# the scratch folder: the build tree may be in a home nobody cannot
	# enter.
	chmod 755 "$scratch"
	mkdir "$scratch/bin"
	cp "$real" "$scratch/bin/bedside" && cp -R "$KEYMAP_DIR" "$scratch/bin/keymaps" || exit 1
	supp=$(printf '%s\n' "${LSAN_OPTIONS:-}" | sed -n 's/.*suppressions=\([^:]*\).*/\1/p')
	[ -n "$supp" ] && [ -r "$supp" ] && cp "$supp" "$scratch/bin/lsan.supp" &&
	    LSAN_OPTIONS=$(printf '%s\n' "$LSAN_OPTIONS" |
	    sed "s|suppressions=[^:]*|suppressions=$scratch/bin/lsan.supp|") &&
	    export LSAN_OPTIONS
	chmod -R a+rX "$scratch/bin"
	cat > "$scratch/as-nobody" <<EOF
#!/bin/sh
exec setpriv --reuid=65534 --regid=65534 --clear-groups '$scratch/bin/bedside' "\$@"
EOF
	chmod 755 "$scratch/as-nobody"
	"$scratch/as-nobody" --version >/dev/null 2>&1 ||
	    { echo "1..0 # SKIP nobody cannot run $real"; exit 0; }
	BEDSIDE=$scratch/as-nobody
fi

mkdir "$scratch/ro"
"$real" import --db "$scratch/ro/ro.db" "$FIXTURES/screens" >/dev/null || exit 1
chmod 444 "$scratch/ro/ro.db"
before=$(ls -A "$scratch/ro")
chmod 555 "$scratch/ro"
chmod 777 "$scratch/state"
db=$scratch/ro/ro.db

# The folder really is read-only to the user the program runs as.
run "$BEDSIDE" import --db "$db" "$FIXTURES/screens"
like "$rc:$err" '^[34]:.*Permission denied' \
    "(the folder and the file cannot be written by the program's user)"

run "$BEDSIDE" search --db "$db" steroids
is "$rc:$err" "0:" "search works on a read-only database in a read-only folder"
like "$out" 'asthma-steroids' "and finds"
run "$BEDSIDE" show --db "$db" asthma-steroids
is "$rc:$err" "0:" "show works there"
run "$BEDSIDE" topics --db "$db" --articles
is "$rc:$err" "0:" "topics works there"
run "$BEDSIDE" check --db "$db"
is "$rc:$err" "0:" "check works there"

screen_start 80 24
wait_for 'Level: Clinician'
ok $? "the browser starts on it"
keys / s t e r o i d s
wait_for 'oral steroids given'
ok $? "and searches"
keys Enter
wait_for 'Updated'
ok $? "and opens an article"
unlike "$screen" 'cannot|error|Error' "with no error on the screen"
keys q q q
wait_exit 5
is "$exit_status" 0 "and quits normally"
is "$(ls -A "$scratch/ro")" "$before" "nothing was made beside the database"

chmod 755 "$scratch/ro"
done_testing
