/* test_rank.c: how a search ranks a word the index has in two spellings
 * (data/db_rank.c): the spellings score as one word, so that either
 * spelling typed ranks alike, and as the one word would rank in an index
 * that had only it. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "db_internal.h"
#include "import.h"

static char dir[] = "/tmp/bedside-test-rank.XXXXXX";

static void
import_into(const char *db, const char *folder)
{
	char *paths[] = { (char *)folder };
	struct import_options opt = { .replace_all = true };
	struct import_result res;
	FILE *quiet = fopen("/dev/null", "w");
	ck_assert_int_eq(import_paths(db, paths, 1, &opt, &res, quiet), IMPORT_OK);
	fclose(quiet);
}

static struct db *
open_ok(const char *path, bool lengths)
{
	struct buf err = BUF_INIT;
	struct db *db = db_open(path, DB_READ, &err);
	ck_assert_msg(db != NULL, "open failed: %s", err.data);
	buf_free(&err);
	if (lengths)
		db_keep_row_lengths(db);
	return db;
}

/* The British words of the articles below (their start), and their
 * American spelling. */
/* The bundled articles' database, imported once for the tests that
 * read it (they run in one process, in turn). */
static struct db *
open_bundled(bool lengths)
{
	static bool imported;
	char path[600];
	snprintf(path, sizeof path, "%s/bundled.db", dir);
	if (!imported) {
		const char *articles = getenv("ARTICLES");
		ck_assert_ptr_nonnull(articles);
		import_into(path, articles);
		imported = true;
	}
	return open_ok(path, lengths);
}

static const char *const words[][2] = {
	{ "anaem", "anem" }, { "oedem", "edem" }, { "haem", "hem" },
};

/* s with every British word of words[] in its American spelling, the
 * same tokens in another spelling. */
static void
americanise(char *s)
{
	for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
		const char *uk = words[w][0], *us = words[w][1];
		size_t lu = strlen(uk), la = strlen(us);
		char *p;
		while ((p = strstr(s, uk)) != NULL) {
			memcpy(p, us, la);
			memmove(p + la, p + lu, strlen(p + lu) + 1);
		}
	}
}

/* n articles in folder, in British spelling mostly: each says its words
 * a number of times of its own, in different panes, and now and then in
 * the American spelling (a quotation, a US journal in the references).
 * With american, every word in the American spelling. */
static void
write_articles(const char *folder, int n, bool american)
{
	ck_assert_int_eq(mkdir(folder, 0700), 0);
	for (int i = 0; i < n; i++) {
		char file[700], text[4096];
		int len = snprintf(text, sizeof text,
		    "---\nid: a%03d\ntitle: Question %d on %s?\n"
		    "topic: Testing/Rank\nupdated: 2026-01-15\n"
		    "status: under-review\n---\n\n"
		    "## Answer {level=clinician}\nIron and blood", i, i,
		    i % 9 == 0 ? "anaemia" : i % 11 == 0 ? "anemia" : "iron");
		for (int k = 0; k < (i % 5 == 2 ? i % 4 + 1 : 0); k++)
			len += snprintf(text + len, sizeof text - (size_t)len, " %s",
			    i % 7 == 3 ? "anemia" : "anaemia");
		for (int k = 0; k < (i % 7 == 1 ? i % 3 + 1 : 0); k++)
			len += snprintf(text + len, sizeof text - (size_t)len,
			    " oedema word");
		len += snprintf(text + len, sizeof text - (size_t)len, " %s%s.\n\n"
		    "## Answer {level=patient}\nIron %s.\n\n"
		    "## Key points {level=clinician}\n- %s and %s%s.\n\n"
		    "## From the research\n- A trial%s.\n\n"
		    "## References\n1. Example A. %s in example. Example J. 2019.\n",
		    i % 5 == 0 ? "haemorrhage " : "", i % 6 == 0 ? "edema" : "blood",
		    i % 4 == 1 ? "anaemia" : "blood", i % 8 == 0 ? "anemia" : "iron",
		    i % 3 == 0 ? "oedema" : "blood",
		    i % 3 == 0 ? ", an SGLT2 inhibitor" : "",
		    i % 4 == 1 ? " of haemorrhage" : i % 10 == 7 ? " of hemorrhage" : "",
		    i % 6 == 1 ? "Hemorrhage" :
		    i % 6 == 2 ? "Anemia and haemorrhage" : "Iron");
		if (american)
			americanise(text);
		snprintf(file, sizeof file, "%s/a%03d.md", folder, i);
		FILE *f = fopen(file, "w");
		ck_assert_ptr_nonnull(f);
		fputs(text, f);
		fclose(f);
	}
}

