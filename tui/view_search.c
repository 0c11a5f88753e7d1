/* view_search.c: search as you type. Every change to the query runs the
 * search again; hits are ranked by the database and shown with title,
 * topic, the pane that matched and a snippet with the matched words
 * highlighted. With no hit, the closest words of the index are offered in
 * place of the word that matched nothing.
 *
 * Printable keys are query text here; the keymap (search context) gives
 * the rest: moving through hits, opening, closing. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "article_text.h"
#include "buf.h"
#include "draw.h"
#include "input.h"
#include "line_edit.h"
#include "query.h"
#include "render.h"
#include "search_nohit.h"
#include "text.h"
#include "view.h"

#define SEARCH_LIMIT 100
/* The time a key's search may take before the screen shows the first
 * matches unranked instead, and ranks them once the keys rest: ranking a
 * short word that is in most articles takes tens of milliseconds at
 * 100,000 articles, and the screen must keep up with the typing. */
#define SEARCH_BUDGET_MS 12
#define QUERY_MAX 1024          /* bytes; a longer paste is cut here */

struct search_view {
	struct view v;
	struct line_edit line;  /* the query, and the cursor in it */
	struct line_edit_view view;     /* the part of it the box shows */
	struct db_hit *hits;
	size_t nhits;
	struct search_nohit nohit;      /* with no hit: why, and what to try */
	int sel, top;
	bool failed;
	bool stale;             /* the query changed since the last search */
	bool ranking;           /* hits are the first matches; ranked ones to come */
	bool snippets_due;      /* the snippets on screen are not made yet */
	/* Per hit, the snippet its row had for the query before, shown until
	 * its own is made: a key that keeps the same hits redraws nothing. */
	char **shown;
	WINDOW *box, *body;
	bool dirty_box, dirty_body;
};

static struct search_view *
sv(const struct view *v)
{
	return (struct search_view *)v;
}

static const char *
query_text(const struct search_view *s)
{
	return line_edit_text(&s->line);
}

static void
clear_results(struct search_view *s)
{
	db_strings_free(s->shown, s->shown ? s->nhits : 0);
	s->shown = NULL;
	db_hits_free(s->hits, s->nhits);
	s->hits = NULL;
	s->nhits = 0;
	search_nohit_clear(&s->nohit);
	s->sel = s->top = 0;
	s->failed = false;
	s->ranking = s->snippets_due = false;
}

/* Puts a search's hits in place of the last ones, each row keeping its
 * article's details (they are the same), and the snippet it had until
 * its own is made (a snippet depends on the query). */
static void
take_hits(struct search_view *s, struct db_hit *hits, size_t n)
{
	char **shown = n ? xcalloc(n, sizeof *shown) : NULL;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < s->nhits; j++) {
			struct db_hit *old = &s->hits[j], *h = &hits[i];
			if (old->row != h->row)
				continue;
			if (old->id && h->id == NULL) {
				h->id = old->id;
				h->title = old->title;
				h->topic = old->topic;
				h->status = old->status;
				h->updated = old->updated;
				old->id = old->title = old->topic = old->status = NULL;
				old->updated = NULL;
			}
			char **from = old->snippet ? &old->snippet :
			    s->shown ? &s->shown[j] : NULL;
			if (from) {
				shown[i] = *from;
				*from = NULL;
			}
			break;
		}
	clear_results(s);
	s->hits = hits;
	s->nhits = n;
	s->shown = shown;
}

/* --- searching without keeping the keys waiting --------------------------- */

/* The budget; tests set BEDSIDE_TEST_SEARCH_BUDGET_MS=0 to take the
 * unranked-then-ranked path on a small database. */
static double
search_budget_ms(void)
{
	static double budget = -1;
	if (budget < 0) {
		const char *e = getenv("BEDSIDE_TEST_SEARCH_BUDGET_MS");
		char *end;
		double v = e && *e ? strtod(e, &end) : -1;
		budget = v >= 0 && *end == '\0' ? v : SEARCH_BUDGET_MS;
	}
	return budget;
}


/* Whether text holds a word the search looks for: punctuation alone
 * ("-", "^:") is no word to it (query_words()), so it finds nothing and
 * is nothing to blame either. */
