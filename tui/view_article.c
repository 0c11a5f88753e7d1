/* view_article.c: reading one article. A header that never scrolls away
 * (question, topic path, review status, date, level), then the panes:
 * one at a time under a tab bar at 80x24, all five at once on a large
 * terminal. Each pane keeps its own scroll; citations are selected and
 * followed to References, and the history brings the reader back. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "article_export.h"
#include "article_header.h"
#include "article_pane.h"
#include "buf.h"
#include "draw.h"
#include "text.h"
#include "view.h"

struct article_view {
	struct view v;
	struct db_article a;
	bool loaded;
	struct db_summary *rel;
	size_t nrel;
	int focus;
	struct apane p[DB_KIND_COUNT];
	struct render_doc title;        /* the question, wrapped */
	struct article_layout lay;
	WINDOW *hdr, *tabs;
	bool dirty_hdr, dirty_tabs;
};

static const char *const short_titles[DB_KIND_COUNT] = {
	"Answer", "Key pts", "Research", "Refs", "Discl.",
};

static struct article_view *
av_of(const struct view *v)
{
	return (struct article_view *)v;
}

static const struct view_ops article_ops;

bool
article_view_is(const struct view *v)
{
	return v && v->ops == &article_ops;
}

static int
pane_height(const struct article_view *av, int k)
{
	return av->lay.pane[k].h;
}

/* --- tabs and pane titles ------------------------------------------------ */

static void
draw_tabs(struct article_view *av)
{
	int w = av->lay.tabbar.w, widths[3][LAYOUT_PANES], x = 0;
	char pos[16];

	for (int k = 0; k < DB_KIND_COUNT; k++) {
		widths[0][k] = (int)strlen(db_kind_title((enum db_kind)k));
		widths[1][k] = (int)strlen(short_titles[k]);
		widths[2][k] = 0;
	}
	apane_position(&av->p[av->focus], pane_height(av, av->focus), pos, sizeof pos);
	int variant = layout_tab_variant(w - (int)strlen(pos) - 1, widths);
	werase(av->tabs);
	for (int k = 0; k < DB_KIND_COUNT && x < w; k++) {
		char cell[48];
		/* When even short labels do not fit, only the tab in front
		 * keeps its name. */
		const char *label = variant == 0 ? db_kind_title((enum db_kind)k) :
		    variant == 1 || k == av->focus ? short_titles[k] : "";
		/* The tab in front is bracketed as well as highlighted, so it
		 * shows on a terminal without attributes too. */
		snprintf(cell, sizeof cell, "%c%d%s%s%c", k == av->focus ? '[' : ' ', k + 1,
		    *label ? " " : "", label, k == av->focus ? ']' : ' ');
		enum theme_role role = k == av->focus ? TH_TAB_ACTIVE :
		    av->p[k].empty ? TH_DIM : TH_TAB;
		x += draw_str(av->tabs, 0, x, cell, w - x, role);
	}
	int pw = (int)strlen(pos);
	if (x + pw + 1 < w)
		draw_str(av->tabs, 0, w - pw - 1, pos, pw, TH_DIM);
	wnoutrefresh(av->tabs);
}

static void
draw_pane_title(struct article_view *av, int k)
{
	struct apane *p = &av->p[k];
	int w = av->lay.title[k].w;
	char cell[48], pos[16];

	if (p->title == NULL)
		return;
	werase(p->title);
	draw_hline(p->title, 0, 0, w, TH_DIM);
	snprintf(cell, sizeof cell, "%c%d %s%c", k == av->focus ? '[' : ' ', k + 1,
	    db_kind_title((enum db_kind)k), k == av->focus ? ']' : ' ');
	draw_str(p->title, 0, 1, cell, w - 1, k == av->focus ? TH_TAB_ACTIVE : TH_HEADING);
	apane_position(p, pane_height(av, k), pos, sizeof pos);
	snprintf(cell, sizeof cell, " %s ", pos);
	int cw = (int)strlen(cell);
	if (cw + 20 < w)
		draw_str(p->title, 0, w - cw - 1, cell, cw, TH_DIM);
	wnoutrefresh(p->title);
}

