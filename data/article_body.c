/* article_body.c: see article_body.h. */
#include "article_body.h"

#include <cmark.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cite.h"
#include "text.h"

/* The search index holds at most this much of each section. FTS5's
 * snippet() grows faster than linearly with a column's matches, and a
 * clinical section is a few KB: a 5 MB pane would make every search that
 * touches it take minutes, for no better ranking. */
#define MAX_INDEXED_BYTES (64u << 10)

void
body_init(struct body *b, const char *file, const char *text, size_t len,
    int first_line)
{
	size_t cap = 64;
	*b = (struct body){
		.file = file,
		.text = text,
		.len = len,
		.first_line = first_line,
	};
	b->line_start = xmalloc(cap * sizeof *b->line_start);
	b->line_start[b->nlines++] = 0;
	/* Lines end as CommonMark ends them (LF, CRLF or a lone CR), so
	 * cmark's line numbers index this table. */
	for (size_t i = 0; i < b->len; i++)
		if (b->text[i] == '\n' || (b->text[i] == '\r' &&
		    (i + 1 == b->len || b->text[i + 1] != '\n'))) {
			if ((size_t)b->nlines == cap) {
				cap *= 2;
				b->line_start = xrealloc(b->line_start,
				    cap * sizeof *b->line_start);
			}
			b->line_start[b->nlines++] = i + 1;
		}
}

void
body_free(struct body *b)
{
	free(b->line_start);
	b->line_start = NULL;
}

int
body_file_line(const struct body *b, int cmark_line)
{
	return cmark_line > 0 ? b->first_line + cmark_line - 1 : b->first_line;
}

/* Offset of (line, column), both 1-based as cmark reports them. */
static size_t
body_offset(const struct body *b, int line, int col)
{
	if (line < 1)
		return 0;
	if (line > b->nlines)
		return b->len;
	size_t off = b->line_start[line - 1] + (size_t)(col > 0 ? col - 1 : 0);
	return off > b->len ? b->len : off;
}

/* Body bytes s..e with every line ending (CRLF, or a lone CR, as
 * CommonMark reads them) made LF, as the database stores text. */
static char *
body_copy(const struct body *b, size_t s, size_t e)
{
	char *out = xmalloc(e - s + 1), *o = out;
	for (size_t i = s; i < e; i++) {
		if (b->text[i] == '\r') {
			*o++ = '\n';
			if (i + 1 < e && b->text[i + 1] == '\n')
				i++;
		} else {
			*o++ = b->text[i];
		}
	}
	*o = '\0';
	return out;
}

/* The text of whole lines from..to (inclusive), blank lines trimmed. */
static char *
body_lines(const struct body *b, int from, int to)
{
	while (from <= to && from <= b->nlines) {
		size_t s = body_offset(b, from, 1), e = body_offset(b, from + 1, 1);
		bool blank = true;
		for (size_t i = s; i < e; i++)
			if (!isspace((unsigned char)b->text[i]))
				blank = false;
		if (!blank)
			break;
		from++;
	}
	if (from > to || from > b->nlines)
		return xstrdup("");
	size_t s = body_offset(b, from, 1), e = body_offset(b, to + 1, 1);
	while (e > s && isspace((unsigned char)b->text[e - 1]))
		e--;
	return body_copy(b, s, e);
}

/* Heading text, inline markup dropped. */
static char *
node_text(cmark_node *node)
{
	struct buf b = BUF_INIT;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			buf_adds(&b, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_addc(&b, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	return buf_detach(&b);
}

/* Plain text of a run of top-level nodes, for the search index: literals
 * joined by spaces, then made safe, so snippets never carry controls. */
static void
plain_text(struct buf *out, cmark_node *node)
{
	struct buf raw = BUF_INIT;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_ENTER) {
			const char *lit = NULL;
			if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
			    t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK ||
			    t == CMARK_NODE_HTML_INLINE)
				lit = cmark_node_get_literal(n);
			if (lit)
				buf_adds(&raw, lit);
			if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
				buf_addc(&raw, ' ');
		} else if (ev == CMARK_EVENT_EXIT &&
		    (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
		    t == CMARK_NODE_ITEM)) {
			buf_addc(&raw, ' ');
		}
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < raw.len; i++)
		if (raw.data[i] == '\n' || raw.data[i] == '\t' || raw.data[i] == '\r')
			raw.data[i] = ' ';
	while (raw.len && raw.data[raw.len - 1] == ' ')
		buf_truncate(&raw, raw.len - 1);
	if (out->len && raw.len)
		buf_addc(out, ' ');
	text_sanitize(out, raw.data ? raw.data : "", raw.len, 0);
	buf_free(&raw);
}

