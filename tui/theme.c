/* theme.c: see theme.h. The palette uses the eight ANSI colours only, so it
 * means the same on a Linux console, in tmux and in a phone's SSH client. */
#include "config.h"
#include "theme.h"

#include <stdlib.h>
#include <string.h>

#include "render.h"

#define DEFAULT_COLOUR (-1)

struct role_def {
	attr_t mono;            /* without colour */
	attr_t attr;            /* with colour, besides the pair */
	short fg, bg;           /* DEFAULT_COLOUR: the terminal's own */
};

static const struct role_def defs[TH__COUNT] = {
	[TH_NORMAL] = { A_NORMAL, A_NORMAL, DEFAULT_COLOUR, DEFAULT_COLOUR },
	[TH_DIM] = { A_NORMAL, A_NORMAL, COLOR_CYAN, DEFAULT_COLOUR },
	[TH_HEADER] = { A_BOLD | A_UNDERLINE, A_BOLD, COLOR_WHITE, COLOR_BLUE },
	[TH_TITLE] = { A_BOLD, A_BOLD, DEFAULT_COLOUR, DEFAULT_COLOUR },
	[TH_STATUS_SUBMITTED] = { A_UNDERLINE, A_BOLD, COLOR_WHITE, COLOR_RED },
	[TH_STATUS_REVIEW] = { A_BOLD, A_NORMAL, COLOR_BLACK, COLOR_YELLOW },
	[TH_STATUS_APPROVED] = { A_REVERSE, A_NORMAL, COLOR_BLACK, COLOR_GREEN },
	[TH_STATUS_OTHER] = { A_BOLD, A_BOLD, DEFAULT_COLOUR, DEFAULT_COLOUR },
	[TH_TAB] = { A_NORMAL, A_NORMAL, DEFAULT_COLOUR, DEFAULT_COLOUR },
	[TH_TAB_ACTIVE] = { A_REVERSE | A_BOLD, A_BOLD, COLOR_WHITE, COLOR_BLUE },
	[TH_SELECTION] = { A_REVERSE, A_REVERSE, DEFAULT_COLOUR, DEFAULT_COLOUR },
	[TH_SELECTION_IDLE] = { A_UNDERLINE, A_BOLD, COLOR_BLUE, DEFAULT_COLOUR },
	[TH_MATCH] = { A_BOLD | A_UNDERLINE, A_BOLD, COLOR_BLACK, COLOR_YELLOW },
	[TH_CITE] = { A_UNDERLINE, A_NORMAL, COLOR_CYAN, DEFAULT_COLOUR },
	[TH_CITE_SELECTED] = { A_REVERSE, A_REVERSE | A_BOLD, COLOR_CYAN, DEFAULT_COLOUR },
	[TH_REF_MARK] = { A_BOLD, A_BOLD, COLOR_YELLOW, DEFAULT_COLOUR },
	[TH_HEADING] = { A_BOLD, A_BOLD, DEFAULT_COLOUR, DEFAULT_COLOUR },
	[TH_LINK] = { A_UNDERLINE, A_UNDERLINE, COLOR_BLUE, DEFAULT_COLOUR },
	[TH_CODE] = { A_NORMAL, A_NORMAL, COLOR_GREEN, DEFAULT_COLOUR },
	[TH_QUOTE] = { A_NORMAL, A_NORMAL, COLOR_CYAN, DEFAULT_COLOUR },
	[TH_MARKER] = { A_BOLD, A_BOLD, DEFAULT_COLOUR, DEFAULT_COLOUR },
	[TH_STATUSLINE] = { A_REVERSE, A_REVERSE, DEFAULT_COLOUR, DEFAULT_COLOUR },
	[TH_STATUSKEY] = { A_REVERSE | A_BOLD, A_REVERSE | A_BOLD, DEFAULT_COLOUR,
	    DEFAULT_COLOUR },
	[TH_MESSAGE] = { A_BOLD, A_BOLD, DEFAULT_COLOUR, DEFAULT_COLOUR },
	[TH_ERROR] = { A_BOLD, A_BOLD, COLOR_RED, DEFAULT_COLOUR },
};

