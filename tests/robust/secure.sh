#!/bin/sh
# Secure mode, for kiosk and ForceCommand accounts: through a whole
# scripted session the program starts no other program and opens no file
# for writing (checked with strace), and refuses what it must refuse.
. "$TESTLIB"
. "$(dirname "$0")/../screens/screen.sh"

command -v strace >/dev/null 2>&1 || { echo "1..0 # SKIP strace is not installed"; exit 0; }
strace -o /dev/null true 2>/dev/null || { echo "1..0 # SKIP strace cannot trace here"; exit 0; }

trace=$scratch/trace
real=$BEDSIDE
cat > "$scratch/traced" <<EOF
#!/bin/sh
exec strace -f -qq -o '$trace' -e trace=execve,execveat,fork,vfork,clone,clone3,open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat '$real' "\$@"
EOF
chmod +x "$scratch/traced"
BEDSIDE=$scratch/traced
db=

# A session that touches everything that could write or spawn: level,
# bookmark, history, export, suspend, help, search; with PAGER and
# friends set to something that would show if it ran.
screen_start 100 30 BEDSIDE_SECURE=1 PAGER="touch $scratch/pager-ran" \
    EDITOR="touch $scratch/editor-ran" VISUAL="touch $scratch/visual-ran" \
    BROWSER="touch $scratch/browser-ran" SHELL="$scratch/shell-ran" \
    ASAN_OPTIONS=detect_leaks=0
wait_for 'Level: Clinician' 20
ok $? "secure mode starts the browser"
keys L
wait_for 'Level: Patient'
keys / c r o u p
wait_for 'How is croup treated'
keys Enter
wait_for 'Updated'
ok $? "an article opens"
keys b
keys e
wait_for 'secure' 5
ok $? "export is refused in secure mode, and says why"
keys C-z
sleep 0.3
keys Tab L ? Escape Escape q q q
wait_exit 10
ok $? "the session ends"

execs=$(grep -c 'execve(' "$trace")
is "$execs" 1 "exactly one program was executed: bedside itself"
spawned=$(grep -E '(fork|clone|clone3)\(' "$trace" | grep -vc 'CLONE_THREAD' || true)
is "$spawned" 0 "no child process was created"
writes=$(grep -E 'open(at)?\(|creat\(' "$trace" | grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|creat\(' | grep -v '/dev/pts/\|/dev/tty' )
is "$writes" "" "no file was opened for writing"
changes=$(grep -E '(rename|renameat2?|unlink|unlinkat|mkdir|mkdirat)\(' "$trace")
is "$changes" "" "nothing was renamed, removed or created"
[ ! -e "$scratch/state/bedside" ]; ok $? "no state folder appeared"
ls "$scratch/cwd" | grep -q . && made=1 || made=0
is "$made" 0 "no export file appeared"
ls "$scratch" | grep -q -- '-ran$' && ran=1 || ran=0
is "$ran" 0 "PAGER, EDITOR, VISUAL, BROWSER and SHELL never ran"

# Refusals happen before the screen starts, with exit 2.
run env BEDSIDE_SECURE=1 "$real" --keymap ./evil.keys
is "$rc" 2 "a keymap path is refused in secure mode"
run "$real" --secure --db /tmp/x.db
is "$rc" 2 "--db is refused in secure mode"

done_testing
