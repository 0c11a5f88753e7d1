/* frontmatter.c: see frontmatter.h. The block is delimited by lines that
 * are exactly "---" (the closing one may also be "..."). */
#include "frontmatter.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "buf.h"

/* Returns the offset just past the line starting at off, and its length
 * without the line ending in *linelen. Lines end as YAML and CommonMark
 * end them: LF, CRLF or a lone CR (an old Mac editor's files). */
static size_t
next_line(const char *text, size_t len, size_t off, size_t *linelen)
{
	size_t e = off;
	while (e < len && text[e] != '\n' && text[e] != '\r')
		e++;
	size_t l = e - off;
	/* Spaces after a '---' are invisible in an editor: ignore them. */
	while (l > 0 && (text[off + l - 1] == ' ' || text[off + l - 1] == '\t'))
		l--;
	*linelen = l;
	if (e < len && text[e] == '\r' && e + 1 < len && text[e + 1] == '\n')
		e++;
	return e < len ? e + 1 : e;
}

static void
field_free(struct fm_field *f)
{
	free(f->key);
	free(f->value);
	for (size_t i = 0; i < f->nitems; i++)
		free(f->items[i]);
	free(f->items);
	free(f->item_lines);
}

static struct fm_field *
field_add(struct frontmatter *fm, const char *key, int line)
{
	fm->fields = xrealloc(fm->fields, (fm->nfields + 1) * sizeof *fm->fields);
	struct fm_field *f = &fm->fields[fm->nfields++];
	memset(f, 0, sizeof *f);
	f->key = xstrdup(key);
	f->line = line;
	return f;
}

/* Far more than the fields an article has (article.c): a key is checked
 * against every one before it, so a file of 300,000 fields took minutes
 * and gave as many errors. */
#define MAX_FIELDS 64

/* Whether a scalar is YAML's null written out (~, null): a quoted "~"
 * is the text it says. */
static bool
plain_null(const yaml_event_t *ev)
{
	static const char *const nulls[] = { "~", "null", "Null", "NULL" };
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	for (size_t i = 0; i < sizeof nulls / sizeof *nulls; i++)
		if (strcmp((const char *)ev->data.scalar.value, nulls[i]) == 0)
			return true;
	return false;
}

/* The byte of yaml where libyaml's mark index (which counts characters,
 * not bytes) falls: after a "café" the two differ. */
static size_t
yaml_byte_at(const char *yaml, size_t len, size_t index)
{
	size_t i = 0;
	for (size_t chars = 0; i < len && chars < index; chars++)
		for (i++; i < len && ((unsigned char)yaml[i] & 0xc0) == 0x80; i++)
			;
	return i;
}

/* "title: Is the #1 cause ...?" is "Is the" to YAML, the rest a comment:
 * the title would be cut with no word. A comment after a title is rare,
 * a '#' in one is not, so it is a warning. */
static void
title_comment(const yaml_event_t *ev, const char *yaml, size_t len,
    const char *file, int line, struct diag *d)
{
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return;
	size_t i = yaml_byte_at(yaml, len, ev->end_mark.index);
	while (i < len && (yaml[i] == ' ' || yaml[i] == '\t'))
		i++;
	if (i < len && yaml[i] == '#')
		diag_warning(d, file, line, "the title ends before ' #', which starts "
		    "a YAML comment: if '#' is part of it, put the title in double "
		    "quotes");
}

/* libyaml ends a line at NEL, U+2028 and U+2029 as well as at LF, CR and
 * CRLF; the file's lines (an editor's, and the rest of the importer's)
 * end at the last three only. After a title with a pasted U+2028, every
 * line libyaml named was one too far. Returns, for each of libyaml's
 * lines, how many of the file's come before it; NULL where the two agree
 * (the text has none of those three). */
static int *
yaml_line_map(const char *yaml, size_t len, size_t *nmap)
{
	const unsigned char *s = (const unsigned char *)yaml;
	int *map = NULL;
	size_t y = 0;
	int f = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < len; i++) {
			bool nel = s[i] == 0xc2 && i + 1 < len && s[i + 1] == 0x85;
			bool lsps = s[i] == 0xe2 && i + 2 < len && s[i + 1] == 0x80 &&
			    (s[i + 2] == 0xa8 || s[i + 2] == 0xa9);
			bool brk = s[i] == '\n' || s[i] == '\r';
			if (brk && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
				i++;
			f += brk;
			if (brk || nel || lsps) {
				if (pass == 1)
					map[y + 1] = f;
				y++;
			}
			i += nel ? 1 : lsps ? 2 : 0;
		}
		if (pass == 0) {
			if ((size_t)f == y)
				return NULL;
			*nmap = y + 1;
			map = xcalloc(y + 1, sizeof *map);
			y = 0;
			f = 0;
		}
	}
	return map;
}

