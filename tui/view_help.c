/* view_help.c: the keys in force, read from the keymap the loader filled,
 * so help can never disagree with what the keys do. The screen the user
 * came from comes first, then the keys that work everywhere, then the
 * other screens. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "draw.h"
#include "input.h"
#include "render.h"
#include "text.h"
#include "view.h"

struct help_line {
	char *keys;             /* NULL for a heading or a note */
	char *text;             /* heading, note, or the action's help */
	const char *name;       /* the action's name */
	enum theme_role role;
};

/* A line on screen: a help line's keys, name and help, each wrapped in
 * its column, give as many rows as the longest of them needs. */
struct help_row {
	size_t line;            /* the help line it is part of */
	char *keys, *name, *text;
};

struct help_view {
	struct view v;
	enum context from;
	struct help_line *lines;
	size_t n;
	struct help_row *rows;  /* for the width laid out */
	size_t nrows;
	int scroll;             /* in rows */
	bool unreachable;       /* a key was left out: the terminal cannot send it */
	WINDOW *hdr, *body;
	bool dirty;
};

/* Bindings of one section, grouped by action in order of first use. */
struct group {
	enum action act;
	struct buf keys;
};

struct collect {
	const struct keymap *km;
	enum context ctx;       /* where the keys must be in force */
	bool unreachable;
	struct group g[ACT__COUNT];
	size_t n;
};

static struct help_view *
hv(const struct view *v)
{
	return (struct help_view *)v;
}

static const char *const context_titles[CTX__COUNT] = {
	[CTX_GENERIC] = "Everywhere",
	[CTX_TREE] = "In the topic tree",
	[CTX_LIST] = "In lists of articles",
	[CTX_ARTICLE] = "Reading an article",
	[CTX_SEARCH] = "In the search box",
	[CTX_HELP] = "In this help",
};

static void
add_line(struct help_view *h, char *keys, const char *text, const char *name,
    enum theme_role role)
{
	h->lines = xrealloc(h->lines, (h->n + 1) * sizeof *h->lines);
	h->lines[h->n].keys = keys;
	h->lines[h->n].text = xstrdup(text);
	h->lines[h->n].name = name;
	h->lines[h->n].role = role;
	h->n++;
}

static void
collect_cb(void *ctx, struct key key, enum action act)
{
	struct collect *c = ctx;
	char name[64];

	/* A generic key the context overrides is not in force there, nor is
	 * one the search box takes as text. */
	if (keymap_lookup(c->km, c->ctx, key) != act)
		return;
	if (c->ctx == CTX_SEARCH && search_key_is_text(key))
		return;
	if (!input_key_reachable(key)) {
		c->unreachable = true;
		return;
	}
	keymap_key_name(key, name, sizeof name);
	size_t i;
	for (i = 0; i < c->n; i++)
		if (c->g[i].act == act)
			break;
	if (i == c->n) {
		if (c->n == ACT__COUNT)
			return;
		c->g[c->n].act = act;
		memset(&c->g[c->n].keys, 0, sizeof c->g[c->n].keys);
		c->n++;
	}
	buf_addf(&c->g[i].keys, "%s%s", c->g[i].keys.len ? " " : "", name);
}

/* One section: the bindings of table `table` in force in context `ctx`. */
static void
section(struct help_view *h, enum context table, enum context ctx, const char *title)
{
	struct collect c;

	memset(&c, 0, sizeof c);
	c.km = h->v.app->km;
	c.ctx = ctx;
	keymap_each(c.km, table, collect_cb, &c);
	h->unreachable |= c.unreachable;
	if (c.n == 0 && table != CTX_SEARCH)
		return;
	add_line(h, NULL, "", NULL, TH_NORMAL);
	add_line(h, NULL, title, NULL, TH_HEADING);
	if (table == CTX_SEARCH)
		add_line(h, xstrdup("(typing)"), "Type words; Left, Right, Home, End, "
		    "Backspace, Delete, C-w, C-u edit",
		    "", TH_NORMAL);
	for (size_t i = 0; i < c.n; i++) {
		char *keys = text_sanitized(c.g[i].keys.data, 0);
		enum action act = c.g[i].act;
		if (app_action_available(h->v.app, act))
			add_line(h, keys, action_help_in(act, ctx), action_name(act),
			    TH_NORMAL);
		else
			add_line(h, keys, "Off in secure mode", action_name(act), TH_DIM);
		buf_free(&c.g[i].keys);
	}
}