static bool
has_words(const char *text)
{
	char *w;
	if (query_words(text, &w, 1) == 0)
		return false;
	free(w);
	return true;
}

/* How a search runs (run()). */
enum run_mode {
	/* For a key typed: a key that comes stops it (it changes the query:
	 * the results stay as they were, marked stale, and the next draw
	 * searches again), and past the budget it gives way to the first
	 * matches, unranked, ranked later by RUN_RESTING (search_idle). */
	RUN_TYPING,
	/* While the keys rest: ranked to the end unless a key comes. */
	RUN_RESTING,
	/* To the end: a key that acts on the hits (Enter) must act on the
	 * ranked ones. */
	RUN_WHOLE,
};

static void
run(struct search_view *s, enum run_mode mode)
{
	struct app *app = s->v.app;
	struct db_hit *hits = NULL;
	size_t n = 0;

	/* Stale until a search ends; a rest's ranking that a key stops
	 * leaves the first matches as they were, still to be ranked. */
	if (mode != RUN_RESTING)
		s->stale = true;
	if (!has_words(query_text(s))) {
		clear_results(s);
		s->stale = false;
		s->dirty_box = s->dirty_body = true;
		return;
	}
	double deadline = input_now_ms() + search_budget_ms();
	if (mode != RUN_WHOLE)
		db_set_stop(app->db, input_stop, mode == RUN_TYPING ? &deadline : NULL);
	/* Rows only: the few hits on screen get their titles and snippets
	 * when drawn (search_draw), not all hundred. */
	int rc = db_search_rows(app->db, query_text(s), app_level(app), SEARCH_LIMIT,
	    true, &hits, &n);
	bool ranking = false;
	if (rc == DB_STOPPED && mode == RUN_TYPING && !input_pending()) {
		db_set_stop(app->db, input_stop, NULL);
		rc = db_search_rows(app->db, query_text(s), app_level(app),
		    SEARCH_LIMIT, false, &hits, &n);
		ranking = rc == 0 && n > 0;
	}
	db_set_stop(app->db, NULL, NULL);
	if (rc == DB_STOPPED)
		return;
	take_hits(s, rc == 0 ? hits : NULL, rc == 0 ? n : 0);
	s->stale = false;
	s->ranking = ranking;
	s->dirty_box = s->dirty_body = true;
	if (rc != 0) {
		s->failed = true;
		return;
	}
	if (s->nhits != 0)
		return;
	search_nohit_find(&s->nohit, app, query_text(s));
	/* The closest matches in what is left of a key's budget, else when
	 * the keys rest (search_idle). */
	search_nohit_closest(&s->nohit, app, query_text(s),
	    mode == RUN_TYPING ? &deadline : NULL, mode != RUN_WHOLE);
}

/* Ranks the hits of a search that showed the first matches, searches
 * again if a key stopped the last search, and makes the snippets a draw
 * was stopped before; a key stops any of them. True if there is
 * something new to draw. */
static bool
search_idle(struct view *v)
{
	struct search_view *s = sv(v);

	if (s->stale || s->ranking) {
		run(s, s->stale ? RUN_TYPING : RUN_RESTING);
		return !s->stale;
	}
	if (s->snippets_due) {
		s->dirty_body = true;
		return true;
	}
	if (s->nohit.close_due) {
		search_nohit_closest(&s->nohit, s->v.app, query_text(s), NULL, true);
		s->dirty_body = !s->nohit.close_due;
		return s->dirty_body;
	}
	return false;
}

/* Puts the suggestion in place of the word that found nothing, and a
 * space after the query: the word is whole. */
static void
take_suggestion(struct search_view *s, const char *word)
{
	struct buf q = BUF_INIT;
	const char *t = query_text(s);
	const struct search_nohit *nh = &s->nohit;
	if (nh->blamed && nh->blame_to <= s->line.text.len) {
		buf_add(&q, t, nh->blame_from);
		buf_adds(&q, word);
		buf_adds(&q, t + nh->blame_to);
	} else {
		buf_adds(&q, word);
	}
	while (q.len > 0 && q.data[q.len - 1] == ' ')
		buf_truncate(&q, q.len - 1);
	buf_addc(&q, ' ');
	line_edit_set(&s->line, q.data);
	buf_free(&q);
	run(s, RUN_WHOLE);
}

