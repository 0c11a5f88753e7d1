/* spelling.c: see spelling.h.
 *
 * A rule is a pair of spellings of a few letters, British first, and
 * where in a word it may apply. Each place where a word has one side of
 * a rule, in its context, is a place it may be spelt the other way; a
 * word's other spellings are it with one such place changed, then with
 * two (a word seldom has more: "anaesthetised", "anesthetized"). The
 * contexts are narrow on purpose: the search tries each spelling made
 * here against the index, so a rule that applied everywhere would cost
 * lookups for nothing, and one that made real other words ("four" and
 * "for", "does" and "des") would find what was not asked for. */
#include "config.h"
#include "spelling.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

struct rule {
	const char *uk, *us;
	unsigned char before;   /* letters the word must have before it */
	bool consonant_before;  /* and the one just before, if any, a consonant */
	/* The letters that may follow it: NULL any letter but an 's' that
	 * ends the word; "" anything; else one of these. */
	const char *follow;
	bool end;               /* or the end of the word */
	/* At the end of a word still being typed, what follows is unknown:
	 * whether the rule applies there, turning British into American
	 * and American into British. */
	bool open_to_us, open_to_uk;
};

static const struct rule rules[] = {
	/* anaemia, haem-, paediatric, leukaemia, faeces, aetiology */
	{ "ae", "e", 0, true, NULL, false, false, false },
	/* oedema, oesophagus, oestrogen, foetal, coeliac, diarrhoea; not
	 * "does", "toe" or "shoes" (the 'e' ends the word, or its 's') */
	{ "oe", "e", 0, true, NULL, false, false, false },
	/* tumour, colour, behaviour(al), favourite; not "four", "your",
	 * "journal" (two letters before, a suffix after) */
	{ "our", "or", 2, false, "aefils", true, true, true },
	/* randomised, recognising, organisation */
	{ "is", "iz", 3, false, "aei", false, false, false },
	/* analyse, paralysed */
	{ "ys", "yz", 2, false, "ei", false, false, false },
	/* sulphate, sulphonylurea, sulphur */
	{ "sulph", "sulf", 0, false, "", true, true, true },
	/* litre, centre, metre; fibre, calibre: at the end of the word.
	 * "liter" typed begins "literature" too, so an unfinished "litre"
	 * is not made "liter" */
	{ "tre", "ter", 2, false, "s", true, false, true },
	{ "bre", "ber", 2, false, "s", true, false, true },
	/* analogue, catalogue */
	{ "ogue", "og", 3, false, "s", true, false, false },
};

#define RULES (sizeof rules / sizeof *rules)

/* Drugs whose British and American names differ by more than the rules
 * above: the British name first (the INN, or the older BAN a British
 * clinician still types), then the American (USAN); and the one test so
 * named, the ECG (EKG in America). Whole names only:
 * "epinephrine" on a ward in Boston is "adrenaline" in the articles, and
 * no rule of a few letters could say so without making other words. */
static const char *const drug_names[][2] = {
	{ "adrenaline", "epinephrine" }, { "noradrenaline", "norepinephrine" },
	{ "salbutamol", "albuterol" }, { "paracetamol", "acetaminophen" },
	{ "frusemide", "furosemide" }, { "lignocaine", "lidocaine" },
	{ "glibenclamide", "glyburide" }, { "pethidine", "meperidine" },
	{ "rifampicin", "rifampin" }, { "ciclosporin", "cyclosporine" },
	{ "aciclovir", "acyclovir" }, { "valaciclovir", "valacyclovir" },
	{ "isoprenaline", "isoproterenol" }, { "suxamethonium", "succinylcholine" },
	{ "hyoscine", "scopolamine" }, { "phenobarbitone", "phenobarbital" },
	{ "ergometrine", "ergonovine" }, { "chlorphenamine", "chlorpheniramine" },
	{ "mesalazine", "mesalamine" }, { "beclometasone", "beclomethasone" },
	{ "amethocaine", "tetracaine" }, { "cefalexin", "cephalexin" },
	{ "ecg", "ekg" },
};

#define DRUG_NAMES (sizeof drug_names / sizeof *drug_names)
#define SITES_MAX 8

/* A place where a word has one side of a rule. */
struct site {
	size_t at, len;         /* the letters it replaces */
	const char *with;
};

