/* test_keymap.c: unit tests for the keymap grammar, the shipped keymaps and
 * the action table. KEYMAP_DIR names the folder of shipped keymaps
 * (default "keymaps"). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* mkdtemp, getpid */
#endif
#include <check.h>
#include <curses.h> /* KEY_* values only */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "action.h"
#include "keymap.h"

static const char *const shipped[] = { "default", "vi", "emacs" };
#define N_SHIPPED (sizeof(shipped) / sizeof(shipped[0]))

/* Messages the loader reported, kept for the assertions. */
struct reports {
	int n;
	char msg[16][512];
};

static void
collect(void *ctx, const char *msg)
{
	struct reports *r = ctx;

	if (r->n < 16)
		snprintf(r->msg[r->n], sizeof(r->msg[0]), "%s", msg);
	r->n++;
}

static struct key
key_of(const char *name)
{
	struct key k;

	ck_assert_msg(keymap_key_parse(name, &k), "key %s does not parse",
	    name);
	return k;
}

static enum action
lookup(const struct keymap *km, enum context c, const char *key)
{
	return keymap_lookup(km, c, key_of(key));
}

static void
shipped_path(const char *name, char *buf, size_t len)
{
	const char *dir = getenv("KEYMAP_DIR");

	snprintf(buf, len, "%s/%s.keys", dir && *dir ? dir : "keymaps", name);
}

/* Load text as a keymap named "t"; return what was reported. */
static struct keymap *
load(const char *text, struct reports *r, int *bad)
{
	struct keymap *km = keymap_new();

	ck_assert_ptr_nonnull(km);
	memset(r, 0, sizeof(*r));
	*bad = keymap_load_string(km, "t", text, collect, r);
	return km;
}

static void
assert_action(const struct keymap *km, enum context c,
    const char *key, enum action want, const char *what)
{
	enum action got = lookup(km, c, key);

	ck_assert_msg(got == want, "%s: %s in %s gives %s, want %s", what, key,
	    keymap_context_name(c), action_name(got),
	    action_name(want));
}

/* --- shipped keymaps ------------------------------------------------------ */

START_TEST(test_shipped_load_clean)
{
	char path[1024];
	struct reports r = { 0 };
	struct keymap *km = keymap_new();
	int bad;

	shipped_path(shipped[_i], path, sizeof(path));
	bad = keymap_load_file(km, path, collect, &r);
	ck_assert_msg(bad == 0 && r.n == 0, "%d bad lines, first: %s", bad,
	    r.msg[0]);
	keymap_free(km);
}
END_TEST

START_TEST(test_shipped_fixed_keys)
{
	static const struct {
		const char *key;
		enum action act;
	} fixed[] = {
		{ "/", ACT_SEARCH },	   { "?", ACT_HELP },
		/* F1 too: in the search box ? is text, and where Backspace
		 * sends ^H (vt100), C-h is Backspace. */
		{ "<F1>", ACT_HELP },
		{ "q", ACT_QUIT },	   { "L", ACT_LEVEL_CYCLE },
		{ "<Tab>", ACT_PANE_NEXT }, { "<S-Tab>", ACT_PANE_PREV },
		{ "<Esc>", ACT_CLOSE },	   { "<Up>", ACT_MOVE_UP },
		{ "<Down>", ACT_MOVE_DOWN }, { "<PageUp>", ACT_PAGE_UP },
		{ "<PageDown>", ACT_PAGE_DOWN },
	};
	static const enum context everywhere[] = {
		CTX_GENERIC, CTX_TREE, CTX_LIST, CTX_ARTICLE, CTX_SEARCH,
	};
	char path[1024];
	struct keymap *km = keymap_new();

	shipped_path(shipped[_i], path, sizeof(path));
	ck_assert_int_eq(keymap_load_file(km, path, NULL, NULL), 0);
	for (size_t c = 0; c < sizeof(everywhere) / sizeof(everywhere[0]); c++)
		for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
			assert_action(km, everywhere[c], fixed[i].key,
			    fixed[i].act, path);
	/* Enter opens where there is something to open... */
	assert_action(km, CTX_GENERIC, "<Enter>", ACT_OPEN, path);
	assert_action(km, CTX_TREE, "<Enter>", ACT_OPEN, path);
	assert_action(km, CTX_LIST, "<Enter>", ACT_OPEN, path);
	assert_action(km, CTX_SEARCH, "<Enter>", ACT_OPEN, path);
	/* ...and follows the citation in an article. */
	assert_action(km, CTX_ARTICLE, "<Enter>", ACT_CITE_FOLLOW, path);
	assert_action(km, CTX_HELP, "q", ACT_QUIT, path);
	assert_action(km, CTX_HELP, "<F1>", ACT_HELP, path);
	assert_action(km, CTX_HELP, "<Esc>", ACT_CLOSE, path);
	/* Left and Right mean the same in every keymap: fold and unfold
	 * in the tree, history in an article, and out of a list. */
	assert_action(km, CTX_TREE, "<Left>", ACT_COLLAPSE, path);
	assert_action(km, CTX_TREE, "<Right>", ACT_EXPAND, path);
	assert_action(km, CTX_ARTICLE, "<Left>", ACT_BACK, path);
	assert_action(km, CTX_ARTICLE, "<Right>", ACT_FORWARD, path);
	assert_action(km, CTX_LIST, "<Left>", ACT_BACK, path);
	for (int p = 0; p < 5; p++) {
		char k[2] = { (char)('1' + p), '\0' };

		assert_action(km, CTX_ARTICLE, k, ACT_PANE_1 + p, path);
	}
	keymap_free(km);
}
END_TEST

