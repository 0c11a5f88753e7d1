/* db_internal.h: what the db*.c files share. Not for
 * callers outside data/. */
#ifndef BEDSIDE_DB_INTERNAL_H
#define BEDSIDE_DB_INTERNAL_H

#include "db.h"
#include "query.h"

#include <stdint.h>

/* Search rows per article: the importer numbers an article's row for the
 * level at place i (0-based, levels by position) articles.rowid * 8 + i. */
#define DB_LEVEL_ROWS 8
#define DB_LEVEL_ROWS_SQL "8"

/* Statements prepared once per connection and reused. */
enum db_stmt_id {
	STMT_LEVELS,
	STMT_STATUSES,
	STMT_TOPICS,
	STMT_TOPICS_V1,
	STMT_IN_TOPIC,
	STMT_ALL_ARTICLES,
	STMT_SUMMARY,
	STMT_ARTICLE,
	STMT_ARTICLE_LEVELS,
	STMT_SECTIONS,
	STMT_REFS,
	STMT_RELATED,
	STMT_SEARCH_HIT,
	STMT_SEARCH_FIRST,
	STMT_RANK_PASS,
	STMT_ROW_LENGTHS,
	STMT_PHRASE_ROWS,
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_SNIPPET_ROW,
	STMT_LEVEL_PLACE,
	STMT_SUGGEST,
	STMT_SUGGEST_V1,
	STMT_SPELL_WORD,
	STMT_SPELL_PREFIX,
	STMT_PHRASE_EXISTS,
	STMT_INDEX_ROWS,
	STMT_ROW_HAS,
	DB_STMT_COUNT
};

struct db {
	sqlite3 *h;
	char *path;
	int version;            /* the file's schema version */
	sqlite3_stmt *stmt[DB_STMT_COUNT];
	db_stop_fn stop;        /* see db_set_stop */
	char *read_error;       /* the error a read transaction ended on */
	struct row_lengths *lengths;    /* db_rank.c; NULL: rank with FTS5's bm25 */
	struct db_tokenizer *tokenizer; /* db_snippet.c; NULL until a snippet is made */
	struct rank_base *rank_base;    /* db_rank.c: typing's words before the last */
	void *stop_arg;
};

/* The cached statement for id, reset and ready to bind; NULL on error. */
sqlite3_stmt *db_stmt(struct db *db, enum db_stmt_id id, const char *sql);
char *db_column_dup(sqlite3_stmt *st, int col);
/* A read transaction around several statements, if none is open yet;
 * pass db_read_begin's answer to db_read_end. */
bool db_read_begin(struct db *db);
void db_read_end(struct db *db, bool began);

int db_register_functions(struct db *db);
/* The FTS5 API of a connection (db_vocab.c), for its functions and
 * tokenizer. */
fts5_api *db_fts5_api(sqlite3 *h);
/* Opens the tokenizer the search table is made with (schema.sql:
 * unicode61, remove_diacritics 2), for the spelling vocabulary and the
 * snippets; 0 or -1. Close it with api->xDelete(*tok). */
int db_tokenizer_open(sqlite3 *h, fts5_tokenizer *api, Fts5Tokenizer **tok);

/* db_lengths.c: the row lengths in memory (db_keep_row_lengths) and the
 * term counts kept between searches. */
struct row_lengths;
/* Reads the row lengths not read yet; DB_STOPPED if the stop hook ends
 * it (the next call goes on from there). */
int db_rank_read_lengths(struct db *db);
/* The row's length in tokens, if it has been read. */
bool db_lengths_get(const struct row_lengths *l, sqlite3_int64 rowid, uint32_t *tokens);
/* Keeps the number of rows holding a term (if l keeps anything). */
void db_term_rows_keep(struct row_lengths *l, const char *term, size_t len,
    sqlite3_int64 rows);
void db_rank_finalize(struct db *db);

/* db_rank.c: the rank pass. */
int db_rank_register(struct db *db, fts5_api *api);
void db_rank_base_free(struct db *db);
/* The terms bm25 scores a MATCH text built by query_build_known() with:
 * each group one term (a word with its other spellings, or two words
 * with the one word the index has for them), as search engines score
 * synonyms: its IDF from the rows that hold any of its alternatives, its
 * frequency the sum of theirs. An alternative of two joined words counts
 * as often as the rarer of them (see db_rank.c). */
#define PHRASES_MAX QUERY_MAX_PHRASES
struct rank_terms {
	int nphrase, nterm;
	int ngroup;             /* the terms that are groups; then the exact words */
	int term[PHRASES_MAX];  /* each phrase's term (its group, or its own) */
	/* The phrases of the alternative a phrase begins (1: a word; 2: two
	 * joined words), 0 for the second of those. */
	int span[PHRASES_MAX];
	int counted;            /* terms whose rows are counted: nterm, else -1 */
	sqlite3_int64 rows[PHRASES_MAX];
};
/* The terms of match, and with count the rows that hold each, kept from
 * one search to the next. Returns 0 (counted -1 if a count failed) or
 * DB_STOPPED. */
