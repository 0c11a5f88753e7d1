/* test_text.c: UTF-8 decoding, widths, and the sanitizer that stands
 * between untrusted text and the terminal. */
#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "text.h"

static char *
safe(const char *s, size_t len, unsigned flags)
{
	struct buf b = BUF_INIT;
	text_sanitize(&b, s, len, flags);
	return buf_detach(&b);
}

START_TEST(cut_keeps_whole_characters)
{
	const char *s = "ab\xC3\xA9\xE2\x80\xA6";   /* ab, e-acute (2), ellipsis (3) */
	ck_assert_uint_eq(text_cut(s, 7, 10), 7);   /* short enough: all of it */
	ck_assert_uint_eq(text_cut(s, 7, 7), 7);
	ck_assert_uint_eq(text_cut(s, 7, 6), 4);    /* not into the ellipsis */
	ck_assert_uint_eq(text_cut(s, 7, 3), 2);    /* not into the e-acute */
	ck_assert_uint_eq(text_cut(s, 7, 4), 4);
	ck_assert_uint_eq(text_cut(s, 7, 0), 0);
}
END_TEST

START_TEST(decode_valid_and_invalid)
{
	uint32_t cp;
	ck_assert_uint_eq(text_decode("A", 1, &cp), 1);
	ck_assert_uint_eq(cp, 'A');
	ck_assert_uint_eq(text_decode("\xC3\xA9", 2, &cp), 2);
	ck_assert_uint_eq(cp, 0xE9);
	ck_assert_uint_eq(text_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F600);
	/* overlong, surrogate, truncated, stray continuation, > U+10FFFF */
	const char *bad[] = { "\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\x80",
	    "\xF4\x90\x80\x80" };
	size_t lens[] = { 2, 3, 2, 1, 4 };
	for (size_t i = 0; i < 5; i++) {
		ck_assert_uint_eq(text_decode(bad[i], lens[i], &cp), 1);
		ck_assert_uint_eq(cp, TEXT_INVALID);
	}
}
END_TEST

START_TEST(valid_utf8_reports_offset)
{
	size_t off = 99;
	ck_assert(text_valid_utf8("caf\xC3\xA9", 5, &off));
	ck_assert(!text_valid_utf8("ab\xFF" "cd", 5, &off));
	ck_assert_uint_eq(off, 2);
}
END_TEST

START_TEST(sanitize_controls_become_placeholders)
{
	/* OSC 0 title, CSI 2J, BEL, BS, CR, DEL, NUL */
	const char in[] = "a\033]0;pwn\007b\033[2Jc\bd\re\x7f" "f";
	char *out = safe(in, sizeof in - 1, 0);
	ck_assert_ptr_null(strchr(out, '\033'));
	ck_assert_ptr_null(strchr(out, '\007'));
	ck_assert_ptr_null(strchr(out, '\r'));
	ck_assert_ptr_null(strchr(out, '\b'));
	ck_assert_ptr_null(strchr(out, 0x7f));
	ck_assert_str_eq(out, "a\xE2\x90\x9B]0;pwn\xE2\x90\x87"
	    "b\xE2\x90\x9B[2Jc\xE2\x90\x88" "d\xE2\x90\x8D" "e\xE2\x90\xA1" "f");
	free(out);

	char nul[] = { 'x', '\0', 'y' };
	out = safe(nul, 3, 0);
	ck_assert_str_eq(out, "x\xE2\x90\x80y");
	free(out);
}
END_TEST

