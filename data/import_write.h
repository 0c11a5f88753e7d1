/* import_write.h: writing the new database file of an import, one article
 * at a time as the feed (import_parse.h) hands them over. */
#ifndef BEDSIDE_IMPORT_WRITE_H
#define BEDSIDE_IMPORT_WRITE_H

#include <stdbool.h>
#include <stdio.h>

#include "article.h"
#include "db.h"
#include "import.h"

struct import_feed;

/* The texts of one search row: title, answer, key points, research and
 * references as a reader at level sees them. The first VOCAB_TEXTS are
 * those the spelling vocabulary counts. */
#define SEARCH_TEXTS 5
struct search_row {
	const char *level;
	const char *text[SEARCH_TEXTS];
};

/* Fills rows with a's search rows, one per level of rules (at most
 * DB_LEVEL_ROWS), title being a's title made safe; returns how many. */
size_t import_search_rows(const struct article *a, const struct article_rules *rules,
    const char *title, struct search_row *rows);

/* What an import writes. */
struct import_plan {
	const char *dbpath;             /* the database, for messages */
	const char *file;               /* dbpath with its links followed */
	const char *tmp;                /* the new file, created empty */
	struct db *base;                /* copied into tmp first; NULL: start empty */
	struct db *site;                /* with no base: whose levels, statuses to keep */
	int from;                       /* base's schema version (or this one's) */
	const struct article_rules *rules;
	size_t n;                       /* the files of the import */
	const struct import_options *opt;
	bool show_steps;                /* name the long steps on stderr */
};

struct import_item;
struct import_writer;

/* Starts the new database in plan->tmp, base's content or an empty
 * database, in one open transaction; plan must outlive the writer.
 * NULL, with a message on errors, if it cannot. */
struct import_writer *import_writer_open(const struct import_plan *plan, FILE *errors);

/* Writes the item's article, replacing any with its id: 1 if it replaced one,
 * 0 if new, -1 with a message on errors. */
int import_writer_add(struct import_writer *w, const struct import_item *it, FILE *errors);

/* Completes the new file once every article is in: the spelling
 * vocabulary (with the words feed counted), the topic counts, the index
 * merged, the transaction committed (not yet synced). 0, or -1 with a
 * message on errors. */
int import_writer_finish(struct import_writer *w, struct import_feed *feed, FILE *errors);

/* Closes the new file, finished or not (the caller removes it unless it
 * is renamed into place); -1 if SQLite could not close it. */
int import_writer_close(struct import_writer *w);

/* Shows "what i+1/n" on stderr now and then, when opt asks for it. */
void import_progress(const struct import_options *opt, const char *what, size_t i,
    size_t n);

/* Writes "PATH: message" as one line to errors, with both made safe for a
 * terminal: a path is the user's, and may hold any byte but NUL. */
void import_error(FILE *errors, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Shows "bedside: what..." on stderr (a terminal) while a step that can
 * take seconds runs, when show is true; NULL clears it. */
void import_step(bool show, const char *what);

#endif
