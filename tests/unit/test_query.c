/* test_query.c: what a person types becomes a safe FTS5 query. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "query.h"

static void
expect(const char *typed, const char *want)
{
	char *q = query_build(typed);
	if (want == NULL) {
		ck_assert_msg(q == NULL, "'%s' gave '%s', wanted no query", typed, q);
	} else {
		ck_assert_msg(q != NULL, "'%s' gave no query", typed);
		ck_assert_str_eq(q, want);
	}
	free(q);
}

START_TEST(words_and_prefix)
{
	expect("heart failure", "\"heart\" \"failure\"*");
	expect("heart failure ", "\"heart\" \"failure\"");
	expect("  fever", "\"fever\"*");
	expect("Fever", "\"Fever\"*");
	/* one character is a whole word until a second is typed */
	expect("x", "\"x\"");
	expect("\xC3\xA9", "\"\xC3\xA9\"");
	expect("ab", "\"ab\"*");
	/* a '*' after the last word asks for a prefix too; after a space
	 * it is a separator like any other */
	expect("cor*", "\"cor\"*");
	expect("heart fail**", "\"heart\" \"fail\"*");
	expect("heart fail *", "\"heart\" \"fail\"");
	expect("x*", "\"x\"");
}
END_TEST

START_TEST(syntax_is_plain_text)
{
	expect("a AND b", "\"a\" \"AND\" \"b\"");
	expect("NEAR(a b, 3)", "\"NEAR\" \"a\" \"b\" \"3\"");
	expect("\"quoted phrase\"", "\"quoted\" \"phrase\"");
	expect("title:fever", "\"title\" \"fever\"*");
	expect("-beta +alpha ^gamma", "\"beta\" \"alpha\" \"gamma\"*");
	expect("-beta +alpha ^gamma^", "\"beta\" \"alpha\" \"gamma\"");
	expect("(x OR y)", "\"x\" \"OR\" \"y\"");
	expect("x\"yz", "\"x\" \"yz\"*");
}
END_TEST

START_TEST(nothing_to_search)
{
	expect("", NULL);
	expect("   ", NULL);
	expect("\"\" * ^ : - ( )", NULL);
	expect("\xFF\xFE", NULL);
}
END_TEST

START_TEST(unicode_and_invalid_bytes)
{
	expect("caf\xC3\xA9", "\"caf\xC3\xA9\"*");
	/* invalid bytes are dropped, the rest of the word kept */
	expect("wid\xFFget", "\"widget\"*");
	/* control characters inside a word are dropped too */
	expect("a\xC2\x9B" "b", "\"ab\"*");
}
END_TEST

START_TEST(limits)
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < 40; i++)
		buf_addf(&b, "w%d ", i);
	char *q = query_build(b.data);
	size_t quotes = 0;
	for (char *p = q; *p; p++)
		quotes += *p == '"';
	ck_assert_uint_eq(quotes, 2 * QUERY_MAX_WORDS);
	free(q);
	/* the last word kept is followed by more: it is whole, not the
	 * prefix the last word typed would be */
	buf_adds(&b, "more");
	q = query_build(b.data);
	ck_assert_uint_eq(q[strlen(q) - 1], '"');
	free(q);
	buf_free(&b);

	/* a 100 KB word is cut to a bounded length on a character boundary */
	char *big = malloc(100001);
	for (int i = 0; i < 100000; i += 2) {
		big[i] = '\xC3';
		big[i + 1] = '\xA9';
	}
	big[100000] = '\0';
	q = query_build(big);
	ck_assert_ptr_nonnull(q);
	ck_assert_uint_le(strlen(q), QUERY_MAX_WORD_BYTES + 3);
	ck_assert_uint_eq((strlen(q) - 3) % 2, 0);
	free(q);
	free(big);
}
END_TEST

/* The phrases of what query_build() wrote, read back: each as written,
 * its word, whether it is a prefix. */
/* A plural of five letters or more as the last word, a prefix, also
 * finds its singular: the word without its s, as a prefix. Short words,
 * -ss, -us and -is are kept, and so are whole words (a prefix in their
 * place would read every word it begins). */
