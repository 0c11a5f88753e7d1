/* app.c: the full-screen browser's event loop: read a key, look it up in
 * the keymap, hand the action to the view on top, redraw what changed.
 *
 * Setting up (options, keymaps, the terminal) is in app_setup.c; each
 * screen is a view_*.c file behind struct view_ops. */
#include "config.h"
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_setup.h"
#include "app_signals.h"
#include "app_small.h"
#include "buf.h"
#include "curses_wide.h"
#include "draw.h"
#include "input.h"
#include "layout.h"
#include "text.h"
#include "view.h"

static WINDOW *status_win;
static bool too_small;

/* --- levels ----------------------------------------------------------- */

const char *
app_level(const struct app *app)
{
	return app->levels[app->level].name;
}

const char *
app_level_label(const struct app *app)
{
	return app->levels[app->level].label;
}

const char *
app_status_label(const struct app *app, const char *status)
{
	for (size_t i = 0; i < app->nstatuses; i++)
		if (strcmp(app->statuses[i].name, status) == 0)
			return app->statuses[i].label;
	return status;
}

static void
level_set(struct app *app, size_t level)
{
	app->level = level;
	state_set_level(&app->st, app_level(app));
	char *label = text_sanitized(app_level_label(app), 0);
	app_message(app, TH_MESSAGE, "Reading level: %s", label);
	free(label);
	/* After the message: a view may have something more precise to say. */
	for (int i = 0; i < app->depth; i++)
		if (app->stack[i]->ops->level_changed)
			app->stack[i]->ops->level_changed(app->stack[i]);
}

bool
app_set_level(struct app *app, const char *name)
{
	for (size_t i = 0; i < app->nlevels; i++)
		if (strcmp(app->levels[i].name, name) == 0) {
			level_set(app, i);
			return true;
		}
	return false;
}

/* --- the view stack ----------------------------------------------------- */

static struct rect
body_rect(void)
{
	struct screen_layout sl;
	layout_screen(LINES, COLS, &sl);
	return sl.body;
}

/* Lays out the view now on top. A view need not cover all of its area
 * (the blank column between side-by-side panes): what the one before
 * drew there is wiped first, or its letters would read as text. */
static void
layout_top(struct app *app)
{
	if (too_small)
		return;
	werase(stdscr);
	wnoutrefresh(stdscr);
	app_top(app)->ops->layout(app_top(app), body_rect());
}

struct view *
app_top(const struct app *app)
{
	return app->depth ? app->stack[app->depth - 1] : NULL;
}

bool
app_is_root(const struct app *app, const struct view *v)
{
	return app->depth > 0 && app->stack[0] == v;
}

void
app_push(struct app *app, struct view *v)
{
	if (app->depth == APP_STACK_MAX) {
		/* Never deeper than this: the oldest view above the root goes. */
		struct view *old = app->stack[1];
		memmove(app->stack + 1, app->stack + 2,
		    (size_t)(app->depth - 2) * sizeof *app->stack);
		app->depth--;
		old->ops->free(old);
	}
	app->stack[app->depth++] = v;
	layout_top(app);
	app->status_dirty = true;
}

void
app_pop(struct app *app)
{
	if (app->depth <= 1)
		return;
	struct view *v = app->stack[--app->depth];
	v->ops->free(v);
	layout_top(app);
	app->status_dirty = true;
}

/* The article view to show an article in: the topmost one, with the
 * search or help above it closed; else a new one above the non-transient
 * views. A list above it (recent, bookmarks, related) stays, the article
 * view moving up over it, so that closing the article opened from the
 * list returns to the list, as it does where no article was under it. */