/* --- layout and drawing ------------------------------------------------ */

static void
render_all(struct article_view *av, bool keep_place)
{
	for (int k = 0; k < DB_KIND_COUNT; k++) {
		struct apane *p = &av->p[k];
		int width = av->lay.pane[k].w, h = pane_height(av, k);
		if (p->width == width && keep_place)
			continue;
		int old_n = (int)p->doc.nlines, old_scroll = p->scroll;
		/* The selected citation or the marked reference, if it was
		 * on screen, stays there. */
		int line = apane_focus_line(p);
		bool shown = line >= old_scroll && line < old_scroll + p->drawn_h;
		apane_render(p, &av->a, (enum db_kind)k, width);
		if (!keep_place)
			continue;
		/* Not moved since the last time: from the place before it,
		 * which a text that fitted (scroll 0) would otherwise lose. */
		if (p->anchor_n > 0 && old_scroll == p->anchor_gave) {
			old_scroll = p->anchor_scroll;
			old_n = p->anchor_n;
			/* A text that fitted showed the selected citation
			 * whatever the place; it stays in view only if it
			 * was at the place kept. */
			shown = p->anchor_shown;
		}
		p->scroll = layout_scroll_proportional(old_scroll, old_n,
		    (int)p->doc.nlines, h);
		line = apane_focus_line(p);
		if (shown && line >= 0)
			p->scroll = layout_scroll_to_show(p->scroll, line,
			    (int)p->doc.nlines, h);
		p->anchor_scroll = old_scroll;
		p->anchor_n = old_n;
		p->anchor_gave = p->scroll;
		p->anchor_shown = shown;
	}
}

static void
article_layout(struct view *v, struct rect area)
{
	struct article_view *av = av_of(v);
	struct article_layout *l = &av->lay;

	v->area = area;
	if (!av->loaded)
		return;
	render_doc_free(&av->title);
	render_text(&av->title, av->a.title, area.w - 2 > 0 ? area.w - 2 : 1, 0, 0);
	int tl = av->title.nlines > 3 ? 3 : (int)av->title.nlines;
	layout_article(area, tl, article_header_meta_lines(v->app, &av->a, area.w), l);
	av->hdr = draw_window(av->hdr, l->header.y, l->header.x, l->header.h, l->header.w);
	av->tabs = draw_window(av->tabs, l->tabbar.y, l->tabbar.x, l->tabbar.h,
	    l->tabbar.w);
	for (int k = 0; k < DB_KIND_COUNT; k++) {
		struct apane *p = &av->p[k];
		p->title = draw_window(p->title, l->title[k].y, l->title[k].x,
		    l->title[k].h, l->title[k].w);
		p->win = draw_window(p->win, l->pane[k].y, l->pane[k].x, l->pane[k].h,
		    l->pane[k].w);
		p->dirty = true;
	}
	render_all(av, true);
	av->dirty_hdr = av->dirty_tabs = true;
}

static void
article_draw(struct view *v)
{
	struct article_view *av = av_of(v);
	char empty[128];

	if (!av->loaded)
		return;
	if (av->dirty_hdr && av->hdr)
		article_header_draw(av->hdr, v->app, &av->a, &av->title, av->lay.header.w,
		    av->lay.title_lines, av->lay.meta_lines);
	av->dirty_hdr = false;
	for (int k = 0; k < DB_KIND_COUNT; k++) {
		struct apane *p = &av->p[k];
		/* In tab mode only the pane in front is drawn. */
		if (!av->lay.grid && k != av->focus)
			continue;
		if (!p->dirty || p->win == NULL)
			continue;
		snprintf(empty, sizeof empty, "Nothing under %s at this reading level.",
		    db_kind_title((enum db_kind)k));
		apane_draw(p, av->lay.pane[k].h, av->lay.pane[k].w, empty);
		if (av->lay.grid)
			draw_pane_title(av, k);
		else
			av->dirty_tabs = true;
	}
	if (av->dirty_tabs && av->tabs)
		draw_tabs(av);
	av->dirty_tabs = false;
}

