/* search_nohit.h: what the search screen says when a query finds
 * nothing: that another reading level has it, or which word finds
 * nothing (with the index's close words to put in its place), or that
 * each word is found but never all together. */
#ifndef BEDSIDE_SEARCH_NOHIT_H
#define BEDSIDE_SEARCH_NOHIT_H

#include <stdbool.h>
#include <stddef.h>

#include "curses_wide.h"

struct app;

struct search_nohit {
	char *other_level;      /* a level at which the query finds something */
	char **sugg;            /* did-you-mean words for the blamed bytes */
	size_t nsugg;
	bool blamed;            /* [blame_from, blame_to) of the query: what
	                         * finds nothing alone (db_unmatched:
	                         * "blockers" of "beta-blockers") */
	size_t blame_from, blame_to;
	bool apart;             /* every word finds some alone */
};

/* Finds out why query found nothing at the app's level. */
void search_nohit_find(struct search_nohit *nh, struct app *app, const char *query);
void search_nohit_clear(struct search_nohit *nh);

/* Draws it in body (w columns, h rows), suggestion sel selected. */
void search_nohit_draw(const struct search_nohit *nh, struct app *app, WINDOW *body,
    const char *query, int sel, int w, int h);

#endif