static struct view *
article_target(struct app *app, bool *created)
{
	*created = false;
	for (int i = app->depth - 1; i >= 0; i--) {
		if (article_view_is(app->stack[i])) {
			struct view *v = app->stack[i];
			if (i == app->depth - 1)
				return v;
			int kept = i;
			for (int j = i + 1; j < app->depth; j++) {
				struct view *above = app->stack[j];
				if (above->ops->transient)
					above->ops->free(above);
				else
					app->stack[kept++] = above;
			}
			app->stack[kept] = v;
			app->depth = kept + 1;
			layout_top(app);
			app->status_dirty = true;
			return v;
		}
	}
	while (app->depth > 1 && app_top(app)->ops->transient)
		app_pop(app);
	*created = true;
	struct view *v = article_view_new(app);
	app_push(app, v);
	return v;
}

/* Shows the place loc in the article view, made if there is none on top.
 * save_place first records where the view is in the current history
 * entry (not when the history has already moved on). 0 when shown; 1
 * when the database has no such article; -1 on a database error, said
 * on the status line. */
static int
show_in(struct app *app, const struct state_loc *loc, bool save_place)
{
	bool created;
	struct view *v = article_target(app, &created);

	if (save_place)
		article_view_note(v);
	int rc = article_view_show(v, loc);
	if (rc < 0) {
		char *safe = text_sanitized(loc->id, 0);
		app_message(app, TH_ERROR, "Cannot read article '%s': %s", safe,
		    db_errmsg(app->db));
		free(safe);
	}
	if (rc != 0 && created)
		app_pop(app);
	return rc;
}

void
app_open_article(struct app *app, const char *id, int pane)
{
	struct state_loc loc = { .id = (char *)id, .pane = pane, .cite = -1 };
	int rc = show_in(app, &loc, true);
	if (rc > 0) {
		char *safe = text_sanitized(id, 0);
		app_message(app, TH_ERROR, "No article '%s' in this database", safe);
		free(safe);
	} else if (rc == 0) {
		const struct state_loc *cur = state_history_current(&app->st);
		/* The article read last, opened again, is not a new place. */
		if (cur && strcmp(cur->id, id) == 0) {
			state_history_update(&app->st, pane, 0);
			state_history_highlight(&app->st, -1, NULL, 0);
		} else {
			state_history_visit(&app->st, id, pane, 0);
		}
		state_recent_add(&app->st, id);
	}
}

void
app_history_step(struct app *app, bool forward)
{
	/* Outside an article, "back" first returns to the article last read.
	 * Over one, with only a search box or help above it (vi's C-o in
	 * the search box), it steps from that article, as it would there. */
	int t = app->depth - 1;
	while (t > 0 && app->stack[t]->ops->transient)
		t--;
	struct view *top = app->stack[t];
	bool in_article = article_view_is(top);
	int skipped = 0;

	if (in_article)
		article_view_note(top);
	for (;;) {
		const struct state_loc *cur =
		    !in_article ? state_history_current(&app->st) :
		    forward ? state_history_forward(&app->st) :
		    state_history_back(&app->st);
		if (cur == NULL)
			break;
		/* A copy: showing may note a place in the history. */
		struct state_loc loc = *cur;
		loc.id = xstrdup(cur->id);
		int rc = show_in(app, &loc, false);
		free(loc.id);
		if (rc < 0)
			return;
		if (rc == 0) {
			if (skipped)
				app_message(app, TH_MESSAGE,
				    "Skipped %d article%s no longer in this database",
				    skipped, skipped == 1 ? "" : "s");
			return;
		}
		/* Gone since it was read (a re-import): the history forgets
		 * it and looks further the same way. */
		state_history_drop(&app->st, in_article ? forward : true);
		skipped++;
	}
	/* Each message fits an 80-column status line. */
	if (skipped && !in_article)
		app_message(app, TH_MESSAGE,
		    "No history left: the %d article%s in it %s no longer in this database",
		    skipped, skipped == 1 ? "" : "s", skipped == 1 ? "is" : "are");
	else if (skipped)
		app_message(app, TH_MESSAGE, "At the %s place; skipped %d article%s no "
		    "longer in this database", forward ? "newest" : "oldest", skipped,
		    skipped == 1 ? "" : "s");
	else if (!in_article)
		app_message(app, TH_MESSAGE, "No history yet: open an article first");
	else
		app_message(app, TH_MESSAGE,
		    forward ? "At the newest place in the history" :
		    "At the oldest place in the history");
}

