/* db_vocab.c: the spelling vocabulary and "did you mean".
 *
 * The importer counts the words of every search row here, and the
 * browser and `search` offer the closest of them for a word that finds
 * nothing. */
#include "config.h"
#include "db_internal.h"
#include "query.h"
#include "spelling.h"
#include "wordforms.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The words of every search row (title, answer, key points, research) as
 * the unicode61 tokenizer gives them, unstemmed, each with the number of
 * rows it is in: what "did you mean" compares a word with. Schema 1 kept
 * them in a contentless FTS5 index, whose vocabulary can only be listed by
 * walking every posting (a second for a word not found, at 100,000
 * articles); schema 2 keeps the list itself, in spell_words, and the
 * importer keeps it up to date by counting here what it adds and removes.
 *
 * The words come from FTS5's own tokenizer with the arguments the schema
 * 1 index used, so they are the words it held. */
#define VOCAB_ROW_COLUMNS "title, answer, key_points, research"
#define VOCAB_MAX_TOKEN 32768   /* FTS5 cuts longer tokens here (fts5Int.h) */

struct vocab_word {
	uint64_t hash;
	size_t off;             /* into the arena */
	uint32_t len;
	uint32_t row;           /* the last row that counted it */
	long delta;             /* rows added minus rows removed */
};

struct vocab {
	fts5_tokenizer api;
	Fts5Tokenizer *tok;
	struct vocab_word *slot;
	size_t mask, used;
	struct buf arena;
	uint32_t row;
	int sign;
};

fts5_api *
db_fts5_api(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api && api->iVersion >= 2 ? api : NULL;
}

int
db_tokenizer_open(sqlite3 *h, fts5_tokenizer *api, Fts5Tokenizer **tok)
{
	static const char *args[] = { "remove_diacritics", "2" };
	fts5_api *fts5 = db_fts5_api(h);
	void *ctx = NULL;
	if (fts5 == NULL ||
	    fts5->xFindTokenizer(fts5, "unicode61", &ctx, api) != SQLITE_OK ||
	    api->xCreate(ctx, args, 2, tok) != SQLITE_OK)
		return -1;
	return 0;
}

struct vocab *
vocab_new(sqlite3 *h)
{
	struct vocab *v = xcalloc(1, sizeof *v);
	if (db_tokenizer_open(h, &v->api, &v->tok) != 0) {
		free(v);
		return NULL;
	}
	v->mask = 4095;
	v->slot = xcalloc(v->mask + 1, sizeof *v->slot);
	return v;
}

void
vocab_free(struct vocab *v)
{
	if (v == NULL)
		return;
	v->api.xDelete(v->tok);
	free(v->slot);
	buf_free(&v->arena);
	free(v);
}

static uint64_t
vocab_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;              /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h | 1;                                   /* 0 marks a free slot */
}

static void
vocab_grow(struct vocab *v)
{
	size_t cap = (v->mask + 1) * 2;
	struct vocab_word *slot = xcalloc(cap, sizeof *slot);
	for (size_t i = 0; i <= v->mask; i++) {
		if (v->slot[i].hash == 0)
			continue;
		size_t j = (size_t)v->slot[i].hash & (cap - 1);
		while (slot[j].hash)
			j = (j + 1) & (cap - 1);
		slot[j] = v->slot[i];
	}
	free(v->slot);
	v->slot = slot;
	v->mask = cap - 1;
}

/* The entry of word tok, added with a count of 0 if it is new. */
static struct vocab_word *
vocab_word(struct vocab *v, const char *tok, size_t n)
{
	if ((v->used + 1) * 2 > v->mask)
		vocab_grow(v);
	uint64_t h = vocab_hash(tok, n);
	size_t i = (size_t)h & v->mask;
	struct vocab_word *w;
	for (;; i = (i + 1) & v->mask) {
		w = &v->slot[i];
		if (w->hash == 0)
			break;
		if (w->hash == h && w->len == n &&
		    memcmp(v->arena.data + w->off, tok, n) == 0)
			return w;
	}
	w->hash = h;
	w->off = v->arena.len;
	w->len = (uint32_t)n;
	buf_add(&v->arena, tok, n);
	v->used++;
	return w;
}

static int
vocab_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	struct vocab *v = ctx;
	(void)tflags, (void)start, (void)end;
	if (ntok <= 0)
		return SQLITE_OK;
	struct vocab_word *w = vocab_word(v, tok,
	    ntok > VOCAB_MAX_TOKEN ? VOCAB_MAX_TOKEN : (size_t)ntok);
	if (w->row != v->row) {
		w->row = v->row;
		w->delta += v->sign;
	}
	return SQLITE_OK;
}

