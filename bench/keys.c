/* keys.c: types queries into a database a key at a time, as the browser
 * searches, for counting instructions with callgrind (bench/README):
 *
 *     make bench/keys
 *     valgrind --tool=callgrind bench/keys DB 'atrial fibrillation' ...
 *
 * Each key: the ranked rows (100, at the clinician level), then the
 * details and snippets of the first 7, what a screen of hits shows.
 * With no query it only opens the database and reads the row lengths,
 * the part to subtract from the other runs. -v prints each query's hits.
 * -n does on a key with no hit what the browser does to say why (other
 * levels, the word that finds nothing, close words for it); -c also
 * finds the closest matches, as many as the browser does (20). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db.h"

/* What the browser does on a key with no hit (tui/search_nohit.c). */
static int
no_hit(struct db *db, const char *typed, bool closest, bool verbose)
{
	char **levels, **sugg = NULL;
	size_t nlevels, nsugg = 0, from, to;
	if (db_other_levels(db, typed, "clinician", &levels, &nlevels) != 0)
		return -1;
	db_strings_free(levels, nlevels);
	if (nlevels > 0)
		return 0;
	if (db_unmatched(db, typed, "clinician", &from, &to) != 0)
		return -1;
	if (from < to) {
		char *w = strndup(typed + from, to - from);
		int rc = db_suggest(db, w, "clinician", &sugg, &nsugg, 5);
		free(w);
		if (rc != 0)
			return -1;
		db_strings_free(sugg, nsugg);
	}
	struct db_closest *c;
	size_t n = 0;
	if (closest && db_closest(db, typed, "clinician", 20, &c, &n) != 0)
		return -1;
	for (size_t i = 0; closest && i < n; i++) {
		if (verbose)
			printf("%s\tclosest %s\thas %zu\t%.17g\n", typed, c[i].hit.id,
			    c[i].have, c[i].hit.rank);
	}
	if (closest)
		db_closest_free(c, n);
	return 0;
}

int
main(int argc, char **argv)
{
	bool verbose = false, why = false, closest = false;
	for (; argc > 1 && argv[1][0] == '-' && argv[1][1] && !argv[1][2]; argv++, argc--) {
		verbose |= argv[1][1] == 'v';
		why |= argv[1][1] == 'n' || argv[1][1] == 'c';
		closest |= argv[1][1] == 'c';
	}
	if (argc < 2) {
		fprintf(stderr, "usage: keys [-v] [-n] [-c] DB [QUERY...]\n");
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
			if (n == 0 && why &&
			    no_hit(db, typed, closest, verbose && k == len) != 0)
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
