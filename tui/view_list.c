/* view_list.c: a list of articles on a screen of its own: bookmarks,
 * recently viewed, or the articles related to the one being read. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "artlist.h"
#include "buf.h"
#include "draw.h"
#include "text.h"
#include "view.h"

struct list_view {
	struct view v;
	enum list_kind kind;
	char *about;            /* LIST_RELATED: the article's title */
	char **ids;
	size_t nids;
	struct db_summary *items;
	size_t n;
	int sel, top;
	WINDOW *hdr, *body;
	bool dirty_hdr, dirty_body;
};

static struct list_view *
lv(const struct view *v)
{
	return (struct list_view *)v;
}

static void
set_ids(struct list_view *l, char *const *ids, size_t n)
{
	for (size_t i = 0; i < l->nids; i++)
		free(l->ids[i]);
	free(l->ids);
	l->ids = xcalloc(n + 1, sizeof *l->ids);
	for (size_t i = 0; i < n; i++)
		l->ids[i] = xstrdup(ids[i]);
	l->nids = n;
}

/* Ids the database no longer has are left out. */
static void
load(struct list_view *l)
{
	db_summaries_free(l->items, l->n);
	l->items = NULL;
	l->n = 0;
	if (l->nids && db_summaries(l->v.app->db, l->ids, l->nids, &l->items, &l->n) != 0) {
		l->items = NULL;
		l->n = 0;
	}
	if (l->sel >= (int)l->n)
		l->sel = l->n ? (int)l->n - 1 : 0;
	l->dirty_hdr = l->dirty_body = true;
}

/* Bookmarks and recent articles may have changed while the list was
 * covered (an article opened from it moves to the top of the recent
 * ones): the ids again from the state, the selection staying on its
 * article. */
static void
reload(struct list_view *l)
{
	struct state *st = &l->v.app->st;
	char *keep = l->sel < (int)l->n ? xstrdup(l->items[l->sel].id) : NULL;

	if (l->kind == LIST_BOOKMARKS)
		set_ids(l, st->bookmarks, st->nbookmarks);
	else if (l->kind == LIST_RECENT)
		set_ids(l, st->recent, st->nrecent);
	load(l);
	for (size_t i = 0; keep && i < l->n; i++)
		if (strcmp(l->items[i].id, keep) == 0)
			l->sel = (int)i;
	free(keep);
}

static enum context
list_context(const struct view *v)
{
	(void)v;
	return CTX_LIST;
}

static void
list_layout(struct view *v, struct rect area)
{
	struct list_view *l = lv(v);
	/* Resized: the first articles again, if the selection allows. */
	if (layout_size_changed(v->area, area))
		l->top = 0;
	v->area = area;
	l->hdr = draw_window(l->hdr, area.y, area.x, area.h > 0 ? 1 : 0, area.w);
	l->body = draw_window(l->body, area.y + 1, area.x, area.h - 1, area.w);
	reload(l);
}

static void
draw_header(struct list_view *l)
{
	struct app *app = l->v.app;
	struct buf left = BUF_INIT;
	int w = l->v.area.w;
	char *level = text_sanitized(app_level_label(app), 0);
	size_t bookmarked = 0;

	for (size_t i = 0; i < l->n; i++)
		bookmarked += state_is_bookmarked(&app->st, l->items[i].id);
	switch (l->kind) {
	case LIST_BOOKMARKS:
		/* Those still bookmarked: one just removed is listed still. */
		buf_addf(&left, "Bookmarks (%zu)", bookmarked);
		break;
	case LIST_RECENT:
		/* Short on a phone, so that the count is not cut off. */
		buf_addf(&left, w < 22 ? "Recent (%zu)" : "Recently viewed (%zu)", l->n);
		break;
	case LIST_RELATED:
		buf_addf(&left, "Related to: %s", l->about);
		break;
	}
	werase(l->hdr);
	draw_header_level(l->hdr, w, left.data, level, false, TH_HEADER);
	free(level);
	wnoutrefresh(l->hdr);
	buf_free(&left);
}

