/* fuzz_query.c: libFuzzer harness for the search-query builder. Whatever
 * is typed, the query it builds must run in FTS5 without an error: as
 * query_build() writes it, and as query_build_known() does for an index
 * that has every word asked about (every group of other spellings and
 * joined words it can make); and query_phrases() must read back a phrase
 * for every word. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "query.h"

static bool
known(void *arg, const char *word, size_t len, bool prefix)
{
	(void)arg, (void)word, (void)len, (void)prefix;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sqlite3 *db;
static sqlite3_stmt *st;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (db == NULL) {
		if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
		    sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(a, b, "
		    "tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
		    "INSERT INTO t VALUES ('heart failure and fever', "
		    "'the quick brown fox');",
		    NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 "
		    "ORDER BY rank", -1, &st, NULL) != SQLITE_OK)
			abort();
	}
	char *typed = xstrndup((const char *)data, size);
	for (int pass = 0; pass < 2; pass++) {
		char *q = pass ? query_build_known(typed, known, NULL) : query_build(typed);
		if (q == NULL)
			continue;
		sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE)
			abort();
		sqlite3_reset(st);
		char *w[QUERY_MAX_WORDS];
		size_t nw = query_words(typed, w, QUERY_MAX_WORDS);
		struct query_phrase ph[QUERY_MAX_PHRASES];
		struct query_group g[QUERY_MAX_PHRASES];
		size_t nph = query_phrases(q, ph, QUERY_MAX_PHRASES);
		size_t ng = query_groups(q, ph, nph, g, QUERY_MAX_PHRASES);
		if (ng == 0 || g[ng - 1].word + g[ng - 1].nwords != nw)
			abort();
		for (size_t i = 0; i < nw; i++)
			free(w[i]);
		free(q);
	}
	free(typed);
	return 0;
}
