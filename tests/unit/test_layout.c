/* test_layout.c: unit tests for the browser's layout arithmetic
 * (tui/layout.c): rectangles at every size stay inside the screen and do
 * not overlap; scroll positions stay in range. */
#include <check.h>
#include <limits.h>
#include <stdbool.h>

#include "layout.h"

static bool
inside(struct rect r, struct rect outer)
{
	if (r.h == 0 || r.w == 0)
		return true;
	return r.y >= outer.y && r.x >= outer.x && r.h >= 0 && r.w >= 0 &&
	    r.y + r.h <= outer.y + outer.h && r.x + r.w <= outer.x + outer.w;
}

static bool
overlap(struct rect a, struct rect b)
{
	if (a.h <= 0 || a.w <= 0 || b.h <= 0 || b.w <= 0)
		return false;
	return a.y < b.y + b.h && b.y < a.y + a.h && a.x < b.x + b.w && b.x < a.x + a.w;
}

START_TEST(test_too_small)
{
	ck_assert(layout_too_small(5, 80));
	ck_assert(layout_too_small(24, 19));
	ck_assert(layout_too_small(0, 0));
	ck_assert(layout_too_small(-3, 100));
	ck_assert(!layout_too_small(6, 20));
	ck_assert(!layout_too_small(24, 80));
}
END_TEST

START_TEST(test_screen)
{
	struct screen_layout s;
	layout_screen(24, 80, &s);
	ck_assert_int_eq(s.body.h, 23);
	ck_assert_int_eq(s.body.w, 80);
	ck_assert_int_eq(s.status.y, 23);
	ck_assert_int_eq(s.status.h, 1);
	layout_screen(0, 0, &s);
	ck_assert_int_ge(s.body.h, 0);
	ck_assert_int_ge(s.status.h, 0);
	layout_screen(1, 1, &s);
	ck_assert_int_eq(s.body.h, 0);
	ck_assert_int_eq(s.status.h, 1);
}
END_TEST

START_TEST(test_topics_side_by_side)
{
	struct rect body = { 0, 0, 23, 80 };
	struct topics_layout t;
	layout_topics(body, &t);
	ck_assert(t.side_by_side);
	ck_assert_int_eq(t.header.h, 1);
	ck_assert_int_eq(t.tree.y, 1);
	ck_assert_int_eq(t.tree.h, 22);
	ck_assert_int_eq(t.tree.w + t.rule.w + t.list.w, 80);
	ck_assert_int_eq(t.list.x, t.tree.w + 1);
	ck_assert_int_ge(t.list.w, 40);
}
END_TEST

START_TEST(test_topics_stacked)
{
	struct rect body = { 0, 0, 9, 40 };
	struct topics_layout t;
	layout_topics(body, &t);
	ck_assert(!t.side_by_side);
	ck_assert_int_eq(t.tree.w, 40);
	ck_assert_int_eq(t.rule.y, t.tree.y + t.tree.h);
	ck_assert_int_eq(t.list.y, t.rule.y + 1);
	ck_assert_int_eq(t.header.h + t.tree.h + t.rule.h + t.list.h, 9);
}
END_TEST

/* Every size from 0x0 to 200x60: inside the body, no overlaps. */
START_TEST(test_topics_every_size)
{
	for (int h = 0; h <= 60; h++)
		for (int w = 0; w <= 200; w += 3) {
			struct rect body = { 0, 0, h, w };
			struct topics_layout t;
			layout_topics(body, &t);
			struct rect all[] = { t.header, t.tree, t.rule, t.list };
			for (int i = 0; i < 4; i++) {
				ck_assert_msg(inside(all[i], body), "%dx%d part %d",
				    w, h, i);
				for (int j = i + 1; j < 4; j++)
					ck_assert_msg(!overlap(all[i], all[j]),
					    "%dx%d %d/%d", w, h, i, j);
			}
		}
}
END_TEST

START_TEST(test_article_tabs)
{
	struct rect body = { 0, 0, 23, 80 };
	struct article_layout a;
	layout_article(body, 1, 2, &a);
	ck_assert(!a.grid);
	ck_assert_int_eq(a.title_lines, 1);
	ck_assert_int_eq(a.meta_lines, 2);
	ck_assert_int_eq(a.header.h, 3);
	ck_assert_int_eq(a.tabbar.y, 3);
	ck_assert_int_eq(a.tabbar.h, 1);
	for (int i = 0; i < LAYOUT_PANES; i++) {
		ck_assert_int_eq(a.pane[i].y, 4);
		ck_assert_int_eq(a.pane[i].h, 19);
		ck_assert_int_eq(a.pane[i].w, 80);
	}
}
END_TEST

