/* render.c: see render.h.
 *
 * cmark's iterator gives ENTER and EXIT events, so documents nested 25,000
 * deep cost heap, not stack. Inline content of each paragraph is gathered
 * as "atoms" (a word, or a citation, with its style and whether a space
 * came before it) and then wrapped greedily; container blocks (quotes,
 * list items) add a prefix to every line they hold. */
#include "render.h"

#include <cmark.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cite.h"
#include "text.h"

/* Deeper containers still render, but stop adding indentation, so a
 * pathological document stays readable and costs O(lines). */
#define MAX_PREFIX_DEPTH 12
/* Narrower than this, a wide character could not fit on a line. */
#define MIN_WIDTH 2

struct atom {
	size_t off, len;        /* in the paragraph's text buffer */
	unsigned style;
	bool space_before;
	bool hard_break;        /* a line break before this atom */
};

struct container {
	cmark_node_type type;
	char marker[24];        /* list item: "• " or "12. " */
	int marker_width;
	bool marker_pending;    /* not yet shown on a line */
	bool tight;             /* inside a tight list (this one or an outer) */
	int next_number;        /* an ordered list: its next item's number */
};

struct renderer {
	struct render_doc *doc;
	int width;
	struct container *stack;
	size_t depth, cap;
	/* the paragraph being gathered */
	struct buf text;
	struct atom *atoms;
	size_t natoms, acap;
	unsigned style;         /* inline style in force */
	bool space;             /* a space is pending before the next atom */
	bool hard;
	size_t gap_line;        /* doc->nlines just after the last gap line */
};

/* --- lines ----------------------------------------------------------- */

static struct render_line *
line_new(struct render_doc *doc)
{
	if (doc->nlines == doc->cap) {
		doc->cap = doc->cap ? doc->cap * 2 : 32;
		doc->lines = xrealloc(doc->lines, doc->cap * sizeof *doc->lines);
	}
	struct render_line *l = &doc->lines[doc->nlines++];
	memset(l, 0, sizeof *l);
	return l;
}

static void
line_add(struct render_line *l, struct buf *b, const char *s, size_t len, unsigned style)
{
	if (len == 0)
		return;
	if (l->nspans && l->spans[l->nspans - 1].style == style &&
	    l->spans[l->nspans - 1].off + l->spans[l->nspans - 1].len == b->len) {
		l->spans[l->nspans - 1].len += len;
	} else {
		l->spans = xrealloc(l->spans, (l->nspans + 1) * sizeof *l->spans);
		l->spans[l->nspans].off = b->len;
		l->spans[l->nspans].len = len;
		l->spans[l->nspans].style = style;
		l->nspans++;
	}
	buf_add(b, s, len);
}

static void
line_finish(struct render_line *l, struct buf *b)
{
	l->len = b->len;
	l->text = buf_detach(b);
}

void
render_blank(struct render_doc *doc)
{
	struct buf b = BUF_INIT;
	line_finish(line_new(doc), &b);
}

void
render_doc_free(struct render_doc *doc)
{
	for (size_t i = 0; i < doc->nlines; i++) {
		free(doc->lines[i].text);
		free(doc->lines[i].spans);
	}
	free(doc->lines);
	memset(doc, 0, sizeof *doc);
}

/* --- prefixes -------------------------------------------------------- */

/* Writes the container prefix of the next line into l and returns its
 * width; first-line markers of list items are shown once. */
static int
prefix_line(struct renderer *r, struct render_line *l, struct buf *b, bool gap)
{
	int w = 0;
	bool ascii = text_ascii();
	size_t last_quote = 0;
	/* A blank line between blocks keeps the quote bars around it and
	 * nothing after the last one. */
	if (gap) {
		for (size_t i = 0; i < r->depth && i < MAX_PREFIX_DEPTH; i++)
			if (r->stack[i].type == CMARK_NODE_BLOCK_QUOTE)
				last_quote = i + 1;
	}
	for (size_t i = 0; i < r->depth && i < MAX_PREFIX_DEPTH; i++) {
		struct container *c = &r->stack[i];
		if (gap && i >= last_quote)
			break;
		if (c->type == CMARK_NODE_BLOCK_QUOTE) {
			if (w + 2 > r->width / 2)
				break;
			line_add(l, b, ascii ? "|" : "│", ascii ? 1 : 3, RS_QUOTE);
			if (!gap || i + 1 < last_quote)
				line_add(l, b, " ", 1, 0);
			w += 2;
		} else if (c->type == CMARK_NODE_ITEM) {
			if (w + c->marker_width > r->width / 2)
				break;
			if (c->marker_pending && !gap) {
				line_add(l, b, c->marker, strlen(c->marker), RS_MARKER);
				c->marker_pending = false;
			} else {
				for (int k = 0; k < c->marker_width; k++)
					line_add(l, b, " ", 1, 0);
			}
			w += c->marker_width;
		}
	}
	/* Markers of items deeper than the cap are spent silently. */
	for (size_t i = MAX_PREFIX_DEPTH; i < r->depth && !gap; i++)
		r->stack[i].marker_pending = false;
	return w;
}