/* Adds the counts of from to v (the importer counts the rows it adds on
 * one thread and those it removes on another). */
void
vocab_merge(struct vocab *v, const struct vocab *from)
{
	for (size_t i = 0; i <= from->mask; i++) {
		const struct vocab_word *f = &from->slot[i];
		if (f->hash != 0 && f->delta != 0)
			vocab_word(v, from->arena.data + f->off, f->len)->delta += f->delta;
	}
}

/* Counts each word of one search row once: sign 1 for a row added, -1
 * for a row removed. NULL texts are skipped. */
int
vocab_row(struct vocab *v, const char *const texts[VOCAB_TEXTS], int sign)
{
	v->row++;
	v->sign = sign;
	for (int i = 0; i < VOCAB_TEXTS; i++)
		if (texts[i] && *texts[i] && v->api.xTokenize(v->tok, v,
		    FTS5_TOKENIZE_DOCUMENT, texts[i], (int)strlen(texts[i]),
		    vocab_token) != SQLITE_OK)
			return -1;
	return 0;
}

/* Counts the search rows with rowid in [lo, hi] (all rows: 0 and -1). */
int
vocab_scan(struct vocab *v, sqlite3 *h, sqlite3_int64 lo, sqlite3_int64 hi, int sign)
{
	sqlite3_stmt *st;
	int rc;
	/* Two statements, not "?2 < 0 OR rowid BETWEEN ...": FTS5 is given
	 * no rowid range under an OR, so the rows of one article replaced
	 * were found by reading every row, and replacing a whole collection
	 * took time growing with its square. */
	const char *sql = hi < 0 ? "SELECT " VOCAB_ROW_COLUMNS " FROM search" :
	    "SELECT " VOCAB_ROW_COLUMNS " FROM search WHERE rowid BETWEEN ?1 AND ?2";
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (hi >= 0) {
		sqlite3_bind_int64(st, 1, lo);
		sqlite3_bind_int64(st, 2, hi);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t[VOCAB_TEXTS];
		for (int i = 0; i < VOCAB_TEXTS; i++)
			t[i] = (const char *)sqlite3_column_text(st, i);
		if (vocab_row(v, t, sign) != 0) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* spell_words is keyed by (length in characters, word), so that "did you
 * mean" reads only the words of about the right length. */
static size_t
utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

struct vocab_key {
	size_t chars;
	const char *s;
	size_t n;
	long delta;
};

static int
vocab_key_cmp(const void *pa, const void *pb)
{
	const struct vocab_key *a = pa, *b = pb;
	if (a->chars != b->chars)
		return a->chars < b->chars ? -1 : 1;
	int c = memcmp(a->s, b->s, a->n < b->n ? a->n : b->n);
	return c ? c : (a->n > b->n) - (a->n < b->n);
}

/* The counted words with a non-zero count, in spell_words' key order. */
static struct vocab_key *
vocab_keys(const struct vocab *v, size_t *n)
{
	struct vocab_key *k = xmalloc((v->used ? v->used : 1) * sizeof *k);
	*n = 0;
	for (size_t i = 0; i <= v->mask; i++) {
		const struct vocab_word *w = &v->slot[i];
		if (w->hash == 0 || w->delta == 0)
			continue;
		const char *s = v->arena.data + w->off;
		k[(*n)++] = (struct vocab_key){ utf8_chars(s, w->len), s, w->len,
		    w->delta };
	}
	qsort(k, *n, sizeof *k, vocab_key_cmp);
	return k;
}

/* Adds the counts to spell_words and drops words no row has any more.
 * Into an empty table (a new database) the words go in key order by plain
 * INSERT, which costs a third of an upsert. */
int
vocab_store(struct vocab *v, sqlite3 *h)
{
	size_t n;
	struct vocab_key *k = vocab_keys(v, &n);
	sqlite3_stmt *st;
	int rc = -1, empty = 0;
	if (sqlite3_prepare_v2(h, "SELECT NOT EXISTS (SELECT 1 FROM spell_words)", -1,
	    &st, NULL) != SQLITE_OK)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW)
		empty = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(h, empty ?
	    "INSERT INTO spell_words (len, word, docs) VALUES (?1, ?2, ?3)" :
	    "INSERT INTO spell_words (len, word, docs) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT (len, word) DO UPDATE SET docs = docs + excluded.docs",
	    -1, &st, NULL) != SQLITE_OK)
		goto out;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)k[i].chars);
		sqlite3_bind_text(st, 2, k[i].s, (int)k[i].n, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, k[i].delta);
		int r = sqlite3_step(st);
		sqlite3_reset(st);
		if (r != SQLITE_DONE) {
			sqlite3_finalize(st);
			goto out;
		}
	}
	sqlite3_finalize(st);
	rc = sqlite3_exec(h, "DELETE FROM spell_words WHERE docs <= 0", NULL, NULL,
	    NULL) == SQLITE_OK ? 0 : -1;
