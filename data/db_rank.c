/* db_rank.c: search ranked by bm25 in one pass that keeps only the best
 * rows.
 *
 * The rank pass, db_rank_top(), is an auxiliary function called on every
 * row the MATCH gives: it works out bm25 term by term and keeps the best
 * rows in a heap, where "ORDER BY rank LIMIT n" would have SQLite carry
 * every row to a sorter. Each row's length and each term's row count come
 * from db_lengths.c when it keeps them, else from FTS5.
 *
 * Its terms are the query's words. A word alone is a phrase, scored as
 * FTS5's bm25() scores it: the same formula, weights and IDF, so the same
 * value to the bit (tests/unit/test_db.c). A word the index also has in
 * another spelling is a group, ("anemia" OR "anaemia"), and FTS5 would
 * score each spelling as a term of its own: the rarer spelling, with the
 * higher IDF, would outrank the articles' own, and a search for either
 * spelling would rank otherwise. The pass scores the group as one term,
 * as if the index had one spelling: its IDF from the rows that hold any
 * of them, its frequency in a row the sum of theirs. Two words joined,
 * ("sglt" AND "2" OR "sglt2"), are one term too, the two words counting
 * as many times as the fewer of their matches in the row (each weighed
 * by its column), so that "sglt 2" ranks as "sglt2" where the articles
 * write only "sglt2" (tests/unit/test_rank.c).
 *
 * A query of one term needs no count first: its IDF multiplies every
 * score alike, so the pass ranks without it, counts the rows as it goes,
 * and applies it at the end. And while a query is typed, the rows of the
 * words before the last are kept from key to key ("typing", below). */
#include "config.h"
#include "db_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* --- ranking in one pass ------------------------------------------------- */

/* What bm25 works out once per query: each term's IDF, the average row
 * length, and which term each of FTS5's phrases belongs to. */
struct bm25_query {
	int nphrase, nterm;
	sqlite3_int64 nrow;
	double avgdl;
	int *term, *span;       /* per phrase: see struct rank_terms */
	double *idf;            /* per term */
	/* Per row, reused: each phrase's frequency, and each term's (the
	 * same array where every term is one phrase). */
	double *pfreq, *freq;
	bool grouped;           /* the terms are the groups counted */
};

/* The rows holding every term but the last of a query, at one level,
 * with the part of their bm25 those terms make and their matches per
 * column (see "Typing", below). */
#define BASE_COLUMNS 5
#define BASE_ROWS_MAX 8192       /* 56 bytes a row: under half a megabyte */

struct base_row {
	sqlite3_int64 row;
	double part;
	double colscore[BASE_COLUMNS];
};

struct rank_base {
	char *match;            /* the terms' MATCH text */
	int place;
	bool unusable;          /* more rows than kept, or phrases FTS5 split otherwise */
	struct base_row *v;
	size_t n, cap;
};

/* A row of the last term that holds the others too: the part of its
 * bm25 they make, the last term before its IDF, and its best column. */
struct candidate {
	sqlite3_int64 row;
	double part, tf;
	int col;
};

enum pass_mode {
	PASS_TOP,               /* rank the query, keep the best (and the base) */
	PASS_LAST,              /* the last term alone, against a base */
};

/* The search, as the pass goes: the best rows so far in a heap with the
 * worst of them on top, and every row the MATCH gave. */