static int
prefix(struct renderer *r, struct render_line *l, struct buf *b)
{
	return prefix_line(r, l, b, false);
}

static void
push(struct renderer *r, cmark_node *n)
{
	if (r->depth == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->stack = xrealloc(r->stack, r->cap * sizeof *r->stack);
	}
	struct container *c = &r->stack[r->depth++];
	memset(c, 0, sizeof *c);
	c->type = cmark_node_get_type(n);
	/* Tightness is inherited, so asking for it costs nothing however
	 * deep the nesting. */
	c->tight = r->depth > 1 && r->stack[r->depth - 2].tight;
	if (c->type == CMARK_NODE_LIST) {
		c->tight = cmark_node_get_list_tight(n);
		c->next_number = cmark_node_get_list_start(n);
	} else if (c->type == CMARK_NODE_ITEM) {
		/* An item's number is counted in its list's container as the
		 * items come, not from its earlier siblings: that was n squared
		 * steps for a list of n items (minutes for 100,000). */
		cmark_node *list = cmark_node_parent(n);
		struct container *lc = r->depth > 1 ? &r->stack[r->depth - 2] : NULL;
		if (cmark_node_get_list_type(list) == CMARK_ORDERED_LIST && lc &&
		    lc->type == CMARK_NODE_LIST) {
			int num = lc->next_number;
			if (lc->next_number < INT_MAX)
				lc->next_number++;
			snprintf(c->marker, sizeof c->marker, "%d. ", num);
			c->marker_width = (int)strlen(c->marker);
		} else {
			strcpy(c->marker, text_ascii() ? "- " : "• ");
			c->marker_width = 2;
		}
		c->marker_pending = true;
	}
}

static bool
in_tight_list(const struct renderer *r)
{
	return r->depth > 0 && r->stack[r->depth - 1].tight;
}

/* A blank line between blocks, except inside a tight list. */
static void
block_gap(struct renderer *r)
{
	size_t n = r->doc->nlines;
	if (n == 0 || in_tight_list(r) || n == r->gap_line ||
	    r->doc->lines[n - 1].len == 0)
		return;
	struct render_line *l = line_new(r->doc);
	struct buf b = BUF_INIT;
	prefix_line(r, l, &b, true);
	line_finish(l, &b);
	r->gap_line = r->doc->nlines;
}

/* --- inline gathering ------------------------------------------------ */

static void
atom_add(struct renderer *r, const char *s, size_t len, unsigned style)
{
	if (r->natoms == r->acap) {
		r->acap = r->acap ? r->acap * 2 : 64;
		r->atoms = xrealloc(r->atoms, r->acap * sizeof *r->atoms);
	}
	struct atom *a = &r->atoms[r->natoms++];
	a->off = r->text.len;
	text_sanitize(&r->text, s, len, TEXT_TABS_AS_SPACE);
	a->len = r->text.len - a->off;
	a->style = style;
	a->space_before = r->space;
	a->hard_break = r->hard;
	r->space = r->hard = false;
}

/* Splits text into words (and citations, kept whole) in the given style.
 * A carriage return is no space: in a title ("abc\rXY", which a terminal
 * shows as XYc) it is a control character, shown as its placeholder;
 * Markdown's line endings never get here (cmark ends its lines). */
