/* db_check.c: `bedside check`: SQLite's integrity check, FTS5's, the
 * numbering of the search rows and what schema 2 stores beside them. */
#include "config.h"
#include "db_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns schema.sql declares NOT NULL. Readers know the schema's
 * objects by name only, so a table rewritten by hand may have lost the
 * constraint: readers then show the NULL as empty text, and check says
 * where it is. */
static const char *const required[][2] = {
	{ "levels", "name" }, { "levels", "label" }, { "levels", "position" },
	{ "levels", "disclaimer" }, { "statuses", "name" }, { "statuses", "label" },
	{ "statuses", "position" }, { "topics", "name" }, { "topics", "path" },
	{ "topics", "articles" }, { "articles", "id" }, { "articles", "title" },
	{ "articles", "topic_id" }, { "articles", "updated" }, { "articles", "status" },
	{ "sections", "article_id" }, { "sections", "kind" }, { "sections", "position" },
	{ "sections", "body" }, { "refs", "body" }, { "related", "related_id" },
};

/* The single number a "SELECT count(*) ..." gives, or -1 if it fails. */
static long
count_rows(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
check_nulls(struct db *db, struct buf *report)
{
	int problems = 0;
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		/* Schema 1 kept no article counts in topics. */
		if (db->version < 2 && strcmp(required[i][1], "articles") == 0)
			continue;
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s IS NULL",
		    required[i][0], required[i][1]);
		long n = count_rows(db->h, sql);
		if (n == 0)
			continue;
		if (n < 0)
			buf_addf(report, "%s: %s: cannot look for NULLs in %s: %s\n",
			    db->path, required[i][0], required[i][1],
			    sqlite3_errmsg(db->h));
		else
			buf_addf(report, "%s: %s: %ld row%s NULL for %s, which the schema "
			    "does not allow (the table was edited by hand)\n", db->path,
			    required[i][0], n, n == 1 ? " has" : "s have", required[i][1]);
		problems++;
	}
	return problems;
}

/* Rows that name what is not there: the schema's REFERENCES clauses
 * (an article's topic and status, a section's level; SQLite does not
 * enforce them for a file written by another program), topics cut off
 * from the tree by a cycle, and no reading level at all. Readers cope
 * with each; check says where it is. */
static int
check_links(struct db *db, struct buf *report)
{
	int problems = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT \"table\", parent, count(*) "
	    "FROM pragma_foreign_key_check GROUP BY 1, 2", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			long n = (long)sqlite3_column_int64(st, 2);
			buf_addf(report, "%s: %s: %ld row%s to %s that %s not there\n",
			    db->path, sqlite3_column_text(st, 0), n,
			    n == 1 ? " refers" : "s refer", sqlite3_column_text(st, 1),
			    n == 1 ? "is" : "are");
			problems++;
		}
	}
	/* A check that could not run is a problem, not a pass. */
	if (rc != SQLITE_DONE) {
		buf_addf(report, "%s: cannot check the links between tables: %s\n",
		    db->path, sqlite3_errmsg(db->h));
		problems++;
	}
	sqlite3_finalize(st);

	long cut = count_rows(db->h, "WITH RECURSIVE tree(id) AS ("
	    "SELECT id FROM topics WHERE parent_id IS NULL UNION "
	    "SELECT t.id FROM topics t JOIN tree ON t.parent_id = tree.id) "
	    "SELECT count(*) FROM topics WHERE id NOT IN tree");
	/* A count that failed (a table gone) is no count: "1 rows". */
	if (cut < 0) {
		buf_addf(report, "%s: topics: cannot check the tree: %s\n", db->path,
		    sqlite3_errmsg(db->h));
		problems++;
	} else if (cut != 0) {
		buf_addf(report, "%s: topics: %ld topic%s not under any top-level topic "
		    "(a parent missing, or a cycle)\n", db->path, cut,
		    cut == 1 ? " is" : "s are");
		problems++;
	}

	long levels = count_rows(db->h, "SELECT count(*) FROM levels");
	if (levels < 0) {
		buf_addf(report, "%s: levels: cannot count the reading levels: %s\n",
		    db->path, sqlite3_errmsg(db->h));
		problems++;
	} else if (levels == 0) {
		buf_addf(report, "%s: levels: no reading level at all\n", db->path);
		problems++;
	}
	return problems;
}

/* One row of integrity_check may be several lines ("*** in database
 * main ***" and the first fault): each is given a line of its own that
 * names the file, as every other problem is. Returns how many. */
static int
integrity_lines(const char *path, const char *msg, struct buf *report)
{
	int n = 0;
	while (*msg) {
		size_t len = strcspn(msg, "\n");
		if (len > 0 && strncmp(msg, "*** in database ", 16) != 0) {
			buf_addf(report, "%s: integrity: %.*s\n", path, (int)len, msg);
			n++;
		}
		msg += len + (msg[len] == '\n');
	}
	return n;
}

