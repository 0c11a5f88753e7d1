/* line_edit.c: a line being typed, with a cursor (see line_edit.h). */
#include "config.h"

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

/* The start of the character before byte at, back over continuation
 * bytes. */
static size_t
prev_char(const struct line_edit *l, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)l->text.data[at] & 0xC0) == 0x80)
		at--;
	return at;
}

static size_t
next_char(const struct line_edit *l, size_t at)
{
	if (at >= l->text.len)
		return l->text.len;
	at++;
	while (at < l->text.len && ((unsigned char)l->text.data[at] & 0xC0) == 0x80)
		at++;
	return at;
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

bool
line_edit_left(struct line_edit *l)
{
	size_t at = prev_char(l, l->cur);
	bool moved = at != l->cur;
	l->cur = at;
	return moved;
}

bool
line_edit_right(struct line_edit *l)
{
	size_t at = next_char(l, l->cur);
	bool moved = at != l->cur;
	l->cur = at;
	return moved;
}

bool
line_edit_home(struct line_edit *l)
{
	bool moved = l->cur != 0;
	l->cur = 0;
	return moved;
}

bool
line_edit_end(struct line_edit *l)
{
	bool moved = l->cur != l->text.len;
	l->cur = l->text.len;
	return moved;
}
