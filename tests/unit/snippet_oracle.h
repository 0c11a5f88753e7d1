/* snippet_oracle.h: how a snippet of ours may differ from FTS5's
 * snippet() of the same column, shared by the unit test that compares
 * them (test_db_search.c) and the fuzzer that does (fuzz_snippet.c).
 * Static functions: each includer has its own copy. */
#ifndef BEDSIDE_SNIPPET_ORACLE_H
#define BEDSIDE_SNIPPET_ORACLE_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* s without the marks of the matching words (char(1), char(2)), and
 * with ellipsis dropped from its ends. */
static char *
plain_text(const char *s, bool ends)
{
	static const char ellipsis[] = "\xe2\x80\xa6";
	char *out = malloc(strlen(s) + 1), *o = out;
	if (out == NULL)
		abort();
	for (; *s; s++)
		if (*s != 1 && *s != 2)
			*o++ = *s;
	*o = '\0';
	size_t n = strlen(out), e = strlen(ellipsis);
	if (ends && n >= e && strcmp(out + n - e, ellipsis) == 0)
		out[n -= e] = '\0';
	if (ends && strncmp(out, ellipsis, e) == 0)
		memmove(out, out + e, n - e + 1);
	return out;
}

/* Where FTS5's snippet cuts a number at its point, comma or dash
 * ("\u20265 mL/kg" of "0.5 mL/kg"), ours is widened to the whole number:
 * whether ours is FTS5's so widened. */
static bool
widened_number(const char *fts5, const char *ours)
{
	char *cut = plain_text(fts5, false), *core = plain_text(fts5, true);
	char *whole = plain_text(ours, false);
	size_t n = strlen(cut);
	bool at_start = strncmp(cut, "\xe2\x80\xa6", 3) == 0 &&
	    cut[3] >= '0' && cut[3] <= '9';
	bool at_end = n > 4 && strcmp(cut + n - 3, "\xe2\x80\xa6") == 0 &&
	    cut[n - 4] >= '0' && cut[n - 4] <= '9';
	bool widened = (at_start || at_end) && strcmp(cut, whole) != 0 &&
	    strstr(whole, core) != NULL;
	free(cut);
	free(core);
	free(whole);
	return widened;
}

#endif
