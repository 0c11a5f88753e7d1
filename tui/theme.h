/* theme.h: the colours and attributes of each thing on screen, by role.
 *
 * One small named palette with a monochrome fallback: without colour
 * (NO_COLOR set, a vt100, a terminal with fewer than 8 colours) every role
 * still looks different through bold, underline and reverse alone. */
#ifndef BEDSIDE_THEME_H
#define BEDSIDE_THEME_H

#include <stdbool.h>

#include "curses_wide.h"

enum theme_role {
	TH_NORMAL,
	TH_DIM,                 /* secondary text: topic paths, counts */
	TH_HEADER,              /* the top line of a screen */
	TH_TITLE,               /* an article's question */
	TH_STATUS_SUBMITTED,
	TH_STATUS_REVIEW,
	TH_STATUS_APPROVED,
	TH_STATUS_OTHER,
	TH_TAB,
	TH_TAB_ACTIVE,
	TH_SELECTION,           /* the selected row of the focused list */
	TH_SELECTION_IDLE,      /* the selected row of a list without focus */
	TH_MATCH,               /* a search match */
	TH_CITE,                /* a citation */
	TH_CITE_SELECTED,
	TH_REF_MARK,            /* the reference a citation led to */
	TH_HEADING,
	TH_LINK,
	TH_CODE,
	TH_QUOTE,
	TH_MARKER,
	TH_STATUSLINE,          /* key hints */
	TH_STATUSKEY,           /* a key in the hints */
	TH_MESSAGE,             /* a message on the status line */
	TH_ERROR,
	TH__COUNT
};

struct theme_style {
	attr_t attr;
	short pair;
};

/* The palettes: one for any background, one each tuned for a light and
 * a dark one, and none (bold, underline and reverse only). */
enum theme_kind {
	THEME_DEFAULT,
	THEME_LIGHT,
	THEME_DARK,
	THEME_MONO,
};

/* Call after the screen starts: the palette asked for, or monochrome when
 * the terminal has no colour or NO_COLOR is set and not empty. */
void theme_init(enum theme_kind kind);
bool theme_has_colour(void);
struct theme_style theme_get(enum theme_role role);
/* The look of render.h style bits (RS_*), combined. */
struct theme_style theme_render_style(unsigned rs);
/* The role for an article status name ("under-review" ...). */
enum theme_role theme_status_role(const char *status);

#endif
