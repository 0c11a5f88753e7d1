/* test_db_search.c: the searches, on a database imported from the
 * fixture articles (db_fixture.c) or replaced by the bundled articles or
 * generated ones: hits and suggestions, snippets (made on demand, and
 * FTS5's snippet() to the byte), the stop hook, the rank pass against
 * FTS5's bm25 as the browser searches a key at a time, and rows first
 * with their details after. The schema, topics and articles are in
 * test_db.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "db_fixture.h"
#include "import.h"
#include "snippet_oracle.h"

START_TEST(search_and_suggest)
{
	struct db *db = db_fixture_open();
	struct db_hit *h;
	size_t n;
	ck_assert_int_eq(db_search(db, "gadget", "clinician", 10, 0, &h, &n), 0);
	ck_assert_uint_ge(n, 1);
	ck_assert_str_eq(h[0].id, "beta");
	ck_assert_ptr_nonnull(strchr(h[0].snippet, DB_MARK_ON));
	db_hits_free(h, n);

	ck_assert_int_eq(db_search(db, "nested point", "clinician", 10, 0, &h, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(h[0].pane, DB_KEY_POINTS);
	db_hits_free(h, n);

	const char *hostile[] = { "\"", "AND", "a OR", "NEAR(",
	    "*", "x:y", "-", "()", "^" };
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		ck_assert_msg(db_search(db, hostile[i], "clinician", 10, 0, &h, &n) == 0,
		    "'%s' gave an error: %s", hostile[i], db_errmsg(db));
		db_hits_free(h, n);
	}

	char **words;
	ck_assert_int_eq(db_suggest(db, "sprokets", NULL, &words, &n, 3), 0);
	ck_assert_uint_ge(n, 1);
	ck_assert_str_eq(words[0], "sprockets");
	db_strings_free(words, n);
	db_close(db);
}
END_TEST

/* Hits without snippets, then snippets for some of them, are the hits of
 * db_search piece for piece. */
START_TEST(snippets_on_demand)
{
	struct db *db = db_fixture_open();
	const char *queries[] = { "w", "gadget", "widgets calib", "nested point", "the",
	    "clinician answer", "point" };
	size_t several = 0;     /* queries with more than one hit */
	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
		struct db_hit *all, *some;
		size_t n, m;
		ck_assert_int_eq(db_search(db, queries[q], "clinician", 10, 0,
		    &all, &n), 0);
		ck_assert_int_eq(db_search_hits(db, queries[q], "clinician", 10, 0,
		    &some, &m), 0);
		ck_assert_uint_eq(n, m);
		for (size_t i = 0; i < m; i++)
			ck_assert_ptr_null(some[i].snippet);
		if (m > 1) {
			several++;
			ck_assert_int_eq(db_hit_snippets(db, queries[q], some, 1, m), 0);
			ck_assert_ptr_null(some[0].snippet);
		}
		ck_assert_int_eq(db_hit_snippets(db, queries[q], some, 0, m), 0);
		for (size_t i = 0; i < m; i++) {
			ck_assert_str_eq(some[i].id, all[i].id);
			ck_assert_str_eq(some[i].snippet, all[i].snippet);
			ck_assert_int_eq(some[i].pane, all[i].pane);
			ck_assert(some[i].rank == all[i].rank);
		}
		db_hits_free(all, n);
		db_hits_free(some, m);
	}
	/* Else the snippets made for some hits only were never compared. */
	ck_assert_uint_ge(several, 2);
	db_close(db);
}
END_TEST

/* Replaces the database with the articles of a folder; their number. */
static int
import_replacing(const char *folder)
{
	char *paths[] = { (char *)folder };
	struct import_options opt = { .replace_all = true };
	struct import_result res;
	FILE *quiet = fopen("/dev/null", "w");
	ck_assert_int_eq(import_paths(db_fixture_path(), paths, 1, &opt, &res, quiet),
	    IMPORT_OK);
	fclose(quiet);
	return res.articles;
}

/* The same with the n articles written in folder tmp, and removes it. */
static void
import_folder(const char *tmp, int n)
{
	ck_assert_int_eq(import_replacing(tmp), n);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	ck_assert_int_eq(system(cmd), 0);
}

static size_t numbers_widened;

/* Compares the snippets of every row each query matches with FTS5's
 * snippet() of the column the hit's pane is, which they are but for
 * numbers widened; returns how many rows were compared. The column is
 * the first of answer, key points, research and references (in the
 * order of their weights) where snippet() marks a word, else the
 * title's. */
