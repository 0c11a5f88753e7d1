/* view_topics.c: the first screen: the topic tree, with counts, beside (or
 * above, on a narrow terminal) the articles of the selected topic and
 * every topic below it. The tree starts folded; Right unfolds, Left folds,
 * Enter or Tab moves into the article list. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "artlist.h"
#include "buf.h"
#include "draw.h"
#include "text.h"
#include "view.h"

struct topics_view {
	struct view v;
	struct db_topic *topics;
	size_t ntopics;
	bool *expanded;
	int *rows;              /* indices of the topics shown, in order */
	int nrows;
	int sel, top;           /* in rows */
	struct db_summary *arts;
	size_t narts;
	int arts_of;            /* topic index the list was read for, or -1 */
	int asel, atop;
	bool focus_list;

	struct topics_layout lay;
	WINDOW *hdr, *tree, *rule, *list;
	bool dirty_hdr, dirty_tree, dirty_list;
};

static struct topics_view *
tv(const struct view *v)
{
	return (struct topics_view *)v;
}

static bool
has_children(const struct topics_view *t, int i)
{
	return (size_t)i + 1 < t->ntopics && t->topics[i + 1].depth > t->topics[i].depth;
}

/* The rows shown: every topic whose ancestors are all unfolded. */
static void
build_rows(struct topics_view *t)
{
	int hide_below = -1;    /* depth under which topics are folded away */
	int keep = t->nrows ? t->rows[t->sel] : 0;

	t->nrows = 0;
	for (size_t i = 0; i < t->ntopics; i++) {
		int d = t->topics[i].depth;
		if (hide_below >= 0 && d > hide_below)
			continue;
		hide_below = -1;
		t->rows[t->nrows++] = (int)i;
		if (!t->expanded[i])
			hide_below = d;
	}
	t->sel = 0;
	for (int r = 0; r < t->nrows; r++)
		if (t->rows[r] == keep)
			t->sel = r;
}

static int
list_rows(const struct topics_view *t)
{
	/* Side by side, the list's first line is its title. */
	return t->lay.side_by_side ? t->lay.list.h - 1 : t->lay.list.h;
}

/* The articles of the selected topic and of every topic below it. */
static void
load_articles(struct topics_view *t)
{
	int ti = t->nrows ? t->rows[t->sel] : -1;

	if (ti == t->arts_of)
		return;
	db_summaries_free(t->arts, t->narts);
	t->arts = NULL;
	t->narts = 0;
	t->arts_of = ti;
	t->asel = t->atop = 0;
	t->dirty_list = true;
	if (ti < 0)
		return;
	for (size_t j = (size_t)ti; j < t->ntopics; j++) {
		if (j > (size_t)ti && t->topics[j].depth <= t->topics[ti].depth)
			break;
		struct db_summary *v = NULL;
		size_t n = 0;
		if (t->topics[j].direct == 0)
			continue;
		if (db_articles_in_topic(t->v.app->db, t->topics[j].id, &v, &n) != 0) {
			/* Not "0 articles": the file may have been damaged or
			 * replaced under the browser. */
			app_message(t->v.app, TH_ERROR, "Cannot read the articles of this "
			    "topic: %s", db_errmsg(t->v.app->db));
			continue;
		}
		/* n may be 0 though the stored count is not (a database
		 * written by another program; check reports it). */
		if (n == 0)
			continue;
		t->arts = xrealloc(t->arts, (t->narts + n) * sizeof *t->arts);
		memcpy(t->arts + t->narts, v, n * sizeof *v);
		t->narts += n;
		free(v);        /* the strings moved into t->arts */
	}
}

static enum context
topics_context(const struct view *v)
{
	return tv(v)->focus_list ? CTX_LIST : CTX_TREE;
}

static void
topics_layout(struct view *v, struct rect area)
{
	struct topics_view *t = tv(v);
	struct topics_layout *l = &t->lay;

	/* Resized: the tree and the list from their start again, as far
	 * as their selections allow. */
	if (layout_size_changed(v->area, area))
		t->top = t->atop = 0;
	v->area = area;
	layout_topics(area, l);
	t->hdr = draw_window(t->hdr, l->header.y, l->header.x, l->header.h, l->header.w);
	t->tree = draw_window(t->tree, l->tree.y, l->tree.x, l->tree.h, l->tree.w);
	t->rule = draw_window(t->rule, l->rule.y, l->rule.x, l->rule.h, l->rule.w);
	t->list = draw_window(t->list, l->list.y, l->list.x, l->list.h, l->list.w);
	t->dirty_hdr = t->dirty_tree = t->dirty_list = true;
}

