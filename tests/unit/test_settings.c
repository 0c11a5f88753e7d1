/* test_settings.c: unit tests for the config file module (tui/settings.c):
 * the grammar, every kind of bad line, odd files, and where the file is. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* mkdtemp, setenv */
#endif
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "settings.h"

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

static int
load(struct settings *s, const char *text, struct reports *r)
{
	memset(r, 0, sizeof(*r));
	return settings_load_string(s, "t", text, collect, r);
}

/* A scratch folder with one file in it; returns the file's path. */
static char dir[64];
static char path[128];

static const char *
write_file(const char *data, size_t len)
{
	FILE *f;

	snprintf(dir, sizeof(dir), "/tmp/test_settings.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/config", dir);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	fclose(f);
	return path;
}

static void
remove_file(void)
{
	unlink(path);
	rmdir(dir);
}

/* --- the grammar ---------------------------------------------------------- */

START_TEST(test_empty)
{
	struct settings s;
	struct reports r;

	settings_init(&s);
	ck_assert_int_eq(load(&s, "", &r), 0);
	ck_assert_int_eq(load(&s, "\n\n   \n\t\n# only comments\n  # here\n", &r), 0);
	ck_assert_int_eq(r.n, 0);
	ck_assert_ptr_null(s.level);
	ck_assert_ptr_null(s.keymap);
	ck_assert_int_eq(s.theme, SETTINGS_THEME_UNSET);
	settings_free(&s);
}
END_TEST

START_TEST(test_all_keys)
{
	struct settings s;
	struct reports r;

	settings_init(&s);
	ck_assert_int_eq(load(&s, "# bedside config\n"
	    "level = patient\n"
	    "keymap=vi\n"
	    "\ttheme\t=\tdark   # at night\n", &r), 0);
	ck_assert_int_eq(r.n, 0);
	ck_assert_str_eq(s.level, "patient");
	ck_assert_str_eq(s.keymap, "vi");
	ck_assert_int_eq(s.theme, SETTINGS_THEME_DARK);
	/* Where each was set, for what only the browser can find wrong. */
	ck_assert_str_eq(s.level_at, "t:2");
	ck_assert_str_eq(s.keymap_at, "t:3");
	settings_free(&s);
	ck_assert_ptr_null(s.level);
	ck_assert_ptr_null(s.level_at);
	ck_assert_int_eq(s.theme, SETTINGS_THEME_UNSET);
}
END_TEST

START_TEST(test_last_wins_and_layers)
{
	struct settings s;
	struct reports r;

	settings_init(&s);
	ck_assert_int_eq(load(&s, "level = patient\nlevel = clinician\n", &r), 0);
	ck_assert_str_eq(s.level, "clinician");
	ck_assert_str_eq(s.level_at, "t:2");
	/* A second file adds to the first; what it leaves out stays. */
	ck_assert_int_eq(load(&s, "theme = mono\n", &r), 0);
	ck_assert_str_eq(s.level, "clinician");
	ck_assert_int_eq(s.theme, SETTINGS_THEME_MONO);
	/* A bad value leaves the good one before it in force. */
	ck_assert_int_eq(load(&s, "theme = purple\nlevel = Bad Level\n", &r), 2);
	ck_assert_int_eq(s.theme, SETTINGS_THEME_MONO);
	ck_assert_str_eq(s.level, "clinician");
	ck_assert_str_eq(s.level_at, "t:2");
	ck_assert_ptr_null(s.keymap_at);
	settings_free(&s);
}
END_TEST

START_TEST(test_comments)
{
	struct settings s;
	struct reports r;

	settings_init(&s);
	/* '#' inside a word is part of it; after a blank it starts a comment. */
	ck_assert_int_eq(load(&s, "keymap = /home/a#b/my.keys # mine\n", &r), 0);
	ck_assert_str_eq(s.keymap, "/home/a#b/my.keys");
	ck_assert_int_eq(load(&s, "#level = patient\n", &r), 0);
	ck_assert_ptr_null(s.level);
	/* A comment right after '=' leaves no value. */
	ck_assert_int_eq(load(&s, "level = # none\n", &r), 1);
	ck_assert_str_eq(r.msg[0], "t:1: missing value for 'level'");
	settings_free(&s);
}
END_TEST

