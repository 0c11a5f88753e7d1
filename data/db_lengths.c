/* db_lengths.c: what ranking keeps in memory from one search to the
 * next, for a connection that searches again and again (the browser):
 * the length of every search row, and the number of rows that hold each
 * term typed lately.
 *
 * bm25 needs each row's length. FTS5 looks it up in the docsize table,
 * one query per row: for a word that is in most articles that is most of
 * the search, about 2 microseconds a row, a quarter of a second at 100,000
 * articles. A connection that asks (db_keep_row_lengths) reads them once
 * instead, 4 bytes a row; one search (`bedside search`) would not repay
 * the reading. They are read in rowid order and the reading can be
 * stopped (the stop hook, db_set_stop) and taken up again where it
 * stopped. A row not read yet is ranked with its length from FTS5.
 *
 * bm25 also counts the rows that hold each term of the query (for its
 * IDF: a phrase, or a group of other spellings), a pass over its whole
 * posting lists. Typing changes only the last word, so the counts of the
 * others are kept here, by their text in the MATCH. */
#include "config.h"
#include "db_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define COUNTS_KEPT 64

struct row_lengths {
	/* Term counts kept (a ring): the term as in the MATCH text, and
	 * the number of rows that hold it. */
	char *term[COUNTS_KEPT];
	sqlite3_int64 rows[COUNTS_KEPT];
	unsigned next_term;
	/* len[place][rowid / DB_LEVEL_ROWS]: the tokens of the row of the
	 * level at that place; NULL until a row of the level is read. */
	uint32_t *len[DB_LEVEL_ROWS];
	size_t cap[DB_LEVEL_ROWS];
	sqlite3_int64 read_to;  /* every row with rowid <= read_to is read */
	bool done;
};

/* SQLite's varint, as FTS5 writes the column sizes of a row. */
static size_t
get_varint(const unsigned char *p, size_t n, uint64_t *v)
{
	uint64_t x = 0;
	for (size_t i = 0; i < n && i < 9; i++) {
		if (i == 8) {
			*v = (x << 8) | p[i];
			return 9;
		}
		x = (x << 7) | (p[i] & 0x7f);
		if (!(p[i] & 0x80)) {
			*v = x;
			return i + 1;
		}
	}
	*v = 0;
	return 0;
}

/* Rows past this article number (or below 0: a damaged or hostile file)
 * are not kept, and rank with their length from FTS5. */
#define LENGTHS_MAX_ARTICLE ((sqlite3_int64)1 << 24)

static void
lengths_put(struct row_lengths *l, sqlite3_int64 rowid, uint32_t tokens)
{
	if (rowid < 0 || rowid / DB_LEVEL_ROWS >= LENGTHS_MAX_ARTICLE)
		return;
	int place = (int)(rowid % DB_LEVEL_ROWS);
	size_t i = (size_t)(rowid / DB_LEVEL_ROWS);
	if (i >= l->cap[place]) {
		size_t cap = l->cap[place] ? l->cap[place] : 1024;
		while (cap <= i)
			cap *= 2;
		l->len[place] = xrealloc(l->len[place], cap * sizeof *l->len[place]);
		memset(l->len[place] + l->cap[place], 0xff,
		    (cap - l->cap[place]) * sizeof *l->len[place]);
		l->cap[place] = cap;
	}
	l->len[place][i] = tokens;
}

/* The row's length if it has been read (UINT32_MAX marks a gap). */
bool
db_lengths_get(const struct row_lengths *l, sqlite3_int64 rowid, uint32_t *tokens)
{
	if (l == NULL || rowid < 0 || rowid > l->read_to)
		return false;
	int place = (int)(rowid % DB_LEVEL_ROWS);
	size_t i = (size_t)(rowid / DB_LEVEL_ROWS);
	if (i >= l->cap[place] || l->len[place][i] == UINT32_MAX)
		return false;
	*tokens = l->len[place][i];
	return true;
}

void
db_keep_row_lengths(struct db *db)
{
	if (db->lengths == NULL)
		db->lengths = xcalloc(1, sizeof *db->lengths);
}

void
db_rank_finalize(struct db *db)
{
	struct row_lengths *l = db->lengths;
	if (l == NULL)
		return;
	for (int p = 0; p < DB_LEVEL_ROWS; p++)
		free(l->len[p]);
	for (int i = 0; i < COUNTS_KEPT; i++)
		free(l->term[i]);
	free(l);
	db->lengths = NULL;
}

