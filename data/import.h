/* import.h: `bedside import`: article files in, one new database file out.
 *
 * Import is all-or-nothing. The database is copied to a temporary file
 * beside it, and each file is checked and its article written there as it
 * is read; once every file has passed, the new file is synced and renamed
 * over the old one, so a reader sees the old database or the new one and
 * never waits for or fails on an import. Any problem rejects the whole
 * import: the new file is removed, the database was never touched. */
#ifndef BEDSIDE_IMPORT_H
#define BEDSIDE_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"

struct import_options {
	bool replace_all;       /* --replace: the database holds exactly these
	                         * articles (its levels and statuses stay) */
	bool progress;          /* draw progress on stderr (a terminal) */
};

struct import_result {
	int files;
	int articles;
	int replaced;           /* ids that were already in the database */
	int removed;            /* with replace_all: articles dropped */
	int warnings;
};

/* Exit statuses, as SPEC section 2 gives them. */
enum {
	IMPORT_OK = 0,
	IMPORT_DB_ERROR = 3,
	IMPORT_REJECTED = 4,
};

/* Imports the .md files named, and those found under folders named, into
 * dbpath (created if missing). Problems are written to errors as
 * "FILE:LINE: reason" lines. */
int import_paths(const char *dbpath, char *const *paths, int npaths,
    const struct import_options *opt, struct import_result *res, FILE *errors);

#endif