/* FTS5's own ranking (bm25() and best_pane()) of typed at the clinician
 * level (rowid % 8 = 0), best first; its MATCH into *match. */
static size_t
fts5_ranking(struct db *db, const char *typed, sqlite3_int64 *row, double *rank,
    int *pane, size_t max, char **match)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db_handle(db), "SELECT rowid, rank, "
	    "best_pane(search) FROM search WHERE search MATCH ?1 AND rowid % 8 = 0 "
	    "ORDER BY rank, rowid LIMIT ?2", -1, &st, NULL), SQLITE_OK);
	*match = db_match(db, typed);
	ck_assert_ptr_nonnull(*match);
	sqlite3_bind_text(st, 1, *match, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)max);
	size_t n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		row[n] = sqlite3_column_int64(st, 0);
		rank[n] = sqlite3_column_double(st, 1);
		pane[n++] = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return n;
}

/* db's hits for typed are the rows, ranks (to the bit) and panes given. */
static void
hits_are(struct db *db, const char *typed, const char *level, const sqlite3_int64 *row,
    const double *rank, const int *pane, size_t want)
{
	struct db_hit *h;
	size_t n;
	ck_assert_int_eq(db_search_hits(db, typed, level, 50, 0, &h, &n), 0);
	ck_assert_msg(n == want, "'%s': %zu hits, not %zu", typed, n, want);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(h[i].row == row[i], "'%s' hit %zu: row %lld, not %lld",
		    typed, i, h[i].row, (long long)row[i]);
		ck_assert_msg(h[i].rank == rank[i], "'%s' hit %zu: %.17g != %.17g",
		    typed, i, h[i].rank, rank[i]);
		ck_assert_int_eq(h[i].pane, pane[i]);
	}
	db_hits_free(h, n);
}

/* A word in two spellings scores as the one word does in FTS5's bm25 in
 * an index that has only the one spelling: the same articles, each word
 * in American spelling. Typed in either spelling, whole or as a prefix,
 * alone, with other words or beside another such word; with the row
 * lengths from FTS5 and from memory; and typed a key at a time (the rows
 * of the words before the last kept from key to key), which ranks as the
 * query whole. FTS5's bm25() scores each spelling as a word of its own,
 * the rarer with the higher IDF, and fails this. */
START_TEST(spellings_rank_as_one_word)
{
	char mixed[600], us[600], mixed_db[600], us_db[600];
	snprintf(mixed, sizeof mixed, "%s/mixed", dir);
	snprintf(us, sizeof us, "%s/us", dir);
	snprintf(mixed_db, sizeof mixed_db, "%s/mixed.db", dir);
	snprintf(us_db, sizeof us_db, "%s/us.db", dir);
	write_articles(mixed, 120, false);
	write_articles(us, 120, true);
	import_into(mixed_db, mixed);
	import_into(us_db, us);
	struct db *plain = open_ok(mixed_db, false), *fast = open_ok(mixed_db, true);
	struct db *one = open_ok(us_db, false);
	static const char *const typed[] = {
		"anaemia", "anemia", "anaemia ", "oedema", "edema ", "haemorrhage",
		"hemorrhage", "iron anaemia", "iron anemia", "anaemia iron", "blood oedema",
		"anaemia oedema", "haemorrhage anemia", "anaem", "anem", "blood haem",
		"blood hemorr", "oedema word",
	};
	for (size_t t = 0; t < sizeof typed / sizeof *typed; t++) {
		char as_us[64];
		snprintf(as_us, sizeof as_us, "%s", typed[t]);
		americanise(as_us);
		sqlite3_int64 row[50];
		double rank[50];
		int pane[50];
		char *m_us, *m_mixed = db_match(plain, typed[t]);
		size_t want = fts5_ranking(one, as_us, row, rank, pane, 50, &m_us);
		/* The one spelling alone in one index, groups in the other. */
		ck_assert_msg(strchr(m_us, '(') == NULL, "'%s': %s", as_us, m_us);
		ck_assert_msg(strchr(m_mixed, '(') != NULL, "'%s': %s", typed[t], m_mixed);
		ck_assert_uint_gt(want, 3);
		hits_are(plain, typed[t], "clinician", row, rank, pane, want);
		hits_are(fast, typed[t], "clinician", row, rank, pane, want);
		free(m_us);
		free(m_mixed);
		/* A key at a time, against the query whole. */
		for (size_t len = 1; len <= strlen(typed[t]); len++) {
			char q[64];
			snprintf(q, sizeof q, "%.*s", (int)len, typed[t]);
			struct db_hit *h;
			size_t n;
			ck_assert_int_eq(db_search_hits(plain, q, "clinician", 50, 0,
			    &h, &n), 0);
			for (size_t i = 0; i < n; i++) {
				row[i] = h[i].row;
				rank[i] = h[i].rank;
				pane[i] = (int)h[i].pane;
			}
			hits_are(fast, q, "clinician", row, rank, pane, n);
			db_hits_free(h, n);
		}
	}
	db_close(plain);
	db_close(fast);
	db_close(one);
}
END_TEST