/* --- text entry ------------------------------------------------------- */

static bool
is_char(struct key key)
{
	return !key.is_func && !key.meta && key.code >= 0x20 && key.code != 0x7f;
}

static bool
is_backspace(struct key key)
{
	return !key.meta && ((key.is_func && key.code == KEY_BACKSPACE) ||
	    (!key.is_func && key.code == 0x08));
}

/* The keys that move the cursor in the query or delete at it. */
static bool
is_edit_func(struct key key)
{
	return !key.meta && key.is_func && (key.code == KEY_LEFT || key.code == KEY_RIGHT ||
	    key.code == KEY_HOME || key.code == KEY_END || key.code == KEY_DC);
}

bool
search_key_is_text(struct key key)
{
	return is_char(key) || is_backspace(key) || is_edit_func(key) ||
	    (!key.meta && !key.is_func && (key.code == 0x17 || key.code == 0x15));
}

/* The keys of a text field, as in a shell: characters, Backspace and
 * Delete, C-w (the word before the cursor) and C-u (all before it), Left,
 * Right, Home and End to move. Everything else goes to the keymap. */
static bool
search_input(struct view *v, struct key key)
{
	struct search_view *s = sv(v);
	struct line_edit *l = &s->line;
	bool changed;

	if (is_edit_func(key) && key.code != KEY_DC) {
		if (key.code == KEY_LEFT)
			line_edit_left(l);
		else if (key.code == KEY_RIGHT)
			line_edit_right(l);
		else if (key.code == KEY_HOME)
			line_edit_home(l);
		else
			line_edit_end(l);
		/* Only the cursor moved: the same query, the same hits. */
		s->dirty_box = true;
		return true;
	}
	if (is_char(key)) {
		changed = line_edit_insert(l, (uint32_t)key.code, QUERY_MAX);
		if (!changed) {
			app_message(v->app, TH_MESSAGE,
			    "The query is as long as it can be");
			return true;
		}
	} else if (is_backspace(key)) {
		changed = line_edit_backspace(l);
	} else if (is_edit_func(key)) {
		changed = line_edit_delete(l);
	} else if (!key.meta && !key.is_func && key.code == 0x17) {
		changed = line_edit_kill_word(l);
	} else if (!key.meta && !key.is_func && key.code == 0x15) {
		changed = line_edit_kill_start(l);
	} else {
		return false;
	}
	if (!changed)
		return true;
	/* Searched when drawn, so a paste searches once, not per key. */
	s->stale = true;
	s->dirty_box = s->dirty_body = true;
	return true;
}

/* --- drawing ------------------------------------------------------------ */

static enum context
search_context(const struct view *v)
{
	(void)v;
	return CTX_SEARCH;
}

static void
search_layout(struct view *v, struct rect area)
{
	struct search_view *s = sv(v);
	/* Resized: the best hits (or closest matches) again, if the
	 * selection allows. */
	if (layout_size_changed(v->area, area))
		s->top = s->nohit.close_top = 0;
	v->area = area;
	s->box = draw_window(s->box, area.y, area.x, area.h >= 2 ? 2 : area.h, area.w);
	s->body = draw_window(s->body, area.y + 2, area.x, area.h - 2, area.w);
	s->dirty_box = s->dirty_body = true;
}

/* A part of the query, made safe where it stands in it. */
static char *
shown_part(const struct search_view *s, size_t from, size_t to)
{
	struct buf b = BUF_INIT;
	text_sanitize_part(&b, query_text(s), s->line.text.len, from, to,
	    TEXT_TABS_AS_SPACE);
	return b.data ? buf_detach(&b) : xstrdup("");
}

/* The marker of query text hidden past an edge of the box. */
static const char *
hidden_mark(bool before)
{
	return text_ascii() ? (before ? "<" : ">") : draw_ellipsis();
}

