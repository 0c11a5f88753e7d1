/* diag.h: problems found in input files, kept as "FILE:LINE: reason"
 * lines so that every problem is reported, not just the first. */
#ifndef BEDSIDE_DIAG_H
#define BEDSIDE_DIAG_H

#include "buf.h"

/* Where a problem's line starts in text, and the line of the file it is
 * about (0: the file as a whole). */
struct diag_entry {
	size_t off;
	int line;
};

struct diag {
	struct buf text;        /* one line per problem, each ending in '\n' */
	int errors;
	int warnings;
	struct diag_entry *at;  /* one per problem, in the order found */
	size_t n;
};

#define DIAG_INIT { BUF_INIT, 0, 0, NULL, 0 }

/* The file name and reason are made safe to print (see text.h). */
void diag_error(struct diag *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_warning(struct diag *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Appends from's problems to to, in the order of their lines (a file's
 * problems are found section by section, not top to bottom), and empties
 * from. */
void diag_move(struct diag *to, struct diag *from);
void diag_free(struct diag *d);

#endif
