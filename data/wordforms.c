/* wordforms.c: see wordforms.h. */
#include "config.h"
#include "wordforms.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Irregular plurals, singular first. Not "man" and "men": "men" as a
 * prefix begins "meningitis" and "menstrual". */
static const char *const irregular[][2] = {
	{ "child", "children" }, { "woman", "women" }, { "foot", "feet" },
	{ "tooth", "teeth" }, { "person", "people" },
};
#define IRREGULAR (sizeof irregular / sizeof *irregular)

static bool
consonant(char c)
{
	return c >= 'a' && c <= 'z' && !strchr("aeiouy", c);
}

/* w[0, keep) followed by tail. */
static char *
with_tail(const char *w, size_t keep, const char *tail)
{
	struct buf b = BUF_INIT;
	buf_add(&b, w, keep);
	buf_adds(&b, tail);
	return buf_detach(&b);
}

size_t
wordform_variants(const char *w, size_t len, bool prefix, char **out, size_t max)
{
	size_t n = 0;
	if (max == 0)
		return 0;
	for (size_t i = 0; i < IRREGULAR && n < max; i++) {
		const char *one = irregular[i][0], *many = irregular[i][1];
		if (strlen(one) == len && memcmp(w, one, len) == 0)
			out[n++] = xstrdup(many);
		else if (!prefix && strlen(many) == len && memcmp(w, many, len) == 0)
			out[n++] = xstrdup(one);
	}
	/* A whole word, typed with a space after it or before others, and
	 * its plural or singular by an s: "fits " finds "fit", "peanut"
	 * "peanuts". (A last word still being typed is a prefix, which
	 * finds the plural already; query.c gives a plural typed last its
	 * singular.) Not -ss, -us, -is: "less", "status", "sepsis". */
	if (!prefix && n < max && len >= 3 && w[len - 1] == 's' &&
	    !strchr("sui", w[len - 2]))
		out[n++] = with_tail(w, len - 1, "");
	else if (!prefix && n < max && len >= 3 && w[len - 1] != 's')
		out[n++] = with_tail(w, len, "s");
	/* allergy, allergies; therapy, therapies; not "day" (a vowel before
	 * the y) and not words of three letters or fewer. */
	if (n < max && len >= 4 && w[len - 1] == 'y' && consonant(w[len - 2]))
		out[n++] = with_tail(w, len - 1, "ies");
	else if (n < max && len >= 5 && memcmp(w + len - 3, "ies", 3) == 0)
		out[n++] = with_tail(w, len - 3, "y");
	return n;
}

const char *
wordform_irregular_singular(const char *w, size_t len)
{
	for (size_t i = 0; i < IRREGULAR; i++)
		if (strlen(irregular[i][1]) == len && memcmp(w, irregular[i][1], len) == 0)
			return irregular[i][0];
	return NULL;
}

bool
wordform_same(const char *a, size_t la, const char *b, size_t lb)
{
	char *v[IRREGULAR + 2];
	size_t n = wordform_variants(a, la, false, v, sizeof v / sizeof *v);
	bool same = false;
	for (size_t i = 0; i < n; i++) {
		same |= strlen(v[i]) == lb && memcmp(v[i], b, lb) == 0;
		free(v[i]);
	}
	return same;
}