/* --- showing an article ------------------------------------------------- */

static int
load(struct article_view *av, const char *id)
{
	struct db_article a;
	struct app *app = av->v.app;

	memset(&a, 0, sizeof a);
	int rc = db_article_load(app->db, id, app_level(app), &a);
	if (rc != 0)
		return rc;
	if (av->loaded)
		db_article_free(&av->a);
	db_summaries_free(av->rel, av->nrel);
	av->rel = NULL;
	av->nrel = 0;
	av->a = a;
	av->loaded = true;
	if (db_summaries(app->db, a.related, a.nrelated, &av->rel, &av->nrel) != 0) {
		av->rel = NULL;
		av->nrel = 0;
	}
	if (strcmp(a.level, app_level(app)) != 0) {
		char *want = text_sanitized(app_level_label(app), 0);
		char *got = text_sanitized(a.level_label, 0);
		app_message(app, TH_MESSAGE, "This article has no %s version; showing %s",
		    want, got);
		free(want);
		free(got);
	}
	return 0;
}

int
article_view_show(struct view *v, const struct state_loc *loc)
{
	struct article_view *av = av_of(v);

	if (!av->loaded || strcmp(av->a.id, loc->id) != 0) {
		int rc = load(av, loc->id);
		if (rc != 0)
			return rc;
		for (int k = 0; k < DB_KIND_COUNT; k++)
			apane_reset(&av->p[k]);
		article_layout(v, v->area);
	}
	av->focus = loc->pane >= 0 && loc->pane < DB_KIND_COUNT ? loc->pane : DB_ANSWER;
	struct apane *p = &av->p[av->focus];
	/* What was highlighted there shows again: the references a
	 * citation marked, or the citation selected. Marks belong to the
	 * place they were followed to, so another place has none. */
	if (av->focus == DB_REFERENCES)
		apane_set_marks(p, loc->marks, loc->nmarks);
	else
		apane_unmark(&av->p[DB_REFERENCES]);
	apane_select_cite(p, loc->cite);
	p->scroll = layout_clamp_scroll(loc->scroll, (int)p->doc.nlines,
	    pane_height(av, av->focus));
	p->dirty = av->dirty_tabs = av->dirty_hdr = true;
	v->app->status_dirty = true;
	return 0;
}

void
article_view_seek(struct view *v, const char *query)
{
	struct article_view *av = av_of(v);
	if (!av->loaded)
		return;
	struct apane *p = &av->p[av->focus];
	int line = apane_find(p, query);
	if (line < 0)
		return;
	/* The matched line with what leads up to it: the pane from its start
	 * when the line is on its first screen (an answer's first sentence is
	 * the one a reader needs), else the line a little below the top. */
	int h = pane_height(av, av->focus);
	int from = line <= h - 2 ? 0 : line - 2;
	p->scroll = layout_clamp_scroll(from, (int)p->doc.nlines, h);
	p->dirty = av->dirty_tabs = true;
	article_view_note(v);
}

/* The pane's place and highlight in the current history entry. */
static void
note_pane(struct article_view *av, int k)
{
	struct state *st = &av->v.app->st;
	const struct apane *p = &av->p[k];

	state_history_update(st, k, p->scroll);
	if (k == DB_REFERENCES)
		state_history_highlight(st, p->cite, p->mark_nums, p->nmarks);
	else
		state_history_highlight(st, p->cite, NULL, 0);
}

bool
article_view_note(struct view *v)
{
	struct article_view *av = av_of(v);
	if (!av->loaded)
		return false;
	note_pane(av, av->focus);
	return true;
}

/* --- actions ------------------------------------------------------------- */

static void
focus_pane(struct article_view *av, int k)
{
	int old = av->focus;
	av->focus = (k + DB_KIND_COUNT) % DB_KIND_COUNT;
	av->p[av->focus].dirty = true;
	av->p[old].dirty = true;
	av->dirty_tabs = true;
}