START_TEST(test_keymap_values)
{
	struct settings s;
	struct reports r;

	settings_init(&s);
	setenv("HOME", "/home/nurse", 1);
	ck_assert_int_eq(load(&s, "keymap = emacs\n", &r), 0);
	ck_assert_str_eq(s.keymap, "emacs");
	ck_assert_int_eq(load(&s, "keymap = my_Keys-2\n", &r), 0);
	ck_assert_str_eq(s.keymap, "my_Keys-2");
	ck_assert_int_eq(load(&s, "keymap = ~/keys/ward.keys\n", &r), 0);
	ck_assert_str_eq(s.keymap, "/home/nurse/keys/ward.keys");
	ck_assert_int_eq(load(&s, "keymap = /etc/bedside/ward 2.keys\n", &r), 0);
	ck_assert_str_eq(s.keymap, "/etc/bedside/ward 2.keys");

	ck_assert_int_eq(load(&s, "keymap = ward.keys\n", &r), 1);
	ck_assert_str_eq(r.msg[0], "t:1: keymap path 'ward.keys' is relative "
	    "(start it with / or ~/)");
	ck_assert_int_eq(load(&s, "keymap = ../x/y\n", &r), 1);
	ck_assert_int_eq(load(&s, "keymap = my keys\n", &r), 1);
	ck_assert_ptr_nonnull(strstr(r.msg[0], "bad keymap name 'my keys'"));
	unsetenv("HOME");
	ck_assert_int_eq(load(&s, "keymap = ~/x.keys\n", &r), 1);
	ck_assert_ptr_nonnull(strstr(r.msg[0], "HOME is not set"));
	ck_assert_str_eq(s.keymap, "/etc/bedside/ward 2.keys");
	settings_free(&s);
}
END_TEST

START_TEST(test_themes)
{
	static const char *const names[] = { "light", "dark", "mono" };
	enum settings_theme t;

	for (size_t i = 0; i < 3; i++) {
		ck_assert(settings_theme_by_name(names[i], &t));
		ck_assert_str_eq(settings_theme_name(t), names[i]);
	}
	ck_assert(!settings_theme_by_name("Dark", &t));
	ck_assert(!settings_theme_by_name("", &t));
	ck_assert(!settings_theme_by_name(NULL, &t));
	ck_assert_ptr_null(settings_theme_name(SETTINGS_THEME_UNSET));
	ck_assert_ptr_null(settings_theme_name((enum settings_theme)99));
	ck_assert_ptr_null(settings_theme_name((enum settings_theme)-1));
}
END_TEST

/* --- bad lines ------------------------------------------------------------ */

START_TEST(test_bad_lines_reported)
{
	static const struct {
		const char *line;
		const char *reason; /* the whole message after "t:2: " */
	} cases[] = {
		{ "colour = blue", "unknown key 'colour' (level, keymap or theme)" },
		{ "Level = patient", "unknown key 'Level' (level, keymap or theme)" },
		{ "level patient", "expected KEY = VALUE, not 'level patient'" },
		{ "= patient", "missing key before '='" },
		{ "level =", "missing value for 'level'" },
		{ "level = ", "missing value for 'level'" },
		{ "theme = purple", "unknown theme 'purple' (light, dark or mono)" },
		{ "theme = dark mode", "unknown theme 'dark mode' (light, dark or mono)" },
		{ "level = Patient",
		    "bad level 'Patient' (a level name is lower-case letters, "
		    "digits and '-')" },
		{ "level = a = b",
		    "bad level 'a = b' (a level name is lower-case letters, "
		    "digits and '-')" },
		{ "theme = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		    "unknown theme 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' "
		    "(light, dark or mono)" },
		{ "level = \xc3\x28", "not valid UTF-8" },
		{ "level = \xed\xa0\x80", "not valid UTF-8" },
		{ "\xff\xfe", "not valid UTF-8" },
		{ "level = pa\x1b[31mtient", "line contains a control character" },
		{ "theme = dark\x7f", "line contains a control character" },
		{ "theme = \xc2\x9b" "31m", "line contains a control character" },
		{ "level = pa\xe2\x80\xaetient", "line contains a control character" },
	};
	char text[256], want[256];
	struct settings s;
	struct reports r;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		settings_init(&s);
		snprintf(text, sizeof(text), "level = patient\n%s\ntheme = dark\n",
		    cases[i].line);
		ck_assert_msg(load(&s, text, &r) == 1 && r.n == 1,
		    "case %zu: %d reports", i, r.n);
		snprintf(want, sizeof(want), "t:2: %s", cases[i].reason);
		ck_assert_str_eq(r.msg[0], want);
		/* Messages never carry raw control bytes to a terminal. */
		for (const char *p = r.msg[0]; *p; p++)
			ck_assert_int_ge((unsigned char)*p, 0x20);
		/* The lines around the bad one still apply. */
		ck_assert_str_eq(s.level, "patient");
		ck_assert_int_eq(s.theme, SETTINGS_THEME_DARK);
		settings_free(&s);
	}
}
END_TEST