/* The file's line of libyaml's line yline (0-based) of the block. */
static int
file_line(const int *map, size_t nmap, int first_line, size_t yline)
{
	if (map == NULL)
		return first_line + (int)yline;
	return first_line + map[yline < nmap ? yline : nmap - 1];
}

/* Reads the mapping event by event: libyaml's event API keeps nesting out
 * of our stack and lets every malformed shape be named with its line. */
static int
parse_yaml(const char *file, const char *yaml, size_t len, int first_line,
    struct frontmatter *fm, struct diag *d)
{
	yaml_parser_t p;
	yaml_event_t ev;
	enum { TOP, IN_MAP, IN_LIST, DONE } state = TOP;
	struct fm_field *cur = NULL;
	char *key = NULL;
	int key_line = 0, errors = 0, documents = 0;
	size_t nmap = 0;
	int *map = yaml_line_map(yaml, len, &nmap);

	if (!yaml_parser_initialize(&p)) {
		free(map);
		diag_error(d, file, first_line, "cannot start the YAML parser");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)yaml, len);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev)) {
			/* A quote or bracket left open is found at the end of
			 * the block, the closing '---': name the line where
			 * what was left open starts. */
			bool at_end = p.context &&
			    yaml_byte_at(yaml, len, p.problem_mark.index) >= len;
			yaml_mark_t at = at_end ? p.context_mark : p.problem_mark;
			/* libyaml's words for "title: Note: this" name no cause. */
			bool colon = p.problem && strcmp(p.problem,
			    "mapping values are not allowed in this context") == 0;
			/* A character the reader refuses (a control
			 * character) has an offset, not a mark: count its
			 * line, or every such error would name the first. */
			int line = file_line(map, nmap, first_line, at.line);
			if (p.error == YAML_READER_ERROR) {
				line = first_line;
				for (size_t i = 0; i < p.problem_offset && i < len; i++)
					line += yaml[i] == '\n' || (yaml[i] == '\r' &&
					    (i + 1 == len || yaml[i + 1] != '\n'));
			}
			diag_error(d, file, line,
			    "front matter is not valid YAML: %s%s%s%s",
			    p.problem ? p.problem : "syntax error",
			    at_end ? " " : "", at_end ? p.context : "",
			    colon ? " (a value with ': ' in it needs double quotes)" : "");
			errors++;
			break;
		}
		int line = file_line(map, nmap, first_line, ev.start_mark.line);
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		switch (t) {
		case YAML_DOCUMENT_START_EVENT:
			/* "--- # note" or "--- !tag" inside the block: YAML
			 * starts a second document there. */
			if (documents++ > 0) {
				diag_error(d, file, line, "a second YAML document starts "
				    "here: the front matter is one block of 'key: value' "
				    "lines, ended by a line of only '---'");
				errors++;
				goto out;
			}
			break;
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			break;
		case YAML_MAPPING_START_EVENT:
			if (state == TOP) {
				state = IN_MAP;
			} else if (state == IN_LIST) {
				diag_error(d, file, line, "'%s' must be a list of single "
				    "values, not of mappings", cur->key);
				errors++;
				goto out;
			} else {
				diag_error(d, file, line, "'%s' must be a single value "
				    "or a list, not a mapping", key ? key : "?");
				errors++;
				goto out;
			}
			break;
		case YAML_MAPPING_END_EVENT:
			state = DONE;
			break;
		case YAML_SEQUENCE_START_EVENT:
			if (state == IN_LIST) {
				diag_error(d, file, line, "'%s' must be a list of single "
				    "values, not of lists", cur->key);
				errors++;
				goto out;
			}
			if (state != IN_MAP || key == NULL) {
				diag_error(d, file, line, "front matter must be a list of "
				    "'key: value' lines");
				errors++;
				goto out;
			}
			cur = field_add(fm, key, key_line);
			free(key);
			key = NULL;
			state = IN_LIST;
			break;
		case YAML_SEQUENCE_END_EVENT:
			state = IN_MAP;
			cur = NULL;
			break;
		case YAML_SCALAR_EVENT: {
			const char *v = (const char *)ev.data.scalar.value;
			/* "\0" in a quoted value would cut it short in C. */
			if (memchr(v, '\0', ev.data.scalar.length)) {
				diag_error(d, file, line,
				    "a value contains a NUL character (\\0)");
				errors++;
				goto out;
			}
			if (state == IN_LIST) {
				cur->items = xgrow(cur->items, cur->nitems,
				    sizeof *cur->items);
				cur->item_lines = xgrow(cur->item_lines, cur->nitems,
				    sizeof *cur->item_lines);
				cur->item_lines[cur->nitems] = line;
				cur->items[cur->nitems++] = xstrdup(v);
			} else if (state == IN_MAP && key == NULL) {
				if (fm->nfields >= MAX_FIELDS) {
					diag_error(d, file, line, "front matter has more "
					    "than %d fields", MAX_FIELDS);
					errors++;
					goto out;
				}
				if (frontmatter_get(fm, v)) {
					diag_error(d, file, line, "'%s' is given twice", v);
					errors++;
				}
				key = xstrdup(v);
				key_line = line;
			} else if (state == IN_MAP) {
				if (strcmp(key, "title") == 0)
					title_comment(&ev, yaml, len, file, line, d);
				cur = field_add(fm, key, key_line);
				/* "key: ~" is YAML's null, as "key:" is: no value. */
				cur->value = xstrdup(plain_null(&ev) ? "" : v);
				cur = NULL;
				free(key);
				key = NULL;
			} else {
				diag_error(d, file, line, "front matter must be a list of "
				    "'key: value' lines");
				errors++;
				goto out;
			}
			break;
		}
		case YAML_ALIAS_EVENT:
			diag_error(d, file, line,
			    "YAML aliases are not allowed in front matter");
			errors++;
			goto out;
		default:
			break;
		}
		yaml_event_delete(&ev);
		continue;
