/* search_nohit.c: see search_nohit.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "db.h"
#include "draw.h"
#include "input.h"
#include "query.h"
#include "render.h"
#include "search_nohit.h"
#include "text.h"

void
search_nohit_clear(struct search_nohit *nh)
{
	free(nh->other_level);
	free(nh->blamed_level);
	db_strings_free(nh->sugg, nh->nsugg);
	db_closest_free(nh->close, nh->nclose);
	memset(nh, 0, sizeof *nh);
}

/* For tests: BEDSIDE_TEST_CLOSEST_PUT_OFF=1 leaves the closest matches
 * due whenever a key may stop them, as a key would on a large database
 * (100,000 articles), so that only a key that needs them finds them. */
static bool
closest_put_off(void)
{
	static int put_off = -1;
	if (put_off < 0) {
		const char *e = getenv("BEDSIDE_TEST_CLOSEST_PUT_OFF");
		put_off = e && strcmp(e, "1") == 0;
	}
	return put_off;
}

void
search_nohit_closest(struct search_nohit *nh, struct app *app, const char *query,
    double *deadline, bool stoppable)
{
	db_closest_free(nh->close, nh->nclose);
	nh->close = NULL;
	nh->nclose = 0;
	nh->close_due = false;
	if (nh->other_level)
		return;
	if (stoppable && closest_put_off()) {
		nh->close_due = true;
		return;
	}
	if (stoppable)
		db_set_stop(app->db, input_stop, deadline);
	int rc = db_closest(app->db, query, app_level(app), SEARCH_NOHIT_CLOSEST,
	    &nh->close, &nh->nclose);
	db_set_stop(app->db, NULL, NULL);
	/* Stopped, they are found when the keys rest (a key that changes
	 * the query clears them first); an error leaves the reasons alone. */
	nh->close_due = rc == DB_STOPPED;
}

size_t
search_nohit_words(const struct search_nohit *nh)
{
	/* Beside the closest matches, three words: the likeliest. */
	return nh->nclose && nh->nsugg > 3 ? 3 : nh->nsugg;
}

/* Where the parts go in h rows: the first line and the gap between
 * parts (a blank line where they fit; on a low screen none, so that the
 * words offered still show). Returns the row the closest matches start
 * at, or -1 if none of them shows whole. */
static int
place(const struct search_nohit *nh, const char *query, int h, int item_h, int *y,
    int *gap)
{
	int nsugg = (int)search_nohit_words(nh), shown = nsugg < 3 ? nsugg : 3;
	*y = 1, *gap = 2;
	if (h < 5 + (shown > 0 ? shown : 1) + (nh->nclose ? 2 + item_h : 0))
		*y = 0, *gap = 1;
	if (nh->nclose == 0 || nh->other_level)
		return -1;
	if (nh->apart)
		return *y + *gap + item_h <= h ? *y + *gap : -1;
	if (!nh->blamed || nh->blame_to > strlen(query))
		return -1;
	int next = *y + 2 * *gap + (nsugg ? nsugg + *gap - 1 : 0);
	return next + *gap + item_h <= h ? next + *gap : -1;
}

size_t
search_nohit_count(const struct search_nohit *nh, const char *query, int h, int item_h)
{
	int y, gap;
	/* A closest match that does not show is not to be selected (and
	 * opened) unseen. */
	bool shown = place(nh, query, h, item_h, &y, &gap) >= 0;
	return search_nohit_words(nh) + (shown ? nh->nclose : 0);
}

