#!/bin/sh
# configure.sh: a missing library fails configure once, naming the Debian
# package for every library that is missing, not just the first; and no
# pkg-config is said to be that, not every library missing.
#
# configure runs from a copy of itself in a scratch folder (the source
# tree may be configured in place, or read-only), with a pkg-config that
# sees every .pc file but sqlite3's and libyaml's. The build's own
# compiler checks are given to it as a cache, so it stops at the
# libraries in a few seconds.
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"
: "${TOP_BUILDDIR:?}"

srcdir=$(sed -n 's/^abs_top_srcdir = //p' "$TOP_BUILDDIR/Makefile")
cc=$(sed -n 's/^CC = //p' "$TOP_BUILDDIR/Makefile")
pkg_config=$(sed -n 's/^PKG_CONFIG = //p' "$TOP_BUILDDIR/Makefile")
if [ ! -x "$srcdir/configure" ] || [ -z "$pkg_config" ]; then
	echo "1..0 # SKIP no configure script or pkg-config to run"
	exit 0
fi

src=$scratch/src
mkdir -p "$src/tui" "$scratch/pc" "$scratch/build" || exit 1
# (Writable, so that the scratch folder can be removed when the source
# tree is read-only, as in make distcheck.)
cp "$srcdir/configure" "$src/" && cp -R "$srcdir/build-aux" "$src/" &&
	chmod -R u+w "$src" && : >"$src/tui/main.c" ||
	{ echo "Bail out! cannot copy configure"; exit 1; }

# Every .pc file pkg-config would find, but two.
IFS=:
for dir in ${PKG_CONFIG_PATH:-} $("$pkg_config" --variable pc_path pkg-config); do
	for pc in "$dir"/*.pc; do
		case ${pc##*/} in
		sqlite3.pc|yaml-0.1.pc) ;;
		*) [ -e "$pc" ] && [ ! -e "$scratch/pc/${pc##*/}" ] && ln -s "$pc" "$scratch/pc/" ;;
		esac
	done
done
unset IFS

# The build's compiler checks, from its config.log (not the precious
# variables, which configure would say have changed).
sed -n '/^## Cache variables/,/^## Output variables/p' "$TOP_BUILDDIR/config.log" \
	2>/dev/null | grep -E '^(ac|am)_cv_' | grep -v '^ac_cv_env_' >"$scratch/cache"

# run_configure VAR=VALUE...: configure in the scratch build folder.
run_configure() {
	rm -rf "$scratch/build" && mkdir "$scratch/build" &&
	cp "$scratch/cache" "$scratch/build/cache" &&
	(cd "$scratch/build" && env -u PKG_CONFIG_PATH CC="$cc" "$@" \
		"$src/configure" -q --cache-file=cache) >"$scratch/out" 2>"$scratch/err"
	rc=$?
	err=$(cat "$scratch/err")
}

run_configure PKG_CONFIG="$pkg_config" PKG_CONFIG_LIBDIR="$scratch/pc"
[ "$rc" -ne 0 ]; ok $? "configure fails with sqlite3 and libyaml missing"
is "$(printf '%s\n' "$err" | grep -c 'error:')" 1 "with one error"
contains "$err" "install: libsqlite3-dev libyaml-dev" "naming both Debian packages"
like "$err" 'sqlite3 .*libyaml' "and both libraries"
unlike "$err" 'libcmark|libncurses' "and no library that is there"

run_configure PKG_CONFIG=
[ "$rc" -ne 0 ]; ok $? "configure fails without pkg-config"
like "$err" 'error: pkg-config not found: install pkg-config$' "saying so"
unlike "$err" 'libsqlite3-dev' "not that the libraries are missing"

done_testing
