/* layout.h: where things go on the screen, as plain arithmetic.
 *
 * Every view asks this module for its rectangles and scroll positions, so
 * the decisions that make a screen usable at 80x24, 40x10 or 200x60 are in
 * one place and unit-tested without a terminal. No curses here. */
#ifndef BEDSIDE_LAYOUT_H
#define BEDSIDE_LAYOUT_H

#include <stdbool.h>

/* Below this the browser shows only a "too small" line. */
#define LAYOUT_MIN_COLS 20
#define LAYOUT_MIN_ROWS 6

/* From this size on the article shows its panes side by side. */
#define LAYOUT_GRID_COLS 120
#define LAYOUT_GRID_ROWS 30

/* From this width on the topic tree sits beside the article list. */
#define LAYOUT_SIDE_COLS 70

#define LAYOUT_PANES 5

struct rect {
	int y, x, h, w;
};

bool layout_too_small(int rows, int cols);

/* The whole screen: the view's area above, one status line at the bottom. */
struct screen_layout {
	struct rect body;
	struct rect status;
};
void layout_screen(int rows, int cols, struct screen_layout *out);

/* The topics screen: a one-line header, the tree and the article list,
 * side by side (with a one-column rule between) or stacked (with a
 * one-line title above the list). */
struct topics_layout {
	struct rect header;
	struct rect tree;
	struct rect rule;       /* the vertical rule, or the list's title line */
	struct rect list;
	bool side_by_side;
};
void layout_topics(struct rect body, struct topics_layout *out);

/* The article screen. The header holds title_lines lines of title and
 * meta_lines lines of topic, status, date and level, fewer when the body
 * is short. In tab mode one pane shows at a time below a tab bar and
 * every pane[] is the same rectangle; in grid mode each pane has its own
 * rectangle with a one-line title[] above it. */
struct article_layout {
	struct rect header;
	int title_lines;
	int meta_lines;
	bool grid;
	struct rect tabbar;                     /* tab mode only */
	struct rect title[LAYOUT_PANES];        /* grid mode only */
	struct rect pane[LAYOUT_PANES];
};
void layout_article(struct rect body, int title_lines, int meta_lines,
    struct article_layout *out);

/* Which tab labels fit: 0 the full titles, 1 short ones, 2 numbers only.
 * widths[v][i] is the width of label i in variant v; each tab takes its
 * label plus 4 columns (" 1 " before it, a space after). */
int layout_tab_variant(int width, const int widths[3][LAYOUT_PANES]);

/* The first line to show so that scroll stays in [0, nlines - height]. */
int layout_clamp_scroll(int scroll, int nlines, int height);
/* Scroll moved as little as possible so that line is visible. */
int layout_scroll_to_show(int scroll, int line, int nlines, int height);
/* The scroll at the same relative place of a text that went from old_n to
 * new_n lines (a level change or a new width). */
int layout_scroll_proportional(int scroll, int old_n, int new_n, int height);

/* The first item to show in a list of n items, each item_h lines, in a
 * window of height lines, so that sel is visible and top moves little.
 * After a resize a list is drawn from top 0: as much as fits from its
 * first item, the selection still in view. */
int layout_list_top(int top, int sel, int n, int item_h, int height);
/* Whether a view laid out in old now has an area of another size (a
 * resize, not the view coming back to the top). */
bool layout_size_changed(struct rect old, struct rect area);

#endif