/* --- the status line ---------------------------------------------------- */

void
app_message(struct app *app, enum theme_role role, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	free(app->message);
	app->message = text_sanitized(msg, TEXT_TABS_AS_SPACE);
	app->message_role = role;
	app->message_new = true;
	app->status_dirty = true;
}

bool
app_action_available(const struct app *app, enum action act)
{
	return !(app->secure && act == ACT_EXPORT);
}

struct key_search {
	const struct keymap *km;
	enum context context;
	enum action act;
	bool found;
	struct key key;
};

static void
key_search_cb(void *ctx, struct key key, enum action act)
{
	struct key_search *ks = ctx;
	if (ks->found || act != ks->act || keymap_lookup(ks->km, ks->context, key) != act ||
	    !input_key_reachable(key))
		return;
	/* In the search box, typing keys are text, not bindings. */
	if (ks->context == CTX_SEARCH && search_key_is_text(key))
		return;
	ks->found = true;
	ks->key = key;
}

const char *
app_key_name(const struct app *app, enum context context, enum action act,
    char *buf, size_t len)
{
	struct key_search ks = { app->km, context, act, false, { 0, false, false } };
	char name[64];

	if (len == 0)
		return buf;
	buf[0] = '\0';
	/* Like keymap_key_for(), the context's own keys first. */
	keymap_each(app->km, context, key_search_cb, &ks);
	if (!ks.found && context != CTX_GENERIC)
		keymap_each(app->km, CTX_GENERIC, key_search_cb, &ks);
	if (!ks.found)
		return buf;
	struct key key = ks.key;
	keymap_key_name(key, name, sizeof name);
	/* "<Tab>" reads better as "Tab" in a hint. */
	size_t n = strlen(name);
	if (n > 2 && name[0] == '<' && name[n - 1] == '>')
		snprintf(buf, len, "%.*s", (int)(n - 2), name + 1);
	else
		snprintf(buf, len, "%s", name);
	char *safe = text_sanitized(buf, 0);
	snprintf(buf, len, "%s", safe);
	free(safe);
	return buf;
}

/* The word after the key in a hint, for what it does in context. */
static const char *
hint_label(enum action act, enum context ctx, bool root)
{
	switch (act) {
	case ACT_QUIT: return root ? "quit" : "close";
	/* In a list Esc goes back where the list came from: to the tree
	 * from the list beside it, which it does not close. */
	case ACT_CLOSE: return ctx == CTX_LIST ? "back" : "close";
	case ACT_HELP: return "help";
	case ACT_SEARCH: return "search";
	case ACT_LEVEL_CYCLE: return "level";
	case ACT_PANE_NEXT: return "pane";
	case ACT_OPEN: return "open";
	case ACT_EXPAND: return "expand";
	case ACT_COLLAPSE: return "fold";
	case ACT_BACK: return "back";
	case ACT_FORWARD: return "forward";
	case ACT_BOOKMARK_TOGGLE: return "bookmark";
	case ACT_BOOKMARKS: return "bookmarks";
	case ACT_RECENT: return "recent";
	case ACT_CITE_NEXT: return "citation";
	case ACT_CITE_FOLLOW: return "follow";
	case ACT_RELATED: return "related";
	case ACT_EXPORT: return "export";
	case ACT_TOPICS: return "topics";
	/* The next hit in the search; elsewhere (help) it scrolls. */
	case ACT_MOVE_DOWN: return ctx == CTX_SEARCH ? "next" : "scroll";
	case ACT_PAGE_DOWN: return "page";
	default: return action_name(act);
	}
}

