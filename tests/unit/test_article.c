/* test_article.c: parsing and validating one article in memory. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"

static char *levels[] = { "clinician", "patient" };
static char *statuses[] = { "submitted", "under-review", "approved" };
static const struct article_rules rules = { levels, 2, statuses, 3 };

#define FM \
	"---\nid: t\ntitle: A question?\ntopic: A / B\nupdated: 2024-02-29\n" \
	"status: submitted\n---\n"

static int
parse(const char *text, struct article *a, struct diag *d)
{
	return article_parse("f.md", text, strlen(text), &rules, a, d);
}

START_TEST(good_article)
{
	const char *text = FM
	    "\n## Answer {level=clinician}\nText [1] and *more* [1, 2].\n"
	    "\n## answer {level=patient}\nPlain.\n"
	    "\n## From the research\n- Found [2].\n"
	    "\n## References\n1. First ref.\n2. Second ref\n   over two lines.\n";
	struct article a;
	struct diag d = DIAG_INIT;
	ck_assert_int_eq(parse(text, &a, &d), 0);
	ck_assert_int_eq(d.warnings, 0);
	ck_assert_str_eq(a.id, "t");
	ck_assert_str_eq(a.topic, "A/B");          /* segments trimmed */
	ck_assert_str_eq(a.updated, "2024-02-29");  /* a leap day */
	ck_assert_uint_eq(a.nsections, 4);
	ck_assert_int_eq(a.sections[0].kind, DB_ANSWER);
	ck_assert_str_eq(a.sections[0].level, "clinician");
	ck_assert_str_eq(a.sections[0].body, "Text [1] and *more* [1, 2].");
	ck_assert_str_eq(a.sections[0].plain, "Text [1] and more [1, 2].");
	ck_assert_int_eq(a.sections[0].line, 9);
	ck_assert_str_eq(a.sections[1].level, "patient");
	ck_assert_ptr_null(a.sections[2].level);
	ck_assert_uint_eq(a.nrefs, 2);
	ck_assert_str_eq(a.refs[0].body, "First ref.");
	ck_assert_str_eq(a.refs[1].body, "Second ref\n   over two lines.");
	ck_assert(article_section_at(&a, DB_RESEARCH, "patient") == &a.sections[2]);
	article_free(&a);
	diag_free(&d);
}
END_TEST