START_TEST(sanitize_c1_bidi_zero_width_invalid)
{
	/* U+009B (CSI as C1), raw 0x9B byte, U+202E, U+2066, U+200B, U+FEFF */
	const char in[] = "a\xC2\x9B" "b\x9B" "c\xE2\x80\xAE" "d\xE2\x81\xA6"
	    "e\xE2\x80\x8B" "f\xEF\xBB\xBF" "g";
	char *out = safe(in, sizeof in - 1, 0);
	ck_assert_str_eq(out, "a\xE2\x90\xA6" "b\xEF\xBF\xBD" "c\xE2\x90\xA6"
	    "d\xE2\x90\xA6" "e\xE2\x90\xA6" "f\xE2\x90\xA6" "g");
	free(out);
	/* Tag characters (U+E0041 'A', U+E007F) spell text no one sees. */
	out = safe("x\xF3\xA0\x81\x81\xF3\xA0\x81\xBFy", 10, 0);
	ck_assert_str_eq(out, "x\xE2\x90\xA6\xE2\x90\xA6y");
	free(out);
}
END_TEST

/* Each default-ignorable code point but the variation selectors, alone
 * between two letters, becomes the one placeholder (U+2426). */
START_TEST(sanitize_invisible_format_characters)
{
	static const uint32_t ignorable[] = {
		0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E,
		0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062,
		0x2063, 0x2064, 0x2065, 0x2066, 0x206A, 0x206F, 0x3164, 0xFEFF,
		0xFFA0, 0xFFF0, 0xFFF8, 0x1BCA0, 0x1BCA1, 0x1BCA2, 0x1BCA3,
		0x1D173, 0x1D17A, 0xE0001, 0xE0020, 0xE007F, 0xE0080, 0xE01F0,
		0xE0FFF,
	};
	for (size_t k = 0; k < sizeof ignorable / sizeof ignorable[0]; k++) {
		struct buf in = BUF_INIT;
		buf_addc(&in, 'a');
		text_encode(&in, ignorable[k]);
		buf_addc(&in, 'b');
		ck_assert_msg(text_is_unsafe(ignorable[k]), "U+%04X is unsafe",
		    (unsigned)ignorable[k]);
		char *out = safe(in.data, in.len, 0);
		ck_assert_msg(strcmp(out, "a\xE2\x90\xA6" "b") == 0,
		    "U+%04X shows as a placeholder", (unsigned)ignorable[k]);
		ck_assert_uint_eq(text_width(out, strlen(out)), 3);
		free(out);
		text_set_ascii(true);
		out = safe(in.data, in.len, 0);
		ck_assert_str_eq(out, "a?b");
		free(out);
		text_set_ascii(false);
		buf_free(&in);
	}
}
END_TEST

/* Variation selectors stay, zero columns wide, with what they vary:
 * emoji presentation (U+2764 U+FE0F), ideographic variants (U+E0100),
 * Mongolian's free variation selectors. */
START_TEST(sanitize_variation_selectors_kept)
{
	static const uint32_t vs[] = { 0xFE00, 0xFE0E, 0xFE0F, 0xE0100, 0xE01EF,
		0x180B, 0x180C, 0x180D, 0x180F };
	for (size_t k = 0; k < sizeof vs / sizeof vs[0]; k++) {
		struct buf in = BUF_INIT;
		text_encode(&in, 0x2764);
		text_encode(&in, vs[k]);
		ck_assert(!text_is_unsafe(vs[k]));
		ck_assert(text_is_variation_selector(vs[k]));
		ck_assert_int_eq(text_cp_width(vs[k]), 0);
		char *out = safe(in.data, in.len, 0);
		ck_assert_msg(strcmp(out, in.data) == 0, "U+%04X is kept", (unsigned)vs[k]);
		free(out);
		buf_free(&in);
	}
	/* Keycap one: 1, U+FE0F, U+20E3. */
	char *out = safe("1\xEF\xB8\x8F\xE2\x83\xA3", 7, 0);
	ck_assert_str_eq(out, "1\xEF\xB8\x8F\xE2\x83\xA3");
	ck_assert_uint_eq(text_width(out, strlen(out)), 1);
	free(out);
}
END_TEST

/* A ZWJ between two pictographs (an emoji sequence) is dropped, the
 * parts shown side by side; anywhere else it is a placeholder. */
