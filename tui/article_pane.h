/* article_pane.h: one pane of the article view (Answer, Key points, ...):
 * its rendered lines, its own scroll position, its citations and the one
 * selected, and the reference lines a followed citation marked. */
#ifndef BEDSIDE_ARTICLE_PANE_H
#define BEDSIDE_ARTICLE_PANE_H

#include <stdbool.h>
#include <stddef.h>

#include "curses_wide.h"
#include "db.h"
#include "render.h"

/* Most reference numbers a followed citation marks. */
#define APANE_MARK_MAX 16

/* A citation in the rendered text: line and bytes of its span. */
struct apane_cite {
	int line;
	size_t off, len;
};

struct apane {
	struct render_doc doc;
	int width;              /* the text was rendered at, 0: not yet */
	bool empty;             /* the article has nothing for this pane */
	int scroll;
	struct apane_cite *cites;
	size_t ncites;
	int cite;               /* selected citation, -1 none */
	int *ref_number;        /* References: the number of each entry */
	int *ref_line;          /* ... and the line it starts on */
	size_t nrefs;
	int mark_from, mark_to; /* lines marked [from, to), -1: none */
	int mark_nums[APANE_MARK_MAX];  /* ... the entries they are */
	size_t nmarks;
	int drawn_h;            /* the height it was last drawn at */
	/* The place before the last new width or level, while the reader
	 * has not moved from where that put them (anchor_gave): a text that
	 * fitted has no place to keep, and the next one goes back to it. */
	int anchor_scroll, anchor_n, anchor_gave;
	bool anchor_shown;      /* the focus line was in view at that place */
	WINDOW *title, *win;
	bool dirty;
};

/* (Re)renders pane kind of article a at width columns, from the top. The
 * selected citation stays selected if the new text has it (the same text,
 * as many times before it), and the marked references stay marked if the
 * new text has them: a new width or reading level loses neither. */
void apane_render(struct apane *p, const struct db_article *a, enum db_kind kind,
    int width);
void apane_free(struct apane *p);
/* For another article: frees the text, and nothing is selected or marked. */
void apane_reset(struct apane *p);
/* Removes the mark a followed citation left. */
void apane_unmark(struct apane *p);
/* Marks the entries numbered nums (up to APANE_MARK_MAX) where they are,
 * without scrolling: a place in the history shown again. */
void apane_set_marks(struct apane *p, const int *nums, size_t n);
/* Selects citation i of the pane; one it does not have (-1) selects none. */
void apane_select_cite(struct apane *p, int i);
/* The line a reader's eye is on: the selected citation's, else the first
 * marked one; -1 if neither. */
int apane_focus_line(const struct apane *p);

/* The selected citation's numbers (up to max); 0 if none is selected. */
size_t apane_cite_numbers(const struct apane *p, int *nums, size_t max);
/* Selects the next (dir 1) or previous (-1) citation, starting from the
 * ones in view if the selection is out of view, and scrolls to it.
 * Returns false if the pane has none. */
bool apane_cite_step(struct apane *p, int dir, int height);
/* References: marks the entries numbered nums, scrolls to the first;
 * returns false, the old mark kept, if none of them is in the pane. */
bool apane_mark_refs(struct apane *p, const int *nums, size_t n, int height);

/* The first line holding a word that starts as one of the words of
 * query does (ASCII case aside, at most its first five bytes: a rough
 * stem, so "fevers" finds "fever"; the search itself does not stem), or
 * -1. */
int apane_find(const struct apane *p, const char *query);

/* Draws lines from scroll into p->win (height rows, width cols). */
void apane_draw(struct apane *p, int height, int cols, const char *empty_msg);
/* "Top", "Bot", "All" or "42%", for the pane's title. */
void apane_position(const struct apane *p, int height, char *buf, size_t len);

#endif