static void
draw_status(struct app *app)
{
	struct view *top = app_top(app);
	int w = COLS;

	if (status_win == NULL || top == NULL)
		return;
	werase(status_win);
	draw_fill(status_win, 0, 0, w, app->message ? TH_NORMAL : TH_STATUSLINE);
	if (app->message) {
		draw_str_cut(status_win, 0, 0, app->message, w, app->message_role);
	} else {
		enum context ctx = top->ops->context(top);
		const enum action *acts = top->ops->hints(top);
		bool root = app_is_root(app, top);
		int x = 0;
		for (size_t i = 0; acts[i] != ACT_NONE; i++) {
			char key[32];
			const char *label = top->ops->hint_label ?
			    top->ops->hint_label(top, acts[i]) : NULL;
			if (label == NULL)
				label = hint_label(acts[i], ctx, root);
			if (!app_action_available(app, acts[i]) ||
			    (top->ops->can_act && !top->ops->can_act(top, acts[i])))
				continue;
			app_key_name(app, ctx, acts[i], key, sizeof key);
			if (!key[0])
				continue;
			int need = (int)text_width(key, strlen(key)) + 1 +
			    (int)strlen(label) + 2;
			if (x + need - 2 > w)
				break;
			x += draw_str(status_win, 0, x, key, w - x, TH_STATUSKEY);
			x += draw_str(status_win, 0, x, " ", w - x, TH_STATUSLINE);
			x += draw_str(status_win, 0, x, label, w - x, TH_STATUSLINE);
			x += 2;
		}
	}
	wnoutrefresh(status_win);
	app->status_dirty = false;
}

/* --- layout and drawing ------------------------------------------------- */

static void
relayout(struct app *app)
{
	struct screen_layout sl;

	if (status_win) {
		delwin(status_win);
		status_win = NULL;
	}
	too_small = layout_too_small(LINES, COLS);
	if (too_small) {
		app_small_draw(app);
		return;
	}
	free(app->small_key);
	app->small_key = NULL;
	/* curses marks stdscr changed on a resize, and wgetch(stdscr) would
	 * paint it, blank, over the views: put it out first, under them. */
	werase(stdscr);
	wnoutrefresh(stdscr);
	layout_screen(LINES, COLS, &sl);
	status_win = newwin(sl.status.h, sl.status.w, sl.status.y, sl.status.x);
	app->status_dirty = true;
	struct view *top = app_top(app);
	top->ops->layout(top, sl.body);
}

static void
redraw(struct app *app)
{
	if (too_small) {
		app_small_draw(app);
	} else {
		struct view *top = app_top(app);
		top->ops->draw(top);
		if (app->status_dirty)
			draw_status(app);
	}
	doupdate();
}

/* --- keys ----------------------------------------------------------------- */

