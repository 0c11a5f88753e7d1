/* article_pane.c: see article_pane.h. */
#include "config.h"
#include "article_pane.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_text.h"
#include "buf.h"
#include "cite.h"
#include "draw.h"
#include "layout.h"
#include "text.h"

#define MARGIN 1

void
apane_free(struct apane *p)
{
	render_doc_free(&p->doc);
	free(p->cites);
	free(p->ref_number);
	free(p->ref_line);
	p->cites = NULL;
	p->ref_number = p->ref_line = NULL;
	p->ncites = p->nrefs = 0;
	p->width = 0;
}

/* The references one list each, so every entry keeps its own number (a
 * list in one piece would be renumbered from its first) and its first
 * line is known, for following a citation to it. */
static void
render_refs(struct apane *p, const struct db_article *a, int width)
{
	p->ref_number = xcalloc(a->nrefs + 1, sizeof *p->ref_number);
	p->ref_line = xcalloc(a->nrefs + 1, sizeof *p->ref_line);
	for (size_t i = 0; i < a->nrefs; i++) {
		struct buf md = BUF_INIT;
		size_t start = p->doc.nlines;
		buf_addf(&md, "%d. %s\n", a->refs[i].number, a->refs[i].body);
		render_markdown(&p->doc, md.data, width);
		buf_free(&md);
		while (start < p->doc.nlines && p->doc.lines[start].len == 0)
			start++;
		p->ref_number[p->nrefs] = a->refs[i].number;
		p->ref_line[p->nrefs] = (int)start;
		p->nrefs++;
	}
}

void
apane_reset(struct apane *p)
{
	apane_free(p);
	p->scroll = 0;
	p->cite = -1;
	p->anchor_n = 0;
	apane_unmark(p);
}

void
apane_unmark(struct apane *p)
{
	p->mark_from = p->mark_to = -1;
	p->nmarks = 0;
	p->dirty = true;
}

int
apane_focus_line(const struct apane *p)
{
	if (p->cite >= 0 && (size_t)p->cite < p->ncites)
		return p->cites[p->cite].line;
	return p->mark_from;
}

static bool
cite_is(const struct apane *p, size_t i, const char *text, size_t len)
{
	const struct apane_cite *c = &p->cites[i];
	return c->len == len && memcmp(p->doc.lines[c->line].text + c->off, text, len) == 0;
}

/* The lines of the entries numbered p->mark_nums, as mark_from, mark_to. */
static void
mark_lines(struct apane *p)
{
	p->mark_from = p->mark_to = -1;
	for (size_t k = 0; k < p->nmarks; k++) {
		for (size_t i = 0; i < p->nrefs; i++) {
			if (p->ref_number[i] != p->mark_nums[k])
				continue;
			int start = p->ref_line[i];
			int end = i + 1 < p->nrefs ? p->ref_line[i + 1] :
			    (int)p->doc.nlines;
			/* Not the blank line before the next entry. */
			while (end > start + 1 && p->doc.lines[end - 1].len == 0)
				end--;
			if (p->mark_from < 0 || start < p->mark_from)
				p->mark_from = start;
			if (end > p->mark_to)
				p->mark_to = end;
		}
	}
}

void
apane_render(struct apane *p, const struct db_article *a, enum db_kind kind,
    int width)
{
	char *sel = NULL;
	size_t sel_len = 0;
	int sel_nth = 0;

	/* The selected citation, by its text and the citations with the same
	 * text before it, to find it again in the new lines. */
	if (p->cite >= 0 && (size_t)p->cite < p->ncites) {
		const struct apane_cite *c = &p->cites[p->cite];
		sel_len = c->len;
		sel = xstrndup(p->doc.lines[c->line].text + c->off, sel_len);
		for (int i = 0; i < p->cite; i++)
			sel_nth += cite_is(p, (size_t)i, sel, sel_len);
	}
	apane_free(p);
	p->width = width;
	p->scroll = 0;
	p->cite = -1;
	p->dirty = true;
	width -= 2 * MARGIN;
	if (width < 1)
		width = 1;
	if (kind == DB_REFERENCES && a->nrefs) {
		render_refs(p, a, width);
	} else if (a->body[kind] && a->body[kind][0]) {
		render_markdown(&p->doc, a->body[kind], width);
	}
	p->empty = p->doc.nlines == 0;
	for (size_t i = 0; i < p->doc.nlines; i++) {
		const struct render_line *l = &p->doc.lines[i];
		for (size_t s = 0; s < l->nspans; s++) {
			if (!(l->spans[s].style & RS_CITE))
				continue;
			p->cites = xrealloc(p->cites, (p->ncites + 1) * sizeof *p->cites);
			p->cites[p->ncites].line = (int)i;
			p->cites[p->ncites].off = l->spans[s].off;
			p->cites[p->ncites].len = l->spans[s].len;
			p->ncites++;
		}
	}
	for (size_t i = 0; sel && i < p->ncites; i++)
		if (cite_is(p, i, sel, sel_len) && sel_nth-- == 0) {
			p->cite = (int)i;
			break;
		}
	free(sel);
	mark_lines(p);
}

size_t
apane_cite_numbers(const struct apane *p, int *nums, size_t max)
{
	size_t count = 0;
	if (p->cite < 0 || (size_t)p->cite >= p->ncites)
		return 0;
	const struct apane_cite *c = &p->cites[p->cite];
	const char *s = p->doc.lines[c->line].text + c->off;
	if (cite_scan(s, c->len, nums, max, &count) == 0)
		return 0;
	return count < max ? count : max;
}

