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

static Suite *
line_edit_suite(void)
{
	Suite *s = suite_create("line_edit");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, insert_at_the_cursor);
	tcase_add_test(tc, moves_over_whole_characters);
	tcase_add_test(tc, kills_before_the_cursor);
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
