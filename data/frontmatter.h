/* frontmatter.h: the YAML block at the top of an article, read with
 * libyaml. Only a flat mapping of scalars and lists of scalars is valid. */
#ifndef BEDSIDE_FRONTMATTER_H
#define BEDSIDE_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct fm_field {
	char *key;
	char *value;            /* a scalar, or NULL for a list */
	char **items;           /* a list's items */
	size_t nitems;
	int *item_lines;        /* each item's line: a block list has one each */
	int line;               /* in the file, from 1 */
};

struct frontmatter {
	struct fm_field *fields;
	size_t nfields;
	size_t body_offset;     /* where the Markdown starts in the file */
	int body_line;          /* the file's line number of that offset */
};

/* Splits the front matter off text and parses it. Problems go to d with
 * file's line numbers. Returns 0 if the block was found and parsed. */
int frontmatter_parse(const char *file, const char *text, size_t len,
    struct frontmatter *fm, struct diag *d);
const struct fm_field *frontmatter_get(const struct frontmatter *fm, const char *key);
/* For each item of a list field, whether an item before it is the same;
 * free() the array. */
bool *frontmatter_repeats(const struct fm_field *f);
void frontmatter_free(struct frontmatter *fm);

#endif
