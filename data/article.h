/* article.h: one article source file, parsed and validated. Markdown is
 * parsed with cmark; sections are found by walking the top level of its
 * tree, and text by cmark's iterator, never by recursion. */
#ifndef BEDSIDE_ARTICLE_H
#define BEDSIDE_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "diag.h"

struct article_section {
	enum db_kind kind;
	char *level;            /* NULL: every level */
	char *body;             /* Markdown as written */
	char *plain;            /* text without markup, safe, for the index */
	int line;
};

struct article_ref {
	int number;
	char *body;
	int line;       /* of its entry in the file */
};

struct article {
	char *file;
	char *id;
	char *title;
	char *topic;            /* normalised: segments trimmed, '/' joined */
	char *updated;
	char *status;
	char **related;
	size_t nrelated;
	int *related_lines;     /* each related id's line in the file */
	int id_line;
	struct article_section *sections;
	size_t nsections;
	struct article_ref *refs;
	size_t nrefs;
};

/* What the database says is allowed: level and status names. */
struct article_rules {
	char **levels;
	size_t nlevels;
	char **statuses;
	size_t nstatuses;
};

/* Parses and validates text (the whole file) into a. Every problem found
 * is added to d; returns the number of errors (0: a is complete). */
int article_parse(const char *file, const char *text, size_t len,
    const struct article_rules *rules, struct article *a, struct diag *d);
void article_free(struct article *a);

bool article_id_valid(const char *id);
bool article_date_valid(const char *date);
/* NULL if date is valid, else what is wrong with it, for a message. */
const char *article_date_problem(const char *date);

/* The section of kind shown at level (a level's own one, else the one for
 * every level), or NULL. */
const struct article_section *article_section_at(const struct article *a,
    enum db_kind kind, const char *level);
/* True if some section is restricted to level. */
bool article_has_level(const struct article *a, const char *level);

#endif
