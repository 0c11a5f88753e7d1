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

done_testing
