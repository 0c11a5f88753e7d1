/* draw.h: putting safe text and rendered lines into curses windows.
 *
 * Everything the browser shows passes through here, one character cell at
 * a time through the wide-character API, so the column count on screen is
 * the one text.h computed: a wide character never straddles the last
 * column, a combining mark never lands on a cell of its own, and a control
 * character that slipped past text_sanitize is drawn as '?', not sent. */
#ifndef BEDSIDE_DRAW_H
#define BEDSIDE_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "curses_wide.h"
#include "render.h"
#include "theme.h"

/* Draws s[0..len) at (y, x) in at most maxw columns in style st; returns
 * the columns used. */
int draw_text(WINDOW *w, int y, int x, const char *s, size_t len, int maxw,
    struct theme_style st);
/* The same for a NUL-terminated string in a role. */
int draw_str(WINDOW *w, int y, int x, const char *s, int maxw, enum theme_role role);
/* Like draw_str, but a string too long ends in an ellipsis. */
int draw_str_cut(WINDOW *w, int y, int x, const char *s, int maxw, enum theme_role role);
/* A screen's header line of cols in role: title from column 1 and the
 * reading level (sanitized) at the right, as "Level: LEVEL", or just
 * LEVEL where that leaves the title its room (whole, or 12 columns);
 * where neither does, the level is left out, or with keep_level the
 * title gives up what room it must. */
void draw_header_level(WINDOW *w, int cols, const char *title, const char *level,
    bool keep_level, enum theme_role role);
/* n spaces in role from (y, x). */
void draw_fill(WINDOW *w, int y, int x, int n, enum theme_role role);

/* A part of a line drawn in a role of its own (a selected citation). */
struct draw_mark {
	size_t off, len;
	enum theme_role role;
};

/* Draws a rendered line at (y, x) in at most maxw columns, each span in
 * its style; the bytes in mark (may be NULL) in mark->role; line_role
 * (TH_NORMAL for none) adds to every span. Returns the columns used. */
int draw_render_line(WINDOW *w, int y, int x, int maxw,
    const struct render_line *l, const struct draw_mark *mark,
    enum theme_role line_role);

/* Replaces old (may be NULL) by a window at r; NULL when r is empty
 * (newwin would take a zero size to mean "to the edge of the screen"). */
WINDOW *draw_window(WINDOW *old, int y, int x, int h, int w);

/* Rules drawn as text (│ ─, or | - in the C locale): the terminal's
 * line-drawing character set is not to be trusted on every TERM. */
void draw_vline(WINDOW *w, int y, int x, int n, enum theme_role role);
void draw_hline(WINDOW *w, int y, int x, int n, enum theme_role role);

/* "…" in UTF-8, "..." in the C locale. */
const char *draw_ellipsis(void);

#endif