START_TEST(plurals)
{
	expect("water tablets", "\"water\" \"tablet\"*");
	expect("seizures", "\"seizure\"*");
	expect("DOACs", "\"DOAC\"*");
	expect("water tablets ", "\"water\" \"tablets\"");
	expect("tablets water", "\"tablets\" \"water\"*");
	expect("fits", "\"fits\"*");
	expect("less", "\"less\"*");
	expect("status", "\"status\"*");
	expect("sepsis", "\"sepsis\"*");
	expect("covid19s", "\"covid19s\"*");
}
END_TEST

/* query_word_span() finds the words query_words() gives, where typed
 * has them: the search view puts a suggestion in place of one part of a
 * hyphenated word with it. */
/* A dotted abbreviation is the word of its letters, as articles write
 * it: the tokenizer would make each letter a word ("t" "i" "a"). */
START_TEST(dotted_abbreviations)
{
	expect("t.i.a.", "\"tia\"");
	expect("T.I.A.", "\"TIA\"");
	expect("t.i.a", "\"tia\"*");
	expect("i.v. fluids ", "\"iv\" \"fluids\"");
	expect("dose e.g. 5", "\"dose\" \"eg\" \"5\"");
	/* Not numbers, nor letters of more than one ("Dr.A"), nor parts
	 * after a word and a dot, nor letters apart by two dots or more. */
	expect("7.5 mg", "\"7\" \"5\" \"mg\"*");
	expect("v7.5", "\"v7\" \"5\"");
	expect("Dr.A", "\"Dr\" \"A\"");
	expect("ab.c.d", "\"ab\" \"c\" \"d\"");
	expect("t..i", "\"t\" \"i\"");
	expect("t.", "\"t\"");
	/* Its place is the letters' first to last, so a dot after it ends
	 * the word: "t.i.a." is whole, "t.i.a" still being typed. */
	size_t a, b;
	ck_assert(query_word_span("see t.i.a. now", 1, &a, &b));
	ck_assert_uint_eq(a, 4);
	ck_assert_uint_eq(b, 9);
	ck_assert(query_word_span("see t.i.a. now", 2, &a, &b));
	ck_assert_uint_eq(a, 11);
}
END_TEST

START_TEST(word_spans)
{
	const char *t = "beta-blockers \xFF\xFE d-dimer";
	const char *want[] = { "beta", "blockers", "d", "dimer" };
	size_t a, b;
	for (size_t k = 0; k < 4; k++) {
		ck_assert_msg(query_word_span(t, k, &a, &b), "no word %zu", k);
		ck_assert_uint_eq(b - a, strlen(want[k]));
		ck_assert(memcmp(t + a, want[k], b - a) == 0);
	}
	ck_assert(!query_word_span(t, 4, &a, &b));
	ck_assert(!query_word_span("- ^", 0, &a, &b));
}
END_TEST

START_TEST(phrases_read_back)
{
	char *q = query_build("heart  fail");
	struct query_phrase ph[QUERY_MAX_WORDS];
	ck_assert_uint_eq(query_phrases(q, ph, QUERY_MAX_WORDS), 2);
	ck_assert(ph[0].len == 7 && strncmp(ph[0].text, "\"heart\"", 7) == 0);
	ck_assert(ph[0].wlen == 5 && strncmp(ph[0].word, "heart", 5) == 0 && !ph[0].prefix);
	ck_assert(ph[1].len == 7 && strcmp(ph[1].text, "\"fail\"*") == 0);
	ck_assert(ph[1].wlen == 4 && strncmp(ph[1].word, "fail", 4) == 0 && ph[1].prefix);
	ck_assert_uint_eq(query_phrases(q, ph, 1), 1);
	free(q);

	q = query_build("caf\xc3\xa9 x ");
	ck_assert_uint_eq(query_phrases(q, ph, QUERY_MAX_WORDS), 2);
	ck_assert(ph[0].wlen == 5 && !ph[0].prefix);
	ck_assert(strcmp(ph[1].text, "\"x\"") == 0 && !ph[1].prefix);
	free(q);
	ck_assert_uint_eq(query_phrases("", ph, QUERY_MAX_WORDS), 0);
}
END_TEST

/* The index of the tests below: what known() says it has. */
static const char *const index_words[] = { "anaemia", "haemorrhage", "tumour", "sglt2",
    "oedema", "heart", "anticoagulant", "coagulant", "for", "fit", "children", "allergy",
    "woman", "af", "ecg" };