static struct theme_style styles[TH__COUNT];
static bool colour;

/* Where a light or a dark background needs another colour for a role to
 * stay readable (yellow on white, blue on black). */
static const struct {
	enum theme_role role;
	short light, dark;
} tuned[] = {
	{ TH_DIM, COLOR_BLUE, COLOR_CYAN },
	{ TH_CITE, COLOR_BLUE, COLOR_CYAN },
	{ TH_REF_MARK, COLOR_MAGENTA, COLOR_YELLOW },
	{ TH_LINK, COLOR_BLUE, COLOR_CYAN },
	{ TH_QUOTE, COLOR_MAGENTA, COLOR_CYAN },
	{ TH_SELECTION_IDLE, COLOR_BLUE, COLOR_CYAN },
	{ TH_CODE, COLOR_GREEN, COLOR_GREEN },
};

void
theme_init(enum theme_kind kind)
{
	const char *no_colour = getenv("NO_COLOR");
	bool defaults = false;

	colour = kind != THEME_MONO && has_colors() && !(no_colour && *no_colour);
	if (colour && (start_color() == ERR || COLORS < 8 || COLOR_PAIRS < TH__COUNT + 1))
		colour = false;
	if (colour)
		defaults = use_default_colors() == OK;
	for (int r = 0; r < TH__COUNT; r++) {
		styles[r].attr = colour ? defs[r].attr : defs[r].mono;
		styles[r].pair = 0;
		if (!colour ||
		    (defs[r].fg == DEFAULT_COLOUR && defs[r].bg == DEFAULT_COLOUR))
			continue;
		short fg = defs[r].fg, bg = defs[r].bg;
		for (size_t i = 0;
		    kind != THEME_DEFAULT && i < sizeof tuned / sizeof *tuned; i++)
			if (tuned[i].role == (enum theme_role)r)
				fg = kind == THEME_LIGHT ? tuned[i].light : tuned[i].dark;
		if (!defaults) {
			if (fg == DEFAULT_COLOUR)
				fg = COLOR_WHITE;
			if (bg == DEFAULT_COLOUR)
				bg = COLOR_BLACK;
		}
		if (init_pair((short)(r + 1), fg, bg) == OK)
			styles[r].pair = (short)(r + 1);
	}
}

bool
theme_has_colour(void)
{
	return colour;
}

struct theme_style
theme_get(enum theme_role role)
{
	if ((int)role < 0 || role >= TH__COUNT)
		role = TH_NORMAL;
	return styles[role];
}

/* The strongest meaning wins the colour; the attributes add up, so bold
 * emphasis inside a link is both. */
struct theme_style
theme_render_style(unsigned rs)
{
	static const struct {
		unsigned bit;
		enum theme_role role;
	} order[] = {
		{ RS_MATCH, TH_MATCH }, { RS_CITE, TH_CITE }, { RS_LINK, TH_LINK },
		{ RS_CODE, TH_CODE }, { RS_QUOTE, TH_QUOTE }, { RS_MARKER, TH_MARKER },
		{ RS_HEADING, TH_HEADING },
	};
	struct theme_style s = styles[TH_NORMAL];
	bool picked = false;

	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (!(rs & order[i].bit))
			continue;
		s.attr |= styles[order[i].role].attr;
		if (!picked) {
			s.pair = styles[order[i].role].pair;
			picked = true;
		}
	}
	if (rs & RS_STRONG)
		s.attr |= A_BOLD;
	if (rs & RS_EMPH)
		s.attr |= A_UNDERLINE;
	return s;
}

enum theme_role
theme_status_role(const char *status)
{
	if (status == NULL)
		return TH_STATUS_OTHER;
	if (strcmp(status, "submitted") == 0)
		return TH_STATUS_SUBMITTED;
	if (strcmp(status, "under-review") == 0)
		return TH_STATUS_REVIEW;
	if (strcmp(status, "approved") == 0)
		return TH_STATUS_APPROVED;
	return TH_STATUS_OTHER;
}
