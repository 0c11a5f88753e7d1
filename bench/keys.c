/* keys.c: types queries into a database a key at a time, as the browser
 * searches, for counting instructions with callgrind (bench/README):
 *
 *     make bench/keys
 *     valgrind --tool=callgrind bench/keys DB 'atrial fibrillation' ...
 *
 * Each key: the ranked rows (100, at the clinician level), then the
 * details and snippets of the first 7, what a screen of hits shows.
 * With no query it only opens the database and reads the row lengths,
 * the part to subtract from the other runs. -v prints each query's hits. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db.h"

int
main(int argc, char **argv)
{
	bool verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	if (verbose) {
		argv++;
		argc--;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: keys [-v] DB [QUERY...]\n");
		return 2;
	}
	struct buf err = BUF_INIT;
	struct db *db = db_open(argv[1], DB_READ, &err);
	if (db == NULL) {
		fprintf(stderr, "keys: %s\n", err.data);
		return 1;
	}
	db_keep_row_lengths(db);
	if (db_read_ahead(db) != 0)
		return 1;
	for (int q = 2; q < argc; q++) {
		size_t len = strlen(argv[q]);
		for (size_t k = 1; k <= len; k++) {
			char *typed = malloc(k + 1);
			memcpy(typed, argv[q], k);
			typed[k] = '\0';
			struct db_hit *h;
			size_t n;
			if (db_search_rows(db, typed, "clinician", 100, true, &h, &n) != 0)
				return 1;
			size_t shown = n < 7 ? n : 7;
			if (db_hit_details(db, h, 0, shown) != 0 ||
			    db_hit_snippets(db, typed, h, 0, shown) != 0)
				return 1;
			if (verbose && k == len)
				for (size_t i = 0; i < n; i++)
					printf("%s\t%s\t%.17g\n", argv[q],
					    h[i].id ? h[i].id : "-", h[i].rank);
			db_hits_free(h, n);
			free(typed);
		}
	}
	db_close(db);
	buf_free(&err);
	return 0;
}