static size_t
compare_snippets(struct db *db, const char *const *queries, size_t nq)
{
	sqlite3_stmt *st;
#define SNIP(c) "snippet(search, " #c ", char(1), char(2), '\xe2\x80\xa6', 14)"
	ck_assert_int_eq(sqlite3_prepare_v2(db_handle(db), "SELECT rowid, " SNIP(0) ", "
	    SNIP(1) ", " SNIP(2) ", " SNIP(3) ", " SNIP(4)
	    " FROM search WHERE search MATCH ?1", -1, &st, NULL), SQLITE_OK);
#undef SNIP
	size_t compared = 0;
	for (size_t q = 0; q < nq; q++) {
		char *match = db_match(db, queries[q]);
		ck_assert_ptr_nonnull(match);
		sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
		struct db_hit *hits = NULL;
		char **want = NULL;
		size_t n = 0;
		while (sqlite3_step(st) == SQLITE_ROW) {
			hits = realloc(hits, (n + 1) * sizeof *hits);
			want = realloc(want, (n + 1) * sizeof *want);
			memset(&hits[n], 0, sizeof *hits);
			hits[n].row = sqlite3_column_int64(st, 0);
			int col = 0;
			for (int c = 1; c <= 4 && col == 0; c++)
				if (strchr((const char *)sqlite3_column_text(st, 1 + c), 1))
					col = c;
			want[n++] = strdup((const char *)sqlite3_column_text(st, 1 + col));
		}
		sqlite3_reset(st);
		ck_assert_int_eq(db_hit_snippets(db, queries[q], hits, 0, n), 0);
		for (size_t i = 0; i < n; i++) {
			bool widened = widened_number(want[i], hits[i].snippet);
			numbers_widened += widened;
			ck_assert_msg(widened || strcmp(hits[i].snippet, want[i]) == 0,
			    "'%s' row %lld:\n fts5: %s\n ours: %s", queries[q],
			    (long long)hits[i].row, want[i], hits[i].snippet);
			free(want[i]);
		}
		compared += n;
		free(want);
		free(match);
		db_hits_free(hits, n);
	}
	sqlite3_finalize(st);
	return compared;
}

/* Snippets made from the rows' text are FTS5's snippet() to the byte,
 * for every row that matches, on the bundled articles (real prose:
 * sentences, lists, doses, hyphenated words, references), but where
 * FTS5's cuts a number: "0.5 mL/kg", "25.7%", "2-5 days" are whole. */
START_TEST(snippets_are_fts5s)
{
	const char *articles = getenv("ARTICLES");
	ck_assert_ptr_nonnull(articles);
	import_replacing(articles);

	struct db *db = db_fixture_open();
	const char *const queries[] = { "the", "heart", "heart fail", "blood pressure",
	    "mg", "dose", "atrial fib", "pa", "pat", "k", "type 2", "risk of", "children",
	    "insulin", "first line", "of the", "covid-19", "x-ray", "a b", "the the",
	    "on to", "guideline 20", "nice", "in in in", "who", "mmol l", "caf\xc3\xa9",
	    "days", "s", "pre-eclampsia", "d-dimer", "meta-analysis", "life-threatening",
	    "first-line", "long-term", "evidence-based", "high-risk", "d-dim",
	    "pre-eclampsia risk", "rule-out", "sick-day rules", "ml", "usual care" };
	numbers_widened = 0;
	ck_assert_uint_gt(compare_snippets(db, queries,
	    sizeof queries / sizeof *queries), 500);
	ck_assert_uint_gt(numbers_widened, 0);
	/* The croup article's nebulised adrenaline: not "…5 mL/kg". */
	struct db_hit *h;
	size_t n;
	bool croup = false;
	ck_assert_int_eq(db_search(db, "ml", "clinician", 50, 0, &h, &n), 0);
	for (size_t i = 0; i < n; i++)
		if (strcmp(h[i].id, "croup") == 0) {
			char *text = plain_text(h[i].snippet, false);
			ck_assert_msg(strstr(text, "0.5 mL/kg") != NULL &&
			    strstr(text, "\xe2\x80\xa6" "5 mL/kg") == NULL, "%s", text);
			free(text);
			croup = true;
		}
	ck_assert(croup);
	db_hits_free(h, n);
	db_close(db);
}
END_TEST