static void
list_draw(struct view *v)
{
	struct list_view *l = lv(v);
	struct app *app = v->app;
	int h = v->area.h - 1, w = v->area.w;

	if (l->dirty_hdr && l->hdr)
		draw_header(l);
	if (l->dirty_body && l->body) {
		werase(l->body);
		if (l->n == 0) {
			char key[32], msg[160];
			switch (l->kind) {
			case LIST_BOOKMARKS:
				app_key_name(app, CTX_ARTICLE, ACT_BOOKMARK_TOGGLE, key,
				    sizeof key);
				snprintf(msg, sizeof msg,
				    "No bookmarks yet. In an article, %s adds one.",
				    key[0] ? key : "bookmark-toggle");
				break;
			case LIST_RECENT:
				snprintf(msg, sizeof msg, "No articles viewed yet.");
				break;
			default:
				snprintf(msg, sizeof msg,
				    "None of the related articles is in this database.");
				break;
			}
			draw_str_cut(l->body, 1, 2, msg, w - 3, TH_DIM);
		}
		l->top = layout_list_top(l->top, l->sel, (int)l->n,
		    artlist_item_h(app, w, h - 1), h - 1);
		artlist_draw(l->body, 1, h - 1, w, app, l->items, l->n, l->top, l->sel,
		    true, false);
		wnoutrefresh(l->body);
	}
	l->dirty_hdr = l->dirty_body = false;
}

static bool
list_action(struct view *v, enum action act)
{
	struct list_view *l = lv(v);
	struct app *app = v->app;
	int rows = v->area.h - 2;
	int page = rows / artlist_item_h(app, v->area.w, rows), s = l->sel, n = (int)l->n;

	switch (act) {
	case ACT_MOVE_UP: s--; break;
	case ACT_MOVE_DOWN: s++; break;
	case ACT_PAGE_UP: s -= page > 1 ? page - 1 : 1; break;
	case ACT_PAGE_DOWN: s += page > 1 ? page - 1 : 1; break;
	case ACT_FIRST: s = 0; break;
	case ACT_LAST: s = n - 1; break;
	case ACT_OPEN:
		if (l->sel >= n) {
			app_message(app, TH_MESSAGE, "The list is empty");
		} else {
			/* Opening may close this view: nothing of it is used after. */
			char *id = xstrdup(l->items[l->sel].id);
			app_open_article(app, id, DB_ANSWER);
			free(id);
		}
		return true;
	case ACT_BOOKMARK_TOGGLE:
		if (l->sel >= n) {
			app_message(app, TH_MESSAGE, "The list is empty");
		} else {
			bool on = state_bookmark_toggle(&app->st, l->items[l->sel].id);
			app_message(app, TH_MESSAGE,
			    on ? "Bookmarked" : "Bookmark removed");
			/* A bookmark removed here stays listed, unstarred,
			 * until the list is shown again: the key again puts
			 * it back, where dropping it would move the selection
			 * on and make a second press remove the next one. */
			l->dirty_hdr = l->dirty_body = true;
		}
		return true;
	case ACT_BACK:
		app_pop(app);
		return true;
	default:
		return false;
	}
	s = s >= n ? n - 1 : s;
	l->sel = s < 0 ? 0 : s;
	l->dirty_body = true;
	return true;
}

static void
list_level_changed(struct view *v)
{
	lv(v)->dirty_hdr = true;
}

static const enum action *
list_hints(const struct view *v)
{
	static const enum action acts[] = {
		ACT_QUIT, ACT_HELP, ACT_OPEN, ACT_BOOKMARK_TOGGLE, ACT_SEARCH,
		ACT_BOOKMARKS, ACT_RECENT, ACT_TOPICS, ACT_NONE,
	};
	(void)v;
	return acts;
}

static bool
list_can_act(const struct view *v, enum action act)
{
	const struct list_view *l = lv(v);
	/* Both act on the selected article, and an empty list has none. */
	if (act == ACT_OPEN || act == ACT_BOOKMARK_TOGGLE)
		return l->n > 0;
	/* The key of the list showing would only show it again. */
	if (act == ACT_BOOKMARKS)
		return l->kind != LIST_BOOKMARKS;
	if (act == ACT_RECENT)
		return l->kind != LIST_RECENT;
	return true;
}

static void
list_free(struct view *v)
{
	struct list_view *l = lv(v);
	set_ids(l, NULL, 0);
	free(l->ids);
	free(l->about);
	db_summaries_free(l->items, l->n);
	if (l->hdr)
		delwin(l->hdr);
	if (l->body)
		delwin(l->body);
	free(l);
}

static const struct view_ops list_ops = {
	.name = "list",
	.transient = false,
	.context = list_context,
	.layout = list_layout,
	.draw = list_draw,
	.input = NULL,
	.action = list_action,
	.level_changed = list_level_changed,
	.hints = list_hints,
	.can_act = list_can_act,
	.free = list_free,
};

struct view *
list_view_new(struct app *app, enum list_kind kind, char *const *ids, size_t nids,
    const char *title)
{
	struct list_view *l = xcalloc(1, sizeof *l);
	l->v.ops = &list_ops;
	l->v.app = app;
	l->kind = kind;
	l->about = text_sanitized(title ? title : "", TEXT_TABS_AS_SPACE);
	set_ids(l, ids, nids);
	load(l);
	return &l->v;
}
