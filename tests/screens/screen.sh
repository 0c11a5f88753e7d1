# tests/screens/screen.sh: drive the real browser in a private tmux server.
# Source it after tests/lib.sh ($TESTLIB). Every wait polls the screen with
# a timeout instead of sleeping a fixed time, so a slow machine only makes
# the tests slower, never wrong. The timeouts are multiplied by
# $TEST_TIME_SCALE (configure sets 3 for a sanitizer build; a slow
# machine can set more): they only matter to a wait that is failing.
#
#   screen_db                    builds $scratch/fx.db from the fixtures
#   screen_start W H [VAR=val].. [-- ARGS]   starts bedside ARGS at WxH
#   keys KEY...                  tmux send-keys
#   wait_for REGEX [SECONDS]     until the screen matches, then settles (sets $screen)
#   wait_gone REGEX [SECONDS]    until it no longer does
#   wait_exit [SECONDS]          until bedside has exited (sets $exit_status)
#   compare_golden NAME          $screen against tests/screens/golden/NAME

: "${BEDSIDE_BUNDLED_DB:?BEDSIDE_BUNDLED_DB must name the built database}"
: "${KEYMAP_DIR:?KEYMAP_DIR must name the shipped keymaps}"

command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux is not installed"; exit 0; }

time_scale=${TEST_TIME_SCALE:-1}
case $time_scale in
''|*[!0-9]*|0*) time_scale=1 ;;
esac

screens_dir=$(cd "$(dirname "$0")" && pwd)
golden_dir=$screens_dir/golden
tmux_sock=bedside-test-$$
screen=

tmx() { LC_ALL=C.UTF-8 tmux -L "$tmux_sock" -f /dev/null "$@"; }

# At exit the tmux server goes, then (once the program has finished
# writing its state) the scratch folder.
screen_cleanup() {
	screen_stop
	rm -rf "$scratch"
}
pid=
trap screen_cleanup EXIT

mkdir -p "$scratch/state" "$scratch/config" "$scratch/cwd"
db=$BEDSIDE_BUNDLED_DB

screen_db() {
	rm -f "$scratch/fx.db"
	"$BEDSIDE" import --db "$scratch/fx.db" "$FIXTURES/screens" >/dev/null || {
		echo "Bail out! cannot build the fixture database"
		exit 1
	}
	db=$scratch/fx.db
}

# Single-quotes a word for the run script.
shq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# screen_start W H [VAR=value]... [-- ARG...]: a new session running
# bedside --db $db ARG... (no --db when db is empty) with its own state
# and config folders. The run
# script records the program's pid and exit status, then keeps the pane.
screen_start() {
	w=$1 h=$2
	shift 2
	envs=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs="$envs $(shq "$1")"
		shift
	done
	[ "$1" = -- ] && shift
	args=
	for a in "$@"; do
		args="$args $(shq "$a")"
	done
	dbarg=
	[ -n "$db" ] && dbarg="--db $(shq "$db")"
	screen_stop
	rm -f "$scratch/pid" "$scratch/exit"
	cat >"$scratch/run.sh" <<EOF
cd $(shq "$scratch/cwd") || exit 1
echo \$\$ > $(shq "$scratch/pid")
exec env TERM=$(shq "${SCREEN_TERM:-xterm-256color}") LC_ALL=C.UTF-8 XDG_STATE_HOME=$(shq "$scratch/state") XDG_CONFIG_HOME=$(shq "$scratch/config") $envs $(shq "$BEDSIDE") $dbarg $args 2>$(shq "$scratch/stderr")
EOF
	cat >"$scratch/outer.sh" <<EOF
sh $(shq "$scratch/run.sh")
echo \$? > $(shq "$scratch/exit")
echo "bedside exited"
exec sleep 600
EOF
	# tmux may still be tidying up the last server on a busy machine.
	n=0
	until tmx new-session -d -s t -x "$w" -y "$h" "sh $(shq "$scratch/outer.sh")" 2>/dev/null; do
		n=$((n + 1))
		[ $n -gt 20 ] && { echo "Bail out! tmux does not start"; exit 1; }
		sleep 0.1
	done
	n=0
	while [ ! -s "$scratch/pid" ] && [ $n -lt $((100 * time_scale)) ]; do
		sleep 0.1
		n=$((n + 1))
	done
	pid=$(cat "$scratch/pid" 2>/dev/null)
}

