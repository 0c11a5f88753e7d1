/* artlist.h: a list of articles as the topics screen, bookmarks, recent
 * and related lists show it: the title (one or two lines), then status,
 * date and topic. */
#ifndef BEDSIDE_ARTLIST_H
#define BEDSIDE_ARTLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "curses_wide.h"
#include "db.h"

/* Lines an item takes in a list cols wide and rows high: the title gets
 * two lines when the list is narrower than most questions are long, and
 * the date a line of its own below the status when they do not fit side
 * by side; a list too low for a whole item shows one line of title per
 * item. */
int artlist_item_h(const struct app *app, int cols, int rows);

/* Draws items from top into rows y..y+h of w (width cols); sel is
 * highlighted, strongly when focused. With short_topic, only the last
 * part of each topic path shows (the list is of one topic already). */
void artlist_draw(WINDOW *w, int y, int h, int cols, const struct app *app,
    const struct db_summary *v, size_t n, int top, int sel, bool focused,
    bool short_topic);

#endif
