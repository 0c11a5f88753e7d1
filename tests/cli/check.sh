#!/usr/bin/env bash
# check, and every way a database can be wrong: exit 3, one clear line,
# for check and for the commands that read it.
. "$TESTLIB"

db="$scratch/test.db"
"$BEDSIDE" import --db "$db" "$FIXTURES/good" >/dev/null || exit 1

run "$BEDSIDE" check --db "$db"
is "$rc" 0 "check passes on a fresh database"
like "$out" 'ok \(schema version 3, 3 articles\)$' "check says what it found"

run "$BEDSIDE" check
is "$rc" 0 "check passes on the bundled database"

# Counts agree with their nouns: one article, not "1 articles".
"$BEDSIDE" import --db "$scratch/one.db" "$FIXTURES/good/alpha.md" >/dev/null 2>&1 || exit 1
run "$BEDSIDE" check --db "$scratch/one.db"
like "$out" 'ok \(schema version 3, 1 article\)$' "check says 1 article, singular"

# Read-only file in a read-only folder: still readable, checkable.
mkdir "$scratch/ro"
cp "$db" "$scratch/ro/ro.db"
chmod 444 "$scratch/ro/ro.db"
chmod 555 "$scratch/ro"
run "$BEDSIDE" check --db "$scratch/ro/ro.db"
is "$rc" 0 "check works on a read-only database in a read-only folder"
run "$BEDSIDE" search --db "$scratch/ro/ro.db" widgets
is "$rc" 0 "search works on a read-only database in a read-only folder"
chmod 755 "$scratch/ro"

# Broken databases, made from the good one.
bad="$scratch/bad"
mkdir "$bad"
: > "$bad/empty.db"
echo "this is not a database" > "$bad/text.db"
head -c 8192 "$db" > "$bad/truncated.db"
cp "$db" "$bad/flipped-header.db"
printf '\xff\xff\xff\xff' | dd of="$bad/flipped-header.db" bs=1 seek=16 conv=notrunc 2>/dev/null
cp "$FIXTURES/db/corrupt-pages.db" "$bad/corrupt-pages.db"
python3 - "$db" "$bad" <<'PY'
import shutil, sqlite3, sys
db, bad = sys.argv[1], sys.argv[2]
def variant(name, sql):
    path = "%s/%s.db" % (bad, name)
    shutil.copy(db, path)
    c = sqlite3.connect(path)
    c.executescript(sql)
    c.commit()
    c.close()
variant("newer", "PRAGMA user_version = 99;")
variant("unknown-version", "PRAGMA user_version = 0;")
variant("trigger", "CREATE TRIGGER evil AFTER INSERT ON articles BEGIN DELETE FROM articles; END;")
variant("view", "CREATE VIEW evil AS SELECT * FROM articles;")
variant("extra-table", "CREATE TABLE extra (x);")
PY

expect_refused() { # NAME PATTERN
	local name=$1 pattern=$2 cmd
	for cmd in check topics "search widgets" "show alpha"; do
		# shellcheck disable=SC2086
		run "$BEDSIDE" $cmd --db "$bad/$name.db"
		is "$rc" 3 "$name: '$cmd' exits 3"
		is "$(printf '%s\n' "$err" | wc -l)" 1 "$name: '$cmd' says so in one line"
	done
	like "$err" "$pattern" "$name: the line names the file and the fault"
}
# The browser, on a terminal (a pty here), refuses each the same way:
# exit 3 and the one line on stderr, before the screen is taken.
browser_refuses() { # NAME...
	python3 - "$BEDSIDE" "$bad" "$@" <<'PY'
import os, subprocess, sys
bedside, bad = sys.argv[1:3]
env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
for name in sys.argv[3:]:
    m, s = os.openpty()
    p = subprocess.run([bedside, "--db", "%s/%s.db" % (bad, name)], stdin=s, stdout=s,
                       stderr=subprocess.PIPE, env=env, timeout=20)
    os.close(s)
    os.close(m)
    err = p.stderr.decode("utf-8", "replace")
    ok = p.returncode == 3 and err.count("\n") == 1 and "%s.db: " % name in err
    print("%sok - the browser on %s.db: exit 3, one line (%d: %s)" %
          ("" if ok else "not ", name, p.returncode, err.strip()[:100]))
PY
}
browser_refuses empty text truncated flipped-header newer unknown-version trigger view \
    extra-table missing