/* Every action is reachable from some key in every shipped keymap. */
START_TEST(test_shipped_every_action_bound)
{
	static const enum context contexts[] = {
		CTX_GENERIC, CTX_TREE, CTX_LIST, CTX_ARTICLE,
	};
	char path[1024];
	struct keymap *km = keymap_new();

	shipped_path(shipped[_i], path, sizeof(path));
	ck_assert_int_eq(keymap_load_file(km, path, NULL, NULL), 0);
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		bool found = false;

		for (size_t c = 0; c < sizeof(contexts) / sizeof(contexts[0]);
		    c++)
			if (keymap_key_for(km, contexts[c], a, NULL))
				found = true;
		ck_assert_msg(found, "%s: no key for %s", path, action_name(a));
	}
	keymap_free(km);
}
END_TEST

START_TEST(test_default_extras)
{
	char path[1024];
	struct keymap *km = keymap_new();

	shipped_path("default", path, sizeof(path));
	ck_assert_int_eq(keymap_load_file(km, path, NULL, NULL), 0);
	assert_action(km, CTX_TREE, "<Left>", ACT_COLLAPSE, path);
	assert_action(km, CTX_TREE, "<Right>", ACT_EXPAND, path);
	assert_action(km, CTX_ARTICLE, "<Left>", ACT_BACK, path);
	assert_action(km, CTX_ARTICLE, "c", ACT_CITE_NEXT, path);
	assert_action(km, CTX_ARTICLE, "C", ACT_CITE_PREV, path);
	assert_action(km, CTX_GENERIC, "C-l", ACT_REDRAW, path);
	assert_action(km, CTX_GENERIC, "<Home>", ACT_FIRST, path);
	keymap_free(km);

	shipped_path("vi", path, sizeof(path));
	km = keymap_new();
	ck_assert_int_eq(keymap_load_file(km, path, NULL, NULL), 0);
	assert_action(km, CTX_LIST, "j", ACT_MOVE_DOWN, path);
	assert_action(km, CTX_LIST, "G", ACT_LAST, path);
	assert_action(km, CTX_ARTICLE, "C-f", ACT_PAGE_DOWN, path);
	assert_action(km, CTX_ARTICLE, "N", ACT_CITE_PREV, path);
	keymap_free(km);

	shipped_path("emacs", path, sizeof(path));
	km = keymap_new();
	ck_assert_int_eq(keymap_load_file(km, path, NULL, NULL), 0);
	assert_action(km, CTX_LIST, "M-<", ACT_FIRST, path);
	assert_action(km, CTX_LIST, "M-v", ACT_PAGE_UP, path);
	assert_action(km, CTX_SEARCH, "C-g", ACT_CLOSE, path);
	/* In the search box C-s and C-r step through the hits, as isearch
	 * does, rather than open a search over the search. */
	assert_action(km, CTX_TREE, "C-s", ACT_SEARCH, path);
	assert_action(km, CTX_SEARCH, "C-s", ACT_MOVE_DOWN, path);
	assert_action(km, CTX_SEARCH, "C-r", ACT_MOVE_UP, path);
	ck_assert_int_eq(lookup(km, CTX_LIST, "v"), ACT_NONE);
	keymap_free(km);
}
END_TEST

