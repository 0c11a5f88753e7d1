/* db_search.c: full-text search, "did you mean" and the integrity check.
 *
 * Ranking is FTS5's bm25 with the column weights set in schema.sql. Which
 * pane a hit should open at is told by a small auxiliary function,
 * best_pane(), that weighs the matched phrases per column the same way. */
#include "config.h"
#include "db_internal.h"
#include "query.h"

#include <stdint.h>
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

static fts5_api *fts5_api_of(sqlite3 *h);

/* The rows a search step wants, sorted by rowid, for hit_wanted(). */
struct rowid_set {
	const sqlite3_int64 *v;
	size_t n;
};

static int
rowid_cmp(const void *a, const void *b)
{
	sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
	return x < y ? -1 : x > y;
}

/* hit_wanted(rowid, set): whether rowid is in the set bound as a pointer. */
static void
hit_wanted(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct rowid_set *set = sqlite3_value_pointer(argv[1], "bedside_rowid_set");
	sqlite3_int64 r = sqlite3_value_int64(argv[0]);
	(void)argc;
	sqlite3_result_int(ctx, set && set->n &&
	    bsearch(&r, set->v, set->n, sizeof *set->v, rowid_cmp) != NULL);
}

int
db_register_functions(struct db *db)
{
	fts5_api *api = fts5_api_of(db->h);
	if (api == NULL)
		return -1;
	if (sqlite3_create_function_v2(db->h, "hit_wanted", 2,
	    SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, hit_wanted, NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	return api->xCreateFunction(api, "best_pane", NULL, best_pane, NULL);
}

void
db_search_finalize(struct db *db)
{
	(void)db;
}

/* The importer numbers a level's search row articles.rowid * 8 + the
 * level's place in the levels table (see schema.sql); -1 if there is no
 * such level, or none with rows. */
static int
level_place(struct db *db, const char *level)
{
	sqlite3_stmt *st = db_stmt(db, STMT_LEVEL_PLACE,
	    "SELECT (SELECT count(*) FROM levels b WHERE b.position < l.position) "
	    "FROM levels l WHERE l.name = ?1");
	int place = -1;
	if (st == NULL)
		return -2;
	sqlite3_bind_text(st, 1, level, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		place = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -2;
	return place < DB_LEVEL_ROWS ? place : -1;
}

/* Search runs in steps.
 *
 * FTS5's own "ORDER BY rank" computes bm25 for every match at every
 * level and sorts them all before the first row comes out: for a word in
 * most articles, 200,000 rows at 100,000 articles. The first step asks
 * only for the rowids of the best rows at one level, ordered by "+rank"
 * (the '+' keeps FTS5 from sorting) so that SQLite keeps just the top
 * limit + offset while it reads, and tells the level from the rowid,
 * which costs nothing, where the level column would cost a read of the
 * row. bm25 is the same function either way, and best_pane() comes
 * almost free beside it: FTS5 keeps the row's matches that bm25 read.
 *
 * The second step reads each hit's row by rowid for the article it
 * belongs to. Snippets, the dearest column, are made last and only for
 * the hits that want one (db_hit_snippets), in one pass of the query over
 * their rowids: running the query once per hit would repeat its setup,
 * which for a short prefix is most of the work. */
static int
search(struct db *db, const char *typed, const char *level, int limit,
    int offset, bool ranked, bool snippets, struct db_hit **out, size_t *n)
{
	int rc = SQLITE_DONE;

	*out = NULL;
	*n = 0;
	int place = level_place(db, level);
	if (place == -2)
		return -1;
	char *match = query_build(typed);
	if (match == NULL || place < 0) {
		free(match);
		return 0;
	}

	sqlite3_stmt *st = ranked ? db_stmt(db, STMT_SEARCH,
	    "SELECT rowid, rank, best_pane(search) FROM search WHERE search MATCH ?1 "
	    "AND rowid % " DB_LEVEL_ROWS_SQL " = ?2 "
	    "ORDER BY +rank, rowid LIMIT ?3 OFFSET ?4") : db_stmt(db, STMT_SEARCH_FIRST,
	    "SELECT rowid, 0, best_pane(search) FROM search WHERE search MATCH ?1 "
	    "AND rowid % " DB_LEVEL_ROWS_SQL " = ?2 LIMIT ?3 OFFSET ?4");
	if (st == NULL) {
		free(match);
		return -1;
	}
	size_t cap = 0;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, place);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : 20);
	sqlite3_bind_int(st, 4, offset > 0 ? offset : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		struct db_hit *h = &(*out)[(*n)++];
		memset(h, 0, sizeof *h);
		h->row = sqlite3_column_int64(st, 0);
		h->rank = sqlite3_column_double(st, 1);
		int pane = sqlite3_column_int(st, 2);
		h->pane = pane >= 0 && pane < DB_KIND_COUNT ? (enum db_kind)pane : DB_ANSWER;
	}
	sqlite3_reset(st);

	st = db_stmt(db, STMT_SEARCH_HIT,
	    "SELECT s.level, s.article_id, a.title, t.path, a.status "
	    "FROM search s JOIN articles a ON a.id = s.article_id "
	    "JOIN topics t ON t.id = a.topic_id WHERE s.rowid = ?1");
	if (st == NULL)
		rc = SQLITE_ERROR;
	size_t kept = 0;
	for (size_t i = 0; i < *n && rc == SQLITE_DONE; i++) {
		struct db_hit *h = &(*out)[i];
		sqlite3_bind_int64(st, 1, h->row);
		int r = sqlite3_step(st);
		const char *l = r == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
		/* The level column has the last word over the numbering. */
		if (l && strcmp(l, level) == 0) {
			h->id = db_column_dup(st, 1);
			h->title = db_column_dup(st, 2);
			h->topic = db_column_dup(st, 3);
			h->status = db_column_dup(st, 4);
			(*out)[kept++] = *h;
		} else if (r != SQLITE_ROW && r != SQLITE_DONE) {
			rc = r;
		}
		sqlite3_reset(st);
	}
	*n = kept;
	if (rc == SQLITE_DONE && snippets && db_hit_snippets(db, typed, *out, 0, *n) != 0)
		rc = SQLITE_ERROR;
	if (*n == 0 || rc != SQLITE_DONE) {
		db_hits_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	free(match);
	if (rc == SQLITE_INTERRUPT)
		return DB_STOPPED;
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_search(struct db *db, const char *typed, const char *level, int limit,
    int offset, struct db_hit **out, size_t *n)
{
	return search(db, typed, level, limit, offset, true, true, out, n);
}

int
db_search_hits(struct db *db, const char *typed, const char *level, int limit,
    int offset, struct db_hit **out, size_t *n)
{
	return search(db, typed, level, limit, offset, true, false, out, n);
}

int
db_search_first_hits(struct db *db, const char *typed, const char *level,
    int limit, struct db_hit **out, size_t *n)
{
	return search(db, typed, level, limit, 0, false, false, out, n);
}

static int
stop_asked(void *arg)
{
	struct db *db = arg;
	return db->stop && db->stop(db->stop_arg);
}

void
db_set_stop(struct db *db, db_stop_fn stop, void *arg)
{
	db->stop = stop;
	db->stop_arg = arg;
	/* Every 1,000 steps is some tens of microseconds of ranking: often
	 * enough that a key never waits for a search, seldom enough that
	 * asking (a poll() of the terminal) costs nothing to speak of. */
	sqlite3_progress_handler(db->h, stop ? 1000 : 0, stop ? stop_asked : NULL, db);
}

int
db_hit_snippets(struct db *db, const char *typed, struct db_hit *hits,
    size_t from, size_t to)
{
	sqlite3_int64 *rows = xmalloc((to > from ? to - from : 1) * sizeof *rows);
	size_t nrows = 0;
	int rc = SQLITE_DONE;

	for (size_t i = from; i < to; i++)
		if (hits[i].snippet == NULL)
			rows[nrows++] = hits[i].row;
	char *match = nrows ? query_build(typed) : NULL;
	if (match == NULL)
		goto out;
	qsort(rows, nrows, sizeof *rows, rowid_cmp);
	struct rowid_set set = { rows, nrows };
	sqlite3_stmt *st = db_stmt(db, STMT_SNIPPETS,
	    "SELECT rowid, snippet(search, -1, char(1), char(2), '…', 14) "
	    "FROM search WHERE search MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
	    "AND hit_wanted(rowid, ?4)");
	if (st == NULL) {
		rc = SQLITE_ERROR;
		goto out;
	}
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, rows[0]);
	sqlite3_bind_int64(st, 3, rows[nrows - 1]);
	sqlite3_bind_pointer(st, 4, &set, "bedside_rowid_set", NULL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 r = sqlite3_column_int64(st, 0);
		for (size_t i = from; i < to; i++)
			if (hits[i].row == r && hits[i].snippet == NULL)
				hits[i].snippet = db_column_dup(st, 1);
	}
	sqlite3_reset(st);
out:
	/* A row gone since the search (it cannot be, on one connection)
	 * still gets a snippet, an empty one; one that was stopped gets
	 * none, and can be asked for again. */
	for (size_t i = from; i < to && rc != SQLITE_INTERRUPT; i++)
		if (hits[i].snippet == NULL)
			hits[i].snippet = xstrdup("");
	free(match);
	free(rows);
	if (rc == SQLITE_INTERRUPT)
		return DB_STOPPED;
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

/* --- the spelling vocabulary ----------------------------------------- */

/* The words of every search row (title, answer, key points, research) as
 * the unicode61 tokenizer gives them, unstemmed, each with the number of
 * rows it is in: what "did you mean" compares a word with. Schema 1 kept
 * them in a contentless FTS5 index, whose vocabulary can only be listed by
 * walking every posting (a second for a word not found, at 100,000
 * articles); schema 2 keeps the list itself, in spell_words, and the
 * importer keeps it up to date by counting here what it adds and removes.
 *
 * The words come from FTS5's own tokenizer with the arguments the schema
 * 1 index used, so they are the words it held. */
#define VOCAB_ROW_COLUMNS "title, answer, key_points, research"
#define VOCAB_MAX_TOKEN 32768   /* FTS5 cuts longer tokens here (fts5Int.h) */

struct vocab_word {
	uint64_t hash;
	size_t off;             /* into the arena */
	uint32_t len;
	uint32_t row;           /* the last row that counted it */
	long delta;             /* rows added minus rows removed */
};

struct vocab {
	fts5_tokenizer api;
	Fts5Tokenizer *tok;
	struct vocab_word *slot;
	size_t mask, used;
	struct buf arena;
	uint32_t row;
	int sign;
};

static fts5_api *
fts5_api_of(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api && api->iVersion >= 2 ? api : NULL;
}

struct vocab *
vocab_new(sqlite3 *h)
{
	static const char *args[] = { "remove_diacritics", "2" };
	fts5_api *api = fts5_api_of(h);
	void *ctx = NULL;
	struct vocab *v = xcalloc(1, sizeof *v);
	if (api == NULL || api->xFindTokenizer(api, "unicode61", &ctx, &v->api) != SQLITE_OK ||
	    v->api.xCreate(ctx, args, 2, &v->tok) != SQLITE_OK) {
		free(v);
		return NULL;
	}
	v->mask = 4095;
	v->slot = xcalloc(v->mask + 1, sizeof *v->slot);
	return v;
}

void
vocab_free(struct vocab *v)
{
	if (v == NULL)
		return;
	v->api.xDelete(v->tok);
	free(v->slot);
	buf_free(&v->arena);
	free(v);
}

static uint64_t
vocab_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;              /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h | 1;                                   /* 0 marks a free slot */
}

static void
vocab_grow(struct vocab *v)
{
	size_t cap = (v->mask + 1) * 2;
	struct vocab_word *slot = xcalloc(cap, sizeof *slot);
	for (size_t i = 0; i <= v->mask; i++) {
		if (v->slot[i].hash == 0)
			continue;
		size_t j = (size_t)v->slot[i].hash & (cap - 1);
		while (slot[j].hash)
			j = (j + 1) & (cap - 1);
		slot[j] = v->slot[i];
	}
	free(v->slot);
	v->slot = slot;
	v->mask = cap - 1;
}

static int
vocab_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	struct vocab *v = ctx;
	(void)tflags, (void)start, (void)end;
	if (ntok <= 0)
		return SQLITE_OK;
	size_t n = ntok > VOCAB_MAX_TOKEN ? VOCAB_MAX_TOKEN : (size_t)ntok;
	uint64_t h = vocab_hash(tok, n);
	size_t i = (size_t)h & v->mask;
	struct vocab_word *w;
	for (;; i = (i + 1) & v->mask) {
		w = &v->slot[i];
		if (w->hash == 0)
			break;
		if (w->hash == h && w->len == n && memcmp(v->arena.data + w->off, tok, n) == 0)
			goto found;
	}
	w->hash = h;
	w->off = v->arena.len;
	w->len = (uint32_t)n;
	buf_add(&v->arena, tok, n);
	if (++v->used * 2 > v->mask) {
		vocab_grow(v);
		return vocab_token(ctx, tflags, tok, ntok, start, end);
	}
found:
	if (w->row != v->row) {
		w->row = v->row;
		w->delta += v->sign;
	}
	return SQLITE_OK;
}

/* Counts each word of one search row once: sign 1 for a row added, -1
 * for a row removed. NULL texts are skipped. */
int
vocab_row(struct vocab *v, const char *const texts[VOCAB_TEXTS], int sign)
{
	v->row++;
	v->sign = sign;
	for (int i = 0; i < VOCAB_TEXTS; i++)
		if (texts[i] && *texts[i] && v->api.xTokenize(v->tok, v, FTS5_TOKENIZE_DOCUMENT,
		    texts[i], (int)strlen(texts[i]), vocab_token) != SQLITE_OK)
			return -1;
	return 0;
}

/* Counts the search rows with rowid in [lo, hi] (all rows: 0 and -1). */
int
vocab_scan(struct vocab *v, sqlite3 *h, sqlite3_int64 lo, sqlite3_int64 hi, int sign)
{
	sqlite3_stmt *st;
	int rc;
	if (sqlite3_prepare_v2(h, "SELECT " VOCAB_ROW_COLUMNS " FROM search "
	    "WHERE ?2 < 0 OR rowid BETWEEN ?1 AND ?2", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, lo);
	sqlite3_bind_int64(st, 2, hi);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t[VOCAB_TEXTS];
		for (int i = 0; i < VOCAB_TEXTS; i++)
			t[i] = (const char *)sqlite3_column_text(st, i);
		if (vocab_row(v, t, sign) != 0) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* spell_words is keyed by (length in characters, word), so that "did you
 * mean" reads only the words of about the right length. */
static size_t
utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

struct vocab_key {
	size_t chars;
	const char *s;
	size_t n;
	long delta;
};

static int
vocab_key_cmp(const void *pa, const void *pb)
{
	const struct vocab_key *a = pa, *b = pb;
	if (a->chars != b->chars)
		return a->chars < b->chars ? -1 : 1;
	int c = memcmp(a->s, b->s, a->n < b->n ? a->n : b->n);
	return c ? c : (a->n > b->n) - (a->n < b->n);
}

/* The counted words with a non-zero count, in spell_words' key order. */
static struct vocab_key *
vocab_keys(const struct vocab *v, size_t *n)
{
	struct vocab_key *k = xmalloc((v->used ? v->used : 1) * sizeof *k);
	*n = 0;
	for (size_t i = 0; i <= v->mask; i++) {
		const struct vocab_word *w = &v->slot[i];
		if (w->hash == 0 || w->delta == 0)
			continue;
		const char *s = v->arena.data + w->off;
		k[(*n)++] = (struct vocab_key){ utf8_chars(s, w->len), s, w->len, w->delta };
	}
	qsort(k, *n, sizeof *k, vocab_key_cmp);
	return k;
}

/* Adds the counts to spell_words and drops words no row has any more.
 * Into an empty table (a new database) the words go in key order by plain
 * INSERT, which costs a third of an upsert. */
int
vocab_store(struct vocab *v, sqlite3 *h)
{
	size_t n;
	struct vocab_key *k = vocab_keys(v, &n);
	sqlite3_stmt *st;
	int rc = -1, empty = 0;
	if (sqlite3_prepare_v2(h, "SELECT NOT EXISTS (SELECT 1 FROM spell_words)", -1,
	    &st, NULL) != SQLITE_OK)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW)
		empty = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(h, empty ?
	    "INSERT INTO spell_words (len, word, docs) VALUES (?1, ?2, ?3)" :
	    "INSERT INTO spell_words (len, word, docs) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT (len, word) DO UPDATE SET docs = docs + excluded.docs",
	    -1, &st, NULL) != SQLITE_OK)
		goto out;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)k[i].chars);
		sqlite3_bind_text(st, 2, k[i].s, (int)k[i].n, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, k[i].delta);
		int r = sqlite3_step(st);
		sqlite3_reset(st);
		if (r != SQLITE_DONE) {
			sqlite3_finalize(st);
			goto out;
		}
	}
	sqlite3_finalize(st);
	rc = sqlite3_exec(h, "DELETE FROM spell_words WHERE docs <= 0", NULL, NULL,
	    NULL) == SQLITE_OK ? 0 : -1;
