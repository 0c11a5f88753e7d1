/* line_edit.c: a line being typed, with a cursor (see line_edit.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "line_edit.h"
#include "text.h"

const char *
line_edit_text(const struct line_edit *l)
{
	return l->text.data ? l->text.data : "";
}

void
line_edit_set(struct line_edit *l, const char *text)
{
	buf_truncate(&l->text, 0);
	buf_adds(&l->text, text);
	l->cur = l->text.len;
}

void
line_edit_free(struct line_edit *l)
{
	buf_free(&l->text);
	l->cur = 0;
}

/* Removes bytes [from, to) and leaves the cursor at from. */
static void
cut(struct line_edit *l, size_t from, size_t to)
{
	memmove(l->text.data + from, l->text.data + to, l->text.len - to);
	buf_truncate(&l->text, l->text.len - (to - from));
	l->cur = from;
}

/* The start of the character before byte at, and of the one after:
 * characters as drawn, so that a combining mark goes with its letter. */
static size_t
prev_char(const struct line_edit *l, size_t at)
{
	return text_char_prev(line_edit_text(l), l->text.len, at);
}

static size_t
next_char(const struct line_edit *l, size_t at)
{
	return text_char_next(line_edit_text(l), l->text.len, at);
}

bool
line_edit_insert(struct line_edit *l, uint32_t cp, size_t max)
{
	char enc[4];
	size_t n = text_encode_into(enc, cp);
	if (n == 0 || l->text.len + n > max)
		return false;
	size_t tail = l->text.len - l->cur;
	buf_add(&l->text, enc, n);      /* room for it; the tail moves up */
	memmove(l->text.data + l->cur + n, l->text.data + l->cur, tail);
	memcpy(l->text.data + l->cur, enc, n);
	l->cur += n;
	return true;
}

bool
line_edit_backspace(struct line_edit *l)
{
	if (l->cur == 0)
		return false;
	cut(l, prev_char(l, l->cur), l->cur);
	return true;
}

bool
line_edit_delete(struct line_edit *l)
{
	if (l->cur >= l->text.len)
		return false;
	cut(l, l->cur, next_char(l, l->cur));
	return true;
}

bool
line_edit_kill_word(struct line_edit *l)
{
	size_t n = l->cur;
	while (n > 0 && l->text.data[n - 1] == ' ')
		n--;
	while (n > 0 && l->text.data[n - 1] != ' ')
		n--;
	if (n == l->cur)
		return false;
	cut(l, n, l->cur);
	return true;
}

bool
line_edit_kill_start(struct line_edit *l)
{
	if (l->cur == 0)
		return false;
	cut(l, 0, l->cur);
	return true;
}

/* Puts the cursor at byte at; whether it moved. */
static bool
move_to(struct line_edit *l, size_t at)
{
	bool moved = at != l->cur;
	l->cur = at;
	return moved;
}

bool
line_edit_left(struct line_edit *l)
{
	return move_to(l, prev_char(l, l->cur));
}

bool
line_edit_right(struct line_edit *l)
{
	return move_to(l, next_char(l, l->cur));
}

bool
line_edit_home(struct line_edit *l)
{
	return move_to(l, 0);
}

bool
line_edit_end(struct line_edit *l)
{
	return move_to(l, l->text.len);
}

/* --- showing the line in a box too narrow for it ----------------------- */

/* One character of the line: where it starts and the columns it takes,
 * sanitized as the box draws it. */
struct cell {
	size_t off;
	int w;
};

static int
shown_width(const struct line_edit *l, size_t from, size_t to)
{
	struct buf b = BUF_INIT;
	text_sanitize_part(&b, line_edit_text(l), l->text.len, from, to,
	    TEXT_TABS_AS_SPACE);
	int w = (int)text_width(b.data ? b.data : "", b.len);
	/* A mark with nothing before it to sit on gets a blank (draw.c). */
	uint32_t cp;
	if (b.len && !text_ascii() && (text_decode(b.data, b.len, &cp),
	    cp != TEXT_INVALID && text_cp_width(cp) == 0))
		w++;
	buf_free(&b);
	return w;
}

/* The cells from f on that fit in cols, a column kept for each marker of
 * hidden text: the index after the last one shown (n when all are). */
static size_t
fit_from(const struct cell *c, size_t n, size_t f, int cols)
{
	int room = cols - (f > 0), sum = 0;
	size_t i;
	for (i = f; i < n; i++)
		sum += c[i].w;
	if (sum <= room)
		return n;
	room--;
	sum = 0;
	for (i = f; i < n && sum + c[i].w <= room; i++)
		sum += c[i].w;
	return i;
}

static int
width_of(const struct cell *c, size_t from, size_t to)
{
	int sum = 0;
	for (size_t i = from; i < to; i++)
		sum += c[i].w;
	return sum;
}

void
line_edit_scroll(const struct line_edit *l, int cols, struct line_edit_view *v)
{
	const char *t = line_edit_text(l);
	size_t len = l->text.len, n = 0, k = 0;
	struct cell *c = xcalloc(len + 1, sizeof *c);

	for (size_t at = 0; at < len; n++) {
		size_t next = text_char_next(t, len, at);
		c[n].off = at;
		c[n].w = shown_width(l, at, next);
		if (at <= l->cur && l->cur < next)
			k = n;
		at = next;
	}
	/* At the end, the cursor is a blank cell after the text. */
	if (l->cur >= len) {
		k = n;
		c[n].off = len;
		c[n++].w = 1;
	} else if (c[k].w == 0) {
		c[k].w = 1;     /* shown as a blank: nothing of it shows */
	}

	/* Context kept in view either side of the cursor, as far as there
	 * is more text that way: a quarter of the box, less in a box too
	 * narrow for both and the markers. */
	int ctx = cols / 4;
	if (2 * ctx + 4 > cols)
		ctx = cols > 4 ? (cols - 4) / 2 : 0;

	/* From where the box started last, so that the text stays still
	 * while the cursor moves inside it. */
	size_t f = 0;
	while (f < k && c[f].off < v->from)
		f++;
	/* Scrolled back to keep ctx columns before the cursor... */
	while (f > 0 && width_of(c, f, k) < ctx)
		f--;
	/* ...and on to show the cursor with ctx columns after it. */
	for (;;) {
		size_t e = fit_from(c, n, f, cols);
		if ((k < e && (e == n || width_of(c, k + 1, e) >= ctx)) || f >= k)
			break;
		f++;
	}
	/* No blank at the end while text before is hidden: all that fits. */
	while (f > 0 && fit_from(c, n, f - 1, cols) == n)
		f--;

	size_t e = fit_from(c, n, f, cols);
	v->from = c[f].off;
	v->to = e < n ? c[e].off : len;
	v->hidden_before = f > 0;
	v->hidden_after = e < n;
	free(c);
}