/* --- bad lines ------------------------------------------------------------ */

START_TEST(test_bad_lines_reported)
{
	static const struct {
		const char *line;
		const char *reason; /* a part of the message */
	} cases[] = {
		{ "bind generic x explode", "unknown action 'explode'" },
		{ "bind nowhere x quit", "unknown context 'nowhere'" },
		{ "bind generic <Nope> quit", "bad key '<Nope>'" },
		{ "bind generic xy quit", "bad key 'xy'" },
		{ "bind generic C-1 quit", "bad key 'C-1'" },
		{ "bind generic <F99> quit", "<F1> to <F63>" },
		{ "bind generic x", "missing field" },
		{ "unbind generic", "missing field" },
		{ "bind", "missing field" },
		{ "bind generic x quit extra", "unexpected 'extra'" },
		{ "frobnicate generic x quit", "unknown command" },
		{ "\xff\xfe\x01 \x1b[31m",
		    "unknown command '\\xff\\xfe\\x01'" },
		{ "bind g\xc3\xa9n\xc3\xa9ric x quit",
		    "context name is not ASCII" },
		{ "bind generic <\xc3\xa9> quit", "key name is not ASCII" },
		{ "bind generic \xc3\x28 quit", "not valid UTF-8" },
		{ "bind generic \xed\xa0\x80 quit", "not valid UTF-8" },
		{ "bind generic \x01 quit", "control character" },
		{ "bind generic x qu\xc3\xaft", "action name is not ASCII" },
	};
	char text[256], prefix[32];
	struct reports r;
	int bad;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text),
		    "# comment\nbind generic a help\n%s\n"
		    "bind generic z quit\n", cases[i].line);
		struct keymap *km = load(text, &r, &bad);

		ck_assert_msg(bad == 1 && r.n == 1, "case %zu: %d bad", i, bad);
		snprintf(prefix, sizeof(prefix), "t:3: ");
		ck_assert_msg(strncmp(r.msg[0], prefix, strlen(prefix)) == 0,
		    "case %zu: %s", i, r.msg[0]);
		ck_assert_msg(strstr(r.msg[0], cases[i].reason) != NULL,
		    "case %zu: '%s' lacks '%s'", i, r.msg[0],
		    cases[i].reason);
		/* Messages never carry raw control bytes to a terminal. */
		for (const char *p = r.msg[0]; *p; p++)
			ck_assert_int_ge((unsigned char)*p, 0x20);
		ck_assert_int_eq(lookup(km, CTX_GENERIC, "a"), ACT_HELP);
		ck_assert_int_eq(lookup(km, CTX_GENERIC, "z"), ACT_QUIT);
		keymap_free(km);
	}
}
END_TEST

START_TEST(test_overlong_line)
{
	size_t n = KEYMAP_LINE_MAX * 4;
	char *text = malloc(n + 64);
	struct reports r;
	int bad;

	ck_assert_ptr_nonnull(text);
	strcpy(text, "bind generic a help\nbind generic b ");
	memset(text + strlen(text), 'x', n);
	strcpy(text + 35 + n, "\nbind generic z quit");
	struct keymap *km = load(text, &r, &bad);

	ck_assert_int_eq(bad, 1);
	ck_assert_str_eq(r.msg[0], "t:2: line too long (over 512 bytes)");
	ck_assert_int_eq(lookup(km, CTX_GENERIC, "a"), ACT_HELP);
	ck_assert_int_eq(lookup(km, CTX_GENERIC, "z"), ACT_QUIT);
	keymap_free(km);
	free(text);
}
END_TEST