static bool
known(void *arg, const char *w, size_t n, bool prefix)
{
	(void)arg;
	for (size_t i = 0; i < sizeof index_words / sizeof *index_words; i++)
		if ((prefix ? strlen(index_words[i]) >= n : strlen(index_words[i]) == n) &&
		    memcmp(index_words[i], w, n) == 0)
			return true;
	return false;
}

static void
expect_known(const char *typed, const char *want)
{
	char *q = query_build_known(typed, known, NULL);
	ck_assert_msg(q && strcmp(q, want) == 0, "'%s' gave '%s', wanted '%s'",
	    typed, q, want);
	free(q);
}

/* A word also matches its other spellings, two words the one the index
 * has; only those the index has, and a group in parentheses is joined
 * to the others with AND (FTS5 takes no implicit AND beside one). */
START_TEST(spellings_and_joined)
{
	expect_known("anemia ", "(\"anemia\" OR \"anaemia\")");
	expect_known("Anemia", "(\"Anemia\"* OR \"anaemia\"*)");
	expect_known("heart hemo", "\"heart\" AND (\"hemo\"* OR \"haemo\"*)");
	expect_known("tumor heart", "(\"tumor\" OR \"tumour\") AND \"heart\"*");
	/* the rule inside what is typed: "he" is no "hae" yet */
	expect_known("he", "\"he\"*");
	expect_known("fetal ", "\"fetal\"");
	expect_known("four ", "\"four\"");
	expect_known("SGLT-2", "(\"SGLT\" AND \"2\" OR \"SGLT2\")");
	expect_known("sglt 2 heart ", "(\"sglt\" AND \"2\" OR \"sglt2\") AND \"heart\"");
	expect_known("anti-coagulants",
	    "(\"anti\" AND \"coagulant\"* OR \"anticoagulant\"*)");
	expect_known("heart sglt 2", "\"heart\" AND (\"sglt\" AND \"2\" OR \"sglt2\")");
	/* asking no one, nothing of this */
	expect("anemia ", "\"anemia\"");
	expect("SGLT-2", "\"SGLT\" \"2\"");

	/* read back: phrases, their groups and alternatives, and the groups */
	char *q = query_build_known("heart sglt 2 anemia", known, NULL);
	struct query_phrase ph[QUERY_MAX_PHRASES];
	struct query_group g[QUERY_MAX_PHRASES];
	size_t n = query_phrases(q, ph, QUERY_MAX_PHRASES);
	ck_assert_uint_eq(n, 6);
	static const size_t group[] = { 0, 1, 1, 1, 2, 2 }, alt[] = { 0, 0, 0, 1, 0, 1 },
	    part[] = { 0, 0, 1, 0, 0, 0 };
	for (size_t i = 0; i < n; i++)
		ck_assert(ph[i].group == group[i] && ph[i].alt == alt[i] &&
		    ph[i].part == part[i]);
	ck_assert(ph[5].prefix && ph[5].wlen == 7 &&
	    strncmp(ph[5].word, "anaemia", 7) == 0);
	ck_assert_uint_eq(query_groups(q, ph, n, g, QUERY_MAX_PHRASES), 3);
	ck_assert(g[0].word == 0 && g[0].nwords == 1 && g[0].nphrases == 1);
	ck_assert(g[1].word == 1 && g[1].nwords == 2 && g[1].phrase == 1 &&
	    g[1].nphrases == 3);
	ck_assert(g[2].word == 3 && g[2].nwords == 1 && g[2].nphrases == 2);
	ck_assert(g[1].len == strlen("(\"sglt\" AND \"2\" OR \"sglt2\")") &&
	    strncmp(g[1].text, "(\"sglt\"", 7) == 0);
	ck_assert(g[2].text + g[2].len == q + strlen(q));
	free(q);
}
END_TEST

/* A plural of four letters as the last word, a prefix, also finds its
 * singular as a whole word, if the index has it ("fit"* would find
 * "fitness"); typed whole, it finds it as its other form by an s. */