/* "Answer {level=patient}" -> kind and level. */
static int
parse_heading(const struct body *b, const char *text, int line,
    const struct article_rules *rules, enum db_kind *kind, char **level,
    struct diag *d)
{
	static const char *const names[DB_KIND_COUNT] = {
		"Answer", "Key points", "From the research", "References", "Disclaimer",
	};
	char *t = xstrdup(text);
	char *attr = strchr(t, '{');
	int rc = 0;

	*level = NULL;
	if (attr) {
		char *close = strchr(attr, '}');
		*attr = '\0';
		if (close == NULL || close[1] != '\0' ||
		    strncmp(attr + 1, "level=", 6) != 0) {
			diag_error(d, b->file, line, "malformed section attribute: write "
			    "'{level=NAME}' at the end of the heading");
			rc = -1;
		} else {
			*close = '\0';
			char *name = attr + 7;
			bool known = false;
			for (size_t i = 0; i < rules->nlevels; i++)
				if (strcmp(rules->levels[i], name) == 0)
					known = true;
			if (!known) {
				struct buf list = BUF_INIT;
				for (size_t i = 0; i < rules->nlevels; i++)
					buf_addf(&list, "%s%s", i ? ", " : "",
					    rules->levels[i]);
				diag_error(d, b->file, line, "unknown reading level '%s' "
				    "(known: %s)", name, list.data ? list.data : "none");
				buf_free(&list);
				rc = -1;
			} else {
				*level = xstrdup(name);
			}
		}
	}
	/* Trim and compare the name, case aside. */
	char *s = t, *e = t + strlen(t);
	while (*s == ' ')
		s++;
	while (e > s && e[-1] == ' ')
		*--e = '\0';
	for (int k = 0; k < DB_KIND_COUNT; k++)
		if (strcasecmp(s, names[k]) == 0) {
			*kind = (enum db_kind)k;
			free(t);
			return rc;
		}
	diag_error(d, b->file, line, "unknown section '%s' (expected Answer, Key "
	    "points, From the research, References or Disclaimer)", s);
	free(t);
	free(*level);
	*level = NULL;
	return -1;
}

/* References must be one numbered list, numbered 1, 2, 3 ... as written. */
static void
parse_references(const struct body *b, cmark_node *first, cmark_node *end,
    struct article *a, struct diag *d)
{
	for (cmark_node *n = first; n != end; n = cmark_node_next(n)) {
		int line = body_file_line(b, cmark_node_get_start_line(n));
		if (cmark_node_get_type(n) != CMARK_NODE_LIST ||
		    cmark_node_get_list_type(n) != CMARK_ORDERED_LIST) {
			diag_error(d, b->file, line, "References must be a numbered list "
			    "('1. ...', '2. ...')");
			continue;
		}
		for (cmark_node *item = cmark_node_first_child(n); item;
		    item = cmark_node_next(item)) {
			int iline = cmark_node_get_start_line(item);
			size_t off = body_offset(b, iline,
			    cmark_node_get_start_column(item));
			int number = 0;
			while (off < b->len && isdigit((unsigned char)b->text[off]) &&
			    number < 100000)
				number = number * 10 + (b->text[off++] - '0');
			int expected = a->nrefs ? a->refs[a->nrefs - 1].number + 1 : 1;
			if (number != expected) {
				diag_error(d, b->file, body_file_line(b, iline),
				    "reference numbered %d where %d was expected", number,
				    expected);
				number = expected;
			}
			cmark_node *fc = cmark_node_first_child(item);
			cmark_node *lc = cmark_node_last_child(item);
			char *body;
			if (fc == NULL) {
				diag_error(d, b->file, body_file_line(b, iline),
				    "reference %d is empty", number);
				body = xstrdup("");
			} else {
				size_t s = body_offset(b, cmark_node_get_start_line(fc),
				    cmark_node_get_start_column(fc));
				size_t e = body_offset(b, cmark_node_get_end_line(lc),
				    cmark_node_get_end_column(lc)) + 1;
				if (e > b->len)
					e = b->len;
				while (e > s && isspace((unsigned char)b->text[e - 1]))
					e--;
				body = body_copy(b, s, e > s ? e : s);
			}
			a->refs = xgrow(a->refs, a->nrefs, sizeof *a->refs);
			a->refs[a->nrefs].number = number;
			a->refs[a->nrefs].body = body;
			a->refs[a->nrefs].line = body_file_line(b, iline);
			a->nrefs++;
		}
	}
}

