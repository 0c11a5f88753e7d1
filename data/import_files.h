/* import_files.h: finding and reading the files of an import. */
#ifndef BEDSIDE_IMPORT_FILES_H
#define BEDSIDE_IMPORT_FILES_H

#include <stddef.h>

#include "diag.h"

struct file_seen;

struct file_list {
	char **v;
	size_t n;
	struct file_seen *seen;         /* every file and folder reached */
};

/* Adds root if it is a .md file or a named pipe, or the .md files under
 * it if it is a folder (hidden entries skipped, sorted, at most 32 folders deep) to
 * files; each problem is an error in d. A file or folder already reached
 * (by this call or an earlier one with the same files) is left out, so
 * symbolic links that loop are followed once. */
void import_collect(const char *root, struct file_list *files, struct diag *d);

/* Frees what import_collect added to files. */
void import_files_free(struct file_list *files);

/* The whole of a file (at most 64 MB), or NULL with an error in d. */
char *import_read_file(const char *path, size_t *len, struct diag *d);

#endif