tap_n=$((tap_n + 10))

expect_refused empty 'empty\.db: not a bedside database \(it is empty\)'
expect_refused text 'text\.db: not a readable SQLite database'
expect_refused truncated 'truncated\.db: '
expect_refused flipped-header 'flipped-header\.db: '
expect_refused newer 'newer\.db: schema version 99 is newer than this bedside understands \(3\)'
expect_refused unknown-version 'unknown-version\.db: unknown schema version 0'
expect_refused trigger "trigger\.db: unexpected trigger 'evil' in the schema"
expect_refused view "view\.db: unexpected view 'evil' in the schema"
expect_refused extra-table "extra-table\.db: unexpected table 'extra' in the schema"

# An empty file holds no database to keep: import makes one in it (a
# file from touch or mktemp), with the file's permissions, where every
# reader refuses it above.
: > "$scratch/made.db"
chmod 640 "$scratch/made.db"
run "$BEDSIDE" import --db "$scratch/made.db" "$FIXTURES/good"
is "$rc:$err" "0:" "import makes a database in an empty file"
run "$BEDSIDE" check --db "$scratch/made.db"
is "$rc" 0 "one that passes check"
is "$(stat -c %a "$scratch/made.db")" 640 "and keeps the empty file's mode"
# Text that is not SQLite is kept: the import refuses it (3).
cp "$bad/text.db" "$scratch/kept.db"
run "$BEDSIDE" import --db "$scratch/kept.db" "$FIXTURES/good"
is "$rc" 3 "import refuses a file that is not a database"
cmp -s "$scratch/kept.db" "$bad/text.db"; ok $? "and leaves it as it was"

run "$BEDSIDE" check --db "$bad/missing.db"
is "$rc" 3 "a missing database exits 3"
like "$err" 'missing\.db: cannot open database: No such file or directory' "and names the file"
run "$BEDSIDE" check --db "$scratch"
is "$rc" 3 "a folder is not a database"
like "$err" ': not a database file \(it is a folder\)$' "and the line says it is a folder"
run "$BEDSIDE" check --db /dev/null
like "$err" '^bedside: /dev/null: not a database file \(it is a device\)$' \
	"a device is named as such"
# A server's socket left where the database was.
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \
    "$scratch/sock.db"
run "$BEDSIDE" search --db "$scratch/sock.db" widgets
like "$rc:$err" '^3:bedside: .*sock\.db: not a database file \(it is a socket\)$' \
	"a socket is named as such"

# Damage inside the file that only a full check finds: pages of the
# search index overwritten. check must notice; nothing may crash.
run "$BEDSIDE" check --db "$bad/corrupt-pages.db"
is "$rc" 3 "check finds damaged pages"
like "$err" 'problems? found' "check reports the damage"
# Each fault is a line that names the file, even where SQLite gives
# several in one row of integrity_check.
unnamed=$(printf '%s\n' "$err" | grep -Fv -e "$bad/corrupt-pages.db: " | head -3)
is "$unnamed" "" "every line of the report names the file"
for cmd in topics "search sprockets" "show gamma"; do
	# shellcheck disable=SC2086
	run "$BEDSIDE" $cmd --db "$bad/corrupt-pages.db"
	[ "$rc" -le 3 ]; ok $? "damaged pages: '$cmd' exits cleanly ($rc)"
done
# An import into it fails for the database, not for the articles: 3, as
# the readers say, with the file left as it was.
cp "$bad/corrupt-pages.db" "$scratch/damaged.db"
run "$BEDSIDE" import --db "$scratch/damaged.db" "$FIXTURES/good"
is "$rc" 3 "an import of good articles into a damaged database exits 3"
like "$err" "damaged\.db: the database is damaged \(see bedside check\); it was not changed" \
	"and says the database is damaged"
cmp -s "$scratch/damaged.db" "$bad/corrupt-pages.db"; ok $? "and leaves it as it was"
run "$BEDSIDE" import --db "$scratch/damaged.db" "$FIXTURES/bad/bad-id.md"
is "$rc" 4 "bad articles into it are still rejected as such (4)"

