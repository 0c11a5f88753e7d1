/* db_rank.c: search ranked by FTS5's bm25 in one pass that keeps only
 * the best rows.
 *
 * The rank pass, db_rank_top(), is an auxiliary function called on every
 * row the MATCH gives: it works out bm25() term for term (the same
 * formula, weights and IDF, so the same value to the bit: see
 * tests/unit/test_db.c) and keeps the best rows in a heap, where "ORDER BY
 * rank LIMIT n" would have SQLite carry every row to a sorter. Each row's
 * length and each phrase's row count come from db_lengths.c when it keeps
 * them, else from FTS5.
 *
 * A query of one phrase needs no count first: its IDF multiplies every
 * score alike, so the pass ranks without it, counts the rows as it goes,
 * and applies it at the end. */
#include "config.h"
#include "db_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* --- ranking in one pass ------------------------------------------------- */

/* What bm25 works out once per query: each phrase's IDF and the average
 * row length. */
struct bm25_query {
	int nphrase;
	sqlite3_int64 nrow;
	double avgdl;
	double *idf;
	double *freq;           /* per row, reused */
};

/* The search, as the pass goes: the best rows so far in a heap with the
 * worst of them on top, and every row the MATCH gave. */
struct rank_pass {
	int place;              /* the level's rows: rowid % DB_LEVEL_ROWS */
	const double *weight;   /* per column */
	int ncol;
	size_t want;
	struct db_ranked *best;
	size_t n, cap;
	sqlite3_int64 matched;
	/* One phrase: its IDF multiplies every score alike, so the pass
	 * ranks without it and counts the phrase's rows as it goes (they
	 * are the rows the MATCH gives), instead of a pass of its own. */
	bool one_phrase;
	struct phrase_counts counts;    /* n < 0: let FTS5 count */
	struct bm25_query *q;
	int rc;
};

static int
count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *arg)
{
	(void)api;
	(void)fts;
	(*(sqlite3_int64 *)arg)++;
	return SQLITE_OK;
}

static void
bm25_query_free(struct bm25_query *q)
{
	if (q)
		free(q->idf);
	free(q);
}

/* bm25's IDF, as FTS5 works it out. */
static double
bm25_idf(sqlite3_int64 nrow, sqlite3_int64 nhit)
{
	double idf = log(((double)nrow - (double)nhit + 0.5) / ((double)nhit + 0.5));
	return idf <= 0.0 ? 1e-6 : idf;
}

static struct bm25_query *
bm25_query(const Fts5ExtensionApi *api, Fts5Context *fts, struct rank_pass *p)
{
	sqlite3_int64 ntoken = 0;
	struct bm25_query *q = xcalloc(1, sizeof *q);
	q->nphrase = api->xPhraseCount(fts);
	q->idf = xcalloc((size_t)(q->nphrase > 0 ? q->nphrase : 1) * 2, sizeof *q->idf);
	q->freq = q->idf + (q->nphrase > 0 ? q->nphrase : 1);
	int rc = api->xRowCount(fts, &q->nrow);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &ntoken);
	if (rc == SQLITE_OK)
		q->avgdl = q->nrow > 0 ? (double)ntoken / (double)q->nrow : 1.0;
	/* The counts are those of the phrases as they were split: if FTS5
	 * parsed the text into other phrases, it counts them itself. */
	if (p->one_phrase && q->nphrase != 1)
		p->one_phrase = false;
	for (int i = 0; rc == SQLITE_OK && i < q->nphrase; i++) {
		sqlite3_int64 nhit = 0;
		if (p->one_phrase) {
			q->idf[i] = 1.0;
			continue;
		}
		if (p->counts.n == q->nphrase)
			nhit = p->counts.rows[i];
		else
			rc = api->xQueryPhrase(fts, i, &nhit, count_row);
		q->idf[i] = bm25_idf(q->nrow, nhit);
	}
	if (rc != SQLITE_OK) {
		bm25_query_free(q);
		p->rc = rc;
		return NULL;
	}
	return q;
}

/* The best column of a row, from its matches weighed per column: the
 * weightiest column other than the first (the title, which every pane
 * shows), or the first if it alone matched. */
int
db_rank_best_column(const double *score, int ncol)
{
	int best = 0;
	for (int c = 1; c < ncol; c++)
		if (score[c] > score[best] || (best == 0 && score[c] > 0))
			best = c;
	return best;
}

#define COLUMNS_MAX 16

/* bm25 of the row under the cursor, with q's IDFs (FTS5's formula, term
 * for term, so the same value to the bit), and its best column. */
static int
row_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, struct db *db,
    struct rank_pass *p, double *score, int *col)
{
	const double k1 = 1.2, b = 0.75;
	struct bm25_query *q = p->q;
	double colscore[COLUMNS_MAX] = { 0 };
	int ninst = 0;