static void
build(struct help_view *h)
{
	enum context from = h->from;

	section(h, from, from, context_titles[from]);
	if (from != CTX_GENERIC)
		section(h, CTX_GENERIC, from, "Also here (keys that work everywhere)");
	for (int c = CTX_TREE; c < CTX__COUNT; c++)
		if (c != (int)from)
			section(h, (enum context)c, (enum context)c, context_titles[c]);
	add_line(h, NULL, "", NULL, TH_NORMAL);
	if (h->unreachable)
		add_line(h, NULL, "C-h is Backspace on this terminal (it sends ^H for "
		    "Backspace): its bindings are left out.", NULL, TH_DIM);
	/* Two lines, so that each fits 80 columns; secure mode reads only
	 * the shipped keymaps (app_setup.c). */
	add_line(h, NULL, "Keys are set in keymap files: bind CONTEXT KEY ACTION.",
	    NULL, TH_DIM);
	add_line(h, NULL, h->v.app->secure ? "Your own are not read in secure mode." :
	    "Your own go in $XDG_CONFIG_HOME/bedside/keys.", NULL, TH_DIM);
}

static enum context
help_context(const struct view *v)
{
	(void)v;
	return CTX_HELP;
}

/* Under 40 columns (a phone) an action's keys have lines of their own
 * above its help: a column of keys narrow enough to leave the help room
 * would cut a name such as <Backspace> in two. */
static bool
stacked(int w)
{
	return w < 40;
}

/* The columns of keys and of action names: narrower on a narrow
 * terminal, where the names (for keymap authors) give their room to the
 * help. Stacked, kw is the help's indent under its keys. */
static void
columns(int w, int *kw, int *nw)
{
	*kw = w >= 80 ? 20 : w >= 40 ? 12 : 2;
	*nw = w >= 80 ? 18 : w >= 60 ? w / 4 : 0;
}

/* The width the keys are wrapped and drawn in, from column 3. */
static int
keys_width(int w, int kw)
{
	return stacked(w) ? w - 4 : kw - 1;
}

static void
rows_free(struct help_view *h)
{
	for (size_t i = 0; i < h->nrows; i++) {
		free(h->rows[i].keys);
		free(h->rows[i].name);
		free(h->rows[i].text);
	}
	free(h->rows);
	h->rows = NULL;
	h->nrows = 0;
}

/* s wrapped at width, into doc. */
static void
wrap(struct render_doc *doc, const char *s, int width)
{
	if (s && *s && width > 0)
		render_text(doc, s, width, 0, 0);
}

static char *
piece(const struct render_doc *doc, size_t i)
{
	return i < doc->nlines ? xstrdup(doc->lines[i].text) : NULL;
}

/* Cut into rows at width w: nothing is cut short, it goes on below. */
static void
build_rows(struct help_view *h, int w)
{
	int kw, nw;

	rows_free(h);
	columns(w, &kw, &nw);
	for (size_t i = 0; i < h->n; i++) {
		const struct help_line *l = &h->lines[i];
		struct render_doc k = { 0 }, n = { 0 }, t = { 0 };
		if (l->keys == NULL) {
			wrap(&t, l->text, w - 2);
		} else {
			wrap(&k, l->keys, keys_width(w, kw));
			if (nw > 0)
				wrap(&n, l->name, nw - 1);
			wrap(&t, l->text, w - 4 - kw - nw);
		}
		/* Stacked, the help's rows come after the keys'. */
		size_t below = stacked(w) ? k.nlines : 0;
		size_t m = k.nlines > n.nlines ? k.nlines : n.nlines;
		m = below + t.nlines > m ? below + t.nlines : m;
		if (m == 0)
			m = 1;          /* a blank line */
		h->rows = xrealloc(h->rows, (h->nrows + m) * sizeof *h->rows);
		for (size_t r = 0; r < m; r++) {
			struct help_row *row = &h->rows[h->nrows++];
			row->line = i;
			row->keys = piece(&k, r);
			row->name = piece(&n, r);
			row->text = r >= below ? piece(&t, r - below) : NULL;
		}
		render_doc_free(&k);
		render_doc_free(&n);
		render_doc_free(&t);
	}
}

static void
help_layout(struct view *v, struct rect area)
{
	struct help_view *h = hv(v);
	/* The line at the top stays there at the new width. */
	size_t top = (size_t)h->scroll < h->nrows ? h->rows[h->scroll].line : 0;

	v->area = area;
	h->hdr = draw_window(h->hdr, area.y, area.x, area.h > 0 ? 1 : 0, area.w);
	h->body = draw_window(h->body, area.y + 1, area.x, area.h - 1, area.w);
	build_rows(h, area.w);
	h->scroll = 0;
	while ((size_t)h->scroll < h->nrows && h->rows[h->scroll].line < top)
		h->scroll++;
	h->dirty = true;
}