static void
draw_header(struct topics_view *t)
{
	struct app *app = t->v.app;
	int w = t->lay.header.w;
	char *label = text_sanitized(app_level_label(app), 0);
	/* On a phone the program's name gives its room to the screen's. */
	const char *title = w < 40 ? "Topics" : text_ascii() ? "bedside - Topics" :
	    "bedside \xc2\xb7 Topics";

	werase(t->hdr);
	/* The first screen always says the level the articles open at. */
	draw_header_level(t->hdr, w, title, label, true, TH_HEADER);
	free(label);
	wnoutrefresh(t->hdr);
}

static void
draw_tree(struct topics_view *t)
{
	int h = t->lay.tree.h, w = t->lay.tree.w;

	t->top = layout_list_top(t->top, t->sel, t->nrows, 1, h);
	werase(t->tree);
	for (int r = 0; r < h && t->top + r < t->nrows; r++) {
		int ri = t->top + r, ti = t->rows[ri];
		const struct db_topic *tp = &t->topics[ti];
		bool sel = ri == t->sel;
		enum theme_role role = sel ?
		    (t->focus_list ? TH_SELECTION_IDLE : TH_SELECTION) :
		    tp->depth == 0 ? TH_TITLE : TH_NORMAL;
		const char *fold = !has_children(t, ti) ? "  " :
		    text_ascii() ? (t->expanded[ti] ? "- " : "+ ") :
		    t->expanded[ti] ? "\xe2\x96\xbe " : "\xe2\x96\xb8 ";
		struct buf b = BUF_INIT;
		char *name = text_sanitized(tp->name, TEXT_TABS_AS_SPACE);

		for (int d = 0; d < tp->depth && d < 8; d++)
			buf_adds(&b, " ");
		buf_addf(&b, "%s%s", fold, name);
		free(name);
		char count[24];
		snprintf(count, sizeof count, " (%d)", tp->total);
		int cw = (int)strlen(count);
		if (sel)
			draw_fill(t->tree, r, 0, w, role);
		if (sel && !t->focus_list)
			draw_str(t->tree, r, 0, ">", 1, role);
		int x = draw_str_cut(t->tree, r, 1, b.data, w - 2 - cw, role) + 1;
		draw_str(t->tree, r, x, count, w - x, sel ? role : TH_DIM);
		buf_free(&b);
	}
	wnoutrefresh(t->tree);
}

static void
draw_list(struct topics_view *t)
{
	struct app *app = t->v.app;
	WINDOW *tw = t->lay.side_by_side ? t->list : t->rule;
	int w = t->lay.list.w, y0 = t->lay.side_by_side ? 1 : 0;
	struct buf b = BUF_INIT;

	if (t->lay.side_by_side && t->rule) {
		werase(t->rule);
		draw_vline(t->rule, 0, 0, t->lay.rule.h, TH_DIM);
		wnoutrefresh(t->rule);
	}
	werase(t->list);
	if (t->rule && !t->lay.side_by_side)
		werase(t->rule);
	if (t->arts_of >= 0) {
		char *path = text_sanitized(t->topics[t->arts_of].name, TEXT_TABS_AS_SPACE);
		buf_addf(&b, "%s: %zu article%s", path, t->narts, t->narts == 1 ? "" : "s");
		free(path);
		draw_fill(tw, 0, 0, t->lay.side_by_side ? w : t->lay.rule.w, TH_DIM);
		draw_str_cut(tw, 0, 1, b.data,
		    (t->lay.side_by_side ? w : t->lay.rule.w) - 2, TH_DIM);
	}
	int rows = list_rows(t);
	t->atop = layout_list_top(t->atop, t->asel, (int)t->narts,
	    artlist_item_h(app, w, rows), rows);
	if (t->narts == 0 && rows > 0)
		draw_str(t->list, y0, 1, "No articles under this topic.", w - 1, TH_DIM);
	artlist_draw(t->list, y0, rows, w, app, t->arts, t->narts, t->atop, t->asel,
	    t->focus_list, true);
	if (!t->lay.side_by_side && t->rule)
		wnoutrefresh(t->rule);
	wnoutrefresh(t->list);
	buf_free(&b);
}

