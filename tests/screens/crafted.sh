#!/bin/sh
# The browser on a database written by another program: a topic whose
# stored article count promises articles it has none of, and a tree of
# tens of thousands of topics. It starts, moves and quits cleanly, and
# no sanitizer speaks (its checks stop the program in a sanitizer build).
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 8
"$BEDSIDE" import --db "$scratch/c.db" "$FIXTURES/good" >/dev/null
ok $? "the fixture imports"
# Other (the first row, selected at start) says it holds 3 articles.
sqlite3 "$scratch/c.db" "UPDATE topics SET articles = 3 WHERE path = 'Other'"
db=$scratch/c.db

screen_start 80 24 ASAN_OPTIONS=detect_leaks=0
wait_for 'Other \(4\)'
ok $? "the browser starts on a topic whose count is wrong"
keys Down Down Up Up
sleep 0.3
kill -0 "$pid" 2>/dev/null
ok $? "and moves through the tree"
keys q
wait_exit 5
is "$exit_status" 0 "and quits normally"
grep -E 'runtime error|Sanitizer' "$scratch/stderr" | head -3 | sed 's/^/# /'
grep -Eq 'runtime error|Sanitizer' "$scratch/stderr"
test $? -ne 0
ok $? "no sanitizer report"

# 100,000 topics: the tree is made in about n log n, not n squared
# (which took 18 s here before it starts).
sqlite3 "$scratch/c.db" "WITH RECURSIVE c(i) AS (SELECT 100 UNION ALL
    SELECT i + 1 FROM c WHERE i < 100099) INSERT INTO topics
    (id, parent_id, name, path, articles) SELECT i, CASE WHEN i % 10 = 0
    THEN NULL ELSE i - i % 10 END, 'Topic ' || i, 'p' || i, 0 FROM c"
screen_start 80 24 ASAN_OPTIONS=detect_leaks=0
wait_for 'Topic 100' 10
ok $? "the browser shows a tree of 100,000 topics within seconds"
keys q
wait_exit 5
is "$exit_status" 0 "and quits normally"

# The file damaged under a running browser: the next topic's articles
# cannot be read, and the browser says so rather than "0 articles".
cp "$BEDSIDE_BUNDLED_DB" "$scratch/cut.db"
db=$scratch/cut.db
screen_start 80 24
wait_for 'bedside . Topics'
truncate -s 50000 "$db"
keys Down
wait_for 'Cannot read the articles of this topic'
ok $? "a read error in the article list is said on the status line"
keys q
wait_exit 5
