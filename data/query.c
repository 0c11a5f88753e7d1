/* query.c: see query.h. Words are runs of letters and digits (any non-ASCII
 * character counts as a letter, as it does for FTS5's unicode61 tokenizer);
 * everything else separates words. Input need not be valid UTF-8. */
#include "query.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

static bool
word_byte(unsigned char c)
{
	return c >= 0x80 || isalnum(c);
}

/* The next word of typed[0, len) from *pos (malloc'ed), with its bytes'
 * place in start and end; NULL past the last. */
static char *
next_word(const char *typed, size_t len, size_t *pos, size_t *start, size_t *end)
{
	size_t i = *pos;
	for (;;) {
		while (i < len && !word_byte((unsigned char)typed[i]))
			i++;
		size_t from = i;
		while (i < len && word_byte((unsigned char)typed[i]))
			i++;
		if (i == from) {
			*pos = i;
			return NULL;
		}
		/* Keep whole, valid characters only: cut long words on a
		 * character boundary and drop malformed bytes. */
		struct buf w = BUF_INIT;
		size_t j = from;
		while (j < i && w.len < QUERY_MAX_WORD_BYTES) {
			uint32_t cp;
			size_t k = text_decode(typed + j, i - j, &cp);
			if (cp != TEXT_INVALID && !text_is_unsafe(cp) &&
			    w.len + k <= QUERY_MAX_WORD_BYTES)
				buf_add(&w, typed + j, k);
			else if (cp != TEXT_INVALID && !text_is_unsafe(cp))
				break;
			j += k;
		}
		if (w.len == 0) {
			buf_free(&w);
			continue;
		}
		*pos = i;
		*start = from;
		*end = i;
		return buf_detach(&w);
	}
}

size_t
query_words(const char *typed, char **words, size_t max)
{
	size_t n = 0, len = strlen(typed), pos = 0, start, end;
	char *w;
	while (n < max && (w = next_word(typed, len, &pos, &start, &end)) != NULL)
		words[n++] = w;
	return n;
}

bool
query_word_span(const char *typed, size_t k, size_t *start, size_t *end)
{
	size_t len = strlen(typed), pos = 0;
	for (size_t n = 0;; n++) {
		char *w = next_word(typed, len, &pos, start, end);
		if (w == NULL)
			return false;
		free(w);
		if (n == k)
			return true;
	}
}

/* The length of a plural's singular, or 0: a word of five ASCII letters
 * or more ending in a single s, not in -ss, -us or -is ("tablets" gives
 * "tablet"; "less", "status", "sepsis" nothing). As the last word's
 * prefix the singular finds both forms: "water tablets" finds an article
 * that says "a water tablet". Shorter words are left alone: "fit"*
 * would find "fitness", "it"* nearly everything. */
static size_t
plural_stem(const char *w)
{
	size_t n = strlen(w);
	if (n < 5)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)w[i]))
			return 0;
	char last = (char)tolower((unsigned char)w[n - 1]);
	char before = (char)tolower((unsigned char)w[n - 2]);
	if (last != 's' || before == 's' || before == 'u' || before == 'i')
		return 0;
	return n - 1;
}

char *
query_build(const char *typed)
{
	return query_build_known(typed, NULL, NULL);
}

char *
query_build_known(const char *typed, query_known_fn known, void *arg)
{
	char *words[QUERY_MAX_WORDS];
	size_t n = query_words(typed, words, QUERY_MAX_WORDS);
	if (n == 0)
		return NULL;

	/* The last word is a prefix while it is being typed: unless a space
	 * or other separator follows it. A '*' straight after it asks for
	 * the same, as people write it in other search boxes. */
	size_t len = strlen(typed);
	while (len > 0 && typed[len - 1] == '*')
		len--;
	bool prefix = len > 0 && word_byte((unsigned char)typed[len - 1]);
	/* A single character as a prefix matches nearly every article, ranks
	 * nothing and costs a second at 100k articles (there is no one-letter
	 * prefix index): it is matched as a whole word until a second one is
	 * typed. */
	uint32_t first;
	if (prefix && text_decode(words[n - 1], strlen(words[n - 1]), &first) ==
	    strlen(words[n - 1]))
		prefix = false;
	struct buf q = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(&q, ' ');
		/* Words hold no '"' (it is not a word byte), so quoting is
		 * enough to make each one a literal string. */
		/* Only the last word, and only as a prefix: "tablet"* costs
		 * what the key before it did, where a whole word made a prefix
		 * would read every word it begins ("prio"* for "prios"). */
		size_t stem = i == n - 1 && prefix ? plural_stem(words[i]) : 0;
		if (stem && known && !known(arg, words[i], stem))
			stem = 0;
		buf_addc(&q, '"');
		buf_add(&q, words[i], stem ? stem : strlen(words[i]));
		buf_addc(&q, '"');
		if (i == n - 1 && prefix)
			buf_addc(&q, '*');
		free(words[i]);
	}
	return buf_detach(&q);
}

size_t
query_phrases(const char *match, struct query_phrase *out, size_t max)
{
	/* query_build() writes each word between quotes, the last one maybe
	 * followed by '*', one space apart; no word holds a quote. */
	size_t n = 0;
	for (const char *p = match; *p == '"' && n < max; ) {
		const char *e = strchr(p + 1, '"');
		if (e == NULL)
			break;
		struct query_phrase *ph = &out[n++];
		ph->text = p;
		ph->word = p + 1;
		ph->wlen = (size_t)(e - p - 1);
		ph->prefix = e[1] == '*';
		ph->len = (size_t)(e - p) + 1 + (ph->prefix ? 1 : 0);
		p += ph->len;
		p += strspn(p, " ");
	}
	return n;
}
