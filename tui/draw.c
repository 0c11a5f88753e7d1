/* draw.c: see draw.h. */
#include "config.h"
#include "draw.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

const char *
draw_ellipsis(void)
{
	return text_ascii() ? "..." : "\xe2\x80\xa6";
}

WINDOW *
draw_window(WINDOW *old, int y, int x, int h, int w)
{
	if (old)
		delwin(old);
	if (h <= 0 || w <= 0 || y < 0 || x < 0 || y + h > LINES || x + w > COLS)
		return NULL;
	return newwin(h, w, y, x);
}

/* The code point to draw for cp: what text.c would have made of it, in
 * case something unsanitized got this far. */
static uint32_t
drawable(uint32_t cp)
{
	if (cp == TEXT_INVALID || text_is_unsafe(cp))
		return '?';
	if (cp >= 0x80 && text_ascii())
		return '?';
	return cp;
}

int
draw_text(WINDOW *w, int y, int x, const char *s, size_t len, int maxw,
    struct theme_style st)
{
	int col = 0;
	size_t i = 0;

	if (w == NULL || s == NULL || maxw <= 0)
		return 0;
	while (i < len) {
		wchar_t wc[CCHARW_MAX + 1];
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		cp = drawable(cp);
		int cw = text_cp_width(cp);
		int k = 0;

		if (cw == 0) {
			if (text_ascii()) {     /* a mark of its own: dropped */
				i += n;
				continue;
			}
			/* A combining mark with no base before it in this
			 * cell run gets a space to sit on. */
			wc[k++] = L' ';
			cw = 1;
		}
		wc[k++] = (wchar_t)cp;
		i += n;
		/* Combining marks that follow join the cell. */
		while (i < len && !text_ascii()) {
			uint32_t next;
			size_t m = text_decode(s + i, len - i, &next);
			if (next == TEXT_INVALID || text_is_unsafe(next) ||
			    text_cp_width(next) != 0)
				break;
			if (k < CCHARW_MAX)
				wc[k++] = (wchar_t)next;
			i += m;
		}
		wc[k] = L'\0';
		if (col + cw > maxw)
			break;
		cchar_t cc;
		if (setcchar(&cc, wc, st.attr, st.pair, NULL) == OK)
			mvwadd_wch(w, y, x + col, &cc);
		col += cw;
	}
	return col;
}

int
draw_str(WINDOW *w, int y, int x, const char *s, int maxw, enum theme_role role)
{
	return draw_text(w, y, x, s, strlen(s), maxw, theme_get(role));
}

int
draw_str_cut(WINDOW *w, int y, int x, const char *s, int maxw, enum theme_role role)
{
	size_t len = strlen(s);
	const char *ell = draw_ellipsis();
	int ew = (int)text_width(ell, strlen(ell));

	if (maxw <= 0)
		return 0;
	if ((int)text_width(s, len) <= maxw)
		return draw_text(w, y, x, s, len, maxw, theme_get(role));
	/* No room for a letter and the ellipsis: the ellipsis alone where
	 * it fits, else nothing; a lone first letter ("P" for a topic)
	 * reads as a word. */
	if (maxw < ew)
		return 0;
	if (maxw == ew)
		return draw_text(w, y, x, ell, strlen(ell), maxw, theme_get(role));
	size_t fit = text_fit(s, len, (size_t)(maxw - ew), NULL);
	int used = draw_text(w, y, x, s, fit, maxw - ew, theme_get(role));
	return used + draw_text(w, y, x + used, ell, strlen(ell), ew, theme_get(role));
}

void
draw_header_level(WINDOW *w, int cols, const char *title, const char *level,
    bool keep_level, enum theme_role role)
{
	char right[160];
	int tw = (int)text_width(title, strlen(title));
	/* Cut to 12 columns a title still says which screen this is. */
	int want = tw < 12 ? tw : 12;
	int rw = 0;

	for (int words = 1; words >= 0; words--) {
		snprintf(right, sizeof right, "%s%s ", words ? "Level: " : "", level);
		rw = (int)text_width(right, strlen(right));
		if (cols - rw - 2 >= want)
			break;
	}
	if (cols - rw - 2 < want && !keep_level)
		rw = 0;
	draw_fill(w, 0, 0, cols, role);
	draw_str_cut(w, 0, 1, title, cols - rw - 2, role);
	if (rw > 0 && rw < cols)
		draw_str(w, 0, cols - rw, right, rw, role);
}

void
draw_fill(WINDOW *w, int y, int x, int n, enum theme_role role)
{
	struct theme_style st = theme_get(role);
	cchar_t cc;
	wchar_t sp[2] = { L' ', L'\0' };

	if (w == NULL || n <= 0 || setcchar(&cc, sp, st.attr, st.pair, NULL) != OK)
		return;
	for (int i = 0; i < n; i++)
		mvwadd_wch(w, y, x + i, &cc);
}

void
draw_vline(WINDOW *w, int y, int x, int n, enum theme_role role)
{
	const char *g = text_ascii() ? "|" : "\xe2\x94\x82";
	for (int i = 0; i < n; i++)
		draw_str(w, y + i, x, g, 1, role);
}

void
draw_hline(WINDOW *w, int y, int x, int n, enum theme_role role)
{
	const char *g = text_ascii() ? "-" : "\xe2\x94\x80";
	for (int i = 0; i < n; i++)
		draw_str(w, y, x + i, g, 1, role);
}

static struct theme_style
merge(struct theme_style base, enum theme_role role)
{
	struct theme_style r = theme_get(role);
	if (role == TH_NORMAL)
		return base;
	base.attr |= r.attr;
	if (r.pair)
		base.pair = r.pair;
	return base;
}

int
draw_render_line(WINDOW *w, int y, int x, int maxw,
    const struct render_line *l, const struct draw_mark *mark,
    enum theme_role line_role)
{
	int col = 0;

	for (size_t s = 0; s < l->nspans && col < maxw; s++) {
		const struct render_span *sp = &l->spans[s];
		size_t a = sp->off, end = sp->off + sp->len;
		struct theme_style st = merge(theme_render_style(sp->style), line_role);

		if (end > l->len)
			end = l->len;
		/* Up to three pieces: before, inside and after the mark. */
		while (a < end && col < maxw) {
			size_t b = end;
			struct theme_style pst = st;
			if (mark && a >= mark->off && a < mark->off + mark->len) {
				b = mark->off + mark->len < end ? mark->off + mark->len :
				    end;
				pst = merge(st, mark->role);
				pst.pair = theme_get(mark->role).pair ?
				    theme_get(mark->role).pair : st.pair;
			} else if (mark && mark->off > a && mark->off < end) {
				b = mark->off;
			}
			col += draw_text(w, y, x + col, l->text + a, b - a, maxw - col,
			    pst);
			a = b;
		}
	}
	return col;
}
