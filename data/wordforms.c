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

/* The other form of w when w is the irregular form at place form (0 the
 * singular, 1 the plural), or NULL. */
static const char *
irregular_other(const char *w, size_t len, int form)
{
	for (size_t i = 0; i < IRREGULAR; i++)
		if (strlen(irregular[i][form]) == len &&
		    memcmp(w, irregular[i][form], len) == 0)
			return irregular[i][!form];
	return NULL;
}

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
	/* A singular finds its plural; a whole plural, its singular. */
	const char *other = irregular_other(w, len, 0);
	if (other == NULL && !prefix)
		other = wordform_irregular_singular(w, len);
	if (other)
		out[n++] = xstrdup(other);
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
	/* A whole word of four letters or more and its form in -ing: "bleed"
	 * finds "bleeding", "wheeze" "wheezing", as "bleed" still being typed
	 * (a prefix) does; else "bleed gi" found nothing where "gi bleed"
	 * found the articles on GI bleeding. One way only: "bleeding" finds
	 * no "bleed", as a prefix would not. */
	if (!prefix && n < max && len >= 4 && w[len - 1] != 's' &&
	    !(len >= 5 && memcmp(w + len - 3, "ing", 3) == 0)) {
		bool silent_e = w[len - 1] == 'e' && w[len - 2] != 'e';
		out[n++] = with_tail(w, silent_e ? len - 1 : len, "ing");
	}
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
	return irregular_other(w, len, 1);
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
