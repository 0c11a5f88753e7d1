/* keymap.c: the keymap file grammar (see keymap.h) and the binding tables it
 * fills.
 *
 * Keymap files come from the user, so every byte is suspect: lines are
 * bounded, NUL bytes and invalid UTF-8 are refused, and a token quoted back
 * in a message is escaped so it cannot carry terminal control sequences. */
#include <curses.h> /* KEY_* values only; no curses function is called */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keymap.h"
#include "linefile.h"
#include "text.h"

struct binding {
	struct key key;
	enum action act; /* ACT_NONE masks the generic binding */
};

struct binding_table {
	struct binding *bindings;
	size_t n, cap;
};

struct keymap {
	struct binding_table tables[CTX__COUNT];
};

static const char *const context_names[CTX__COUNT] = {
	[CTX_GENERIC] = "generic", [CTX_TREE] = "tree", [CTX_LIST] = "list",
	[CTX_ARTICLE] = "article", [CTX_SEARCH] = "search", [CTX_HELP] = "help",
};

/* Named keys; the first name listed for a key is the one printed. */
static const struct {
	const char *name;
	int code;
	bool is_func;
} named_keys[] = {
	{ "Space", ' ', false },	{ "Tab", '\t', false },
	{ "S-Tab", KEY_BTAB, true },	{ "BackTab", KEY_BTAB, true },
	{ "Enter", '\n', false },	{ "Return", '\n', false },
	{ "CR", '\n', false },		{ "Esc", 27, false },
	{ "Escape", 27, false },	{ "Backspace", KEY_BACKSPACE, true },
	{ "BS", KEY_BACKSPACE, true },	{ "Up", KEY_UP, true },
	{ "Down", KEY_DOWN, true },	{ "Left", KEY_LEFT, true },
	{ "Right", KEY_RIGHT, true },	{ "PageUp", KEY_PPAGE, true },
	{ "PgUp", KEY_PPAGE, true },	{ "PageDown", KEY_NPAGE, true },
	{ "PgDn", KEY_NPAGE, true },	{ "Home", KEY_HOME, true },
	{ "End", KEY_END, true },	{ "Delete", KEY_DC, true },
	{ "Del", KEY_DC, true },	{ "Insert", KEY_IC, true },
	{ "Ins", KEY_IC, true },	{ "S-Left", KEY_SLEFT, true },
	{ "S-Right", KEY_SRIGHT, true }, { "S-Up", KEY_SR, true },
	{ "S-Down", KEY_SF, true },
};

#define N_NAMED (sizeof(named_keys) / sizeof(named_keys[0]))
#define FKEY_MAX 63

/* --- keys ----------------------------------------------------------------- */

struct key
keymap_key_normalize(struct key key)
{
	if (key.is_func && key.code == KEY_ENTER) {
		key.is_func = false;
		key.code = '\n';
	} else if (!key.is_func && key.code == '\r') {
		key.code = '\n';
	} else if (!key.is_func && key.code == 0x7f) {
		key.is_func = true;
		key.code = KEY_BACKSPACE;
	}
	return key;
}

bool
keymap_key_equal(struct key a, struct key b)
{
	a = keymap_key_normalize(a);
	b = keymap_key_normalize(b);
	return a.code == b.code && a.is_func == b.is_func && a.meta == b.meta;
}

struct key
keymap_key_from_input(int rc, wint_t ch, bool meta)
{
	struct key key = { (int)ch, rc == KEY_CODE_YES, meta };

	return keymap_key_normalize(key);
}

/* Whether a equals the n bytes at b, ignoring ASCII case (the grammar is
 * ASCII and must not depend on the locale). */
static bool
ascii_eq_nocase(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (a[i] == '\0' || text_ascii_lower((unsigned char)a[i]) !=
		    text_ascii_lower((unsigned char)b[i]))
			return false;
	}
	return a[n] == '\0';
}

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80)
			return false;
	}
	return true;
}