/* The same where a word also matches its other spelling, or two words
 * the one the articles write: the MATCH has groups in parentheses, and
 * FTS5 marks a phrase of a group's alternative only where all of that
 * alternative is in the row ("2" of "sglt" AND "2" not in a row that
 * has "sglt2" but no "sglt"). */
START_TEST(snippets_are_fts5s_with_spellings)
{
	const char *articles = getenv("ARTICLES");
	ck_assert_ptr_nonnull(articles);
	import_replacing(articles);

	struct db *db = db_fixture_open();
	const char *const queries[] = { "anemia", "hemorrhage", "hemo", "hemorrhage risk",
	    "pediatric", "edema", "esophag", "tumor", "randomized trial", "color",
	    "SGLT-2", "SGLT 2", "sglt 2 inhibitor", "type 2 sglt-2", "anemia in pregnancy",
	    "diarrhea ", "estrogen", "sulphonylurea", "pediatric dose", "sglt 2 i" };
	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
		char *match = db_match(db, queries[q]);
		ck_assert_msg(strchr(match, '(') != NULL, "'%s' has no group: %s",
		    queries[q], match);
		free(match);
	}
	ck_assert_uint_gt(compare_snippets(db, queries,
	    sizeof queries / sizeof *queries), 50);
	db_close(db);
}
END_TEST

/* The same on text made to hit the corners: four words in random order,
 * so that phrases of several words overlap, run across the edges of the
 * snippet and start sentences, in columns long and short. */
START_TEST(snippets_are_fts5s_at_the_edges)
{
	static const char *const word[] = { "alpha", "beta", "gamma", "delta" };
	static const char *const gap[] = { " ", " ", " ", ". ", ", ", ": ", "-", "\n" };
	char tmp[] = "/tmp/bedside-test-snip.XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	srand(12345);
	for (int i = 0; i < 60; i++) {
		char file[600];
		snprintf(file, sizeof file, "%s/r%02d.md", tmp, i);
		FILE *f = fopen(file, "w");
		ck_assert_ptr_nonnull(f);
		fprintf(f, "---\nid: r%02d\ntitle:", i);
		for (int w = 0, n = 1 + rand() % 6; w < n; w++)
			fprintf(f, " %s", word[rand() % 4]);
		fprintf(f, "\ntopic: Testing/Random\nupdated: 2026-01-15\n"
		    "status: under-review\n---\n\n## Answer\n");
		for (int w = 0, n = 1 + rand() % 60; w < n; w++)
			fprintf(f, "%s%s", word[rand() % 4], gap[rand() % 8]);
		fprintf(f, "end\n\n## References\n"
		    "1. Example Society. Example guideline. 2020.\n");
		fclose(f);
	}
	import_folder(tmp, 60);

	struct db *db = db_fixture_open();
	const char *const queries[] = { "alpha", "alpha-beta", "beta-alpha-beta", "gam",
	    "alpha beta", "delta gamma-delta", "alpha-alpha", "beta delta-al",
	    "gamma-delta-gamma-delta", "de", "alpha beta gamma delta" };
	ck_assert_uint_gt(compare_snippets(db, queries,
	    sizeof queries / sizeof *queries), 300);
	db_close(db);
}
END_TEST

static bool
hit_has_id(const struct db_hit *h, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(h[i].id, id) == 0)
			return true;
	return false;
}

/* Replaces the database with one of n articles that all have the word
 * "common": enough rows that SQLite asks the stop hook while it ranks. */
static void
import_many(int n)
{
	char tmp[] = "/tmp/bedside-test-many.XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	for (int i = 0; i < n; i++) {
		char file[600];
		snprintf(file, sizeof file, "%s/a%04d.md", tmp, i);
		FILE *f = fopen(file, "w");
		ck_assert_ptr_nonnull(f);
		fprintf(f, "---\nid: a%04d\ntitle: Question %d about common things?\n"
		    "topic: Testing/Many\nupdated: 2026-01-15\n"
		    "status: under-review\n---\n\n"
		    "## Answer\n", i, i);
		for (int j = 0; j <= i % 7; j++)
			fprintf(f, "The common answer %d, said again.\n", j);
		fprintf(f, "\n## References\n"
		    "1. Example Society. Example guideline. 2020.\n");
		fclose(f);
	}
	import_folder(tmp, n);
}

/* A search the hook stops returns DB_STOPPED and no hits, and leaves the
 * connection as good as before; one it lets run finds what a search with
 * no hook finds. */