START_TEST(test_article_header_shrinks)
{
	struct rect body = { 0, 0, 5, 20 };      /* a 20x6 terminal */
	struct article_layout a;
	layout_article(body, 3, 2, &a);
	/* The header gives way so that at least one line of text shows. */
	ck_assert_int_ge(a.title_lines, 1);
	ck_assert_int_ge(a.meta_lines, 1);
	ck_assert_int_ge(a.pane[0].h, 1);
	ck_assert_int_le(a.header.h + a.tabbar.h + a.pane[0].h, 5);
	/* A tall title on a short screen is cut to one line first. */
	body.h = 9;
	layout_article(body, 3, 2, &a);
	ck_assert_int_le(a.header.h, 4);
	ck_assert_int_ge(a.pane[0].h, 2);
	/* A header that wants three meta lines (status and date each on
	 * their own, at 25 columns or fewer) keeps two of them at 20x6: the
	 * title gives way first. */
	body.h = 5;
	layout_article(body, 3, 3, &a);
	ck_assert_int_eq(a.title_lines, 1);
	ck_assert_int_eq(a.meta_lines, 2);
	ck_assert_int_ge(a.pane[0].h, 1);
	body.h = 9;
	layout_article(body, 2, 3, &a);
	ck_assert_int_eq(a.meta_lines, 3);
}
END_TEST

START_TEST(test_article_grid)
{
	struct rect body = { 0, 0, 39, 140 };
	struct article_layout a;
	layout_article(body, 1, 1, &a);
	ck_assert(a.grid);
	ck_assert_int_eq(a.tabbar.h, 0);
	/* Answer beside key points, research beside references. */
	ck_assert_int_eq(a.pane[0].y, a.pane[1].y);
	ck_assert_int_lt(a.pane[0].x, a.pane[1].x);
	ck_assert_int_eq(a.pane[2].y, a.pane[3].y);
	ck_assert_int_gt(a.pane[2].y, a.pane[0].y);
	ck_assert_int_eq(a.pane[4].w, 140);
	for (int i = 0; i < LAYOUT_PANES; i++) {
		ck_assert_int_eq(a.title[i].h, 1);
		ck_assert_int_eq(a.title[i].y + 1, a.pane[i].y);
		ck_assert_int_ge(a.pane[i].h, 1);
	}
	/* Just below the threshold: tabs. */
	body.w = LAYOUT_GRID_COLS - 1;
	layout_article(body, 1, 1, &a);
	ck_assert(!a.grid);
}
END_TEST

START_TEST(test_article_every_size)
{
	for (int h = 0; h <= 60; h++)
		for (int w = 0; w <= 200; w += 7)
			/* Title lines 0 to 3, meta lines 1 to 3. */
			for (int c = 0; c < 4 * 3; c++) {
				struct rect body = { 0, 0, h, w };
				struct article_layout a;
				layout_article(body, c / 3, c % 3 + 1, &a);
				ck_assert(inside(a.header, body));
				ck_assert(inside(a.tabbar, body));
				ck_assert(!overlap(a.header, a.tabbar));
				for (int i = 0; i < LAYOUT_PANES; i++) {
					ck_assert_msg(inside(a.pane[i], body),
					    "%dx%d pane %d", w, h, i);
					ck_assert(inside(a.title[i], body));
					ck_assert(!overlap(a.pane[i], a.header));
					ck_assert(!overlap(a.pane[i], a.tabbar));
					for (int j = i + 1;
					    a.grid && j < LAYOUT_PANES; j++) {
						ck_assert(!overlap(a.pane[i], a.pane[j]));
						ck_assert(!overlap(a.title[i], a.pane[j]));
					}
				}
			}
}
END_TEST

START_TEST(test_tab_variant)
{
	int widths[3][LAYOUT_PANES] = {
		{ 6, 10, 17, 10, 10 },  /* 53 + 20 = 73 */
		{ 6, 7, 8, 4, 6 },      /* 31 + 20 = 51 */
		{ 0, 0, 0, 0, 0 },
	};
	ck_assert_int_eq(layout_tab_variant(80, widths), 0);
	ck_assert_int_eq(layout_tab_variant(73, widths), 0);
	ck_assert_int_eq(layout_tab_variant(72, widths), 1);
	ck_assert_int_eq(layout_tab_variant(51, widths), 1);
	ck_assert_int_eq(layout_tab_variant(50, widths), 2);
	ck_assert_int_eq(layout_tab_variant(0, widths), 2);
}
END_TEST

