/* article_text.c: see article_text.h. */
#include "article_text.h"

#include <ctype.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

char *
article_text_references(const struct db_article *a)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < a->nrefs; i++)
		buf_addf(&b, "%d. %s\n", a->refs[i].number, a->refs[i].body);
	return buf_detach(&b);
}

char *
article_text_topic(const char *path)
{
	struct buf b = BUF_INIT;
	const char *sep = text_ascii() ? " > " : " › ";
	for (const char *p = path; *p; p++) {
		if (*p == '/')
			buf_adds(&b, sep);
		else
			buf_addc(&b, *p);
	}
	char *safe = text_sanitized(b.data ? b.data : "", 0);
	buf_free(&b);
	return safe;
}

static void
heading(struct render_doc *doc, const char *title, int width)
{
	char up[64];
	size_t i;
	for (i = 0; title[i] && i < sizeof up - 1; i++)
		up[i] = (char)(title[i] >= 'a' && title[i] <= 'z' ? title[i] - 32 :
		    title[i]);
	up[i] = '\0';
	render_blank(doc);
	render_text(doc, up, width, 0, RS_HEADING | RS_STRONG);
}

void
article_text_render(struct render_doc *doc, const struct db_article *a,
    const struct db_summary *related, size_t nrelated, int width)
{
	struct buf b = BUF_INIT;
	char *topic = article_text_topic(a->topic);

	render_text(doc, a->title, width, 0, RS_HEADING | RS_STRONG);
	buf_addf(&b, "Topic: %s", topic);
	render_text(doc, b.data, width, 0, 0);
	buf_truncate(&b, 0);
	buf_addf(&b, "Status: %s · Updated: %s · Level: %s", a->status_label,
	    a->updated, a->level_label);
	/* Too wide for one line, a line each, as the browser's narrow
	 * header has them: wrapped, "Updated:" could end a line and its
	 * date begin the next. */
	if (text_width(b.data, b.len) > (size_t)width) {
		buf_truncate(&b, 0);
		buf_addf(&b, "Status: %s", a->status_label);
		render_text(doc, b.data, width, 0, 0);
		buf_truncate(&b, 0);
		buf_addf(&b, "Updated: %s", a->updated);
		render_text(doc, b.data, width, 0, 0);
		buf_truncate(&b, 0);
		buf_addf(&b, "Level: %s", a->level_label);
	}
	render_text(doc, b.data, width, 0, 0);
	free(topic);

	for (int k = 0; k < DB_KIND_COUNT; k++) {
		char *refs = NULL;
		const char *md = a->body[k];
		if (k == DB_REFERENCES && a->nrefs)
			md = refs = article_text_references(a);
		if (md == NULL || *md == '\0')
			continue;
		heading(doc, db_kind_title((enum db_kind)k), width);
		render_markdown(doc, md, width);
		free(refs);
	}
	if (nrelated) {
		/* A Markdown list, so that it is laid out as the panes' lists
		 * are (a blank line under the heading, hanging indents); every
		 * punctuation mark escaped, so a title is only text. */
		heading(doc, "Related", width);
		buf_truncate(&b, 0);
		for (size_t i = 0; i < nrelated; i++) {
			buf_adds(&b, "- ");
			for (const char *t = related[i].title; *t; t++) {
				if (ispunct((unsigned char)*t))
					buf_addc(&b, '\\');
				buf_addc(&b, *t);
			}
			buf_addf(&b, " \\(%s\\)\n", related[i].id);
		}
		render_markdown(doc, b.data, width);
	}
	buf_free(&b);
}