struct rank_pass {
	enum pass_mode mode;
	int place;              /* the level's rows: rowid % DB_LEVEL_ROWS */
	const double *weight;   /* per column */
	int ncol;
	size_t want;
	struct db_ranked *best;
	size_t n, cap;
	sqlite3_int64 matched;
	/* One term: its IDF multiplies every score alike, so the pass
	 * ranks without it and counts the term's rows as it goes (they
	 * are the rows the MATCH gives), instead of a pass of its own. */
	bool one_term;
	struct rank_terms terms;        /* counted < 0: FTS5's bm25() */
	struct bm25_query *q;
	int rc;
	struct rank_base *base;         /* PASS_TOP fills it, PASS_LAST reads it */
	size_t next;                    /* PASS_LAST: the base row to look at next */
	struct candidate *cand;
	size_t ncand, capcand;
	bool split_otherwise;           /* FTS5's phrases are not the ones counted */
	bool by_groups;                 /* db_rank_closest: the groups a row has first */
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
	if (q) {
		free(q->idf);
		free(q->term);
	}
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
	const struct rank_terms *t = &p->terms;
	q->nphrase = api->xPhraseCount(fts);
	size_t np = (size_t)(q->nphrase > 0 ? q->nphrase : 1);
	q->idf = xcalloc(np * 3, sizeof *q->idf);
	q->pfreq = q->idf + np;
	q->term = xcalloc(np * 2, sizeof *q->term);
	q->span = q->term + np;
	int rc = api->xRowCount(fts, &q->nrow);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &ntoken);
	if (rc == SQLITE_OK)
		q->avgdl = q->nrow > 0 ? (double)ntoken / (double)q->nrow : 1.0;
	/* The terms are the groups as they were counted, if FTS5 parsed the
	 * text into the phrases they were read from. Else, or if a count
	 * failed, each phrase is a term, counted by FTS5, as in its bm25(). */
	q->grouped = t->nphrase == q->nphrase &&
	    (p->one_term ? t->nterm == 1 : t->counted == t->nterm);
	if (!q->grouped)
		p->one_term = false;
	q->nterm = q->grouped ? t->nterm : q->nphrase;
	for (int i = 0; i < q->nphrase; i++) {
		q->term[i] = q->grouped ? t->term[i] : i;
		q->span[i] = q->grouped ? t->span[i] : 1;
	}
	q->freq = q->nterm == q->nphrase ? q->pfreq : q->pfreq + np;
	for (int i = 0; rc == SQLITE_OK && i < q->nterm; i++) {
		sqlite3_int64 nhit = 0;
		if (p->one_term) {
			q->idf[i] = 1.0;
			continue;
		}
		if (q->grouped)
			nhit = t->rows[i];
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
 * weightiest column with a match, the columns being in the order of
 * their weights (schema.sql), other than the first (the title, which
 * every pane shows), or the first if it alone matched. Not the column
 * with the most matches: the references repeat the words of the title
 * in every citation ("bronchiolitis" five times), and the reader wants
 * the answer that has the word once. */
int
db_rank_best_column(const double *score, int ncol)
{
	for (int c = 1; c < ncol; c++)
		if (score[c] > 0)
			return c;
	return 0;
}

#define COLUMNS_MAX 16

/* bm25's term for one term before its IDF (FTS5's formula, operation
 * for operation, so that the sum comes out the same to the bit). */
static double
bm25_tf(double freq, double d, double avgdl)
{
	const double k1 = 1.2, b = 0.75;
	return (freq * (k1 + 1.0)) / (freq + k1 * (1 - b + b * d / avgdl));
}

/* The row's matches: into q->freq each term's, weighed by column, and
 * into colscore each column's; and the row's length. Each phrase's are
 * added up first, as bm25() does, then a group's phrases are added, and
 * two joined words add the fewer of their matches. The weights are whole
 * numbers, so the sums are exact in any order: a group's is the one word
 * would have. */
static int
row_matches(const Fts5ExtensionApi *api, Fts5Context *fts, struct db *db,
    const struct rank_pass *p, double *colscore, double *d)
{
	struct bm25_query *q = p->q;
	int ninst = 0;

	memset(q->pfreq, 0, (size_t)q->nphrase * sizeof *q->pfreq);
	int rc = api->xInstCount(fts, &ninst);
	for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
		int phrase, c, off;
		rc = api->xInst(fts, i, &phrase, &c, &off);
		if (rc != SQLITE_OK || c < 0)
			continue;
		double w = c < p->ncol ? p->weight[c] : 1.0;
		if (phrase >= 0 && phrase < q->nphrase)
			q->pfreq[phrase] += w;
		if (c < COLUMNS_MAX)
			colscore[c] += w;
	}
	if (q->freq != q->pfreq) {
		memset(q->freq, 0, (size_t)q->nterm * sizeof *q->freq);
		for (int i = 0; i < q->nphrase; i++) {
			double f = q->pfreq[i];
			for (int k = 1; k < q->span[i] && i + k < q->nphrase; k++)
				if (q->pfreq[i + k] < f)
					f = q->pfreq[i + k];
			if (q->span[i] > 0)
				q->freq[q->term[i]] += f;
		}
	}
	uint32_t len;
	if (rc == SQLITE_OK && db_lengths_get(db->lengths, api->xRowid(fts), &len)) {
		*d = (double)len;
	} else if (rc == SQLITE_OK) {
		int ntok = 0;
		rc = api->xColumnSize(fts, -1, &ntok);
		*d = (double)ntok;
	}
	return rc;
}