/* A file with NUL bytes, CRLF endings, a BOM and no final newline. */
START_TEST(test_file_odd_bytes)
{
	static const char data[] = "\xef\xbb\xbf# x\r\nbind generic a help\r\n"
	    "bind generic \0 quit\nbind \0\0\0\n"
	    "bind tree z quit";
	char dir[] = "/tmp/test_keymap.XXXXXX", path[64];
	struct reports r = { 0 };
	struct keymap *km = keymap_new();
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/odd.keys", dir);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	fwrite(data, 1, sizeof(data) - 1, f);
	fclose(f);
	ck_assert_int_eq(keymap_load_file(km, path, collect, &r), 2);
	ck_assert_int_eq(r.n, 2);
	ck_assert_ptr_nonnull(
		strstr(r.msg[0], "odd.keys:3: line contains a NUL"));
	ck_assert_ptr_nonnull(strstr(r.msg[1], "odd.keys:4: "));
	ck_assert_int_eq(lookup(km, CTX_GENERIC, "a"), ACT_HELP);
	ck_assert_int_eq(lookup(km, CTX_TREE, "z"), ACT_QUIT);
	unlink(path);
	rmdir(dir);

	/* Missing files and directories are reported, not loaded. */
	memset(&r, 0, sizeof(r));
	ck_assert_int_eq(keymap_load_file(km, path, collect, &r), -1);
	ck_assert_int_eq(r.n, 1);
	ck_assert_ptr_nonnull(strstr(r.msg[0], "cannot open"));
	ck_assert_int_eq(keymap_load_file(km, "/", NULL, NULL), -1);
	/* An endless file is refused at the size limit, not read forever. */
	memset(&r, 0, sizeof(r));
	ck_assert_int_eq(keymap_load_file(km, "/dev/zero", collect, &r), -1);
	ck_assert_ptr_nonnull(strstr(r.msg[0], "/dev/zero: too large"));
	keymap_free(km);
}
END_TEST

/* Nothing a file can hold crashes the loader (run under ASan to mean it). */
START_TEST(test_random_bytes)
{
	static const char alphabet[] = "bind unbind generic article <>-CM\t \n#"
	    "\xc3\xa9\xff\r\x1bqux";
	uint64_t seed = 12345;
	char text[2048];
	struct keymap *km = keymap_new();

	for (int round = 0; round < 2000; round++) {
		size_t n = (size_t)(seed % (sizeof(text) - 1));

		for (size_t i = 0; i < n; i++) {
			seed = seed * 6364136223846793005ULL +
			    1442695040888963407ULL;
			text[i] = (seed >> 60) & 1 ?
			    (char)((seed >> 33) % 255 + 1) :
			    alphabet[(seed >> 33) % (sizeof(alphabet) - 1)];
		}
		text[n] = '\0';
		ck_assert_int_ge(keymap_load_string(km, "r", text, NULL, NULL),
		    0);
	}
	keymap_free(km);
}
END_TEST

/* --- override, unbind, fallback ------------------------------------------- */

START_TEST(test_override_and_unbind)
{
	char path[1024];
	struct reports r = { 0 };
	struct keymap *km = keymap_new();

	shipped_path("default", path, sizeof(path));
	ck_assert_int_eq(keymap_load_file(km, path, NULL, NULL), 0);
	ck_assert_int_eq(lookup(km, CTX_GENERIC, "b"), ACT_BOOKMARK_TOGGLE);
	ck_assert_int_eq(keymap_load_string(km, "user",
	    "bind generic b back\n"
	    "unbind generic r\n"
	    "unbind generic x # never bound\n"
	    "bind generic b bookmarks\n",
	    collect, &r), 0);
	ck_assert_int_eq(lookup(km, CTX_GENERIC, "b"), ACT_BOOKMARKS);
	ck_assert_int_eq(lookup(km, CTX_GENERIC, "r"), ACT_NONE);
	ck_assert_int_eq(lookup(km, CTX_ARTICLE, "r"), ACT_NONE);
	ck_assert_int_eq(lookup(km, CTX_GENERIC, "q"), ACT_QUIT);
	keymap_free(km);
}
END_TEST