static void
gather(struct renderer *r, const char *s, unsigned style, bool cites)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			r->space = true;
			i++;
			continue;
		}
		size_t start = i;
		if (cites && s[i] == '[') {
			int nums[1];
			size_t count, n = cite_scan(s + i, len - i, nums, 1, &count);
			if (n) {
				atom_add(r, s + i, n, style | RS_CITE);
				i += n;
				continue;
			}
		}
		i++;
		while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    !(cites && s[i] == '['))
			i++;
		atom_add(r, s + start, i - start, style);
	}
}

/* Whether atom k is a number and atom k + 1, after a space, its unit:
 * "1 mg/mL", "500 micrograms", "38 °C". The two wrap as one, so a dose
 * is never read without its unit at a line's end (unless the pair is
 * wider than a line). A number here has a digit last and no letter
 * ("0.5", "(0.3", "6-12"). */
static bool
number_then_unit(const struct renderer *r, size_t k)
{
	if (k + 1 >= r->natoms)
		return false;
	const struct atom *a = &r->atoms[k], *next = &r->atoms[k + 1];
	const unsigned char *s = (const unsigned char *)r->text.data + a->off;
	if (!next->space_before || next->hard_break || (a->style & RS_CITE) ||
	    a->len == 0 || s[a->len - 1] < '0' || s[a->len - 1] > '9')
		return false;
	for (size_t i = 0; i < a->len; i++)
		if ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')
			return false;
	if (next->len == 0)
		return false;
	unsigned char c = (unsigned char)r->text.data[next->off];
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '%' || c >= 0x80;
}

/* Wraps the gathered atoms into lines. A run of atoms with no space
 * between them ("word," or "**bold**.") moves to the next line together.
 * Widths of atoms and of the runs they start are computed once, from the
 * end, so a paragraph of 50,000 glued atoms stays linear. */
static void
flush(struct renderer *r, unsigned extra)
{
	struct render_doc *doc = r->doc;
	size_t i = 0, n = r->natoms;
	if (n == 0)
		goto done;
	int *width = xmalloc(n * sizeof *width);
	int *group = xmalloc(n * sizeof *group);
	for (size_t k = n; k-- > 0;) {
		width[k] = (int)text_width(r->text.data + r->atoms[k].off, r->atoms[k].len);
		group[k] = width[k];
		bool glued = k + 1 < n && !r->atoms[k + 1].space_before &&
		    !r->atoms[k + 1].hard_break;
		bool unit = !glued && number_then_unit(r, k);
		if (glued || unit) {
			/* saturate: only "fits or not" matters */
			long g = (long)group[k] + unit + group[k + 1];
			group[k] = g > 1 << 24 ? 1 << 24 : (int)g;
		}
	}
	while (i < n) {
		struct render_line *l = line_new(doc);
		struct buf b = BUF_INIT;
		int pw = prefix(r, l, &b);
		int avail = r->width - pw;
		if (avail < 1)
			avail = 1;
		int used = 0;
		bool first = true;
		while (i < n) {
			struct atom *a = &r->atoms[i];
			if (a->hard_break && !first)
				break;
			int gap = (!first && a->space_before) ? 1 : 0;
			/* A number's group holds its unit, so the unit fits
			 * after it unless the two are wider than a line. */
			if (!first && used + gap + group[i] > avail &&
			    (a->space_before || group[i] <= avail))
				break;
			if (gap) {
				line_add(l, &b, " ", 1, 0);
				used++;
			}
			if (used + width[i] <= avail) {
				line_add(l, &b, r->text.data + a->off, a->len,
				    a->style | extra);
				used += width[i];
				i++;
			} else {
				/* Longer than a line: cut it where it fills the line. */
				size_t cols;
				size_t fit = text_fit(r->text.data + a->off, a->len,
				    (size_t)(avail - used), &cols);
				if (fit == 0 && first) {
					/* not even one character fits: take one anyway */
					uint32_t cp;
					fit = text_decode(r->text.data + a->off, a->len,
					    &cp);
					cols = (size_t)text_width(r->text.data + a->off,
					    fit);
				}
				if (fit == 0)
					break;
				line_add(l, &b, r->text.data + a->off, fit,
				    a->style | extra);
				a->off += fit;
				a->len -= fit;
				a->space_before = false;
				a->hard_break = false;
				group[i] -= (int)cols;
				width[i] -= (int)cols;
				if (a->len == 0)
					i++;
				first = false;
				break;
			}
			first = false;
		}
		line_finish(l, &b);
	}
	free(width);
	free(group);
done:
	r->natoms = 0;
	buf_truncate(&r->text, 0);
	r->space = r->hard = false;
}