START_TEST(sanitize_emoji_zwj)
{
	/* Health worker: U+1F9D1 ZWJ U+2695 U+FE0F */
	char *out = safe("\xF0\x9F\xA7\x91\xE2\x80\x8D\xE2\x9A\x95\xEF\xB8\x8F", 13, 0);
	ck_assert_str_eq(out, "\xF0\x9F\xA7\x91\xE2\x9A\x95\xEF\xB8\x8F");
	free(out);
	/* Family: man ZWJ woman ZWJ girl */
	out = safe("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
	    "\xF0\x9F\x91\xA7", 18, 0);
	ck_assert_str_eq(out, "\xF0\x9F\x91\xA8\xF0\x9F\x91\xA9\xF0\x9F\x91\xA7");
	ck_assert_uint_eq(text_width(out, strlen(out)), 6);
	free(out);
	/* Across a variation selector and a skin tone: heart U+FE0F ZWJ fire;
	 * thumbs up, medium skin tone, ZWJ, heart. */
	out = safe("\xE2\x9D\xA4\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x94\xA5", 13, 0);
	ck_assert_str_eq(out, "\xE2\x9D\xA4\xEF\xB8\x8F\xF0\x9F\x94\xA5");
	free(out);
	out = safe("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xE2\x80\x8D\xE2\x9D\xA4", 14, 0);
	ck_assert_str_eq(out, "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xE2\x9D\xA4");
	free(out);
	/* Not between two pictographs: a placeholder. */
	out = safe("a\xE2\x80\x8D" "b", 5, 0);
	ck_assert_str_eq(out, "a\xE2\x90\xA6" "b");
	free(out);
	out = safe("\xF0\x9F\x98\x80\xE2\x80\x8D" "b", 8, 0);
	ck_assert_str_eq(out, "\xF0\x9F\x98\x80\xE2\x90\xA6" "b");
	free(out);
	out = safe("a\xE2\x80\x8D\xF0\x9F\x98\x80", 8, 0);
	ck_assert_str_eq(out, "a\xE2\x90\xA6\xF0\x9F\x98\x80");
	free(out);
	out = safe("\xF0\x9F\x98\x80\xE2\x80\x8D", 7, 0);
	ck_assert_str_eq(out, "\xF0\x9F\x98\x80\xE2\x90\xA6");
	free(out);
	/* A variation selector on a letter does not make it a pictograph. */
	out = safe("a\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x98\x80", 11, 0);
	ck_assert_str_eq(out, "a\xEF\xB8\x8F\xE2\x90\xA6\xF0\x9F\x98\x80");
	free(out);
}
END_TEST

START_TEST(sanitize_flags)
{
	char *out = safe("a\nb\tc", 5, TEXT_KEEP_NEWLINES | TEXT_TABS_AS_SPACE);
	ck_assert_str_eq(out, "a\nb c");
	free(out);
	out = safe("a\nb", 3, 0);
	ck_assert_str_eq(out, "a\xE2\x90\x8A" "b");
	free(out);
	out = safe("\ta\nb\x01", 5, TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS);
	ck_assert_str_eq(out, "\ta\nb\xE2\x90\x81");
	free(out);
}
END_TEST

START_TEST(sanitize_ascii_mode)
{
	text_set_ascii(true);
	char *out = safe("caf\xC3\xA9 e\xCC\x81 \xE4\xB8\xAD \033", 15, 0);
	/* é loses its accent, e + combining acute stays "e", CJK one '?', ESC '?' */
	ck_assert_str_eq(out, "cafe e ? ?");
	ck_assert_uint_eq(text_width(out, strlen(out)), 10);
	free(out);
	/* Thresholds and units are spelt out, never a '?' in a dose. */
	out = safe("\xE2\x89\xA5" "3.0 \xC2\xB5mol/L 38\xC2\xB0" "C m\xC2\xB2 \xE2\x80\xA6",
	    28, 0);
	ck_assert_str_eq(out, ">=3.0 micromol/L 38 deg C m^2 ...");
	free(out);
	text_set_ascii(false);
}
END_TEST