# Damage SQLite's own integrity_check does not see (before 3.44 it does
# not look inside FTS5): the search index's segment gone, its tables
# sound. Only FTS5's integrity-check finds it.
cp "$db" "$bad/fts.db"
python3 - "$bad/fts.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("DELETE FROM search_data WHERE id = (SELECT max(id) FROM search_data)")
c.commit()
PY
run "$BEDSIDE" check --db "$bad/fts.db"
is "$rc" 3 "check finds a search index that disagrees with its rows"
like "$err" "search index 'search'|FTS5 table main\.search" "and says it is the search index"
run "$BEDSIDE" search --db "$bad/fts.db" widgets
is "$rc:$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 3:1 "search on it exits 3 with one line"

# The spelling vocabulary is a plain table the importer keeps in step
# with the search rows; check recounts it.
cp "$db" "$bad/vocab.db"
python3 - "$bad/vocab.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE spell_words SET docs = docs + 1 WHERE (len, word) IN "
          "(SELECT len, word FROM spell_words ORDER BY len, word LIMIT 1)")
c.commit()
PY
run "$BEDSIDE" check --db "$bad/vocab.db"
is "$rc" 3 "check finds a spelling vocabulary out of step"
like "$err" 'spelling vocabulary: 1 word disagree' "and says which table"

# So are the article counts of the topic tree.
cp "$db" "$bad/counts.db"
python3 - "$bad/counts.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE topics SET articles = articles + 1 WHERE id = (SELECT min(id) FROM topics)")
c.commit()
PY
run "$BEDSIDE" check --db "$bad/counts.db"
is "$rc" 3 "check finds a topic's article count out of step"
like "$err" 'topics: 1 stored article count is wrong' "and says so"

# A table gone: a count that cannot be made is said to be so, not
# counted as "1 rows" or "1 topics" that are wrong.
for table in topics levels; do
	cp "$db" "$bad/no-$table.db"
	python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute(
	    "DROP TABLE " + sys.argv[2])' "$bad/no-$table.db" "$table"
	run "$BEDSIDE" check --db "$bad/no-$table.db"
	is "$rc" 3 "check fails on a database without its $table table"
	like "$err" "$table: cannot (check|count) the .*: no such table: $table" \
	    "and says what it cannot check, and why"
	unlike "$err" ' 1 [a-z ]+s (are|have) ' "and gives no count it could not make"
done

# A links check that cannot run (a foreign key to a column that is not a
# key makes SQLite's foreign_key_check fail) is a problem, not an "ok".
cp "$db" "$bad/fk-mismatch.db"
python3 - "$bad/fk-mismatch.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA writable_schema = ON")
c.execute("UPDATE sqlite_schema SET sql = replace(sql, 'REFERENCES articles(id)', "
          "'REFERENCES articles(title)') WHERE name = 'related'")
c.commit()
PY
run "$BEDSIDE" check --db "$bad/fk-mismatch.db"
is "$rc" 3 "check fails when the links between tables cannot be checked"
like "$err" 'cannot check the links between tables: foreign key mismatch' "and says why"

# Search tells a hit's article and level by its row number alone; check
# makes sure every row is numbered for what it holds.
cp "$db" "$bad/numbering.db"
python3 - "$bad/numbering.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE search SET level = 'patient' WHERE rowid = "
          "(SELECT min(rowid) FROM search WHERE level = 'clinician')")
c.commit()
PY
run "$BEDSIDE" check --db "$bad/numbering.db"
is "$rc" 3 "check finds a search row numbered for another level"
like "$err" 'search index: 1 row is not numbered for its article and level' "and says so"
run "$BEDSIDE" search --db "$bad/numbering.db" widgets
is "$rc:$err" "0:" "search still answers on it"

# A search that fails says why, in one line: the error inside its read
# transaction, not the success of the transaction's end.
cp "$db" "$bad/nodocsize.db"
python3 - "$bad/nodocsize.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("DROP TABLE search_docsize")
c.commit()
PY
run "$BEDSIDE" search --db "$bad/nodocsize.db" widgets
is "$rc" 3 "a search the index cannot answer exits 3"
like "$err" "search failed: " "and says the search failed"
unlike "$err" "not an error" "with the error, not 'not an error'"
is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "in one line"

