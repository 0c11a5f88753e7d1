/* import_parse.h: reading and parsing the files of an import, on more
 * than one core.
 *
 * The importer reads each file twice. The first pass only validates: the
 * files are parsed on every core, and each article keeps only what the
 * checks across files need (file, id, related ids), so nothing of its text
 * is held while the importer decides whether to go ahead. The second pass
 * runs on a thread of its own while the importer writes, a few articles
 * ahead of it, and counts their words for the spelling vocabulary on the
 * way. Holding every parsed article between the two passes took 854 MB at
 * 100,000 articles; parsing them again costs no time, as the writer is the
 * slower of the two. */
#ifndef BEDSIDE_IMPORT_PARSE_H
#define BEDSIDE_IMPORT_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "diag.h"
#include "import_files.h"

/* Parses every file of files: arts[i] keeps the file, id and related ids
 * of files->v[i] (all NULL if it could not be read) and diags[i] its
 * problems. progress, if not NULL, is called now and then on the calling
 * thread with the number of files done so far. */
void import_validate(const struct file_list *files, const struct article_rules *rules,
    struct article *arts, struct diag *diags,
    void (*progress)(void *ctx, size_t done, size_t n), void *ctx);

/* One article of the second pass. */
struct import_item {
	struct article a;
	char *title;            /* a.title made safe, for the index */
	struct diag d;          /* problems found this time (the file may
	                         * have changed since it was validated) */
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
