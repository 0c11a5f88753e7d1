/* db_search.c: full-text search, "did you mean" and the integrity check.
 *
 * Ranking is FTS5's bm25 with the column weights set in schema.sql. Which
 * pane a hit should open at is told by a small auxiliary function,
 * best_pane(), that weighs the matched phrases per column the same way. */
#include "config.h"
#include "db_internal.h"
#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Column order of the search table, and the pane each column is shown in. */
enum { COL_TITLE, COL_ANSWER, COL_KEY_POINTS, COL_RESEARCH, COL_REFS, COL_COUNT };
static const double col_weight[COL_COUNT] = { 10.0, 5.0, 3.0, 2.0, 1.0 };
static const enum db_kind col_pane[COL_COUNT] = {
	DB_ANSWER, DB_ANSWER, DB_KEY_POINTS, DB_RESEARCH, DB_REFERENCES,
};

static void
best_pane(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
    int argc, sqlite3_value **argv)
{
	double score[COL_COUNT] = { 0 };
	int ninst = 0;
	if (api->xInstCount(fts, &ninst) != SQLITE_OK) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	for (int i = 0; i < ninst; i++) {
		int phrase, col, off;
		if (api->xInst(fts, i, &phrase, &col, &off) == SQLITE_OK &&
		    col >= 0 && col < COL_COUNT)
			score[col] += col_weight[col];
	}
	int best = COL_TITLE;
	for (int c = 1; c < COL_COUNT; c++)
		if (score[c] > score[best] || (best == COL_TITLE && score[c] > 0))
			best = c;
	sqlite3_result_int(ctx, (int)col_pane[best]);
}

int
db_register_functions(struct db *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db->h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL || api->iVersion < 2)
		return -1;
	return api->xCreateFunction(api, "best_pane", NULL, best_pane, NULL);
}

void
db_search_finalize(struct db *db)
{
	(void)db;
}

int
db_search(struct db *db, const char *typed, const char *level, int limit,
    int offset, struct db_hit **out, size_t *n)
{
	char *match = query_build(typed);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (match == NULL)
		return 0;
	/* FTS5 sorts by rank itself and runs snippet() only for the rows
	 * that are returned, so a page of hits costs a page of snippets. */
	sqlite3_stmt *st = db_stmt(db, STMT_SEARCH,
	    "SELECT s.article_id, a.title, t.path, a.status, "
	    "  snippet(search, -1, char(1), char(2), '…', 14), "
	    "  best_pane(search), s.rank "
	    "FROM search s JOIN articles a ON a.id = s.article_id "
	    "JOIN topics t ON t.id = a.topic_id "
	    "WHERE search MATCH ?1 AND s.level = ?2 "
	    "ORDER BY s.rank LIMIT ?3 OFFSET ?4");
	if (st == NULL) {
		free(match);
		return -1;
	}
	sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, level, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : 20);
	sqlite3_bind_int(st, 4, offset > 0 ? offset : 0);
	free(match);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		struct db_hit *h = &(*out)[(*n)++];
		h->id = db_column_dup(st, 0);
		h->title = db_column_dup(st, 1);
		h->topic = db_column_dup(st, 2);
		h->status = db_column_dup(st, 3);
		h->snippet = db_column_dup(st, 4);
		if (h->snippet == NULL)
			h->snippet = xstrdup("");
		int pane = sqlite3_column_int(st, 5);
		h->pane = pane >= 0 && pane < DB_KIND_COUNT ? (enum db_kind)pane : DB_ANSWER;
		h->rank = sqlite3_column_double(st, 6);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void
db_hits_free(struct db_hit *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].title);
		free(v[i].topic);
		free(v[i].status);
		free(v[i].snippet);
	}
	free(v);
}

/* Optimal string alignment distance, on bytes, giving up past max. */
static int
edit_distance(const char *a, size_t la, const char *b, size_t lb, int max)
{
	if ((la > lb ? la - lb : lb - la) > (size_t)max || la > 64 || lb > 64)
		return max + 1;
	int d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int row_min = max + 1;
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > max)
			return max + 1;
	}
	return d[la][lb];
}

struct suggestion {
	char *word;
	int distance;
	int docs;
};

static int
suggestion_cmp(const void *pa, const void *pb)
{
	const struct suggestion *a = pa, *b = pb;
	if (a->distance != b->distance)
		return a->distance - b->distance;
	if (a->docs != b->docs)
		return b->docs - a->docs;
	return strcmp(a->word, b->word);
}

int
db_suggest(struct db *db, const char *typed, char ***out, size_t *n, size_t max)
{
	char *w = NULL;
	struct suggestion *cand = NULL;
	size_t ncand = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (query_words(typed, &w, 1) == 0)
		return 0;
	/* Lower-case ASCII, as the index stores it. */
	for (char *p = w; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	size_t lw = strlen(w);
	int limit = lw <= 4 ? 1 : 2;

	sqlite3_stmt *st = db_stmt(db, STMT_SUGGEST,
	    "SELECT term, doc FROM spell_vocab WHERE length(term) BETWEEN ?1 AND ?2");
	if (st == NULL) {
		free(w);
		return -1;
	}
	sqlite3_bind_int(st, 1, (int)lw - limit);
	sqlite3_bind_int(st, 2, (int)lw + limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(st, 0);
		size_t lt = (size_t)sqlite3_column_bytes(st, 0);
		if (term == NULL || (lt == lw && memcmp(term, w, lw) == 0))
			continue;
		int d = edit_distance(w, lw, term, lt, limit);
		if (d > limit)
			continue;
		cand = xrealloc(cand, (ncand + 1) * sizeof *cand);
		cand[ncand].word = xstrndup(term, lt);
		cand[ncand].distance = d;
		cand[ncand].docs = sqlite3_column_int(st, 1);
		ncand++;
	}
	sqlite3_reset(st);
	free(w);
	if (ncand > 1)
		qsort(cand, ncand, sizeof *cand, suggestion_cmp);
	for (size_t i = 0; i < ncand; i++) {
		if (*n < max) {
			*out = xrealloc(*out, (*n + 1) * sizeof **out);
			(*out)[(*n)++] = cand[i].word;
		} else {
			free(cand[i].word);
		}
	}
	free(cand);
	return rc == SQLITE_DONE ? 0 : -1;
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
			if (msg && strcmp(msg, "ok") != 0) {
				buf_addf(report, "%s: integrity: %s\n", db->path, msg);
				problems++;
			}
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE) {
		buf_addf(report, "%s: integrity check failed: %s\n", db->path,
		    sqlite3_errmsg(db->h));
		return problems + 1;
	}

	sqlite3 *mem = NULL;
	if (sqlite3_open(":memory:", &mem) != SQLITE_OK) {
		sqlite3_close(mem);
		buf_addf(report, "%s: cannot check the search index: out of memory\n", db->path);
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
	for (size_t i = 0; i < 2; i++) {
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
	return problems;
}