static bool
is_control(long c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

static bool
is_code_point(long c)
{
	return c >= 0 && c <= 0x10ffff && !(c >= 0xd800 && c <= 0xdfff);
}

/* A number of at most 7 digits filling s[0..len). */
static bool
parse_number(const char *s, size_t len, int base, long *out)
{
	long v = 0;

	if (len == 0 || len > 7)
		return false;
	for (size_t i = 0; i < len; i++) {
		int c = text_ascii_lower((unsigned char)s[i]);

		if (c >= '0' && c <= '9')
			v = v * base + (c - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			v = v * base + (c - 'a' + 10);
		else
			return false;
	}
	*out = v;
	return true;
}

/* The inside of <...> (ASCII): a named key, Fn, U+XXXX or Code-N. */
static const char *
parse_named(const char *s, size_t len, struct key *key)
{
	long v;

	for (size_t i = 0; i < N_NAMED; i++) {
		if (ascii_eq_nocase(named_keys[i].name, s, len)) {
			key->code = named_keys[i].code;
			key->is_func = named_keys[i].is_func;
			return NULL;
		}
	}
	if (len >= 2 && text_ascii_lower((unsigned char)s[0]) == 'f' &&
	    parse_number(s + 1, len - 1, 10, &v)) {
		if (v < 1 || v > FKEY_MAX)
			return "function keys are <F1> to <F63>";
		key->code = KEY_F((int)v);
		key->is_func = true;
		return NULL;
	}
	if (len >= 3 && text_ascii_lower((unsigned char)s[0]) == 'u' &&
	    s[1] == '+' && parse_number(s + 2, len - 2, 16, &v)) {
		if (v == 0 || !is_code_point(v))
			return "<U+XXXX> must be a Unicode character";
		key->code = (int)v;
		key->is_func = false;
		return NULL;
	}
	/* Any other curses code, so that every key has a name to bind. */
	if (len >= 6 && ascii_eq_nocase("code-", s, 5) &&
	    parse_number(s + 5, len - 5, 10, &v)) {
		if (v <= KEY_CODE_YES || v > KEY_MAX)
			return "<Code-N> must be a curses key code";
		key->code = (int)v;
		key->is_func = true;
		return NULL;
	}
	return "unknown key name in <...>";
}

/* Returns NULL and fills *out, or says why name is not a key. */
static const char *
parse_key(const char *name, struct key *out)
{
	struct key key = { 0, false, false };
	const char *s = name;
	size_t len = strlen(s);

	if (len == 0)
		return "empty key";
	if (len > 2 && s[0] == 'M' && s[1] == '-') {
		key.meta = true;
		s += 2;
		len -= 2;
		if (len > 2 && s[0] == 'M' && s[1] == '-')
			return "M- given twice";
	}
	if (len > 2 && s[0] == 'C' && s[1] == '-') {
		int k = (unsigned char)s[2];

		if (len != 3)
			return "C- takes one letter, as in C-x";
		if ((k >= 'a' && k <= 'z') || (k >= 'A' && k <= 'Z'))
			key.code = text_ascii_lower(k) & 0x1f;
		else if (strchr("@[\\]^_", k) != NULL)
			key.code = k & 0x1f;
		else
			return "C- takes a letter or one of @ [ \\ ] ^ _";
	} else if (len > 2 && s[0] == '<' && s[len - 1] == '>') {
		const char *why;

		if (!is_ascii(s))
			return "key name is not ASCII";
		why = parse_named(s + 1, len - 2, &key);
		if (why != NULL)
			return why;
	} else {
		uint32_t cp;
		size_t used = text_decode(s, len, &cp);

		if (cp == TEXT_INVALID)
			return "not valid UTF-8";
		if (used != len)
			return "a key is one character, <Name>, C-x or M-x";
		if (is_control(cp))
			return "control character; write it as C-x or <Name>";
		key.code = (int)cp;
	}
	*out = keymap_key_normalize(key);
	return NULL;
}

bool
keymap_key_parse(const char *name, struct key *out)
{
	struct key key;

	if (name == NULL || parse_key(name, &key) != NULL)
		return false;
	if (out != NULL)
		*out = key;
	return true;
}

void
keymap_key_name(struct key key, char *buf, size_t len)
{
	char base[32];
	const char *named = NULL;
	long c;

	if (buf == NULL || len == 0)
		return;
	key = keymap_key_normalize(key);
	c = key.code;
	for (size_t i = 0; i < N_NAMED && named == NULL; i++) {
		if (named_keys[i].code == c &&
		    named_keys[i].is_func == key.is_func)
			named = named_keys[i].name;
	}
	if (named != NULL)
		snprintf(base, sizeof(base), "<%s>", named);
	else if (key.is_func && c >= KEY_F(1) && c <= KEY_F(FKEY_MAX))
		snprintf(base, sizeof(base), "<F%ld>", c - KEY_F0);
	else if (key.is_func)
		snprintf(base, sizeof(base), "<Code-%ld>", c);
	else if (c >= 0 && c < 0x20) /* C-@ is 0, C-a 1 .. C-z 26, C-[ .. */
		snprintf(base, sizeof(base), "C-%c",
		    (char)(c >= 1 && c <= 26 ? c + 'a' - 1 : c + '@'));
	else if (!is_code_point(c) || is_control(c))
		snprintf(base, sizeof(base), "<U+%04lX>", (unsigned long)c);
	else
		base[text_encode_into(base, (uint32_t)c)] = '\0';
	snprintf(buf, len, "%s%s", key.meta ? "M-" : "", base);
}

/* --- contexts ------------------------------------------------------------- */

static bool
context_valid(enum context context)
{
	return (int)context >= 0 && context < CTX__COUNT;
}

const char *
keymap_context_name(enum context context)
{
	return context_valid(context) ? context_names[context] : NULL;
}

bool
keymap_context_by_name(const char *name, enum context *out)
{
	for (int i = 0; name != NULL && i < CTX__COUNT; i++) {
		if (strcmp(context_names[i], name) == 0) {
			if (out != NULL)
				*out = (enum context)i;
			return true;
		}
	}
	return false;
}

/* --- binding tables ------------------------------------------------------- */

struct keymap *
keymap_new(void)
{
	return calloc(1, sizeof(struct keymap));
}

void
keymap_free(struct keymap *km)
{
	if (km == NULL)
		return;
	for (int i = 0; i < CTX__COUNT; i++)
		free(km->tables[i].bindings);
	free(km);
}

static struct binding *
table_find(const struct binding_table *t, struct key key)
{
	for (size_t i = 0; i < t->n; i++) {
		if (keymap_key_equal(t->bindings[i].key, key))
			return &t->bindings[i];
	}
	return NULL;
}

/* Rebinding keeps the key's place, so help keeps the order of first use. */
static bool
table_bind(struct binding_table *t, struct key key, enum action act)
{
	struct binding *b = table_find(t, key);

	if (b != NULL) {
		b->act = act;
		return true;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		struct binding *grown = realloc(t->bindings,
		    cap * sizeof(*grown));

		if (grown == NULL)
			return false;
		t->bindings = grown;
		t->cap = cap;
	}
	t->bindings[t->n].key = keymap_key_normalize(key);
	t->bindings[t->n].act = act;
	t->n++;
	return true;
}

static void
table_unbind(struct binding_table *t, struct key key)
{
	struct binding *b = table_find(t, key);

	if (b == NULL)
		return;
	memmove(b, b + 1,
	    (size_t)(t->bindings + t->n - (b + 1)) * sizeof(*b));
	t->n--;
}

enum action
keymap_lookup(const struct keymap *km, enum context context, struct key key)
{
	const struct binding *b;

	if (km == NULL || !context_valid(context))
		return ACT_NONE;
	b = table_find(&km->tables[context], key);
	if (b == NULL && context != CTX_GENERIC)
		b = table_find(&km->tables[CTX_GENERIC], key);
	return b ? b->act : ACT_NONE;
}

void
keymap_each(const struct keymap *km, enum context context,
    keymap_each_fn *cb, void *ctx)
{
	const struct binding_table *t;

	if (km == NULL || cb == NULL || !context_valid(context))
		return;
	t = &km->tables[context];
	for (size_t i = 0; i < t->n; i++) {
		if (t->bindings[i].act != ACT_NONE)
			cb(ctx, t->bindings[i].key, t->bindings[i].act);
	}
}

bool
keymap_key_for(const struct keymap *km, enum context context,
    enum action act, struct key *out)
{
	if (km == NULL || !context_valid(context) || act == ACT_NONE)
		return false;
	/* The context's own keys first, then generic keys it does not mask. */
	for (int pass = 0; pass < 2; pass++) {
		const struct binding_table *t =
		    &km->tables[pass == 0 ? context : CTX_GENERIC];

		for (size_t i = 0; i < t->n; i++) {
			if (t->bindings[i].act == act &&
			    keymap_lookup(km, context, t->bindings[i].key) == act) {
				if (out != NULL)
					*out = t->bindings[i].key;
				return true;
			}
		}
	}
	return false;
}

/* --- the file grammar ----------------------------------------------------- */

/* A reason naming the token it is about: "unknown action 'x'". The token is
 * cut short and all but printable ASCII shown as \xNN, so that a message
 * printed to a terminal stays a message. */
static const char *
reason_with(char *why, size_t len, const char *what,
    const char *tok, const char *tail)
{
	enum { QUOTE_MAX = 32 };
	char quoted[QUOTE_MAX * 4 + sizeof("...")]; /* \xNN is 4 bytes a byte */
	size_t qlen = 0;

	for (size_t i = 0; tok[i] != '\0'; i++) {
		unsigned char c = (unsigned char)tok[i];

		if (i >= QUOTE_MAX) {
			strcpy(quoted + qlen, "...");
			qlen += 3;
			break;
		}
		if (c >= 0x20 && c < 0x7f && c != '\\')
			quoted[qlen++] = (char)c;
		else
			qlen += (size_t)snprintf(quoted + qlen,
			    sizeof(quoted) - qlen, "\\x%02x", c);
	}
	quoted[qlen] = '\0';
	snprintf(why, len, "%s '%s'%s", what, quoted, tail);
	return why;
}

/* Apply one line (NUL-terminated, no newline). Returns NULL if the line was
 * good, else the reason, which may be written into why. */
static const char *
load_line(struct keymap *km, char *line, char *why, size_t whylen)
{
	char *tok[5], tail[96];
	int ntok = 0, want;
	enum context context;
	enum action act = ACT_NONE;
	struct key key;
	const char *kwhy;

	for (char *p = strtok(line, " \t"); p != NULL && ntok < 5;
	    p = strtok(NULL, " \t"))
		tok[ntok++] = p;
	if (ntok == 0 || tok[0][0] == '#')
		return NULL;

	if (strcmp(tok[0], "bind") == 0)
		want = 4;
	else if (strcmp(tok[0], "unbind") == 0)
		want = 3;
	else
		return reason_with(why, whylen, "unknown command", tok[0],
		    " (expected bind or unbind)");
	if (ntok < want)
		return want == 4 ? "missing field: bind CONTEXT KEY ACTION" :
		    "missing field: unbind CONTEXT KEY";
	if (ntok > want && tok[want][0] != '#')
		return reason_with(why, whylen, "unexpected", tok[want],
		    " after the last field");

	if (!is_ascii(tok[1]))
		return "context name is not ASCII";
	if (!keymap_context_by_name(tok[1], &context))
		return reason_with(why, whylen, "unknown context", tok[1],
		    " (generic, tree, list, article, search"
		    " or help)");

	kwhy = parse_key(tok[2], &key);
	if (kwhy != NULL) {
		snprintf(tail, sizeof(tail), ": %s", kwhy);
		return reason_with(why, whylen, "bad key", tok[2], tail);
	}
	if (want == 3) {
		table_unbind(&km->tables[context], key);
		return NULL;
	}

	if (!is_ascii(tok[3]))
		return "action name is not ASCII";
	if (strcmp(tok[3], "none") != 0) {
		act = action_by_name(tok[3]);
		if (act == ACT_NONE)
			return reason_with(why, whylen, "unknown action",
			    tok[3], "");
	}
	if (!table_bind(&km->tables[context], key, act))
		return "out of memory";
	return NULL;
}

/* One line for linefile: load_line writes its reasons into a buffer of
 * its own, which is copied out before the next line. */
static const char *
keymap_line(void *ctx, unsigned long lineno, char *line, struct buf *why)
{
	char tmp[256];
	const char *reason = load_line(ctx, line, tmp, sizeof(tmp));

	if (reason == tmp) {
		buf_adds(why, tmp);
		return why->data;
	}
	return reason;
}

static struct linefile
keymap_linefile(struct keymap *km, keymap_report_fn *report, void *ctx)
{
	struct linefile lf = {
		.kind = "keymap",
		.max_line = KEYMAP_LINE_MAX,
		.max_file = KEYMAP_FILE_MAX,
		.line = keymap_line,
		.line_ctx = km,
		.report = report,
		.report_ctx = ctx,
	};
	return lf;
}

int
keymap_load_string(struct keymap *km, const char *name, const char *text,
    keymap_report_fn *report, void *ctx)
{
	if (km == NULL || text == NULL)
		return -1;
	struct linefile lf = keymap_linefile(km, report, ctx);
	return linefile_parse(&lf, name ? name : "(keymap)", text,
	    strlen(text));
}

int
keymap_load_file(struct keymap *km, const char *path,
    keymap_report_fn *report, void *ctx)
{
	if (km == NULL || path == NULL)
		return -1;
	struct linefile lf = keymap_linefile(km, report, ctx);
	return linefile_load(&lf, path);
}

/* --- finding a keymap by name --------------------------------------------- */

bool
keymap_name_is_path(const char *name_or_path)
{
	size_t len = strlen(name_or_path);

	return strchr(name_or_path, '/') != NULL ||
	    (len >= 5 && strcmp(name_or_path + len - 5, ".keys") == 0);
}

const char *
keymap_find(const char *name_or_path, const char *const dirs[],
    char *buf, size_t len)
{
	const char *s = name_or_path;

	if (s == NULL || s[0] == '\0' || buf == NULL || len == 0)
		return NULL;
	if (keymap_name_is_path(s)) {
		if (strlen(s) >= len)
			return NULL;
		memcpy(buf, s, strlen(s) + 1);
		return buf;
	}
	/* A bare name cannot climb out of the directories it is looked in. */
	for (const char *p = s; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return NULL;
	}
	for (size_t i = 0; dirs != NULL && dirs[i] != NULL; i++) {
		int n = snprintf(buf, len, "%s/%s.keys", dirs[i], s);
		int fd;

		if (n < 0 || (size_t)n >= len)
			continue;
		/* Non-blocking: a FIFO of that name must not hang the
		 * browser (the loader then says what it is). */
		fd = open(buf, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd >= 0) {
			close(fd);
			return buf;
		}
	}
	return NULL;
}