static void
draw_box(struct search_view *s)
{
	int w = s->v.area.w;
	const char *prompt = " Search: ";
	const char *raw = query_text(s);
	size_t cur = s->line.cur, len = s->line.text.len;
	struct buf info = BUF_INIT;

	werase(s->box);
	draw_fill(s->box, 0, 0, w, TH_HEADER);
	int x = draw_str(s->box, 0, 0, prompt, w, TH_HEADER);
	/* A query longer than the box scrolls in it, the cursor always in
	 * view with what fits around it, and a marker at an edge past which
	 * there is more; the last column stays blank. */
	int cols = w - x - 1;
	line_edit_scroll(&s->line, cols, &s->view);
	size_t at_end = cur < len ? text_char_next(raw, len, cur) : cur;
	char *before = shown_part(s, s->view.from, cur);
	char *under = shown_part(s, cur, at_end);
	char *after = shown_part(s, at_end, s->view.to);
	int end = x + cols;
	if (s->view.hidden_before)
		x += draw_str(s->box, 0, x, hidden_mark(true), 1, TH_HEADER);
	x += draw_str(s->box, 0, x, before, end - x, TH_HEADER);
	/* The cursor: a blank at the end, or over a character that shows
	 * as nothing (a lone mark in the C locale). */
	int uw = draw_str(s->box, 0, x, under, end - x, TH_SELECTION);
	if (uw == 0)
		uw = draw_str(s->box, 0, x, " ", end - x, TH_SELECTION);
	x += uw;
	x += draw_str(s->box, 0, x, after, end - x - s->view.hidden_after, TH_HEADER);
	if (s->view.hidden_after)
		draw_str(s->box, 0, end - 1, hidden_mark(false), 1, TH_HEADER);
	free(before);
	free(under);
	free(after);

	if (s->failed)
		buf_adds(&info, " The search failed; try other words");
	else if (!has_words(query_text(s)))
		/* Spaces or punctuation alone are no query: run() searched
		 * nothing. */
		buf_adds(&info, " Type words to search titles and text");
	else if (s->nhits == 0)
		buf_adds(&info, " No articles match");
	else if (s->ranking)
		buf_addf(&info,
		    " Many articles match; ranking them%s (type more to narrow)",
		    text_ascii() ? "..." : "\xe2\x80\xa6");
	else
		buf_addf(&info, " %zu article%s%s", s->nhits, s->nhits == 1 ? "" : "s",
		    s->nhits >= SEARCH_LIMIT ? " (the best shown)" : "");
	/* The hits are those of the level read at: it shows at the right,
	 * as in every header, where the line has room for both. */
	char level[160];
	snprintf(level, sizeof level, "Level: %s ", app_level_label(s->v.app));
	int lw = (int)text_width(level, strlen(level));
	if ((int)text_width(info.data, info.len) + lw + 1 > w)
		lw = 0;
	draw_str_cut(s->box, 1, 0, info.data, w - lw, s->failed ? TH_ERROR : TH_DIM);
	if (lw)
		draw_str(s->box, 1, w - lw, level, lw, TH_DIM);
	buf_free(&info);
	wnoutrefresh(s->box);
}

/* Lines per hit: title, topic line, snippet. Under 80 columns (a phone)
 * a question cut after forty columns cannot be told from the next, so
 * the title gets two lines while that still leaves three hits in view. */
static int
hit_height(const struct search_view *s)
{
	return s->v.area.w < 80 && s->v.area.h - 2 >= 3 * 4 ? 4 : 3;
}