START_TEST(test_every_bad_line_counted)
{
	struct settings s;
	struct reports r;

	settings_init(&s);
	ck_assert_int_eq(load(&s, "a = 1\nlevel = patient\nb\n\ntheme = x\n", &r), 3);
	ck_assert_int_eq(r.n, 3);
	ck_assert(strncmp(r.msg[0], "t:1: ", 5) == 0);
	ck_assert(strncmp(r.msg[1], "t:3: ", 5) == 0);
	ck_assert(strncmp(r.msg[2], "t:5: ", 5) == 0);
	ck_assert_str_eq(s.level, "patient");
	/* Without a report function the count is the same. */
	ck_assert_int_eq(settings_load_string(&s, "t", "a\nb\n", NULL, NULL), 2);
	ck_assert_int_eq(settings_load_string(&s, "t", NULL, NULL, NULL), -1);
	ck_assert_int_eq(settings_load_string(NULL, "t", "", NULL, NULL), -1);
	settings_free(&s);
}
END_TEST

START_TEST(test_overlong_line)
{
	size_t n = SETTINGS_LINE_MAX + 1;
	char *text = malloc(n + 64);
	struct settings s;
	struct reports r;

	ck_assert_ptr_nonnull(text);
	strcpy(text, "theme = dark\nlevel = ");
	memset(text + strlen(text), 'a', n);
	strcpy(text + 21 + n, "\nkeymap = vi\n");
	settings_init(&s);
	ck_assert_int_eq(load(&s, text, &r), 1);
	ck_assert_str_eq(r.msg[0], "t:2: line too long (over 1024 bytes)");
	ck_assert_int_eq(s.theme, SETTINGS_THEME_DARK);
	ck_assert_str_eq(s.keymap, "vi");
	ck_assert_ptr_null(s.level);
	settings_free(&s);
	free(text);
}
END_TEST

/* --- files ---------------------------------------------------------------- */

/* A file with a BOM, CRLF endings, a NUL byte and no final newline. */
START_TEST(test_file_odd_bytes)
{
	static const char data[] = "\xef\xbb\xbf# mine\r\nlevel = patient\r\n"
	    "theme = \0dark\nkeymap = vi";
	struct settings s;
	struct reports r = { 0 };
	char want[256];

	write_file(data, sizeof(data) - 1);
	settings_init(&s);
	ck_assert_int_eq(settings_load(&s, path, collect, &r), 1);
	ck_assert_int_eq(r.n, 1);
	snprintf(want, sizeof(want), "%s:3: line contains a NUL byte", path);
	ck_assert_str_eq(r.msg[0], want);
	ck_assert_str_eq(s.level, "patient");
	ck_assert_str_eq(s.keymap, "vi");
	ck_assert_int_eq(s.theme, SETTINGS_THEME_UNSET);
	settings_free(&s);
	remove_file();
}
END_TEST

START_TEST(test_file_missing_or_unreadable)
{
	struct settings s;
	struct reports r = { 0 };

	settings_init(&s);
	/* No file is the first start: nothing to say. */
	ck_assert_int_eq(settings_load(&s, "/nonexistent/bedside/config",
	    collect, &r), 0);
	ck_assert_int_eq(settings_load(&s, "/etc/passwd/config", collect, &r), 0);
	ck_assert_int_eq(r.n, 0);
	/* A folder where the file should be is reported. */
	ck_assert_int_eq(settings_load(&s, "/", collect, &r), -1);
	ck_assert_int_eq(r.n, 1);
	ck_assert_str_eq(r.msg[0], "/: cannot read: Is a directory");
	/* An endless file is refused at the size limit, not read forever. */
	memset(&r, 0, sizeof(r));
	ck_assert_int_eq(settings_load(&s, "/dev/zero", collect, &r), -1);
	ck_assert_str_eq(r.msg[0], "/dev/zero: too large for a config file "
	    "(over 65536 bytes)");
	ck_assert_int_eq(settings_load(&s, NULL, collect, &r), -1);
	settings_free(&s);
}
END_TEST

START_TEST(test_file_unreadable_permission)
{
	struct settings s;
	struct reports r = { 0 };

	if (geteuid() == 0)
		return; /* root reads any file */
	write_file("level = patient\n", 16);
	chmod(path, 0);
	settings_init(&s);
	ck_assert_int_eq(settings_load(&s, path, collect, &r), -1);
	ck_assert_ptr_nonnull(strstr(r.msg[0], ": cannot open: Permission denied"));
	ck_assert_ptr_null(s.level);
	settings_free(&s);
	remove_file();
}
END_TEST

