/* import_write.h: writing the new database file of an import, from the
 * articles the second parsing pass hands over (import_parse.h). */
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

/* What an import writes, once its files have been validated. */
struct import_plan {
	const char *dbpath;             /* the database, for messages */
	const char *tmp;                /* the new file, created empty */
	struct db *base;                /* copied into tmp first; NULL: start empty */
	int from;                       /* base's schema version (or this one's) */
	const struct article_rules *rules;
	const struct article *checked;  /* the validation pass's articles ... */
	size_t n;                       /* ... one per file, all read */
	const struct import_options *opt;
	bool show_steps;                /* name the long steps on stderr */
};

/* Builds the new database in plan->tmp: old's content plus the articles
 * the feed hands over, which must be those validated. Returns 0 when tmp
 * is complete (not yet synced), -1 with a message on errors. */
int import_write(const struct import_plan *plan, struct import_feed *feed,
    struct import_result *res, FILE *errors);

/* Shows "what i+1/n" on stderr now and then, when opt asks for it. */
void import_progress(const struct import_options *opt, const char *what, size_t i,
    size_t n);

/* Shows "bedside: what..." on stderr (a terminal) while a step that can
 * take seconds runs, when show is true; NULL clears it. */
void import_step(bool show, const char *what);

#endif
