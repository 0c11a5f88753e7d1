/* article_cite.h: the citations ([1], [2, 3], [1-3]) an article's text
 * makes, as a reader will see them, for the importer's check that each
 * names a reference. */
#ifndef BEDSIDE_ARTICLE_CITE_H
#define BEDSIDE_ARTICLE_CITE_H

#include <cmark.h>
#include <stddef.h>

#include "cite.h"

/* Citations kept one by one, for an error at each; past this only the
 * first line citing each number is kept, so none goes unchecked. */
#define ARTICLE_MAX_CITED 4096

struct cited {
	int number;
	int line;               /* cmark's line, in the body */
};

/* The longest text kept of a marker that is no citation ("[...]"). */
#define ARTICLE_ODD_CITE_BYTES 40

struct citations {
	struct cited *v;
	size_t n;
	int first[CITE_MAX_NUMBER + 1];   /* line first citing n, or 0 */
	/* The first "[3-1]", "[0]" or "[1000]": numbers in brackets that
	 * are no citation, shown to readers as text. */
	int odd_line;                     /* 0: none */
	char odd[ARTICLE_ODD_CITE_BYTES + 1];
};

/* Adds the citations in node and below: text across soft line breaks,
 * and links whose text is a citation. */
void citations_collect(struct citations *c, cmark_node *node);
/* Adds the citations in text shown as typed (a code block's), whose first
 * line is cmark's line in the body. */
void citations_collect_lines(struct citations *c, const char *text, int line);
void citations_free(struct citations *c);

/* The line of a node, or of the nearest block holding it. */
int cite_node_line(cmark_node *n);

#endif
