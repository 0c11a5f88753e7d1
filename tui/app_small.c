/* app_small.c: see app_small.h. While nothing of the views shows, a
 * key must neither be lost silently nor change what the user will find
 * when the terminal grows. */
#include "config.h"
#include "app_small.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses_wide.h"
#include "keymap.h"
#include "layout.h"
#include "text.h"
#include "view.h"

/* What the too-small screen offers: the way out, named from the keymap
 * as the status line would, long and short; the search box, where the
 * quit key is text, is closed first. Empty if nothing is bound. */
static void
too_small_way_out(struct app *app, char *way, char *brief, size_t len)
{
	struct view *top = app_top(app);
	enum context ctx = top->ops->context(top);
	char key[32];

	app_key_name(app, ctx, ACT_QUIT, key, sizeof key);
	if (key[0]) {
		snprintf(way, len, "%s quits", key);
		snprintf(brief, len, "%s", way);
		return;
	}
	app_key_name(app, ctx, ACT_CLOSE, key, sizeof key);
	snprintf(way, len, key[0] ? "%s closes the %s" : "", key, top->ops->name);
	snprintf(brief, len, key[0] ? "%s closes" : "", key);
}

/* The first of says that fits in cols, else the last one (to be cut). */
static const char *
fitting(const char *const *says, size_t n, int cols)
{
	for (size_t i = 0; i < n; i++)
		if ((int)strlen(says[i]) <= cols)
			return says[i];
	return says[n - 1];
}

/* Nothing of the views shows: a line says so, and how to leave (below
 * it when it does not fit beside), then what became of the last key. */
void
app_small_draw(struct app *app)
{
	char way[64], brief[64], full[160], shorter[96];
	too_small_way_out(app, way, brief, sizeof way);
	snprintf(full, sizeof full, "Terminal too small: make it at least %dx%d%s%s",
	    LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS, way[0] ? "; " : "", way);
	snprintf(shorter, sizeof shorter, "Too small%s%s", way[0] ? ": " : "", way);
	const char *says[] = { full, shorter, "Terminal too small", "Too small" };
	const char *ways[] = { way, brief };
	const char *s = fitting(says, 4, COLS);
	char note[3][96];
	const char *notes[] = { note[0], note[1], note[2] };
	int y = 0;

	if (app->small_key) {
		snprintf(note[0], sizeof note[0], "%s does nothing until it is bigger",
		    app->small_key);
		snprintf(note[1], sizeof note[1], "%s does nothing", app->small_key);
		snprintf(note[2], sizeof note[2], "%s: nothing", app->small_key);
	}

	werase(stdscr);
	if (LINES > 0 && COLS > 0) {
		mvwaddnstr(stdscr, y++, 0, s, COLS);
		if (way[0] && s != full && s != shorter && y < LINES)
			mvwaddnstr(stdscr, y++, 0, fitting(ways, 2, COLS), COLS);
		if (app->small_key && y < LINES)
			mvwaddnstr(stdscr, y, 0, fitting(notes, 3, COLS), COLS);
	}
	wnoutrefresh(stdscr);
}

void
app_small_key(struct app *app, struct key key)
{
	struct view *top = app_top(app);
	enum context ctx = top->ops->context(top);
	enum action act = keymap_lookup(app->km, ctx, key);
	bool text = ctx == CTX_SEARCH && search_key_is_text(key);

	if (!text && act == ACT_QUIT) {
		app->quit = true;
	} else if (!text && act == ACT_CLOSE && top->ops->transient) {
		app_pop(app);
	} else {
		char name[64];
		keymap_key_name(key, name, sizeof name);
		app->small_key = text_sanitized(name, 0);
	}
}