int db_rank_terms(struct db *db, const char *match, bool count, struct rank_terms *out);
/* A search row ranked: its bm25 (FTS5's value: the lower, the better)
 * and the column whose matches weigh most. */
struct db_ranked {
	sqlite3_int64 row;
	double rank;
	int col;
	/* db_rank_closest: how many of the query's groups the row has, and
	 * which (bit i: group i); 0 in any other search. */
	int have;
	uint32_t groups;
};
/* The best want rows of the level at place (rowid % DB_LEVEL_ROWS) for
 * a MATCH text built by query_build(), best first, ranked by bm25 with
 * the given column weights, in one pass over the matches. Returns 0,
 * DB_STOPPED or -1; *out is malloc'ed. */
int db_rank_top(struct db *db, const char *match, int place, const double *weight,
    int ncol, size_t want, struct db_ranked **out, size_t *n);
/* For a MATCH text of groups joined by OR (each group as
 * query_build_known() writes it, at most 32), the best want rows of the
 * level at place, ranked first by how many of the groups a row has, then
 * by bm25 as db_rank_top() ranks; each with the groups it has. Returns
 * 0, DB_STOPPED or -1; *out is malloc'ed. */
int db_rank_closest(struct db *db, const char *match, int place, const double *weight,
    int ncol, size_t want, struct db_ranked **out, size_t *n);
/* The best column of a row from its matches weighed per column. */
int db_rank_best_column(const double *score, int ncol);

/* db_search.c: the search, and what the closest matches (db_closest.c)
 * share with it. The search table's columns in order, and their weights
 * (those of the rank set in schema.sql). */
enum { COL_TITLE, COL_ANSWER, COL_KEY_POINTS, COL_RESEARCH, COL_REFS, COL_COUNT };
extern const double db_col_weight[COL_COUNT];
/* The pane a column of the search table is shown in; the title's is the
 * Answer. */
enum db_kind db_column_pane(int col);
/* A level's place among the levels, which numbers its search rows
 * (DB_LEVEL_ROWS); -1 if there is no such level, or none with rows; -2
 * on an error. */
int db_level_place(struct db *db, const char *level);
/* typed as the search reads it, for query_build_known() with
 * db_word_known() as its test of a word. */
char *db_search_text(struct db *db, const char *typed);
bool db_word_known(void *db, const char *word, size_t len, bool prefix);
/* Fills in the details of hits[from, to), in the caller's read
 * transaction; with kept, drops the hits whose article is gone. Returns
 * an SQLite code, SQLITE_DONE if all went well. */
int db_read_hit_details(struct db *db, struct db_hit *hits, size_t from, size_t to,
    size_t *kept);

/* db_snippet.c: the snippets of hits[from, to) that have none, for a
 * MATCH text built by query_build(), from their rows' text: the text FTS5's
 * snippet(search, -1, DB_MARK_ON, DB_MARK_OFF, '…', 14) gives. A snippet
 * cut from a pane's column (not the title) sets the hit's pane to it.
 * Returns 0, DB_STOPPED (the stop hook asked; hits not done yet keep none)
 * or -1. */
int db_snippets_make(struct db *db, const char *match, struct db_hit *hits,
    size_t from, size_t to);
void db_snippet_finalize(struct db *db);
/* Whether the search table's tokenizer makes a token of text (true if
 * it cannot be asked). */
bool db_has_token(struct db *db, const char *text, size_t n);

/* The spelling vocabulary (db_vocab.c): the words of search rows as the
 * unicode61 tokenizer gives them, each with the number of rows it is in,
 * counted here and added to spell_words by vocab_store(). A row's words
 * are those of its title, answer, key points and research. */
#define VOCAB_TEXTS 4
struct vocab;
struct vocab *vocab_new(sqlite3 *h);
void vocab_free(struct vocab *v);
int vocab_row(struct vocab *v, const char *const texts[VOCAB_TEXTS], int sign);
/* Counts the rows with rowid in [lo, hi], or every row if hi < 0. */
int vocab_scan(struct vocab *v, sqlite3 *h, sqlite3_int64 lo, sqlite3_int64 hi, int sign);
/* Adds the counts of from to v. */
void vocab_merge(struct vocab *v, const struct vocab *from);
int vocab_store(struct vocab *v, sqlite3 *h);
/* How many words the counted rows and spell_words disagree on (the first
 * into first); -1 on error. */
long vocab_compare(struct vocab *v, sqlite3 *h, struct buf *first);

/* The search rows that have word (n bytes, lower-case ASCII) in the
 * spelling vocabulary: 0 if none (or the schema keeps no such count), -1
 * on an error. A lookup by key. */
int db_word_docs(struct db *db, const char *word, size_t n);
/* As db_word_docs, for some word that begins with prefix (n bytes of
 * ASCII): 1 if there is one (not how many rows have it), else 0 or -1. */
int db_prefix_docs(struct db *db, const char *prefix, size_t n);
/* Whether some search row has the phrase (n bytes, no '"'), or with
 * prefix a phrase that begins so, in any column, references too: 1, 0
 * or -1. An FTS5 query. */
int db_phrase_exists(struct db *db, const char *phrase, size_t n, bool prefix);

#endif