START_TEST(short_plurals)
{
	expect_known("fits", "(\"fits\"* OR \"fit\")");
	expect_known("heart fits", "\"heart\" AND (\"fits\"* OR \"fit\")");
	expect_known("fits ", "(\"fits\" OR \"fit\")");      /* whole: wordforms.h */
	expect_known("fits heart", "(\"fits\" OR \"fit\") AND \"heart\"*");
	expect_known("bits", "\"bits\"*");
	expect("fits", "\"fits\"*");
	/* forms no s makes (wordforms.h), as the index has them */
	expect_known("child heart", "(\"child\" OR \"children\") AND \"heart\"*");
	expect_known("allergies ", "(\"allergies\" OR \"allergy\")");
	/* an irregular plural typed last: its singular whole ("woman"*
	 * would begin other words), in any case, if the index has it */
	expect_known("women", "(\"women\"* OR \"woman\")");
	expect_known("heart Women", "\"heart\" AND (\"Women\"* OR \"woman\")");
	expect_known("feet", "\"feet\"*");
	expect_known("wome", "\"wome\"*");
}
END_TEST

/* A last word of two or three letters the index has whole, a prefix, is
 * also matched whole, a term of its own (exact) in the rank: "AF" is
 * likely the abbreviation, not the start of "after". */
START_TEST(short_word_also_whole)
{
	expect_known("AF", "(\"AF\"* OR \"AF\")");
	expect_known("heart af", "\"heart\" AND (\"af\"* OR \"af\")");
	expect_known("af ", "\"af\"");                 /* whole already */
	expect_known("af heart", "\"af\" \"heart\"*");
	expect_known("ag", "\"ag\"*");                /* not in the index */
	expect_known("hear", "\"hear\"*");            /* four letters */
	expect("af", "\"af\"*");
	/* whole in another spelling: the one the index has */
	expect_known("EKG", "(\"EKG\"* OR \"ecg\"* OR \"ecg\")");

	char *q = query_build_known("heart af", known, NULL);
	struct query_phrase ph[QUERY_MAX_PHRASES];
	ck_assert_uint_eq(query_phrases(q, ph, QUERY_MAX_PHRASES), 3);
	ck_assert(!ph[0].exact && !ph[1].exact && ph[2].exact);
	ck_assert(ph[1].prefix && !ph[2].prefix && ph[2].group == 1 && ph[2].alt == 1);
	free(q);
	q = query_build_known("ekg", known, NULL);
	ck_assert_uint_eq(query_phrases(q, ph, QUERY_MAX_PHRASES), 3);
	ck_assert(!ph[0].exact && !ph[1].exact && ph[2].exact);
	free(q);
	/* a singular beside its plural is another word, not the one typed */
	q = query_build_known("fits", known, NULL);
	ck_assert_uint_eq(query_phrases(q, ph, QUERY_MAX_PHRASES), 2);
	ck_assert(!ph[0].exact && !ph[1].exact);
	free(q);
}
END_TEST

static bool
keep_none(void *arg, const char *word, size_t len)
{
	(void)arg, (void)word, (void)len;
	return false;
}

/* Words the tokenizer has no token of are blanked byte for byte; words
 * with an ASCII letter or digit are never asked about. */
START_TEST(blank_words)
{
	char *t = query_blank_words("anemia \xE2\x80\x94 x\xE2\x80\x94 \xF0\x9F\x93\x88",
	    keep_none, NULL);
	ck_assert_str_eq(t, "anemia     x\xE2\x80\x94     ");
	size_t a, b;
	ck_assert(query_word_span(t, 1, &a, &b) && a == 11 && b == 15);
	free(t);
	t = query_blank_words("\xE2\x80\xA6", keep_none, NULL);
	ck_assert_ptr_null(query_build(t));
	free(t);
}
END_TEST

static Suite *
query_suite(void)
{
	Suite *s = suite_create("query");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, words_and_prefix);
	tcase_add_test(tc, syntax_is_plain_text);
	tcase_add_test(tc, nothing_to_search);
	tcase_add_test(tc, unicode_and_invalid_bytes);
	tcase_add_test(tc, limits);
	tcase_add_test(tc, phrases_read_back);
	tcase_add_test(tc, word_spans);
	tcase_add_test(tc, plurals);
	tcase_add_test(tc, short_plurals);
	tcase_add_test(tc, short_word_also_whole);
	tcase_add_test(tc, spellings_and_joined);
	tcase_add_test(tc, blank_words);
	tcase_add_test(tc, dotted_abbreviations);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(query_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
