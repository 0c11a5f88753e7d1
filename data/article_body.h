/* article_body.h: the Markdown part of an article file, after its front
 * matter. cmark parses it; the sections are the top-level level-2
 * headings, found by walking the top level of cmark's tree, and their
 * text by cmark's iterator, never by recursion. For article.c only. */
#ifndef BEDSIDE_ARTICLE_BODY_H
#define BEDSIDE_ARTICLE_BODY_H

#include <stddef.h>

#include "article.h"
#include "article_cite.h"
#include "diag.h"

struct body {
	const char *file;
	const char *text;
	size_t len;
	size_t *line_start;     /* offset of each line, from line 1 */
	int nlines;
	int first_line;         /* file line of body line 1 */
};

/* text (len bytes, not copied) starts at line first_line of file. */
void body_init(struct body *b, const char *file, const char *text, size_t len,
    int first_line);
void body_free(struct body *b);
/* The file's line for a line cmark reports (1-based; 0: the first). */
int body_file_line(const struct body *b, int cmark_line);
/* Adds the body's sections and references to a and the citations its text
 * makes to cites, every problem to d. Returns the number of level-1 and
 * level-2 headings, sections or not. */
int body_parse(struct body *b, const struct article_rules *rules, struct article *a,
    struct citations *cites, struct diag *d);

#endif
