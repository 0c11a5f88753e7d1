/* wordforms.h: a word's other grammatical form: its plural or singular
 * by an s when typed whole ("fits", "fit"), a plural in -ies and its
 * singular in -y ("allergies", "allergy"), the irregular plurals of
 * clinical text ("children", "child"; "women", "woman"), and a whole
 * word's form in -ing ("bleed", "bleeding"). The search
 * matches a word in either form (query.c), as it matches its other
 * spelling (spelling.h), when the index has it. Words are lower-case
 * ASCII; no database, no allocation of the caller's. */
#ifndef BEDSIDE_WORDFORMS_H
#define BEDSIDE_WORDFORMS_H

#include <stdbool.h>
#include <stddef.h>

/* The other forms of word[0, len), at most max, each a malloc'ed string,
 * into out; returns the count. With prefix, word is the start of a word
 * still being typed: then only forms that do not match far more than the
 * word as typed does (a singular made from a whole plural typed would
 * begin other words: "child" begins "childbirth"), so none from a plural
 * in irregular form. */
size_t wordform_variants(const char *word, size_t len, bool prefix, char **out,
    size_t max);
/* The singular of word[0, len) when it is, whole, an irregular plural
 * ("children" gives "child"), else NULL. As the last word typed, still a
 * prefix, it has no variant (above), so query.c adds this one as a whole
 * word beside it. */
const char *wordform_irregular_singular(const char *word, size_t len);
/* Whether b is a in its other form (both whole words). */
bool wordform_same(const char *a, size_t la, const char *b, size_t lb);

#endif
