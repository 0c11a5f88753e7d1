/* query.c: see query.h. Words are runs of letters and digits (any non-ASCII
 * character counts as a letter, as it does for FTS5's unicode61 tokenizer);
 * everything else separates words, but the dots of a dotted abbreviation
 * ("t.i.a."). Input need not be valid UTF-8. */
#include "query.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "spelling.h"
#include "wordforms.h"
#include "text.h"

static bool
word_byte(unsigned char c)
{
	return c >= 0x80 || isalnum(c);
}

static bool
ascii_letter(const char *typed, size_t len, size_t i)
{
	return i < len && isalpha((unsigned char)typed[i]);
}

/* A dotted abbreviation at typed[from]: single letters, each but the last
 * followed by one dot ("t.i.a", "i.v."), two or more, not after a word
 * and a dot ("ab.c.d"). Its letters are one word, as articles write it
 * ("TIA"): the tokenizer would make each letter a word. Not digits:
 * "7.5" is a number. Returns the end of its last letter, or 0; its
 * letters into w. */
static size_t
dotted_abbreviation(const char *typed, size_t len, size_t from, struct buf *w)
{
	size_t i = from, n = 0;
	if (from >= 2 && typed[from - 1] == '.' &&
	    word_byte((unsigned char)typed[from - 2]))
		return 0;
	while (ascii_letter(typed, len, i) &&
	    (i + 1 == len || !word_byte((unsigned char)typed[i + 1]))) {
		n++;
		if (i + 2 >= len || typed[i + 1] != '.' || !ascii_letter(typed, len, i + 2))
			break;
		i += 2;
	}
	if (n < 2 || n > QUERY_MAX_WORD_BYTES)
		return 0;
	for (size_t k = from; k <= i; k += 2)
		buf_addc(w, typed[k]);
	return i + 1;
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
		struct buf dotted = BUF_INIT;
		if ((i = dotted_abbreviation(typed, len, from, &dotted)) > 0) {
			*pos = *end = i;
			*start = from;
			return buf_detach(&dotted);
		}
		i = from;
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

char *
query_blank_words(const char *typed, query_word_fn keep, void *arg)
{
	size_t len = strlen(typed), pos = 0, start, end, kept = 0;
	char *out = xstrdup(typed), *w;
	while (kept < QUERY_MAX_WORDS &&
	    (w = next_word(typed, len, &pos, &start, &end)) != NULL) {
		size_t n = strlen(w), ascii = 0;
		while (ascii < n && !text_ascii_alnum((unsigned char)w[ascii]))
			ascii++;
		if (ascii < n || keep(arg, w, n))
			kept++;
		else
			memset(out + start, ' ', end - start);
		free(w);
	}
	return out;
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

/* The length of a short plural's singular, or 0: a word of four ASCII
 * letters ending in a single s, not in -us or -is ("fits" gives "fit",
 * "legs" "leg"; "this", "plus" nothing). The singular is matched as a
 * whole word beside the plural as a prefix: "fit"* would find
 * "fitness". */
static size_t
short_plural_stem(const char *w)
{
	if (strlen(w) != 4)
		return 0;
	for (size_t i = 0; i < 4; i++)
		if (!isalpha((unsigned char)w[i]))
			return 0;
	char last = (char)tolower((unsigned char)w[3]);
	char before = (char)tolower((unsigned char)w[2]);
	if (last != 's' || before == 's' || before == 'u' || before == 'i')
		return 0;
	return 3;
}

char *
query_build(const char *typed)
{
	return query_build_known(typed, NULL, NULL);
}

/* One phrase: the word quoted (words hold no '"': it is not a word byte,
 * so quoting makes each one a literal string), '*' if a prefix. */
static void
add_phrase(struct buf *q, const char *w, size_t n, bool prefix)
{
	buf_addc(q, '"');
	buf_add(q, w, n);
	buf_addc(q, '"');
	if (prefix)
		buf_addc(q, '*');
}

/* w in lower case, if it is ASCII letters and digits that fit; else "". */
static bool
lower_ascii(const char *w, size_t n, char *out)
{
	if (n == 0 || n > QUERY_MAX_WORD_BYTES)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!text_ascii_alnum((unsigned char)w[i]))
			return false;
		out[i] = (char)text_ascii_lower((unsigned char)w[i]);
	}
	out[n] = '\0';
	return true;
}

/* The other spellings of w (n bytes) the index has, at most
 * QUERY_MAX_SPELLINGS, into v (malloc'ed); the count. */
static size_t
spellings(const char *w, size_t n, bool prefix, query_known_fn known, void *arg,
    char **v)
{
	char low[QUERY_MAX_WORD_BYTES + 1], *all[SPELLING_MAX];
	size_t nv = 0;
	if (known == NULL || !lower_ascii(w, n, low))
		return 0;
	size_t na = spelling_variants(low, n, prefix, all, SPELLING_MAX);
	na += wordform_variants(low, n, prefix, all + na, SPELLING_MAX - na);
	for (size_t i = 0; i < na; i++) {
		if (nv < QUERY_MAX_SPELLINGS && known(arg, all[i], strlen(all[i]), prefix))
			v[nv++] = all[i];
		else
			free(all[i]);
	}
	return nv;
}

