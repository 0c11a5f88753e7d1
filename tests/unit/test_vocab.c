/* test_vocab.c: the spelling vocabulary's scans of the search rows
 * (vocab_scan(), data/db_vocab.c): a range counts the words of its rows
 * alone, and reads no others. The importer scans the rows of each
 * article it replaces; a scan that read every row made replacing a
 * collection take time growing with its square. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db_internal.h"

#define ROWS 200

/* A database in memory with ROWS search rows, rowids 8 to 8 * ROWS + 7
 * stepping by 8; the row numbered 8 alone says "zebra", the last alone
 * "walrus". */
static sqlite3 *
open_rows(void)
{
	sqlite3 *h;
	struct buf err = BUF_INIT;
	ck_assert_int_eq(sqlite3_open(":memory:", &h), SQLITE_OK);
	ck_assert_msg(db_create_schema(h, &err) == 0, "schema: %s", err.data);
	buf_free(&err);
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(h, "INSERT INTO search (rowid, title, answer, "
	    "key_points, research, refs, article_id, level) VALUES (?1, 'A title', ?2, "
	    "'Key points.', 'Research.', 'Ref.', 'x', 'clinician')", -1, &st, NULL),
	    SQLITE_OK);
	for (int i = 1; i <= ROWS; i++) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i * 8);
		sqlite3_bind_text(st, 2, i == 1 ? "An answer with zebra." : i == ROWS ?
		    "An answer with walrus." : "An answer.", -1, SQLITE_STATIC);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return h;
}

static int
count_step(void *arg)
{
	++*(long *)arg;
	return 0;
}

/* The virtual machine's steps for one scan: they grow with the rows read. */
static long
scan_steps(sqlite3 *h, sqlite3_int64 lo, sqlite3_int64 hi)
{
	struct vocab *v = vocab_new(h);
	ck_assert_ptr_nonnull(v);
	long steps = 0;
	sqlite3_progress_handler(h, 1, count_step, &steps);
	ck_assert_int_eq(vocab_scan(v, h, lo, hi, 1), 0);
	sqlite3_progress_handler(h, 0, NULL, NULL);
	vocab_free(v);
	return steps;
}

START_TEST(range_reads_only_its_rows)
{
	sqlite3 *h = open_rows();
	long one = scan_steps(h, 8, 15), all = scan_steps(h, 0, -1);
	ck_assert_msg(one * 20 < all, "one article's rows took %ld steps, all %d rows %ld",
	    one, ROWS, all);
	sqlite3_close(h);
}
END_TEST

static long
docs_of(sqlite3 *h, const char *word)
{
	sqlite3_stmt *st;
	long docs = 0;
	ck_assert_int_eq(sqlite3_prepare_v2(h,
	    "SELECT docs FROM spell_words WHERE word = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		docs = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return docs;
}

START_TEST(range_counts_its_rows)
{
	sqlite3 *h = open_rows();
	struct vocab *v = vocab_new(h);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(vocab_scan(v, h, 8, 15, 1), 0);
	ck_assert_int_eq(vocab_store(v, h), 0);
	vocab_free(v);
	ck_assert_int_eq(docs_of(h, "zebra"), 1);
	ck_assert_int_eq(docs_of(h, "answer"), 1);
	ck_assert_int_eq(docs_of(h, "walrus"), 0);
	sqlite3_close(h);
}
END_TEST

START_TEST(whole_scan_counts_every_row)
{
	sqlite3 *h = open_rows();
	struct vocab *v = vocab_new(h);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(vocab_scan(v, h, 0, -1, 1), 0);
	ck_assert_int_eq(vocab_store(v, h), 0);
	vocab_free(v);
	ck_assert_int_eq(docs_of(h, "answer"), ROWS);
	ck_assert_int_eq(docs_of(h, "walrus"), 1);
	sqlite3_close(h);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("vocab");
	TCase *tc = tcase_create("scan");
	tcase_add_test(tc, range_reads_only_its_rows);
	tcase_add_test(tc, range_counts_its_rows);
	tcase_add_test(tc, whole_scan_counts_every_row);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
