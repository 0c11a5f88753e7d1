/* test_line_edit.c: the search box's line, edited at a cursor. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "line_edit.h"

START_TEST(insert_at_the_cursor)
{
	struct line_edit l = LINE_EDIT_INIT;
	ck_assert_str_eq(line_edit_text(&l), "");
	line_edit_set(&l, "hart");
	ck_assert_uint_eq(l.cur, 4);
	ck_assert(line_edit_home(&l));
	ck_assert(!line_edit_home(&l));
	ck_assert(line_edit_right(&l));
	ck_assert(line_edit_insert(&l, 'e', 64));
	ck_assert_str_eq(line_edit_text(&l), "heart");
	ck_assert_uint_eq(l.cur, 2);
	ck_assert(line_edit_end(&l));
	ck_assert(!line_edit_right(&l));
	ck_assert(line_edit_insert(&l, 's', 64));
	ck_assert_str_eq(line_edit_text(&l), "hearts");
	/* Too long: refused, nothing changed. */
	ck_assert(!line_edit_insert(&l, 'x', 6));
	ck_assert(!line_edit_insert(&l, 0xE9, 7));
	ck_assert_str_eq(line_edit_text(&l), "hearts");
	line_edit_free(&l);
}
END_TEST

START_TEST(moves_over_whole_characters)
{
	struct line_edit l = LINE_EDIT_INIT;
	line_edit_set(&l, "a\xC3\xA9\xE2\x80\xA6");   /* a, e-acute, ellipsis */
	ck_assert(line_edit_left(&l));
	ck_assert_uint_eq(l.cur, 3);
	ck_assert(line_edit_left(&l));
	ck_assert_uint_eq(l.cur, 1);
	ck_assert(line_edit_delete(&l));
	ck_assert_str_eq(line_edit_text(&l), "a\xE2\x80\xA6");
	ck_assert(line_edit_insert(&l, 0x1F600, 64));
	ck_assert_str_eq(line_edit_text(&l), "a\xF0\x9F\x98\x80\xE2\x80\xA6");
	ck_assert(line_edit_backspace(&l));
	ck_assert_str_eq(line_edit_text(&l), "a\xE2\x80\xA6");
	ck_assert(line_edit_right(&l));
	ck_assert_uint_eq(l.cur, 4);
	ck_assert(!line_edit_delete(&l));
	ck_assert(line_edit_home(&l));
	ck_assert(!line_edit_left(&l));
	ck_assert(!line_edit_backspace(&l));
	line_edit_free(&l);
}
END_TEST

START_TEST(kills_before_the_cursor)
{
	struct line_edit l = LINE_EDIT_INIT;
	line_edit_set(&l, "acute  heart failure");
	/* C-w in the middle: the word before the cursor and the blanks
	 * after it, as a shell does; what follows stays. */
	for (int i = 0; i < 8; i++)
		line_edit_left(&l);
	ck_assert_str_eq(line_edit_text(&l) + l.cur, " failure");
	ck_assert(line_edit_kill_word(&l));
	ck_assert_str_eq(line_edit_text(&l), "acute   failure");
	ck_assert_uint_eq(l.cur, 7);
	ck_assert(line_edit_kill_word(&l));
	ck_assert_str_eq(line_edit_text(&l), " failure");
	ck_assert_uint_eq(l.cur, 0);
	ck_assert(!line_edit_kill_word(&l));
	ck_assert(!line_edit_kill_start(&l));
	ck_assert(line_edit_end(&l));
	ck_assert(line_edit_left(&l));
	ck_assert(line_edit_kill_start(&l));
	ck_assert_str_eq(line_edit_text(&l), "e");
	ck_assert_uint_eq(l.cur, 0);
	line_edit_set(&l, "x");
	ck_assert_str_eq(line_edit_text(&l), "x");
	ck_assert_uint_eq(l.cur, 1);
	line_edit_free(&l);
}
END_TEST

/* A letter and its combining mark are one character to the cursor,
 * as readline has it: the cursor never sits between them. */
