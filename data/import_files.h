/* import_files.h: finding and reading the files of an import. */
#ifndef BEDSIDE_IMPORT_FILES_H
#define BEDSIDE_IMPORT_FILES_H

#include <stddef.h>

#include "diag.h"

struct file_list {
	char **v;
	size_t n;
};

/* Adds root if it is a .md file, or the .md files under it if it is a
 * folder (hidden entries skipped, sorted, at most 32 folders deep) to
 * files; each problem is an error in d. */
void import_collect(const char *root, struct file_list *files, struct diag *d);

/* The whole of a file (at most 64 MB), or NULL with an error in d. */
char *import_read_file(const char *path, size_t *len, struct diag *d);

#endif