/* bm25 of the row under the cursor, with q's IDFs, its matches weighed
 * per column (colscore, zeroed by the caller) and its best column. */
static int
row_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, struct db *db,
    struct rank_pass *p, double *score, int *col, double *colscore)
{
	struct bm25_query *q = p->q;
	double d = 0;
	int rc = row_matches(api, fts, db, p, colscore, &d);
	*score = 0.0;
	for (int i = 0; rc == SQLITE_OK && i < q->nterm; i++)
		*score += q->idf[i] * bm25_tf(q->freq[i], d, q->avgdl);
	*col = db_rank_best_column(colscore, p->ncol < COLUMNS_MAX ? p->ncol : COLUMNS_MAX);
	return rc;
}

/* Whether a ranks before b. During the pass a hit's rank holds its score
 * (bm25 is minus the score, set at the end): the higher score first, then
 * the lower rowid, the order of "ORDER BY rank, rowid". */
static bool
ranks_before(const struct db_ranked *a, const struct db_ranked *b)
{
	if (a->have != b->have)
		return a->have > b->have;
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

/* --- typing: the words before the last ---------------------------------- */

/* Typing changes only the last word. The query whole costs a pass over
 * the last term's posting lists to count its rows (its IDF) and another
 * for the AND of it with the others. Instead, the rows that hold every
 * other term (at the level searched, usually a few hundred) are kept,
 * each with the part of its bm25 those terms make, and each key takes
 * one pass over the last term alone, a word or a group of its spellings:
 * it counts the rows as it goes (the group's rows: its IDF) and finds the
 * kept rows among them, in rowid order. A row's bm25 is then its part
 * plus the last term's, summed in the order of the query whole, so the
 * same to the bit. The base of one word comes free: its pass, when it is
 * typed whole (a space after it), keeps its rows as it ranks them; the
 * base of several is made by a pass of their own, once. Words in too
 * many rows to keep, or a word FTS5 might split into other phrases (one
 * with no letter or digit of ASCII), take the query whole. */

/* Whether FTS5 parsed the pass's MATCH into the phrases counted: as many,
 * none of them empty. */
static bool
phrases_as_counted(const Fts5ExtensionApi *api, Fts5Context *fts, int want)
{
	if (api->xPhraseCount(fts) != want)
		return false;
	for (int i = 0; i < want; i++)
		if (api->xPhraseSize(fts, i) <= 0)
			return false;
	return true;
}

static void
base_add(struct rank_base *b, sqlite3_int64 row, double part, const double *colscore)
{
	if (b->unusable)
		return;
	if (b->n == BASE_ROWS_MAX) {
		/* Too common to keep: the rows go, the verdict stays. */
		b->unusable = true;
		free(b->v);
		b->v = NULL;
		b->n = b->cap = 0;
		return;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 256;
		b->v = xrealloc(b->v, b->cap * sizeof *b->v);
	}
	struct base_row *r = &b->v[b->n++];
	r->row = row;
	r->part = part;
	memcpy(r->colscore, colscore, sizeof r->colscore);
}

static int
last_row(const Fts5ExtensionApi *api, Fts5Context *fts, struct db *db,
    struct rank_pass *p, sqlite3_int64 row)
{
	const struct rank_base *b = p->base;
	while (p->next < b->n && b->v[p->next].row < row)
		p->next++;
	if (p->next == b->n || b->v[p->next].row != row)
		return SQLITE_OK;
	const struct base_row *r = &b->v[p->next];
	double colscore[COLUMNS_MAX] = { 0 }, d = 0;
	int rc = row_matches(api, fts, db, p, colscore, &d);
	if (rc != SQLITE_OK)
		return rc;
	for (int c = 0; c < BASE_COLUMNS; c++)
		colscore[c] += r->colscore[c];
	if (p->ncand == p->capcand) {
		p->capcand = p->capcand ? 2 * p->capcand : 64;
		p->cand = xrealloc(p->cand, p->capcand * sizeof *p->cand);
	}
	p->cand[p->ncand++] = (struct candidate){
		row, r->part, bm25_tf(p->q->freq[0], d, p->q->avgdl),
		db_rank_best_column(colscore, p->ncol),
	};
	return SQLITE_OK;
}

/* The groups the row under the cursor has, from its phrases' matches
 * (row_matches()): a group is there if all the phrases of one of its
 * alternatives are ("sglt" and "2", or "sglt2"). */
static uint32_t
row_groups(const struct rank_pass *p)
{
	const struct bm25_query *q = p->q;
	const struct rank_terms *t = &p->terms;
	uint32_t groups = 0;
	if (t->nphrase != q->nphrase)
		return 0;
	for (int i = 0; i < q->nphrase; i++) {
		bool all = t->span[i] > 0 && t->term[i] < t->ngroup && t->term[i] < 32;
		for (int k = 0; all && k < t->span[i] && i + k < q->nphrase; k++)
			all = q->pfreq[i + k] > 0;
		if (all)
			groups |= (uint32_t)1 << t->term[i];
	}
	return groups;
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
	if (p->q == NULL) {
		if ((p->q = bm25_query(api, fts, p)) == NULL) {
			sqlite3_result_error_code(ctx, p->rc);
			return;
		}
		if (p->base && (!p->q->grouped ||
		    !phrases_as_counted(api, fts, p->terms.nphrase))) {
			p->split_otherwise = true;
			p->base->unusable = true;
		}
	}
	int rc = SQLITE_OK;
	if (p->mode == PASS_TOP) {
		struct db_ranked hit = { .row = row };
		double colscore[COLUMNS_MAX] = { 0 };
		rc = row_bm25(api, fts, db, p, &hit.rank, &hit.col, colscore);
		if (rc == SQLITE_OK && p->by_groups) {
			hit.groups = row_groups(p);
			for (uint32_t g = hit.groups; g; g &= g - 1)
				hit.have++;
		}
		if (rc == SQLITE_OK)
			keep(p, hit);
		if (rc == SQLITE_OK && p->base)
			base_add(p->base, row, hit.rank, colscore);
	} else if (!p->split_otherwise) {
		rc = last_row(api, fts, db, p, row);
	}
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
}

static int
ranked_cmp(const void *a, const void *b)
{
	const struct db_ranked *x = a, *y = b;
	if (x->have != y->have)
		return x->have > y->have ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* Runs a pass over a MATCH text; SQLITE_ROW if it ran to the end. */
static int
run_pass(struct db *db, const char *match, struct rank_pass *p)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RANK_PASS,
	    "SELECT count(*) FROM search WHERE search MATCH ?1 "
	    "AND bedside_rank_pass(search, ?2)");
	if (st == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_pointer(st, 2, p, "bedside_rank_pass", NULL);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc;
}

static int
pass_failed(int rc)
{
	return rc == SQLITE_INTERRUPT ? DB_STOPPED : -1;
}

/* Whether every phrase has a letter or digit of ASCII, so that FTS5's
 * unicode61 makes at least one token of it. */
static bool
phrases_have_tokens(const struct query_phrase *ph, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (k < ph[i].wlen &&
		    !text_ascii_alnum((unsigned char)ph[i].word[k]))
			k++;
		if (k == ph[i].wlen)
			return false;
	}
	return true;
}