static void
draw_hit(struct search_view *s, int y, const struct db_hit *h, const char *snippet,
    bool sel)
{
	struct app *app = s->v.app;
	int w = s->v.area.w;
	if (h->id == NULL || h->id[0] == '\0') {
		/* Its details could not be read, or its article is gone. */
		draw_str_cut(s->body, y, 2, "(this article cannot be read)", w - 3, TH_DIM);
		return;
	}
	char *title = text_sanitized(h->title, TEXT_TABS_AS_SPACE);
	char *topic = article_text_topic(h->topic);
	struct buf meta = BUF_INIT;
	struct render_doc doc = { 0 };

	if (sel)
		draw_fill(s->body, y, 0, w, TH_SELECTION);
	draw_str(s->body, y, 0, sel ? ">" : " ", 1, sel ? TH_SELECTION : TH_NORMAL);
	if (hit_height(s) == 4 && (int)text_width(title, strlen(title)) > w - 3) {
		/* The title's first line whole, the rest cut on the second;
		 * the selection's bar covers both. */
		render_text(&doc, title, w - 3, 0, 0);
		if (sel)
			draw_fill(s->body, y + 1, 0, w, TH_SELECTION);
		draw_render_line(s->body, y, 2, w - 3, &doc.lines[0], NULL,
		    sel ? TH_SELECTION : TH_TITLE);
		struct buf rest = BUF_INIT;
		for (size_t k = 1; k < doc.nlines; k++)
			buf_addf(&rest, "%s%s", k > 1 ? " " : "", doc.lines[k].text);
		draw_str_cut(s->body, y + 1, 2, rest.data ? rest.data : "", w - 3,
		    sel ? TH_SELECTION : TH_TITLE);
		buf_free(&rest);
		render_doc_free(&doc);
		y++;
	} else {
		draw_str_cut(s->body, y, 2, title, w - 3, sel ? TH_SELECTION : TH_TITLE);
	}
	buf_addf(&meta, "%s %s in %s", topic, text_ascii() ? "-" : "\xc2\xb7",
	    db_kind_title(h->pane));
	int x = 4;
	char *status = text_sanitized(app_status_label(app, h->status), 0);
	x += draw_str(s->body, y + 1, x, status, w - x, theme_status_role(h->status));
	free(status);
	/* The date as every list of articles shows it, whole or not at all
	 * ("2026-" reads as a year). */
	char *date = text_sanitized(h->updated ? h->updated : "", 0);
	int dw = (int)text_width(date, strlen(date));
	if (dw > 0 && x + 1 + dw <= w) {
		x += draw_str(s->body, y + 1, x, " ", w - x, TH_DIM);
		x += draw_str(s->body, y + 1, x, date, w - x, TH_DIM);
	}
	free(date);
	x += draw_str(s->body, y + 1, x, "  ", w - x, TH_DIM);
	draw_str_cut(s->body, y + 1, x, meta.data, w - x - 1, TH_DIM);
	render_snippet(&doc, snippet, w - 5);
	if (doc.nlines) {
		int used = draw_render_line(s->body, y + 2, 4, w - 5, &doc.lines[0], NULL,
		    TH_NORMAL);
		if (doc.nlines > 1)
			draw_str(s->body, y + 2, 4 + used, draw_ellipsis(), w - 4 - used,
			    TH_DIM);
	}
	render_doc_free(&doc);
	buf_free(&meta);
	free(title);
	free(topic);
}

/* With no hit, what can be selected: the words offered, and the closest
 * matches if they show. */
static size_t
nohit_count(const struct search_view *s)
{
	return search_nohit_count(&s->nohit, query_text(s), s->v.area.h - 2,
	    hit_height(s));
}

/* With no hit: why, and the closest matches as hits, the words each
 * lacks in place of a snippet. */
static void
draw_closest(struct search_view *s, int h)
{
	struct search_nohit *nh = &s->nohit;
	int hh = hit_height(s), nwords = (int)search_nohit_words(nh);
	int y0 = search_nohit_draw(nh, s->v.app, s->body, query_text(s), s->sel,
	    s->v.area.w, h, hh);
	if (y0 + hh > h)
		return;
	int sel = s->sel - nwords;
	nh->close_top = layout_list_top(nh->close_top, sel < 0 ? 0 : sel, (int)nh->nclose,
	    hh, h - y0);
	for (int i = nh->close_top; i < (int)nh->nclose && y0 + hh <= h; i++, y0 += hh) {
		struct buf without = BUF_INIT;
		char *lacks = search_nohit_lacks(&nh->close[i], true);
		buf_addf(&without, "without %s", lacks);
		draw_hit(s, y0, &nh->close[i].hit, without.data, i == sel);
		free(lacks);
		buf_free(&without);
	}
}