START_TEST(moves_over_marks_with_their_letter)
{
	struct line_edit l = LINE_EDIT_INIT;
	line_edit_set(&l, "cafe\xCC\x81s");
	ck_assert(line_edit_left(&l));
	ck_assert(line_edit_left(&l));
	ck_assert_uint_eq(l.cur, 3);
	ck_assert(line_edit_right(&l));
	ck_assert_uint_eq(l.cur, 6);
	ck_assert(line_edit_backspace(&l));
	ck_assert_str_eq(line_edit_text(&l), "cafs");
	line_edit_free(&l);
}
END_TEST

/* What the box shows of a line: bytes [from, to) and the markers. */
static void
view_is(const struct line_edit *l, int cols, struct line_edit_view *v,
    const char *shown, bool before, bool after)
{
	line_edit_scroll(l, cols, v);
	char *got = strndup(line_edit_text(l) + v->from, v->to - v->from);
	ck_assert_str_eq(got, shown);
	free(got);
	ck_assert_int_eq(v->hidden_before, before);
	ck_assert_int_eq(v->hidden_after, after);
}

START_TEST(scrolls_to_keep_the_cursor_in_view)
{
	struct line_edit l = LINE_EDIT_INIT;
	struct line_edit_view v = { 0, 0, false, false };
	line_edit_set(&l, "abcdefghijklmnopqrstuvwxyz");
	/* At the end: the end of the text and the blank the cursor is on,
	 * a marker for the rest (1 + 19 + 1 columns of 21). */
	view_is(&l, 21, &v, "hijklmnopqrstuvwxyz", true, false);
	/* At the start: the start, and a marker for the rest. */
	line_edit_home(&l);
	view_is(&l, 21, &v, "abcdefghijklmnopqrst", false, true);
	/* Moving inside the box moves nothing... */
	for (int i = 0; i < 10; i++)
		line_edit_right(&l);
	view_is(&l, 21, &v, "abcdefghijklmnopqrst", false, true);
	/* ...until fewer than a quarter of the columns are left after the
	 * cursor: then the text moves (here by two: the marker before it
	 * takes a column). */
	for (int i = 0; i < 5; i++)
		line_edit_right(&l);
	ck_assert_uint_eq(l.cur, 15);
	view_is(&l, 21, &v, "cdefghijklmnopqrstu", true, true);
	/* Back to the start of the box: the text stays where it is until a
	 * quarter of the columns are left before the cursor. */
	for (int i = 0; i < 8; i++)
		line_edit_left(&l);
	view_is(&l, 21, &v, "cdefghijklmnopqrstu", true, true);
	line_edit_left(&l);
	view_is(&l, 21, &v, "bcdefghijklmnopqrst", true, true);
	/* Wide enough: all of it, and no markers. */
	view_is(&l, 40, &v, "abcdefghijklmnopqrstuvwxyz", false, false);
	line_edit_free(&l);
}
END_TEST

/* A wide character or a letter with its mark is shown whole or not at
 * all: a column is left blank before the marker instead. */
START_TEST(never_cuts_a_character)
{
	struct line_edit l = LINE_EDIT_INIT;
	struct line_edit_view v = { 0, 0, false, false };
	/* 中 is 2 columns; "e" U+0301 is 1. */
	line_edit_set(&l, "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD" "e\xCC\x81"
	    "\xE4\xB8\xAD\xE4\xB8\xAD");
	line_edit_home(&l);
	view_is(&l, 8, &v, "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD", false, true);
	line_edit_end(&l);
	view_is(&l, 8, &v, "e\xCC\x81\xE4\xB8\xAD\xE4\xB8\xAD", true, false);
	line_edit_left(&l);
	line_edit_left(&l);
	line_edit_left(&l);
	view_is(&l, 8, &v, "\xE4\xB8\xAD" "e\xCC\x81\xE4\xB8\xAD\xE4\xB8\xAD", true,
	    false);
	ck_assert_uint_eq(l.cur, 12);
	line_edit_free(&l);
}
END_TEST

static Suite *
line_edit_suite(void)
{
	Suite *s = suite_create("line_edit");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, insert_at_the_cursor);
	tcase_add_test(tc, moves_over_whole_characters);
	tcase_add_test(tc, kills_before_the_cursor);
	tcase_add_test(tc, moves_over_marks_with_their_letter);
	tcase_add_test(tc, scrolls_to_keep_the_cursor_in_view);
	tcase_add_test(tc, never_cuts_a_character);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(line_edit_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