/* Whether the base serves a query better than the query whole: when its
 * last word is a prefix of 3 bytes or more (3 letters, in ASCII). FTS5
 * has no index for those (prefix='2'): it merges the posting lists of
 * every word with that prefix, and the query whole does that twice, to
 * count and for the AND; the base does it once. For a whole word or a
 * shorter prefix, read straight from the index, the pass over the last
 * term costs more than the AND it saves: it calls the ranking function
 * on every row of the term, some hundreds of instructions a row where
 * counting costs less. */
static bool
base_pays(const struct query_phrase *last)
{
	return last->prefix && last->wlen >= 3;
}

void
db_rank_base_free(struct db *db)
{
	if (db->rank_base) {
		free(db->rank_base->match);
		free(db->rank_base->v);
		free(db->rank_base);
		db->rank_base = NULL;
	}
}

/* The base for the terms before the last of match: kept from the last
 * search if it was for them, else made now. Returns 0 (*out NULL if it
 * cannot be used for this query), DB_STOPPED or -1. */
static int
base_for(struct db *db, const char *match, size_t len, int place,
    const double *weight, int ncol, struct rank_base **out)
{
	struct rank_base *b = db->rank_base;
	*out = NULL;
	if (b == NULL || b->place != place || strlen(b->match) != len ||
	    memcmp(b->match, match, len) != 0) {
		db_rank_base_free(db);
		b = xcalloc(1, sizeof *b);
		b->match = xstrndup(match, len);
		b->place = place;
		struct rank_pass p = {
			.mode = PASS_TOP, .place = place, .weight = weight, .ncol = ncol,
			.rc = SQLITE_ERROR, .base = b,
		};
		int r = db_rank_terms(db, b->match, true, &p.terms);
		int rc = r == 0 ? run_pass(db, b->match, &p) : SQLITE_ERROR;
		bm25_query_free(p.q);
		if (r != 0 || rc != SQLITE_ROW) {
			free(b->match);
			free(b->v);
			free(b);
			return r != 0 ? r : pass_failed(rc);
		}
		db->rank_base = b;
	}
	if (!b->unusable)
		*out = b;
	return 0;
}

