/* test_spelling.c: British and American spellings of a word, made by
 * the one rule set the search and "did you mean" share. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "spelling.h"
#include "wordforms.h"

/* Whether word (typed whole, or as a prefix) has other among its other
 * spellings. */
static bool
has(const char *word, bool prefix, const char *other)
{
	char *v[SPELLING_MAX];
	size_t n = spelling_variants(word, strlen(word), prefix, v, SPELLING_MAX);
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		found |= strcmp(v[i], other) == 0;
		free(v[i]);
	}
	return found;
}

/* Whether word has other among its other forms. */
static bool
has_form(const char *word, bool prefix, const char *other)
{
	char *v[SPELLING_MAX];
	size_t n = wordform_variants(word, strlen(word), prefix, v, SPELLING_MAX);
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		found |= strcmp(v[i], other) == 0;
		free(v[i]);
	}
	return found;
}

/* Plurals no added s makes: -y and -ies, and the irregular ones, each
 * way when whole; while typed, none that would begin other words. */
START_TEST(word_forms)
{
	static const char *const pairs[][2] = {
		{ "allergy", "allergies" }, { "injury", "injuries" },
		{ "therapy", "therapies" }, { "child", "children" },
		{ "woman", "women" }, { "foot", "feet" }, { "tooth", "teeth" },
		{ "person", "people" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		ck_assert_msg(has_form(pairs[i][0], false, pairs[i][1]), "%s: no %s",
		    pairs[i][0], pairs[i][1]);
		ck_assert_msg(has_form(pairs[i][1], false, pairs[i][0]), "%s: no %s",
		    pairs[i][1], pairs[i][0]);
		ck_assert(wordform_same(pairs[i][1], strlen(pairs[i][1]), pairs[i][0],
		    strlen(pairs[i][0])));
	}
	ck_assert(has_form("child", true, "children"));
	/* "child"* begins "childbirth" */
	ck_assert(!has_form("children", true, "child"));
	ck_assert(has_form("allergies", true, "allergy"));
	ck_assert(!has_form("day", false, "daies"));
	ck_assert(!has_form("men", false, "man"));
	ck_assert(!has_form("man", false, "men"));
	ck_assert(wordform_same("tumour", 6, "tumours", 7));     /* whole words, by an s */
	ck_assert(!wordform_same("status", 6, "statu", 5));
	ck_assert(has_form("fits", false, "fit") && !has_form("fits", true, "fit"));
}
END_TEST

/* A whole word finds its form in -ing, as it would as a prefix still
 * typed: "bleed gi" must find "GI bleeding" as "gi bleed" does. */
START_TEST(ing_forms)
{
	ck_assert(has_form("bleed", false, "bleeding"));
	ck_assert(has_form("vomit", false, "vomiting"));
	ck_assert(has_form("wheeze", false, "wheezing"));       /* the e goes */
	ck_assert(!has_form("bleed", true, "bleeding"));        /* "bleed"* has it */
	ck_assert(!has_form("bleeding", false, "bleedinging"));
	ck_assert(!has_form("see", false, "seeing"));           /* three letters */
	ck_assert(!has_form("cough", false, "bleeding"));
	ck_assert(!has_form("bleeds", false, "bleedsing"));
	ck_assert(wordform_same("bleed", 5, "bleeding", 8));
}
END_TEST

START_TEST(both_ways)
{
	static const char *const pairs[][2] = {
		{ "anaemia", "anemia" }, { "haemorrhage", "hemorrhage" },
		{ "paediatric", "pediatric" }, { "oedema", "edema" },
		{ "oesophageal", "esophageal" }, { "foetal", "fetal" },
		{ "diarrhoea", "diarrhea" }, { "tumour", "tumor" }, { "tumours", "tumors" },
		{ "behavioural", "behavioral" }, { "randomised", "randomized" },
		{ "organisation", "organization" }, { "analyse", "analyze" },
		{ "sulphonylurea", "sulfonylurea" }, { "litre", "liter" },
		{ "centres", "centers" }, { "fibre", "fiber" }, { "catalogue", "catalog" },
		{ "anaesthetised", "anesthetized" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		ck_assert_msg(has(pairs[i][0], false, pairs[i][1]), "%s: no %s",
		    pairs[i][0], pairs[i][1]);
		ck_assert_msg(has(pairs[i][1], false, pairs[i][0]), "%s: no %s",
		    pairs[i][1], pairs[i][0]);
		ck_assert(spelling_same(pairs[i][0], strlen(pairs[i][0]), pairs[i][1],
		    strlen(pairs[i][1])));
	}
}
END_TEST

/* Drugs named otherwise in Britain and America: each name finds the
 * other, typed whole or as the last word still being typed, but not a
 * name half typed ("adrenal" is a word of its own). */
START_TEST(drug_names)
{
	static const char *const pairs[][2] = {
		{ "adrenaline", "epinephrine" }, { "noradrenaline", "norepinephrine" },
		{ "salbutamol", "albuterol" }, { "paracetamol", "acetaminophen" },
		{ "lignocaine", "lidocaine" }, { "ergometrine", "ergonovine" },
		{ "ecg", "ekg" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
		for (int side = 0; side < 2; side++) {
			const char *a = pairs[i][side], *b = pairs[i][!side];
			ck_assert_msg(has(a, false, b), "%s: no %s", a, b);
			ck_assert_msg(has(a, true, b), "%s typed: no %s", a, b);
			ck_assert(spelling_same(a, strlen(a), b, strlen(b)));
		}
	ck_assert(!has("adrenal", true, "epinephrine"));
	ck_assert(!has("epinephrin", true, "adrenaline"));
	ck_assert(!has("adrenaline", false, "norepinephrine"));
	ck_assert(!has("epinephrines", false, "adrenaline"));
}
END_TEST

/* Other words are not spellings of each other. */
START_TEST(not_other_words)
{
	static const char *const pairs[][2] = {
		{ "four", "for" }, { "your", "yor" }, { "journal", "jornal" },
		{ "does", "des" }, { "toe", "te" }, { "shoes", "shes" },
		{ "disease", "dizease" }, { "phase", "fase" }, { "tumour", "tumours" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
		ck_assert_msg(!spelling_same(pairs[i][0], strlen(pairs[i][0]), pairs[i][1],
		    strlen(pairs[i][1])), "%s: %s", pairs[i][0], pairs[i][1]);
	char *v[SPELLING_MAX];
	ck_assert_uint_eq(spelling_variants("Anemia", 6, false, v, SPELLING_MAX), 0);
	ck_assert_uint_eq(spelling_variants("an\xc3\xa6mia", 7, false, v, SPELLING_MAX), 0);
}
END_TEST

/* A word still being typed: a rule applies where all it looks at has
 * been typed. */
START_TEST(as_typed)
{
	ck_assert(has("hem", true, "haem"));
	ck_assert(has("haem", true, "hem"));
	ck_assert(!has("he", true, "hae"));
	ck_assert(!has("hae", true, "he"));
	ck_assert(has("tumor", true, "tumour"));
	ck_assert(has("sulf", true, "sulph"));
	/* "liter" begins "literature": not made of an unfinished "litre" */
	ck_assert(!has("litre", true, "liter"));
	ck_assert(has("liter", true, "litre"));
	ck_assert(!has("randomis", true, "randomiz"));
	ck_assert(has("randomise", true, "randomize"));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("spelling");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, both_ways);
	tcase_add_test(tc, word_forms);
	tcase_add_test(tc, ing_forms);
	tcase_add_test(tc, drug_names);
	tcase_add_test(tc, not_other_words);
	tcase_add_test(tc, as_typed);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