out:
	free(k);
	return rc;
}

/* Compares the counts (of every row) with spell_words: the number of words
 * that differ, the first of them named in first. */
long
vocab_compare(struct vocab *v, sqlite3 *h, struct buf *first)
{
	size_t n, i = 0;
	struct vocab_key *k = vocab_keys(v, &n);
	sqlite3_stmt *st;
	long diff = 0;
	int rc;
	if (sqlite3_prepare_v2(h, "SELECT len, word, docs FROM spell_words "
	    "ORDER BY len, word", -1, &st, NULL) != SQLITE_OK) {
		free(k);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct vocab_key row = {
			(size_t)sqlite3_column_int64(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(size_t)sqlite3_column_bytes(st, 1),
			(long)sqlite3_column_int64(st, 2),
		};
		if (row.s == NULL)
			row.s = "";
		int c = -1;
		while (i < n && (c = vocab_key_cmp(&k[i], &row)) < 0) {
			if (diff++ == 0)
				buf_add(first, k[i].s, k[i].n);
			i++;
		}
		if (i < n && c == 0 && k[i].delta == row.delta && row.chars ==
		    utf8_chars(row.s, row.n)) {
			i++;
			continue;
		}
		if (i < n && c == 0)
			i++;
		if (diff++ == 0)
			buf_add(first, row.s, row.n);
	}
	for (; i < n; i++)
		if (diff++ == 0)
			buf_add(first, k[i].s, k[i].n);
	sqlite3_finalize(st);
	free(k);
	return rc == SQLITE_DONE ? diff : -1;
}

/* Optimal string alignment distance, on bytes, giving up past max. */
static int
edit_distance(const char *a, size_t la, const char *b, size_t lb, int max)
{
	if ((la > lb ? la - lb : lb - la) > (size_t)max || la > 64 || lb > 64)
		return max + 1;
	int d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int row_min = max + 1;
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > max)
			return max + 1;
	}
	return d[la][lb];
}

/* Whether a and b are one word in two forms a reader takes for the same:
 * singular and plural ("fit", "fits"; "fetus", "fetuses") or British and
 * American spelling (spelling.h: "foetal", "fetal"; "anaemia", "anemia";
 * "sulphate", "sulfate"). Both are in lower case. */
static bool
same_word_forms(const char *a, size_t la, const char *b, size_t lb)
{
	if (la > lb) {
		const char *t = a;
		size_t lt = la;
		a = b, la = lb, b = t, lb = lt;
	}
	/* b is a with -s or -es added. */
	if (lb == la + 1 && b[la] == 's' && memcmp(a, b, la) == 0)
		return true;
	if (lb == la + 2 && b[la] == 'e' && b[la + 1] == 's' && memcmp(a, b, la) == 0)
		return true;
	return spelling_same(a, la, b, lb) || wordform_same(a, la, b, lb);
}

struct suggestion {
	char *word;
	int distance;
	bool form;              /* another form of the word typed */
	int docs;
};

static int
suggestion_cmp(const void *pa, const void *pb)
{
	const struct suggestion *a = pa, *b = pb;
	/* The word typed in another form comes before other words, also
	 * closer ones: "fits" finds "fit" before "its", "sulphate" "sulfate"
	 * before "sulphite". */
	if (a->form != b->form)
		return a->form ? -1 : 1;
	if (a->distance != b->distance)
		return a->distance - b->distance;
	if (a->docs != b->docs)
		return b->docs - a->docs;
	return strcmp(a->word, b->word);
}

int
db_word_docs(struct db *db, const char *word, size_t n)
{
	if (db->version < 2)
		return 0;
	sqlite3_stmt *st = db_stmt(db, STMT_SPELL_WORD, "SELECT docs FROM spell_words "
	    "WHERE len = ?1 AND word = ?2");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)n);
	sqlite3_bind_text(st, 2, word, (int)n, SQLITE_STATIC);
	int rc = sqlite3_step(st), docs = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? docs : -1;
}

