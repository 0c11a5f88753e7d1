/* db_closest.c: the closest matches of a search with no hit, the
 * articles that have the most of its words (db_closest(), db.h).
 *
 * The words that are not common, joined by OR, give the candidates,
 * ranked by the rank pass in its mode for this (db_rank_closest(),
 * db_rank.c): the rows with more of the words first, then by bm25. A
 * common word ranks no row and finds none, but each row kept is asked
 * whether it has it, so that a match can say which words it lacks. */
#include "config.h"
#include "db_internal.h"
#include "query.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A word in a quarter of the rows or more is common: bm25 gives it an IDF
 * under a sixth of a rare word's, and an article's having it says next to
 * nothing ("what", "the", "is"). In a small index every word is in a good
 * share of the rows, and none is common. */
#define COMMON_SHARE 4
#define COMMON_MIN_ROWS 40
/* The most groups db_rank_closest() tells apart. */
#define CLOSEST_GROUPS 32

static sqlite3_int64
index_rows(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, STMT_INDEX_ROWS,
	    "SELECT count(*) FROM search_docsize");
	sqlite3_int64 rows = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		rows = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return rows;
}

/* Whether a group is a common word: its word as typed, in the spelling
 * vocabulary (a lookup by key; counting its rows in the index would read
 * them all). Two words joined, or a prefix no whole word yet, are not. */
static bool
group_common(struct db *db, const struct query_phrase *ph, const struct query_group *g,
    sqlite3_int64 nrows)
{
	char low[QUERY_MAX_WORD_BYTES];
	const struct query_phrase *first = &ph[g->phrase];
	if (nrows < COMMON_MIN_ROWS || g->nwords != 1 || first->wlen > sizeof low)
		return false;
	for (size_t i = 0; i < first->wlen; i++)
		low[i] = (char)text_ascii_lower((unsigned char)first->word[i]);
	int docs = db_word_docs(db, low, first->wlen);
	return docs > 0 && (sqlite3_int64)docs * COMMON_SHARE >= nrows;
}

/* Whether search row `row` has the group: 1, 0, or DB_STOPPED / -1. */
static int
row_has(struct db *db, const struct query_group *g, sqlite3_int64 row)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ROW_HAS,
	    "SELECT 1 FROM search WHERE search MATCH ?1 AND rowid = ?2");
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, g->text, (int)g->len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, row);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	return rc == SQLITE_INTERRUPT ? DB_STOPPED : -1;
}

/* The words of typed a match lacks (bit i of has clear: group i), a run
 * of neighbours as one string, as typed: text is typed as the search
 * reads it, its words where typed has them. */
static void
lacks_of(const char *typed, const char *text, const struct query_group *g, size_t ng,
    uint32_t has, struct db_closest *c)
{
	size_t from = 0, to = 0;
	bool in_run = false;
	for (size_t i = 0; i <= ng; i++) {
		size_t s1, e1, s2, e2;
		bool lacks = i < ng && !(has & (uint32_t)1 << i) &&
		    query_word_span(text, g[i].word, &s1, &e1) &&
		    query_word_span(text, g[i].word + g[i].nwords - 1, &s2, &e2);
		if (lacks) {
			from = in_run ? from : s1;
			to = e2;
			in_run = true;
		} else if (in_run) {
			c->lacks = xrealloc(c->lacks, (c->nlacks + 1) * sizeof *c->lacks);
			c->lacks[c->nlacks++] = xstrndup(typed + from, to - from);
			in_run = false;
		}
	}
}

/* The groups each of the closest rows has (bit i: group i): the rare
 * ones from the rank pass, the common ones asked of the row. */
static int
closest_groups(struct db *db, const struct query_group *g, size_t ng, const bool *common,
    const size_t *which, size_t nrare, const struct db_ranked *top, size_t ntop,
    uint32_t *has)
{
	for (size_t k = 0; k < ntop; k++) {
		has[k] = 0;
		for (size_t r = 0; r < nrare; r++)
			if (top[k].groups & (uint32_t)1 << r)
				has[k] |= (uint32_t)1 << which[r];
		/* A common word is in most rows, but not in every one: the
		 * few rows kept are asked, one lookup each. */
		for (size_t i = 0; i < ng; i++) {
			int r = common[i] ? row_has(db, &g[i], top[k].row) : 0;
			if (r < 0)
				return r;
			if (r > 0)
				has[k] |= (uint32_t)1 << i;
		}
	}
	return 0;
}

