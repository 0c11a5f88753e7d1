/* artlist.c: see artlist.h. */
#include "config.h"
#include "artlist.h"

#include <stdlib.h>
#include <string.h>

#include "article_text.h"
#include "buf.h"
#include "draw.h"
#include "render.h"
#include "text.h"

/* An ISO date, YYYY-MM-DD. */
#define DATE_W 10

/* Whether the review status and the date fit side by side in cols, for
 * the widest status the database names. */
static bool
meta_fits(const struct app *app, int cols)
{
	int widest = 0;
	for (size_t i = 0; i < app->nstatuses; i++) {
		char *label = text_sanitized(app->statuses[i].label, 0);
		int lw = (int)text_width(label, strlen(label));
		widest = lw > widest ? lw : widest;
		free(label);
	}
	return 2 + widest + 1 + DATE_W <= cols;
}

int
artlist_item_h(const struct app *app, int cols, int rows)
{
	/* Narrower than the status and the date side by side (a phone):
	 * the date gets a line of its own rather than be cut to "2026-". */
	int h = cols >= 72 ? 2 : meta_fits(app, cols) ? 3 : 4;
	if (rows >= h)
		return h;
	/* Too few rows for one whole item: titles alone, a line each,
	 * rather than an empty list whose selection cannot be seen. */
	return rows >= 3 && h == 4 ? 3 : 1;
}

/* The title in lines lines from (y, x), the last one cut short. */
static void
draw_title(WINDOW *w, int y, int x, int cols, const char *title, int lines,
    enum theme_role role)
{
	struct render_doc doc = { 0 };
	render_text(&doc, title, cols, 0, 0);
	for (int i = 0; i < lines && (size_t)i < doc.nlines; i++) {
		if (i < lines - 1 || (size_t)i + 1 == doc.nlines) {
			draw_text(w, y + i, x, doc.lines[i].text, doc.lines[i].len, cols,
			    theme_get(role));
			continue;
		}
		struct buf rest = BUF_INIT;
		for (size_t k = (size_t)i; k < doc.nlines; k++)
			buf_addf(&rest, "%s%s", k > (size_t)i ? " " : "",
			    doc.lines[k].text);
		draw_str_cut(w, y + i, x, rest.data, cols, role);
		buf_free(&rest);
	}
	render_doc_free(&doc);
}

void
artlist_draw(WINDOW *w, int y, int h, int cols, const struct app *app,
    const struct db_summary *v, size_t n, int top, int sel, bool focused,
    bool short_topic)
{
	int ih = artlist_item_h(app, cols, h);
	/* The lines under the title: status and date, and on a narrow
	 * list a second line where the date goes if it does not fit. */
	int meta_h = ih == 4 ? 2 : 1;

	for (int row = 0; row + ih <= h && top >= 0 &&
	    (size_t)top < n; row += ih, top++) {
		const struct db_summary *s = &v[top];
		bool is_sel = top == sel;
		enum theme_role tr = is_sel ?
		    (focused ? TH_SELECTION : TH_SELECTION_IDLE) : TH_TITLE;
		char *title = text_sanitized(s->title, TEXT_TABS_AS_SPACE);
		const char *last = strrchr(s->topic, '/');
		char *topic = article_text_topic(short_topic && last ? last + 1 : s->topic);
		char *status = text_sanitized(app_status_label(app, s->status), 0);
		char *date = text_sanitized(s->updated, 0);
		const char *bullet = state_is_bookmarked(&app->st, s->id) ?
		    (text_ascii() ? "* " : "\xe2\x98\x85 ") : " ";

		int my = y + row + ih - meta_h;
		for (int i = 0; is_sel && i < ih - meta_h; i++)
			draw_fill(w, y + row + i, 0, cols, tr);
		/* The marker shows where the keys go: only in a focused list. */
		if (is_sel && focused)
			draw_str(w, y + row, 0, ">", 1, tr);
		int x = 1 + draw_str(w, y + row, 1, bullet, cols - 1, tr);
		if (ih == 1) {
			draw_str_cut(w, y + row, x, title, cols - x - 1, tr);
			goto next;
		}
		draw_title(w, y + row, x, cols - x - 1, title, ih - meta_h, tr);
		x = 2;
		x += draw_str(w, my, x, status, cols - x, theme_status_role(s->status));
		/* A date is whole or not shown: "2026-" reads as a year. */
		int dw = (int)text_width(date, strlen(date));
		if (x + 1 + dw > cols && meta_h == 2) {
			my++;
			x = 2;
		} else {
			x += draw_str(w, my, x, " ", cols - x, TH_DIM);
		}
		if (x + dw <= cols) {
			x += draw_str(w, my, x, date, cols - x, TH_DIM);
			x += draw_str(w, my, x, "  ", cols - x, TH_DIM);
		}
		draw_str_cut(w, my, x, topic, cols - x - 1, TH_DIM);
next:
		free(title);
		free(topic);
		free(status);
		free(date);
	}
}