static bool
scroll_by(struct article_view *av, enum action act)
{
	struct apane *p = &av->p[av->focus];
	int h = pane_height(av, av->focus), n = (int)p->doc.nlines;
	int s = p->scroll, page = h > 2 ? h - 1 : 1;

	switch (act) {
	case ACT_MOVE_UP: s--; break;
	case ACT_MOVE_DOWN: s++; break;
	case ACT_PAGE_UP: s -= page; break;
	case ACT_PAGE_DOWN: s += page; break;
	case ACT_FIRST: s = 0; break;
	case ACT_LAST: s = n; break;
	default: return false;
	}
	s = layout_clamp_scroll(s, n, h);
	if (s != p->scroll) {
		p->scroll = s;
		p->dirty = true;
	}
	return true;
}

/* "Citation [2, 3]: Enter follows it" */
static void
cite_hint(struct article_view *av)
{
	struct apane *p = &av->p[av->focus];
	const struct apane_cite *c = &p->cites[p->cite];
	char key[32];

	app_key_name(av->v.app, CTX_ARTICLE, ACT_CITE_FOLLOW, key, sizeof key);
	app_message(av->v.app, TH_MESSAGE, "Citation %.*s%s%s%s", (int)c->len,
	    p->doc.lines[c->line].text + c->off, key[0] ? ": " : "", key,
	    key[0] ? " follows it" : "");
}

static void
cite_follow(struct article_view *av)
{
	struct app *app = av->v.app;
	struct apane *p = &av->p[av->focus];
	char key[32];
	int nums[16];

	if (av->focus == DB_REFERENCES) {
		app_message(app, TH_MESSAGE, "Citations are followed from the other panes");
		return;
	}
	if (p->cite < 0 || p->cites[p->cite].line < p->scroll ||
	    p->cites[p->cite].line >= p->scroll + pane_height(av, av->focus)) {
		if (!apane_cite_step(p, 1, pane_height(av, av->focus))) {
			app_message(app, TH_MESSAGE, "No citations in this pane");
			return;
		}
		cite_hint(av);
		return;
	}
	size_t n = apane_cite_numbers(p, nums, 16);
	struct apane *refs = &av->p[DB_REFERENCES];
	int from_pane = av->focus;
	if (n == 0 || !apane_mark_refs(refs, nums, n, pane_height(av, DB_REFERENCES))) {
		app_message(app, TH_ERROR, "That citation is not in the references");
		return;
	}
	note_pane(av, from_pane);
	state_history_visit(&app->st, av->a.id, DB_REFERENCES, refs->scroll);
	note_pane(av, DB_REFERENCES);
	focus_pane(av, DB_REFERENCES);
	app_key_name(app, CTX_ARTICLE, ACT_BACK, key, sizeof key);
	app_message(app, TH_MESSAGE, "Reference %d%s%s returns", nums[0],
	    key[0] ? ": " : "", key);
}

static bool
article_action(struct view *v, enum action act)
{
	struct article_view *av = av_of(v);
	struct app *app = v->app;

	if (!av->loaded)
		return false;
	if (scroll_by(av, act)) {
		av->dirty_tabs = true;
		return true;
	}
	switch (act) {
	case ACT_PANE_NEXT:
		focus_pane(av, av->focus + 1);
		return true;
	case ACT_PANE_PREV:
		focus_pane(av, av->focus - 1);
		return true;
	case ACT_PANE_1: case ACT_PANE_2: case ACT_PANE_3: case ACT_PANE_4: case ACT_PANE_5:
		focus_pane(av, (int)(act - ACT_PANE_1));
		return true;
	case ACT_CITE_NEXT:
	case ACT_CITE_PREV:
		if (!apane_cite_step(&av->p[av->focus], act == ACT_CITE_NEXT ? 1 : -1,
		    pane_height(av, av->focus)))
			app_message(app, TH_MESSAGE, "No citations in this pane");
		else
			cite_hint(av);
		av->dirty_tabs = true;
		return true;
	case ACT_CITE_FOLLOW:
	case ACT_OPEN:
		cite_follow(av);
		return true;
	case ACT_BOOKMARK_TOGGLE: {
		bool on = state_bookmark_toggle(&app->st, av->a.id);
		app_message(app, TH_MESSAGE, on ? "Bookmarked" : "Bookmark removed");
		/* The header's width changes with the star. */
		article_layout(v, v->area);
		return true;
	}
	case ACT_RELATED:
		if (av->a.nrelated == 0) {
			app_message(app, TH_MESSAGE, "No related articles");
			return true;
		}
		app_push(app, list_view_new(app, LIST_RELATED, av->a.related,
		    av->a.nrelated, av->a.title));
		return true;
	case ACT_EXPORT:
		article_export(app, &av->a, av->rel, av->nrel);
		return true;
	default:
		return false;
	}
}