/* Two words the index has as one, "sglt 2" for "sglt2", are one term:
 * where no row has the two apart, it scores as the one word does in
 * FTS5's bm25(), typed in any of its forms. */
START_TEST(joined_words_rank_as_one_word)
{
	char folder[600], path[600];
	snprintf(folder, sizeof folder, "%s/joined", dir);
	snprintf(path, sizeof path, "%s/joined.db", dir);
	write_articles(folder, 60, false);
	import_into(path, folder);
	struct db *plain = open_ok(path, false), *fast = open_ok(path, true);
	static const char *const typed[][2] = {
		{ "sglt 2", "sglt2" }, { "SGLT-2 ", "sglt2 " },
		{ "blood sglt 2", "blood sglt2" }, { "sglt 2 iron", "sglt2 iron" },
	};
	for (size_t t = 0; t < sizeof typed / sizeof *typed; t++) {
		sqlite3_int64 row[50];
		double rank[50];
		int pane[50];
		char *m_one, *m_two = db_match(plain, typed[t][0]);
		size_t want = fts5_ranking(plain, typed[t][1], row, rank, pane, 50, &m_one);
		ck_assert_msg(strchr(m_one, '(') == NULL, "'%s': %s", typed[t][1], m_one);
		ck_assert_msg(strstr(m_two, " OR ") != NULL, "'%s': %s", typed[t][0],
		    m_two);
		ck_assert_uint_gt(want, 3);
		hits_are(plain, typed[t][0], "clinician", row, rank, pane, want);
		hits_are(fast, typed[t][0], "clinician", row, rank, pane, want);
		free(m_one);
		free(m_two);
	}
	db_close(plain);
	db_close(fast);
}
END_TEST

/* The bundled articles, British, with some American spellings (a US
 * journal in the references): a word typed in either spelling gives the
 * same hits, ranked the same to the bit, at both levels. */
START_TEST(bundled_spellings_rank_alike)
{
	struct db *db = open_bundled(true);
	static const char *const pairs[][2] = {
		{ "hemorrhage", "haemorrhage" }, { "anemia", "anaemia" },
		{ "edema", "oedema" }, { "tumor", "tumour" }, { "pediatric", "paediatric" },
		{ "randomized", "randomised" }, { "hemorrhage risk", "haemorrhage risk" },
		{ "iron anemia", "iron anaemia" }, { "hemo", "haemo" },
	};
	static const char *const levels[] = { "clinician", "patient" };
	size_t compared = 0;
	for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++)
		for (size_t l = 0; l < 2; l++) {
			struct db_hit *a, *b;
			size_t na, nb;
			ck_assert_int_eq(db_search_hits(db, pairs[p][0], levels[l], 100, 0,
			    &a, &na), 0);
			ck_assert_int_eq(db_search_hits(db, pairs[p][1], levels[l], 100, 0,
			    &b, &nb), 0);
			ck_assert_msg(na == nb, "%s: '%s' %zu hits, '%s' %zu", levels[l],
			    pairs[p][0], na, pairs[p][1], nb);
			for (size_t i = 0; i < na; i++) {
				ck_assert_msg(a[i].row == b[i].row &&
				    a[i].rank == b[i].rank,
				    "%s hit %zu: '%s' %s %.17g, '%s' %s %.17g",
				    levels[l], i, pairs[p][0], a[i].id, a[i].rank,
				    pairs[p][1], b[i].id, b[i].rank);
				ck_assert_int_eq(a[i].pane, b[i].pane);
			}
			compared += na;
			db_hits_free(a, na);
			db_hits_free(b, nb);
		}
	ck_assert_uint_gt(compared, 20);
	db_close(db);
}
END_TEST