START_TEST(test_context_fallback)
{
	struct reports r;
	int bad;
	struct keymap *km = load("bind generic x quit\n"
	    "bind article x help\n"
	    "bind tree x none   # masks generic\n"
	    "bind list <Enter> open\n"
	    "unbind list <Enter>\n",
	    &r, &bad);

	ck_assert_int_eq(bad, 0);
	ck_assert_int_eq(lookup(km, CTX_GENERIC, "x"), ACT_QUIT);
	ck_assert_int_eq(lookup(km, CTX_LIST, "x"), ACT_QUIT);
	ck_assert_int_eq(lookup(km, CTX_HELP, "x"), ACT_QUIT);
	ck_assert_int_eq(lookup(km, CTX_ARTICLE, "x"), ACT_HELP);
	ck_assert_int_eq(lookup(km, CTX_TREE, "x"), ACT_NONE);
	ck_assert_int_eq(lookup(km, CTX_LIST, "<Enter>"), ACT_NONE);
	ck_assert(!keymap_key_for(km, CTX_TREE, ACT_QUIT, NULL));
	ck_assert(keymap_key_for(km, CTX_LIST, ACT_QUIT, NULL));
	ck_assert_int_eq(keymap_load_string(km, "t", "unbind article x\n",
	    NULL, NULL), 0);
	ck_assert_int_eq(lookup(km, CTX_ARTICLE, "x"), ACT_QUIT);
	keymap_free(km);
}
END_TEST

struct seen {
	int n;
	enum action acts[8];
};

static void
count_each(void *ctx, struct key key, enum action act)
{
	struct seen *s = ctx;

	(void)key;
	if (s->n < 8)
		s->acts[s->n] = act;
	s->n++;
}

START_TEST(test_each_in_order)
{
	struct reports r;
	int bad;
	struct seen s = { 0 };
	struct keymap *km = load("bind article a help\nbind article b quit\n"
	    "bind article c none\nbind article a back\n"
	    "bind generic d last\n", &r, &bad);

	keymap_each(km, CTX_ARTICLE, count_each, &s);
	ck_assert_int_eq(s.n, 2);
	ck_assert_int_eq(s.acts[0], ACT_BACK);
	ck_assert_int_eq(s.acts[1], ACT_QUIT);
	keymap_free(km);
}
END_TEST

/* --- key names ------------------------------------------------------------ */

START_TEST(test_key_names_canonical)
{
	static const char *const names[] = {
		"j", "/", "?", "L", "<", ">", "#", "'", "\\", "<Space>",
		"<Tab>",
		"<S-Tab>", "<Enter>", "<Esc>", "<Backspace>", "<Up>", "<Down>",
		"<Left>", "<Right>", "<PageUp>", "<PageDown>", "<Home>",
		"<End>", "<Delete>", "<Insert>", "<F1>", "<F12>", "<F63>",
		"C-a", "C-x", "C-z", "C-@", "C-\\", "M-x", "M-X", "M-<", "M->",
		"M-<Up>", "M-C-x", "M-<Esc>", "\xc3\xa9", "\xe2\x82\xac",
		"\xf0\x9f\x98\x80", "<U+0085>", "<Code-400>", "M-\xc3\xa9",
	};
	char buf[64];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		keymap_key_name(key_of(names[i]), buf, sizeof(buf));
		ck_assert_str_eq(buf, names[i]);
	}
}
END_TEST

START_TEST(test_key_aliases)
{
	static const char *const pairs[][2] = {
		{ "<tab>", "<Tab>" },	    { "<CR>", "<Enter>" },
		{ "<return>", "<Enter>" }, { "C-m", "<Enter>" },
		{ "C-j", "<Enter>" },	    { "C-i", "<Tab>" },
		{ "C-[", "<Esc>" },	    { "C-X", "C-x" },
		{ "<BackTab>", "<S-Tab>" }, { "<pgdn>", "<PageDown>" },
		{ "<U+41>", "A" },	    { "<u+20>", "<Space>" },
		{ "<U+7F>", "<Backspace>" }, { "<f5>", "<F5>" },
	};
	char buf[64];

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		keymap_key_name(key_of(pairs[i][0]), buf, sizeof(buf));
		ck_assert_str_eq(buf, pairs[i][1]);
	}
}
END_TEST