static void
help_draw(struct view *v)
{
	struct help_view *h = hv(v);
	int w = v->area.w, rows = v->area.h - 1;
	struct buf b = BUF_INIT;

	if (!h->dirty)
		return;
	buf_addf(&b, "Keys in force %s keymap: %s", text_ascii() ? "-" : "\xc2\xb7",
	    v->app->keymap_desc);
	werase(h->hdr);
	draw_fill(h->hdr, 0, 0, w, TH_HEADER);
	draw_str_cut(h->hdr, 0, 1, b.data, w - 2, TH_HEADER);
	wnoutrefresh(h->hdr);
	buf_free(&b);

	/* All of it in view keeps the place the reader scrolled to, as an
	 * article's pane does: a terminal made large for a moment and then
	 * small again comes back to it, not to the top. */
	int top = layout_clamp_scroll(h->scroll, (int)h->nrows, rows);
	if ((int)h->nrows > rows)
		h->scroll = top;
	werase(h->body);
	/* Keys, then the action's name, then its help, in columns that
	 * shrink on a narrow terminal. */
	int kw, nw;
	columns(w, &kw, &nw);
	for (int r = 0; r < rows && top + r < (int)h->nrows; r++) {
		const struct help_row *row = &h->rows[top + r];
		const struct help_line *l = &h->lines[row->line];
		if (l->keys == NULL) {
			if (row->text)
				draw_str_cut(h->body, r, 1, row->text, w - 2, l->role);
			continue;
		}
		if (row->keys)
			draw_str_cut(h->body, r, 3, row->keys, keys_width(w, kw),
			    TH_MARKER);
		if (row->name && nw > 0)
			draw_str_cut(h->body, r, 3 + kw, row->name, nw - 1, TH_DIM);
		if (row->text)
			draw_str_cut(h->body, r, 3 + kw + nw, row->text, w - 4 - kw - nw,
			    l->role);
	}
	wnoutrefresh(h->body);
	h->dirty = false;
}

static bool
help_action(struct view *v, enum action act)
{
	struct help_view *h = hv(v);
	int page = v->area.h - 2 > 1 ? v->area.h - 2 : 1;

	switch (act) {
	case ACT_MOVE_UP: h->scroll--; break;
	case ACT_MOVE_DOWN: h->scroll++; break;
	case ACT_PAGE_UP: h->scroll -= page; break;
	case ACT_PAGE_DOWN: h->scroll += page; break;
	case ACT_FIRST: h->scroll = 0; break;
	case ACT_LAST: h->scroll = (int)h->nrows; break;
	case ACT_HELP:
	case ACT_BACK:
		app_pop(v->app);
		return true;
	default:
		return false;
	}
	h->scroll = layout_clamp_scroll(h->scroll, (int)h->nrows, v->area.h - 1);
	h->dirty = true;
	return true;
}

static const enum action *
help_hints(const struct view *v)
{
	static const enum action acts[] = {
		ACT_CLOSE, ACT_MOVE_DOWN, ACT_PAGE_DOWN, ACT_NONE,
	};
	(void)v;
	return acts;
}

static bool
help_can_act(const struct view *v, enum action act)
{
	/* Nothing to scroll when all of it shows, nor once its end does. */
	if (act == ACT_MOVE_DOWN || act == ACT_PAGE_DOWN) {
		int rows = (int)hv(v)->nrows;
		return hv(v)->scroll < layout_clamp_scroll(rows, rows, v->area.h - 1);
	}
	return true;
}

static void
help_free(struct view *v)
{
	struct help_view *h = hv(v);
	for (size_t i = 0; i < h->n; i++) {
		free(h->lines[i].keys);
		free(h->lines[i].text);
	}
	free(h->lines);
	rows_free(h);
	if (h->hdr)
		delwin(h->hdr);
	if (h->body)
		delwin(h->body);
	free(h);
}

static const struct view_ops help_ops = {
	.name = "help",
	.transient = true,
	.context = help_context,
	.layout = help_layout,
	.draw = help_draw,
	.input = NULL,
	.action = help_action,
	.level_changed = NULL,
	.hints = help_hints,
	.can_act = help_can_act,
	.free = help_free,
};

struct view *
help_view_new(struct app *app, enum context from)
{
	struct help_view *h = xcalloc(1, sizeof *h);
	h->v.ops = &help_ops;
	h->v.app = app;
	h->from = from == CTX_HELP ? CTX_GENERIC : from;
	build(h);
	return &h->v;
}