static int
closest_in(struct db *db, const char *typed, const char *level, size_t max,
    struct db_closest **out, size_t *n)
{
	int place = db_level_place(db, level);
	if (place == -2)
		return -1;
	char *text = db_search_text(db, typed);
	char *match = query_build_known(text, db_word_known, db);
	struct query_phrase ph[PHRASES_MAX];
	struct query_group g[PHRASES_MAX];
	size_t nph = match ? query_phrases(match, ph, PHRASES_MAX) : 0;
	size_t ng = query_groups(match, ph, nph, g, PHRASES_MAX);
	if (place < 0 || ng < 2 || ng > CLOSEST_GROUPS || max == 0) {
		free(match);
		free(text);
		return 0;
	}

	/* The groups that are no common word, joined by OR: the rows of
	 * any of them are the candidates. */
	sqlite3_int64 nrows = index_rows(db);
	bool common[CLOSEST_GROUPS];
	size_t which[CLOSEST_GROUPS], nrare = 0;
	struct buf any = BUF_INIT;
	for (size_t i = 0; i < ng; i++) {
		common[i] = group_common(db, ph, &g[i], nrows);
		if (common[i])
			continue;
		buf_addf(&any, "%s%.*s", nrare ? " OR " : "", (int)g[i].len, g[i].text);
		which[nrare++] = i;
	}
	struct db_ranked *top = NULL;
	size_t ntop = 0;
	int rc = nrare ? db_rank_closest(db, any.data, place, db_col_weight, COL_COUNT, max,
	    &top, &ntop) : 0;
	buf_free(&any);
	uint32_t *has = ntop ? xcalloc(ntop, sizeof *has) : NULL;
	if (rc == 0)
		rc = closest_groups(db, g, ng, common, which, nrare, top, ntop, has);

	struct db_hit *hits = ntop ? xcalloc(ntop, sizeof *hits) : NULL;
	for (size_t k = 0; k < ntop; k++) {
		hits[k].row = top[k].row;
		hits[k].rank = top[k].rank;
		hits[k].pane = db_column_pane(top[k].col);
	}
	size_t kept = ntop;
	if (rc == 0 && ntop) {
		int r = db_read_hit_details(db, hits, 0, ntop, &kept);
		rc = r == SQLITE_DONE ? 0 : r == SQLITE_INTERRUPT ? DB_STOPPED : -1;
	}
	if (rc == 0 && kept) {
		/* A hit whose article is gone was dropped: the others keep
		 * their order, and find their groups by their row. */
		*out = xcalloc(kept, sizeof **out);
		for (size_t k = 0, j = 0; k < kept; k++, j++) {
			while (top[j].row != hits[k].row)
				j++;
			struct db_closest *c = &(*out)[k];
			c->hit = hits[k];
			for (uint32_t b = has[j]; b; b &= b - 1)
				c->have++;
			/* A common word lacked says next to nothing ("without
			 * 'what'"): named only if it is all a match lacks. */
			uint32_t shown = has[j];
			for (size_t i = 0; i < ng; i++)
				if (common[i])
					shown |= (uint32_t)1 << i;
			if (shown == (ng < 32 ? ((uint32_t)1 << ng) - 1 : UINT32_MAX))
				shown = has[j];
			lacks_of(typed, text, g, ng, shown, c);
		}
		*n = kept;
		free(hits);
	} else {
		db_hits_free(hits, kept);
	}
	free(has);
	free(top);
	free(match);
	free(text);
	return rc;
}

int
db_closest(struct db *db, const char *typed, const char *level, size_t max,
    struct db_closest **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	bool began = db_read_begin(db);
	int rc = closest_in(db, typed, level, max, out, n);
	db_read_end(db, began);
	return rc;
}

void
db_closest_free(struct db_closest *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].hit.id);
		free(v[i].hit.title);
		free(v[i].hit.topic);
		free(v[i].hit.status);
		free(v[i].hit.updated);
		free(v[i].hit.snippet);
		db_strings_free(v[i].lacks, v[i].nlacks);
	}
	free(v);
}
