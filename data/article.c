/* article.c: see article.h. */
#include "article.h"

#include <cmark.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article_cite.h"
#include "cite.h"
#include "frontmatter.h"
#include "text.h"

#define MAX_TOPIC_DEPTH 8
#define MAX_TITLE_BYTES 400
/* The search index holds at most this much of each section. FTS5's
 * snippet() grows faster than linearly with a column's matches, and a
 * clinical section is a few KB: a 5 MB pane would make every search that
 * touches it take minutes, for no better ranking. */
#define MAX_INDEXED_BYTES (64u << 10)

static const char *const required_fields[] = { "id", "title", "topic", "updated", "status" };
static const char *const known_fields[] = { "id", "title", "topic", "updated", "status", "related" };

bool
article_id_valid(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > 80 || id[0] == '-' || id[n - 1] == '-')
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return true;
}

const char *
article_date_problem(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return "write it as YYYY-MM-DD";
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return "write it as YYYY-MM-DD";
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1900)
		return "the year is before 1900";
	int max = m >= 1 && m <= 12 ? days[m - 1] : 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d >= 1 && d <= max ? NULL : "there is no such day";
}

bool
article_date_valid(const char *s)
{
	return article_date_problem(s) == NULL;
}

/* --- the Markdown body ------------------------------------------------ */

struct body {
	const char *file;
	const char *text;
	size_t len;
	size_t *line_start;     /* offset of each line, from line 1 */
	int nlines;
	int first_line;         /* file line of body line 1 */
};