/* The last line of a heading. cmark's end line for a setext heading
 * ("Answer" over "------") can be the line after its underline, which
 * would drop the section's first line: find the underline instead. */
static int
heading_end(const struct body *b, cmark_node *h)
{
	int line = cmark_node_get_start_line(h), last = cmark_node_get_end_line(h);
	size_t off = body_offset(b, line, 1);
	for (int k = 0; k < 3 && off < b->len && b->text[off] == ' '; k++)
		off++;
	size_t hashes = 0;
	while (off + hashes < b->len && b->text[off + hashes] == '#')
		hashes++;
	if (hashes >= 1 && hashes <= 6 && (off + hashes == b->len ||
	    isspace((unsigned char)b->text[off + hashes])))
		return line;            /* ATX: one line */
	for (int l = line + 1; l <= last && l <= b->nlines; l++) {
		size_t p = body_offset(b, l, 1), e = body_offset(b, l + 1, 1);
		while (p < e && b->text[p] == ' ')
			p++;
		char mark = p < e ? b->text[p] : 0;
		if (mark != '=' && mark != '-')
			continue;
		while (p < e && b->text[p] == mark)
			p++;
		while (p < e && isspace((unsigned char)b->text[p]))
			p++;
		if (p == e)
			return l;
	}
	return last;
}

static void
add_section(struct article *a, enum db_kind kind, char *level, int line)
{
	a->sections = xgrow(a->sections, a->nsections, sizeof *a->sections);
	struct article_section *s = &a->sections[a->nsections++];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->level = level;
	s->line = line;
}

/* The walk over the body's top-level nodes (body_parse()). */
struct walk {
	const struct body *b;
	const struct article_rules *rules;
	struct article *a;
	struct citations *cites;
	struct diag *d;
	struct article_section *open;   /* the section being read, or NULL */
	cmark_node *start;              /* its first node */
	int open_heading_end;           /* the last line of its heading */
	int headings;                   /* section headings, good or not */
	bool stray_reported;
	size_t *firsts, nfirsts;        /* sections of a new kind and level */
};

/* The first node of type a or b in the blocks from first up to end, and
 * the line it starts on (an inline node may carry no position of its
 * own: then its block's); NULL if there is none. */
static cmark_node *
first_node_of(cmark_node *first, cmark_node *end, cmark_node_type a, cmark_node_type b,
    int *line)
{
	for (cmark_node *m = first; m && m != end; m = cmark_node_next(m)) {
		cmark_iter *it = cmark_iter_new(m);
		cmark_event_type ev;
		cmark_node *found = NULL;
		while (found == NULL && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *n = cmark_iter_get_node(it);
			cmark_node_type t = cmark_node_get_type(n);
			if (ev == CMARK_EVENT_ENTER && (t == a || t == b))
				found = n;
		}
		cmark_iter_free(it);
		if (found) {
			*line = cmark_node_get_start_line(found);
			if (*line <= 0)
				*line = cmark_node_get_start_line(m);
			return found;
		}
	}
	return NULL;
}

/* Raw HTML is never drawn as such: the browser and `show` print it as
 * text, tags and all, and an HTML comment, hidden by every other
 * Markdown reader, is read out to the patient. A warning names the
 * first in each section from first up to end. */