/* The same article at the new level, each pane at the same relative place,
 * with the citation selected and the references marked if it has them. */
static void
article_level_changed(struct view *v)
{
	struct article_view *av = av_of(v);

	if (!av->loaded)
		return;
	char *id = xstrdup(av->a.id);
	if (load(av, id) == 0) {
		/* Rendered again, from the lines they had. */
		for (int k = 0; k < DB_KIND_COUNT; k++)
			av->p[k].width = 0;
		article_layout(v, v->area);
	}
	free(id);
}

static enum context
article_context(const struct view *v)
{
	(void)v;
	return CTX_ARTICLE;
}

static const enum action *
article_hints(const struct view *v)
{
	/* Most needed first: a narrow screen (a phone) shows the first few.
	 * The level comes early; patient or clinician wording is the one
	 * choice a reader must be able to find. */
	static const enum action acts[] = {
		ACT_QUIT, ACT_HELP, ACT_PANE_NEXT, ACT_LEVEL_CYCLE, ACT_CITE_NEXT,
		ACT_CITE_FOLLOW, ACT_BACK, ACT_SEARCH, ACT_BOOKMARK_TOGGLE, ACT_RELATED,
		ACT_EXPORT, ACT_NONE,
	};
	(void)v;
	return acts;
}

/* Citations are stepped through in a pane that has them, and followed
 * from any but the references; back needs an earlier place. */
static bool
article_can_act(const struct view *v, enum action act)
{
	const struct article_view *av = av_of(v);
	const struct state *st = &v->app->st;

	if (!av->loaded)
		return true;
	switch (act) {
	case ACT_CITE_NEXT:
		return av->p[av->focus].ncites > 0;
	case ACT_CITE_FOLLOW:
		return av->p[av->focus].ncites > 0 && av->focus != DB_REFERENCES;
	case ACT_RELATED:
		return av->a.nrelated > 0;
	case ACT_BACK:
		return st->nhistory > 0 && st->pos > 0;
	default:
		return true;
	}
}

static void
article_free(struct view *v)
{
	struct article_view *av = av_of(v);
	/* Back to this article later means back to this place in it. */
	article_view_note(v);
	for (int k = 0; k < DB_KIND_COUNT; k++) {
		apane_free(&av->p[k]);
		if (av->p[k].title)
			delwin(av->p[k].title);
		if (av->p[k].win)
			delwin(av->p[k].win);
	}
	if (av->loaded)
		db_article_free(&av->a);
	db_summaries_free(av->rel, av->nrel);
	render_doc_free(&av->title);
	if (av->hdr)
		delwin(av->hdr);
	if (av->tabs)
		delwin(av->tabs);
	free(av);
}

static const struct view_ops article_ops = {
	.name = "article",
	.transient = false,
	.context = article_context,
	.layout = article_layout,
	.draw = article_draw,
	.input = NULL,
	.action = article_action,
	.level_changed = article_level_changed,
	.hints = article_hints,
	.can_act = article_can_act,
	.free = article_free,
};

struct view *
article_view_new(struct app *app)
{
	struct article_view *av = xcalloc(1, sizeof *av);
	av->v.ops = &article_ops;
	av->v.app = app;
	for (int k = 0; k < DB_KIND_COUNT; k++)
		av->p[k].cite = av->p[k].mark_from = av->p[k].mark_to = -1;
	return &av->v;
}
