/* article_header.c: see article_header.h. */
#include "config.h"
#include "article_header.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "article_text.h"
#include "buf.h"
#include "draw.h"
#include "state.h"
#include "text.h"

/* The right part of the meta line: the status as a badge, the date and
 * the level, with their words ("Updated", "Level:") when there is room;
 * without the level when it went to the topic's line. */
static void
meta_right(const struct app *app, const struct db_article *a, bool words,
    bool level_on_topic_line, struct buf *status, struct buf *rest)
{
	char *st = text_sanitized(app_status_label(app, a->status), 0);
	char *level = text_sanitized(a->level_label, 0);
	char *date = text_sanitized(a->updated, 0);

	buf_addf(status, " %s ", st);
	if (level_on_topic_line && !words)
		buf_addf(rest, " %s", date);
	else
		buf_addf(rest, words ? "  Updated %s  Level: %s" : " %s %s", date, level);
	if (state_is_bookmarked(&app->st, a->id))
		buf_adds(rest, text_ascii() ? "  *" : "  \xe2\x98\x85");
	free(st);
	free(level);
	free(date);
}

static int
meta_right_width(const struct app *app, const struct db_article *a, bool words,
    bool level_on_topic_line)
{
	struct buf s = BUF_INIT, r = BUF_INIT;
	meta_right(app, a, words, level_on_topic_line, &s, &r);
	int w = (int)(text_width(s.data, s.len) + text_width(r.data, r.len));
	buf_free(&s);
	buf_free(&r);
	return w;
}

static int
draw_meta_right(WINDOW *win, const struct app *app, const struct db_article *a,
    bool level_on_topic_line, int y, int x, int maxw)
{
	struct buf s = BUF_INIT, r = BUF_INIT;
	bool words = meta_right_width(app, a, true, level_on_topic_line) <= maxw;
	int used;

	meta_right(app, a, words, level_on_topic_line, &s, &r);
	used = draw_str(win, y, x, s.data, maxw, theme_status_role(a->status));
	used += draw_str_cut(win, y, x + used, r.data, maxw - used, TH_NORMAL);
	buf_free(&s);
	buf_free(&r);
	return used;
}

/* Whether the status and the date (with the bookmark's star) fit on one
 * line of width columns, the level gone to the topic's line. */
static bool
status_and_date_fit(const struct app *app, const struct db_article *a, int width)
{
	return meta_right_width(app, a, false, true) <= width - 2;
}

int
article_header_meta_lines(const struct app *app, const struct db_article *a, int width)
{
	char *topic = article_text_topic(a->topic);
	int tw = (int)text_width(topic, strlen(topic));
	free(topic);
	if (tw + 3 + meta_right_width(app, a, true, false) <= width - 2)
		return 1;
	return status_and_date_fit(app, a, width) ? 2 : 3;
}

/* The topic, cut, with the level whole at the right. */
static void
draw_topic_level(WINDOW *win, const struct db_article *a, const char *topic, int y, int w)
{
	char *level = text_sanitized(a->level_label, 0);
	int lw = (int)text_width(level, strlen(level));
	int x = w - 1 - lw > 1 ? w - 1 - lw : 1;
	draw_str(win, y, x, level, w - 1 - x, TH_NORMAL);
	if (x > 4)
		draw_str_cut(win, y, 1, topic, x - 2, TH_DIM);
	free(level);
}

/* Narrower than the status and the date side by side (a phone at 25
 * columns or fewer): each gets a line of its own, so that neither is
 * ever cut. Three lines: the topic with the level, the status, the date.
 * Two (a short screen): the status, then the date with the level if it
 * fits; the topic is what goes. */
static void
draw_meta_narrow(WINDOW *win, const struct app *app, const struct db_article *a,
    const char *topic, int y, int w, int meta_lines)
{
	char *st = text_sanitized(app_status_label(app, a->status), 0);
	char *date = text_sanitized(a->updated, 0);
	char *level = text_sanitized(a->level_label, 0);
	struct buf b = BUF_INIT;

	if (meta_lines >= 3) {
		draw_topic_level(win, a, topic, y, w);
		y++;
	}
	buf_addf(&b, " %s ", st);
	int used = draw_str_cut(win, y, 1, b.data, w - 2, theme_status_role(a->status));
	const char *star = text_ascii() ? "  *" : "  \xe2\x98\x85";
	if (state_is_bookmarked(&app->st, a->id) && used + 3 <= w - 2)
		draw_str(win, y, 1 + used, star, w - 2 - used, TH_NORMAL);
	y++;
	int dw = (int)text_width(date, strlen(date));
	int lw = (int)text_width(level, strlen(level));
	if (meta_lines >= 3 && dw + 8 <= w - 2) {
		buf_truncate(&b, 0);
		buf_addf(&b, "Updated %s", date);
		draw_str(win, y, 1, b.data, w - 2, TH_NORMAL);
	} else {
		draw_str_cut(win, y, 1, date, w - 2, TH_NORMAL);
		if (meta_lines < 3 && dw + 1 + lw <= w - 2)
			draw_str(win, y, w - 1 - lw, level, lw, TH_NORMAL);
	}
	buf_free(&b);
	free(st);
	free(date);
	free(level);
}

void
article_header_draw(WINDOW *win, const struct app *app, const struct db_article *a,
    const struct render_doc *title, int w, int title_lines, int meta_lines)
{
	int y = 0;
	char *topic = article_text_topic(a->topic);

	werase(win);
	for (int i = 0; i < title_lines && (size_t)i < title->nlines; i++, y++) {
		bool last = i == title_lines - 1 && (size_t)i + 1 < title->nlines;
		if (!last) {
			draw_render_line(win, y, 1, w - 2, &title->lines[i], NULL,
			    TH_TITLE);
			continue;
		}
		/* The rest of the question on the last line, cut. */
		struct buf rest = BUF_INIT;
		for (size_t k = (size_t)i; k < title->nlines; k++)
			buf_addf(&rest, "%s%s", k > (size_t)i ? " " : "",
			    title->lines[k].text);
		draw_str_cut(win, y, 1, rest.data, w - 2, TH_TITLE);
		buf_free(&rest);
	}
	if (meta_lines >= 2 && !status_and_date_fit(app, a, w)) {
		draw_meta_narrow(win, app, a, topic, y, w, meta_lines);
	} else if (meta_lines >= 2 && meta_right_width(app, a, false, false) > w - 2) {
		/* Too narrow for status, date and level on one line (a
		 * phone): the level goes right of the topic, which is cut. */
		draw_topic_level(win, a, topic, y, w);
		draw_meta_right(win, app, a, true, y + 1, 1, w - 2);
	} else if (meta_lines >= 2) {
		draw_str_cut(win, y, 1, topic, w - 2, TH_DIM);
		draw_meta_right(win, app, a, false, y + 1, 1, w - 2);
	} else if (meta_lines == 1) {
		/* One line: status, date and level first, the topic in what
		 * is left. */
		int rw = meta_right_width(app, a, true, false);
		if (rw > w - 2)
			rw = meta_right_width(app, a, false, false);
		int x = w - 1 - rw;
		if (x < 1)
			x = 1;
		draw_meta_right(win, app, a, false, y, x, w - 1 - x);
		if (x > 4)
			draw_str_cut(win, y, 1, topic, x - 3, TH_DIM);
	}
	free(topic);
	wnoutrefresh(win);
}