# Schema version 1 kept the vocabulary in a contentless FTS5 index. Such a
# database is still read (suggestions too), and an import upgrades it.
v1="$scratch/v1.db"
cp "$db" "$v1"
python3 - "$v1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript('''
DROP TABLE spell_words;
ALTER TABLE topics DROP COLUMN articles;
CREATE VIRTUAL TABLE spell USING fts5 (text, content = '', detail = 'none',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE spell_vocab USING fts5vocab(spell, row);
INSERT INTO spell (rowid, text) SELECT rowid, title || ' ' || answer || ' ' ||
    key_points || ' ' || research FROM search;
PRAGMA user_version = 1;''')
c.commit()
PY
run "$BEDSIDE" check --db "$v1"
is "$rc" 0 "a schema version 1 database passes check"
like "$out" 'ok \(schema version 1, 3 articles\)$' "and check says it is version 1"
run "$BEDSIDE" search --db "$v1" widgetz
is "$rc" 1 "version 1: a word with no hit exits 1"
like "$err" 'did you mean: widgets' "version 1: suggestions come from the old index"
run "$BEDSIDE" import --db "$v1" "$FIXTURES/good/alpha.md"
is "$rc" 0 "importing into a version 1 database works"
run "$BEDSIDE" check --db "$v1"
like "$out" 'ok \(schema version 3, 3 articles\)$' "and upgrades it to version 3"
run "$BEDSIDE" search --db "$v1" widgetz
like "$err" 'did you mean: widgets' "upgraded: suggestions as before"

# Schema version 2 had prefix indexes of 2 and 3 letters. Such a database
# is still read, and an import makes its index again with this schema's
# one (2 letters), keeping its rows and the spelling vocabulary.
v2="$scratch/v2.db"
cp "$db" "$v2"
python3 - "$v2" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
sql = c.execute("SELECT sql FROM sqlite_schema WHERE name = 'search'").fetchone()[0]
assert "prefix = '2'" in sql, sql
old = sql.replace("search USING", "old_search USING").replace("prefix = '2'", "prefix = '2 3'")
c.executescript(old + """;
INSERT INTO old_search (old_search, rank) VALUES ('rank', 'bm25(10.0, 5.0, 3.0, 2.0, 1.0)');
INSERT INTO old_search (rowid, title, answer, key_points, research, refs, article_id, level)
    SELECT rowid, title, answer, key_points, research, refs, article_id, level FROM search;
DROP TABLE search;
ALTER TABLE old_search RENAME TO search;
PRAGMA user_version = 2;""")
c.commit()
PY
run "$BEDSIDE" check --db "$v2"
like "$rc:$out" '^0:.*ok \(schema version 2, 3 articles\)$' "a schema version 2 database passes check"
"$BEDSIDE" search --db "$v2" --json widg > "$scratch/v2-before.json"
like "$(cat "$scratch/v2-before.json")" '"id":"alpha"' "version 2: search finds by prefix"
run "$BEDSIDE" import --db "$v2" "$FIXTURES/good/beta.md"
is "$rc" 0 "importing into a version 2 database works"
run "$BEDSIDE" check --db "$v2"
like "$rc:$out" '^0:.*ok \(schema version 3, 3 articles\)$' "and upgrades it to version 3, which passes check"
is "$(sqlite3 -readonly "$v2" "SELECT sql FROM sqlite_schema WHERE name = 'search'" | grep -c "prefix = '2'$")" 1 \
    "with the index made again with one prefix index"
"$BEDSIDE" search --db "$v2" --json widg > "$scratch/v2-after.json"
cmp -s "$scratch/v2-before.json" "$scratch/v2-after.json"
ok $? "search gives what it gave before the upgrade"
run "$BEDSIDE" search --db "$v2" widgetz
like "$err" 'did you mean: widgets' "upgraded from 2: suggestions as before"

# The trigger never ran: importing into it is refused too, file unchanged.
cp "$bad/trigger.db" "$scratch/trigger-copy.db"
run "$BEDSIDE" import --db "$bad/trigger.db" "$FIXTURES/good/alpha.md"
is "$rc" 3 "import refuses a database with a hostile trigger"
cmp -s "$bad/trigger.db" "$scratch/trigger-copy.db"; ok $? "and leaves it as it was"

done_testing