START_TEST(search_stops_when_asked)
{
	import_many(300);
	struct db *db = db_fixture_open();
	struct db_hit *h, *plain;
	size_t n, m;
	struct db_fixture_stopper never = { 0, 1 << 30 }, now = { 0, 1 };

	ck_assert_int_eq(db_search_hits(db, "common", "clinician", 300, 0, &plain, &m), 0);
	ck_assert_uint_eq(m, 300);

	db_set_stop(db, db_fixture_stop_at, &now);
	ck_assert_int_eq(db_search_hits(db, "common", "clinician", 10, 0, &h, &n),
	    DB_STOPPED);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(h);
	ck_assert_int_ge(now.calls, 1);
	db_set_stop(db, NULL, NULL);
	ck_assert_int_eq(db_search_hits(db, "common", "clinician", 300, 0, &h, &n), 0);
	ck_assert_uint_eq(n, m);
	db_hits_free(h, n);

	/* Snippets the hook stops are left to be made again. */
	ck_assert_int_eq(db_search_hits(db, "common", "clinician", 300, 0, &h, &n), 0);
	ck_assert_uint_eq(n, 300);
	now.calls = 0;
	db_set_stop(db, db_fixture_stop_at, &now);
	ck_assert_int_eq(db_hit_snippets(db, "common", h, 0, n), DB_STOPPED);
	size_t missing = 0;
	for (size_t i = 0; i < n; i++)
		missing += h[i].snippet == NULL;
	ck_assert_uint_gt(missing, 0);
	db_set_stop(db, db_fixture_stop_at, &never);
	ck_assert_int_eq(db_hit_snippets(db, "common", h, 0, n), 0);
	for (size_t i = 0; i < n; i++)
		ck_assert_ptr_nonnull(strchr(h[i].snippet, DB_MARK_ON));
	db_hits_free(h, n);

	ck_assert_int_eq(db_search_hits(db, "common", "clinician", 300, 0, &h, &n), 0);
	db_set_stop(db, NULL, NULL);
	ck_assert_uint_eq(n, m);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(h[i].id, plain[i].id);
	db_hits_free(h, n);

	/* The first hits: articles the ranked search finds, in article
	 * order, unranked, as many as asked. */
	ck_assert_int_eq(db_search_rows(db, "common", "clinician", 10, false, &h, &n), 0);
	ck_assert_uint_eq(n, 10);
	ck_assert_int_eq(db_hit_details(db, h, 0, n), 0);
	for (size_t i = 0; i < n; i++) {
		ck_assert(hit_has_id(plain, m, h[i].id));
		ck_assert(h[i].rank == 0);
		ck_assert_ptr_null(h[i].snippet);
		ck_assert(i == 0 || h[i - 1].row < h[i].row);
	}
	db_hits_free(h, n);
	ck_assert_int_eq(db_search_rows(db, "common", "clinician", 1, false, &h, &n), 0);
	ck_assert_uint_eq(n, 1);
	db_hits_free(h, n);
	ck_assert_int_eq(db_search_rows(db, "sprokets", "clinician", 10, false, &h, &n), 0);
	ck_assert_uint_eq(n, 0);
	db_hits_free(plain, m);
	db_close(db);
}
END_TEST

/* FTS5's own ranking of a query at the clinician level (rowid % 8 = 0):
 * rows, bm25 and best pane, best first, from offset on. */
static size_t
fts5_ranking(struct db *db, const char *typed, int limit, int offset,
    sqlite3_int64 *row, double *rank, int *pane)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db_handle(db), "SELECT rowid, rank, "
	    "best_pane(search) FROM search WHERE search MATCH ?1 AND rowid % 8 = 0 "
	    "ORDER BY rank, rowid LIMIT ?2 OFFSET ?3", -1, &st, NULL), SQLITE_OK);
	char *match = db_match(db, typed);
	size_t n = 0;
	if (match) {
		sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, limit);
		sqlite3_bind_int(st, 3, offset);
		while (sqlite3_step(st) == SQLITE_ROW) {
			row[n] = sqlite3_column_int64(st, 0);
			rank[n] = sqlite3_column_double(st, 1);
			pane[n++] = sqlite3_column_int(st, 2);
		}
	}
	free(match);
	sqlite3_finalize(st);
	return n;
}

/* db_search_hits() of typed at the clinician level gives the rows, bm25
 * ranks (to the bit) and panes FTS5's own ranking gave (fts5_ranking). */
