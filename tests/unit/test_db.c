/* test_db.c: the schema, opening rules, the topic tree, articles and the
 * integrity check, on a database imported from the fixture articles
 * (db_fixture.c). The searches are in test_db_search.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "db_fixture.h"

static void
exec_on_copy(const char *sql, char *copy, size_t len)
{
	const char *path = db_fixture_path();
	snprintf(copy, len, "%s.copy", path);
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", path, copy);
	ck_assert_int_eq(system(cmd), 0);
	sqlite3 *h;
	ck_assert_int_eq(sqlite3_open(copy, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

START_TEST(schema_version_rules)
{
	char copy[600];
	struct buf err = BUF_INIT;

	exec_on_copy("PRAGMA user_version = 4", copy, sizeof copy);
	ck_assert_ptr_null(db_open(copy, DB_READ, &err));
	ck_assert_ptr_nonnull(strstr(err.data, "schema version 4 is newer"));
	buf_truncate(&err, 0);

	exec_on_copy("PRAGMA user_version = 0", copy, sizeof copy);
	ck_assert_ptr_null(db_open(copy, DB_READ, &err));
	ck_assert_ptr_nonnull(strstr(err.data, "unknown schema version 0"));
	buf_truncate(&err, 0);

	exec_on_copy("CREATE TRIGGER t AFTER INSERT ON topics BEGIN SELECT 1; END",
	    copy, sizeof copy);
	ck_assert_ptr_null(db_open(copy, DB_READ, &err));
	ck_assert_ptr_nonnull(strstr(err.data, "unexpected trigger 't'"));
	buf_truncate(&err, 0);

	/* A fresh schema is exactly what db_open accepts. */
	unlink(copy);
	sqlite3 *h;
	ck_assert_int_eq(sqlite3_open(copy, &h), SQLITE_OK);
	ck_assert_int_eq(db_create_schema(h, &err), 0);
	sqlite3_close(h);
	struct db *db = db_open(copy, DB_READ, &err);
	ck_assert_msg(db != NULL, "%s", err.data ? err.data : "");
	struct db_level *lv;
	size_t n;
	ck_assert_int_eq(db_levels(db, &lv, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(lv[0].name, "clinician");
	ck_assert_str_eq(lv[1].name, "patient");
	db_levels_free(lv, n);
	db_close(db);
	unlink(copy);
	buf_free(&err);
}
END_TEST

START_TEST(topic_tree)
{
	struct db *db = db_fixture_open();
	struct db_topic *t;
	size_t n;
	ck_assert_int_eq(db_topics(db, &t, &n), 0);
	ck_assert_uint_eq(n, 6);
	const char *paths[] = { "Other", "Other/Sprockets", "Other/Sprockets/Small",
		"Testing", "Testing/Gadgets", "Testing/Widgets" };
	int depths[] = { 0, 1, 2, 0, 1, 1 }, totals[] = { 1, 1, 1, 2, 1, 1 };
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(t[i].path, paths[i]);
		ck_assert_int_eq(t[i].depth, depths[i]);
		ck_assert_int_eq(t[i].total, totals[i]);
	}
	struct db_summary *s;
	size_t ns;
	ck_assert_int_eq(db_articles_in_topic(db, t[5].id, &s, &ns), 0);
	ck_assert_uint_eq(ns, 1);
	ck_assert_str_eq(s[0].id, "alpha");
	db_summaries_free(s, ns);
	db_topics_free(t, n);
	db_close(db);
}
END_TEST

START_TEST(article_levels)
{
	struct db *db = db_fixture_open();
	struct db_article a;
	ck_assert_int_eq(db_article_load(db, "alpha", "patient", &a), 0);
	ck_assert_str_eq(a.level, "patient");
	ck_assert_ptr_nonnull(strstr(a.body[DB_ANSWER], "Patient answer"));
	ck_assert_ptr_nonnull(strstr(a.body[DB_RESEARCH], "Research finding"));
	ck_assert(a.disclaimer_is_default);
	ck_assert_uint_eq(a.nrefs, 2);
	ck_assert_uint_eq(a.nrelated, 1);
	ck_assert_str_eq(a.related[0], "beta");
	ck_assert_uint_eq(a.nlevels, 2);
	db_article_free(&a);

	/* an unknown level falls back to the article's first */
	ck_assert_int_eq(db_article_load(db, "alpha", "nurse", &a), 0);
	ck_assert_str_eq(a.level, "clinician");
	db_article_free(&a);

	ck_assert_int_eq(db_article_load(db, "gamma", "patient", &a), 0);
	ck_assert(!a.disclaimer_is_default);
	ck_assert_str_eq(a.body[DB_DISCLAIMER], "A disclaimer written by the author.");
	db_article_free(&a);

	ck_assert_int_eq(db_article_load(db, "nosuch", NULL, &a), 1);
	db_close(db);
}
END_TEST

START_TEST(integrity)
{
	struct db *db = db_fixture_open();
	struct buf report = BUF_INIT;
	ck_assert_int_eq(db_check(db, &report), 0);
	buf_free(&report);
	db_close(db);
}
END_TEST

/* A query that fails part way (here the stop hook interrupts it) gives
 * back nothing, not the rows it read before: callers that only reset
 * *out on failure leaked those. */
START_TEST(failed_query_returns_nothing)
{
	struct db *db = db_fixture_open();
	enum { NIDS = 2000 };
	char **ids = calloc(NIDS, sizeof *ids);
	for (size_t i = 0; i < NIDS; i++)
		ids[i] = "alpha";
	struct db_summary *s = NULL;
	size_t ns = 0;
	ck_assert_int_eq(db_summaries(db, ids, NIDS, &s, &ns), 0);
	ck_assert_uint_eq(ns, NIDS);
	db_summaries_free(s, ns);

	/* Each lookup is a few dozen steps of SQLite's machine: the hook
	 * is asked, and stops it, some way into the list. */
	struct db_fixture_stopper now = { 0, 1 };
	db_set_stop(db, db_fixture_stop_at, &now);
	s = (struct db_summary *)&now;
	ns = 99;
	ck_assert_int_eq(db_summaries(db, ids, NIDS, &s, &ns), -1);
	ck_assert_int_ge(now.calls, 1);
	ck_assert_ptr_null(s);
	ck_assert_uint_eq(ns, 0);
	db_set_stop(db, NULL, NULL);

	ck_assert_int_eq(db_summaries(db, ids, 2, &s, &ns), 0);
	ck_assert_uint_eq(ns, 2);
	db_summaries_free(s, ns);
	free(ids);
	db_close(db);
}
END_TEST

static Suite *
db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, db_fixture_setup, db_fixture_teardown);
	tcase_add_test(tc, schema_version_rules);
	tcase_add_test(tc, topic_tree);
	tcase_add_test(tc, article_levels);
	tcase_add_test(tc, integrity);
	tcase_add_test(tc, failed_query_returns_nothing);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return db_fixture_run(db_suite());
}
