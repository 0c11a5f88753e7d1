#!/bin/sh
# installed.sh: the installed bedside works from any folder with no flags,
# and its man pages and bash completion are where man and bash find them.
# Run by `make installcheck` (and so by `make distcheck`) after a real
# `make install`; also usable by hand:
#   BEDSIDE=/usr/local/bin/bedside INST_PKGDATADIR=/usr/local/share/bedside \
#   INST_MANDIR=/usr/local/share/man INST_BASHCOMPDIR=... VERSION=0.1.0 \
#   FIXTURES=. sh tests/install/installed.sh
# Exits non-zero if any test failed.
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"
: "${VERSION:?}" "${INST_PKGDATADIR:?}" "${INST_MANDIR:?}"

test -x "$BEDSIDE"
ok $? "the program is installed ($BEDSIDE)"

# From a folder that has nothing to do with bedside, with no flags and no
# BEDSIDE_DB: the program finds its own database.
mkdir "$scratch/elsewhere"
cd "$scratch/elsewhere" || exit 1
unset BEDSIDE_DB
run "$BEDSIDE" check
like "$rc:$out" "^0:$INST_PKGDATADIR/bedside\\.db: ok " "check: the installed database, found with no flags"
run "$BEDSIDE" topics
like "$rc:$out" "^0:Cardiology \\([0-9]+\\)" "topics"
run "$BEDSIDE" topics --articles
is "$rc" 0 "topics --articles"
like "$out" "^af-anticoagulation	Which patients" "topics --articles lists the articles"
run "$BEDSIDE" search atrial fibrillation
is "$rc" 0 "search"
like "$out" "\\(af-anticoagulation\\)" "search finds the article"
run "$BEDSIDE" search --json anticoag
like "$rc:$out" '^0:\{"query":"anticoag"' "search --json"
run "$BEDSIDE" show --level patient af-anticoagulation
like "$rc:$out" "^0:Which patients with atrial fibrillation" "show"
like "$out" "Level: Patient" "show --level"
run "$BEDSIDE" show no-such-article
is "$rc" 1 "an unknown id is status 1"
run "$BEDSIDE" --help
like "$rc:$out" "^0:Usage: bedside" "--help"
run "$BEDSIDE" --version
is "$rc:$out" "0:bedside $VERSION" "--version"
# The browser finds each installed keymap, and the article: all it then
# lacks is a terminal (a keymap not found would be named first).
for km in default vi emacs; do
	run env XDG_CONFIG_HOME="$scratch/config" XDG_STATE_HOME="$scratch/state" \
		"$BEDSIDE" --keymap $km af-anticoagulation </dev/null
	is "$rc:$err" "2:bedside: the browser needs a terminal; use search, show or topics in scripts" \
		"the browser finds the installed $km keymap"
done
is "$(ls -A "$scratch/elsewhere")" "" "nothing was written in the current folder"

# The man pages, as man finds them.
for page in 1/bedside 5/bedside-articles; do
	file=$INST_MANDIR/man${page%%/*}/${page#*/}.${page%%/*}
	test -s "$file"
	ok $? "${page#*/}(${page%%/*}) is installed"
	if command -v man >/dev/null 2>&1; then
		found=$(man -M "$INST_MANDIR" -w "${page%%/*}" "${page#*/}" 2>/dev/null)
		is "$found" "$file" "man -M finds ${page#*/}(${page%%/*})"
		for loc in C.UTF-8 C; do
			run env LC_ALL=$loc MANWIDTH=80 man --warnings -l "$file"
			is "$rc:$err" "0:" "${page#*/}(${page%%/*}) renders cleanly (LC_ALL=$loc)"
		done
	else
		for i in 1 2 3; do echo "ok $((tap_n += 1)) # skip man is not installed"; done
	fi
done

# The completion, as bash would load it, completing ids from the installed
# program.
if [ -z "$INST_BASHCOMPDIR" ]; then
	echo "ok $((tap_n += 1)) # skip no bash completion was installed"
elif ! command -v bash >/dev/null 2>&1; then
	echo "ok $((tap_n += 1)) # skip bash is not installed"
else
	comp=$INST_BASHCOMPDIR/bedside
	got=$(PATH="$(dirname "$BEDSIDE"):$PATH" bash --norc --noprofile -c '
		. "$1" || exit 1
		COMP_WORDS=(bedside show af-anticoag); COMP_CWORD=2
		_bedside; echo "${COMPREPLY[*]}"' sh "$comp" 2>&1)
	is "$got" "af-anticoagulation" "the installed completion completes article ids"
fi

done_testing
exit $((tap_failed > 0))