/* Whether words a and b are written as one in the index ("sglt" "2"
 * as "sglt2"): a of five letters or fewer, or b a number, both ASCII. */
static bool
joined(const char *a, size_t la, const char *b, size_t lb, bool prefix,
    query_known_fn known, void *arg)
{
	char low[2 * QUERY_MAX_WORD_BYTES + 1];
	size_t digits = 0;
	while (digits < lb && b[digits] >= '0' && b[digits] <= '9')
		digits++;
	if (known == NULL || (la > 5 && digits < lb) ||
	    !lower_ascii(a, la, low) || !lower_ascii(b, lb, low + la))
		return false;
	return known(arg, low, la + lb, prefix);
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
	 * the same, as people write it in other search boxes. Past
	 * QUERY_MAX_WORDS the last word kept is followed by others, and so
	 * is whole. */
	size_t len = strlen(typed), start, end;
	while (len > 0 && typed[len - 1] == '*')
		len--;
	bool prefix = query_word_span(typed, n - 1, &start, &end) && end == len;
	/* A single character as a prefix matches nearly every article, ranks
	 * nothing and costs a second at 100k articles (there is no one-letter
	 * prefix index): it is matched as a whole word until a second one is
	 * typed. */
	uint32_t first;
	if (prefix && text_decode(words[n - 1], strlen(words[n - 1]), &first) ==
	    strlen(words[n - 1]))
		prefix = false;
	/* Only the last word, and only as a prefix: "tablet"* costs what the
	 * key before it did, where a whole word made a prefix would read
	 * every word it begins ("prio"* for "prios"). */
	size_t wlen[QUERY_MAX_WORDS];
	for (size_t i = 0; i < n; i++)
		wlen[i] = strlen(words[i]);
	size_t stem = prefix ? plural_stem(words[n - 1]) : 0;
	if (stem && known && !known(arg, words[n - 1], stem, false))
		stem = 0;
	if (stem)
		wlen[n - 1] = stem;
	size_t single = prefix && known ? short_plural_stem(words[n - 1]) : 0;
	if (single && !known(arg, words[n - 1], single, false))
		single = 0;
	/* An irregular plural typed last finds its singular as a whole word,
	 * as a short plural does: "children" finds "child" ("child"* would
	 * find "childbirth"). */
	char low[QUERY_MAX_WORD_BYTES + 1];
	const char *one = NULL;
	if (prefix && known && lower_ascii(words[n - 1], wlen[n - 1], low) &&
	    (one = wordform_irregular_singular(low, wlen[n - 1])) != NULL &&
	    !known(arg, one, strlen(one), false))
		one = NULL;

	/* A last word of two or three letters that the index has whole, in
	 * this spelling or another, is likely an abbreviation ("AF", "GI",
	 * "ACE"; "EKG" for "ECG"): it is matched whole too, a term of its own
	 * in the rank (query_phrases(): exact), so that the articles that
	 * have it come before those that only have words it begins ("after",
	 * "given", "acetylcysteine"). */
	char whole[QUERY_MAX_WORD_BYTES + 1];
	bool short_last = prefix && known && wlen[n - 1] >= 2 && wlen[n - 1] <= 3 &&
	    lower_ascii(words[n - 1], wlen[n - 1], whole);

	/* Groups in parentheses are joined to their neighbours with AND:
	 * FTS5 takes no implicit AND beside a parenthesis. */
	struct buf q = BUF_INIT;
	bool group_before = false;
	for (size_t i = 0; i < n; i++) {
		bool pre = i == n - 1 && prefix;
		char *v[QUERY_MAX_SPELLINGS];
		size_t nv = 0;
		bool join = i + 1 < n && joined(words[i], wlen[i], words[i + 1],
		    wlen[i + 1], i + 1 == n - 1 && prefix, known, arg);
		if (!join)
			nv = spellings(words[i], wlen[i], pre, known, arg, v);
		const char *exact = NULL;
		if (i == n - 1 && !join && short_last) {
			exact = known(arg, whole, wlen[i], false) ? words[i] : NULL;
			for (size_t k = 0; exact == NULL && k < nv; k++)
				if (known(arg, v[k], strlen(v[k]), false))
					exact = v[k];
		}
		bool group = join || nv > 0 || (i == n - 1 && (single || one || exact));
		if (i)
			buf_adds(&q, group || group_before ? " AND " : " ");
		group_before = group;
		if (!group) {
			add_phrase(&q, words[i], wlen[i], pre);
			continue;
		}
		buf_addc(&q, '(');
		if (join) {
			bool pre2 = i + 1 == n - 1 && prefix;
			add_phrase(&q, words[i], wlen[i], false);
			buf_adds(&q, " AND ");
			add_phrase(&q, words[i + 1], wlen[i + 1], pre2);
			buf_adds(&q, " OR ");
			buf_addc(&q, '"');
			buf_add(&q, words[i], wlen[i]);
			buf_add(&q, words[i + 1], wlen[i + 1]);
			buf_addc(&q, '"');
			if (pre2)
				buf_addc(&q, '*');
			i++;
		} else {
			add_phrase(&q, words[i], wlen[i], pre);
			for (size_t k = 0; k < nv; k++) {
				buf_adds(&q, " OR ");
				add_phrase(&q, v[k], strlen(v[k]), pre);
			}
			if (i == n - 1 && single) {
				buf_adds(&q, " OR ");
				add_phrase(&q, words[i], single, false);
			}
			if (i == n - 1 && one) {
				buf_adds(&q, " OR ");
				add_phrase(&q, one, strlen(one), false);
			}
			if (exact) {
				buf_adds(&q, " OR ");
				add_phrase(&q, exact, exact == words[i] ? wlen[i] :
				    strlen(exact), false);
			}
		}
		for (size_t k = 0; k < nv; k++)
			free(v[k]);
		buf_addc(&q, ')');
	}
	for (size_t i = 0; i < n; i++)
		free(words[i]);
	return buf_detach(&q);
}

