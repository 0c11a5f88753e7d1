#!/usr/bin/env bash
# A database edited by hand: readers know its schema objects by type and
# name only, so a table may lose its NOT NULL constraints and hold NULLs
# where text belongs. Every command must still end cleanly (no crash, no
# sanitizer report), and check must say what is wrong.
. "$TESTLIB"

base="$scratch/base.db"
"$BEDSIDE" import --db "$base" "$FIXTURES/good" >/dev/null || exit 1
# The same tables without NOT NULL (the names are all readers check).
python3 - "$base" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA writable_schema = ON")
c.execute("""UPDATE sqlite_schema SET sql = replace(sql, 'NOT NULL', '')
    WHERE type = 'table' AND name IN ('levels', 'statuses', 'topics',
    'articles', 'sections', 'refs', 'related')""")
c.commit()
PY

# variant NAME SQL: a copy of the base with SQL applied.
variant() {
	cp "$base" "$scratch/$1.db"
	sqlite3 "$scratch/$1.db" "$2" || echo "# cannot make $1"
}
variant null-title "UPDATE articles SET title = NULL"
variant null-id "UPDATE articles SET id = NULL WHERE id = 'alpha'"
variant null-dates "UPDATE articles SET updated = NULL, status = NULL"
variant null-kind "UPDATE sections SET kind = NULL"
variant null-body "UPDATE sections SET body = NULL; UPDATE refs SET body = NULL"
variant null-related "UPDATE related SET related_id = NULL"
variant null-topic "UPDATE topics SET name = NULL, path = NULL"
variant null-level "UPDATE levels SET label = NULL, disclaimer = NULL"
variant null-level-name "UPDATE levels SET name = NULL"
variant null-status "UPDATE statuses SET name = NULL, label = NULL"

# clean NAME CMD...: runs CMD; passes when it ended on its own with an
# exit status of its own (not a signal) and no sanitizer spoke.
clean() {
	local name=$1
	shift
	run "$@"
	if [ "$rc" -le 4 ] && ! printf '%s\n' "$err" | grep -Eq 'runtime error|Sanitizer|SEGV'; then
		ok 0 "$name: '$*' ends cleanly ($rc)"
	else
		ok 1 "$name: '$*' ends cleanly ($rc)"
		printf '%s\n' "$err" | grep -E 'runtime error|ERROR|#[0-3] ' | head -4 | sed 's/^/# /'
	fi
}

for v in null-title null-id null-dates null-kind null-body null-related \
    null-topic null-level null-level-name null-status; do
	db=$scratch/$v.db
	for cmd in "show alpha" "show --format markdown alpha" "show --format json alpha" \
	    "show --level patient beta" "search widgets" "search --json widgets" \
	    "search widgetz" "topics" "topics --json" "topics --articles"; do
		# shellcheck disable=SC2086
		clean "$v" "$BEDSIDE" $cmd --db "$db"
	done
	cp "$db" "$scratch/import.db"
	clean "$v" "$BEDSIDE" import --db "$scratch/import.db" "$FIXTURES/good/beta.md"
	run "$BEDSIDE" check --db "$db"
	is "$rc" 3 "$v: check finds the NULLs"
	like "$err" "NULL" "$v: and says so"
done
run "$BEDSIDE" check --db "$scratch/null-title.db"
like "$err" "null-title\.db: articles: 3 rows have NULL for title" "check names the table, column and count"

# Rows that name what is not there, and a topic tree with a cycle: the
# readers cope, and check says what is wrong.
variant no-topic "UPDATE articles SET topic_id = 99 WHERE id = 'alpha'"
run "$BEDSIDE" show --db "$scratch/no-topic.db" alpha
is "$rc" 0 "an article whose topic is missing still shows"
like "$out" "widgets calibrated" "with its text"
run "$BEDSIDE" topics --articles --db "$scratch/no-topic.db"
like "$out" "^alpha	" "and is listed"
run "$BEDSIDE" search --db "$scratch/no-topic.db" calibrated
like "$out" "\(alpha\)" "and found"
run "$BEDSIDE" check --db "$scratch/no-topic.db"
is "$rc" 3 "check finds the missing topic"
like "$err" "articles: 1 row refers to topics that is not there" "and says which table"

variant no-level "UPDATE sections SET level = 'ghost' WHERE level = 'clinician'"
run "$BEDSIDE" check --db "$scratch/no-level.db"
is "$rc" 3 "check finds sections of a level the database does not have"
like "$err" "sections: [0-9]+ rows refer to levels that are not there" "and says so"

variant cycle "UPDATE topics SET parent_id = 3 WHERE id = 1; UPDATE topics SET parent_id = 2 WHERE id = 3"
clean cycle timeout 20 "$BEDSIDE" topics --db "$scratch/cycle.db"
like "$out" "Gadgets" "topics in a cycle are still listed"
run "$BEDSIDE" check --db "$scratch/cycle.db"
is "$rc" 3 "check finds the cycle"
like "$err" "topics: 3 topics are not under any top-level topic" "and says so"

# A topic numbered 0, first in the tree: 0 is also what a top-level
# topic's parent reads as, and the tree once pushed them all twice,
# writing past the end of its stack.
variant topic-zero "UPDATE topics SET id = 0, name = '0 first' WHERE path = 'Other';
    UPDATE topics SET parent_id = 0 WHERE parent_id = 4;
    WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20)
    INSERT INTO topics (id, parent_id, name, path, articles)
    SELECT 100 + i, NULL, 'Extra ' || i, 'Extra ' || i, 0 FROM c"
for cmd in topics "topics --json"; do
	# shellcheck disable=SC2086
	clean topic-zero "$BEDSIDE" $cmd --db "$scratch/topic-zero.db"
done
is "$(printf '%s\n' "$out" | grep -o '"path":"Extra 7"' | wc -l | tr -d ' ')" 1 \
    "topic-zero: each topic is listed once"

# Stored article counts past what an int holds, or negative: the totals
# summed from them once overflowed (undefined; negative totals shown).
variant huge-counts "UPDATE topics SET articles = 2147483647 WHERE path LIKE 'Testing/%';
    UPDATE topics SET articles = 9223372036854775807 WHERE path = 'Other/Sprockets/Small';
    UPDATE topics SET articles = -5 WHERE path = 'Other/Sprockets'"
for cmd in topics "topics --json"; do
	# shellcheck disable=SC2086
	clean huge-counts "$BEDSIDE" $cmd --db "$scratch/huge-counts.db"
	unlike "$out" '\(-|:-' "huge-counts: '$cmd' shows no negative count"
done

variant no-levels "DELETE FROM levels"
for cmd in "show alpha" "search widgets"; do
	# shellcheck disable=SC2086
	run "$BEDSIDE" $cmd --db "$scratch/no-levels.db"
	is "$rc" 3 "no levels: '$cmd' exits 3"
	like "$err" "no-levels\.db: the database has no reading levels$" "no levels: '$cmd' says why"
done
run "$BEDSIDE" check --db "$scratch/no-levels.db"
is "$rc" 3 "check finds no levels"
like "$err" "levels: no reading level at all" "and says so"

done_testing