/* Acts on act; false if it means nothing here. */
static bool
dispatch_action(struct app *app, struct view *top, enum action act)
{
	bool root = app_is_root(app, top);

	if (top->ops->action(top, act))
		return true;
	switch (act) {
	case ACT_QUIT:
		if (root)
			app->quit = true;
		else
			app_pop(app);
		break;
	case ACT_CLOSE:
		if (!root) {
			app_pop(app);
		} else {
			/* The first screen: nothing above it to close, and
			 * Esc is no way to quit (it starts Alt keys too). */
			char key[32];
			app_key_name(app, top->ops->context(top), ACT_QUIT, key,
			    sizeof key);
			app_message(app, TH_MESSAGE,
			    "Nothing to close: this is the first screen%s%s%s",
			    key[0] ? " (" : "", key, key[0] ? " quits)" : "");
		}
		break;
	case ACT_HELP:
		app_push(app, help_view_new(app, top->ops->context(top)));
		break;
	case ACT_SEARCH:
		app_push(app, search_view_new(app));
		break;
	case ACT_LEVEL_CYCLE:
		level_set(app, (app->level + 1) % app->nlevels);
		break;
	case ACT_BOOKMARKS:
	case ACT_RECENT: {
		bool bm = act == ACT_BOOKMARKS;
		/* One list at a time: the key again replaces it. */
		if (!root && !article_view_is(top) && !top->ops->transient)
			app_pop(app);
		app_push(app, list_view_new(app, bm ? LIST_BOOKMARKS : LIST_RECENT,
		    bm ? app->st.bookmarks : app->st.recent,
		    bm ? app->st.nbookmarks : app->st.nrecent, NULL));
		break;
	}
	case ACT_TOPICS:
		while (app->depth > 1)
			app_pop(app);
		break;
	case ACT_BACK:
	case ACT_FORWARD:
		app_history_step(app, act == ACT_FORWARD);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		relayout(app);
		break;
	case ACT_BOOKMARK_TOGGLE:
	case ACT_EXPORT:
	case ACT_RELATED:
	case ACT_CITE_FOLLOW:
	case ACT_CITE_NEXT:
	case ACT_CITE_PREV: {
		/* Help (or another view) may be over the article it means. */
		bool under = false;
		for (int i = 0; i < app->depth - 1; i++)
			under |= article_view_is(app->stack[i]);
		app_message(app, TH_MESSAGE, under ? "%s acts on the article: close this "
		    "view first" : "Open an article first", action_name(act));
		break;
	}
	default:
		/* Bound, but nothing for it to act on here (Tab in a list,
		 * Enter in help). */
		return false;
	}
	return true;
}

/* A pasted key is text: it goes to the search box, opened for it if need
 * be, its line breaks and tabs made spaces. Nothing in a paste runs a
 * binding (a pasted "e" would export, a line break open a hit). */
static void
paste(struct app *app, struct key key)
{
	if (key.is_func || key.meta)
		return;
	if (key.code == '\n' || key.code == '\t')
		key.code = ' ';
	else if (key.code < 0x20 || key.code == 0x7f)
		return;
	if (too_small) {
		app->small_key = xstrdup("Pasting");
		return;
	}
	struct view *top = app_top(app);
	if (top->ops->context(top) != CTX_SEARCH) {
		dispatch_action(app, top, ACT_SEARCH);
		top = app_top(app);
	}
	if (top->ops->context(top) == CTX_SEARCH && top->ops->input)
		top->ops->input(top, key);
}

static void
dispatch(struct app *app, struct key key)
{
	struct view *top = app_top(app);
	enum context ctx = top->ops->context(top);

	free(app->small_key);
	app->small_key = NULL;
	if (input_pasted()) {
		paste(app, key);
		return;
	}
	if (too_small) {
		app_small_key(app, key);
		return;
	}
	if (top->ops->input && top->ops->input(top, key))
		return;
	enum action act = keymap_lookup(app->km, ctx, key);
	if (act == ACT_NONE || !dispatch_action(app, top, act)) {
		char name[64], help[32];
		keymap_key_name(key, name, sizeof name);
		help[0] = '\0';
		if (ctx != CTX_HELP)    /* the keys are on screen already */
			app_key_name(app, ctx, ACT_HELP, help, sizeof help);
		app_message(app, TH_MESSAGE, "%s does nothing here%s%s%s", name,
		    help[0] ? " (" : "", help, help[0] ? " shows the keys)" : "");
	}
}

/* A terminal sends Alt+x as Esc then x, and a slow link can bring Esc and
 * a key typed just after it in one read, which reads the same. Where the
 * keymap binds no such Alt key, key becomes Esc and *rest the key that
 * follows it, as if typed slowly: Esc leaves a search and q then quits,
 * where an unbound M-q would lose both. Returns whether it split. */
static bool
split_meta(const struct app *app, struct key *key, struct key *rest)
{
	struct view *top = app_top(app);

	if (!key->meta || input_pasted() ||
	    keymap_lookup(app->km, top->ops->context(top), *key) != ACT_NONE)
		return false;
	*rest = *key;
	rest->meta = false;
	*key = keymap_key_from_input(OK, 27, false);
	return true;
}