static void
code_block(struct renderer *r, const char *lit)
{
	const char *p = lit;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		struct buf safe = BUF_INIT;
		text_sanitize(&safe, p, len, TEXT_TABS_AS_SPACE);
		size_t off = 0;
		do {
			struct render_line *l = line_new(r->doc);
			struct buf b = BUF_INIT;
			int pw = prefix(r, l, &b);
			int indent = r->width - pw >= 6 ? 2 : 0;
			int avail = r->width - pw - indent;
			if (avail < 1)
				avail = 1;
			line_add(l, &b, "  ", (size_t)indent, 0);
			size_t fit = text_fit(safe.data ? safe.data + off : "",
			    safe.len - off, (size_t)avail, NULL);
			if (fit == 0 && off < safe.len) {
				uint32_t cp;
				fit = text_decode(safe.data + off, safe.len - off, &cp);
			}
			line_add(l, &b, safe.data ? safe.data + off : "", fit, RS_CODE);
			off += fit;
			line_finish(l, &b);
		} while (off < safe.len);
		buf_free(&safe);
		if (!e)
			break;
		p = e + 1;
	}
}

static void
rule(struct renderer *r)
{
	struct render_line *l = line_new(r->doc);
	struct buf b = BUF_INIT;
	int pw = prefix(r, l, &b);
	for (int i = pw; i < r->width && i < pw + 40; i++)
		line_add(l, &b, text_ascii() ? "-" : "─", text_ascii() ? 1 : 3, RS_QUOTE);
	line_finish(l, &b);
}

/* Whether a link's text is its address (an autolink: <https://...>,
 * <someone@example.org>): then the address is not shown after it again. */
static bool
link_is_its_address(cmark_node *link, const char *url)
{
	cmark_node *c = cmark_node_first_child(link);
	if (c == NULL || c != cmark_node_last_child(link) ||
	    cmark_node_get_type(c) != CMARK_NODE_TEXT)
		return false;
	const char *text = cmark_node_get_literal(c);
	if (text == NULL)
		return false;
	return strcmp(text, url) == 0 ||
	    (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, text) == 0);
}

