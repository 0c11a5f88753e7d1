/* article_header.h: the article view's header, which never scrolls away:
 * the question, then the topic path, review status, last-updated date
 * and reading level, laid out for the width at hand. */
#ifndef BEDSIDE_ARTICLE_HEADER_H
#define BEDSIDE_ARTICLE_HEADER_H

#include "curses_wide.h"
#include "db.h"
#include "render.h"

struct app;

/* How many lines the topic, status, date and level want at width
 * columns. */
int article_header_meta_lines(const struct app *app, const struct db_article *a,
    int width);
/* Draws the header into w, width columns: title_lines lines of the
 * question (title, wrapped), then meta_lines lines of the rest. */
void article_header_draw(WINDOW *w, const struct app *app, const struct db_article *a,
    const struct render_doc *title, int width, int title_lines, int meta_lines);

#endif