/* FTS5's integrity-check is an INSERT, which a read-only connection may
 * not run; a copy of the database in memory may, so check works on an
 * installed, read-only file too. */
int
db_check(struct db *db, struct buf *report)
{
	int problems = 0, rc;
	sqlite3_stmt *st;

	rc = sqlite3_prepare_v2(db->h, "PRAGMA integrity_check", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *msg = (const char *)sqlite3_column_text(st, 0);
			if (msg && strcmp(msg, "ok") != 0)
				problems += integrity_lines(db->path, msg, report);
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE) {
		buf_addf(report, "%s: integrity check failed: %s\n", db->path,
		    sqlite3_errmsg(db->h));
		return problems + 1;
	}

	problems += check_nulls(db, report);
	problems += check_links(db, report);

	sqlite3 *mem = NULL;
	if (sqlite3_open(":memory:", &mem) != SQLITE_OK) {
		sqlite3_close(mem);
		buf_addf(report, "%s: cannot check the search index: out of memory\n",
		    db->path);
		return problems + 1;
	}
	sqlite3_backup *bk = sqlite3_backup_init(mem, "main", db->h, "main");
	if (bk) {
		sqlite3_backup_step(bk, -1);
		sqlite3_backup_finish(bk);
	}
	sqlite3_db_config(mem, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(mem, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	static const char *const fts_tables[] = { "search", "spell" };
	for (size_t i = 0; i < (db->version >= 2 ? 1u : 2u); i++) {
		char sql[128];
		snprintf(sql, sizeof sql,
		    "INSERT INTO %s (%s, rank) VALUES ('integrity-check', 1)",
		    fts_tables[i], fts_tables[i]);
		/* The contentless spell index can only be checked against
		 * itself, not its (absent) content. */
		if (i == 1)
			snprintf(sql, sizeof sql,
			    "INSERT INTO spell (spell) VALUES ('integrity-check')");
		if (sqlite3_exec(mem, sql, NULL, NULL, NULL) != SQLITE_OK) {
			buf_addf(report, "%s: search index '%s': %s\n", db->path,
			    fts_tables[i], sqlite3_errmsg(mem));
			problems++;
		}
	}
	sqlite3_close(mem);

	/* Search finds an article and level by a row's number alone
	 * (schema.sql): every row must be numbered for the article and
	 * level it holds. */
	long misnumbered = count_rows(db->h, "SELECT count(*) FROM search s "
	    "LEFT JOIN articles a ON a.rowid = s.rowid / " DB_LEVEL_ROWS_SQL " "
	    "LEFT JOIN levels l ON l.name = s.level "
	    "WHERE a.id IS NOT s.article_id OR s.rowid % " DB_LEVEL_ROWS_SQL " IS NOT "
	    "(SELECT count(*) FROM levels b WHERE b.position < l.position)");
	if (misnumbered < 0) {
		buf_addf(report, "%s: search index: cannot check its numbering: %s\n",
		    db->path, sqlite3_errmsg(db->h));
		problems++;
	} else if (misnumbered != 0) {
		buf_addf(report, "%s: search index: %ld row%s not numbered for %s "
		    "article and level; re-import to rebuild it\n", db->path,
		    misnumbered, misnumbered == 1 ? " is" : "s are",
		    misnumbered == 1 ? "its" : "their");
		problems++;
	}

	if (db->version >= 2) {
		long wrong = count_rows(db->h, "SELECT count(*) FROM topics t WHERE "
		    "t.articles <> "
		    "(SELECT count(*) FROM articles a WHERE a.topic_id = t.id)");
		if (wrong < 0) {
			buf_addf(report, "%s: topics: cannot check the stored article "
			    "counts: %s\n", db->path, sqlite3_errmsg(db->h));
			problems++;
		} else if (wrong != 0) {
			buf_addf(report, "%s: topics: %ld stored article count%s wrong; "
			    "re-import to recount\n", db->path, wrong,
			    wrong == 1 ? " is" : "s are");
			problems++;
		}
		struct vocab *v = vocab_new(db->h);
		struct buf first = BUF_INIT;
		long diff = v && vocab_scan(v, db->h, 0, -1, 1) == 0 ?
		    vocab_compare(v, db->h, &first) : -1;
		if (diff < 0) {
			buf_addf(report, "%s: cannot check the spelling vocabulary: %s\n",
			    db->path, sqlite3_errmsg(db->h));
			problems++;
		} else if (diff > 0) {
			buf_addf(report, "%s: spelling vocabulary: %ld word%s disagree "
			    "with the search rows (first: '%s'); re-import to rebuild it\n",
			    db->path, diff, diff == 1 ? "" : "s",
			    first.data ? first.data : "");
			problems++;
		}
		buf_free(&first);
		vocab_free(v);
	}
	return problems;
}
