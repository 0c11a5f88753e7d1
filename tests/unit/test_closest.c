/* test_closest.c: the closest matches of a query no article has every
 * word of (db_closest(), data/db_closest.c): ranked first by how many of
 * the words an article has, then by bm25; common words neither rank nor
 * find one; each says the words it lacks. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "import.h"

static char dir[] = "/tmp/bedside-test-closest.XXXXXX";

static void
write_article(const char *folder, const char *id, const char *title,
    const char *clinician, const char *patient)
{
	char file[700];
	snprintf(file, sizeof file, "%s/%s.md", folder, id);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "---\nid: %s\ntitle: %s\ntopic: Testing/Closest\nupdated: 2026-01-15\n"
	    "status: approved\n---\n\n## Answer {level=clinician}\n%s\n\n"
	    "## Answer {level=patient}\n%s\n", id, title, clinician, patient);
	fclose(f);
}

/* 30 articles, 60 search rows: enough that a word in every row but one
 * ("what") is common. Filler articles say "what" and nothing of the
 * words below. */
static struct db *
open_fixture(void)
{
	static bool made;
	char folder[600], path[600];
	snprintf(folder, sizeof folder, "%s/articles", dir);
	snprintf(path, sizeof path, "%s/closest.db", dir);
	if (!made) {
		ck_assert_int_eq(mkdir(folder, 0700), 0);
		/* Four of the five rare words, once each in a long text. */
		char longer[4096] = "Alpha and bravo, then charlie and delta, what";
		for (int i = 0; i < 300; i++)
			strcat(longer, " padding");
		write_article(folder, "four", "What is filler text here?", longer,
		    "What plain.");
		/* Two of them, many times and in the title: the better bm25. */
		write_article(folder, "two", "What of alpha bravo?",
		    "Alpha bravo alpha bravo alpha bravo alpha bravo alpha bravo what.",
		    "What plain.");
		/* "echo" alone, at the clinician level only. */
		write_article(folder, "one", "What about echo?", "Echo what.",
		    "What plain.");
		/* The rare word in the title and nothing else: no "what". */
		write_article(folder, "golf", "Golf golf", "Golf.", "Plain.");
		/* "golf" once, with the common word. */
		write_article(folder, "golfwhat", "What filler here?", "What golf.",
		    "What plain.");
		/* A word of the patient's level only. */
		write_article(folder, "patient", "What patient words?", "What clinic.",
		    "What alpha and india.");
		for (int i = 0; i < 24; i++) {
			char id[32];
			snprintf(id, sizeof id, "filler%02d", i);
			write_article(folder, id, "What is a filler?", "What filler text.",
			    "What plain filler.");
		}
		char *paths[] = { folder };
		struct import_options opt = { .replace_all = true };
		struct import_result res;
		FILE *quiet = fopen("/dev/null", "w");
		ck_assert_int_eq(import_paths(path, paths, 1, &opt, &res, quiet),
		    IMPORT_OK);
		fclose(quiet);
		made = true;
	}
	struct buf err = BUF_INIT;
	struct db *db = db_open(path, DB_READ, &err);
	ck_assert_msg(db != NULL, "open failed: %s", err.data);
	buf_free(&err);
	return db;
}

/* The closest matches' ids, ", " apart, and each one's lacks "|" apart
 * into lacks. */
static char *
closest_ids(struct db *db, const char *typed, const char *level, size_t max,
    struct buf *lacks)
{
	struct db_closest *c;
	size_t n;
	ck_assert_int_eq(db_closest(db, typed, level, max, &c, &n), 0);
	struct buf ids = BUF_INIT;
	buf_truncate(lacks, 0);
	for (size_t i = 0; i < n; i++) {
		buf_addf(&ids, "%s%s", i ? ", " : "", c[i].hit.id);
		buf_adds(lacks, i ? ";" : "");
		for (size_t k = 0; k < c[i].nlacks; k++)
			buf_addf(lacks, "%s%s", k ? "|" : "", c[i].lacks[k]);
	}
	db_closest_free(c, n);
	return ids.data ? buf_detach(&ids) : strdup("");
}

START_TEST(more_words_rank_first)
{
	struct db *db = open_fixture();
	struct buf lacks = BUF_INIT;
	/* "two" has the better bm25 for alpha and bravo, "four" more of
	 * the words. */
	char *ids = closest_ids(db, "alpha bravo charlie delta echo ", "clinician", 3,
	    &lacks);
	ck_assert_str_eq(ids, "four, two, one");
	ck_assert_str_eq(lacks.data, "echo;charlie delta echo;alpha bravo charlie delta");
	free(ids);
	/* As many words, bm25 decides: "two" has them in its title. */
	ids = closest_ids(db, "alpha bravo zulu ", "clinician", 2, &lacks);
	ck_assert_str_eq(ids, "two, four");
	ck_assert_str_eq(lacks.data, "zulu;zulu");
	free(ids);
	buf_free(&lacks);
	db_close(db);
}
END_TEST

