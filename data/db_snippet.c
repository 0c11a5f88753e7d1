/* db_snippet.c: the snippet of a search hit, made from its row's text.
 *
 * FTS5's snippet() needs the query's cursor on the row: for the few hits
 * a screen shows, that is the whole query run again over the rowids
 * between them, which for a common word or a short prefix is a pass over
 * most of its posting list (milliseconds at 100,000 articles, on every
 * key typed). The row's text is all a snippet needs: it is read here by
 * rowid, cut into tokens by the index's own tokenizer, and the query's
 * phrases are found in the tokens, which gives the instances FTS5 would
 * have read from its position lists. From there on this is snippet()'s
 * own algorithm, step for step (SQLite's fts5_aux.c: each instance scored
 * by the phrases in the 14 tokens around it, a bonus for starting a
 * sentence, highlights over coalesced instances), so the text is the
 * same (tests/unit/test_db_search.c compares the two), but for two
 * things: the window is in the column of the hit's pane, where snippet()
 * looks in all of them (row_snippet()), and it never cuts a number,
 * which the tokenizer splits at its point ("…5 mL/kg" of "0.5 mL/kg" is
 * a dose ten times over). */
#include "config.h"
#include "db_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define SNIPPET_TOKENS 14
#define SNIPPET_COLUMNS 5       /* title, answer, key points, research, refs */
#define MAX_TOKEN 32768         /* FTS5 cuts longer tokens here (fts5Int.h) */

/* The tokenizer the search table was made with (schema.sql). */
struct db_tokenizer {
	fts5_tokenizer api;
	Fts5Tokenizer *tok;
};

/* A phrase of the query: its tokens, folded by the tokenizer, one after
 * another in arena; the last one a prefix if the phrase is. */
struct phrase {
	size_t first;           /* its first token in the query's token list */
	int ntok;
	bool prefix;
	size_t group, alt;      /* query_phrases() */
};

struct snip_query {
	struct phrase phrase[PHRASES_MAX];
	int nphrase;
	struct buf arena;
	size_t *off, *len;      /* each token's place in arena */
	size_t ntok, cap;
};

/* A column of the row, cut into tokens. */
struct snip_token {
	int start, end;         /* bytes in the text */
	size_t off, len;        /* the folded token, in the column's arena */
};

struct snip_column {
	const char *text;
	int ntext;
	struct snip_token *tok;
	size_t ntok, cap;
	struct buf arena;
	int *first;             /* positions that start a sentence */
	size_t nfirst, capfirst;
};

/* An instance: where a phrase matched (FTS5's xInst). */
struct snip_inst {
	int phrase, col, off;
};

static struct db_tokenizer *
tokenizer(struct db *db)
{
	if (db->tokenizer)
		return db->tokenizer;
	struct db_tokenizer *t = xcalloc(1, sizeof *t);
	if (db_tokenizer_open(db->h, &t->api, &t->tok) != 0) {
		free(t);
		return NULL;
	}
	return db->tokenizer = t;
}

void
db_snippet_finalize(struct db *db)
{
	if (db->tokenizer) {
		db->tokenizer->api.xDelete(db->tokenizer->tok);
		free(db->tokenizer);
		db->tokenizer = NULL;
	}
}

static int
query_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	struct snip_query *q = ctx;
	(void)start, (void)end;
	if ((tflags & FTS5_TOKEN_COLOCATED) || ntok <= 0)
		return SQLITE_OK;
	if (q->ntok == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->off = xrealloc(q->off, q->cap * sizeof *q->off);
		q->len = xrealloc(q->len, q->cap * sizeof *q->len);
	}
	q->off[q->ntok] = q->arena.len;
	q->len[q->ntok++] = (size_t)(ntok > MAX_TOKEN ? MAX_TOKEN : ntok);
	buf_add(&q->arena, tok, (size_t)(ntok > MAX_TOKEN ? MAX_TOKEN : ntok));
	return SQLITE_OK;
}

static int
count_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	(void)tflags, (void)tok, (void)start, (void)end;
	*(int *)ctx += ntok > 0;
	return SQLITE_OK;
}

bool
db_has_token(struct db *db, const char *text, size_t n)
{
	struct db_tokenizer *t = tokenizer(db);
	int ntok = 0;
	if (t == NULL || n > INT_MAX || t->api.xTokenize(t->tok, &ntok, FTS5_TOKENIZE_QUERY,
	    text, (int)n, count_token) != SQLITE_OK)
		return true;
	return ntok > 0;
}

static void
query_free(struct snip_query *q)
{
	buf_free(&q->arena);
	free(q->off);
	free(q->len);
}