static void
warn_html(const struct walk *w, cmark_node *first, cmark_node *end)
{
	int line;
	cmark_node *html = first_node_of(first, end, CMARK_NODE_HTML_BLOCK,
	    CMARK_NODE_HTML_INLINE, &line);
	if (html == NULL)
		return;
	const char *lit = cmark_node_get_literal(html);
	bool comment = lit && strncmp(lit + strspn(lit, " "), "<!--", 4) == 0;
	diag_warning(w->d, w->b->file, body_file_line(w->b, line), "%s is "
	    "shown to readers as text, not hidden or drawn: %s",
	    comment ? "an HTML comment" : "HTML",
	    comment ? "remove it" : "write it in Markdown or leave it out");
}

/* A terminal shows no picture: readers get "[image:" its description
 * "]" and a file name they cannot open. The first in each section is
 * warned about. */
static void
warn_image(const struct walk *w, cmark_node *first, cmark_node *end)
{
	int line;
	if (first_node_of(first, end, CMARK_NODE_IMAGE, CMARK_NODE_IMAGE, &line) == NULL)
		return;
	diag_warning(w->d, w->b->file, body_file_line(w->b, line), "an image cannot be "
	    "shown in a terminal, only its description and file name: say in the text "
	    "what it shows");
}

/* A paragraph indented by a tab or four spaces, as a word processor
 * indents one, is a code block to CommonMark: shown as typed, unwrapped,
 * and the citations in it went unchecked, so a [7] with no reference 7
 * was imported without a word. They are checked, and the first such
 * block from first up to end is warned about. A fenced block (```) is
 * meant as one: its text is left be. */
static void
indented_code(const struct walk *w, cmark_node *first, cmark_node *end)
{
	const struct body *b = w->b;
	bool warned = false;
	for (cmark_node *m = first; m && m != end; m = cmark_node_next(m)) {
		cmark_iter *it = cmark_iter_new(m);
		cmark_event_type ev;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *n = cmark_iter_get_node(it);
			if (ev != CMARK_EVENT_ENTER ||
			    cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK)
				continue;
			int line = cmark_node_get_start_line(n);
			/* A fenced block starts at its fence. */
			size_t off = body_offset(b, line, cmark_node_get_start_column(n));
			if (b->len - off >= 3 && (memcmp(b->text + off, "```", 3) == 0 ||
			    memcmp(b->text + off, "~~~", 3) == 0))
				continue;
			citations_collect_lines(w->cites, cmark_node_get_literal(n), line);
			if (!warned)
				diag_warning(w->d, b->file, body_file_line(b, line), "text "
				    "indented by a tab or 4 spaces is shown as typed, as "
				    "code, not as a paragraph: remove the indent");
			warned = true;
		}
		cmark_iter_free(it);
	}
}

/* Ends the open section before node end (NULL: at the end of the body). */
static void
close_section(struct walk *w, cmark_node *end)
{
	struct article_section *open = w->open;
	const struct body *b = w->b;
	if (open == NULL)
		return;
	int to = end ? cmark_node_get_start_line(end) - 1 : b->nlines;
	open->body = body_lines(b, w->open_heading_end + 1, to);
	struct buf plain = BUF_INIT;
	for (cmark_node *m = w->start; m && m != end; m = cmark_node_next(m)) {
		plain_text(&plain, m);
		if (open->kind != DB_REFERENCES)
			citations_collect(w->cites, m);
	}
	warn_html(w, w->start, end);
	warn_image(w, w->start, end);
	if (open->kind != DB_REFERENCES)
		indented_code(w, w->start, end);
	buf_truncate(&plain, text_cut(plain.data, plain.len, MAX_INDEXED_BYTES));
	open->plain = buf_detach(&plain);
	if (open->kind == DB_REFERENCES)
		parse_references(b, w->start, end, w->a, w->d);
	if (*open->body == '\0')
		diag_error(w->d, b->file, open->line, "section '%s' is empty",
		    db_kind_title(open->kind));
	w->open = NULL;
}

