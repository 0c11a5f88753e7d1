/* article.c: see article.h. */
#include "article.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "article_body.h"
#include "article_cite.h"
#include "cite.h"
#include "commands.h"
#include "frontmatter.h"
#include "text.h"

#define MAX_TOPIC_DEPTH 8
#define MAX_TITLE_BYTES 400

static const char *const required_fields[] = {
	"id", "title", "topic", "updated", "status",
};
static const char *const known_fields[] = {
	"id", "title", "topic", "updated", "status", "related",
};

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
	/* 2026-13-01 is most often the day and month swapped. */
	if (m < 1 || m > 12)
		return "there is no such month (the month comes before the day)";
	int max = days[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d >= 1 && d <= max ? NULL : "there is no such day";
}

bool
article_date_valid(const char *s)
{
	return article_date_problem(s) == NULL;
}


static const char *
field_scalar(const struct frontmatter *fm, const char *key, const char *file,
    struct diag *d)
{
	const struct fm_field *f = frontmatter_get(fm, key);
	if (f == NULL)
		return NULL;
	if (f->value == NULL) {
		diag_error(d, file, f->line, "'%s' must be a single value, not a list",
		    key);
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
		/* `bedside ID` would run the command instead. */
		if (a->id && command_name(a->id))
			diag_warning(d, file, f->line, "id '%s' is also a command's "
			    "name: it opens with 'bedside -- %s'", v, v);
	}
	if ((v = field_scalar(fm, "title", file, d))) {
		f = frontmatter_get(fm, "title");
		size_t len = strlen(v);     /* a folded ('>') title ends in '\n' */
		while (len > 0 && isspace((unsigned char)v[len - 1]))
			len--;
		if (len == 0 || len > MAX_TITLE_BYTES || memchr(v, '\n', len))
			diag_error(d, file, f->line,
			    "title must be one line of 1 to %d bytes", MAX_TITLE_BYTES);
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
			diag_error(d, file, f->line, "invalid topic '%s': write a path "
			    "like 'Cardiology/Heart failure' (no empty parts, at most "
			    "%d parts)", v, MAX_TOPIC_DEPTH);
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
			diag_error(d, file, f->line,
			    "'related' must be a list: related: [id, ...]");
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
					diag_error(d, file, line,
					    "'related' names '%s' twice", f->items[i]);
					continue;
				}
				a->related = xgrow(a->related, a->nrelated,
				    sizeof *a->related);
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
		diag_error(d, file, 1,
		    "no sections: an article needs at least '## Answer'");
		return;
	}
	bool answered = false;
	for (size_t i = 0; i < a->nsections; i++) {
		if (a->sections[i].level)
			restricted = true;
		if (a->sections[i].kind == DB_ANSWER)
			answered = true;
	}
	/* With no Answer at all, one line says so, not one a level. */
	if (!answered) {
		diag_error(d, file, a->sections[0].line, "no Answer: an article needs "
		    "'## Answer' (or one for each level, '## Answer {level=NAME}')");
		return;
	}
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


/* The line ends in text[from..to): LF, CRLF or a lone CR, as YAML and
 * CommonMark count them. */
static int
count_line_ends(const char *text, size_t len, size_t from, size_t to)
{
	int n = 0;
	for (size_t i = from; i < to; i++)
		if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len ||
		    text[i + 1] != '\n')))
			n++;
	return n;
}

/* Control and invisible format characters (text_is_unsafe(): often
 * pasted in from a word processor) are kept, and shown to readers as
 * placeholders, but an author would rather know: one warning a file, at
 * the first. A soft hyphen or zero-width space also splits a word for
 * the search ("furo\u00ADsemide" is not found as "furosemide"). */
static void
warn_unsafe(const char *file, const char *text, size_t len, struct diag *d)
{
	int line = 1, first_line = 0, more = 0;
	uint32_t first = 0;
	/* A byte order mark opening the file (Windows editors write one) is
	 * no text: the front matter is read after it, and no reader sees it. */
	size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		uint32_t cp;
		i += text_decode(text + i, len - i, &cp);
		if (cp == '\n' || (cp == '\r' && (i == len || text[i] != '\n')))
			line++;
		else if (cp == '\t' || cp == '\r' || cp == 0 || !text_is_unsafe(cp))
			continue;       /* (a NUL rejects the file: no reader sees it) */
		else if (first_line == 0)
			first = cp, first_line = line;
		else
			more++;
	}
	if (first_line == 0)
		return;
	struct buf also = BUF_INIT;
	if (more)
		buf_addf(&also, " (and %d more in the file)", more);
	diag_warning(d, file, first_line, "%s U+%04X is shown to readers as a "
	    "placeholder%s: remove it", first < 0xA0 && first != 0x00AD ?
	    "control character" : "invisible character", (unsigned)first,
	    also.data ? also.data : "");
	buf_free(&also);
}