int
db_prefix_docs(struct db *db, const char *prefix, size_t n)
{
	/* spell_words is keyed by length first: one seek per length, from
	 * the prefix's own to the longest word's. */
	if (db->version < 2 || n == 0 || n >= 2 * QUERY_MAX_WORD_BYTES)
		return 0;
	char end[2 * QUERY_MAX_WORD_BYTES];
	memcpy(end, prefix, n);
	if ((unsigned char)end[n - 1] >= 0x7f)
		return 0;
	end[n - 1]++;
	sqlite3_stmt *st = db_stmt(db, STMT_SPELL_PREFIX,
	    "WITH RECURSIVE l(n) AS (SELECT ?1 UNION ALL SELECT n + 1 FROM l "
	    "  WHERE n < (SELECT max(len) FROM spell_words)) "
	    "SELECT 1 FROM spell_words WHERE len IN l AND word >= ?2 AND word < ?3 "
	    "LIMIT 1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)n);
	sqlite3_bind_text(st, 2, prefix, (int)n, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, end, (int)n, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* A number with its unit run on ("15g", "0.5mg", "4h") is one word to
 * the search, and articles write "15 g": the number and the unit apart,
 * if the index has both, as a suggestion (NULL if not). Two lookups. */
static char *split_at(const char *w, size_t lw, size_t at);

static char *
number_unit_apart(struct db *db, const char *w, size_t lw)
{
	size_t d = 0;
	while (d < lw && w[d] >= '0' && w[d] <= '9')
		d++;
	if (d == 0 || d == lw)
		return NULL;
	for (size_t i = d; i < lw; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return NULL;
	if (db_word_docs(db, w, d) <= 0 ||
	    db_word_docs(db, w + d, lw - d) <= 0)
		return NULL;
	return split_at(w, lw, d);
}

/* w with a space after its first at bytes. */
static char *
split_at(const char *w, size_t lw, size_t at)
{
	char *s = xmalloc(lw + 2);
	memcpy(s, w, at);
	s[at] = ' ';
	memcpy(s + at + 1, w + at, lw - at + 1);
	return s;
}

int
db_phrase_exists(struct db *db, const char *phrase, size_t n, bool prefix)
{
	sqlite3_stmt *st = db_stmt(db, STMT_PHRASE_EXISTS,
	    "SELECT 1 FROM search WHERE search MATCH ?1 LIMIT 1");
	if (st == NULL)
		return -1;
	/* An FTS5 string: a quote inside is written twice (the callers'
	 * words have none today; this keeps it so if one ever does). */
	struct buf q = BUF_INIT;
	buf_addc(&q, '"');
	for (size_t i = 0; i < n; i++) {
		if (phrase[i] == '"')
			buf_addc(&q, '"');
		buf_addc(&q, phrase[i]);
	}
	buf_adds(&q, prefix ? "\"*" : "\"");
	sqlite3_bind_text(st, 1, q.data, (int)q.len, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	buf_free(&q);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Whether some search row has the two words side by side. */
static bool
phrase_exists(struct db *db, const char *two)
{
	return db_phrase_exists(db, two, strlen(two), false) > 0;
}

/* A word the articles write as two, or with a hyphen ("betablocker" for
 * "beta-blocker", "ddimer" for "D-dimer", "xray" for "X-ray"), is no
 * word of the index: the two parts, if some row has them side by side.
 * Parts of two letters or more (else "statin" would be "stat in" were it
 * ever written so). At most a lookup or two per place to cut, and a
 * phrase search for the few cuts whose parts are both words. */
static char *
word_apart(struct db *db, const char *w, size_t lw)
{
	char *s = number_unit_apart(db, w, lw);
	if (s || lw < 4 || lw > 40)
		return s;
	int tries = 0;
	for (size_t at = 1; at < lw && tries < 3; at++) {
		/* "d dimer", "x ray": a single letter first is an initial. */
		if ((at < 2 && lw - at < 3) || (at >= 2 && lw - at < 2))
			continue;
		if (db_word_docs(db, w, at) <= 0 || db_word_docs(db, w + at, lw - at) <= 0)
			continue;
		tries++;
		s = split_at(w, lw, at);
		if (phrase_exists(db, s))
			return s;
		free(s);
	}
	return NULL;
}

/* Whether the words of s (whole, each in some row with the others) find
 * something at level. */
static bool
found_at(struct db *db, const char *s, const char *level)
{
	struct buf whole = BUF_INIT;
	buf_addf(&whole, "%s ", s);
	struct db_hit *h = NULL;
	size_t n = 0;
	int rc = db_search_rows(db, whole.data, level, 1, false, &h, &n);
	db_hits_free(h, n);
	buf_free(&whole);
	return rc == 0 && n > 0;
}

/* Words an edit or two from w (as typed) are no help for a word of one
 * or two characters: every word of one or two letters is an edit from it
 * ("Na" offered "an", "no", "va"), and none of a single letter is offered
 * for a longer one ("xq" offered "x" and "q"). Nor for a number: "120"
 * for "12" or "20" is another dose or value, never its spelling. Nor for
 * three capitals: typed so, the word is an abbreviation, each letter a
 * word of its own, and a letter changed or two swapped name another test
 * or condition ("CRP" offered "cpr", "crb"), which a clinician would not
 * take for a correction; in lower case ("teh") it may be a slip. */
bool
db_suggest_edits(const char *w)
{
	size_t n = strlen(w), digits = 0, capitals = 0;
	for (size_t i = 0; i < n; i++) {
		digits += w[i] >= '0' && w[i] <= '9';
		capitals += w[i] >= 'A' && w[i] <= 'Z';
	}
	return utf8_chars(w, n) > 2 && digits < n && !(n == 3 && capitals == 3);
}

/* At most this many candidates are looked up at a level: each is a
 * search, and the closest come first. */
#define SUGGEST_LEVEL_TRIES 20

int
db_suggest(struct db *db, const char *typed, const char *level, char ***out, size_t *n,
    size_t max)
{
	char *w = NULL;
	struct suggestion *cand = NULL;
	size_t ncand = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (query_words(typed, &w, 1) == 0)
		return 0;
	bool close_words = db_suggest_edits(w);
	/* Lower-case ASCII, as the index stores it. */
	for (char *p = w; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	size_t lw = strlen(w);
	int limit = lw <= 4 ? 1 : 2;

	sqlite3_stmt *st = db->version >= 2 ?
	    db_stmt(db, STMT_SUGGEST, "SELECT word, docs FROM spell_words "
	    "WHERE len BETWEEN ?1 AND ?2") :
	    db_stmt(db, STMT_SUGGEST_V1, "SELECT term, doc FROM spell_vocab "
	    "WHERE length(term) BETWEEN ?1 AND ?2");
	if (st == NULL) {
		free(w);
		return -1;
	}
	sqlite3_bind_int(st, 1, (int)lw - limit);
	sqlite3_bind_int(st, 2, (int)lw + limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(st, 0);
		size_t lt = (size_t)sqlite3_column_bytes(st, 0);
		if (!close_words || term == NULL || utf8_chars(term, lt) < 2 ||
		    (lt == lw && memcmp(term, w, lw) == 0))
			continue;
		int d = edit_distance(w, lw, term, lt, limit);
		if (d > limit)
			continue;
		cand = xrealloc(cand, (ncand + 1) * sizeof *cand);
		cand[ncand].word = xstrndup(term, lt);
		cand[ncand].distance = d;
		cand[ncand].form = same_word_forms(w, lw, term, lt);
		cand[ncand].docs = sqlite3_column_int(st, 1);
		ncand++;
	}
	sqlite3_reset(st);
	char *apart = rc == SQLITE_DONE ? word_apart(db, w, lw) : NULL;
	free(w);
	if (ncand > 1)
		qsort(cand, ncand, sizeof *cand, suggestion_cmp);
	/* A word the index has only at other levels would find nothing
	 * here either: "thinner" is in the patient's words, not the
	 * clinician's. */
	int tries = 0;
	bool keep_apart = apart && max > 0;
	if (keep_apart && level) {
		tries++;
		keep_apart = found_at(db, apart, level);
	}
	if (keep_apart) {
		*out = xmalloc(sizeof **out);
		(*out)[(*n)++] = apart;
	} else {
		free(apart);
	}
	for (size_t i = 0; i < ncand; i++) {
		bool keep = *n < max;
		/* Past the tries the rest are left out, not offered unchecked. */
		if (keep && level) {
			keep = tries < SUGGEST_LEVEL_TRIES && rc == SQLITE_DONE;
			tries += keep;
			keep = keep && found_at(db, cand[i].word, level);
		}
		if (keep) {
			*out = xrealloc(*out, (*n + 1) * sizeof **out);
			(*out)[(*n)++] = cand[i].word;
		} else {
			free(cand[i].word);
		}
	}
	free(cand);
	if (rc != SQLITE_DONE) {
		db_strings_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}
