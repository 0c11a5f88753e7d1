/* state.h: what the browser remembers for its user between starts: the
 * reading level, bookmarks, recently viewed articles and the history.
 *
 * Kept in $XDG_STATE_HOME/bedside/state (default ~/.local/state/bedside/),
 * a small line-based text file replaced atomically. A file that cannot be
 * read or makes no sense is ignored (the browser starts with nothing
 * remembered); a folder that cannot be written is reported once. No curses
 * here. */
#ifndef BEDSIDE_STATE_H
#define BEDSIDE_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define STATE_FILE "state"
#define STATE_FILE_MAX (1024 * 1024)
#define STATE_RECENT_MAX 50
#define STATE_HISTORY_MAX 200
#define STATE_BOOKMARKS_MAX 1000
/* Most reference numbers a place keeps marked. */
#define STATE_MARKS_MAX 16

/* A place in the history: an article, the pane shown and its scroll, and
 * what was highlighted there, so that back and forward show it again:
 * the selected citation of the pane (its index among the pane's
 * citations) and, in References, the entries a followed citation
 * marked (their numbers). */
struct state_loc {
	char *id;
	int pane;
	int scroll;
	int cite;               /* -1: none selected */
	int marks[STATE_MARKS_MAX];
	size_t nmarks;
};

struct state {
	char *dir;              /* NULL: nothing is read or written */
	bool usable;            /* the folder can be written */
	char *problem;          /* why not, for the one message: "PATH: what: why" */
	bool dirty;             /* changed since the last save */

	char *level;            /* NULL: not chosen yet */
	char **bookmarks;       /* in the order added */
	size_t nbookmarks;
	char **recent;          /* most recent first */
	size_t nrecent;
	struct state_loc *history;
	size_t nhistory;
	size_t pos;             /* current entry, when nhistory > 0 */

	/* Bookmarks added and removed since the last save: another browser
	 * of the same user may have saved its own meanwhile, and a save
	 * puts these on top of the file's instead of writing over them. */
	char **added, **removed;
	size_t nadded, nremoved;
};

/* Sets st up empty; unless secure, finds the folder ($XDG_STATE_HOME or
 * ~/.local/state, then bedside/), creates it if need be and reads the
 * file. Never fails: problems end up in st->problem. */
void state_init(struct state *st, bool secure);
void state_free(struct state *st);

/* Writes the file if anything changed. Returns 0, or -1 and sets
 * st->problem (and st->usable false) the first time a write fails. */
int state_save(struct state *st);

/* The file's text, and reading it back (unknown or bad lines are skipped;
 * text without the header line is ignored as a whole: false). */
void state_format(const struct state *st, struct buf *out);
bool state_parse(struct state *st, const char *text, size_t len);

void state_set_level(struct state *st, const char *level);
bool state_is_bookmarked(const struct state *st, const char *id);
/* Returns whether id is bookmarked afterwards. */
bool state_bookmark_toggle(struct state *st, const char *id);
void state_recent_add(struct state *st, const char *id);

/* A new place, nothing highlighted: what was ahead of the current entry
 * is dropped. */
void state_history_visit(struct state *st, const char *id, int pane, int scroll);
/* Notes where the reader is in the current entry, so going back returns
 * there. */
void state_history_update(struct state *st, int pane, int scroll);
/* Notes what is highlighted at the current entry: the selected citation
 * (-1 none) and the marked reference numbers (the first
 * STATE_MARKS_MAX of n). */
void state_history_highlight(struct state *st, int cite, const int *marks, size_t n);
/* The current entry, or NULL if there is none. */
const struct state_loc *state_history_current(const struct state *st);
/* Removes the current entry, one stepped to (forward or back) that is
 * gone from the database; the entry stepped from is current again. */
void state_history_drop(struct state *st, bool forward);
/* Moves one step and returns the new current entry, or NULL (and does not
 * move) at either end. */
const struct state_loc *state_history_back(struct state *st);
const struct state_loc *state_history_forward(struct state *st);

/* Whether s looks like an article id or level name: [a-z0-9_-]+, short. */
bool state_name_ok(const char *s, size_t len);

#endif