/* Ranks a query of several terms from the base of the terms before the
 * last and a pass over the last, a word or a group. Returns 0 with
 * the best rows in p->best (or *used false if the base cannot serve),
 * DB_STOPPED or -1. */
static int
rank_from_base(struct db *db, const char *match, const struct query_group *lastg,
    struct rank_pass *p, bool *used)
{
	/* The last group ends the text; the others come before it and the
	 * space or " AND " that joins it to them. */
	const char *last = lastg->text;
	size_t blen = (size_t)(last - match);
	while (blen > 0 && match[blen - 1] == ' ')
		blen--;
	if (blen >= 4 && memcmp(match + blen - 4, " AND", 4) == 0)
		blen -= 4;
	struct rank_base *b;
	*used = false;
	int r = base_for(db, match, blen, p->place, p->weight, p->ncol, &b);
	if (r != 0 || b == NULL)
		return r;
	struct rank_pass lp = {
		.mode = PASS_LAST, .place = p->place, .weight = p->weight, .ncol = p->ncol,
		.one_term = true, .rc = SQLITE_ERROR, .base = b,
	};
	r = db_rank_terms(db, last, false, &lp.terms);
	int rc = r == 0 ? run_pass(db, last, &lp) : SQLITE_ERROR;
	if (rc == SQLITE_ROW && !lp.split_otherwise) {
		*used = true;
		if (lp.q) {
			double idf = bm25_idf(lp.q->nrow, lp.matched);
			for (size_t i = 0; i < lp.ncand; i++) {
				const struct candidate *c = &lp.cand[i];
				keep(p, (struct db_ranked){
				    .row = c->row, .rank = c->part + idf * c->tf,
				    .col = c->col });
			}
		}
		db_term_rows_keep(db->lengths, last, strlen(last), lp.matched);
	}
	bm25_query_free(lp.q);
	free(lp.cand);
	return rc == SQLITE_ROW ? 0 : pass_failed(rc);
}

/* Hands out a pass's best rows, best first. bm25 is minus the score:
 * the lower, the better. */
