/* app_small.c: see app_small.h. While nothing of the views shows, a
 * key must neither be lost silently nor change what the user will find
 * when the terminal grows. */
#include "config.h"
#include "app_small.h"

#include <limits.h>
#include <stdbool.h>
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

/* One thing the screen says, in forms from the longest to the shortest.
 * A form that wraps may take several lines, broken at its spaces; one
 * that does not is taken only where it fits on one ("Too small: q
 * quits" in two lines would read as two things). */
struct small_form {
	const char *text;
	bool wraps;
};

struct small_part {
	struct small_form forms[6];
	int n;
};

/* The lines text takes at cols columns, broken at its spaces, the first
 * rows of them drawn from row y if y >= 0 (a word wider than cols cut);
 * *whole is false if a word is wider than cols. */
static int
small_wrap(const char *text, int cols, int y, int rows, bool *whole)
{
	size_t len = strlen(text), at = 0;
	int n = 0;

	*whole = true;
	while (at < len) {
		size_t end = at;
		int used = 0;
		for (bool first = true; end < len; first = false) {
			size_t from = first ? at : end + 1, to = from;
			while (to < len && text[to] != ' ')
				to++;
			int ww = (int)text_width(text + from, to - from);
			int need = first ? ww : used + 1 + ww;
			if (!first && need > cols)
				break;
			*whole &= ww <= cols;
			used = need;
			end = to;
		}
		if (y >= 0 && n < rows)
			mvwaddnstr(stdscr, y + n, 0, text + at,
			    (int)text_fit(text + at, end - at, (size_t)cols, NULL));
		n++;
		at = end + 1;
	}
	return n;
}

/* The first form of p that shows whole in rows rows of cols columns, its
 * lines in *lines; -1 if none does. */
static int
small_pick(const struct small_part *p, int cols, int rows, int *lines)
{
	for (int i = 0; i < p->n; i++) {
		bool whole;
		int k = small_wrap(p->forms[i].text, cols, -1, 0, &whole);
		if (whole && k <= rows && (k == 1 || p->forms[i].wraps)) {
			*lines = k;
			return i;
		}
	}
	return -1;
}

/* What p says where no form shows whole: its last form that wraps,
 * its words cut ("Too"/"sma" reads better than "Sma"). */
static const char *
small_cut(const struct small_part *p)
{
	int i = p->n - 1;
	while (i > 0 && !p->forms[i].wraps)
		i--;
	return p->forms[i].text;
}

/* The fewest lines p can say itself in at cols columns: small_cut()'s
 * where no form shows whole. */
static int
small_least(const struct small_part *p, int cols)
{
	bool whole;
	int lines;
	for (int rows = 1; rows <= 16; rows++)
		if (small_pick(p, cols, rows, &lines) >= 0)
			return lines;
	return small_wrap(small_cut(p), cols, -1, 0, &whole);
}

/* Says the parts from row 0 down, each in the longest form that shows
 * whole in the rows left once the parts after it that fit have the
 * fewest lines they need. A part with no form that shows whole is cut
 * where the screen is narrower than its shortest words, and is left out
 * where only rows lack (the first part, never). The first part's first
 * `joined` forms say the second part too. */
static void
small_say(const struct small_part *parts, int nparts, int joined)
{
	int y = 0;
	bool whole;

	for (int i = 0; i < nparts && y < LINES; i++) {
		int left = LINES - y, keep = 0, lines;
		int own = small_least(&parts[i], COLS);
		for (int j = i + 1; j < nparts; j++) {
			int least = small_least(&parts[j], COLS);
			if (own + keep + least <= left)
				keep += least;
		}
		int k = small_pick(&parts[i], COLS, left - keep, &lines);
		if (k < 0)
			k = small_pick(&parts[i], COLS, left, &lines);
		if (k >= 0) {
			small_wrap(parts[i].forms[k].text, COLS, y, lines, &whole);
			y += lines;
			if (i == 0 && k < joined)
				i++;
		} else if (i == 0 || small_pick(&parts[i], COLS, INT_MAX, &lines) < 0) {
			y += small_wrap(small_cut(&parts[i]), COLS, y, left, &whole);
		}
	}
}

static void
small_add(struct small_part *p, const char *text, bool wraps)
{
	p->forms[p->n++] = (struct small_form){ text, wraps };
}

/* Nothing of the views shows: a line says so, and how to leave (below
 * it when it does not fit beside), then what became of the last key;
 * on a narrow screen in fewer words, or wrapped where there are rows,
 * a word cut only where the screen is narrower than it. */
void
app_small_draw(struct app *app)
{
	char way[64], brief[64], full[160], shorter[96], note[3][96];
	struct small_part parts[3] = { { .n = 0 } };
	int nparts = 1, joined;

	too_small_way_out(app, way, brief, sizeof way);
	/* Its first forms say the way out too. */
	joined = way[0] ? 2 : 0;
	snprintf(full, sizeof full, "Terminal too small: make it at least %dx%d%s%s",
	    LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS, way[0] ? "; " : "", way);
	snprintf(shorter, sizeof shorter, "Too small: %s", way);
	small_add(&parts[0], full, false);
	if (way[0])
		small_add(&parts[0], shorter, false);
	small_add(&parts[0], "Terminal too small", false);
	small_add(&parts[0], "Too small", true);
	small_add(&parts[0], "Small", false);
	if (way[0]) {
		small_add(&parts[nparts], way, false);
		small_add(&parts[nparts++], brief, true);
	}
	if (app->small_key) {
		snprintf(note[0], sizeof note[0], "%s does nothing until it is bigger",
		    app->small_key);
		snprintf(note[1], sizeof note[1], "%s does nothing", app->small_key);
		snprintf(note[2], sizeof note[2], "%s: nothing", app->small_key);
		small_add(&parts[nparts], note[0], false);
		small_add(&parts[nparts], note[1], true);
		small_add(&parts[nparts++], note[2], true);
	}
	werase(stdscr);
	if (LINES > 0 && COLS > 0)
		small_say(parts, nparts, joined);
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