/* The next token of an expression query_build_known() wrote: a phrase
 * (returns 'p'), '(' , ')', 'A' (AND), 'O' (OR), or 0 at the end. */
static int
next_token(const char **pp, const char **text, const char **end)
{
	const char *p = *pp + strspn(*pp, " ");
	*text = p;
	if (*p == '"') {
		const char *e = strchr(p + 1, '"');
		if (e == NULL)
			return 0;
		e++;
		if (*e == '*')
			e++;
		*pp = *end = e;
		return 'p';
	}
	if (*p == '(' || *p == ')') {
		*pp = p + 1;
		return *p;
	}
	if (strncmp(p, "AND", 3) == 0 || strncmp(p, "OR", 2) == 0) {
		*pp = p + (*p == 'A' ? 3 : 2);
		return *p;
	}
	return 0;
}

size_t
query_phrases(const char *match, struct query_phrase *out, size_t max)
{
	/* Phrases in quotes, the last maybe followed by '*'; no word holds a
	 * quote. Groups in parentheses, their alternatives apart by OR, the
	 * phrases of one by AND; groups apart by a space or AND. */
	size_t n = 0, group = 0, alt = 0, part = 0, first = 0;
	bool in_group = false;
	const char *p = match, *text, *end = match;
	int t;
	while (n < max && (t = next_token(&p, &text, &end)) != 0) {
		if (t == '(') {
			in_group = true;
			alt = part = 0;
		} else if (t == ')') {
			in_group = false;
			group++;
		} else if (t == 'O') {
			alt++;
			part = 0;
		} else if (t == 'A') {
			if (in_group)
				part++;
		} else {
			struct query_phrase *ph = &out[n++];
			ph->text = text;
			ph->word = text + 1;
			ph->prefix = end[-1] == '*';
			ph->len = (size_t)(end - text);
			ph->wlen = ph->len - 2 - (ph->prefix ? 1 : 0);
			ph->group = group;
			ph->alt = in_group ? alt : 0;
			ph->part = in_group ? part : 0;
			if (!in_group || (alt == 0 && part == 0))
				first = n - 1;
			/* A word of the group, a prefix before, now whole. */
			ph->exact = false;
			for (size_t k = first; in_group && alt > 0 && !ph->prefix &&
			    k + 1 < n; k++)
				ph->exact |= out[k].prefix && out[k].wlen == ph->wlen &&
				    memcmp(out[k].word, ph->word, ph->wlen) == 0;
			if (!in_group)
				group++;
		}
	}
	return n;
}

size_t
query_groups(const char *match, const struct query_phrase *ph, size_t nph,
    struct query_group *out, size_t max)
{
	size_t n = 0, word = 0;
	(void)match;
	for (size_t i = 0; i < nph && n < max; ) {
		struct query_group *g = &out[n++];
		size_t j = i, nwords = 0;
		while (j < nph && ph[j].group == ph[i].group) {
			if (ph[j].alt == 0 && ph[j].part + 1 > nwords)
				nwords = ph[j].part + 1;
			j++;
		}
		const char *from = ph[i].text, *to = ph[j - 1].text + ph[j - 1].len;
		if (from > match && from[-1] == '(') {
			from--;
			to += *to == ')';
		}
		*g = (struct query_group){ from, (size_t)(to - from), word, nwords, i,
		    j - i };
		word += nwords;
		i = j;
	}
	return n;
}
