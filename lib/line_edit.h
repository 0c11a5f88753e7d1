/* line_edit.h: a line of UTF-8 being typed, with a cursor, edited as a
 * shell's line is: characters go in at the cursor, Backspace and Delete
 * take the character before and under it, C-w the word before it, C-u
 * all before it; the cursor moves a character at a time or to either end.
 * No curses here: the search box maps keys to these. */
#ifndef BEDSIDE_LINE_EDIT_H
#define BEDSIDE_LINE_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct line_edit {
	struct buf text;
	size_t cur;             /* bytes into text, at a character's start */
};

#define LINE_EDIT_INIT { BUF_INIT, 0 }

/* The text, never NULL. */
const char *line_edit_text(const struct line_edit *l);
/* Replaces the text; the cursor goes to its end. */
void line_edit_set(struct line_edit *l, const char *text);
void line_edit_free(struct line_edit *l);

/* Each returns whether the text changed. Insert refuses (false) a
 * character that would make the text longer than max bytes. */
bool line_edit_insert(struct line_edit *l, uint32_t cp, size_t max);
bool line_edit_backspace(struct line_edit *l);
bool line_edit_delete(struct line_edit *l);
bool line_edit_kill_word(struct line_edit *l);  /* C-w: blanks, then a word */
bool line_edit_kill_start(struct line_edit *l); /* C-u */

/* Each returns whether the cursor moved. */
bool line_edit_left(struct line_edit *l);
bool line_edit_right(struct line_edit *l);
bool line_edit_home(struct line_edit *l);
bool line_edit_end(struct line_edit *l);

/* What a box cols columns wide shows of the line: bytes [from, to), the
 * cursor's character among them (or after them, at the end), with as
 * much text around it as fits. Hidden text before or after takes a
 * column for a marker (hidden_before, hidden_after), not counted in
 * [from, to). Characters are whole, never cut at either edge. from is
 * also read: where the box started when drawn last, kept while the
 * cursor moves inside the box, so the text does not jump about. */
struct line_edit_view {
	size_t from, to;
	bool hidden_before, hidden_after;
};

void line_edit_scroll(const struct line_edit *l, int cols, struct line_edit_view *v);

#endif