static bool
cite_visible(const struct apane *p, int i, int height)
{
	return p->cites[i].line >= p->scroll && p->cites[i].line < p->scroll + height;
}

bool
apane_cite_step(struct apane *p, int dir, int height)
{
	int n = (int)p->ncites;

	if (n == 0)
		return false;
	if (p->cite >= 0 && cite_visible(p, p->cite, height)) {
		p->cite = (p->cite + dir + n) % n;
	} else {
		/* From the first (or last) citation in view, else the next
		 * one below (or above) it. */
		int pick = -1;
		for (int k = 0; k < n; k++) {
			int i = dir > 0 ? k : n - 1 - k;
			if (dir > 0 ? p->cites[i].line >= p->scroll :
			    p->cites[i].line < p->scroll + height) {
				pick = i;
				break;
			}
		}
		p->cite = pick >= 0 ? pick : dir > 0 ? 0 : n - 1;
	}
	p->scroll = layout_scroll_to_show(p->scroll, p->cites[p->cite].line,
	    (int)p->doc.nlines, height);
	p->dirty = true;
	return true;
}

void
apane_set_marks(struct apane *p, const int *nums, size_t n)
{
	p->nmarks = n < APANE_MARK_MAX ? n : APANE_MARK_MAX;
	memcpy(p->mark_nums, nums, p->nmarks * sizeof *nums);
	mark_lines(p);
	p->dirty = true;
}

void
apane_select_cite(struct apane *p, int i)
{
	p->cite = i >= 0 && (size_t)i < p->ncites ? i : -1;
	p->dirty = true;
}

bool
apane_mark_refs(struct apane *p, const int *nums, size_t n, int height)
{
	int from = p->mark_from, to = p->mark_to;
	size_t had = p->nmarks;
	int had_nums[APANE_MARK_MAX];

	memcpy(had_nums, p->mark_nums, sizeof had_nums);
	p->nmarks = n < APANE_MARK_MAX ? n : APANE_MARK_MAX;
	memcpy(p->mark_nums, nums, p->nmarks * sizeof *nums);
	mark_lines(p);
	if (p->mark_from < 0) {
		/* None of them is here: the old mark stays. */
		p->nmarks = had;
		memcpy(p->mark_nums, had_nums, sizeof had_nums);
		p->mark_from = from;
		p->mark_to = to;
		return false;
	}
	p->scroll = layout_clamp_scroll(p->mark_from, (int)p->doc.nlines, height);
	p->dirty = true;
	return true;
}

/* Whether a word of text starts with the n bytes of w (ASCII case folded). */
static bool
has_word(const char *text, size_t len, const char *w, size_t n)
{
	for (size_t i = 0; i + n <= len; i++) {
		if (i > 0 && text_ascii_alnum((unsigned char)text[i - 1]))
			continue;
		size_t k = 0;
		while (k < n && text_ascii_lower((unsigned char)text[i + k]) ==
		    text_ascii_lower((unsigned char)w[k]))
			k++;
		if (k == n)
			return true;
	}
	return false;
}

int
apane_find(const struct apane *p, const char *query)
{
	const char *q = query;
	int best = -1;

	while (*q) {
		while (*q && !((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
		    (*q >= '0' && *q <= '9') || (unsigned char)*q >= 0x80))
			q++;
		const char *w = q;
		while (*q && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
		    (*q >= '0' && *q <= '9') || (unsigned char)*q >= 0x80))
			q++;
		size_t n = (size_t)(q - w);
		/* The stem, roughly: "fevers" finds "fever". */
		if (n > 5)
			n = 5;
		if (n < 2)
			continue;
		for (size_t i = 0; i < p->doc.nlines && (best < 0 || (int)i < best); i++)
			if (has_word(p->doc.lines[i].text, p->doc.lines[i].len, w, n))
				best = (int)i;
	}
	return best;
}

void
apane_draw(struct apane *p, int height, int cols, const char *empty_msg)
{
	WINDOW *w = p->win;

	p->scroll = layout_clamp_scroll(p->scroll, (int)p->doc.nlines, height);
	p->drawn_h = height;
	werase(w);
	if (p->empty) {
		draw_str_cut(w, 0, MARGIN, empty_msg, cols - 2 * MARGIN, TH_DIM);
	}
	for (int r = 0; r < height && p->scroll + r < (int)p->doc.nlines; r++) {
		int li = p->scroll + r;
		const struct render_line *l = &p->doc.lines[li];
		struct draw_mark mark, *mp = NULL;
		bool marked = li >= p->mark_from && li < p->mark_to;

		if (p->cite >= 0 && p->cites[p->cite].line == li) {
			mark.off = p->cites[p->cite].off;
			mark.len = p->cites[p->cite].len;
			mark.role = TH_CITE_SELECTED;
			mp = &mark;
		}
		if (marked)
			draw_str(w, r, 0, text_ascii() ? ">" : "\xe2\x96\x8c", 1,
			    TH_REF_MARK);
		draw_render_line(w, r, MARGIN, cols - 2 * MARGIN, l, mp,
		    marked ? TH_REF_MARK : TH_NORMAL);
	}
	wnoutrefresh(w);
	p->dirty = false;
}

void
apane_position(const struct apane *p, int height, char *buf, size_t len)
{
	int n = (int)p->doc.nlines;
	if (n <= height)
		snprintf(buf, len, "All");
	else if (p->scroll <= 0)
		snprintf(buf, len, "Top");
	else if (p->scroll + height >= n)
		snprintf(buf, len, "Bot");
	else
		snprintf(buf, len, "%d%%", (int)((long)(p->scroll + height) * 100 / n));
}
