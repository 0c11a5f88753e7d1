#!/bin/sh
# man.sh: the man pages are clean roff, name this build's folders and
# version, and say what the program does: every command, option, key of
# the default keymap, environment variable and exit status, and an example
# article that really imports.
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"
: "${MAN_BUILT:?}" "${MAN_SRC:?}" "${KEYMAP_DIR:?}" "${VERSION:?}" "${INST_PKGDATADIR:?}"

page1=$MAN_BUILT/bedside.1
page5=$MAN_BUILT/bedside-articles.5

for p in "$page1" "$page5"; do
	name=${p##*/}
	test -s "$p"
	ok $? "$name is built"
	unlike "$(cat "$p")" '@[A-Z_]+@' "$name has every @VARIABLE@ filled in"
	like "$(sed -n '/^\.TH /p' "$p")" "\"bedside $VERSION\"" "$name names version $VERSION"
	if command -v groff >/dev/null 2>&1; then
		run groff -ww -z -man "$p"
		is "$err$out" "" "$name: groff -ww finds nothing to warn about"
	else
		echo "ok $((tap_n += 1)) # skip $name: groff is not installed"
	fi
	if command -v man >/dev/null 2>&1; then
		# In UTF-8 and in the C locale (a server's, LANG unset), where
		# man renders for ASCII.
		for loc in C.UTF-8 C; do
			run env LC_ALL=$loc MANWIDTH=80 man --warnings -l "$p"
			is "$rc:$err" "0:" "$name: man --warnings -l is clean (LC_ALL=$loc)"
		done
		# The page renders to real text (a broken macro eats it).
		like "$out" 'SEE ALSO' "$name renders with all its sections"
	else
		for i in 1 2 3; do
			echo "ok $((tap_n += 1)) # skip $name: man is not installed"
		done
	fi
done

# A deep prefix (make distcheck installs under the build folder) makes
# long unbreakable words; the pages must still render without a warning.
if command -v man >/dev/null 2>&1; then
	deep=/a/very/deep/prefix/that/a/packager/might/use/bedside-9.9/_inst/share/bedside
	for p in "$MAN_SRC/bedside.1.in" "$MAN_SRC/bedside-articles.5.in"; do
		# As make fills it in: a break point after each '/'.
		sed -e "s|@PKGDATADIR@|$(printf '%s' "$deep" | sed 's|/|/\\\\:|g')|g" \
			-e 's|@VERSION@|9.9|g' "$p" >"$scratch/deep.man"
		MANWIDTH=80 run man --warnings -l "$scratch/deep.man"
		is "$rc:$err" "0:" "${p##*/} renders cleanly with a deep install prefix"
	done
else
	echo "ok $((tap_n += 1)) # skip man is not installed"
	echo "ok $((tap_n += 1)) # skip man is not installed"
fi

# What a reader sees at 80 columns: no word broken at a hyphen (a path
# such as ~/.config, a page name or a status value broken in two is
# wrong to copy), and no sentence space after a lone ? or ... in the
# middle of a sentence.
if command -v man >/dev/null 2>&1; then
	for p in "$page1" "$page5"; do
		text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$p" 2>/dev/null)
		unlike "$text" "$(printf '\342\200\220')\$" "${p##*/}: no word is hyphenated at a line end"
		unlike "$text" '(^| )\?  [a-z]|\.\.\.  [a-z]' "${p##*/}: no sentence space after a lone ? or ..."
	done
	# An ellipsis is three dots in ASCII, not dropped.
	text=$(LC_ALL=C MANWIDTH=80 man -l "$page1" 2>/dev/null)
	like "$text" 'not \.\.\.5 mL/kg\)' "bedside.1 in the C locale: an ellipsis shows as ..."
	text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page1" 2>/dev/null)
	like "$text" "not $(printf '\342\200\246')5 mL/kg\\)" "bedside.1 in UTF-8: an ellipsis shows as one"
else
	for i in 1 2 3 4 5 6; do echo "ok $((tap_n += 1)) # skip man is not installed"; done
fi

man1=$(cat "$page1")
like "$(printf '%s\n' "$man1" | sed 's/\\://g')" "$INST_PKGDATADIR/bedside\\.db" \
	"bedside(1) names the installed database"

section() {
	# The roff source of one .SH section of bedside(1).
	printf '%s\n' "$man1" | awk -v s="$1" '
		/^\.SH / { on = ($0 == ".SH " s || $0 == ".SH \"" s "\"") ; next }
		on'
}

# Every command and option that --help lists is in bedside(1).
commands_sec=$(section COMMANDS)
for cmd in import search show topics check; do
	like "$commands_sec" "^(\\\\fB$cmd\\\\fR|\\.B $cmd)( |\$)" "COMMANDS describes $cmd"
done
help=$("$BEDSIDE" --help)
for opt in $(printf '%s\n' "$help" | grep -Eo -- '--[a-z][a-z-]*' | sort -u); do
	roff=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
	like "$man1" "$roff" "bedside(1) mentions $opt"
done

# Secure mode reads none of the user's keymaps (app_setup.c): not a path,
# not NAME.keys in the configuration folder, not bedside/keys.
secure_par=$(section OPTIONS | sed -n '/^\.B \\-\\-secure$/,/^\.TP$/p' | tr '\n' ' ')
like "$secure_par" 'bedside/keys' "--secure says the user's keys file is not read"
like "$secure_par" 'NAME\\fR?\.keys|NAME \.keys' "--secure says the user's NAME.keys are not read"

env_sec=$(section ENVIRONMENT)
for var in BEDSIDE_DB BEDSIDE_SECURE NO_COLOR XDG_CONFIG_HOME XDG_STATE_HOME \
    HOME TERM LANG LC_ALL; do
	like "$env_sec" "^\\.B(R)? .*$var" "ENVIRONMENT describes $var"
done
# And every variable the code reads (but the tests' own BEDSIDE_TEST_*).
src=$MAN_SRC/..
code_vars=$(cat "$src"/tui/*.c "$src"/data/*.c "$src"/lib/*.c |
	grep -oE '(getenv|env_true)\("[A-Z_]+"\)' | sed -E 's/.*\("(.*)"\)/\1/' |
	grep -v '^BEDSIDE_TEST_' | sort -u)
like "$code_vars" '^XDG_STATE_HOME$' "(the variables were read from the code)"
for var in $code_vars; do
	like "$env_sec" "^\\.B(R)? .*$var" "ENVIRONMENT describes $var, which the code reads"
done
exit_sec=$(section "EXIT STATUS")
for n in 0 1 2 3 4; do
	like "$exit_sec" "^\\.B $n\$" "EXIT STATUS describes status $n"
done
# An import that cannot write its new database (a folder missing or
# read-only) is rejected with nothing written: status 4, as SPEC has it,
# not only when a file had a problem.
status4=$(printf '%s\n' "$exit_sec" | sed -n '/^\.B 4$/,/^\.\(TP\|PP\)/p' | tr '\n' ' ')
like "$status4" 'could not be written' "EXIT STATUS 4 covers a new database that could not be written"
files_sec=$(section FILES)
like "$files_sec" 'bedside/config' "FILES names the config file"
like "$files_sec" 'local/state/bedside' "FILES names the state folder"
like "$files_sec" '^\.IB ID \.txt$' "FILES names the file export writes"
like "$files_sec" '^\.IB DATABASE \.lock$' "FILES names the lock file import takes"
conf_sec=$(section CONFIGURATION)
for key in level keymap theme; do
	like "$conf_sec" "^\\.B(R|I)? $key " "CONFIGURATION describes the $key key"
done

# The KEYS section lists default.keys entry by entry: each .TP tag holds
# the keys (".B KEY" or ".BR KEY \", \" KEY"), the next line ".I action",
# under a '.\" context: NAME' comment.
from_man=$(awk '
	/^\.\\" context: / { ctx = $3; if (ctx == "end") ctx = ""; next }
	ctx == "" { next }
	/^\.TP/ { tag = 1; next }
	tag == 1 { keys = $0; tag = 2; next }
	tag == 2 && /^\.I / {
		act = substr($0, 4)
		sub(/^\.BR? /, "", keys)
		gsub(/ ", " /, " ", keys)
		gsub(/\\-/, "-", keys); gsub(/\\-/, "-", act)
		n = split(keys, k, " ")
		for (i = 1; i <= n; i++) print ctx, k[i], act
		tag = 0
	}' "$MAN_SRC/bedside.1.in" | sort)
from_keys=$(awk '$1 == "bind" { print $2, $3, $4 }' "$KEYMAP_DIR/default.keys" | sort)
printf '%s\n' "$from_man" >"$scratch/keys.man"
printf '%s\n' "$from_keys" >"$scratch/keys.keys"
diff -u "$scratch/keys.keys" "$scratch/keys.man" >"$scratch/keys.diff"
ok $? "KEYS in bedside(1) lists exactly the bindings of default.keys"
sed 's/^/# /' "$scratch/keys.diff"
like "$from_man" '^article <Enter> cite-follow$' "(the key list was read from the page)"

# The example in bedside-articles(5) is a valid article.
sed -n '/^\.\\" example-begin/,/^\.\\" example-end/p' "$MAN_SRC/bedside-articles.5.in" |
	sed -e '/^\./d' -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" -e 's/\\&//g' -e 's/\\e/\\/g' \
	>"$scratch/example.md"
like "$(head -1 "$scratch/example.md")" '^---$' "the example is cut out of the page"
run "$BEDSIDE" import --db "$scratch/example.db" "$scratch/example.md"
is "$rc" 0 "the example in bedside-articles(5) imports"
for level in clinician patient; do
	run "$BEDSIDE" show --db "$scratch/example.db" --level "$level" anaphylaxis-example
	like "$rc:$out" "^0:What is the first treatment" "the example shows at the $level level"
done
run "$BEDSIDE" show --db "$scratch/example.db" --format json anaphylaxis-example
like "$out" '"levels":\["clinician","patient"\]' "the example has both levels"
like "$out" '"research":"- A Cochrane' "the example's shared section is at every level"

# The page's own way to try an article works on its example as written:
# the file the import line names, then show by the id in it.
try=$(sed -n '/^To try an article/,/^\.fi/p' "$MAN_SRC/bedside-articles.5.in" |
	sed -n 's/\\-/-/g; s|/tmp/try\.db|try.db|g; /^bedside /p')
is "$(printf '%s\n' "$try" | wc -l | tr -d ' ')" 2 "the page shows an import line and a show line"
file=$(printf '%s\n' "$try" | sed -n '1s/.* //p')
mkdir "$scratch/try" && cp "$scratch/example.md" "$scratch/try/$file"
(
	cd "$scratch/try" || exit 1
	set -- $(printf '%s\n' "$try" | sed -n 1p)
	shift
	"$BEDSIDE" "$@" >/dev/null 2>&1 || exit 2
	set -- $(printf '%s\n' "$try" | sed -n 2p)
	shift
	"$BEDSIDE" "$@" | grep -q 'Level: Patient' || exit 3
)
is "$?" 0 "the page's try-it lines import the example and show it by its id"

# The limits the page gives a topic path: eight parts, none empty.
printf -- '---\nid: deep\ntitle: Deep?\ntopic: %s\nupdated: 2026-01-01\nstatus: submitted\n---\n\n## Answer\nText.\n' \
	'A/B/C/D/E/F/G/H' >"$scratch/deep8.md"
sed 's|^topic: .*|&/I|' "$scratch/deep8.md" >"$scratch/deep9.md"
like "$(cat "$page5")" 'at most eight parts' "bedside-articles(5) gives the topic depth"
run "$BEDSIDE" import --db "$scratch/deep.db" "$scratch/deep8.md"
is "$rc" 0 "a topic of eight parts imports"
run "$BEDSIDE" import --db "$scratch/deep.db" "$scratch/deep9.md"
is "$rc" 4 "a topic of nine parts is rejected"

# show --format text: the panes in order, the disclaimer last of them,
# then the related articles, as COMMANDS says.
show_sec=$(section COMMANDS | tr '\n' ' ')
like "$show_sec" 'ending with the disclaimer, then the related articles' \
	"bedside(1) says show prints the related articles after the disclaimer"
heads=$("$BEDSIDE" show af-anticoagulation | grep -E '^[A-Z][A-Z ]+$' | tr '\n' ',')
is "$heads" "ANSWER,KEY POINTS,FROM THE RESEARCH,REFERENCES,DISCLAIMER,RELATED," \
	"show prints the panes, the disclaimer, then the related articles"

# The search hits are the search box's context, not a list's: a
# `bind list` line does not reach them, and the pages must not say it does.
unlike "$man1" 'list of articles \(search hits' \
	"bedside(1) does not put the search hits in the list context"
unlike "$(cat "$KEYMAP_DIR/default.keys")" '^# Lists of articles.*search hits' \
	"nor does default.keys"

done_testing
