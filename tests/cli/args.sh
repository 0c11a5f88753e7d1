#!/usr/bin/env bash
# Odd arguments a script or a hurried user gives: empty strings, very
# long ones. Each gets one line on stderr naming what is at fault.
. "$TESTLIB"

# An empty PATH to import names no file (a script's unset variable): a
# usage error that says so, not ": No such file or directory".
run "$BEDSIDE" import --db "$scratch/empty.db" "$FIXTURES/good/alpha.md" ""
is "$rc" 2 "an empty PATH to import is a usage error"
is "$err" "bedside: import: an empty string is not a file or folder (argument 2 of 2)" \
    "that says so in one line"
[ ! -e "$scratch/empty.db" ]; ok $? "and makes no database"

# So is an empty ID, to show and to the browser: "no article ''" and
# status 1 told a script that a real id had no article.
run "$BEDSIDE" show ""
is "$rc:$err" "2:bedside: show: an empty string is not an article id" \
    "show with an empty ID is a usage error, said in one line"
run "$BEDSIDE" --level patient "" </dev/null
is "$rc:$err" \
    "2:bedside: an empty string is not a command or an article id (see bedside --help)" \
    "so is the browser's"

# A second ID is named, as the browser names one: show's usage line
# alone did not say which argument was wrong.
run "$BEDSIDE" show croup "two words"
is "$rc:$err" \
    "2:bedside: show: unexpected argument 'two words' after the ID 'croup' (one article at a time)" \
    "show with two IDs names the second, in one line"

# A very long ID is quoted cut short, so that the rest of the line (the
# database, the ids near it) is still there to read: the message used to
# be cut at 2 KB, in the middle of the id.
long=$(printf 'croup%.0s' $(seq 600))
db=$("$BEDSIDE" check | sed -n 's/: ok.*//p')
run "$BEDSIDE" show "$long"
is "$rc" 1 "show with a 3000-byte id finds nothing"
like "$err" "^bedside: no article with id '(croup){16}\.\.\.' in $db; did you mean: croup\$" \
    "and quotes the start of it, then names the database and the id near it"
run "$BEDSIDE" "$long" </dev/null
is "$rc" 1 "the browser too finds nothing"
like "$err" "^bedside: no article '(croup){16}\.\.\.'; did you mean: croup \(see bedside topics, bedside search\)\$" \
    "and quotes the start of it, then the id near it and where to look"

# An article whose id is a command's name: the import says how to open
# it, and after "--" the word is that article, not the command.
mkdir "$scratch/cmd"
sed 's/^id: croup$/id: search/' "$ARTICLES/paediatrics/croup.md" >"$scratch/cmd/search.md"
run "$BEDSIDE" import --db "$scratch/cmd.db" "$scratch/cmd"
is "$rc" 0 "an article with the id 'search' imports"
like "$err" "search\.md:2: warning: id 'search' is also a command's name: it opens with 'bedside -- search'" \
    "with a warning on its id's line that says how to open it"
run "$BEDSIDE" --db "$scratch/cmd.db" -- search </dev/null
like "$rc:$err" "^2:bedside: the browser needs a terminal" \
    "'bedside -- search' is the browser on that article, not the search command"
run "$BEDSIDE" --db "$scratch/cmd.db" search croup
is "$rc" 0 "without '--', 'search' is still the command"

done_testing
