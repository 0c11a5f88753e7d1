/* linefile.h: the small "one setting a line" files bedside reads (keymaps,
 * the config file): read whole under a size limit, split into lines (a
 * byte-order mark and CRLF endings allowed), and every bad line reported
 * as "FILE:LINE: reason" while the rest still loads. */
#ifndef BEDSIDE_LINEFILE_H
#define BEDSIDE_LINEFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

typedef void linefile_report_fn(void *ctx, const char *msg);
/* Takes line number lineno (NUL-terminated, no line ending, no NUL
 * inside); returns NULL if it is good, else the reason (which may point
 * into why). */
typedef const char *linefile_line_fn(void *ctx, unsigned long lineno, char *line,
    struct buf *why);

struct linefile {
	const char *kind;       /* "keymap", "config file": for messages */
	size_t max_line;        /* longer lines are reported, not read */
	size_t max_file;        /* larger files are refused whole */
	bool missing_ok;        /* a file that does not exist is no error */
	linefile_line_fn *line;
	void *line_ctx;
	linefile_report_fn *report;     /* may be NULL */
	void *report_ctx;
};

/* Every line of data[0..len), which may hold any bytes at all. Returns
 * the number of bad lines. name is used in messages. */
int linefile_parse(const struct linefile *lf, const char *name, const char *data,
    size_t len);
/* Reads and parses the file at path. Returns the number of bad lines, or
 * -1 if it cannot be read or is too large (reported), or 0 if it does not
 * exist and missing_ok is set. */
int linefile_load(const struct linefile *lf, const char *path);
/* Reports "NAME:LINE: reason", or "NAME: reason" when line is 0. */
void linefile_report(const struct linefile *lf, const char *name,
    unsigned long line, const char *reason);

#endif
