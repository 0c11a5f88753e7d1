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

/* Returns a malloc'ed FTS5 MATCH expression, or NULL if the text holds no
 * word at all (then nothing can match). */
char *query_build(const char *typed);
/* Whether the index has word (len bytes): arg is the caller's. */
typedef bool (*query_known_fn)(void *arg, const char *word, size_t len);
/* As query_build(), which matches a plural last word that is a prefix
 * ("water tablets") as its singular's prefix ("tablet"*), but only if
 * known says the index has the singular (query_build() asks no one):
 * else the shorter prefix would read words it begins for nothing. */
char *query_build_known(const char *typed, query_known_fn known, void *arg);
/* Splits typed into at most max words (malloc'ed); returns the count. */
size_t query_words(const char *typed, char **words, size_t max);
/* Where word k (from 0) of query_words() is in typed: its bytes from
 * *start to *end. False if typed has no such word. */
bool query_word_span(const char *typed, size_t k, size_t *start, size_t *end);

/* A phrase of a MATCH expression query_build() wrote: the phrase as
 * written ("word" or "word"*), the word inside its quotes, and whether it
 * is a prefix. Pointers into the expression. */
struct query_phrase {
	const char *text, *word;
	size_t len, wlen;
	int prefix;
};
/* The phrases of an expression query_build() wrote, at most max of them;
 * returns the count. */
size_t query_phrases(const char *match, struct query_phrase *out, size_t max);

#endif
