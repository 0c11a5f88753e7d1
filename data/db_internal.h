/* db_internal.h: what db.c, db_query.c and db_search.c share. Not for
 * callers outside data/. */
#ifndef BEDSIDE_DB_INTERNAL_H
#define BEDSIDE_DB_INTERNAL_H

#include "db.h"

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
	STMT_SEARCH,
	STMT_SEARCH_HIT,
	STMT_SEARCH_FIRST,
	STMT_SNIPPETS,
	STMT_LEVEL_PLACE,
	STMT_SUGGEST,
	STMT_SUGGEST_V1,
	DB_STMT_COUNT
};

struct db {
	sqlite3 *h;
	char *path;
	int version;            /* the file's schema version */
	sqlite3_stmt *stmt[DB_STMT_COUNT];
	db_stop_fn stop;        /* see db_set_stop */
	void *stop_arg;
};

/* The cached statement for id, reset and ready to bind; NULL on error. */
sqlite3_stmt *db_stmt(struct db *db, enum db_stmt_id id, const char *sql);
char *db_column_dup(sqlite3_stmt *st, int col);

int db_register_functions(struct db *db);

/* The spelling vocabulary (db_search.c): the words of search rows as the
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
int vocab_store(struct vocab *v, sqlite3 *h);
void db_search_finalize(struct db *db);

#endif