static void
assert_hits_are(struct db *db, const char *typed, int limit, int offset,
    const sqlite3_int64 *row, const double *rank, const int *pane, size_t want)
{
	struct db_hit *h;
	size_t n;
	ck_assert_int_eq(db_search_hits(db, typed, "clinician", limit, offset, &h, &n), 0);
	ck_assert_uint_eq(n, want);
	for (size_t i = 0; i < n; i++) {
		ck_assert(h[i].row == row[i]);
		ck_assert_msg(h[i].rank == rank[i], "'%s' hit %zu: %.17g != %.17g",
		    typed, i, h[i].rank, rank[i]);
		ck_assert_int_eq(h[i].pane, pane[i]);
	}
	db_hits_free(h, n);
}

/* The rank pass gives what FTS5's bm25 and best_pane() give, hit for hit
 * and to the last bit of the rank, for one phrase and several, on the
 * first page and further on: with each row's length from FTS5 (`search`)
 * and with the lengths in memory (the browser), also when their reading
 * was stopped half way. */
START_TEST(fast_rank_is_bm25)
{
	import_many(300);
	struct db *plain = db_fixture_open(), *fast = db_fixture_open();
	const char *queries[] = { "common", "question 12", "said again", "qu", "answer 3",
	    "common answer", "q", "nothing here", "common \xe2\x80\x94 answer",
	    "\xe2\x80\x94", "common answ", "answer common", "common answer", "things" };
	struct db_fixture_stopper now = { 0, 1 };

	db_keep_row_lengths(fast);
	db_set_stop(fast, db_fixture_stop_at, &now);
	struct db_hit *h;
	size_t n;
	ck_assert_int_eq(db_read_ahead(fast), DB_STOPPED);
	now.calls = 0;
	ck_assert_int_eq(db_search_hits(fast, "common", "clinician", 10, 0, &h, &n),
	    DB_STOPPED);
	db_set_stop(fast, NULL, NULL);
	ck_assert_int_eq(db_read_ahead(plain), 0); /* nothing asked for: nothing to do */
	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
		static const int page[][2] = { { 50, 0 }, { 7, 9 } };
		for (size_t p = 0; p < 2; p++) {
			sqlite3_int64 row[50];
			double rank[50];
			int pane[50];
			size_t want = fts5_ranking(plain, queries[q], page[p][0],
			    page[p][1], row, rank, pane);
			if (q == 0 && p == 0)   /* every article: the best 50 of 300 kept */
				ck_assert_uint_eq(want, 50);
			for (struct db *db = plain;; db = fast) {
				assert_hits_are(db, queries[q], page[p][0], page[p][1], row,
				    rank, pane, want);
				if (db == fast)
					break;
			}
		}
	}
	/* Typed a key at a time, as the browser searches: the words before
	 * the last are kept from key to key (db_rank.c), and must rank as
	 * the query whole does, at both levels, the level changed midway. */
	const char *typed[] = { "common answer said again", "question 1 common",
	    "answer 3 q", "common example", "12 common", "3 answer said",
	    "common \xe2\x80\x94 answer" };
	for (size_t t = 0; t < sizeof typed / sizeof *typed; t++)
		for (size_t len = 1; len <= strlen(typed[t]); len++) {
			char q[64];
			snprintf(q, sizeof q, "%.*s", (int)len, typed[t]);
			sqlite3_int64 row[50];
			double rank[50];
			int pane[50];
			size_t want = fts5_ranking(plain, q, 50, 0, row, rank, pane);
			assert_hits_are(fast, q, 50, 0, row, rank, pane, want);
			/* Now and then the other level between keys: its own
			 * rows, and the words kept for one level are not used
			 * for the other. */
			if (len % 4)
				continue;
			ck_assert_int_eq(db_search_hits(fast, q, "patient", 5, 0,
			    &h, &n), 0);
			for (size_t i = 0; i < n; i++)
				ck_assert_int_eq(h[i].row % 8, 1);
			db_hits_free(h, n);
		}
	db_close(plain);
	db_close(fast);
}
END_TEST

/* Other spellings and joined words make groups of phrases in the MATCH
 * ("anemia" OR "anaemia"), each group scored as one word (test_rank.c):
 * typed a key at a time, with the words before a group kept from key to
 * key, or a group among them, the rank pass gives what it gives for the
 * query whole, to the bit; and where a key makes no group, FTS5's bm25. */