	memset(q->freq, 0, (size_t)q->nphrase * sizeof *q->freq);
	int rc = api->xInstCount(fts, &ninst);
	for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
		int phrase, c, off;
		rc = api->xInst(fts, i, &phrase, &c, &off);
		if (rc != SQLITE_OK || c < 0)
			continue;
		double w = c < p->ncol ? p->weight[c] : 1.0;
		if (phrase >= 0 && phrase < q->nphrase)
			q->freq[phrase] += w;
		if (c < COLUMNS_MAX)
			colscore[c] += w;
	}
	uint32_t len;
	double d = 0;
	if (rc == SQLITE_OK && db_lengths_get(db->lengths, api->xRowid(fts), &len)) {
		d = (double)len;
	} else if (rc == SQLITE_OK) {
		int ntok = 0;
		rc = api->xColumnSize(fts, -1, &ntok);
		d = (double)ntok;
	}
	*score = 0.0;
	for (int i = 0; rc == SQLITE_OK && i < q->nphrase; i++)
		*score += q->idf[i] * ((q->freq[i] * (k1 + 1.0)) /
		    (q->freq[i] + k1 * (1 - b + b * d / q->avgdl)));
	*col = db_rank_best_column(colscore, p->ncol < COLUMNS_MAX ? p->ncol : COLUMNS_MAX);
	return rc;
}

/* Whether a ranks before b. During the pass a hit's rank holds its score
 * (bm25 is minus the score, set at the end): the higher score first, then
 * the lower rowid, the order of "ORDER BY rank, rowid". */
static bool
ranks_before(const struct db_ranked *a, const struct db_ranked *b)
{
	return a->rank > b->rank || (a->rank == b->rank && a->row < b->row);
}

static void
heap_down(struct db_ranked *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, worst = i;
		if (l < n && ranks_before(&h[worst], &h[l]))
			worst = l;
		if (r < n && ranks_before(&h[worst], &h[r]))
			worst = r;
		if (worst == i)
			return;
		struct db_ranked t = h[i];
		h[i] = h[worst];
		h[worst] = t;
		i = worst;
	}
}

static void
keep(struct rank_pass *p, struct db_ranked hit)
{
	if (p->n < p->want) {
		if (p->n == p->cap) {
			p->cap = p->cap ? 2 * p->cap : 64;
			p->best = xrealloc(p->best, p->cap * sizeof *p->best);
		}
		size_t i = p->n++;
		while (i > 0 && ranks_before(&p->best[(i - 1) / 2], &hit)) {
			p->best[i] = p->best[(i - 1) / 2];
			i = (i - 1) / 2;
		}
		p->best[i] = hit;
	} else if (p->want > 0 && ranks_before(&hit, &p->best[0])) {
		p->best[0] = hit;
		heap_down(p->best, p->n, 0);
	}
}

/* bedside_rank_pass(search, PASS): called on every row the MATCH gives,
 * it ranks those of the pass's level and keeps the best; its value is
 * always 0, so the statement returns no row. */
static void
rank_pass_row(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
    int argc, sqlite3_value **argv)
{
	struct db *db = api->xUserData(fts);
	struct rank_pass *p = argc == 1 ?
	    sqlite3_value_pointer(argv[0], "bedside_rank_pass") : NULL;

	if (p == NULL) {
		sqlite3_result_error(ctx, "bedside_rank_pass: not in a search", -1);
		return;
	}
	sqlite3_result_int(ctx, 0);
	p->matched++;
	sqlite3_int64 row = api->xRowid(fts);
	if (row % DB_LEVEL_ROWS != p->place)
		return;
	if (p->q == NULL && (p->q = bm25_query(api, fts, p)) == NULL) {
		sqlite3_result_error_code(ctx, p->rc);
		return;
	}
	struct db_ranked hit = { .row = row };
	int rc = row_bm25(api, fts, db, p, &hit.rank, &hit.col);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	keep(p, hit);
}

static int
ranked_cmp(const void *a, const void *b)
{
	const struct db_ranked *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

int
db_rank_top(struct db *db, const char *match, int place, const double *weight,
    int ncol, size_t want, struct db_ranked **out, size_t *n)
{
	struct rank_pass p = {
		.place = place, .weight = weight, .ncol = ncol, .want = want,
		.one_phrase = strchr(match, ' ') == NULL, .rc = SQLITE_ERROR,
	};
	*out = NULL;
	*n = 0;
	int r = db_rank_read_lengths(db);
	if (r == 0 && !p.one_phrase)
		r = db_rank_phrase_counts(db, match, &p.counts);
	if (r != 0)
		return r;
	sqlite3_stmt *st = db_stmt(db, STMT_RANK_PASS,
	    "SELECT count(*) FROM search WHERE search MATCH ?1 "
	    "AND bedside_rank_pass(search, ?2)");
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_pointer(st, 2, &p, "bedside_rank_pass", NULL);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW && p.one_phrase && p.q) {
		/* The phrase's IDF, now that its rows are counted; and the
		 * count kept for the next search. */
		double idf = bm25_idf(p.q->nrow, p.matched);
		for (size_t i = 0; i < p.n; i++)
			p.best[i].rank = idf * p.best[i].rank;
		db_phrase_rows_keep(db->lengths, match, strlen(match), p.matched);
	}
	bm25_query_free(p.q);
	if (rc != SQLITE_ROW) {
		free(p.best);
		return rc == SQLITE_INTERRUPT ? DB_STOPPED : -1;
	}
	/* bm25 is minus the score: the lower, the better. */
	for (size_t i = 0; i < p.n; i++)
		p.best[i].rank = -1.0 * p.best[i].rank;
	qsort(p.best, p.n, sizeof *p.best, ranked_cmp);
	*out = p.best;
	*n = p.n;
	return 0;
}

int
db_rank_register(struct db *db, fts5_api *api)
{
	return api->xCreateFunction(api, "bedside_rank_pass", db, rank_pass_row, NULL);
}