static void
topics_draw(struct view *v)
{
	struct topics_view *t = tv(v);

	load_articles(t);
	if (t->dirty_hdr && t->hdr)
		draw_header(t);
	if (t->dirty_tree && t->tree)
		draw_tree(t);
	if (t->dirty_list && t->list)
		draw_list(t);
	t->dirty_hdr = t->dirty_tree = t->dirty_list = false;
}

/* Moves a selection by act; returns false for other actions. */
static bool
move_sel(int *sel, int n, int page, enum action act)
{
	int s = *sel;
	switch (act) {
	case ACT_MOVE_UP: s--; break;
	case ACT_MOVE_DOWN: s++; break;
	case ACT_PAGE_UP: s -= page > 1 ? page - 1 : 1; break;
	case ACT_PAGE_DOWN: s += page > 1 ? page - 1 : 1; break;
	case ACT_FIRST: s = 0; break;
	case ACT_LAST: s = n - 1; break;
	default: return false;
	}
	*sel = s < 0 ? 0 : s >= n ? (n > 0 ? n - 1 : 0) : s;
	return true;
}

static void
set_focus(struct topics_view *t, bool list)
{
	if (list && t->narts == 0) {
		app_message(t->v.app, TH_MESSAGE, "No articles under this topic");
		return;
	}
	t->focus_list = list;
	t->dirty_tree = t->dirty_list = true;
	t->v.app->status_dirty = true;
}

static bool
tree_action(struct topics_view *t, enum action act)
{
	int ti = t->nrows ? t->rows[t->sel] : -1;

	if (move_sel(&t->sel, t->nrows, t->lay.tree.h, act)) {
		t->dirty_tree = true;
		load_articles(t);
		return true;
	}
	if (act == ACT_TOPICS) {
		/* Bound everywhere, and silent here it would seem broken. */
		app_message(t->v.app, TH_MESSAGE, "Already at the topic tree");
		return true;
	}
	if (ti < 0)
		return false;
	switch (act) {
	case ACT_EXPAND:
		if (has_children(t, ti) && !t->expanded[ti]) {
			t->expanded[ti] = true;
			build_rows(t);
		} else if (has_children(t, ti)) {
			t->sel++;
			load_articles(t);
		} else {
			/* A topic with nothing to unfold: on to its articles,
			 * to the right of it, as Enter goes. */
			set_focus(t, true);
		}
		t->dirty_tree = true;
		return true;
	case ACT_COLLAPSE:
		if (t->expanded[ti]) {
			t->expanded[ti] = false;
			build_rows(t);
		} else if (t->topics[ti].depth == 0) {
			/* Silent here it would seem broken. */
			app_message(t->v.app, TH_MESSAGE, "Already at the top of the tree");
		} else {
			/* To the parent, as in a file tree. */
			for (int r = t->sel - 1; r >= 0; r--)
				if (t->topics[t->rows[r]].depth < t->topics[ti].depth) {
					t->sel = r;
					break;
				}
			load_articles(t);
		}
		t->dirty_tree = true;
		return true;
	case ACT_OPEN:
		if (has_children(t, ti) && !t->expanded[ti]) {
			t->expanded[ti] = true;
			build_rows(t);
			t->dirty_tree = true;
		}
		set_focus(t, true);
		return true;
	case ACT_PANE_NEXT:
	case ACT_PANE_PREV:
		set_focus(t, true);
		return true;
	default:
		return false;
	}
}