int
article_parse(const char *file, const char *text, size_t len,
    const struct article_rules *rules, struct article *a, struct diag *d)
{
	int before = d->errors;
	memset(a, 0, sizeof *a);
	a->file = xstrdup(file);

	/* Bad bytes are reported once a line, then the file is not parsed
	 * further: what cmark would make of them is not what was meant. A
	 * file with them was most likely saved as Latin-1 or Windows-1252,
	 * where every accented letter is one: a message for each byte of
	 * a line of them was noise. */
	size_t off = 0;
	int line = 1, bad_lines = 0, unlisted_line = 0;
	while (off < len) {
		size_t bad;
		if (text_valid_utf8(text + off, len - off, &bad))
			break;
		line += count_line_ends(text, len, off, off + bad);
		size_t end = off + bad, more = 0;
		for (size_t next; end + 1 < len && text[end + 1] != '\n' &&
		    text[end + 1] != '\r'; end += next + 1, more++) {
			if (text_valid_utf8(text + end + 1, len - end - 1, &next))
				break;
			if (memchr(text + end + 1, '\n', next) ||
			    memchr(text + end + 1, '\r', next))
				break;
		}
		if (bad_lines++ < 10) {
			struct buf also = BUF_INIT;
			if (more)
				buf_addf(&also, ", and %zu more on the line", more);
			diag_error(d, file, line, "invalid UTF-8 (byte 0x%02X%s): save the "
			    "file as UTF-8", (unsigned char)text[off + bad],
			    also.data ? also.data : "");
			buf_free(&also);
		} else if (unlisted_line == 0) {
			unlisted_line = line;
		}
		off = end + 1;
	}
	/* The rest are not listed, but not passed over in silence either. */
	if (bad_lines > 10)
		diag_error(d, file, unlisted_line, "invalid UTF-8 on %d more line%s, "
		    "not listed: save the file as UTF-8", bad_lines - 10,
		    bad_lines == 11 ? "" : "s");
	if (bad_lines)
		return d->errors - before;
	warn_unsafe(file, text, len, d);
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		diag_error(d, file, 1 + count_line_ends(text, len, 0, (size_t)(nul - text)),
		    "the file contains NUL bytes");
		return d->errors - before;
	}

	struct frontmatter fm;
	if (frontmatter_parse(file, text, len, &fm, d) != 0) {
		frontmatter_free(&fm);
		return d->errors - before;
	}
	check_front_matter(file, &fm, rules, a, d);

	struct body b;
	body_init(&b, file, text + fm.body_offset, len - fm.body_offset, fm.body_line);
	frontmatter_free(&fm);

	struct citations cites = { .v = NULL };
	/* A file with a refused heading has been told why; "no sections" or
	 * "no Answer" on top would only say it again, as the refused one is
	 * most likely the Answer the author meant. */
	if (body_parse(&b, rules, a, &cites, d) == (int)a->nsections)
		check_levels(file, rules, a, d);

	bool reported[CITE_MAX_NUMBER + 1] = { false };
	struct missing_run run = { .line = 0 };
	for (size_t i = 0; i < cites.n; i++) {
		int num = cites.v[i].number;
		if ((size_t)num <= a->nrefs)
			continue;
		missing_add(&run, body_file_line(&b, cites.v[i].line), num, file, d);
		reported[num] = true;
	}
	/* Numbers cited only past the kept list. */
	for (int num = (int)a->nrefs + 1; num <= CITE_MAX_NUMBER; num++)
		if (cites.first[num] && !reported[num])
			missing_add(&run, body_file_line(&b, cites.first[num]), num,
			    file, d);
	missing_add(&run, 0, 0, file, d);
	for (size_t i = 0; i < a->nrefs; i++)
		if (i >= CITE_MAX_NUMBER || cites.first[i + 1] == 0)
			diag_warning(d, file, a->refs[i].line, "reference %d is never "
			    "cited", a->refs[i].number);
	if (cites.odd_line)
		diag_warning(d, file, body_file_line(&b, cites.odd_line), "'%s' is not "
		    "a citation, and readers see it as text: numbers run from 1 to %d, "
		    "a range upward ('[2-4]')", cites.odd, CITE_MAX_NUMBER);
	citations_free(&cites);
	body_free(&b);
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