/* Every key a terminal can send has a name that parses back to it. */
START_TEST(test_key_round_trip)
{
	char buf[64];
	struct key back;

	for (int meta = 0; meta < 2; meta++) {
		for (int code = 0; code < 0x11000; code++) {
			for (int func = 0; func < 2; func++) {
				struct key k = { code, func, meta };

				if (func && (code <= KEY_CODE_YES ||
				    code > KEY_MAX))
					continue;
				if (!func && code >= 0xd800 && code <= 0xdfff)
					continue;
				k = keymap_key_normalize(k);
				keymap_key_name(k, buf, sizeof(buf));
				ck_assert_msg(keymap_key_parse(buf, &back),
				    "%s does not parse", buf);
				ck_assert_msg(keymap_key_equal(k, back),
				    "%s is not %x", buf, code);
			}
		}
	}
}
END_TEST

START_TEST(test_key_bad_names)
{
	static const char *const bad[] = {
		"", "ab", "<>", "<Nope>", "<F0>", "<F64>", "C-", "C-1",
		"C-ab", "M-", "M-M-x", "<U+D800>", "<U+110000>", "<U+0>",
		"<Code-12>", "\x7f", "\x1b", "\xc3", "\xc3\xa9\xc3\xa9",
		"\xc0\xaf", "<Up", "Up>", "<\xc3\xa9>",
	};
	struct key k;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!keymap_key_parse(bad[i], &k), "case %zu parsed",
		    i);
	ck_assert(!keymap_key_parse(NULL, &k));
}
END_TEST

START_TEST(test_key_input_and_truncation)
{
	char buf[4];
	struct key enter = key_of("<Enter>"), bs = key_of("<Backspace>");

	ck_assert(keymap_key_equal(keymap_key_from_input(OK, L'\r', false),
	    enter));
	ck_assert(keymap_key_equal(keymap_key_from_input(OK, L'\n', false),
	    enter));
	ck_assert(keymap_key_equal(
		keymap_key_from_input(KEY_CODE_YES, KEY_ENTER, false), enter));
	ck_assert(keymap_key_equal(keymap_key_from_input(OK, 0x7f, false), bs));
	ck_assert(keymap_key_equal(
		keymap_key_from_input(KEY_CODE_YES, KEY_UP, false),
		key_of("<Up>")));
	/* KEY_UP and the character with the same number stay apart. */
	ck_assert(!keymap_key_equal(keymap_key_from_input(OK, KEY_UP, false),
	    key_of("<Up>")));
	ck_assert(keymap_key_equal(keymap_key_from_input(OK, L'x', true),
	    key_of("M-x")));
	keymap_key_name(key_of("<PageDown>"), buf, sizeof(buf));
	ck_assert_str_eq(buf, "<Pa");
}
END_TEST

/* --- actions, contexts, finding files ------------------------------------- */

START_TEST(test_actions)
{
	ck_assert_int_eq(ACT_NONE, 0);
	ck_assert_str_eq(action_name(ACT_QUIT), "quit");
	ck_assert_str_eq(action_name(ACT_LEVEL_CYCLE), "level-cycle");
	ck_assert_ptr_null(action_name(ACT__COUNT));
	ck_assert_ptr_null(action_help((enum action)-1));
	ck_assert_int_eq(action_by_name("nope"), ACT_NONE);
	ck_assert_int_eq(action_by_name("none"), ACT_NONE);
	ck_assert_int_eq(action_by_name(NULL), ACT_NONE);
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		ck_assert_int_eq(action_by_name(action_name(a)), a);
		ck_assert_int_gt(strlen(action_help(a)), 0);
	}
	ck_assert_int_eq(ACT__COUNT, 34);
	/* Help says what a key does where it is: back in a list closes it. */
	ck_assert_str_eq(action_help_in(ACT_BACK, CTX_ARTICLE),
	    action_help(ACT_BACK));
	ck_assert_str_ne(action_help_in(ACT_BACK, CTX_LIST),
	    action_help(ACT_BACK));
	ck_assert_ptr_nonnull(strstr(action_help_in(ACT_BACK, CTX_LIST),
	    "Close the list"));
	/* In the search box every move selects a hit, not a line. */
	static const enum action moves[] = {
		ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_PANE_NEXT, ACT_PANE_PREV,
		ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST,
	};
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		ck_assert_msg(strstr(action_help_in(moves[i], CTX_SEARCH), " hit"),
		    "%s in the search box: '%s'", action_name(moves[i]),
		    action_help_in(moves[i], CTX_SEARCH));
}
END_TEST