/* A FIFO where the file should be (mkfifo by mistake, a tool that pipes
 * its settings in) is reported at once: opening it to read would wait
 * for a writer, and the browser would start on a blank screen. */
START_TEST(test_file_fifo)
{
	struct settings s;
	struct reports r = { 0 };
	char want[256];

	snprintf(dir, sizeof(dir), "/tmp/test_settings.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/config", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	alarm(5);       /* a hang fails the test instead of the timeout */
	settings_init(&s);
	ck_assert_int_eq(settings_load(&s, path, collect, &r), -1);
	alarm(0);
	ck_assert_int_eq(r.n, 1);
	snprintf(want, sizeof(want), "%s: cannot read: not a regular file", path);
	ck_assert_str_eq(r.msg[0], want);
	settings_free(&s);
	remove_file();
}
END_TEST

/* Nothing a file can hold crashes the loader (run under ASan to mean it). */
START_TEST(test_random_bytes)
{
	static const char alphabet[] = "level keymap theme = # ~/ .keys dark\t\n"
	    "\r\xc3\xa9\xff\x1b";
	uint64_t seed = 4242;
	char text[2048];
	struct settings s;

	settings_init(&s);
	setenv("HOME", "/h", 1);
	for (int round = 0; round < 3000; round++) {
		size_t n = (size_t)(seed % (sizeof(text) - 1));

		for (size_t i = 0; i < n; i++) {
			seed = seed * 6364136223846793005ULL +
			    1442695040888963407ULL;
			text[i] = (seed >> 60) & 1 ?
			    (char)((seed >> 33) % 255 + 1) :
			    alphabet[(seed >> 33) % (sizeof(alphabet) - 1)];
		}
		text[n] = '\0';
		ck_assert_int_ge(settings_load_string(&s, "r", text, NULL, NULL), 0);
	}
	settings_free(&s);
}
END_TEST

/* --- where the file is ---------------------------------------------------- */

START_TEST(test_default_path)
{
	char buf[256];

	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	setenv("HOME", "/home/nurse", 1);
	ck_assert_str_eq(settings_default_path(buf, sizeof(buf)),
	    "/x/conf/bedside/config");
	/* Empty or relative XDG_CONFIG_HOME is ignored, as the spec says. */
	setenv("XDG_CONFIG_HOME", "", 1);
	ck_assert_str_eq(settings_default_path(buf, sizeof(buf)),
	    "/home/nurse/.config/bedside/config");
	setenv("XDG_CONFIG_HOME", "conf", 1);
	ck_assert_str_eq(settings_default_path(buf, sizeof(buf)),
	    "/home/nurse/.config/bedside/config");
	unsetenv("XDG_CONFIG_HOME");
	ck_assert_str_eq(settings_default_path(buf, sizeof(buf)),
	    "/home/nurse/.config/bedside/config");
	ck_assert_ptr_null(settings_default_path(buf, 10));
	ck_assert_ptr_null(settings_default_path(NULL, 10));
	/* A relative HOME is no home: the keys file and the state folder
	 * ignore it too, so the config must not be read from the current
	 * folder. */
	setenv("HOME", "nurse", 1);
	ck_assert_ptr_null(settings_default_path(buf, sizeof(buf)));
	unsetenv("HOME");
	ck_assert_ptr_null(settings_default_path(buf, sizeof(buf)));
}
END_TEST

static Suite *
settings_suite(void)
{
	Suite *s = suite_create("settings");
	TCase *tc = tcase_create("grammar");

	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_all_keys);
	tcase_add_test(tc, test_last_wins_and_layers);
	tcase_add_test(tc, test_comments);
	tcase_add_test(tc, test_keymap_values);
	tcase_add_test(tc, test_themes);
	suite_add_tcase(s, tc);

	tc = tcase_create("bad lines");
	tcase_add_test(tc, test_bad_lines_reported);
	tcase_add_test(tc, test_every_bad_line_counted);
	tcase_add_test(tc, test_overlong_line);
	suite_add_tcase(s, tc);

	tc = tcase_create("files");
	tcase_add_test(tc, test_file_odd_bytes);
	tcase_add_test(tc, test_file_missing_or_unreadable);
	tcase_add_test(tc, test_file_unreadable_permission);
	tcase_add_test(tc, test_file_fifo);
	tcase_add_test(tc, test_random_bytes);
	tcase_add_test(tc, test_default_path);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(settings_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