START_TEST(widths)
{
	ck_assert_uint_eq(text_width("abc", 3), 3);
	ck_assert_uint_eq(text_width("\xE4\xB8\xAD\xE6\x96\x87", 6), 4);  /* 中文 */
	ck_assert_uint_eq(text_width("e\xCC\x81", 3), 1);                 /* e + U+0301 */
	ck_assert_uint_eq(text_width("\xF0\x9F\x98\x80", 4), 2);          /* emoji */
	/* variation selector */
	ck_assert_int_eq(text_cp_width(0xFE0F), 0);
}
END_TEST

/* A mark the table leaves out (Bengali vowel sign U, U+09C1) takes the
 * locale's width, as curses draws it: no column of its own. */
START_TEST(widths_from_the_locale)
{
	const char *gu = "\xE0\xA6\x97\xE0\xA7\x81";     /* U+0997 U+09C1 */

	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		return;
	text_set_locale_widths(true);
	ck_assert_uint_eq(text_width(gu, strlen(gu)), 1);
	ck_assert_int_eq(text_cp_width(0x1F6DF), 2);           /* a newer emoji */
	/* The table still decides what it names: a skin tone joins its emoji. */
	ck_assert_int_eq(text_cp_width(0x1F3FD), 0);
	/* The cursor steps over the letter and its mark as one. */
	ck_assert_uint_eq(text_char_next(gu, strlen(gu), 0), 6);
	ck_assert_uint_eq(text_char_prev(gu, strlen(gu), 6), 0);
	text_set_locale_widths(false);
	ck_assert_uint_eq(text_width(gu, strlen(gu)), 2);
	setlocale(LC_CTYPE, "C");
}
END_TEST

START_TEST(fit_never_splits_a_character)
{
	const char *s = "a\xE4\xB8\xAD" "b";          /* a 中 b: widths 1 2 1 */
	size_t used;
	ck_assert_uint_eq(text_fit(s, strlen(s), 2, &used), 1);   /* 中 would spill */
	ck_assert_uint_eq(used, 1);
	ck_assert_uint_eq(text_fit(s, strlen(s), 3, &used), 4);
	ck_assert_uint_eq(used, 3);
	/* a combining mark stays with its base */
	const char *c = "e\xCC\x81x";
	ck_assert_uint_eq(text_fit(c, strlen(c), 1, &used), 3);
}
END_TEST

START_TEST(fit_tail_keeps_the_end_whole)
{
	const char *s = "a\xE4\xB8\xAD" "b";        /* a 中 b: widths 1 2 1 */
	size_t len = strlen(s);
	ck_assert_uint_eq(text_fit_tail(s, len, 4), 0);           /* all fits */
	ck_assert_uint_eq(text_fit_tail(s, len, 3), 1);           /* 中b */
	ck_assert_uint_eq(text_fit_tail(s, len, 2), 4);           /* 中 would spill */
	ck_assert_uint_eq(text_fit_tail(s, len, 0), len);
	/* a mark is never left without its base */
	const char *c = "xe\xCC\x81";
	ck_assert_uint_eq(text_fit_tail(c, strlen(c), 1), 1);
}
END_TEST

/* A character as drawn: a letter and its marks, an emoji and its
 * selector, tone and joiner, are one to a cursor. */
START_TEST(chars_as_drawn)
{
	/* e U+0301, x, U+1F44D U+1F3FD (tone) ZWJ U+2764, a ZWJ b */
	const char *s = "e\xCC\x81x\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xE2\x80\x8D"
	    "\xE2\x9D\xA4" "a\xE2\x80\x8D" "b";
	size_t len = strlen(s);
	size_t next[] = { 3, 4, 15, 18, 19, 22, 23 };
	size_t at = 0;
	for (size_t i = 0; i < sizeof next / sizeof next[0]; i++) {
		at = text_char_next(s, len, at);
		ck_assert_uint_eq(at, next[i]);
	}
	ck_assert_uint_eq(text_char_next(s, len, len), len);
	for (size_t i = sizeof next / sizeof next[0] - 1; i > 0; i--) {
		at = text_char_prev(s, len, at);
		ck_assert_uint_eq(at, next[i - 1]);
	}
	ck_assert_uint_eq(text_char_prev(s, len, 3), 0);
	ck_assert_uint_eq(text_char_prev(s, len, 0), 0);
	/* A mark with nothing before it is a character of its own. */
	ck_assert_uint_eq(text_char_next("\xCC\x81" "a", 3, 0), 2);
	/* A stray byte is one. */
	ck_assert_uint_eq(text_char_prev("a\x80\x80", 3, 3), 2);
}
END_TEST