char *
search_nohit_lacks(const struct db_closest *c, bool marked)
{
	struct buf b = BUF_INIT;
	for (size_t k = 0; k < c->nlacks; k++) {
		char *w = text_sanitized(c->lacks[k], TEXT_TABS_AS_SPACE);
		buf_addf(&b, "%s\"", k ? ", " : "");
		if (marked)
			buf_addc(&b, RENDER_MATCH_ON);
		buf_adds(&b, w);
		if (marked)
			buf_addc(&b, RENDER_MATCH_OFF);
		buf_addc(&b, '"');
		free(w);
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

void
search_nohit_find(struct search_nohit *nh, struct app *app, const char *query)
{
	char *words[QUERY_MAX_WORDS];
	size_t nw, from, to;
	char **levels;
	size_t nlevels;

	search_nohit_clear(nh);
	/* Found at another level, the words are right and the level is not:
	 * no word is to blame, and none is offered in its place. */
	if (db_other_levels(app->db, query, app_level(app), &levels, &nlevels) == 0 &&
	    nlevels > 0) {
		nh->other_level = xstrdup(levels[0]);
		db_strings_free(levels, nlevels);
		return;
	}
	/* The first word that finds nothing on its own (a part of one as
	 * typed: "blockers" of "beta-blockers", as in `bedside search`) gets
	 * the index's close words; if every word finds something alone, no
	 * article has them all (apart). */
	nw = query_words(query, words, QUERY_MAX_WORDS);
	int rc = db_unmatched(app->db, query, app_level(app), &from, &to);
	if (rc == 0 && from < to) {
		nh->blamed = true;
		nh->blame_from = from;
		nh->blame_to = to;
		char *w = xstrndup(query + from, to - from);
		if (db_suggest(app->db, w, app_level(app), &nh->sugg, &nh->nsugg, 5) != 0) {
			nh->sugg = NULL;
			nh->nsugg = 0;
		}
		free(w);
		/* "Nothing matches" is false of a word the patient's articles
		 * have: looked for as the search took it, whole unless it
		 * ends the query (as `bedside search` says it). */
		char *rest;
		size_t after = query_words(query + to, &rest, 1);
		if (after)
			free(rest);
		struct buf one = BUF_INIT;
		buf_addf(&one, "%.*s%s", (int)(to - from), query + from,
		    after ? " " : query + to);
		if (db_other_levels(app->db, one.data, app_level(app), &levels,
		    &nlevels) == 0 && nlevels > 0)
			nh->blamed_level = xstrdup(levels[0]);
		if (nlevels > 0)
			db_strings_free(levels, nlevels);
		buf_free(&one);
	} else if (rc == 0) {
		nh->apart = nw > 1;
	}
	for (size_t k = 0; k < nw; k++)
		free(words[k]);
}

/* The label of the level named name ("Patient" for "patient"). */
static const char *
level_label(const struct app *app, const char *name)
{
	for (size_t i = 0; i < app->nlevels; i++)
		if (strcmp(app->levels[i].name, name) == 0)
			return app->levels[i].label;
	return name;
}

/* Draws text from row y, wrapped at w columns (a phone's 40 would cut
 * "Enter searches there" off), in at most rows rows, the last cut if
 * need be. Returns the rows used. */
static int
draw_wrapped(WINDOW *body, int y, const char *text, int w, int rows, enum theme_role role)
{
	struct render_doc doc = { 0 };
	struct buf rest = BUF_INIT;
	int n = 0;

	rows = rows < 1 ? 1 : rows;
	render_text(&doc, text, w, 0, 0);
	for (size_t k = 0; k < doc.nlines && n < rows; k++, n++) {
		if (n + 1 < rows || k + 1 == doc.nlines) {
			draw_str(body, y + n, 2, doc.lines[k].text, w, role);
			continue;
		}
		for (size_t j = k; j < doc.nlines; j++)
			buf_addf(&rest, "%s%s", j > k ? " " : "", doc.lines[j].text);
		draw_str_cut(body, y + n, 2, rest.data, w, role);
	}
	buf_free(&rest);
	render_doc_free(&doc);
	return n;
}

/* Says the query is found at another level, and which key searches
 * there. */
static void
draw_other_level(const struct search_nohit *nh, struct app *app, WINDOW *body,
    const char *query, int w, int h, int y, int gap)
{
	struct buf b = BUF_INIT;
	char key[32];
	char *q = text_sanitized(query, TEXT_TABS_AS_SPACE);
	char *here = text_sanitized(app_level_label(app), 0);
	char *there = text_sanitized(level_label(app, nh->other_level), 0);

	buf_addf(&b, "Nothing matches \"%s\" at the %s level.", q, here);
	/* Two rows at least for the way to the other level. */
	y += draw_wrapped(body, y, b.data, w - 3, h - y - gap - 1, TH_NORMAL) + gap - 1;
	app_key_name(app, CTX_SEARCH, ACT_OPEN, key, sizeof key);
	buf_truncate(&b, 0);
	buf_addf(&b, "The %s level has it: %s searches there.", there,
	    key[0] ? key : "open");
	draw_wrapped(body, y, b.data, w - 3, h - y, TH_MATCH);
	free(q);
	free(here);
	free(there);
	buf_free(&b);
}

/* The line over the closest matches: the words they lack, if all lack
 * the same. */
static void
draw_closest_head(const struct search_nohit *nh, WINDOW *body, int y, int w, bool alone)
{
	struct buf b = BUF_INIT;
	char *first = search_nohit_lacks(&nh->close[0], false);
	bool same = true;
	for (size_t i = 1; i < nh->nclose && same; i++) {
		char *other = search_nohit_lacks(&nh->close[i], false);
		same = strcmp(first, other) == 0;
		free(other);
	}
	buf_addf(&b, "%sClosest%s%s:", alone ? "No article has every word. " : "",
	    same ? ", without " : " matches", same ? first : "");
	/* Too wide (a phone), the heading goes before the opening that the
	 * box's "No articles match" says already. */
	if (alone && (int)text_width(b.data, b.len) > w - 3) {
		buf_truncate(&b, 0);
		buf_addf(&b, "Closest%s%s:", same ? ", without " : " matches",
		    same ? first : "");
	}
	draw_str_cut(body, y, 2, b.data, w - 3, TH_NORMAL);
	free(first);
	buf_free(&b);
}

int
search_nohit_draw(const struct search_nohit *nh, struct app *app, WINDOW *body,
    const char *query, int sel, int w, int h, int item_h)
{
	struct buf b = BUF_INIT, word = BUF_INIT;
	char key[32];
	int nsugg = (int)search_nohit_words(nh), y, gap;
	int close_y = place(nh, query, h, item_h, &y, &gap);

	if (nh->other_level) {
		draw_other_level(nh, app, body, query, w, h, y, gap);
		return h;
	}
	if (nh->apart && close_y >= 0) {
		draw_closest_head(nh, body, y, w, true);
		return close_y;
	}
	if (nh->apart) {
		/* Every word is somewhere: it is the words together that fail. */
		char *q = text_sanitized(query, TEXT_TABS_AS_SPACE);
		buf_addf(&b, "No article has all of \"%s\" together.", q);
		free(q);
		y += draw_wrapped(body, y, b.data, w - 3, h - y - gap - 1, TH_NORMAL) +
		    gap - 1;
		draw_wrapped(body, y, "Each word is found on its own: try fewer words.",
		    w - 3, h - y, TH_DIM);
		buf_free(&b);
		return h;
	}
	if (!nh->blamed || nh->blame_to > strlen(query)) {
		buf_free(&b);
		return h;
	}
	/* The word that finds nothing, not the one typed around it. */
	buf_add(&word, query + nh->blame_from, nh->blame_to - nh->blame_from);
	char *safe = text_sanitized(word.data ? word.data : "", 0);
	if (nh->blamed_level) {
		char *there = text_sanitized(level_label(app, nh->blamed_level), 0);
		buf_addf(&b, "Nothing matches \"%s\" at this level: only the %s level has "
		    "it.", safe, there);
		free(there);
	} else {
		buf_addf(&b, "Nothing matches \"%s\".", safe);
	}
	free(safe);
	draw_str_cut(body, y, 2, b.data, w - 3, TH_NORMAL);
	if (nsugg == 0) {
		/* A short word, a number or an abbreviation is not looked up
		 * (db_suggest_edits): "either" would claim a search not made. */
		bool looked = db_suggest_edits(word.data ? word.data : "");
		draw_str_cut(body, y + gap, 2, looked ?
		    "No close words in the index either." :
		    "No guesses for short words, numbers or abbreviations: try it in full.",
		    w - 3, TH_DIM);
	} else {
		app_key_name(app, CTX_SEARCH, ACT_OPEN, key, sizeof key);
		buf_truncate(&b, 0);
		buf_addf(&b, "Did you mean (%s takes it):", key[0] ? key : "open");
		draw_str_cut(body, y + gap, 2, b.data, w - 3, TH_DIM);
		/* The selected word is always among those shown. */
		int y0 = y + 2 * gap, rows = h - y0;
		int first = rows > 0 && sel < nsugg && sel >= rows ? sel - rows + 1 : 0;
		for (int i = first; i < nsugg && y0 + i - first < h; i++) {
			int row = y0 + i - first;
			bool selected = i == sel;
			char *sg = text_sanitized(nh->sugg[i], 0);
			if (selected) {
				draw_fill(body, row, 2, w - 4, TH_SELECTION);
				draw_str(body, row, 2, ">", 1, TH_SELECTION);
			}
			draw_str_cut(body, row, 4, sg, w - 6,
			    selected ? TH_SELECTION : TH_MATCH);
			free(sg);
		}
	}
	buf_free(&b);
	buf_free(&word);
	/* The closest matches below, where one fits whole (place()). */
	if (close_y < 0)
		return h;
	draw_closest_head(nh, body, close_y - gap, w, false);
	return close_y;
}