START_TEST(common_words_do_not_decide)
{
	struct db *db = open_fixture();
	struct buf lacks = BUF_INIT;
	/* "golfwhat" has two of the three words, "golf" one; but "what" is
	 * in all the rows but golf's: "golf", with golf in its title, ranks
	 * first. That it lacks "what" is not said: a common word lacked
	 * says next to nothing, and only "zulu" is named. */
	char *ids = closest_ids(db, "what golf zulu ", "clinician", 3, &lacks);
	ck_assert_str_eq(ids, "golf, golfwhat");
	ck_assert_str_eq(lacks.data, "zulu;zulu");
	free(ids);
	/* Common words alone find nothing close. */
	ids = closest_ids(db, "what zulu ", "clinician", 3, &lacks);
	ck_assert_str_eq(ids, "");
	free(ids);
	buf_free(&lacks);
	db_close(db);
}
END_TEST

START_TEST(level_and_one_word)
{
	struct db *db = open_fixture();
	struct buf lacks = BUF_INIT;
	/* "india" is in the patient's words only. */
	char *ids = closest_ids(db, "india zulu ", "clinician", 3, &lacks);
	ck_assert_str_eq(ids, "");
	free(ids);
	ids = closest_ids(db, "india zulu ", "patient", 3, &lacks);
	ck_assert_str_eq(ids, "patient");
	ck_assert_str_eq(lacks.data, "zulu");
	free(ids);
	/* One word has nothing to leave out. */
	ids = closest_ids(db, "zulu", "clinician", 3, &lacks);
	ck_assert_str_eq(ids, "");
	free(ids);
	/* The last word, a prefix while typed, is one too. */
	ids = closest_ids(db, "alpha zul", "clinician", 3, &lacks);
	ck_assert_str_eq(ids, "two, four");
	ck_assert_str_eq(lacks.data, "zul;zul");
	free(ids);
	buf_free(&lacks);
	db_close(db);
}
END_TEST

/* A database of n articles, each with one of five words, none of them
 * common (each in a fifth of the rows): enough rows that SQLite asks
 * the stop hook as it ranks them. */
static struct db *
open_many(int n)
{
	char folder[600], path[600];
	snprintf(folder, sizeof folder, "%s/many", dir);
	snprintf(path, sizeof path, "%s/many.db", dir);
	static const char *const words[] = { "alpha", "bravo", "charlie", "delta", "echo" };
	ck_assert_int_eq(mkdir(folder, 0700), 0);
	for (int i = 0; i < n; i++) {
		char id[32], text[64];
		snprintf(id, sizeof id, "many%03d", i);
		snprintf(text, sizeof text, "Some %s here.", words[i % 5]);
		write_article(folder, id, "A question?", text, text);
	}
	char *paths[] = { folder };
	struct import_options opt = { .replace_all = true };
	struct import_result res;
	FILE *quiet = fopen("/dev/null", "w");
	ck_assert_int_eq(import_paths(path, paths, 1, &opt, &res, quiet), IMPORT_OK);
	fclose(quiet);
	struct buf err = BUF_INIT;
	struct db *db = db_open(path, DB_READ, &err);
	ck_assert_msg(db != NULL, "open failed: %s", err.data);
	buf_free(&err);
	return db;
}

static bool
stop_now(void *arg)
{
	(*(int *)arg)++;
	return true;
}

/* The stop hook ends it (DB_STOPPED, nothing found), and the connection
 * serves the next call as before. */
START_TEST(stop_hook_ends_it)
{
	struct db *db = open_many(300);
	struct db_closest *c = NULL;
	size_t n = 7;
	int calls = 0;
	db_set_stop(db, stop_now, &calls);
	ck_assert_int_eq(db_closest(db, "alpha bravo charlie delta echo ", "clinician", 3,
	    &c, &n), DB_STOPPED);
	ck_assert_int_ge(calls, 1);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(n, 0);
	db_set_stop(db, NULL, NULL);
	ck_assert_int_eq(db_closest(db, "alpha bravo charlie delta echo ", "clinician", 3,
	    &c, &n), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(c[0].have, 1);
	db_closest_free(c, n);
	db_close(db);
}
END_TEST

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return EXIT_FAILURE;
	Suite *s = suite_create("closest");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, more_words_rank_first);
	tcase_add_test(tc, common_words_do_not_decide);
	tcase_add_test(tc, level_and_one_word);
	tcase_add_test(tc, stop_hook_ends_it);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		failed++;
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
