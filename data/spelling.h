/* spelling.h: one word in British and American spelling ("anaemia",
 * "anemia"; "oedema", "edema"; "tumour", "tumor"; "randomised",
 * "randomized"; "sulphate", "sulfate"; "litre", "liter"), and the drugs
 * named otherwise ("adrenaline", "epinephrine"). The one rule
 * set that both the search (query.c: a word also matches its other
 * spelling) and "did you mean" (db_vocab.c: the other spelling first)
 * use. Words are lower-case ASCII letters and digits; others have no
 * other spelling here. No database, no allocation of the caller's. */
#ifndef BEDSIDE_SPELLING_H
#define BEDSIDE_SPELLING_H

#include <stdbool.h>
#include <stddef.h>

/* At most this many other spellings of one word are made: the rules
 * changed at one place in it, then at two. */
#define SPELLING_MAX 16
/* The longest word given a spelling; a longer one has none. */
#define SPELLING_WORD_MAX 64

/* The other spellings of word[0, len), at most max, each a malloc'ed
 * string, into out; returns the count. With prefix, word is the start of
 * a word still being typed: a rule applies only where everything it
 * looks at lies inside what was typed ("haem" gives "hem", "hae"
 * nothing; "tumor" gives "tumour", but "litre" no "liter", which would
 * begin "literature"). */
size_t spelling_variants(const char *word, size_t len, bool prefix, char **out, size_t max);
/* Whether b is a (both whole words) in another spelling. */
bool spelling_same(const char *a, size_t la, const char *b, size_t lb);

#endif