keys() { tmx send-keys -t t: "$@"; }

# Ends the session and waits (a little) for the program to be gone. One
# still there 3 s after its terminal closed is killed, so that it cannot
# outlive its test: under LeakSanitizer an exit on SIGHUP has been seen
# to hang in the leak check's own ptrace, spinning a core for good.
screen_stop() {
	tmx kill-server >/dev/null 2>&1
	n=0
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $n -lt 30 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		echo "# bedside (pid $pid) still running 3 s after its terminal closed: killed"
		pkill -KILL -P "$pid" 2>/dev/null
		kill -KILL "$pid" 2>/dev/null
	fi
}

capture() { screen=$(tmx capture-pane -p -t t: 2>/dev/null); }

# Waits (up to 1 s) until two captures 50 ms apart agree: tmux can show
# a redraw half written, and a view may draw twice in a row (the search
# hits, then their snippets).
settle() {
	_settle_i=0
	while [ $_settle_i -lt 20 ]; do
		_settle_prev=$screen
		sleep 0.05
		capture
		[ "$screen" = "$_settle_prev" ] && return 0
		_settle_i=$((_settle_i + 1))
	done
}

wait_for() {
	n=0 limit=$(( ${2:-10} * 10 * time_scale ))
	while [ $n -lt $limit ]; do
		capture
		if printf '%s\n' "$screen" | grep -Eq -- "$1"; then
			settle
			return 0
		fi
		sleep 0.1
		n=$((n + 1))
	done
	printf '# timed out waiting for: %s\n# screen:\n' "$1"
	printf '%s\n' "$screen" | sed 's/^/#   /'
	return 1
}

# Gone as soon as a redraw begins: like wait_for, it reads the screen
# again once it is whole, so what the caller looks at next is not half
# drawn (an empty selection line failed a test under load).
wait_gone() {
	n=0 limit=$(( ${2:-10} * 10 * time_scale ))
	while [ $n -lt $limit ]; do
		capture
		if ! printf '%s\n' "$screen" | grep -Eq -- "$1"; then
			settle
			return 0
		fi
		sleep 0.1
		n=$((n + 1))
	done
	printf '# still on screen: %s\n' "$1"
	return 1
}

# Whether the program has exited, within SECONDS (default 5).
wait_exit() {
	n=0 limit=$(( ${1:-5} * 10 * time_scale ))
	while [ $n -lt $limit ]; do
		if [ -s "$scratch/exit" ]; then
			exit_status=$(cat "$scratch/exit")
			return 0
		fi
		sleep 0.1
		n=$((n + 1))
	done
	exit_status=
	return 1
}

# The line of $screen matching REGEX (the first).
screen_line() { printf '%s\n' "$screen" | grep -E -m1 -- "$1"; }

# compare_golden NAME: the screen, given up to 5 s to settle, against golden/NAME. With
# BEDSIDE_UPDATE_GOLDEN=1 the golden file is written instead.
compare_golden() {
	if [ "${BEDSIDE_UPDATE_GOLDEN:-0}" = 1 ]; then
		printf '%s\n' "$screen" >"$golden_dir/$1"
		ok 0 "golden $1 (updated)"
		return
	fi
	# tmux can show a redraw half written (slowly, under ASan): the
	# screen gets up to 5 s to settle into the golden one.
	n=0
	until printf '%s\n' "$screen" | cmp -s - "$golden_dir/$1" || [ $n -ge $((50 * time_scale)) ]; do
		sleep 0.1
		capture
		n=$((n + 1))
	done
	if printf '%s\n' "$screen" | cmp -s - "$golden_dir/$1"; then
		ok 0 "screen matches golden/$1"
	else
		ok 1 "screen matches golden/$1"
		printf '%s\n' "$screen" | diff "$golden_dir/$1" - | sed 's/^/# /' | head -40
	fi
}