START_TEST(all_problems_reported)
{
	const char *text = "---\nid: Bad Id\ntitle: x\ntopic: a//b\nupdated: 2023-02-29\n"
	    "status: done\nextra: 1\n---\n"
	    "\n## Answer {level=nurse}\nSee [4].\n"
	    "\n## Summary\nx\n"
	    "\n## Key points\n- Cited [4].\n";
	struct article a;
	struct diag d = DIAG_INIT;
	int errors = parse(text, &a, &d);
	const char *want[] = {
		"f.md:2: invalid id 'Bad Id'",
		"f.md:4: invalid topic 'a//b'",
		"f.md:5: invalid date '2023-02-29'",
		"f.md:6: unknown status 'done'",
		"f.md:7: unknown front-matter field 'extra'",
		"f.md:10: unknown reading level 'nurse'",
		"f.md:13: unknown section 'Summary'",
		"f.md:17: citation [4] has no entry in References",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		ck_assert_msg(strstr(d.text.data, want[i]), "missing '%s' in:\n%s",
		    want[i], d.text.data);
	ck_assert_int_ge(errors, (int)(sizeof want / sizeof *want));
	article_free(&a);
	diag_free(&d);
}
END_TEST

/* A reference never cited is a warning that names its own line, so an
 * author can find the entry in a long list. */
START_TEST(uncited_reference_names_its_line)
{
	const char *text = FM
	    "\n## Answer\nText [1, 3].\n"
	    "\n## References\n1. First.\n2. Second\n   over two lines.\n3. Third.\n";
	struct article a;
	struct diag d = DIAG_INIT;
	ck_assert_int_eq(parse(text, &a, &d), 0);
	ck_assert_int_eq(d.warnings, 1);
	ck_assert_str_eq(d.text.data, "f.md:14: warning: reference 2 is never cited\n");
	article_free(&a);
	diag_free(&d);
}
END_TEST

/* Missing references are reported a run at a time: consecutive numbers
 * cited on one line are one problem, anything else its own. */
START_TEST(missing_citations_in_runs)
{
	const char *text = FM
	    "\n## Answer\nSee [1], [3], [5-7] and [9, 10].\n"
	    "\n## Key points\n- Again [8].\n- And [11].\n"
	    "\n## References\n1. Only one.\n";
	struct article a;
	struct diag d = DIAG_INIT;
	int errors = parse(text, &a, &d);
	const char *want[] = {
		"f.md:10: citation [3] has no entry in References",
		"f.md:10: citations [5-7] have no entries in References",
		"f.md:10: citations [9-10] have no entries in References",
		"f.md:13: citation [8] has no entry in References",
		"f.md:14: citation [11] has no entry in References",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		ck_assert_msg(strstr(d.text.data, want[i]), "missing '%s' in:\n%s",
		    want[i], d.text.data);
	ck_assert_int_eq(errors, 5);
	article_free(&a);
	diag_free(&d);
}
END_TEST

START_TEST(levels_need_answers)
{
	struct article a;
	struct diag d = DIAG_INIT;
	/* A patient key-points section gives the article a patient level,
	 * which then lacks an answer. */
	const char *text = FM "## Answer {level=clinician}\nA.\n\n"
	    "## Key points {level=patient}\n- k\n";
	ck_assert_int_eq(parse(text, &a, &d), 1);
	ck_assert_ptr_nonnull(strstr(d.text.data, "no Answer for the 'patient' level"));
	article_free(&a);
	diag_free(&d);

	/* An unrestricted answer serves every level. */
	struct diag d2 = DIAG_INIT;
	ck_assert_int_eq(parse(FM "## Answer\nA.\n", &a, &d2), 0);
	article_free(&a);
	diag_free(&d2);

	struct diag d3 = DIAG_INIT;
	ck_assert_int_eq(parse(FM, &a, &d3), 1);
	ck_assert_ptr_nonnull(strstr(d3.text.data, "no sections"));
	article_free(&a);
	diag_free(&d3);
}
END_TEST

START_TEST(utf8_and_nul)
{
	struct article a;
	struct diag d = DIAG_INIT;
	const char text[] = FM "## Answer\nok\n\xC3\x28 bad\nfine\n\xFF\n";
	ck_assert_int_eq(article_parse("f.md", text, sizeof text - 1, &rules, &a, &d), 2);
	ck_assert_ptr_nonnull(strstr(d.text.data, "f.md:10: invalid UTF-8 (byte 0xC3)"));
	ck_assert_ptr_nonnull(strstr(d.text.data, "f.md:12: invalid UTF-8 (byte 0xFF)"));
	article_free(&a);
	diag_free(&d);

	struct diag d2 = DIAG_INIT;
	const char nul[] = FM "## Answer\na\0b\n";
	ck_assert_int_eq(article_parse("f.md", nul, sizeof nul - 1, &rules, &a, &d2), 1);
	/* Rejected, so no reader sees it: no warning says one will. */
	ck_assert_str_eq(d2.text.data, "f.md:9: the file contains NUL bytes\n");
	article_free(&a);
	diag_free(&d2);

	/* A line in Latin-1 ("Caf\xE9 na\xEFve") is one problem, not one a
	 * letter; lines end as everywhere else (here a lone CR). */
	struct diag d3 = DIAG_INIT;
	const char latin[] = "---\rid: t\r---\r\rCaf\xE9 na\xEFve \x93q\x94\r\xFF\r";
	ck_assert_int_eq(article_parse("f.md", latin, sizeof latin - 1,
	    &rules, &a, &d3), 2);
	ck_assert_str_eq(d3.text.data,
	    "f.md:5: invalid UTF-8 (byte 0xE9, and 3 more on the line): "
	    "save the file as UTF-8\n"
	    "f.md:6: invalid UTF-8 (byte 0xFF): save the file as UTF-8\n");
	article_free(&a);
	diag_free(&d3);

	struct diag d4 = DIAG_INIT;
	const char nulcr[] = "---\rid: t\r---\r\ra\0b\r";
	ck_assert_int_eq(article_parse("f.md", nulcr, sizeof nulcr - 1,
	    &rules, &a, &d4), 1);
	ck_assert_str_eq(d4.text.data, "f.md:5: the file contains NUL bytes\n");
	article_free(&a);
	diag_free(&d4);
}
END_TEST

START_TEST(hostile_text_is_kept_but_indexed_safely)
{
	struct article a;
	struct diag d = DIAG_INIT;
	const char *text = FM "## Answer\nTitle \033]0;pwned\007 and \033[2J.\n";
	ck_assert_int_eq(parse(text, &a, &d), 0);
	/* the Markdown is stored as written; the index text is made safe */
	ck_assert_ptr_nonnull(strchr(a.sections[0].body, '\033'));
	ck_assert_ptr_null(strchr(a.sections[0].plain, '\033'));
	ck_assert_ptr_null(strchr(a.sections[0].plain, '\007'));
	article_free(&a);
	diag_free(&d);
}
END_TEST

START_TEST(deep_nesting_does_not_overflow)
{
	/* 50,000 nested quotes: cmark and our walk use heap, not stack. */
	size_t n = 50000;
	char *text = malloc(strlen(FM) + 20 + 2 * n + 10);
	strcpy(text, FM "## Answer\n");
	size_t len = strlen(text);
	for (size_t i = 0; i < n; i++)
		text[len++] = '>';
	memcpy(text + len, " deep\n", 7);
	struct article a;
	struct diag d = DIAG_INIT;
	ck_assert_int_eq(parse(text, &a, &d), 0);
	ck_assert_str_eq(a.sections[0].plain, "deep");
	article_free(&a);
	diag_free(&d);
	free(text);
}
END_TEST

START_TEST(ids_and_dates)
{
	ck_assert(article_id_valid("a-1"));
	ck_assert(!article_id_valid("-a"));
	ck_assert(!article_id_valid("a-"));
	ck_assert(!article_id_valid("A"));
	ck_assert(!article_id_valid(""));
	ck_assert(!article_id_valid("a_b"));
	ck_assert(article_date_valid("2000-02-29"));
	ck_assert(!article_date_valid("1900-02-29"));
	ck_assert(!article_date_valid("2024-13-01"));
	ck_assert(!article_date_valid("2024-1-01"));
	ck_assert(!article_date_valid("2024-04-31"));
	/* The message says what is wrong: the form, or the day itself. */
	ck_assert_str_eq(article_date_problem("2024-4-1"), "write it as YYYY-MM-DD");
	ck_assert_str_eq(article_date_problem("2026-02-30"), "there is no such day");
	ck_assert_str_eq(article_date_problem("2026-13-01"),
	    "there is no such month (the month comes before the day)");
	ck_assert_str_eq(article_date_problem("2026-00-10"),
	    "there is no such month (the month comes before the day)");
	ck_assert_str_eq(article_date_problem("1899-12-31"), "the year is before 1900");
	ck_assert_ptr_null(article_date_problem("2024-02-29"));
}
END_TEST

/* Each required field, left out alone, is named as missing: a field
 * dropped from the list would reach the database as NULL. */
START_TEST(each_required_field_is_named)
{
	static const char *const lines[] = {
		"id: t\n", "title: A question?\n", "topic: A/B\n",
		"updated: 2024-02-29\n", "status: submitted\n",
	};
	static const char *const names[] = { "id", "title", "topic", "updated", "status" };
	for (size_t skip = 0; skip < 5; skip++) {
		char text[512] = "---\n";
		for (size_t i = 0; i < 5; i++)
			if (i != skip)
				strcat(text, lines[i]);
		strcat(text, "---\n\n## Answer\nText.\n");
		char want[64];
		snprintf(want, sizeof want, "f.md:2: missing front-matter field '%s'\n",
		    names[skip]);
		struct article a;
		struct diag d = DIAG_INIT;
		ck_assert_int_eq(parse(text, &a, &d), 1);
		ck_assert_msg(d.text.data && strcmp(d.text.data, want) == 0,
		    "want '%s', got '%s'", want, d.text.data ? d.text.data : "");
		article_free(&a);
		diag_free(&d);
	}
}
END_TEST

/* A title cut short by a YAML comment is warned about when the words
 * before the '#' are not all ASCII too: libyaml counts characters, and
 * read as bytes its index fell short of the '#'. */
START_TEST(title_comment_after_accents)
{
	const char *text = "---\nid: t\ntitle: Is caf\xc3\xa9 \xe2\x89\xa5 the #1 cause?\n"
	    "topic: A/B\nupdated: 2024-02-29\nstatus: submitted\n---\n\n## Answer\nText.\n";
	struct article a;
	struct diag d = DIAG_INIT;
	ck_assert_int_eq(parse(text, &a, &d), 0);
	ck_assert_int_eq(d.warnings, 1);
	ck_assert_ptr_nonnull(strstr(d.text.data, "f.md:3: warning: the title ends "
	    "before ' #'"));
	article_free(&a);
	diag_free(&d);
}
END_TEST

static Suite *
article_suite(void)
{
	Suite *s = suite_create("article");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, good_article);
	tcase_add_test(tc, all_problems_reported);
	tcase_add_test(tc, missing_citations_in_runs);
	tcase_add_test(tc, uncited_reference_names_its_line);
	tcase_add_test(tc, levels_need_answers);
	tcase_add_test(tc, utf8_and_nul);
	tcase_add_test(tc, hostile_text_is_kept_but_indexed_safely);
	tcase_add_test(tc, deep_nesting_does_not_overflow);
	tcase_add_test(tc, ids_and_dates);
	tcase_add_test(tc, each_required_field_is_named);
	tcase_add_test(tc, title_comment_after_accents);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(article_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
