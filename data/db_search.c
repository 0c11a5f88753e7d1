/* db_search.c: full-text search.
 *
 * Ranking is bm25 with the column weights set in schema.sql: FTS5's, but
 * for a word's spellings, which count as one word (db_rank.c). Which
 * pane a hit should open at is the column its matched phrases weigh most
 * in (db_rank_best_column); best_pane() tells it for unranked hits. Once
 * a hit has its snippet, the pane is the one the snippet was cut from
 * (db_snippet.c), so that Enter opens where the words shown are. */
#include "config.h"
#include "db_internal.h"
#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The search table's column weights (db_internal.h), and the pane each
 * column is shown in. */
const double db_col_weight[COL_COUNT] = { 10.0, 5.0, 3.0, 2.0, 1.0 };
static const enum db_kind col_pane[COL_COUNT] = {
	DB_ANSWER, DB_ANSWER, DB_KEY_POINTS, DB_RESEARCH, DB_REFERENCES,
};

enum db_kind
db_column_pane(int col)
{
	return col_pane[col >= 0 && col < COL_COUNT ? col : COL_ANSWER];
}

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
			score[col] += db_col_weight[col];
	}
	sqlite3_result_int(ctx, (int)col_pane[db_rank_best_column(score, COL_COUNT)]);
}


int
db_register_functions(struct db *db)
{
	fts5_api *api = db_fts5_api(db->h);
	if (api == NULL)
		return -1;
	if (db_rank_register(db, api) != SQLITE_OK)
		return -1;
	return api->xCreateFunction(api, "best_pane", NULL, best_pane, NULL);
}

/* The importer numbers a level's search row articles.rowid * 8 + the
 * level's place in the levels table (see schema.sql); -1 if there is no
 * such level, or none with rows. */
int
db_level_place(struct db *db, const char *level)
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
 * most articles, 200,000 rows at 100,000 articles. The first step is the
 * rank pass (db_rank.c): bm25 for the rows of one level only, the level
 * told by the rowid (which costs nothing, where the level column would
 * cost a read of the row), keeping only the best limit + offset rows and
 * each one's pane as it reads. Its ranks are FTS5's bm25 to the bit
 * where no word has another spelling (db_rank.c).
 *
 * The second step reads each hit's article by its row number. Snippets
 * are made last and only for the hits that want one (db_hit_snippets),
 * from their rows' text (db_snippet.c), without running the query again. */
/* What a search fills in of each hit. */
enum fill {
	FILL_ROWS,              /* row, rank and pane */
	FILL_DETAILS,           /* and id, title, topic, status, date */
	FILL_SNIPPETS,          /* and the snippet */
};

/* Fills the details of hits[from, to) that have none. The article is
 * told by the row number (schema.sql): reading the search row for its
 * article_id would read its whole text, several pages a hit; `bedside
 * check` makes sure the numbering holds. With kept, hits whose article
 * is gone are dropped and *kept says how many are left; without, they
 * get empty details. Returns an SQLite code, SQLITE_DONE if all went well. */
int
db_read_hit_details(struct db *db, struct db_hit *hits, size_t from, size_t to,
    size_t *kept)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SEARCH_HIT,
	    "SELECT a.id, a.title, t.path, a.status, a.updated "
	    "FROM articles a LEFT JOIN topics t ON t.id = a.topic_id "
	    "WHERE a.rowid = ?1 / " DB_LEVEL_ROWS_SQL);
	if (st == NULL)
		return SQLITE_ERROR;
	size_t k = from;
	int rc = SQLITE_DONE;
	for (size_t i = from; i < to && rc == SQLITE_DONE; i++) {
		struct db_hit *h = &hits[i];
		if (h->id) {
			hits[k++] = *h;
			continue;
		}
		sqlite3_bind_int64(st, 1, h->row);
		int r = sqlite3_step(st);
		if (r == SQLITE_ROW) {
			h->id = db_column_dup(st, 0);
			h->title = db_column_dup(st, 1);
			h->topic = db_column_dup(st, 2);
			h->status = db_column_dup(st, 3);
			h->updated = db_column_dup(st, 4);
			hits[k++] = *h;
		} else if (r == SQLITE_DONE && kept == NULL) {
			h->id = xstrdup("");
			h->title = xstrdup("");
			h->topic = xstrdup("");
			h->status = xstrdup("");
			h->updated = xstrdup("");
		} else if (r != SQLITE_DONE) {
			rc = r;
		}
		sqlite3_reset(st);
	}
	if (kept)
		*kept = k;
	return rc;
}

int
db_hit_details(struct db *db, struct db_hit *hits, size_t from, size_t to)
{
	bool began = db_read_begin(db);
	int rc = db_read_hit_details(db, hits, from, to, NULL);
	db_read_end(db, began);
	return rc == SQLITE_DONE ? 0 : -1;
}

static struct db_hit *
add_hit(struct db_hit **out, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*out = xrealloc(*out, *cap * sizeof **out);
	}
	struct db_hit *h = &(*out)[(*n)++];
	memset(h, 0, sizeof *h);
	return h;
}