/* The phrases of a MATCH text built by query_build(), cut into tokens. */
static int
query_parse(struct db_tokenizer *t, const char *match, struct snip_query *q)
{
	struct query_phrase words[PHRASES_MAX];
	size_t n = query_phrases(match, words, PHRASES_MAX);
	memset(q, 0, sizeof *q);
	for (size_t i = 0; i < n; i++) {
		struct phrase *ph = &q->phrase[q->nphrase++];
		ph->first = q->ntok;
		if (t->api.xTokenize(t->tok, q, FTS5_TOKENIZE_QUERY, words[i].word,
		    (int)words[i].wlen, query_token) != SQLITE_OK)
			return -1;
		ph->ntok = (int)(q->ntok - ph->first);
		ph->prefix = words[i].prefix;
		ph->group = words[i].group;
		ph->alt = words[i].alt;
	}
	return 0;
}

static int
column_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	struct snip_column *c = ctx;
	if (tflags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	/* A sentence starts at the first token and at one that follows
	 * white space after a '.' or ':' (fts5SentenceFinderCb). */
	bool first = c->ntok == 0;
	if (!first) {
		int i = start - 1;
		char ch = 0;
		for (; i >= 0; i--) {
			ch = c->text[i];
			if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
				break;
		}
		first = i != start - 1 && (ch == '.' || ch == ':');
	}
	if (first) {
		if (c->nfirst == c->capfirst) {
			c->capfirst = c->capfirst ? c->capfirst * 2 : 16;
			c->first = xrealloc(c->first, c->capfirst * sizeof *c->first);
		}
		c->first[c->nfirst++] = (int)c->ntok;
	}
	if (c->ntok == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->tok = xrealloc(c->tok, c->cap * sizeof *c->tok);
	}
	size_t n = ntok <= 0 ? 0 : (size_t)(ntok > MAX_TOKEN ? MAX_TOKEN : ntok);
	c->tok[c->ntok++] = (struct snip_token){ start, end, c->arena.len, n };
	buf_add(&c->arena, tok, n);
	return SQLITE_OK;
}

/* Whether phrase ph of q matches column c at token pos. */
static bool
phrase_at(const struct snip_query *q, const struct phrase *ph,
    const struct snip_column *c, size_t pos)
{
	if (ph->ntok == 0 || pos + (size_t)ph->ntok > c->ntok)
		return false;
	for (int k = 0; k < ph->ntok; k++) {
		const struct snip_token *t = &c->tok[pos + (size_t)k];
		size_t qlen = q->len[ph->first + (size_t)k];
		const char *qtok = q->arena.data + q->off[ph->first + (size_t)k];
		bool last_prefix = ph->prefix && k == ph->ntok - 1;
		if (last_prefix ? t->len < qlen : t->len != qlen)
			return false;
		if (memcmp(c->arena.data + t->off, qtok, qlen) != 0)
			return false;
	}
	return true;
}

/* fts5SnippetScore: the score of the window of n tokens from pos in
 * column col, and where the window would best start to centre its
 * instances. */
static int
window_score(const struct snip_inst *inst, size_t ninst, const struct snip_query *q,
    unsigned char *seen, int col, int pos, int ncolsize, int *adj)
{
	int score = 0, first = -1, last = 0;
	long long end = (long long)pos + SNIPPET_TOKENS;
	memset(seen, 0, (size_t)q->nphrase);
	for (size_t i = 0; i < ninst; i++) {
		const struct snip_inst *in = &inst[i];
		if (in->col != col || in->off < pos || in->off >= end)
			continue;
		score += seen[in->phrase] ? 1 : 1000;
		seen[in->phrase] = 1;
		if (first < 0)
			first = in->off;
		last = in->off + q->phrase[in->phrase].ntok;
	}
	if (adj) {
		long long a = first - (SNIPPET_TOKENS - (last - first)) / 2;
		if (a + SNIPPET_TOKENS > ncolsize)
			a = ncolsize - SNIPPET_TOKENS;
		*adj = a < 0 ? 0 : (int)a;
	}
	return score;
}

/* Coalesced instances of one column (fts5CInstIterNext): runs of
 * overlapping instances, as first and last token. */
struct cinst {
	const struct snip_inst *inst;
	size_t ninst, next;
	const struct snip_query *q;
	int col;
	int start, end;
};

static void
cinst_next(struct cinst *it)
{
	it->start = it->end = -1;
	for (; it->next < it->ninst; it->next++) {
		const struct snip_inst *in = &it->inst[it->next];
		if (in->col != it->col)
			continue;
		int end = in->off - 1 + it->q->phrase[in->phrase].ntok;
		if (it->start < 0) {
			it->start = in->off;
			it->end = end;
		} else if (in->off <= it->end) {
			if (end > it->end)
				it->end = end;
		} else {
			break;
		}
	}
}