static void
save_state(struct app *app)
{
	bool had_problem = app->st.problem != NULL;
	if (state_save(&app->st) != 0 && !had_problem)
		app_message(app, TH_ERROR, "Nothing more will be remembered: %s",
		    app->st.problem);
}

/* --- the loop ----------------------------------------------------------- */

/* While no key waits: what the database can read once for every search
 * to come (the row lengths bm25 ranks with, ~50 ms at 100,000 articles),
 * so that the first key of the first search does not wait for it. A key
 * stops it; the next rest goes on from there. */
static void
read_ahead(struct app *app)
{
	if (app->read_ahead_done || input_pending())
		return;
	db_set_stop(app->db, input_stop, NULL);
	int rc = db_read_ahead(app->db);
	db_set_stop(app->db, NULL, NULL);
	if (rc != DB_STOPPED)
		app->read_ahead_done = true;
}

/* Ctrl-Z. The shell gets the terminal as it was given: paste brackets
 * left on would wrap a paste at its prompt in escape sequences. After
 * fg the screen comes back whole (its size may have changed), then the
 * brackets, which the shell may have turned off in the meantime. */
static void
suspend(struct app *app)
{
	input_paste_mode(false);
	endwin();
	app_signals_suspend();
	clearok(curscr, TRUE);
	relayout(app);
	redraw(app);
	input_paste_mode(true);
	doupdate();
}

int
app_loop(struct app *app)
{
	struct key rest;
	bool replay = false;    /* rest is the key after an Esc (split_meta) */

	relayout(app);
	while (!app->quit && !app_signals_stop()) {
		struct key key;

		if (app_signals_take_suspend()) {
			suspend(app);
			continue;
		}

		/* Keys already typed (a paste, a held key) go first; the
		 * screen catches up once they are done. */
		if (!replay && !input_pending()) {
			redraw(app);
			/* Then what the view put off to keep up with the keys,
			 * for as long as they rest. */
			struct view *top = app_top(app);
			while (!too_small && top->ops->idle && !input_pending() &&
			    top->ops->idle(top))
				redraw(app);
			read_ahead(app);
		}
		app->message_new = false;
		enum input_result r = INPUT_KEY;
		if (replay)
			key = rest;
		else
			r = input_read(&key, &app_signal_wake);
		replay = false;
		if (r == INPUT_STOP && app_signal_wake) {
			/* The flag of the signal that woke it stays set: the
			 * loop's next round sees it. */
			app_signal_wake = 0;
			continue;
		}
		if (r == INPUT_STOP)
			break;
		if (r == INPUT_RESIZE) {
			relayout(app);
			continue;
		}
		/* Round again, to draw what the keys before did. */
		if (r == INPUT_SKIP)
			continue;
		replay = split_meta(app, &key, &rest);
		dispatch(app, key);
		/* What the key changed may change which hints apply. */
		app->status_dirty = true;
		/* A message lasts until the next key. */
		if (!app->message_new && app->message) {
			free(app->message);
			app->message = NULL;
			app->status_dirty = true;
		}
		save_state(app);
	}
	if (status_win) {
		delwin(status_win);
		status_win = NULL;
	}
	return 0;
}

int
app_run(const struct app_options *opt)
{
	struct app app;
	int rc = app_setup(&app, opt);

	if (rc >= 0)
		return rc;
	app_signals_catch(opt->secure);
	if (!app_setup_terminal(&app)) {
		app_setup_free(&app);
		return 2;
	}
	app_push(&app, topics_view_new(&app));
	if (opt->open_id)
		app_open_article(&app, opt->open_id, DB_ANSWER);
	app_setup_greet(&app);
	app_loop(&app);
	while (app.depth > 0) {
		struct view *v = app.stack[--app.depth];
		v->ops->free(v);
	}
	app_setup_end_terminal(&app);
	app.st.dirty = true;
	state_save(&app.st);
	app_setup_report_state(&app);
	app_setup_free(&app);
	return 0;
}
