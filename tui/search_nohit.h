/* search_nohit.h: what the search screen says when a query finds
 * nothing: that another reading level has it, or which word finds
 * nothing (with the index's close words to put in its place), or that
 * each word is found but never all together; and, but for another
 * level, the closest matches: the articles with the most of the words,
 * each with the words it lacks. */
#ifndef BEDSIDE_SEARCH_NOHIT_H
#define BEDSIDE_SEARCH_NOHIT_H

#include <stdbool.h>
#include <stddef.h>

#include "curses_wide.h"

struct app;
struct db_closest;

struct search_nohit {
	char *other_level;      /* a level at which the query finds something */
	char **sugg;            /* did-you-mean words for the blamed bytes */
	size_t nsugg;
	bool blamed;            /* [blame_from, blame_to) of the query: what
	                         * finds nothing alone (db_unmatched:
	                         * "blockers" of "beta-blockers") */
	size_t blame_from, blame_to;
	char *blamed_level;     /* another level at which the blamed word is */
	bool apart;             /* every word finds some alone */
	struct db_closest *close;       /* the closest matches, best first */
	size_t nclose;
	bool close_due;         /* to be found when the keys rest */
	int close_top;          /* the first of them on screen */
};

/* The most closest matches found: more than a screen shows. */
#define SEARCH_NOHIT_CLOSEST 20

/* Finds out why query found nothing at the app's level. */
void search_nohit_find(struct search_nohit *nh, struct app *app, const char *query);
void search_nohit_clear(struct search_nohit *nh);
/* Finds the closest matches, unless the query is found at another level;
 * the stop hook (input_stop with deadline, NULL for none) may leave them
 * due. */
void search_nohit_closest(struct search_nohit *nh, struct app *app, const char *query,
    double *deadline, bool stoppable);

/* What can be selected: the did-you-mean words shown, then the closest
 * matches if they show in h rows of item_h each. Selection i is a word
 * if i < search_nohit_words(nh), else closest match
 * i - search_nohit_words(nh). */
size_t search_nohit_words(const struct search_nohit *nh);
size_t search_nohit_count(const struct search_nohit *nh, const char *query, int h,
    int item_h);
/* The words a closest match lacks, quoted and made safe ("a", "b c"),
 * each between RENDER_MATCH_ON and OFF with marked. */
char *search_nohit_lacks(const struct db_closest *c, bool marked);

/* Draws it in body (w columns, h rows), selection sel selected, but for
 * the closest matches' rows, which the caller draws as hits from the row
 * it returns (h if none fits: the words offered come first). */
int search_nohit_draw(const struct search_nohit *nh, struct app *app, WINDOW *body,
    const char *query, int sel, int w, int h, int item_h);

#endif
