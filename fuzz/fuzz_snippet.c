/* fuzz_snippet.c: libFuzzer harness for the snippets made from a row's
 * text (data/db_snippet.c). Whatever the row's text and whatever is
 * typed, the snippet must be the one FTS5's snippet() gives for the
 * column that is the hit's pane, but for a number FTS5 cuts that ours
 * shows whole: any other difference aborts.
 *
 * The spelling vocabulary is the row's words, so that the query has the
 * groups a search makes where the index has a word in another spelling
 * or two words as one ("anemia" with "anaemia" in the row: ("anemia" OR
 * "anaemia")), and FTS5 is the judge of those too.
 *
 * Input: the typed query, a newline, then the row's title, answer, key
 * points, research and references, NUL-separated. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "query.h"
#include "../tests/unit/snippet_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define COLUMNS 5

static char path[] = "/tmp/bedside-fuzz-snippet.XXXXXX";
static sqlite3 *writer;
static struct db *db;
static sqlite3_stmt *del, *put, *want;

static void
remove_file(void)
{
	unlink(path);
}

/* FTS5's snippet() of one column. */
#define SNIP(c) "snippet(search, " #c ", char(1), char(2), '\xe2\x80\xa6', 14)"

static void
setup(void)
{
	struct buf err = BUF_INIT;
	int fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	atexit(remove_file);
	if (sqlite3_open(path, &writer) != SQLITE_OK ||
	    db_create_schema(writer, &err) != 0 ||
	    sqlite3_exec(writer, "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY",
	    NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(writer, "DELETE FROM search WHERE rowid = 8", -1, &del,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(writer, "INSERT INTO search (rowid, title, answer, "
	    "key_points, research, refs, article_id, level) VALUES "
	    "(8, ?1, ?2, ?3, ?4, ?5, 'x', 'clinician')", -1, &put, NULL) != SQLITE_OK ||
	    sqlite3_exec(writer, "CREATE VIRTUAL TABLE temp.vocab USING "
	    "fts5vocab(main, search, row)", NULL, NULL, NULL) != SQLITE_OK)
		abort();
	if ((db = db_open(path, DB_READ, &err)) == NULL ||
	    sqlite3_prepare_v2(db_handle(db), "SELECT " SNIP(0) ", " SNIP(1) ", "
	    SNIP(2) ", " SNIP(3) ", " SNIP(4) " FROM search WHERE search MATCH ?1 "
	    "AND rowid = 8", -1, &want, NULL) != SQLITE_OK)
		abort();
	buf_free(&err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (db == NULL)
		setup();
	const char *p = (const char *)data, *end = p + size;
	const char *nl = memchr(p, '\n', size);
	char *typed = xstrndup(p, nl ? (size_t)(nl - p) : size);
	p = nl ? nl + 1 : end;

	sqlite3_step(del);
	sqlite3_reset(del);
	for (int c = 0; c < COLUMNS; c++) {
		const char *e = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
		size_t n = p < end ? (e ? (size_t)(e - p) : (size_t)(end - p)) : 0;
		/* Bytes 1 and 2 are the marks snippet() is asked for: in the
		 * text they would pass for matches (see col below). */
		char *text = xstrndup(p < end ? p : "", n);
		for (char *t = text; t < text + n; t++)
			if (*t == 1 || *t == 2)
				*t = ' ';
		sqlite3_bind_text(put, c + 1, text, (int)n, free);
		p = e ? e + 1 : end;
	}
	if (sqlite3_step(put) != SQLITE_DONE)
		abort();
	sqlite3_reset(put);
	if (sqlite3_exec(writer, "DELETE FROM spell_words; INSERT INTO spell_words "
	    "SELECT length(term), term, doc FROM temp.vocab",
	    NULL, NULL, NULL) != SQLITE_OK)
		abort();

	char *match = db_match(db, typed);
	if (match) {
		sqlite3_bind_text(want, 1, match, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(want) == SQLITE_ROW) {
			/* The hit's pane: the first of answer, key points,
			 * research and references with a match, else the
			 * title (db_rank_best_column). */
			int col = 0;
			for (int c = 1; c < COLUMNS && col == 0; c++)
				if (strchr((const char *)sqlite3_column_text(want, c), 1))
					col = c;
			char *fts5 = xstrdup((const char *)sqlite3_column_text(want, col));
			sqlite3_reset(want);
			struct db_hit hit = { .row = 8 };
			if (db_hit_snippets(db, typed, &hit, 0, 1) != 0 ||
			    hit.snippet == NULL)
				abort();
			if (strcmp(hit.snippet, fts5) != 0 &&
			    !widened_number(fts5, hit.snippet)) {
				fprintf(stderr, "typed: %s\nfts5: %s\nours: %s\n",
				    typed, fts5, hit.snippet);
				abort();
			}
			free(hit.snippet);
			free(fts5);
		}
		sqlite3_reset(want);
	}
	free(match);
	free(typed);
	return 0;
}