/* An abbreviation typed last, a prefix ("AF", "GI"), ranks the articles
 * that have it before those that only have words it begins ("after",
 * "given"): the word whole is a term of its own, as FTS5's bm25() ranks
 * ("gi"* OR "gi"), to the bit, also typed beside other words and with
 * the row lengths from memory. */
START_TEST(short_word_ranks_as_itself)
{
	struct db *plain = open_bundled(false), *fast = open_bundled(true);
	static const char *const typed[][3] = {
		{ "GI", "upper-gi-bleed-risk", "variceal-bleeding" },
		{ "af", "af-anticoagulation", "af-rate-vs-rhythm" },
		{ "ACE", "hfref-core-therapy", "ckd-sglt2-inhibitors" },
		{ "IM", "adrenal-crisis", "anaphylaxis-adrenaline" },
		{ "bleeding gi", "upper-gi-bleed-risk", "variceal-bleeding" },
		{ "angiotensin ace", "hfref-core-therapy", "ckd-sglt2-inhibitors" },
	};
	for (size_t t = 0; t < sizeof typed / sizeof *typed; t++) {
		sqlite3_int64 row[50];
		double rank[50];
		int pane[50];
		char *match;
		size_t want = fts5_ranking(plain, typed[t][0], row, rank, pane, 50, &match);
		ck_assert_msg(strstr(match, "* OR \"") != NULL, "'%s': %s", typed[t][0],
		    match);
		ck_assert_uint_gt(want, 1);
		hits_are(plain, typed[t][0], "clinician", row, rank, pane, want);
		hits_are(fast, typed[t][0], "clinician", row, rank, pane, want);
		free(match);
		struct db_hit *h;
		size_t n;
		ck_assert_int_eq(db_search_hits(fast, typed[t][0], "clinician", 2, 0,
		    &h, &n), 0);
		ck_assert_uint_eq(n, 2);
		for (size_t i = 0; i < 2; i++)
			ck_assert_msg(strcmp(h[i].id, typed[t][1]) == 0 ||
			    strcmp(h[i].id, typed[t][2]) == 0, "'%s' hit %zu: %s",
			    typed[t][0], i, h[i].id);
		db_hits_free(h, n);
	}
	db_close(plain);
	db_close(fast);
}
END_TEST

/* The lookup of a spelling in the index writes its word as an FTS5
 * string: a quote inside is doubled, never FTS5 syntax, never an error. */
START_TEST(phrase_lookup_quotes_its_word)
{
	struct db *db = open_bundled(false);
	static const char *const odd[] = { "a\"b", "\"", "x\" OR \"y", "\"\"" };
	for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
		for (int prefix = 0; prefix < 2; prefix++)
			ck_assert_msg(db_phrase_exists(db, odd[i], strlen(odd[i]),
			    prefix) >= 0, "'%s' (prefix %d): %s", odd[i], prefix,
			    db_errmsg(db));
	ck_assert_int_eq(db_phrase_exists(db, "sepsis", 6, false), 1);
	db_close(db);
}
END_TEST

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return EXIT_FAILURE;
	Suite *s = suite_create("rank");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, spellings_rank_as_one_word);
	tcase_add_test(tc, joined_words_rank_as_one_word);
	tcase_add_test(tc, bundled_spellings_rank_alike);
	tcase_add_test(tc, short_word_ranks_as_itself);
	tcase_add_test(tc, phrase_lookup_quotes_its_word);
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
