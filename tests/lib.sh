# tests/lib.sh: TAP helpers for the shell tests. Source it, call plan N
# (or done_testing at the end), then ok/is/like for each assertion.
# The environment gives BEDSIDE (the built program), FIXTURES, ARTICLES.

: "${BEDSIDE:?BEDSIDE must name the built program (make check sets it)}"
: "${FIXTURES:?FIXTURES must name tests/fixtures}"

tap_n=0
tap_failed=0

plan() { echo "1..$1"; }
done_testing() { echo "1..$tap_n"; }

# ok STATUS DESCRIPTION: passes when STATUS is 0.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# is GOT EXPECTED DESCRIPTION
is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '# got:      %s\n# expected: %s\n' "$1" "$2" | head -20
	fi
}

# like GOT PATTERN DESCRIPTION (grep -E pattern, on any line)
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '# got: %s\n# wanted to match: %s\n' "$(printf '%s' "$1" | head -5)" "$2"
	fi
}

# contains GOT TEXT DESCRIPTION (fixed string, anywhere)
contains() {
	if printf '%s\n' "$1" | grep -Fq -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '# got: %s\n# wanted to contain: %s\n' "$(printf '%s' "$1" | head -5)" "$2"
	fi
}

unlike() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 1 "$3"
		printf '# got: %s\n# should not match: %s\n' "$(printf '%s' "$1" | head -5)" "$2"
	else
		ok 0 "$3"
	fi
}

# A scratch folder removed at exit.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/bedside-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# run CMD...: sets out, err and rc.
run() {
	"$@" >"$scratch/out" 2>"$scratch/err"
	rc=$?
	out=$(cat "$scratch/out")
	err=$(cat "$scratch/err")
}

# make_de_locale DIR: builds de_DE.UTF-8, a locale with a decimal comma,
# in DIR, for LOCPATH=DIR. Fails when localedef or the locale sources
# (Debian's locales package) are missing.
make_de_locale() {
	command -v localedef >/dev/null 2>&1 || return 1
	mkdir -p "$1" || return 1
	# localedef exits non-zero for mere warnings: judge by what it made.
	localedef -i de_DE -f UTF-8 "$1/de_DE.UTF-8" >/dev/null 2>&1
	[ -f "$1/de_DE.UTF-8/LC_NUMERIC" ] && [ -f "$1/de_DE.UTF-8/LC_CTYPE" ]
}