START_TEST(spellings_rank_typed)
{
	const char *articles = getenv("ARTICLES");
	ck_assert_ptr_nonnull(articles);
	import_replacing(articles);
	struct db *plain = db_fixture_open(), *fast = db_fixture_open();
	db_keep_row_lengths(fast);
	const char *typed[] = { "anemia in pregnancy", "hemorrhage after birth",
	    "pediatric dose", "type 2 sglt-2 inhibitor", "sglt 2 heart", "tumor markers",
	    "blood pressure hemo", "randomized trial", "edema", "bleeding haemorrhage",
	    "bleeding anti-coagulant" };
	size_t groups = 0;
	for (size_t t = 0; t < sizeof typed / sizeof *typed; t++)
		for (size_t len = 1; len <= strlen(typed[t]); len++) {
			char q[64];
			snprintf(q, sizeof q, "%.*s", (int)len, typed[t]);
			sqlite3_int64 row[50];
			double rank[50];
			int pane[50];
			struct db_hit *h;
			size_t n, want;
			char *match = db_match(plain, q);
			if (match && strchr(match, '(')) {
				groups++;
				ck_assert_int_eq(db_search_hits(plain, q, "clinician",
				    50, 0, &h, &n), 0);
				for (size_t i = 0; i < n; i++) {
					row[i] = h[i].row;
					rank[i] = h[i].rank;
					pane[i] = (int)h[i].pane;
				}
				db_hits_free(h, n);
				want = n;
			} else {
				want = fts5_ranking(plain, q, 50, 0, row, rank, pane);
			}
			free(match);
			for (struct db *db = plain;; db = fast) {
				assert_hits_are(db, q, 50, 0, row, rank, pane, want);
				if (db == fast)
					break;
			}
		}
	ck_assert_uint_gt(groups, 40);
	db_close(plain);
	db_close(fast);
}
END_TEST

/* Rows first, details for the few a screen shows: the same hits as a
 * search that fills everything. */
START_TEST(rows_then_details)
{
	struct db *db = db_fixture_open();
	struct db_hit *all, *rows;
	size_t n, m;
	ck_assert_int_eq(db_search_hits(db, "a", "clinician", 10, 0, &all, &n), 0);
	ck_assert_int_eq(db_search_rows(db, "a", "clinician", 10, true, &rows, &m), 0);
	ck_assert_uint_ge(n, 2);
	ck_assert_uint_eq(n, m);
	for (size_t i = 0; i < m; i++) {
		ck_assert_ptr_null(rows[i].id);
		ck_assert_ptr_null(rows[i].title);
		ck_assert(rows[i].row == all[i].row && rows[i].rank == all[i].rank);
	}
	ck_assert_int_eq(db_hit_details(db, rows, 1, 2), 0);
	ck_assert_ptr_null(rows[0].id);
	ck_assert_str_eq(rows[1].id, all[1].id);
	ck_assert_int_eq(db_hit_details(db, rows, 0, m), 0);
	for (size_t i = 0; i < m; i++) {
		ck_assert_str_eq(rows[i].id, all[i].id);
		ck_assert_str_eq(rows[i].title, all[i].title);
		ck_assert_str_eq(rows[i].topic, all[i].topic);
		ck_assert_str_eq(rows[i].status, all[i].status);
	}
	/* A row whose article is not there gets empty details. */
	free(rows[0].id);
	free(rows[0].title);
	free(rows[0].topic);
	free(rows[0].status);
	free(rows[0].updated);
	rows[0].id = rows[0].title = rows[0].topic = rows[0].status = NULL;
	rows[0].updated = NULL;
	rows[0].row = 999999 * 8;
	ck_assert_int_eq(db_hit_details(db, rows, 0, 1), 0);
	ck_assert_str_eq(rows[0].id, "");
	db_hits_free(all, n);
	db_hits_free(rows, m);
	db_close(db);
}
END_TEST

static Suite *
db_search_suite(void)
{
	Suite *s = suite_create("db_search");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, db_fixture_setup, db_fixture_teardown);
	tcase_add_test(tc, search_and_suggest);
	tcase_add_test(tc, snippets_on_demand);
	tcase_add_test(tc, snippets_are_fts5s);
	tcase_add_test(tc, snippets_are_fts5s_at_the_edges);
	tcase_add_test(tc, snippets_are_fts5s_with_spellings);
	tcase_add_test(tc, search_stops_when_asked);
	tcase_add_test(tc, fast_rank_is_bm25);
	tcase_add_test(tc, spellings_rank_typed);
	tcase_add_test(tc, rows_then_details);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return db_fixture_run(db_search_suite());
}