/* Any line of text before the first heading h. Link definitions make no
 * node, yet would change what the sections' text means: lines, not
 * nodes, are looked at. */
static void
check_before_first(struct walk *w, cmark_node *h)
{
	const struct body *b = w->b;
	for (int l = 1; l < cmark_node_get_start_line(h) && !w->stray_reported; l++) {
		char *text = body_lines(b, l, l);
		if (*text) {
			diag_error(w->d, b->file, body_file_line(b, l),
			    "text before the first section heading");
			w->stray_reported = true;
		}
		free(text);
	}
}

/* Whether a section of kind and level came before (said at line); if
 * not, the one about to be added is the first of its kind and level. A
 * repeat is told against the first of its kind and level only: against
 * every section before it, 100,000 repeats made 5 billion lines (13 GB)
 * and as many comparisons. */
static bool
repeated(struct walk *w, enum db_kind kind, const char *level, const char *title,
    int line)
{
	for (size_t i = 0; i < w->nfirsts; i++) {
		const struct article_section *s = &w->a->sections[w->firsts[i]];
		bool same_level = s->level == NULL ? level == NULL :
		    level != NULL && strcmp(s->level, level) == 0;
		if (s->kind == kind && same_level) {
			diag_error(w->d, w->b->file, line, "section '%s' appears twice "
			    "(first at line %d)", title, s->line);
			return true;
		}
	}
	w->firsts = xrealloc(w->firsts, (w->nfirsts + 1) * sizeof *w->firsts);
	w->firsts[w->nfirsts++] = w->a->nsections;
	return false;
}

/* Opens the section that heading h starts, if it is one (level 2). */
static void
open_section(struct walk *w, cmark_node *h)
{
	const struct body *b = w->b;
	int line = body_file_line(b, cmark_node_get_start_line(h));
	/* Only before the first heading, good or not: the text under a
	 * refused one is no stray, its heading is. */
	if (w->headings++ == 0 && !w->stray_reported)
		check_before_first(w, h);
	int hl = cmark_node_get_heading_level(h);
	if (hl != 2) {
		diag_error(w->d, b->file, line,
		    "level-%d heading: sections are level-2 headings ('## Answer')", hl);
		return;
	}
	char *title = node_text(h), *level;
	enum db_kind kind;
	if (parse_heading(b, title, line, w->rules, &kind, &level, w->d) == 0) {
		repeated(w, kind, level, title, line);
		if (kind == DB_REFERENCES && level)
			diag_error(w->d, b->file, line, "References serve every level: "
			    "one numbered list, with no {level=...}");
		add_section(w->a, kind, level, line);
		w->open = &w->a->sections[w->a->nsections - 1];
		w->open_heading_end = heading_end(b, h);
		w->start = cmark_node_next(h);
	}
	free(title);
}

int
body_parse(struct body *b, const struct article_rules *rules, struct article *a,
    struct citations *cites, struct diag *d)
{
	struct walk w = { .b = b, .rules = rules, .a = a, .cites = cites, .d = d };
	cmark_node *doc = cmark_parse_document(b->text, b->len, CMARK_OPT_DEFAULT);
	cmark_consolidate_text_nodes(doc);

	/* Sections are the top-level level-2 headings; walk the document's
	 * children in a flat loop and close each section at the next one. */
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		/* A deeper heading is a section's own, but before the first
		 * one it is a section heading mistyped ("### Answer"), as a
		 * level-1 one is: refused as such, not stray text. */
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    (cmark_node_get_heading_level(n) <= 2 || w.headings == 0)) {
			close_section(&w, n);
			open_section(&w, n);
		} else if (w.open == NULL && !w.stray_reported && w.headings == 0) {
			int line = cmark_node_get_start_line(n);
			diag_error(d, b->file, body_file_line(b, line),
			    "text before the first section heading");
			w.stray_reported = true;
		} else if (w.open == NULL && w.headings > 0) {
			/* Under a refused heading: the reader will see its
			 * citations once it is put right, so they count now. */
			citations_collect(w.cites, n);
		}
	}
	close_section(&w, NULL);
	cmark_node_free(doc);
	free(w.firsts);
	return w.headings;
}