/* A part of a text is made safe as it is in the whole: a joiner between
 * two pictographs is dropped though the second is past the part. */
START_TEST(sanitize_part_in_context)
{
	const char *s = "\xF0\x9F\x98\x80\xE2\x80\x8D\xF0\x9F\x98\x80" "\x01";
	struct buf b = BUF_INIT;
	text_sanitize_part(&b, s, strlen(s), 0, 7, 0);
	ck_assert_str_eq(b.data, "\xF0\x9F\x98\x80");
	buf_truncate(&b, 0);
	text_sanitize_part(&b, s, strlen(s), 7, 12, 0);
	ck_assert_str_eq(b.data, "\xF0\x9F\x98\x80\xE2\x90\x81");
	buf_truncate(&b, 0);
	text_sanitize_part(&b, s, strlen(s), 4, 7, 0);       /* the joiner alone */
	ck_assert_uint_eq(b.len, 0);
	text_sanitize_part(&b, "a\xE2\x80\x8D" "b", 5, 1, 4, 0);
	ck_assert_str_eq(b.data, "\xE2\x90\xA6");
	buf_free(&b);
}
END_TEST

START_TEST(citations)
{
	int nums[16];
	size_t count;
	ck_assert_uint_eq(cite_scan("[1]", 3, nums, 16, &count), 3);
	ck_assert_uint_eq(count, 1);
	ck_assert_int_eq(nums[0], 1);
	ck_assert_uint_eq(cite_scan("[2, 3] x", 8, nums, 16, &count), 6);
	ck_assert_uint_eq(count, 2);
	ck_assert_int_eq(nums[1], 3);
	ck_assert_uint_eq(cite_scan("[1-3]", 5, nums, 16, &count), 5);
	ck_assert_uint_eq(count, 3);
	ck_assert_int_eq(nums[2], 3);
	ck_assert_uint_eq(cite_scan("[1\xE2\x80\x93" "2]", 7, nums, 16, &count), 7);
	ck_assert_uint_eq(count, 2);
	ck_assert_uint_eq(cite_scan("[1, 4-5]", 8, nums, 16, &count), 8);
	ck_assert_uint_eq(count, 3);
	/* not citations */
	const char *no[] = { "[a]", "[]", "[0]", "[3-1]", "[1,]", "[1", "[1000]", "[-1]",
	    "x[1]" };
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		ck_assert_uint_eq(cite_scan(no[i], strlen(no[i]), nums, 16, &count), 0);
}
END_TEST

static Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, decode_valid_and_invalid);
	tcase_add_test(tc, cut_keeps_whole_characters);
	tcase_add_test(tc, fit_tail_keeps_the_end_whole);
	tcase_add_test(tc, valid_utf8_reports_offset);
	tcase_add_test(tc, sanitize_controls_become_placeholders);
	tcase_add_test(tc, sanitize_c1_bidi_zero_width_invalid);
	tcase_add_test(tc, sanitize_invisible_format_characters);
	tcase_add_test(tc, sanitize_variation_selectors_kept);
	tcase_add_test(tc, sanitize_emoji_zwj);
	tcase_add_test(tc, sanitize_flags);
	tcase_add_test(tc, sanitize_ascii_mode);
	tcase_add_test(tc, widths);
	tcase_add_test(tc, widths_from_the_locale);
	tcase_add_test(tc, fit_never_splits_a_character);
	tcase_add_test(tc, chars_as_drawn);
	tcase_add_test(tc, sanitize_part_in_context);
	tcase_add_test(tc, citations);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(text_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