static bool
consonant(char c)
{
	return c >= 'a' && c <= 'z' && !strchr("aeiou", c);
}

static bool
plain(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= '0' && w[i] <= '9')))
			return false;
	return n > 0 && n <= SPELLING_WORD_MAX;
}

/* Whether rule r may turn the side of it at w[at, at + n) into the other. */
static bool
applies(const struct rule *r, const char *w, size_t len, size_t at, size_t n,
    bool prefix, bool to_us)
{
	if (at < r->before || (r->consonant_before && at > 0 && !consonant(w[at - 1])))
		return false;
	size_t k = at + n;
	if (k == len)
		return prefix ? (to_us ? r->open_to_us : r->open_to_uk) : r->end;
	char c = w[k];
	if (r->follow == NULL)
		return c >= 'a' && c <= 'z' && !(c == 's' && k + 1 == len);
	return r->follow[0] == '\0' || strchr(r->follow, c) != NULL;
}

static size_t
find_sites(const char *w, size_t len, bool prefix, struct site *s, size_t max)
{
	size_t n = 0;
	for (size_t at = 0; at < len; at++)
		for (size_t i = 0; i < RULES && n < max; i++) {
			const struct rule *r = &rules[i];
			size_t lu = strlen(r->uk), la = strlen(r->us);
			if (at + lu <= len && memcmp(w + at, r->uk, lu) == 0 &&
			    applies(r, w, len, at, lu, prefix, true))
				s[n++] = (struct site){ at, lu, r->us };
			else if (at + la <= len && memcmp(w + at, r->us, la) == 0 &&
			    applies(r, w, len, at, la, prefix, false))
				s[n++] = (struct site){ at, la, r->uk };
		}
	return n;
}

/* w with sites a and (if b) b changed; a before b. */
static char *
spell(const char *w, size_t len, const struct site *a, const struct site *b)
{
	struct buf out = BUF_INIT;
	buf_add(&out, w, a->at);
	buf_adds(&out, a->with);
	size_t from = a->at + a->len;
	if (b) {
		buf_add(&out, w + from, b->at - from);
		buf_adds(&out, b->with);
		from = b->at + b->len;
	}
	buf_add(&out, w + from, len - from);
	return buf_detach(&out);
}

static bool
add(char **out, size_t *n, size_t max, char *s, const char *w, size_t len)
{
	bool dup = strlen(s) == len && memcmp(s, w, len) == 0;
	for (size_t i = 0; i < *n && !dup; i++)
		dup = strcmp(out[i], s) == 0;
	if (dup || *n == max || strlen(s) > SPELLING_WORD_MAX) {
		free(s);
		return *n < max;
	}
	out[(*n)++] = s;
	return *n < max;
}

size_t
spelling_variants(const char *w, size_t len, bool prefix, char **out, size_t max)
{
	struct site s[SITES_MAX];
	size_t ns, n = 0;
	if (!plain(w, len) || max == 0)
		return 0;
	/* A name typed whole, even as a prefix still being typed: its
	 * other name, as the rules' spellings are. */
	for (size_t i = 0; i < DRUG_NAMES; i++)
		for (int side = 0; side < 2; side++)
			if (strlen(drug_names[i][side]) == len &&
			    memcmp(w, drug_names[i][side], len) == 0 &&
			    !add(out, &n, max, xstrdup(drug_names[i][!side]), w, len))
				return n;
	ns = find_sites(w, len, prefix, s, SITES_MAX);
	for (size_t i = 0; i < ns; i++)
		if (!add(out, &n, max, spell(w, len, &s[i], NULL), w, len))
			return n;
	for (size_t i = 0; i < ns; i++)
		for (size_t j = i + 1; j < ns; j++) {
			if (s[j].at < s[i].at + s[i].len)
				continue;       /* overlapping, or another rule here */
			if (!add(out, &n, max, spell(w, len, &s[i], &s[j]), w, len))
				return n;
		}
	return n;
}

bool
spelling_same(const char *a, size_t la, const char *b, size_t lb)
{
	char *v[4 * SPELLING_MAX];
	size_t n = spelling_variants(a, la, false, v, sizeof v / sizeof *v);
	bool same = false;
	for (size_t i = 0; i < n; i++) {
		same |= strlen(v[i]) == lb && memcmp(v[i], b, lb) == 0;
		free(v[i]);
	}
	return same;
}
