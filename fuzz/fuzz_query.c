/* fuzz_query.c: libFuzzer harness for the search-query builder. Whatever
 * is typed, the query it builds must run in FTS5 without an error. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "query.h"

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
		    "INSERT INTO t VALUES ('heart failure and fever', 'the quick brown fox');",
		    NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rank",
		    -1, &st, NULL) != SQLITE_OK)
			abort();
	}
	char *typed = xstrndup((const char *)data, size);
	char *q = query_build(typed);
	if (q) {
		sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE)
			abort();
		sqlite3_reset(st);
		free(q);
	}
	free(typed);
	return 0;
}
