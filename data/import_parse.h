/* import_parse.h: reading and parsing the files of an import.
 *
 * Each file is read once. A thread of its own parses the files in order,
 * a few articles ahead of the importer, which checks and writes each one
 * as it comes (import.c), and counts their words for the spelling
 * vocabulary on the way. Only the few articles parsed ahead are held
 * whole (holding every one took 854 MB at 100,000 articles). An
 * earlier importer parsed every file twice, first to validate them all
 * and then to write; writing as it reads saves that pass, a sixth of a
 * large import. */
#ifndef BEDSIDE_IMPORT_PARSE_H
#define BEDSIDE_IMPORT_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "diag.h"
#include "import_files.h"

/* One file of the import, parsed. */
struct import_item {
	struct article a;
	char *title;            /* a.title made safe, for the index */
	struct diag d;          /* the file's problems */
};

void import_item_free(struct import_item *it);

struct vocab;
struct import_feed;

/* Starts parsing files, in order, on a thread of its own. With
 * count_words, the words of each article's search rows are counted in a
 * vocabulary the feed keeps. Never NULL: without a thread, each article
 * is parsed when it is asked for. */
struct import_feed *import_feed_start(const struct file_list *files,
    const struct article_rules *rules, bool count_words);

/* Moves the next article, in file order, into *it (the caller frees it).
 * Returns 0 when every file has been handed out. */
int import_feed_next(struct import_feed *f, struct import_item *it);

/* The words of every article handed out, counted (see count_words); NULL
 * if they were not, or if counting failed. Call after the last article. */
struct vocab *import_feed_words(struct import_feed *f);

/* Stops the thread and frees what it has not handed out. */
void import_feed_free(struct import_feed *f);

#endif