/* Whether tokens i and i + 1 of a column are parts of one number, as
 * written: digits either side of one of ".,:-^/" ("0.5", "25.7", "1:1000",
 * "88-92", "10^9"). */
static bool
one_number(const struct snip_column *c, size_t i)
{
	const struct snip_token *a = &c->tok[i], *b = &c->tok[i + 1];
	if (a->end <= 0 || b->start != a->end + 1 || b->start >= c->ntext)
		return false;
	char before = c->text[a->end - 1], mid = c->text[a->end], after = c->text[b->start];
	return before >= '0' && before <= '9' && after >= '0' && after <= '9' &&
	    strchr(".,:-^/", mid) != NULL;
}

/* fts5HighlightCb over the window [from, to] of a column, then the
 * closing ellipsis. As in snippet(), an instance that starts before the
 * window is not marked, even where it runs into it. */
static void
highlight(struct buf *out, const struct snip_column *c, struct cinst *it, int from,
    int to)
{
	int off = 0;
	char on[2] = { DB_MARK_ON, 0 }, off_mark[2] = { DB_MARK_OFF, 0 };

	if (from > 0)
		buf_adds(out, "…");
	while (it->start >= 0 && it->start < from)
		cinst_next(it);
	for (size_t i = 0; i < c->ntok; i++) {
		int pos = (int)i, s = c->tok[i].start, e = c->tok[i].end;
		if (pos < from || pos > to)
			continue;
		if (from && pos == from)
			off = s;
		if (pos == it->start) {
			buf_add(out, c->text + off, (size_t)(s - off));
			buf_adds(out, on);
			off = s;
		}
		if (pos == it->end) {
			buf_add(out, c->text + off, (size_t)(e - off));
			buf_adds(out, off_mark);
			off = e;
			cinst_next(it);
		}
		if (pos == to) {
			buf_add(out, c->text + off, (size_t)(e - off));
			off = e;
			if (pos >= it->start && pos < it->end)
				buf_adds(out, off_mark);
		}
	}
	if (to >= (int)c->ntok - 1)
		buf_add(out, c->text + off, (size_t)(c->ntext - off));
	else
		buf_adds(out, "…");
}

static void
column_free(struct snip_column *c)
{
	free(c->tok);
	free(c->first);
	buf_free(&c->arena);
}

/* FTS5 reports a phrase of a group's alternative ("sglt" AND "2" of
 * ("sglt" AND "2" OR "sglt2")) only in a row where the whole alternative
 * matches: the instances of an alternative with a phrase the row lacks
 * are dropped. Returns the instances left. */
static size_t
matching_alternatives(const struct snip_query *q, struct snip_inst *inst, size_t ninst)
{
	bool present[PHRASES_MAX] = { false }, drop[PHRASES_MAX] = { false };
	bool any = false;
	for (size_t i = 0; i < ninst; i++)
		present[inst[i].phrase] = true;
	for (int p = 0; p < q->nphrase; p++)
		for (int o = 0; o < q->nphrase && !drop[p]; o++)
			if (q->phrase[o].group == q->phrase[p].group &&
			    q->phrase[o].alt == q->phrase[p].alt && !present[o])
				any = drop[p] = true;
	if (!any)
		return ninst;
	size_t k = 0;
	for (size_t i = 0; i < ninst; i++)
		if (!drop[inst[i].phrase])
			inst[k++] = inst[i];
	return k;
}

/* The best window of column c (fts5SnippetFunction), its score and into
 * *start its first token: around each instance, and from the start of
 * its sentence with a bonus. */
static int
best_window(const struct snip_inst *inst, size_t ninst, const struct snip_query *q,
    unsigned char *seen, const struct snip_column *col, int c, int *start)
{
	int size = (int)col->ntok, best = 0;
	*start = 0;
	for (size_t i = 0; i < ninst; i++) {
		if (inst[i].col != c)
			continue;
		int io = inst[i].off, adj;
		int score = window_score(inst, ninst, q, seen, c, io, size, &adj);
		if (score > best) {
			best = score;
			*start = adj;
		}
		if (col->nfirst && size > SNIPPET_TOKENS) {
			size_t j = 0;
			while (j + 1 < col->nfirst && col->first[j + 1] <= io)
				j++;
			if (col->first[j] < io) {
				int s = col->first[j];
				score = window_score(inst, ninst, q, seen, c, s, size,
				    NULL) + (s == 0 ? 120 : 100);
				if (score > best) {
					best = score;
					*start = s;
				}
			}
		}
	}
	return best;
}

/* The snippet of one row, from its columns' texts; *from is the column
 * it was cut from, -1 if no words of the query were found. */