/* The rows of a search ranked by the rank pass (db_rank.c), which keeps
 * only the best as it reads. Returns 0, DB_STOPPED or -1. */
static int
ranked_rows(struct db *db, const char *match, int place, int limit, int offset,
    struct db_hit **out, size_t *n)
{
	struct db_ranked *top;
	size_t ntop, cap = 0;
	size_t skip = offset > 0 ? (size_t)offset : 0;
	int rc = db_rank_top(db, match, place, db_col_weight, COL_COUNT,
	    (limit > 0 ? (size_t)limit : 20) + skip, &top, &ntop);
	if (rc != 0)
		return rc;
	for (size_t i = skip; i < ntop; i++) {
		struct db_hit *h = add_hit(out, n, &cap);
		h->row = top[i].row;
		h->rank = top[i].rank;
		h->pane = db_column_pane(top[i].col);
	}
	free(top);
	return 0;
}

/* The first rows that match, unranked, in rowid order. Returns 0,
 * DB_STOPPED or -1. */
static int
first_rows(struct db *db, const char *match, int place, int limit, int offset,
    struct db_hit **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SEARCH_FIRST,
	    "SELECT rowid, best_pane(search) FROM search WHERE search MATCH ?1 "
	    "AND rowid % " DB_LEVEL_ROWS_SQL " = ?2 LIMIT ?3 OFFSET ?4");
	if (st == NULL)
		return -1;
	size_t cap = 0;
	int rc;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, place);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : 20);
	sqlite3_bind_int(st, 4, offset > 0 ? offset : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_hit *h = add_hit(out, n, &cap);
		h->row = sqlite3_column_int64(st, 0);
		int pane = sqlite3_column_int(st, 1);
		h->pane = pane >= 0 && pane < DB_KIND_COUNT ? (enum db_kind)pane :
		    DB_ANSWER;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	db_hits_free(*out, *n);
	*out = NULL;
	*n = 0;
	return rc == SQLITE_INTERRUPT ? DB_STOPPED : -1;
}

/* Whether the index has a word, or a word that begins so, as
 * query_build_known() asks: for a plural last word's singular, the
 * other spellings of a word and two words joined. A lookup by key in
 * the spelling vocabulary; some tens for a prefix. The vocabulary has no
 * word of the references (did you mean offers none of their names), so
 * a word it lacks is looked for in the search index too: the references
 * of an article may say "hemorrhage" where its text says "haemorrhage",
 * and a search for either spelling must find, and rank, both alike.
 * Words are at most twice QUERY_MAX_WORD_BYTES. */
bool
db_word_known(void *arg, const char *word, size_t len, bool prefix)
{
	char low[2 * QUERY_MAX_WORD_BYTES];
	if (len > sizeof low)
		return false;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] - 'A' + 'a' :
		    word[i]);
	int docs = prefix ? db_prefix_docs(arg, low, len) : db_word_docs(arg, low, len);
	return docs > 0 || (docs == 0 && db_phrase_exists(arg, low, len, prefix) > 0);
}

static bool
word_has_token(void *arg, const char *word, size_t len)
{
	return db_has_token(arg, word, len);
}

/* typed as the search reads it: without the words FTS5 finds no token
 * in ("\u2014" between two words, pasted), blanked out where they were
 * (query_blank_words()). */
char *
db_search_text(struct db *db, const char *typed)
{
	return query_blank_words(typed, word_has_token, db);
}

char *
db_match(struct db *db, const char *typed)
{
	char *text = db_search_text(db, typed);
	char *match = query_build_known(text, db_word_known, db);
	free(text);
	return match;
}

