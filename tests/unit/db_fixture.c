/* db_fixture.c: the database the database tests share (db_fixture.h). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "db.h"
#include "db_fixture.h"
#include "import.h"

static char dir[] = "/tmp/bedside-test-db.XXXXXX";
static char path[512];

void
db_fixture_setup(void)
{
	const char *fixtures = getenv("FIXTURES");
	ck_assert_ptr_nonnull(fixtures);
	char good[512];
	snprintf(good, sizeof good, "%s/good", fixtures);
	char *paths[] = { good };
	struct import_options opt = { 0 };
	struct import_result res;
	FILE *quiet = fopen("/dev/null", "w");
	ck_assert_int_eq(import_paths(path, paths, 1, &opt, &res, quiet), IMPORT_OK);
	fclose(quiet);
	ck_assert_int_eq(res.articles, 3);
}

void
db_fixture_teardown(void)
{
	unlink(path);
	char lock[600];
	snprintf(lock, sizeof lock, "%s.lock", path);
	unlink(lock);
}

const char *
db_fixture_path(void)
{
	return path;
}

struct db *
db_fixture_open(void)
{
	struct buf err = BUF_INIT;
	struct db *db = db_open(path, DB_READ, &err);
	ck_assert_msg(db != NULL, "open failed: %s", err.data);
	buf_free(&err);
	return db;
}

bool
db_fixture_stop_at(void *arg)
{
	struct db_fixture_stopper *st = arg;
	return ++st->calls >= st->at;
}

int
db_fixture_run(Suite *s)
{
	char *d = mkdtemp(dir);
	if (d == NULL)
		return EXIT_FAILURE;
	snprintf(path, sizeof path, "%s/test.db", d);
	SRunner *sr = srunner_create(s);
	/* One process: the fixture runs in it, so no forking games. */
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	rmdir(d);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
