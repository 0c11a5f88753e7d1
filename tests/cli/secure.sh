#!/usr/bin/env bash
# Secure mode refuses a database or keymap path however getopt_long lets
# the option be spelt: --db, --db=, and the abbreviations --d, --d=; before
# the command or after it; with --secure or BEDSIDE_SECURE=1. The refused
# database holds the fixture articles, so using it would show.
. "$TESTLIB"

db="$scratch/x.db"
"$BEDSIDE" import --db "$db" "$FIXTURES/good" >/dev/null || exit 1
printf 'bind generic q quit\n' > "$scratch/x.keys"

# refused WHAT ARGS...: the command exits 2, says why, prints nothing else.
refused() {
	local what=$1
	shift
	run "$@" </dev/null
	is "$rc" 2 "$what: exit 2"
	like "$err" 'not allowed in secure mode' "$what: says it is not allowed"
	is "$out" "" "$what: prints nothing on stdout"
}

# The ways a mode and an option are spelt; "--d=" means "--d=$db".
modes=("--secure" "BEDSIDE_SECURE=1")
spellings=("--d" "--d=" "--db" "--db=")

# with MODE -- ARGS...: runs bedside in MODE (a leading option, or the
# environment) with ARGS.
with() {
	local mode=$1
	shift 2
	local what="$mode $*"
	what=${what//$scratch\//}
	if [ "$mode" = --secure ]; then
		refused "$what" env -u BEDSIDE_SECURE "$BEDSIDE" --secure "$@"
	else
		refused "$what" env "$mode" "$BEDSIDE" "$@"
	fi
}

# opt SPELLING VALUE: the option as one or two words.
opt() {
	case $1 in
	*=) printf '%s\n' "$1$2" ;;
	*) printf '%s\n%s\n' "$1" "$2" ;;
	esac
}

for mode in "${modes[@]}"; do
	for sp in "${spellings[@]}"; do
		mapfile -t o < <(opt "$sp" "$db")
		with "$mode" -- "${o[@]}" topics --articles
		with "$mode" -- "${o[@]}"
		with "$mode" -- alpha "${o[@]}"
		with "$mode" -- topics --articles "${o[@]}"
		with "$mode" -- search "${o[@]}" widgets
		with "$mode" -- show "${o[@]}" alpha
		with "$mode" -- check "${o[@]}"
		with "$mode" -- import "${o[@]}" "$FIXTURES/good"
	done
	for sp in --k --k= --keym --keymap --keymap=; do
		mapfile -t o < <(opt "$sp" "$scratch/x.keys")
		with "$mode" -- "${o[@]}"
		with "$mode" -- alpha "${o[@]}"
	done
done

# --secure after the option still counts.
refused "--d before --secure" env -u BEDSIDE_SECURE "$BEDSIDE" --d "$db" --secure topics
refused "--d= before --secure, browser" env -u BEDSIDE_SECURE "$BEDSIDE" --d="$db" --secure
refused "--d before the ID, --secure after it" env -u BEDSIDE_SECURE "$BEDSIDE" --d "$db" alpha --secure
refused "--keymap before the ID, --secure after it" env -u BEDSIDE_SECURE "$BEDSIDE" \
    --keymap "$scratch/x.keys" alpha --secure

# $BEDSIDE_DB is a path from the user too (SSH can pass it, with
# SendEnv): secure mode ignores it and reads its own database, where
# the fixture's articles are not.
for mode in "--secure" "BEDSIDE_SECURE=1"; do
	if [ "$mode" = --secure ]; then
		run env -u BEDSIDE_SECURE BEDSIDE_DB="$db" "$BEDSIDE" --secure topics --articles
	else
		run env BEDSIDE_SECURE=1 BEDSIDE_DB="$db" "$BEDSIDE" topics --articles
	fi
	is "$rc" 0 "$mode, BEDSIDE_DB set: topics runs on the program's own database"
	unlike "$out" '^(alpha|beta)	' "$mode: BEDSIDE_DB is ignored"
done
run env BEDSIDE_SECURE=1 BEDSIDE_DB="$db" "$BEDSIDE" show alpha
is "$rc" 1 "secure mode: show does not find the article of BEDSIDE_DB's database"
run env -u BEDSIDE_SECURE BEDSIDE_DB="$db" "$BEDSIDE" topics --articles
like "$out" '^alpha	' "(without secure mode BEDSIDE_DB is read)"

# Not secure: the same spellings are taken, so the refusals above are the
# mode's doing.
run env -u BEDSIDE_SECURE "$BEDSIDE" --d "$db" topics --articles
contains "$out" "alpha" "without secure mode --d is --db"
run env -u BEDSIDE_SECURE "$BEDSIDE" search --d="$db" widgets
is "$rc" 0 "without secure mode search --d= is --db="

done_testing