static void
search_draw(struct view *v)
{
	struct search_view *s = sv(v);
	int h = v->area.h - 2;

	if (s->stale)
		run(s, RUN_TYPING);
	if (s->dirty_box && s->box)
		draw_box(s);
	if (s->dirty_body && s->body) {
		/* Hits, words or matches came or went: which keys act with
		 * them may have too (search_can_act). */
		v->app->status_dirty = true;
		werase(s->body);
		if (s->nhits) {
			int hh = hit_height(s);
			s->top = layout_list_top(s->top, s->sel, (int)s->nhits, hh, h);
			size_t end = (size_t)s->top + (size_t)(h > 0 ? h / hh : 0);
			size_t to = end < s->nhits ? end : s->nhits;
			db_hit_details(v->app->db, s->hits, (size_t)s->top, to);
			/* Snippets are made from the rows on screen, some tens
			 * of microseconds each; a key that comes stops them,
			 * and the rows keep the snippets they had until the
			 * keys rest (search_idle). */
			db_set_stop(v->app->db, input_stop, NULL);
			s->snippets_due = db_hit_snippets(v->app->db, query_text(s),
			    s->hits, (size_t)s->top, to) == DB_STOPPED;
			db_set_stop(v->app->db, NULL, NULL);
			for (int r = 0; r + hh <= h && s->top + r / hh < (int)s->nhits;
			    r += hh) {
				int i = s->top + r / hh;
				const char *snip = s->hits[i].snippet ? s->hits[i].snippet :
				    s->shown && s->shown[i] ? s->shown[i] : "";
				draw_hit(s, r, &s->hits[i], snip, i == s->sel);
			}
		} else if (s->line.text.len && !s->failed) {
			/* Shrunk, a closest match selected may no longer
			 * show: the last of what does is selected. */
			int n = (int)nohit_count(s);
			if (s->sel >= n)
				s->sel = n > 0 ? n - 1 : 0;
			draw_closest(s, h);
		}
		wnoutrefresh(s->body);
	}
	s->dirty_box = s->dirty_body = false;
}

/* --- actions -------------------------------------------------------------- */

/* An empty box, and a search closed before: Up brings that one back. */
static bool
recall_due(const struct search_view *s)
{
	return s->line.text.len == 0 && s->v.app->last_query;
}

static bool
search_action(struct view *v, enum action act)
{
	struct search_view *s = sv(v);
	switch (act) {
	case ACT_MOVE_UP: case ACT_PANE_PREV: case ACT_MOVE_DOWN: case ACT_PANE_NEXT:
	case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_FIRST: case ACT_LAST:
	case ACT_OPEN:
		/* These act on the hits: the ranked ones, for the query as
		 * it is now; with no hit, on the closest matches, all found
		 * (a key that came before the keys rested long enough for
		 * them would find nothing to select, and be lost). */
		if (s->stale || s->ranking)
			run(s, RUN_WHOLE);
		else if (s->nohit.close_due)
			search_nohit_closest(&s->nohit, v->app, query_text(s), NULL, false);
		break;
	case ACT_SEARCH:
		/* Already searching: another search box on top of this one
		 * would hide the query. */
		return true;
	default:
		return false;
	}
	if (act == ACT_MOVE_UP && recall_due(s)) {
		/* Back from the wrong hit, the last search is one key away. */
		line_edit_set(&s->line, v->app->last_query);
		run(s, RUN_WHOLE);
		return true;
	}
	int n = s->nhits ? (int)s->nhits : (int)nohit_count(s);
	size_t nwords = search_nohit_words(&s->nohit);
	int page = (v->area.h - 2) / hit_height(s), sel = s->sel;

	switch (act) {
	case ACT_MOVE_UP: case ACT_PANE_PREV: sel--; break;
	case ACT_MOVE_DOWN: case ACT_PANE_NEXT: sel++; break;
	case ACT_PAGE_UP: sel -= page > 1 ? page - 1 : 1; break;
	case ACT_PAGE_DOWN: sel += page > 1 ? page - 1 : 1; break;
	case ACT_FIRST: sel = 0; break;
	case ACT_LAST: sel = n - 1; break;
	case ACT_OPEN: {
		if (s->nhits && (size_t)s->sel < s->nhits)
			db_hit_details(v->app->db, s->hits, (size_t)s->sel,
			    (size_t)s->sel + 1);
		/* A hit, or a closest match, opens as a hit does. */
		const struct db_hit *h = s->nhits && (size_t)s->sel < s->nhits ?
		    &s->hits[s->sel] : !s->nhits && (size_t)s->sel >= nwords &&
		    (size_t)s->sel < nohit_count(s) ?
		    &s->nohit.close[(size_t)s->sel - nwords].hit : NULL;
		if (h && h->id && h->id[0]) {
			/* This view closes as the article opens. */
			char *id = xstrdup(h->id);
			char *query = xstrdup(query_text(s));
			struct app *app = v->app;
			int pane = (int)h->pane;
			app_open_article(app, id, pane);
			if (article_view_is(app_top(app)))
				article_view_seek(app_top(app), query);
			free(id);
			free(query);
		} else if (!s->nhits && (size_t)s->sel < nwords) {
			char *w = xstrdup(s->nohit.sugg[s->sel]);
			take_suggestion(s, w);
			free(w);
		} else if (s->nohit.other_level) {
			/* The level changed runs the search again
			 * (search_level_changed). */
			char *level = xstrdup(s->nohit.other_level);
			app_set_level(v->app, level);
			free(level);
		}
		return true;
	}
	default:
		return false;
	}
	sel = sel >= n ? n - 1 : sel;
	s->sel = sel < 0 ? 0 : sel;
	s->dirty_body = true;
	return true;
}