void
render_markdown(struct render_doc *doc, const char *md, int width)
{
	struct renderer r;
	memset(&r, 0, sizeof r);
	r.doc = doc;
	r.width = width > MIN_WIDTH ? width : MIN_WIDTH;

	cmark_node *root = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	cmark_consolidate_text_nodes(root);
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	unsigned style = 0;
	/* How many enclosing nodes give each style, so nested emphasis ends
	 * where it should. */
	int emph = 0, strong = 0, link = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		bool enter = ev == CMARK_EVENT_ENTER;
		switch (t) {
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_LIST:
		case CMARK_NODE_ITEM:
			if (enter) {
				if (t != CMARK_NODE_ITEM)
					block_gap(&r);
				push(&r, n);
			} else {
				r.depth--;
			}
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (enter) {
				block_gap(&r);
			} else {
				flush(&r, t == CMARK_NODE_HEADING ?
				    RS_HEADING | RS_STRONG : 0);
			}
			break;
		case CMARK_NODE_CODE_BLOCK:
			block_gap(&r);
			code_block(&r, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_HTML_BLOCK:
			/* Shown as text, never interpreted. */
			block_gap(&r);
			code_block(&r, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			block_gap(&r);
			rule(&r);
			break;
		case CMARK_NODE_TEXT:
			gather(&r, cmark_node_get_literal(n), style, link == 0);
			break;
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE: {
			/* A code span is one unit for spacing, words inside it
			 * still wrap. */
			gather(&r, cmark_node_get_literal(n), style | RS_CODE, false);
			break;
		}
		case CMARK_NODE_SOFTBREAK:
			r.space = true;
			break;
		case CMARK_NODE_LINEBREAK:
			r.hard = true;
			break;
		case CMARK_NODE_EMPH:
			emph += enter ? 1 : -1;
			break;
		case CMARK_NODE_STRONG:
			strong += enter ? 1 : -1;
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			if (enter) {
				link++;
				if (t == CMARK_NODE_IMAGE)
					gather(&r, "[image:", style | RS_LINK, false);
			} else {
				link--;
				const char *url = cmark_node_get_url(n);
				if (t == CMARK_NODE_IMAGE) {
					bool sp = r.space;
					r.space = false;
					atom_add(&r, "]", 1, RS_LINK);
					r.space = sp;
				}
				if (url && *url && !(t == CMARK_NODE_LINK &&
				    link_is_its_address(n, url))) {
					struct buf u = BUF_INIT;
					buf_addf(&u, "<%s>", url);
					r.space = true;
					atom_add(&r, u.data, u.len, RS_LINK);
					buf_free(&u);
				}
			}
			break;
		default:
			break;
		}
		style = (emph ? RS_EMPH : 0) | (strong ? RS_STRONG : 0) |
		    (link ? RS_LINK : 0);
	}
	flush(&r, 0);
	cmark_iter_free(it);
	cmark_node_free(root);
	free(r.stack);
	free(r.atoms);
	buf_free(&r.text);
}

void
render_text(struct render_doc *doc, const char *text, int width, int indent,
    unsigned style)
{
	struct renderer r;
	memset(&r, 0, sizeof r);
	r.doc = doc;
	r.width = width - indent > MIN_WIDTH ? width - indent : MIN_WIDTH;

	/* Gather words, switching style at the match markers. */
	unsigned cur = style;
	const char *p = text;
	while (*p) {
		const char *e = p;
		while (*e && *e != RENDER_MATCH_ON && *e != RENDER_MATCH_OFF)
			e++;
		char *part = xstrndup(p, (size_t)(e - p));
		bool trailing_space = e > p && e[-1] == ' ';
		gather(&r, part, cur, false);
		free(part);
		if (*e == RENDER_MATCH_ON)
			cur = style | RS_MATCH;
		else if (*e == RENDER_MATCH_OFF)
			cur = style;
		r.space = trailing_space;
		p = *e ? e + 1 : e;
	}
	size_t first = doc->nlines;
	flush(&r, 0);
	/* Indent by shifting each new line right. */
	for (size_t i = first; i < doc->nlines && indent > 0; i++) {
		struct render_line *l = &doc->lines[i];
		char *t = xmalloc(l->len + (size_t)indent + 1);
		memset(t, ' ', (size_t)indent);
		memcpy(t + indent, l->text, l->len + 1);
		free(l->text);
		l->text = t;
		l->len += (size_t)indent;
		for (size_t s = 0; s < l->nspans; s++)
			l->spans[s].off += (size_t)indent;
		/* The indent is a span of its own, so drawing spans draws it. */
		l->spans = xrealloc(l->spans, (l->nspans + 1) * sizeof *l->spans);
		memmove(l->spans + 1, l->spans, l->nspans * sizeof *l->spans);
		l->spans[0].off = 0;
		l->spans[0].len = (size_t)indent;
		l->spans[0].style = 0;
		l->nspans++;
	}
	free(r.atoms);
	buf_free(&r.text);
	free(r.stack);
}

static bool
line_has_match(const struct render_line *l)
{
	for (size_t s = 0; s < l->nspans; s++)
		if (l->spans[s].style & RS_MATCH)
			return true;
	return false;
}

void
render_snippet(struct render_doc *doc, const char *snippet, int width)
{
	static const char ellipsis[] = "\xe2\x80\xa6";
	const char *mark = strchr(snippet, RENDER_MATCH_ON), *from = snippet;
	struct buf b = BUF_INIT;

	for (;;) {
		buf_truncate(&b, 0);
		if (from != snippet)
			buf_adds(&b, ellipsis);
		buf_adds(&b, from);
		struct render_doc d = { 0 };
		render_text(&d, b.data, width, 0, 0);
		bool fits = d.nlines == 0 || line_has_match(&d.lines[0]);
		render_doc_free(&d);
		if (fits || mark == NULL || from >= mark)
			break;
		/* The next word, or the match itself if no blank is left
		 * before it (a word too long for the line). */
		const char *sp = strchr(from, ' ');
		if (sp == NULL || sp >= mark) {
			from = mark;
		} else {
			while (*sp == ' ')
				sp++;
			from = sp;
		}
		/* The snippet's own ellipsis goes with the first word. */
		if (strncmp(from, ellipsis, sizeof ellipsis - 1) == 0)
			from += sizeof ellipsis - 1;
	}
	render_text(doc, b.data, width, 0, 0);
	buf_free(&b);
}
