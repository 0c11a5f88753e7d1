/* db_fixture.h: what the database tests (test_db.c, test_db_search.c)
 * share: a database imported afresh from the fixture articles before
 * each test, in a folder made for the run, and a stop hook that counts
 * its calls. */
#ifndef BEDSIDE_DB_FIXTURE_H
#define BEDSIDE_DB_FIXTURE_H

#include <check.h>
#include <stdbool.h>

#include "db.h"

/* The checked fixture: imports tests/fixtures/good (three articles) into
 * db_fixture_path(), and removes the database and its lock after. */
void db_fixture_setup(void);
void db_fixture_teardown(void);

/* The fixture database's file. */
const char *db_fixture_path(void);

/* The fixture database opened for reading; fails the test if it cannot. */
struct db *db_fixture_open(void);

/* The stop hook (db_set_stop): counts its calls, says stop from call
 * `at` on. */
struct db_fixture_stopper {
	int calls, at;
};
bool db_fixture_stop_at(void *arg);

/* Runs the suite in one process (the fixture runs in it, so no forking
 * games), with the fixture's folder made before and removed after; the
 * exit status for main(). */
int db_fixture_run(Suite *s);

#endif