static void
search_level_changed(struct view *v)
{
	run(sv(v), RUN_TYPING);
}

static const enum action *
search_hints(const struct view *v)
{
	static const enum action acts[] = {
		ACT_OPEN, ACT_MOVE_UP, ACT_CLOSE, ACT_MOVE_DOWN, ACT_HELP, ACT_NONE,
	};
	(void)v;
	return acts;
}

/* Enter acts on a hit, an offered word, a closest match or the other
 * level that has the words; moving to the next needs one after the
 * selected one (on the last, Down stays where it is). */
static bool
search_can_act(const struct view *v, enum action act)
{
	const struct search_view *s = sv(v);
	size_t n = s->nhits ? s->nhits : nohit_count(s);
	switch (act) {
	case ACT_OPEN:
		return n > 0 || (!s->nhits && s->nohit.other_level);
	case ACT_MOVE_DOWN:
		return (size_t)s->sel + 1 < n;
	case ACT_MOVE_UP:       /* hinted only as the last search's key */
		return recall_due(s);
	default:
		return true;
	}
}

/* With no hit Enter opens no article: it takes the word offered, or
 * searches at the other level, as the screen says. */
static const char *
search_hint_label(const struct view *v, enum action act)
{
	const struct search_view *s = sv(v);
	if (act == ACT_MOVE_UP)
		return "last search";
	if (act != ACT_OPEN || s->nhits)
		return NULL;
	if (s->nohit.other_level)
		return "search there";
	return (size_t)s->sel < search_nohit_words(&s->nohit) ? "take word" : NULL;
}

static void
search_free(struct view *v)
{
	struct search_view *s = sv(v);
	/* Closed by Esc or by opening a hit, the query is kept for Up. */
	if (s->line.text.len) {
		free(v->app->last_query);
		v->app->last_query = xstrdup(query_text(s));
	}
	clear_results(s);
	line_edit_free(&s->line);
	if (s->box)
		delwin(s->box);
	if (s->body)
		delwin(s->body);
	free(s);
}

static const struct view_ops search_ops = {
	.name = "search",
	.transient = true,
	.context = search_context,
	.layout = search_layout,
	.draw = search_draw,
	.input = search_input,
	.action = search_action,
	.level_changed = search_level_changed,
	.idle = search_idle,
	.hints = search_hints,
	.can_act = search_can_act,
	.hint_label = search_hint_label,
	.free = search_free,
};

struct view *
search_view_new(struct app *app)
{
	struct search_view *s = xcalloc(1, sizeof *s);
	s->v.ops = &search_ops;
	s->v.app = app;
	return &s->v;
}
