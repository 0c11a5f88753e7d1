/* view.h: one screen of the browser and the table of operations the event
 * loop calls on it. Each view_*.c file fills a struct view_ops; the loop in
 * app.c never asks which screen is showing. */
#ifndef BEDSIDE_VIEW_H
#define BEDSIDE_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"
#include "keymap.h"
#include "layout.h"

struct state_loc;

struct app;
struct view;

struct view_ops {
	const char *name;
	/* Transient views (search, help) are closed when an article opens. */
	bool transient;
	/* The keymap context keys are looked up in. */
	enum context (*context)(const struct view *v);
	/* (Re)creates the view's windows in area and marks all of it for
	 * drawing. Called when the view comes to the top and on resize. */
	void (*layout)(struct view *v, struct rect area);
	/* Draws what changed since the last draw and wnoutrefresh()es it. */
	void (*draw)(struct view *v);
	/* Sees a key before the keymap does (text entry); true if it used
	 * it. May be NULL. */
	bool (*input)(struct view *v, struct key key);
	/* Does act; false if the view has nothing to do with it, and the
	 * app then gives it its everywhere meaning. */
	bool (*action)(struct view *v, enum action act);
	/* The reading level changed. May be NULL. */
	void (*level_changed)(struct view *v);
	/* Work put off so that the screen could keep up with the keys (the
	 * ranking of a very common word): done while no key waits, given up
	 * when one comes. True if it changed what is drawn. May be NULL. */
	bool (*idle)(struct view *v);
	/* The actions worth a hint on the status line, ending in ACT_NONE. */
	const enum action *(*hints)(const struct view *v);
	/* Whether act would do something in the view as it is now (the pane
	 * has citations, the list is not empty): only those are hinted.
	 * May be NULL: then every hint can. */
	bool (*can_act)(const struct view *v, enum action act);
	/* The word after act's key in its hint where the view's differs
	 * from the usual one, else NULL. May be NULL. */
	const char *(*hint_label)(const struct view *v, enum action act);
	void (*free)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	struct app *app;
	struct rect area;
};

/* The views, each in its own file. */
struct view *topics_view_new(struct app *app);

struct view *article_view_new(struct app *app);
bool article_view_is(const struct view *v);
/* Shows the place loc (an article, its pane focused and scrolled, with
 * what was highlighted there). Returns 0, 1 if there is no such
 * article, -1 on a database error. */
int article_view_show(struct view *v, const struct state_loc *loc);
/* Scrolls the focused pane to the first line holding a word of query
 * (a search just opened the article there). */
void article_view_seek(struct view *v, const char *query);
/* Notes where the view is (the focused pane, its scroll and highlight)
 * in the current history entry; false if it shows no article. */
bool article_view_note(struct view *v);

struct view *search_view_new(struct app *app);
/* Whether the search box takes key as text editing (so no binding of it
 * is in force there). */
bool search_key_is_text(struct key key);
struct view *help_view_new(struct app *app, enum context context);

enum list_kind {
	LIST_BOOKMARKS,
	LIST_RECENT,
	LIST_RELATED,
};
/* A list of articles; for LIST_RELATED, ids are the related ids and title
 * names the article they relate to. */
struct view *list_view_new(struct app *app, enum list_kind kind,
    char *const *ids, size_t nids, const char *title);

#endif
