/* app.h: the full-screen browser: its entry point, and what the views ask
 * of the application (the database, the keys, the user's state, the view
 * stack and the status line). */
#ifndef BEDSIDE_APP_H
#define BEDSIDE_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "keymap.h"
#include "state.h"
#include "theme.h"

struct app_options {
	const char *argv0;
	const char *db_path;    /* NULL: the default database */
	const char *level;      /* --level, or NULL for the remembered one */
	const char *keymap;     /* --keymap NAME|PATH, or NULL for default */
	const char *theme;      /* --theme NAME, or NULL for the config's */
	const char *open_id;    /* article to open first, or NULL */
	bool secure;
};

/* Runs the browser until the user quits; returns the exit status. */
int app_run(const struct app_options *opt);

/* --- for the views ---------------------------------------------------- */

struct view;

#define APP_STACK_MAX 16

struct app {
	const struct app_options *opt;
	bool secure;
	struct db *db;
	struct keymap *km;
	char *keymap_desc;      /* "default", "vi + ~/.config/bedside/keys" */
	enum theme_kind theme;  /* from the config file */
	struct state st;
	struct db_level *levels;
	size_t nlevels;
	size_t level;           /* index into levels */
	struct db_status *statuses;
	size_t nstatuses;

	struct view *stack[APP_STACK_MAX];
	int depth;

	char *message;          /* on the status line until the next key */
	enum theme_role message_role;
	bool message_new;       /* set during this key: keep it */
	char *small_key;        /* too small: the last key, which did nothing */
	char *last_query;       /* the last search closed; Up in an empty one */
	bool status_dirty;
	bool quit;
	bool read_ahead_done;   /* see read_ahead() in app.c */
};

const char *app_level(const struct app *app);
const char *app_level_label(const struct app *app);
/* Reads at the level named name from now on (remembered, as L does);
 * every open view is told. Returns false for a level the database has
 * not. */
bool app_set_level(struct app *app, const char *name);
/* "Under review" for "under-review"; the name itself if unknown. */
const char *app_status_label(const struct app *app, const char *status);

struct view *app_top(const struct app *app);
bool app_is_root(const struct app *app, const struct view *v);
/* Puts v on top (laid out) / closes the top view (never the root). */
void app_push(struct app *app, struct view *v);
void app_pop(struct app *app);

/* Opens an article from a list, a search or a related link: it becomes
 * the newest place in the history and the most recent article. */
void app_open_article(struct app *app, const char *id, int pane);
/* Goes one step back or forward in the history (any view). */
void app_history_step(struct app *app, bool forward);

/* A message on the status line until the next key; role TH_MESSAGE or
 * TH_ERROR. The text is made safe. */
void app_message(struct app *app, enum theme_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Whether act can do anything in this run: export writes a file, which
 * secure mode does not allow. The status line offers no action that
 * cannot, and help marks it. */
bool app_action_available(const struct app *app, enum action act);
/* The name of the first key for act in context, for hints ("Tab", "?"),
 * or "" if none is bound. */
const char *app_key_name(const struct app *app, enum context context,
    enum action act, char *buf, size_t len);

#endif
