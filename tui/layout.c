/* layout.c: see layout.h. Every function takes any numbers at all (zero,
 * negative, huge) and returns rectangles inside what it was given, because
 * a terminal can be resized to anything at any moment. */
#include "layout.h"

#include <limits.h>

static int
max_int(int a, int b)
{
	return a > b ? a : b;
}

static int
min_int(int a, int b)
{
	return a < b ? a : b;
}

static struct rect
rect_make(int y, int x, int h, int w)
{
	struct rect r = { y, x, max_int(h, 0), max_int(w, 0) };
	return r;
}

bool
layout_too_small(int rows, int cols)
{
	return rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS;
}

void
layout_screen(int rows, int cols, struct screen_layout *out)
{
	rows = max_int(rows, 0);
	cols = max_int(cols, 0);
	out->body = rect_make(0, 0, rows - 1, cols);
	out->status = rect_make(max_int(rows - 1, 0), 0, rows > 0 ? 1 : 0, cols);
}

void
layout_topics(struct rect body, struct topics_layout *out)
{
	int y = body.y, h = max_int(body.h, 0);

	out->header = rect_make(y, body.x, min_int(h, 1), body.w);
	y += out->header.h;
	h -= out->header.h;
	out->side_by_side = body.w >= LAYOUT_SIDE_COLS;
	if (out->side_by_side) {
		/* The tree needs room for "Infectious disease (12)" and a
		 * little indent; the titles of articles need the rest. */
		int tw = min_int(max_int(body.w * 17 / 40, 24), 36);
		out->tree = rect_make(y, body.x, h, tw);
		out->rule = rect_make(y, body.x + tw, h, 1);
		out->list = rect_make(y, body.x + tw + 1, h, body.w - tw - 1);
	} else {
		int th = (h - 1) / 2;
		if (h >= 3 && th < 1)
			th = 1;
		out->tree = rect_make(y, body.x, th, body.w);
		out->rule = rect_make(y + th, body.x, min_int(1, h - th), body.w);
		out->list = rect_make(y + th + 1, body.x, h - th - 1, body.w);
	}
}

/* Shrinks the header until the rest has at least `rest` lines: the title
 * goes down to one line first, then the meta lines, then both. */
static void
fit_header(int h, int rest, int *tl, int *ml)
{
	int avail = max_int(h - rest, 0);

	*tl = max_int(*tl, 0);
	*ml = max_int(*ml, 0);
	/* Never more than half the screen for the header. */
	while (*tl + *ml > max_int(h / 2, 2) && *tl > 1)
		(*tl)--;
	while (*tl + *ml > avail && *tl > 1)
		(*tl)--;
	while (*tl + *ml > avail && *ml > 1)
		(*ml)--;
	while (*tl + *ml > avail && *ml > 0)
		(*ml)--;
	while (*tl + *ml > avail && *tl > 0)
		(*tl)--;
}

void
layout_article(struct rect body, int title_lines, int meta_lines,
    struct article_layout *out)
{
	int h = max_int(body.h, 0);
	bool grid = body.w >= LAYOUT_GRID_COLS && h >= LAYOUT_GRID_ROWS - 1;
	int tl = title_lines, ml = meta_lines;

	fit_header(h, grid ? 10 : 2, &tl, &ml);
	out->title_lines = tl;
	out->meta_lines = ml;
	out->header = rect_make(body.y, body.x, tl + ml, body.w);
	out->grid = grid;

	int y = body.y + tl + ml;
	h -= tl + ml;
	for (int i = 0; i < LAYOUT_PANES; i++)
		out->title[i] = out->pane[i] = rect_make(y, body.x, 0, 0);
	out->tabbar = rect_make(y, body.x, 0, 0);

	if (!grid) {
		out->tabbar = rect_make(y, body.x, min_int(h, 1), body.w);
		for (int i = 0; i < LAYOUT_PANES; i++)
			out->pane[i] = rect_make(y + out->tabbar.h, body.x,
			    h - out->tabbar.h, body.w);
		return;
	}

	/* Answer beside key points, research beside references, the
	 * disclaimer in a short band across the bottom. One blank column
	 * keeps the halves apart. */
	int dh = 4;                             /* title + three lines */
	int top = (h - dh) * 11 / 20;
	int bottom = h - dh - top;
	int lw = (body.w - 1) / 2;
	int rw = body.w - 1 - lw;
	int rx = body.x + lw + 1;
	struct {
		int y, x, h, w;
	} at[LAYOUT_PANES] = {
		{ y, body.x, top, lw },
		{ y, rx, top, rw },
		{ y + top, body.x, bottom, lw },
		{ y + top, rx, bottom, rw },
		{ y + top + bottom, body.x, dh, body.w },
	};
	for (int i = 0; i < LAYOUT_PANES; i++) {
		out->title[i] = rect_make(at[i].y, at[i].x, min_int(at[i].h, 1), at[i].w);
		out->pane[i] = rect_make(at[i].y + 1, at[i].x, at[i].h - 1, at[i].w);
	}
}

int
layout_tab_variant(int width, const int widths[3][LAYOUT_PANES])
{
	for (int v = 0; v < 2; v++) {
		int need = 0;
		for (int i = 0; i < LAYOUT_PANES; i++)
			need += widths[v][i] + 4;
		if (need <= width)
			return v;
	}
	return 2;
}

int
layout_clamp_scroll(int scroll, int nlines, int height)
{
	int max = max_int(nlines - max_int(height, 1), 0);
	return scroll < 0 ? 0 : scroll > max ? max : scroll;
}

int
layout_scroll_to_show(int scroll, int line, int nlines, int height)
{
	height = max_int(height, 1);
	if (line < scroll)
		scroll = line;
	else if (line >= scroll + height)
		scroll = line - height + 1;
	return layout_clamp_scroll(scroll, nlines, height);
}

int
layout_scroll_proportional(int scroll, int old_n, int new_n, int height)
{
	if (old_n <= 0 || scroll <= 0)
		return 0;
	long long s = (long long)scroll * new_n / old_n;
	return layout_clamp_scroll(s > INT_MAX ? INT_MAX : (int)s, new_n, height);
}

bool
layout_size_changed(struct rect old, struct rect area)
{
	return old.h != area.h || old.w != area.w;
}

int
layout_list_top(int top, int sel, int n, int item_h, int height)
{
	item_h = max_int(item_h, 1);
	int vis = max_int(height / item_h, 1);
	if (n <= 0)
		return 0;
	sel = sel < 0 ? 0 : sel >= n ? n - 1 : sel;
	if (sel < top)
		top = sel;
	else if (sel >= top + vis)
		top = sel - vis + 1;
	if (top > n - vis)
		top = n - vis;
	return top < 0 ? 0 : top;
}
