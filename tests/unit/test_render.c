/* test_render.c: Markdown in, wrapped styled lines out. Golden files in
 * tests/fixtures/render hold the expected text at widths 20, 40 and 80
 * (regenerate with UPDATE_GOLDEN=1 after checking the change by eye). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "render.h"
#include "text.h"

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_detach(&b);
}

static char *
joined(const struct render_doc *doc)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < doc->nlines; i++) {
		buf_add(&b, doc->lines[i].text, doc->lines[i].len);
		buf_addc(&b, '\n');
	}
	return buf_detach(&b);
}

/* Every line fits, spans cover the text exactly, nothing unsafe. */
static void
assert_well_formed(const struct render_doc *doc, int width, const char *what)
{
	for (size_t i = 0; i < doc->nlines; i++) {
		const struct render_line *l = &doc->lines[i];
		size_t w = text_width(l->text, l->len);
		ck_assert_msg(w <= (size_t)(width > 2 ? width : 2),
		    "%s: line %zu is %zu wide at width %d: '%s'", what, i, w, width,
		    l->text);
		size_t covered = 0;
		for (size_t s = 0; s < l->nspans; s++) {
			ck_assert_uint_eq(l->spans[s].off, covered);
			covered += l->spans[s].len;
		}
		ck_assert_uint_eq(covered, l->len);
		for (size_t k = 0; k < l->len; k++)
			ck_assert_msg((unsigned char)l->text[k] >= 0x20 &&
			    l->text[k] != 0x7f, "%s: control byte in line %zu", what, i);
	}
}

START_TEST(golden)
{
	static const char *names[] = { "basic", "blocks", "unicode" };
	static const int widths[] = { 20, 40, 80 };
	const char *dir = getenv("RENDER_DIR");
	ck_assert_ptr_nonnull(dir);
	for (size_t i = 0; i < 3; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s.md", dir, names[i]);
		char *md = slurp(path);
		ck_assert_msg(md != NULL, "cannot read %s", path);
		for (size_t w = 0; w < 3; w++) {
			struct render_doc doc = { 0 };
			render_markdown(&doc, md, widths[w]);
			assert_well_formed(&doc, widths[w], names[i]);
			char *got = joined(&doc);
			snprintf(path, sizeof path, "%s/%s.w%d.txt", dir, names[i],
			    widths[w]);
			if (getenv("UPDATE_GOLDEN")) {
				FILE *f = fopen(path, "wb");
				fputs(got, f);
				fclose(f);
			}
			char *want = slurp(path);
			ck_assert_msg(want != NULL, "no golden file %s", path);
			ck_assert_msg(strcmp(got, want) == 0,
			    "%s differs:\n--- got\n%s--- want\n%s", path, got, want);
			free(want);
			free(got);
			render_doc_free(&doc);
		}
		free(md);
	}
}
END_TEST

static const struct render_span *
span_with(const struct render_doc *doc, unsigned style, const char *text)
{
	for (size_t i = 0; i < doc->nlines; i++)
		for (size_t s = 0; s < doc->lines[i].nspans; s++) {
			const struct render_span *sp = &doc->lines[i].spans[s];
			if ((sp->style & style) == style && sp->len == strlen(text) &&
			    memcmp(doc->lines[i].text + sp->off, text, sp->len) == 0)
				return sp;
		}
	return NULL;
}

START_TEST(styles)
{
	struct render_doc doc = { 0 };
	render_markdown(&doc, "*em* **strong** `code` [t](http://x) see [2, 3].", 80);
	ck_assert_ptr_nonnull(span_with(&doc, RS_EMPH, "em"));
	ck_assert_ptr_nonnull(span_with(&doc, RS_STRONG, "strong"));
	ck_assert_ptr_nonnull(span_with(&doc, RS_CODE, "code"));
	ck_assert_ptr_nonnull(span_with(&doc, RS_LINK, "t"));
	ck_assert_ptr_nonnull(span_with(&doc, RS_LINK, "<http://x>"));
	ck_assert_ptr_nonnull(span_with(&doc, RS_CITE, "[2, 3]"));
	render_doc_free(&doc);
}
END_TEST

