/* diag.h: problems found in input files, kept as "FILE:LINE: reason"
 * lines so that every problem is reported, not just the first. */
#ifndef BEDSIDE_DIAG_H
#define BEDSIDE_DIAG_H

#include "buf.h"

struct diag {
	struct buf text;        /* one line per problem, each ending in '\n' */
	int errors;
	int warnings;
};

#define DIAG_INIT { BUF_INIT, 0, 0 }

/* The file name and reason are made safe to print (see text.h). */
void diag_error(struct diag *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_warning(struct diag *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Appends from's problems to to, and empties from. */
void diag_move(struct diag *to, struct diag *from);
void diag_free(struct diag *d);

#endif