static int
search_in(struct db *db, const char *typed, const char *level, int limit,
    int offset, bool ranked, enum fill fill, struct db_hit **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	int place = db_level_place(db, level);
	if (place == -2)
		return -1;
	char *match = db_match(db, typed);
	if (match == NULL || place < 0) {
		free(match);
		return 0;
	}

	int r = ranked ? ranked_rows(db, match, place, limit, offset, out, n) :
	    first_rows(db, match, place, limit, offset, out, n);
	if (r != 0) {
		free(match);
		return r;
	}

	int rc = SQLITE_DONE;
	size_t kept = *n;
	if (fill != FILL_ROWS)
		rc = db_read_hit_details(db, *out, 0, *n, &kept);
	*n = kept;
	if (rc == SQLITE_DONE && fill == FILL_SNIPPETS &&
	    db_hit_snippets(db, typed, *out, 0, *n) != 0)
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

static int
search(struct db *db, const char *typed, const char *level, int limit,
    int offset, bool ranked, enum fill fill, struct db_hit **out, size_t *n)
{
	bool began = db_read_begin(db);
	int rc = search_in(db, typed, level, limit, offset, ranked, fill, out, n);
	db_read_end(db, began);
	return rc;
}

int
db_search(struct db *db, const char *typed, const char *level, int limit,
    int offset, struct db_hit **out, size_t *n)
{
	return search(db, typed, level, limit, offset, true, FILL_SNIPPETS, out, n);
}

int
db_search_hits(struct db *db, const char *typed, const char *level, int limit,
    int offset, struct db_hit **out, size_t *n)
{
	return search(db, typed, level, limit, offset, true, FILL_DETAILS, out, n);
}

int
db_search_rows(struct db *db, const char *typed, const char *level, int limit,
    bool ranked, struct db_hit **out, size_t *n)
{
	return search(db, typed, level, limit, 0, ranked, FILL_ROWS, out, n);
}

/* Whether the words of typed[0, n) get close words for "did you mean"
 * (db_suggest_edits()): two words read as one ("sglt 2") do. */
static bool
suggest_edits(const char *typed, size_t n)
{
	char *span = xstrndup(typed, n), *w[2];
	size_t k = query_words(span, w, 2);
	bool edits = k != 1 || db_suggest_edits(w[0]);
	for (size_t i = 0; i < k; i++)
		free(w[i]);
	free(span);
	return edits;
}

int
db_unmatched(struct db *db, const char *typed, const char *level, size_t *from,
    size_t *to)
{
	*from = *to = 0;
	char *text = db_search_text(db, typed);
	char *match = query_build_known(text, db_word_known, db);
	if (match == NULL) {
		free(text);
		return 0;
	}
	struct query_phrase ph[PHRASES_MAX];
	struct query_group g[PHRASES_MAX];
	size_t nph = query_phrases(match, ph, PHRASES_MAX);
	size_t ng = query_groups(match, ph, nph, g, PHRASES_MAX);
	struct buf one = BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < ng && rc == 0; i++) {
		size_t start, end, s2, e2, s3, e3;
		if (!query_word_span(text, g[i].word, &start, &end) ||
		    !query_word_span(text, g[i].word + g[i].nwords - 1, &s2, &e2))
			break;
		/* A group before the last is whole; the last is looked for as
		 * typed, with what follows it, so that it is a prefix just
		 * when it is one in the whole query: unless words past
		 * QUERY_MAX_WORDS follow, which the search leaves out. */
		buf_truncate(&one, 0);
		if (i == ng - 1 &&
		    !query_word_span(text, g[i].word + g[i].nwords, &s3, &e3))
			buf_adds(&one, text + start);
		else
			buf_addf(&one, "%.*s ", (int)(e2 - start), text + start);
		struct db_hit *h = NULL;
		size_t n = 0;
		rc = db_search_rows(db, one.data, level, 1, false, &h, &n);
		db_hits_free(h, n);
		if (rc != 0 || n > 0)
			continue;
		if (*from == *to) {
			*from = start;
			*to = e2;
		}
		if (suggest_edits(text + start, e2 - start)) {
			*from = start;
			*to = e2;
			break;
		}
	}
	buf_free(&one);
	free(match);
	free(text);
	return rc == 0 ? 0 : -1;
}

int
db_other_levels(struct db *db, const char *typed, const char *level, char ***out,
    size_t *n)
{
	struct db_level *lv;
	size_t nl;
	*out = NULL;
	*n = 0;
	if (db_levels(db, &lv, &nl) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < nl && rc == 0; i++) {
		if (strcmp(lv[i].name, level) == 0)
			continue;
		struct db_hit *h = NULL;
		size_t k = 0;
		rc = db_search_rows(db, typed, lv[i].name, 1, false, &h, &k);
		db_hits_free(h, k);
		if (rc == 0 && k > 0) {
			*out = xrealloc(*out, (*n + 1) * sizeof **out);
			(*out)[(*n)++] = xstrdup(lv[i].name);
		}
	}
	db_levels_free(lv, nl);
	if (rc != 0) {
		db_strings_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
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

static int
hit_snippets(struct db *db, const char *typed, struct db_hit *hits,
    size_t from, size_t to);

int
db_hit_snippets(struct db *db, const char *typed, struct db_hit *hits,
    size_t from, size_t to)
{
	bool began = db_read_begin(db);
	int rc = hit_snippets(db, typed, hits, from, to);
	db_read_end(db, began);
	return rc;
}

static int
hit_snippets(struct db *db, const char *typed, struct db_hit *hits,
    size_t from, size_t to)
{
	char *match = db_match(db, typed);
	int rc = match ? db_snippets_make(db, match, hits, from, to) : 0;
	/* A query with no words, or an error: empty snippets; a hit the
	 * stop hook left without one can be asked for again. */
	for (size_t i = from; i < to && rc != DB_STOPPED; i++)
		if (hits[i].snippet == NULL)
			hits[i].snippet = xstrdup("");
	free(match);
	return rc;
}

void
db_hits_free(struct db_hit *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].title);
		free(v[i].topic);
		free(v[i].status);
		free(v[i].updated);
		free(v[i].snippet);
	}
	free(v);
}