START_TEST(test_contexts)
{
	enum context c;

	for (int i = 0; i < CTX__COUNT; i++) {
		ck_assert(keymap_context_by_name(keymap_context_name(i), &c));
		ck_assert_int_eq(c, i);
	}
	ck_assert(!keymap_context_by_name("Generic", &c));
	ck_assert_ptr_null(keymap_context_name(CTX__COUNT));
	ck_assert_int_eq(keymap_lookup(NULL, CTX_GENERIC, key_of("q")),
	    ACT_NONE);
}
END_TEST

START_TEST(test_find)
{
	char dir[] = "/tmp/test_keymap.XXXXXX", path[128], buf[256];
	const char *dirs[3] = { "/nonexistent", dir, NULL };
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/mine.keys", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);

	ck_assert_str_eq(keymap_find("mine", dirs, buf, sizeof(buf)), path);
	ck_assert_ptr_null(keymap_find("other", dirs, buf, sizeof(buf)));
	ck_assert_ptr_null(keymap_find("..", dirs, buf, sizeof(buf)));
	ck_assert_ptr_null(keymap_find("", dirs, buf, sizeof(buf)));
	ck_assert_ptr_null(keymap_find("mine", NULL, buf, sizeof(buf)));
	ck_assert_ptr_null(keymap_find("mine", dirs, buf, 8));
	ck_assert_str_eq(keymap_find("./x", dirs, buf, sizeof(buf)), "./x");
	ck_assert_str_eq(keymap_find("x.keys", dirs, buf, sizeof(buf)),
	    "x.keys");
	ck_assert(keymap_name_is_path("a/b"));
	ck_assert(!keymap_name_is_path("vi"));
	unlink(path);
	rmdir(dir);
}
END_TEST

/* A FIFO named like a keymap is found, and its loading says what it is,
 * at once: neither waits for something to write to it. */
START_TEST(test_find_fifo)
{
	char dir[] = "/tmp/test_keymap.XXXXXX", path[128], buf[256];
	const char *dirs[2] = { dir, NULL };
	struct keymap *km = keymap_new();
	struct reports r = { 0 };

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/mine.keys", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	alarm(5);       /* a hang fails the test instead of the timeout */
	ck_assert_str_eq(keymap_find("mine", dirs, buf, sizeof(buf)), path);
	ck_assert_int_eq(keymap_load_file(km, path, collect, &r), -1);
	alarm(0);
	ck_assert_int_eq(r.n, 1);
	ck_assert_ptr_nonnull(strstr(r.msg[0], ": cannot read: not a regular file"));
	keymap_free(km);
	unlink(path);
	rmdir(dir);
}
END_TEST

static Suite *
keymap_suite(void)
{
	Suite *s = suite_create("keymap");
	TCase *tc = tcase_create("shipped");

	tcase_add_loop_test(tc, test_shipped_load_clean, 0, N_SHIPPED);
	tcase_add_loop_test(tc, test_shipped_fixed_keys, 0, N_SHIPPED);
	tcase_add_loop_test(tc, test_shipped_every_action_bound, 0, N_SHIPPED);
	tcase_add_test(tc, test_default_extras);
	suite_add_tcase(s, tc);

	tc = tcase_create("grammar");
	tcase_add_test(tc, test_bad_lines_reported);
	tcase_add_test(tc, test_overlong_line);
	tcase_add_test(tc, test_file_odd_bytes);
	tcase_add_test(tc, test_random_bytes);
	tcase_add_test(tc, test_override_and_unbind);
	tcase_add_test(tc, test_context_fallback);
	tcase_add_test(tc, test_each_in_order);
	suite_add_tcase(s, tc);

	tc = tcase_create("keys");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_key_names_canonical);
	tcase_add_test(tc, test_key_aliases);
	tcase_add_test(tc, test_key_round_trip);
	tcase_add_test(tc, test_key_bad_names);
	tcase_add_test(tc, test_key_input_and_truncation);
	suite_add_tcase(s, tc);

	tc = tcase_create("misc");
	tcase_add_test(tc, test_actions);
	tcase_add_test(tc, test_contexts);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_find_fifo);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(keymap_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