static void
pass_results(struct rank_pass *p, struct db_ranked **out, size_t *n)
{
	for (size_t i = 0; i < p->n; i++)
		p->best[i].rank = -1.0 * p->best[i].rank;
	if (p->n > 1)
		qsort(p->best, p->n, sizeof *p->best, ranked_cmp);
	*out = p->best;
	*n = p->n;
}

int
db_rank_top(struct db *db, const char *match, int place, const double *weight,
    int ncol, size_t want, struct db_ranked **out, size_t *n)
{
	struct query_phrase ph[PHRASES_MAX];
	size_t nph = query_phrases(match, ph, PHRASES_MAX);
	struct query_group g[PHRASES_MAX];
	size_t ng = query_groups(match, ph, nph, g, PHRASES_MAX);
	struct rank_pass p = {
		.place = place, .weight = weight, .ncol = ncol, .want = want,
		.one_term = ng == 1 && !ph[nph - 1].exact, .rc = SQLITE_ERROR,
	};
	bool done = false;
	*out = NULL;
	*n = 0;
	bool keepable = db->lengths && ncol <= BASE_COLUMNS && phrases_have_tokens(ph, nph);
	int r = db_rank_read_lengths(db);
	if (r == 0 && ng > 1 && keepable && base_pays(&ph[nph - 1]))
		r = rank_from_base(db, match, &g[ng - 1], &p, &done);
	if (r == 0 && !done)
		r = db_rank_terms(db, match, !p.one_term, &p.terms);
	if (r != 0) {
		free(p.best);
		return r;
	}
	/* A whole word typed (a space came after it): its rows are the base
	 * of the next word's keys, kept as the pass goes. */
	if (!done && p.one_term && !ph[nph - 1].prefix && keepable) {
		p.base = xcalloc(1, sizeof *p.base);
		p.base->match = xstrdup(match);
		p.base->place = place;
	}
	if (!done) {
		int rc = run_pass(db, match, &p);
		if (rc == SQLITE_ROW && p.one_term && p.q) {
			/* The term's IDF, now that its rows are counted; and
			 * the count kept for the next search. The base's parts
			 * are bm25's sum of one term: 0.0 + IDF * term. */
			double idf = bm25_idf(p.q->nrow, p.matched);
			for (size_t i = 0; i < p.n; i++)
				p.best[i].rank = idf * p.best[i].rank;
			for (size_t i = 0; p.base && i < p.base->n; i++)
				p.base->v[i].part = 0.0 + idf * p.base->v[i].part;
			db_term_rows_keep(db->lengths, match, strlen(match), p.matched);
		}
		bm25_query_free(p.q);
		if (p.base && rc == SQLITE_ROW && p.one_term) {
			db_rank_base_free(db);
			db->rank_base = p.base;
		} else if (p.base) {
			free(p.base->match);
			free(p.base->v);
			free(p.base);
		}
		if (rc != SQLITE_ROW) {
			free(p.best);
			return pass_failed(rc);
		}
	}
	pass_results(&p, out, n);
	return 0;
}

int
db_rank_closest(struct db *db, const char *match, int place, const double *weight,
    int ncol, size_t want, struct db_ranked **out, size_t *n)
{
	/* One pass over the rows of any of the groups, each ranked by bm25
	 * with every group a term (a row lacking one scores nothing for
	 * it), the rows with more of the groups first. */
	struct rank_pass p = {
		.place = place, .weight = weight, .ncol = ncol, .want = want,
		.rc = SQLITE_ERROR, .by_groups = true,
	};
	*out = NULL;
	*n = 0;
	int r = db_rank_read_lengths(db);
	if (r == 0)
		r = db_rank_terms(db, match, true, &p.terms);
	if (r != 0)
		return r;
	int rc = run_pass(db, match, &p);
	bm25_query_free(p.q);
	if (rc != SQLITE_ROW) {
		free(p.best);
		return pass_failed(rc);
	}
	pass_results(&p, out, n);
	return 0;
}

int
db_rank_register(struct db *db, fts5_api *api)
{
	return api->xCreateFunction(api, "bedside_rank_pass", db, rank_pass_row, NULL);
}