static char *
row_snippet(struct db_tokenizer *t, const struct snip_query *q,
    const char *const text[SNIPPET_COLUMNS], const int ntext[SNIPPET_COLUMNS],
    int *from)
{
	struct snip_column col[SNIPPET_COLUMNS];
	struct snip_inst *inst = NULL;
	size_t ninst = 0, cap = 0;
	unsigned char seen[PHRASES_MAX];
	int best_col = 0, best_start = 0, best_score = 0;
	struct buf out = BUF_INIT;

	*from = -1;
	memset(col, 0, sizeof col);
	for (int c = 0; c < SNIPPET_COLUMNS; c++) {
		col[c].text = text[c] ? text[c] : "";
		col[c].ntext = text[c] ? ntext[c] : 0;
		if (col[c].ntext > 0 && t->api.xTokenize(t->tok, &col[c],
		    FTS5_TOKENIZE_DOCUMENT, col[c].text, col[c].ntext,
		    column_token) != SQLITE_OK)
			goto out;
		/* Instances in FTS5's order: by column, token, then phrase. */
		for (size_t pos = 0; pos < col[c].ntok; pos++)
			for (int p = 0; p < q->nphrase; p++) {
				if (!phrase_at(q, &q->phrase[p], &col[c], pos))
					continue;
				if (ninst == cap) {
					cap = cap ? cap * 2 : 32;
					inst = xrealloc(inst, cap * sizeof *inst);
				}
				inst[ninst++] = (struct snip_inst){ p, c, (int)pos };
			}
	}
	ninst = matching_alternatives(q, inst, ninst);
	/* The column is the one the hit's pane is (db_rank_best_column),
	 * where snippet() would take the best window of any column: one in
	 * the references, which repeat the title's words in every citation
	 * and start sentences often, would win over the answer. */
	double weighed[SNIPPET_COLUMNS] = { 0 };
	for (size_t i = 0; i < ninst; i++)
		weighed[inst[i].col] += db_col_weight[inst[i].col];
	best_col = db_rank_best_column(weighed, SNIPPET_COLUMNS);
	best_score = best_window(inst, ninst, q, seen, &col[best_col], best_col,
	    &best_start);
	/* The window widened to whole numbers at either end. */
	int best_end = best_start + SNIPPET_TOKENS - 1;
	while (best_start > 0 && one_number(&col[best_col], (size_t)best_start - 1))
		best_start--;
	while (best_end + 1 < (int)col[best_col].ntok &&
	    one_number(&col[best_col], (size_t)best_end))
		best_end++;
	struct cinst it = { inst, ninst, 0, q, best_col, -1, -1 };
	cinst_next(&it);
	highlight(&out, &col[best_col], &it, best_start, best_end);
	if (best_score > 0)
		*from = best_col;
out:
	for (int c = 0; c < SNIPPET_COLUMNS; c++)
		column_free(&col[c]);
	free(inst);
	return buf_detach(&out);
}

int
db_snippets_make(struct db *db, const char *match, struct db_hit *hits,
    size_t from, size_t to)
{
	struct db_tokenizer *t = tokenizer(db);
	struct snip_query q;
	int rc = 0;

	if (t == NULL || query_parse(t, match, &q) != 0) {
		if (t)
			query_free(&q);
		return -1;
	}
	sqlite3_stmt *st = db_stmt(db, STMT_SNIPPET_ROW,
	    "SELECT title, answer, key_points, research, refs FROM search "
	    "WHERE rowid = ?1");
	if (st == NULL)
		rc = -1;
	for (size_t i = from; i < to && rc == 0; i++) {
		if (hits[i].snippet)
			continue;
		if (db->stop && db->stop(db->stop_arg)) {
			rc = DB_STOPPED;
			break;
		}
		sqlite3_bind_int64(st, 1, hits[i].row);
		int r = sqlite3_step(st);
		if (r == SQLITE_ROW) {
			const char *text[SNIPPET_COLUMNS];
			int ntext[SNIPPET_COLUMNS];
			for (int c = 0; c < SNIPPET_COLUMNS; c++) {
				text[c] = (const char *)sqlite3_column_text(st, c);
				ntext[c] = sqlite3_column_bytes(st, c);
			}
			int from_col;
			hits[i].snippet = row_snippet(t, &q, text, ntext, &from_col);
			if (from_col > 0)
				hits[i].pane = db_column_pane(from_col);
		} else if (r == SQLITE_DONE) {
			/* A row gone since the search (it cannot be, on
			 * one connection) gets an empty snippet. */
			hits[i].snippet = xstrdup("");
		} else {
			rc = r == SQLITE_INTERRUPT ? DB_STOPPED : -1;
		}
		sqlite3_reset(st);
	}
	query_free(&q);
	return rc;
}
