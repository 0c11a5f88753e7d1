/* query.h: turns what a person typed into an FTS5 query. Nothing typed is
 * ever FTS5 syntax: every word is quoted, so AND, NEAR, quotes, '*', '^',
 * ':', '-' and parentheses are plain text. The last word is matched as a
 * prefix unless the text ends in a space or it is a single character, so
 * hits appear while typing. */
#ifndef BEDSIDE_QUERY_H
#define BEDSIDE_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#define QUERY_MAX_WORDS 16
#define QUERY_MAX_WORD_BYTES 64

#define QUERY_MAX_SPELLINGS 3     /* other spellings matched per word */
/* The most phrases a MATCH expression query_build_known() writes has:
 * each word with its other spellings. */
#define QUERY_MAX_PHRASES (QUERY_MAX_WORDS * (1 + QUERY_MAX_SPELLINGS))

/* Returns a malloc'ed FTS5 MATCH expression, or NULL if the text holds no
 * word at all (then nothing can match). */
char *query_build(const char *typed);
/* Whether the index has word (len bytes of lower-case ASCII), or with
 * prefix some word that begins so: arg is the caller's. */
typedef bool (*query_known_fn)(void *arg, const char *word, size_t len, bool prefix);
/* As query_build(), and where known says the index has them (query_build()
 * asks no one, and matches none of these):
 * - a plural last word that is a prefix ("water tablets") is matched as
 *   its singular's prefix ("tablet"*), else the shorter prefix would read
 *   words it begins for nothing;
 * - a word also matches its other spellings (spelling.h): "anemia" finds
 *   "anaemia" too, "hemo" as it is typed "haemo"; the MATCH has the group
 *   ("anemia" OR "anaemia");
 * - two words the index has as one ("SGLT-2", "SGLT 2", "anti-coagulant")
 *   also match that one: ("sglt" AND "2" OR "sglt2"). Only where the
 *   first is of five letters or fewer or the second a number, to keep the
 *   lookups few;
 * - a last word of two or three letters, a prefix, that the index has
 *   whole (or in another spelling: "ekg", "ecg") is also matched whole
 *   ("af"* OR "af"), a term of its own in the rank: "AF" ranks the
 *   articles on AF before one that says "after". */
char *query_build_known(const char *typed, query_known_fn known, void *arg);
/* Whether a word (len bytes, as query_words() gives it) is one the
 * search can look for: arg is the caller's. */
typedef bool (*query_word_fn)(void *arg, const char *word, size_t len);
/* typed (malloc'ed) with each word that has no ASCII letter or digit and
 * that keep refuses blanked out with spaces, byte for byte, so that the
 * words kept are where they were (query_word_span()). Words here are runs
 * of letters, digits and any non-ASCII character, but the index's
 * tokenizer has some of those for separators ("\u2014", "\u2026", an
 * emoji): such a word is a phrase of no token, which FTS5 leaves out of
 * an implicit AND but which makes an explicit one (beside a group) match
 * nothing. Stops asking once QUERY_MAX_WORDS words are kept. */
char *query_blank_words(const char *typed, query_word_fn keep, void *arg);
/* Splits typed into at most max words (malloc'ed); returns the count. */
size_t query_words(const char *typed, char **words, size_t max);
/* Where word k (from 0) of query_words() is in typed: its bytes from
 * *start to *end. False if typed has no such word. */
bool query_word_span(const char *typed, size_t k, size_t *start, size_t *end);

/* A phrase of a MATCH expression query_build_known() wrote: the phrase
 * as written ("word" or "word"*), the word inside its quotes, whether it
 * is a prefix, and where it is: its group (what one typed word, or two
 * joined, became), the alternative of the group it is in (0: the words
 * as typed) and its place in that alternative. Pointers into the
 * expression. exact: the last word typed whole beside itself as a
 * prefix, which the rank counts as a term of its own. */
struct query_phrase {
	const char *text, *word;
	size_t len, wlen;
	int prefix;
	size_t group, alt, part;
	bool exact;
};
/* The phrases of an expression query_build_known() wrote, at most max of
 * them; returns the count. */
size_t query_phrases(const char *match, struct query_phrase *out, size_t max);

/* A group of such an expression: its text ("word"* or (... OR ...)), the
 * words of query_words() it stands for, and its phrases. */
struct query_group {
	const char *text;
	size_t len;
	size_t word, nwords;
	size_t phrase, nphrases;
};
/* The groups of an expression, from its phrases (query_phrases()); returns
 * the count. */
size_t query_groups(const char *match, const struct query_phrase *ph, size_t nph,
    struct query_group *out, size_t max);

#endif