/* An autolink is its address already: shown once, not followed by it
 * again; a link with other text keeps the address after it. */
START_TEST(autolinks_shown_once)
{
	struct render_doc doc = { 0 };
	render_markdown(&doc, "See <https://example.org/a>, <someone@example.org> and "
	    "[https://example.org/b](https://example.org/c).", 200);
	char *got = joined(&doc);
	ck_assert_msg(strcmp(got, "See https://example.org/a, someone@example.org and "
	    "https://example.org/b <https://example.org/c>.\n") == 0, "got '%s'", got);
	ck_assert_ptr_nonnull(span_with(&doc, RS_LINK, "https://example.org/a"));
	free(got);
	render_doc_free(&doc);
}
END_TEST

START_TEST(citations_never_split)
{
	/* At every width the citation stays in one span on one line. */
	for (int w = 8; w <= 40; w++) {
		struct render_doc doc = { 0 };
		render_markdown(&doc, "word word word word [12, 13] word [1-3] end", w);
		ck_assert_msg(span_with(&doc, RS_CITE, "[12, 13]") != NULL,
		    "split at width %d", w);
		ck_assert_msg(span_with(&doc, RS_CITE, "[1-3]") != NULL,
		    "split at width %d", w);
		render_doc_free(&doc);
	}
}
END_TEST

/* At every width, a number and the unit after it share a line: a dose
 * must not be read without its unit at the end of a line. Other words
 * after a space still wrap, and a line too narrow for both still fits. */
START_TEST(numbers_keep_their_units)
{
	static const char *const pairs[] = {
		"1 mg/mL", "500 micrograms", "(0.3 mL);", "6-12 years",
		"38 \xC2\xB0" "C", "90 %",
	};
	const char *md = "Inject into the anterolateral thigh using 1 mg/mL adrenaline: "
	    "500 micrograms, (0.3 mL); children 6-12 years; above 38 \xC2\xB0" "C "
	    "in 90 % of them.";
	/* from the width of the longest pair with its comma */
	for (int w = 15; w <= 80; w++) {
		struct render_doc doc = { 0 };
		render_markdown(&doc, md, w);
		char *all = joined(&doc);
		for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++)
			ck_assert_msg(strstr(all, pairs[p]) != NULL,
			    "'%s' split at width %d:\n%s", pairs[p], w, all);
		assert_well_formed(&doc, w, "units");
		free(all);
		render_doc_free(&doc);
	}
	/* Too narrow for the pair: it still breaks rather than overflow,
	 * also after a number cut across lines (found by fuzz_render). */
	struct render_doc doc = { 0 };
	render_markdown(&doc, "12345 micrograms", 8);
	assert_well_formed(&doc, 8, "narrow");
	ck_assert_uint_ge(doc.nlines, 2);
	render_doc_free(&doc);
	for (int w = 2; w <= 12; w++) {
		render_markdown(&doc, "entropic 168942230\nINFO: 1 mg/mL", w);
		assert_well_formed(&doc, w, "a cut number");
		render_doc_free(&doc);
	}
}
END_TEST

START_TEST(every_width_fits)
{
	const char *dir = getenv("RENDER_DIR");
	static const char *names[] = { "basic", "blocks", "unicode" };
	for (size_t i = 0; i < 3; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s.md", dir, names[i]);
		char *md = slurp(path);
		for (int w = 2; w <= 100; w++) {
			struct render_doc doc = { 0 };
			render_markdown(&doc, md, w);
			assert_well_formed(&doc, w, names[i]);
			render_doc_free(&doc);
		}
		free(md);
	}
}
END_TEST