int
db_read_ahead(struct db *db)
{
	bool began = db_read_begin(db);
	int rc = db_rank_read_lengths(db);
	db_read_end(db, began);
	return rc;
}

int
db_rank_read_lengths(struct db *db)
{
	struct row_lengths *l = db->lengths;
	if (l == NULL || l->done)
		return 0;
	sqlite3_stmt *st = db_stmt(db, STMT_ROW_LENGTHS,
	    "SELECT id, sz FROM search_docsize WHERE id > ?1 ORDER BY id");
	if (st == NULL) {
		/* No lengths to read (a file built otherwise): rank as bm25()
		 * does, with each row's length from FTS5. */
		l->done = true;
		return 0;
	}
	sqlite3_bind_int64(st, 1, l->read_to);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(st, 0);
		const unsigned char *sz = sqlite3_column_blob(st, 1);
		size_t n = (size_t)sqlite3_column_bytes(st, 1), off = 0, k;
		uint64_t v, total = 0;
		while (off < n && (k = get_varint(sz + off, n - off, &v)) > 0) {
			total += v;
			off += k;
		}
		lengths_put(l, id, total < UINT32_MAX ? (uint32_t)total : UINT32_MAX - 1);
		l->read_to = id;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_INTERRUPT)
		return DB_STOPPED;
	/* Read to the end; or a damaged table: the rows read so far are
	 * good, the rest rank with their length from FTS5. */
	l->done = true;
	if (rc == SQLITE_DONE)
		l->read_to = INT64_MAX;
	return 0;
}

void
db_term_rows_keep(struct row_lengths *l, const char *term, size_t len, sqlite3_int64 rows)
{
	if (l == NULL)
		return;
	unsigned k = l->next_term++ % COUNTS_KEPT;
	free(l->term[k]);
	l->term[k] = xstrndup(term, len);
	l->rows[k] = rows;
}

/* The number of rows that hold one term of a MATCH text (a phrase, or a
 * group in parentheses). */
static int
term_rows(struct db *db, const char *term, size_t len, sqlite3_int64 *rows)
{
	struct row_lengths *l = db->lengths;
	for (int i = 0; l && i < COUNTS_KEPT; i++)
		if (l->term[i] && strlen(l->term[i]) == len &&
		    memcmp(l->term[i], term, len) == 0) {
			*rows = l->rows[i];
			return 0;
		}
	sqlite3_stmt *st = db_stmt(db, STMT_PHRASE_ROWS,
	    "SELECT count(*) FROM search WHERE search MATCH ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, term, (int)len, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*rows = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_INTERRUPT ? DB_STOPPED : -1;
	db_term_rows_keep(l, term, len, *rows);
	return 0;
}

int
db_rank_terms(struct db *db, const char *match, bool count, struct rank_terms *out)
{
	struct query_phrase ph[PHRASES_MAX];
	struct query_group g[PHRASES_MAX];
	size_t n = query_phrases(match, ph, PHRASES_MAX);
	size_t ng = query_groups(match, ph, n, g, PHRASES_MAX);
	out->nphrase = (int)n;
	out->nterm = (int)ng;
	out->counted = -1;
	for (size_t k = 0; k < ng; k++)
		for (size_t i = g[k].phrase; i < g[k].phrase + g[k].nphrases; i++) {
			size_t j = i;
			while (ph[i].part == 0 && j < n && ph[j].group == ph[i].group &&
			    ph[j].alt == ph[i].alt)
				j++;
			out->term[i] = (int)k;
			out->span[i] = (int)(j - i);
		}
	/* Each term's text: a group's, and after the groups each word typed
	 * whole beside itself as a prefix, a term of its own as FTS5's bm25()
	 * counts a phrase of an OR. */
	const char *text[PHRASES_MAX];
	size_t len[PHRASES_MAX];
	for (size_t k = 0; k < ng; k++) {
		text[k] = g[k].text;
		len[k] = g[k].len;
	}
	out->ngroup = (int)ng;
	for (size_t i = 0; i < n; i++)
		if (ph[i].exact) {
			text[out->nterm] = ph[i].text;
			len[out->nterm] = ph[i].len;
			out->term[i] = out->nterm++;
		}
	if (!count)
		return 0;
	for (int k = 0; k < out->nterm; k++) {
		int rc = term_rows(db, text[k], len[k], &out->rows[k]);
		if (rc == DB_STOPPED)
			return rc;
		if (rc != 0)    /* the rank pass ranks as FTS5's bm25() does,
		                 * each phrase a term, counted by FTS5 */
			return 0;
	}
	out->counted = out->nterm;
	return 0;
}