static int
file_line(const struct body *b, int cmark_line)
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
		if (close == NULL || close[1] != '\0' || strncmp(attr + 1, "level=", 6) != 0) {
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
					buf_addf(&list, "%s%s", i ? ", " : "", rules->levels[i]);
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
		int line = file_line(b, cmark_node_get_start_line(n));
		if (cmark_node_get_type(n) != CMARK_NODE_LIST ||
		    cmark_node_get_list_type(n) != CMARK_ORDERED_LIST) {
			diag_error(d, b->file, line, "References must be a numbered list "
			    "('1. ...', '2. ...')");
			continue;
		}
		for (cmark_node *item = cmark_node_first_child(n); item;
		    item = cmark_node_next(item)) {
			int iline = cmark_node_get_start_line(item);
			size_t off = body_offset(b, iline, cmark_node_get_start_column(item));
			int number = 0;
			while (off < b->len && isdigit((unsigned char)b->text[off]) && number < 100000)
				number = number * 10 + (b->text[off++] - '0');
			int expected = a->nrefs ? a->refs[a->nrefs - 1].number + 1 : 1;
			if (number != expected) {
				diag_error(d, b->file, file_line(b, iline), "reference numbered "
				    "%d where %d was expected", number, expected);
				number = expected;
			}
			cmark_node *fc = cmark_node_first_child(item);
			cmark_node *lc = cmark_node_last_child(item);
			char *body;
			if (fc == NULL) {
				diag_error(d, b->file, file_line(b, iline), "reference %d is empty",
				    number);
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

/* Returns the number of level-1 and level-2 headings, sections or not. */
static int
parse_body(struct body *b, const struct article_rules *rules, struct article *a,
    struct citations *cites, struct diag *d)
{
	cmark_node *doc = cmark_parse_document(b->text, b->len, CMARK_OPT_DEFAULT);
	cmark_consolidate_text_nodes(doc);

	/* Sections are the top-level level-2 headings; walk the document's
	 * children in a flat loop and close each section at the next one. */
	cmark_node *start = NULL;       /* first node of the open section */
	struct article_section *open = NULL;
	bool stray_reported = false;
	int open_heading_end = 0, headings = 0;
	size_t *firsts = NULL, nfirsts = 0;     /* sections of a new kind and level */
	for (cmark_node *n = cmark_node_first_child(doc);; n = cmark_node_next(n)) {
		bool is_section = n && cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) <= 2;
		if (n == NULL || is_section) {
			if (open) {
				int to = n ? cmark_node_get_start_line(n) - 1 : b->nlines;
				open->body = body_lines(b, open_heading_end + 1, to);
				struct buf plain = BUF_INIT;
				for (cmark_node *m = start; m && m != n; m = cmark_node_next(m)) {
					plain_text(&plain, m);
					if (open->kind != DB_REFERENCES)
						citations_collect(cites, m);
				}
				buf_truncate(&plain, text_cut(plain.data, plain.len,
				    MAX_INDEXED_BYTES));
				open->plain = buf_detach(&plain);
				if (open->kind == DB_REFERENCES)
					parse_references(b, start, n, a, d);
				if (*open->body == '\0')
					diag_error(d, b->file, open->line, "section '%s' is empty",
					    db_kind_title(open->kind));
			}
			if (n == NULL)
				break;
			open = NULL;
			int line = file_line(b, cmark_node_get_start_line(n));
			/* Only before the first heading, good or not: the text
			 * under a refused one is no stray, its heading is. */
			if (headings++ == 0 && !stray_reported) {
				/* Link definitions make no node, yet would change
				 * what the sections' text means. */
				for (int l = 1; l < cmark_node_get_start_line(n) &&
				    !stray_reported; l++) {
					char *text = body_lines(b, l, l);
					if (*text) {
						diag_error(d, b->file, file_line(b, l), "text "
						    "before the first section heading");
						stray_reported = true;
					}
					free(text);
				}
			}
			if (cmark_node_get_heading_level(n) == 1) {
				diag_error(d, b->file, line, "level-1 heading: sections are "
				    "level-2 headings ('## Answer')");
				continue;
			}
			char *title = node_text(n), *level;
			enum db_kind kind;
			if (parse_heading(b, title, line, rules, &kind, &level, d) == 0) {
				/* A repeat is told against the first of its kind
				 * and level only: against every section before it,
				 * 100,000 repeats made 5 billion lines (13 GB) and
				 * as many comparisons. */
				bool again = false;
				for (size_t i = 0; i < nfirsts && !again; i++) {
					struct article_section *s = &a->sections[firsts[i]];
					if (s->kind == kind && ((s->level == NULL && level == NULL) ||
					    (s->level && level && strcmp(s->level, level) == 0))) {
						diag_error(d, b->file, line, "section '%s' appears "
						    "twice (first at line %d)", title, s->line);
						again = true;
					}
				}
				if (!again) {
					firsts = xrealloc(firsts, (nfirsts + 1) * sizeof *firsts);
					firsts[nfirsts++] = a->nsections;
				}
				if (kind == DB_REFERENCES && level)
					diag_error(d, b->file, line, "References serve every "
					    "level: one numbered list, with no {level=...}");
				add_section(a, kind, level, line);
				open = &a->sections[a->nsections - 1];
				open_heading_end = heading_end(b, n);
				start = cmark_node_next(n);
			}
			free(title);
			continue;
		}
		if (open == NULL && !stray_reported && headings == 0) {
			diag_error(d, b->file, file_line(b, cmark_node_get_start_line(n)),
			    "text before the first section heading");
			stray_reported = true;
		}
	}
	cmark_node_free(doc);
	free(firsts);
	return headings;
}

static const char *
field_scalar(const struct frontmatter *fm, const char *key, const char *file,
    struct diag *d)
{
	const struct fm_field *f = frontmatter_get(fm, key);
	if (f == NULL)
		return NULL;
	if (f->value == NULL) {
		diag_error(d, file, f->line, "'%s' must be a single value, not a list", key);
		return NULL;
	}
	return f->value;
}

static void
check_front_matter(const char *file, const struct frontmatter *fm,
    const struct article_rules *rules, struct article *a, struct diag *d)
{
	for (size_t i = 0; i < fm->nfields; i++) {
		bool known = false;
		for (size_t k = 0; k < sizeof known_fields / sizeof *known_fields; k++)
			if (strcmp(fm->fields[i].key, known_fields[k]) == 0)
				known = true;
		if (!known)
			diag_error(d, file, fm->fields[i].line, "unknown front-matter "
			    "field '%s'", fm->fields[i].key);
	}
	for (size_t k = 0; k < sizeof required_fields / sizeof *required_fields; k++)
		if (frontmatter_get(fm, required_fields[k]) == NULL)
			diag_error(d, file, 2, "missing front-matter field '%s'",
			    required_fields[k]);

	const char *v;
	const struct fm_field *f;
	if ((v = field_scalar(fm, "id", file, d))) {
		f = frontmatter_get(fm, "id");
		a->id_line = f->line;
		if (!article_id_valid(v))
			diag_error(d, file, f->line, "invalid id '%s': use lower-case "
			    "letters, digits and '-' (at most 80)", v);
		else
			a->id = xstrdup(v);
	}
	if ((v = field_scalar(fm, "title", file, d))) {
		f = frontmatter_get(fm, "title");
		size_t len = strlen(v);     /* a folded ('>') title ends in '\n' */
		while (len > 0 && isspace((unsigned char)v[len - 1]))
			len--;
		if (len == 0 || len > MAX_TITLE_BYTES || memchr(v, '\n', len))
			diag_error(d, file, f->line, "title must be one line of 1 to %d bytes",
			    MAX_TITLE_BYTES);
		else
			a->title = xstrndup(v, len);
	}
	if ((v = field_scalar(fm, "topic", file, d))) {
		f = frontmatter_get(fm, "topic");
		struct buf t = BUF_INIT;
		int depth = 0;
		bool ok = true;
		const char *p = v;
		for (;;) {
			const char *slash = strchr(p, '/');
			const char *e = slash ? slash : p + strlen(p);
			const char *s = p;
			while (s < e && isspace((unsigned char)*s))
				s++;
			while (e > s && isspace((unsigned char)e[-1]))
				e--;
			if (e == s || memchr(s, '\n', (size_t)(e - s)))
				ok = false;
			if (depth++)
				buf_addc(&t, '/');
			buf_add(&t, s, (size_t)(e - s));
			if (!slash)
				break;
			p = slash + 1;
		}
		if (!ok || depth > MAX_TOPIC_DEPTH) {
			diag_error(d, file, f->line, "invalid topic '%s': write a path like "
			    "'Cardiology/Heart failure' (no empty parts, at most %d parts)", v,
			    MAX_TOPIC_DEPTH);
			buf_free(&t);
		} else {
			a->topic = buf_detach(&t);
		}
	}
	if ((v = field_scalar(fm, "updated", file, d))) {
		f = frontmatter_get(fm, "updated");
		const char *why = article_date_problem(v);
		if (why)
			diag_error(d, file, f->line, "invalid date '%s': %s", v, why);
		else
			a->updated = xstrdup(v);
	}
	if ((v = field_scalar(fm, "status", file, d))) {
		f = frontmatter_get(fm, "status");
		bool known = false;
		for (size_t i = 0; i < rules->nstatuses; i++)
			if (strcmp(rules->statuses[i], v) == 0)
				known = true;
		if (!known) {
			struct buf list = BUF_INIT;
			for (size_t i = 0; i < rules->nstatuses; i++)
				buf_addf(&list, "%s%s", i ? ", " : "", rules->statuses[i]);
			diag_error(d, file, f->line, "unknown status '%s' (known: %s)", v,
			    list.data ? list.data : "none");
			buf_free(&list);
		} else {
			a->status = xstrdup(v);
		}
	}
	if ((f = frontmatter_get(fm, "related"))) {
		if (f->value && *f->value) {
			diag_error(d, file, f->line, "'related' must be a list: related: [id, ...]");
		} else {
			bool *again = frontmatter_repeats(f);
			for (size_t i = 0; i < f->nitems; i++) {
				int line = f->item_lines[i];
				if (!article_id_valid(f->items[i])) {
					diag_error(d, file, line, "invalid related id '%s'",
					    f->items[i]);
					continue;
				}
				if (a->id && strcmp(a->id, f->items[i]) == 0) {
					diag_error(d, file, line, "'related' names the "
					    "article itself ('%s')", f->items[i]);
					continue;
				}
				if (again[i]) {
					diag_error(d, file, line, "'related' names '%s' twice",
					    f->items[i]);
					continue;
				}
				a->related = xgrow(a->related, a->nrelated, sizeof *a->related);
				a->related_lines = xgrow(a->related_lines, a->nrelated,
				    sizeof *a->related_lines);
				a->related_lines[a->nrelated] = line;
				a->related[a->nrelated++] = xstrdup(f->items[i]);
			}
			free(again);
		}
	}
}

const struct article_section *
article_section_at(const struct article *a, enum db_kind kind, const char *level)
{
	const struct article_section *any = NULL;
	for (size_t i = 0; i < a->nsections; i++) {
		const struct article_section *s = &a->sections[i];
		if (s->kind != kind)
			continue;
		if (s->level == NULL)
			any = s;
		else if (level && strcmp(s->level, level) == 0)
			return s;
	}
	return any;
}

bool
article_has_level(const struct article *a, const char *level)
{
	for (size_t i = 0; i < a->nsections; i++)
		if (a->sections[i].level && strcmp(a->sections[i].level, level) == 0)
			return true;
	return false;
}

/* Every level the article has needs an Answer; if no section names a
 * level, the article has them all. */
static void
check_levels(const char *file, const struct article_rules *rules,
    const struct article *a, struct diag *d)
{
	bool restricted = false;
	if (a->nsections == 0) {
		diag_error(d, file, 1, "no sections: an article needs at least '## Answer'");
		return;
	}
	for (size_t i = 0; i < a->nsections; i++)
		if (a->sections[i].level)
			restricted = true;
	for (size_t i = 0; i < rules->nlevels; i++) {
		const char *l = rules->levels[i];
		if (restricted && !article_has_level(a, l))
			continue;
		if (article_section_at(a, DB_ANSWER, l))
			continue;
		diag_error(d, file, a->sections[0].line,
		    "no Answer for the '%s' level (add '## Answer {level=%s}' or an "
		    "Answer for every level)", l, l);
	}
}
/* Cited numbers missing from References, reported a run at a time: a
 * mistyped [1-70] is one problem, not 69 lines of them. */
struct missing_run {
	int line;       /* 0: no run yet */
	int lo, hi;
};

/* Adds number num cited at line to the run, or reports the run and
 * starts another; line 0 reports the last one. */
static void
missing_add(struct missing_run *r, int line, int num, const char *file,
    struct diag *d)
{
	if (r->line != 0 && line == r->line && num == r->hi + 1) {
		r->hi = num;
		return;
	}
	if (r->line != 0 && r->lo == r->hi)
		diag_error(d, file, r->line, "citation [%d] has no entry in References",
		    r->lo);
	else if (r->line != 0)
		diag_error(d, file, r->line, "citations [%d-%d] have no entries in "
		    "References", r->lo, r->hi);
	*r = (struct missing_run){ .line = line, .lo = num, .hi = num };
}


int
article_parse(const char *file, const char *text, size_t len,
    const struct article_rules *rules, struct article *a, struct diag *d)
{
	int before = d->errors;
	memset(a, 0, sizeof *a);
	a->file = xstrdup(file);

	/* Bad bytes are reported per line, then the file is not parsed
	 * further: what cmark would make of them is not what was meant. */
	size_t off = 0;
	int line = 1, bad_lines = 0;
	while (off < len) {
		size_t bad;
		if (text_valid_utf8(text + off, len - off, &bad))
			break;
		for (size_t i = off; i < off + bad; i++)
			if (text[i] == '\n')
				line++;
		if (bad_lines++ < 10)
			diag_error(d, file, line, "invalid UTF-8 (byte 0x%02X)",
			    (unsigned char)text[off + bad]);
		off += bad + 1;
	}
	if (bad_lines)
		return d->errors - before;
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		for (const char *c = text; c < nul; c++)
			if (*c == '\n')
				bad_lines++;
		diag_error(d, file, bad_lines + 1, "the file contains NUL bytes");
		return d->errors - before;
	}

	struct frontmatter fm;
	if (frontmatter_parse(file, text, len, &fm, d) != 0) {
		frontmatter_free(&fm);
		return d->errors - before;
	}
	check_front_matter(file, &fm, rules, a, d);

	struct body b = {
		.file = file,
		.text = text + fm.body_offset,
		.len = len - fm.body_offset,
		.first_line = fm.body_line,
	};
	frontmatter_free(&fm);
	size_t cap = 64;
	b.line_start = xmalloc(cap * sizeof *b.line_start);
	b.line_start[b.nlines++] = 0;
	/* Lines end as CommonMark ends them (LF, CRLF or a lone CR), so
	 * cmark's line numbers index this table. */
	for (size_t i = 0; i < b.len; i++)
		if (b.text[i] == '\n' || (b.text[i] == '\r' &&
		    (i + 1 == b.len || b.text[i + 1] != '\n'))) {
			if ((size_t)b.nlines == cap) {
				cap *= 2;
				b.line_start = xrealloc(b.line_start, cap * sizeof *b.line_start);
			}
			b.line_start[b.nlines++] = i + 1;
		}

	struct citations cites = { .v = NULL };
	/* A file whose every heading was refused has been told why; "no
	 * sections" on top would only say it again. */
	if (parse_body(&b, rules, a, &cites, d) == 0 || a->nsections > 0)
		check_levels(file, rules, a, d);

	bool reported[CITE_MAX_NUMBER + 1] = { false };
	struct missing_run run = { .line = 0 };
	for (size_t i = 0; i < cites.n; i++) {
		int num = cites.v[i].number;
		if ((size_t)num <= a->nrefs)
			continue;
		missing_add(&run, file_line(&b, cites.v[i].line), num, file, d);
		reported[num] = true;
	}
	/* Numbers cited only past the kept list. */
	for (int num = (int)a->nrefs + 1; num <= CITE_MAX_NUMBER; num++)
		if (cites.first[num] && !reported[num])
			missing_add(&run, file_line(&b, cites.first[num]), num, file, d);
	missing_add(&run, 0, 0, file, d);
	for (size_t i = 0; i < a->nrefs; i++)
		if (i >= CITE_MAX_NUMBER || cites.first[i + 1] == 0)
			diag_warning(d, file, 0, "reference %d is never cited", a->refs[i].number);
	citations_free(&cites);
	free(b.line_start);
	return d->errors - before;
}

void
article_free(struct article *a)
{
	free(a->file);
	free(a->id);
	free(a->title);
	free(a->topic);
	free(a->updated);
	free(a->status);
	for (size_t i = 0; i < a->nrelated; i++)
		free(a->related[i]);
	free(a->related);
	free(a->related_lines);
	for (size_t i = 0; i < a->nsections; i++) {
		free(a->sections[i].level);
		free(a->sections[i].body);
		free(a->sections[i].plain);
	}
	free(a->sections);
	for (size_t i = 0; i < a->nrefs; i++)
		free(a->refs[i].body);
	free(a->refs);
	memset(a, 0, sizeof *a);
}
