#!/bin/sh
# install.sh: `make install` into a scratch DESTDIR puts every file where
# it belongs, the program looks for its database where install put it,
# and `make uninstall` takes it all away again. (Running the program from
# its real installed place is tests/install/installed.sh, which
# `make installcheck` and `make distcheck` run.)
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"
: "${MAKE:?}" "${TOP_BUILDDIR:?}" "${INST_BINDIR:?}" "${INST_PKGDATADIR:?}" "${INST_MANDIR:?}"

dest=$scratch/dest
# A make of its own: not the jobserver or flags of the make running us.
submake() {
	(unset MAKEFLAGS MFLAGS MAKELEVEL; cd "$TOP_BUILDDIR" && $MAKE "$@") \
		>"$scratch/make.log" 2>&1
	status=$?
	[ $status -eq 0 ] || sed 's/^/# /' "$scratch/make.log" | tail -20
	return $status
}

submake install DESTDIR="$dest"
ok $? "make install DESTDIR=... succeeds"

check_file() {
	# check_file TEST PATH WHAT
	test "$1" "$dest$2"
	ok $? "$3 ($2)"
}
check_file -x "$INST_BINDIR/bedside" "the program is in bindir"
check_file -s "$INST_PKGDATADIR/bedside.db" "the bundled database is in pkgdatadir"
for k in default vi emacs; do
	check_file -s "$INST_PKGDATADIR/$k.keys" "the $k keymap is in pkgdatadir"
done
check_file -s "$INST_MANDIR/man1/bedside.1" "bedside(1) is in mandir"
check_file -s "$INST_MANDIR/man5/bedside-articles.5" "bedside-articles(5) is in mandir"
if [ -n "$INST_BASHCOMPDIR" ]; then
	check_file -s "$INST_BASHCOMPDIR/bedside" "the bash completion is in its folder"
else
	echo "ok $((tap_n += 1)) # skip configured --without-bash-completion-dir"
fi
sed 's/\\://g' "$dest$INST_MANDIR/man1/bedside.1" | grep -q "$INST_PKGDATADIR/bedside\\.db"
ok $? "the installed bedside(1) names the installed database"
cmp -s "$TOP_BUILDDIR/bedside.db" "$dest$INST_PKGDATADIR/bedside.db"
ok $? "the installed database is the one built"
# The database names each article's file as data/ holds it, never by the
# folder it was built in: the same bytes in or out of the source tree, and
# no builder's path shipped (reproducible builds vary that path).
if command -v sqlite3 >/dev/null 2>&1; then
	other=$(sqlite3 -readonly "$TOP_BUILDDIR/bedside.db" \
		"SELECT source FROM articles WHERE source NOT LIKE 'articles/%'" | head -3)
	is "$other" "" "the bundled database names its files relative to data/"
else
	echo "ok $((tap_n += 1)) # skip sqlite3 is not installed"
fi

# The installed program, run from elsewhere with no flags, looks for the
# database in pkgdatadir (under DESTDIR it is not there yet, so it says
# where it looked).
bin=$dest$INST_BINDIR/bedside
mkdir "$scratch/elsewhere"
cd "$scratch/elsewhere" || exit 1
unset BEDSIDE_DB
if [ -e "$INST_PKGDATADIR/bedside.db" ]; then
	echo "ok $((tap_n += 1)) # skip a bedside is already installed in $INST_PKGDATADIR"
else
	run "$bin" check
	like "$rc:$err" "^3:bedside: $INST_PKGDATADIR/bedside\\.db: " \
		"with no flags it looks for \$(pkgdatadir)/bedside.db"
fi

# The installed files work together: the program on the installed database.
export BEDSIDE_DB="$dest$INST_PKGDATADIR/bedside.db"
run "$bin" check
like "$rc:$out" "^0:.*: ok \\(schema version" "check passes on the installed database"
run "$bin" topics
like "$rc:$out" "^0:Cardiology \\([0-9]+\\)" "topics works"
run "$bin" search atrial fibrillation
is "$rc" 0 "search works"
like "$out" "\\(af-anticoagulation\\)" "search finds the article"
run "$bin" show af-anticoagulation
like "$rc:$out" "^0:Which patients with atrial fibrillation" "show works"
unset BEDSIDE_DB
cd "$TOP_BUILDDIR" || exit 1

submake uninstall DESTDIR="$dest"
ok $? "make uninstall DESTDIR=... succeeds"
left=$(find "$dest" ! -type d | head -5)
is "$left" "" "make uninstall leaves no file behind"
test ! -e "$dest$INST_PKGDATADIR"
ok $? "nor bedside's own folder, \$(pkgdatadir)"

# The database is built by running bedside import, and the manual tells a
# shared account to export BEDSIDE_SECURE=1: the build must not inherit it.
# (-W on one article makes only bedside.db out of date; the new file is
# renamed over the old, so tests reading it meanwhile are not disturbed.)
srcdir=$(sed -n 's/^srcdir = //p' "$TOP_BUILDDIR/Makefile")
BEDSIDE_SECURE=1 submake -W "$srcdir/data/articles/cardiology/af-anticoagulation.md" bedside.db
ok $? "BEDSIDE_SECURE=1 in the builder's environment does not break the build"

done_testing