static bool
list_action(struct topics_view *t, enum action act)
{
	struct app *app = t->v.app;

	int rows = list_rows(t);
	if (move_sel(&t->asel, (int)t->narts,
	    rows / artlist_item_h(app, t->lay.list.w, rows), act)) {
		t->dirty_list = true;
		return true;
	}
	switch (act) {
	case ACT_OPEN:
		if ((size_t)t->asel < t->narts) {
			char *id = xstrdup(t->arts[t->asel].id);
			app_open_article(app, id, DB_ANSWER);
			free(id);
		}
		return true;
	case ACT_BOOKMARK_TOGGLE:
		if ((size_t)t->asel < t->narts) {
			bool on = state_bookmark_toggle(&app->st, t->arts[t->asel].id);
			app_message(app, TH_MESSAGE,
			    on ? "Bookmarked" : "Bookmark removed");
			t->dirty_list = true;
		}
		return true;
	case ACT_PANE_NEXT:
	case ACT_PANE_PREV:
	case ACT_CLOSE:
	case ACT_BACK:
	case ACT_COLLAPSE:
	case ACT_TOPICS:        /* from the list beside it, to the tree */
		set_focus(t, false);
		return true;
	default:
		return false;
	}
}

static bool
topics_action(struct view *v, enum action act)
{
	struct topics_view *t = tv(v);
	return t->focus_list ? list_action(t, act) : tree_action(t, act);
}

static void
topics_level_changed(struct view *v)
{
	tv(v)->dirty_hdr = true;
}

static const enum action *
topics_hints(const struct view *v)
{
	static const enum action tree[] = {
		ACT_QUIT, ACT_HELP, ACT_SEARCH, ACT_OPEN, ACT_EXPAND, ACT_COLLAPSE,
		ACT_LEVEL_CYCLE, ACT_BOOKMARKS, ACT_RECENT, ACT_NONE,
	};
	static const enum action list[] = {
		ACT_QUIT, ACT_HELP, ACT_SEARCH, ACT_OPEN, ACT_CLOSE, ACT_BOOKMARK_TOGGLE,
		ACT_LEVEL_CYCLE, ACT_BOOKMARKS, ACT_RECENT, ACT_NONE,
	};
	return tv(v)->focus_list ? list : tree;
}

/* What tree_action and list_action would do something with, for the
 * selected topic or article. */
static bool
topics_can_act(const struct view *v, enum action act)
{
	const struct topics_view *t = tv(v);
	int ti = t->nrows ? t->rows[t->sel] : -1;

	if (t->focus_list)
		return !(act == ACT_OPEN || act == ACT_BOOKMARK_TOGGLE) || t->narts > 0;
	switch (act) {
	case ACT_OPEN:
		return ti >= 0 &&
		    ((has_children(t, ti) && !t->expanded[ti]) || t->narts > 0);
	case ACT_EXPAND:
		return ti >= 0 && (has_children(t, ti) || t->narts > 0);
	case ACT_COLLAPSE:
		return ti >= 0 && (t->expanded[ti] || t->topics[ti].depth > 0);
	default:
		return true;
	}
}

static void
topics_free(struct view *v)
{
	struct topics_view *t = tv(v);
	db_topics_free(t->topics, t->ntopics);
	db_summaries_free(t->arts, t->narts);
	free(t->expanded);
	free(t->rows);
	if (t->hdr)
		delwin(t->hdr);
	if (t->tree)
		delwin(t->tree);
	if (t->rule)
		delwin(t->rule);
	if (t->list)
		delwin(t->list);
	free(t);
}

static const struct view_ops topics_ops = {
	.name = "topics",
	.transient = false,
	.context = topics_context,
	.layout = topics_layout,
	.draw = topics_draw,
	.input = NULL,
	.action = topics_action,
	.level_changed = topics_level_changed,
	.hints = topics_hints,
	.can_act = topics_can_act,
	.free = topics_free,
};

struct view *
topics_view_new(struct app *app)
{
	struct topics_view *t = xcalloc(1, sizeof *t);

	t->v.ops = &topics_ops;
	t->v.app = app;
	t->arts_of = -1;
	if (db_topics(app->db, &t->topics, &t->ntopics) != 0) {
		t->topics = NULL;
		t->ntopics = 0;
		app_message(app, TH_ERROR, "Cannot read the topics: %s",
		    db_errmsg(app->db));
	}
	t->expanded = xcalloc(t->ntopics + 1, sizeof *t->expanded);
	t->rows = xcalloc(t->ntopics + 1, sizeof *t->rows);
	build_rows(t);
	return &t->v;
}