out:
		yaml_event_delete(&ev);
		break;
	}
	free(key);
	free(map);
	yaml_parser_delete(&p);
	return errors ? -1 : 0;
}

int
frontmatter_parse(const char *file, const char *text, size_t len,
    struct frontmatter *fm, struct diag *d)
{
	size_t off = 0, l;
	memset(fm, 0, sizeof *fm);

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	size_t after = next_line(text, len, off, &l);
	if (l != 3 || memcmp(text + off, "---", 3) != 0) {
		diag_error(d, file, 1, "no front matter: the file must begin with a "
		    "'---' line");
		return -1;
	}
	size_t start = after, pos = after;
	int line = 2;
	while (pos < len) {
		size_t next = next_line(text, len, pos, &l);
		if (l == 3 && (memcmp(text + pos, "---", 3) == 0 ||
		    memcmp(text + pos, "...", 3) == 0)) {
			fm->body_offset = next;
			fm->body_line = line + 1;
			return parse_yaml(file, text + start, pos - start, 2, fm, d);
		}
		pos = next;
		line++;
	}
	diag_error(d, file, 1, "front matter is not closed by a '---' line");
	return -1;
}

const struct fm_field *
frontmatter_get(const struct frontmatter *fm, const char *key)
{
	for (size_t i = 0; i < fm->nfields; i++)
		if (strcmp(fm->fields[i].key, key) == 0)
			return &fm->fields[i];
	return NULL;
}

struct item {
	const char *s;
	size_t i;
};

static int
item_cmp(const void *x, const void *y)
{
	const struct item *a = x, *b = y;
	int c = strcmp(a->s, b->s);
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* Found by sorting: compared with every item before it, a list of 60,000
 * related ids took 11 s. */
bool *
frontmatter_repeats(const struct fm_field *f)
{
	struct item *v = xmalloc((f->nitems + 1) * sizeof *v);
	bool *again = xcalloc(f->nitems + 1, sizeof *again);
	for (size_t i = 0; i < f->nitems; i++)
		v[i] = (struct item){ f->items[i], i };
	qsort(v, f->nitems, sizeof *v, item_cmp);
	for (size_t k = 1; k < f->nitems; k++)
		if (strcmp(v[k].s, v[k - 1].s) == 0)
			again[v[k].i] = true;
	free(v);
	return again;
}

void
frontmatter_free(struct frontmatter *fm)
{
	for (size_t i = 0; i < fm->nfields; i++)
		field_free(&fm->fields[i]);
	free(fm->fields);
	memset(fm, 0, sizeof *fm);
}