START_TEST(wide_chars_at_the_edge)
{
	/* At widths 10 and 41 a wide character that would end in the last
	 * column + 1 moves to the next line instead of spilling. */
	struct render_doc doc = { 0 };
	render_markdown(&doc, "abcdefghi\xE4\xB8\xAD" "x", 10);
	assert_well_formed(&doc, 10, "edge");
	ck_assert_uint_eq(doc.nlines, 2);
	render_doc_free(&doc);
	render_markdown(&doc, "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
	    "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
	    "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
	    "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD", 41);
	assert_well_formed(&doc, 41, "cjk");
	ck_assert_uint_eq(text_width(doc.lines[0].text, doc.lines[0].len), 40);
	render_doc_free(&doc);
	/* combining mark at the start of a line stays on its base */
	render_markdown(&doc, "aaaaaaaaaa\xCC\x81" "b", 10);
	assert_well_formed(&doc, 10, "combining");
	ck_assert_str_eq(doc.lines[0].text, "aaaaaaaaaa\xCC\x81");
	ck_assert_str_eq(doc.lines[1].text, "b");
	render_doc_free(&doc);
}
END_TEST

static char *
repeat(const char *unit, size_t times, const char *tail)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < times; i++)
		buf_adds(&b, unit);
	buf_adds(&b, tail);
	return buf_detach(&b);
}

START_TEST(pathological_inputs)
{
	char *inputs[] = {
		repeat(">", 30000, " deep quote\n"),
		repeat("- ", 5000, "deep list\n"),
		repeat("[", 50000, "x\n"),
		repeat("*a **b ", 20000, "\n"),
		repeat("![[]()", 20000, "\n"),
	};
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		struct render_doc doc = { 0 };
		render_markdown(&doc, inputs[i], 40);
		assert_well_formed(&doc, 40, "pathological");
		ck_assert_uint_gt(doc.nlines, 0);
		render_doc_free(&doc);
		free(inputs[i]);
	}
}
END_TEST

START_TEST(plain_text_with_matches)
{
	struct render_doc doc = { 0 };
	render_text(&doc, "a \x01match\x02 here", 40, 2, 0);
	ck_assert_uint_eq(doc.nlines, 1);
	ck_assert_str_eq(doc.lines[0].text, "  a match here");
	ck_assert_ptr_nonnull(span_with(&doc, RS_MATCH, "match"));
	render_doc_free(&doc);
}
END_TEST

START_TEST(snippet_shows_its_match_first)
{
	struct render_doc doc = { 0 };
	/* Fits: as render_text. */
	render_snippet(&doc, "a \x01match\x02 here", 40);
	ck_assert_str_eq(doc.lines[0].text, "a match here");
	render_doc_free(&doc);
	/* The match would be on the second line at 20 columns: words go
	 * from the front, the snippet's own ellipsis with the first. */
	render_snippet(&doc, "\xe2\x80\xa6one two three four five \x01six\x02 seven", 20);
	ck_assert_str_eq(doc.lines[0].text, "\xe2\x80\xa6three four five six");
	ck_assert_ptr_nonnull(span_with(&doc, RS_MATCH, "six"));
	render_doc_free(&doc);
	/* A match too long for the line starts it. */
	render_snippet(&doc, "one two \x01" "abcdefghijklmnop\x02", 10);
	ck_assert(strncmp(doc.lines[0].text, "\xe2\x80\xa6" "abc", 6) == 0);
	render_doc_free(&doc);
	/* No match: as render_text. */
	render_snippet(&doc, "one two three four", 8);
	ck_assert_str_eq(doc.lines[0].text, "one two");
	render_doc_free(&doc);
}
END_TEST

static Suite *
render_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, golden);
	tcase_add_test(tc, styles);
	tcase_add_test(tc, autolinks_shown_once);
	tcase_add_test(tc, citations_never_split);
	tcase_add_test(tc, numbers_keep_their_units);
	tcase_add_test(tc, every_width_fits);
	tcase_add_test(tc, wide_chars_at_the_edge);
	tcase_add_test(tc, pathological_inputs);
	tcase_add_test(tc, plain_text_with_matches);
	tcase_add_test(tc, snippet_shows_its_match_first);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(render_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
