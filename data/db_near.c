/* db_near.c: the article ids near one that is not there, for "did you
 * mean" when a person or a script mistypes one. */
#include "config.h"
#include "db_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* Optimal string alignment distance of a and b (bytes, ASCII case
 * aside): a typed id is a few letters off, or two swapped. */
static size_t
id_distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t *row = xcalloc(3 * (lb + 1), sizeof *row);
	size_t *prev2 = row, *prev = row + lb + 1, *cur = row + 2 * (lb + 1);
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			int ca = text_ascii_lower((unsigned char)a[i - 1]);
			int cb = text_ascii_lower((unsigned char)b[j - 1]);
			size_t d = prev[j - 1] + (ca != cb);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (i > 1 && j > 1 &&
			    ca == text_ascii_lower((unsigned char)b[j - 2]) &&
			    cb == text_ascii_lower((unsigned char)a[i - 2]) &&
			    prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
		}
		size_t *t = prev2;
		prev2 = prev, prev = cur, cur = t;
	}
	size_t d = prev[lb];
	free(row);
	return d;
}

/* How far id is from typed, for db_near_ids(): an edit distance, or past
 * them one holding the other ("croup" in "croup-steroids"); SIZE_MAX if
 * they are not near. */
static size_t
id_nearness(const char *typed, size_t lt, const char *id)
{
	size_t li = strlen(id);
	size_t most = lt <= 4 ? 1 : lt <= 9 ? 2 : 3;
	size_t d = li > lt + most || lt > li + most ? SIZE_MAX :
	    id_distance(typed, lt, id, li);
	if (d <= most)
		return d;
	size_t apart = most + 1 + (li > lt ? li - lt : lt - li);
	if (lt >= 4 && li >= 4 && (strcasestr(id, typed) || strcasestr(typed, id)))
		return apart;
	/* A short one only as a word of the id: "dka" for "dka-adults". */
	for (const char *w = id; lt >= 2; w++) {
		if (strncasecmp(w, typed, lt) == 0 && (w[lt] == '-' || w[lt] == '\0'))
			return apart;
		if ((w = strchr(w, '-')) == NULL)
			break;
	}
	return SIZE_MAX;
}

int
db_near_ids(struct db *db, const char *typed, char ***out, size_t *n, size_t max)
{
	struct near { char *id; size_t score; } *best = xcalloc(max + 1, sizeof *best);
	size_t nbest = 0, lt = strnlen(typed, 100);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "SELECT id FROM articles ORDER BY id", -1, &st,
	    NULL) != SQLITE_OK) {
		free(best);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		size_t score = id ? id_nearness(typed, lt, id) : SIZE_MAX;
		if (score == SIZE_MAX)
			continue;
		if (nbest == max) {
			if (score >= best[max - 1].score)
				continue;
			free(best[--nbest].id);
		}
		/* In order of score, then of id (the rows come sorted). */
		size_t at = nbest++;
		while (at > 0 && best[at - 1].score > score) {
			best[at] = best[at - 1];
			at--;
		}
		best[at] = (struct near){ xstrdup(id), score };
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < nbest; i++)
			free(best[i].id);
		free(best);
		return -1;
	}
	*out = xcalloc(nbest + 1, sizeof **out);
	for (size_t i = 0; i < nbest; i++)
		(*out)[i] = best[i].id;
	*n = nbest;
	free(best);
	return 0;
}
