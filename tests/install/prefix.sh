#!/bin/sh
# prefix.sh: the folders given to make itself rather than to configure, as
# in `make install DESTDIR=... prefix=/usr` after a plain `make`, are the
# ones the installed program looks in and its man page names; and
# `make uninstall` with the same folders takes it all away again.
#
# It works on a copy of the build tree: making the program for another
# folder here would rebuild the ./bedside the other tests are running.
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"
. "$(dirname "$0")/buildcopy.sh"
mkdir "$scratch/elsewhere" || exit 1

unset BEDSIDE_DB
cd "$scratch/elsewhere" || exit 1

# Installed for real into a prefix given to make: the program, run from
# another folder with no flags, finds the database installed with it.
pfx=$scratch/pfx
submake install prefix="$pfx"
ok $? "make install prefix=... succeeds"
run "$pfx/bin/bedside" check
like "$rc:$out" "^0:$pfx/share/bedside/bedside\\.db: ok" \
	"the installed program finds the database in that prefix"
# The browser finds the keymaps installed there: all it then lacks is a
# terminal (a keymap not found would be named first).
for km in default vi emacs; do
	run env XDG_CONFIG_HOME="$scratch/config" XDG_STATE_HOME="$scratch/state" \
		"$pfx/bin/bedside" --keymap $km </dev/null
	is "$rc:$err" "2:bedside: the browser needs a terminal; use search, show or topics in scripts" \
		"the installed browser finds the $km keymap in that prefix"
done
sed 's/\\://g' "$pfx/share/man/man1/bedside.1" | grep -qF "$pfx/share/bedside/bedside.db"
ok $? "its man page names that database"
submake uninstall prefix="$pfx"
ok $? "make uninstall prefix=... succeeds"
left=$(find "$pfx" ! -type d | head -5)
is "$left" "" "make uninstall prefix=... leaves no file behind"
test ! -e "$pfx/share/bedside"
ok $? "nor the folder share/bedside"

# The packager's way: DESTDIR and prefix=/usr together.
dest=$scratch/dest
submake install DESTDIR="$dest" prefix=/usr
ok $? "make install DESTDIR=... prefix=/usr succeeds"
sed 's/\\://g' "$dest/usr/share/man/man1/bedside.1" | grep -qF "/usr/share/bedside/bedside.db"
ok $? "the man page names /usr/share/bedside/bedside.db"
if [ -e /usr/share/bedside/bedside.db ]; then
	echo "ok $((tap_n += 1)) # skip a bedside is already installed in /usr/share/bedside"
else
	run "$dest/usr/bin/bedside" check
	like "$rc:$err" "^3:bedside: /usr/share/bedside/bedside\\.db: " \
		"the program looks for /usr/share/bedside/bedside.db"
fi
export BEDSIDE_DB="$dest/usr/share/bedside/bedside.db"
run "$dest/usr/bin/bedside" check
is "$rc" 0 "the installed program and database work together"
unset BEDSIDE_DB
submake uninstall DESTDIR="$dest" prefix=/usr
left=$(find "$dest" ! -type d | head -5)
is "$left" "" "make uninstall DESTDIR=... prefix=/usr leaves no file behind"

# The same make again rebuilds nothing: only a changed folder does.
submake prefix=/usr
before=$(ls -l --time-style=+%s.%N "$copy/bedside" "$copy/data/db.o")
submake prefix=/usr
after=$(ls -l --time-style=+%s.%N "$copy/bedside" "$copy/data/db.o")
is "$after" "$before" "a second make for the same folder rebuilds nothing"

done_testing
