/* article_cite.c: see article_cite.h. */
#include "article_cite.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

int
cite_node_line(cmark_node *n)
{
	/* Inline nodes may lack positions; their block has them. */
	while (n && cmark_node_get_start_line(n) <= 0)
		n = cmark_node_parent(n);
	return n ? cmark_node_get_start_line(n) : 0;
}

static void
cite_add(struct citations *c, int number, int line)
{
	if (number < 1 || number > CITE_MAX_NUMBER)
		return;
	if (c->first[number] == 0)
		c->first[number] = line > 0 ? line : 1;
	if (c->n < ARTICLE_MAX_CITED) {
		c->v = xgrow(c->v, c->n, sizeof *c->v);
		c->v[c->n].number = number;
		c->v[c->n].line = line;
		c->n++;
	}
}

/* A run of text as the reader sees it: text nodes and the line breaks
 * between them, so "[7,\n8]" is one citation, with where each piece
 * came from for its line. */
struct cite_run {
	struct buf text;
	size_t *off;            /* where each piece starts in text */
	int *line;              /* and its line */
	size_t n, cap;
};

static void
run_add(struct cite_run *r, const char *s, int line)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->off = xrealloc(r->off, r->cap * sizeof *r->off);
		r->line = xrealloc(r->line, r->cap * sizeof *r->line);
	}
	r->off[r->n] = r->text.len;
	r->line[r->n] = line;
	r->n++;
	buf_adds(&r->text, s);
}

/* The length of the "[...]" at s if it holds only what citations are
 * made of (digits, spaces, commas, dashes) and a digit, else 0: what an
 * author meant as a citation when cite_scan() says it is none. */
static size_t
looks_cited(const char *s, size_t len)
{
	bool digit = false;
	for (size_t i = 1; i < len && i < ARTICLE_ODD_CITE_BYTES; i++) {
		char ch = s[i];
		if (ch == ']')
			return digit ? i + 1 : 0;
		if (ch >= '0' && ch <= '9')
			digit = true;
		else if (ch == '\xE2' && i + 2 < len && s[i + 1] == '\x80' &&
		    s[i + 2] == '\x93')
			i += 2;         /* en dash */
		else if (ch != ' ' && ch != ',' && ch != '-')
			return 0;
	}
	return 0;
}

static void
run_scan(struct cite_run *r, struct citations *c)
{
	int nums[CITE_MAX_NUMBER];
	const char *s = r->text.data;
	size_t len = r->text.len, piece = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '[')
			continue;
		size_t count;
		size_t used = cite_scan(s + i, len - i, nums, CITE_MAX_NUMBER, &count);
		while (piece + 1 < r->n && r->off[piece + 1] <= i)
			piece++;
		if (used == 0) {
			size_t odd = looks_cited(s + i, len - i);
			if (odd && c->odd_line == 0) {
				c->odd_line = r->line[piece] > 0 ? r->line[piece] : 1;
				memcpy(c->odd, s + i, odd);
				c->odd[odd] = '\0';
			}
			continue;
		}
		for (size_t k = 0; k < count && k < CITE_MAX_NUMBER; k++)
			cite_add(c, nums[k], r->line[piece]);
		i += used - 1;
	}
	buf_truncate(&r->text, 0);
	r->n = 0;
}

/* A link whose text is all a citation ("[5]" resolved by a link
 * definition "[5]: ...", or "[5](url)") is checked as one. */
static void
link_citation(cmark_node *link, int line, struct citations *c)
{
	cmark_node *t = cmark_node_first_child(link);
	if (t == NULL || cmark_node_next(t) || cmark_node_get_type(t) != CMARK_NODE_TEXT)
		return;
	struct buf text = BUF_INIT;
	buf_addf(&text, "[%s]", cmark_node_get_literal(t));
	int nums[CITE_MAX_NUMBER];
	size_t count;
	if (cite_scan(text.data, text.len, nums, CITE_MAX_NUMBER, &count) == text.len)
		for (size_t k = 0; k < count && k < CITE_MAX_NUMBER; k++)
			cite_add(c, nums[k], line);
	buf_free(&text);
}

/* The lines of a paragraph's inline nodes. cmark (0.30) does not count
 * the newline of a backslash hard break ("dose,\" at the end of a line):
 * every inline after one in the same paragraph has its line one short,
 * and an error would name the line above the citation. A line break of
 * either kind ends a line, so the node after it starts on the line after
 * the text before it; where cmark says otherwise, the difference is
 * carried to the rest of the paragraph. */
struct inline_lines {
	int shift;              /* added to cmark's lines */
	int last;               /* end line of the last text, code or HTML */
	bool after_break;
};

static int
inline_line(struct inline_lines *il, cmark_node *n)
{
	int start = cmark_node_get_start_line(n);
	if (start <= 0)
		return cite_node_line(n);
	start += il->shift;
	if (il->after_break && il->last > 0 && start != il->last + 1) {
		il->shift += il->last + 1 - start;
		start = il->last + 1;
	}
	il->after_break = false;
	cmark_node_type t = cmark_node_get_type(n);
	if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_HTML_INLINE)
		il->last = cmark_node_get_end_line(n) + il->shift;
	return start;
}

void
citations_collect(struct citations *c, cmark_node *node)
{
	struct cite_run run = { BUF_INIT, NULL, NULL, 0, 0 };
	struct inline_lines il = { 0, 0, false };
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		bool enter = ev == CMARK_EVENT_ENTER;
		if (enter && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
			run_add(&run, " ", il.last);
			il.after_break = true;
		} else if (enter && t <= CMARK_NODE_LAST_BLOCK) {
			/* A block: its inlines are counted afresh. */
			run_scan(&run, c);
			il = (struct inline_lines){ 0, 0, false };
		} else if (enter && t == CMARK_NODE_TEXT) {
			run_add(&run, cmark_node_get_literal(n), inline_line(&il, n));
		} else {
			/* Anything else ends the run: a code span, a link,
			 * emphasis, the end of a paragraph. */
			run_scan(&run, c);
			int line = enter ? inline_line(&il, n) : 0;
			if (enter && t == CMARK_NODE_LINK)
				link_citation(n, line, c);
		}
	}
	run_scan(&run, c);
	cmark_iter_free(it);
	buf_free(&run.text);
	free(run.off);
	free(run.line);
}

void
citations_collect_lines(struct citations *c, const char *text, int line)
{
	struct cite_run run = { BUF_INIT, NULL, NULL, 0, 0 };
	for (const char *s = text; *s; line++) {
		size_t n = strcspn(s, "\n");
		char *piece = xstrndup(s, n);
		run_add(&run, piece, line);
		run_add(&run, " ", line);
		free(piece);
		s += n + (s[n] == '\n');
	}
	run_scan(&run, c);
	buf_free(&run.text);
	free(run.off);
	free(run.line);
}

void
citations_free(struct citations *c)
{
	free(c->v);
	c->v = NULL;
	c->n = 0;
}