out:
	free(k);
	return rc;
}

/* Compares the counts (of every row) with spell_words: the number of words
 * that differ, the first of them named in first. */
static long
vocab_compare(struct vocab *v, sqlite3 *h, struct buf *first)
{
	size_t n, i = 0;
	struct vocab_key *k = vocab_keys(v, &n);
	sqlite3_stmt *st;
	long diff = 0;
	int rc;
	if (sqlite3_prepare_v2(h, "SELECT len, word, docs FROM spell_words "
	    "ORDER BY len, word", -1, &st, NULL) != SQLITE_OK) {
		free(k);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct vocab_key row = {
			(size_t)sqlite3_column_int64(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(size_t)sqlite3_column_bytes(st, 1),
			(long)sqlite3_column_int64(st, 2),
		};
		if (row.s == NULL)
			row.s = "";
		int c = -1;
		while (i < n && (c = vocab_key_cmp(&k[i], &row)) < 0) {
			if (diff++ == 0)
				buf_add(first, k[i].s, k[i].n);
			i++;
		}
		if (i < n && c == 0 && k[i].delta == row.delta && row.chars ==
		    utf8_chars(row.s, row.n)) {
			i++;
			continue;
		}
		if (i < n && c == 0)
			i++;
		if (diff++ == 0)
			buf_add(first, row.s, row.n);
	}
	for (; i < n; i++)
		if (diff++ == 0)
			buf_add(first, k[i].s, k[i].n);
	sqlite3_finalize(st);
	free(k);
	return rc == SQLITE_DONE ? diff : -1;
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

	sqlite3_stmt *st = db->version >= 2 ?
	    db_stmt(db, STMT_SUGGEST, "SELECT word, docs FROM spell_words "
	    "WHERE len BETWEEN ?1 AND ?2") :
	    db_stmt(db, STMT_SUGGEST_V1, "SELECT term, doc FROM spell_vocab "
	    "WHERE length(term) BETWEEN ?1 AND ?2");
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

	if (db->version >= 2) {
		long wrong = 0;
		rc = sqlite3_prepare_v2(db->h, "SELECT count(*) FROM topics t WHERE "
		    "t.articles <> (SELECT count(*) FROM articles a WHERE a.topic_id = t.id)",
		    -1, &st, NULL);
		if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
			wrong = sqlite3_column_int(st, 0);
		else
			wrong = -1;
		sqlite3_finalize(st);
		if (wrong != 0) {
			buf_addf(report, "%s: topics: %ld stored article count%s wrong; "
			    "re-import to recount\n", db->path, wrong < 0 ? 1 : wrong,
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
			buf_addf(report, "%s: spelling vocabulary: %ld word%s disagree with "
			    "the search rows (first: '%s'); re-import to rebuild it\n",
			    db->path, diff, diff == 1 ? "" : "s", first.data ? first.data : "");
			problems++;
		}
		buf_free(&first);
		vocab_free(v);
	}
	return problems;
}