START_TEST(test_scroll)
{
	ck_assert_int_eq(layout_clamp_scroll(-5, 100, 20), 0);
	ck_assert_int_eq(layout_clamp_scroll(90, 100, 20), 80);
	ck_assert_int_eq(layout_clamp_scroll(10, 5, 20), 0);
	ck_assert_int_eq(layout_clamp_scroll(10, 100, 0), 10);
	ck_assert_int_eq(layout_clamp_scroll(INT_MAX, 100, 20), 80);

	ck_assert_int_eq(layout_scroll_to_show(0, 30, 100, 20), 11);
	ck_assert_int_eq(layout_scroll_to_show(50, 30, 100, 20), 30);
	ck_assert_int_eq(layout_scroll_to_show(25, 30, 100, 20), 25);
	ck_assert_int_eq(layout_scroll_to_show(0, 99, 100, 20), 80);
}
END_TEST

START_TEST(test_scroll_proportional)
{
	/* Halfway down stays halfway down when the text changes length. */
	ck_assert_int_eq(layout_scroll_proportional(50, 100, 40, 10), 20);
	ck_assert_int_eq(layout_scroll_proportional(0, 100, 40, 10), 0);
	ck_assert_int_eq(layout_scroll_proportional(90, 100, 40, 10), 30);
	ck_assert_int_eq(layout_scroll_proportional(10, 0, 40, 10), 0);
	ck_assert_int_eq(layout_scroll_proportional(10, 100, 0, 10), 0);
	ck_assert_int_eq(layout_scroll_proportional(INT_MAX / 2, INT_MAX / 2,
	    INT_MAX / 2, 10), INT_MAX / 2 - 10);
}
END_TEST

START_TEST(test_list_top)
{
	/* 10 items of 2 lines in 6 lines: 3 visible. */
	ck_assert_int_eq(layout_list_top(0, 0, 10, 2, 6), 0);
	ck_assert_int_eq(layout_list_top(0, 2, 10, 2, 6), 0);
	ck_assert_int_eq(layout_list_top(0, 3, 10, 2, 6), 1);
	ck_assert_int_eq(layout_list_top(5, 3, 10, 2, 6), 3);
	ck_assert_int_eq(layout_list_top(9, 9, 10, 2, 6), 7);
	ck_assert_int_eq(layout_list_top(8, 9, 10, 2, 6), 7);
	ck_assert_int_eq(layout_list_top(3, 0, 0, 2, 6), 0);
	ck_assert_int_eq(layout_list_top(0, 50, 10, 2, 6), 7);
	ck_assert_int_eq(layout_list_top(0, 5, 10, 0, 0), 5);
}
END_TEST

/* Scrolled to item 5 of 10 in 3 visible, then resized to 6 visible: from
 * 0 again (the caller's part), the selection the last one shown. */
START_TEST(test_list_top_after_resize)
{
	struct rect small = { 0, 0, 6, 80 }, big = { 0, 0, 12, 80 };
	ck_assert(layout_size_changed(small, big));
	ck_assert(!layout_size_changed(big, (struct rect){ 3, 1, 12, 80 }));
	ck_assert_int_eq(layout_list_top(0, 5, 10, 2, 6), 3);
	ck_assert_int_eq(layout_list_top(0, 5, 10, 2, 12), 0);
	ck_assert_int_eq(layout_list_top(0, 8, 10, 2, 12), 3);
}
END_TEST

static Suite *
layout_suite(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("screen");
	tcase_add_test(tc, test_too_small);
	tcase_add_test(tc, test_screen);
	suite_add_tcase(s, tc);
	tc = tcase_create("topics");
	tcase_add_test(tc, test_topics_side_by_side);
	tcase_add_test(tc, test_topics_stacked);
	tcase_add_test(tc, test_topics_every_size);
	suite_add_tcase(s, tc);
	tc = tcase_create("article");
	tcase_add_test(tc, test_article_tabs);
	tcase_add_test(tc, test_article_header_shrinks);
	tcase_add_test(tc, test_article_grid);
	tcase_add_test(tc, test_article_every_size);
	tcase_add_test(tc, test_tab_variant);
	suite_add_tcase(s, tc);
	tc = tcase_create("scroll");
	tcase_add_test(tc, test_scroll);
	tcase_add_test(tc, test_scroll_proportional);
	tcase_add_test(tc, test_list_top);
	tcase_add_test(tc, test_list_top_after_resize);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(layout_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
