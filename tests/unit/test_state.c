/* test_state.c: unit tests for the browser's remembered state
 * (tui/state.c, tui/atomic.c): the file round-trips, a broken file is
 * ignored line by line and never crashes, the lists keep their bounds,
 * the history moves as a browser's does, saving is atomic. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "atomic.h"
#include "state.h"

static void
parse(struct state *st, const char *text)
{
	memset(st, 0, sizeof *st);
	state_parse(st, text, strlen(text));
}

START_TEST(test_round_trip)
{
	struct state a, b;
	struct buf text = BUF_INIT;

	memset(&a, 0, sizeof a);
	state_set_level(&a, "patient");
	state_bookmark_toggle(&a, "one");
	state_bookmark_toggle(&a, "two");
	state_recent_add(&a, "one");
	state_recent_add(&a, "two");
	state_history_visit(&a, "one", DB_ANSWER, 0);
	state_history_visit(&a, "two", DB_REFERENCES, 12);
	state_history_back(&a);
	state_format(&a, &text);
	parse(&b, text.data);
	ck_assert_str_eq(b.level, "patient");
	ck_assert_int_eq(b.nbookmarks, 2);
	ck_assert_str_eq(b.bookmarks[1], "two");
	ck_assert_int_eq(b.nrecent, 2);
	ck_assert_str_eq(b.recent[0], "two");
	ck_assert_int_eq(b.nhistory, 2);
	ck_assert_int_eq(b.pos, 0);
	ck_assert_int_eq(b.history[1].pane, DB_REFERENCES);
	ck_assert_int_eq(b.history[1].scroll, 12);
	buf_free(&text);
	state_free(&a);
	state_free(&b);
}
END_TEST

/* What was highlighted at each place goes into the file and comes back,
 * on lines of their own after the history line they belong to. */
START_TEST(test_highlight_round_trip)
{
	struct state a, b;
	struct buf text = BUF_INIT;
	static const int marks[] = { 2, 3 };

	memset(&a, 0, sizeof a);
	state_history_visit(&a, "one", DB_ANSWER, 4);
	state_history_highlight(&a, 1, NULL, 0);
	state_history_visit(&a, "one", DB_REFERENCES, 7);
	ck_assert_int_eq(state_history_current(&a)->cite, -1);
	ck_assert_int_eq(state_history_current(&a)->nmarks, 0);
	state_history_highlight(&a, -1, marks, 2);
	state_history_visit(&a, "two", DB_ANSWER, 0);
	state_format(&a, &text);
	ck_assert_ptr_nonnull(strstr(text.data, "history one answer 4\ncite 1\n"
	    "history one references 7\nmark 2,3\nhistory two answer 0\n"));
	parse(&b, text.data);
	ck_assert_int_eq(b.nhistory, 3);
	ck_assert_int_eq(b.history[0].cite, 1);
	ck_assert_int_eq(b.history[0].nmarks, 0);
	ck_assert_int_eq(b.history[1].cite, -1);
	ck_assert_int_eq(b.history[1].nmarks, 2);
	ck_assert_int_eq(b.history[1].marks[0], 2);
	ck_assert_int_eq(b.history[1].marks[1], 3);
	ck_assert_int_eq(b.history[2].cite, -1);
	ck_assert_int_eq(b.history[2].nmarks, 0);
	/* Nothing changed: not dirty. */
	b.dirty = false;
	state_history_back(&b);
	b.dirty = false;
	state_history_highlight(&b, -1, marks, 2);
	ck_assert(!b.dirty);
	state_history_highlight(&b, -1, marks, 1);
	ck_assert(b.dirty);
	ck_assert_int_eq(b.history[1].nmarks, 1);
	buf_free(&text);
	state_free(&a);
	state_free(&b);
}
END_TEST

/* A highlight line that makes no sense, or has no history line before
 * it, is skipped; the history line stays. */
START_TEST(test_highlight_bad_lines)
{
	struct state st;
	static const char text[] =
		"bedside-state 1\n"
		"mark 1\n"
		"cite 0\n"
		"history one references 0\n"
		"mark 1,x\n"
		"mark 0\n"
		"mark 1,,2\n"
		"mark 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17\n"
		"cite -1\n"
		"cite 1 2\n"
		"history two references 0\n"
		"mark 5,1\n"
		"cite 3\n";
	parse(&st, text);
	ck_assert_int_eq(st.nhistory, 2);
	ck_assert_int_eq(st.history[0].nmarks, 0);
	ck_assert_int_eq(st.history[0].cite, -1);
	ck_assert_int_eq(st.history[1].nmarks, 2);
	ck_assert_int_eq(st.history[1].marks[0], 5);
	ck_assert_int_eq(st.history[1].marks[1], 1);
	ck_assert_int_eq(st.history[1].cite, 3);
	state_free(&st);
}
END_TEST

START_TEST(test_not_ours)
{
	struct state st;
	parse(&st, "level patient\nbookmark x\n");
	ck_assert_ptr_null(st.level);
	ck_assert_int_eq(st.nbookmarks, 0);
	state_free(&st);
	parse(&st, "");
	ck_assert_ptr_null(st.level);
	state_free(&st);
}
END_TEST

START_TEST(test_bad_lines_skipped)
{
	struct state st;
	static const char text[] =
		"# comment\n"
		"bedside-state 1\n"
		"level ../../etc/passwd\n"
		"level \x1b[2J\n"
		"bookmark good-id\n"
		"bookmark BAD ID\n"
		"bookmark has/slash\n"
		"history good-id nowhere 3\n"
		"history good-id answer -1\n"
		"history good-id answer 99999999999999999999\n"
		"history good-id key-points 4\n"
		"position 77\n"
		"unknown thing\n"
		"recent\n";
	parse(&st, text);
	ck_assert_ptr_null(st.level);
	ck_assert_int_eq(st.nbookmarks, 1);
	ck_assert_str_eq(st.bookmarks[0], "good-id");
	ck_assert_int_eq(st.nhistory, 1);
	ck_assert_int_eq(st.history[0].pane, DB_KEY_POINTS);
	ck_assert_int_eq(st.pos, 0);     /* position out of range */
	ck_assert_int_eq(st.nrecent, 0);
	state_free(&st);
}
END_TEST

/* Any bytes at all: no crash, and what is read is valid. */
START_TEST(test_garbage)
{
	char text[4096];
	unsigned seed = 1;
	for (int round = 0; round < 200; round++) {
		struct state st;
		size_t n = sizeof text;
		memcpy(text, "bedside-state 1\n", 16);
		for (size_t i = 16; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned char c = (unsigned char)(seed >> 16);
			/* Mostly words the parser knows, to get past the start. */
			text[i] = (char)(c % 5 == 0 ? '\n' : c % 7 == 0 ? ' ' : c);
		}
		memset(&st, 0, sizeof st);
		state_parse(&st, text, n);
		for (size_t i = 0; i < st.nbookmarks; i++)
			ck_assert(state_name_ok(st.bookmarks[i], strlen(st.bookmarks[i])));
		ck_assert(st.nhistory == 0 || st.pos < st.nhistory);
		state_free(&st);
	}
}
END_TEST

START_TEST(test_bounds)
{
	struct state st;
	char id[32];
	memset(&st, 0, sizeof st);
	for (int i = 0; i < STATE_RECENT_MAX + 20; i++) {
		snprintf(id, sizeof id, "a%d", i);
		state_recent_add(&st, id);
		state_history_visit(&st, id, DB_ANSWER, 0);
	}
	ck_assert_int_eq(st.nrecent, STATE_RECENT_MAX);
	ck_assert_str_eq(st.recent[0], id);
	for (int i = 0; i < STATE_HISTORY_MAX; i++)
		state_history_visit(&st, "b", DB_ANSWER, i);
	ck_assert_int_eq(st.nhistory, STATE_HISTORY_MAX);
	ck_assert_int_eq(st.pos, STATE_HISTORY_MAX - 1);
	/* Seen again: to the front, not twice. */
	state_recent_add(&st, "a30");
	ck_assert_str_eq(st.recent[0], "a30");
	ck_assert_str_eq(st.recent[1], id);
	state_free(&st);
}
END_TEST

START_TEST(test_bookmarks)
{
	struct state st;
	memset(&st, 0, sizeof st);
	ck_assert(state_bookmark_toggle(&st, "x"));
	ck_assert(state_is_bookmarked(&st, "x"));
	ck_assert(!state_bookmark_toggle(&st, "x"));
	ck_assert(!state_is_bookmarked(&st, "x"));
	ck_assert(st.dirty);
	state_free(&st);
}
END_TEST

START_TEST(test_history)
{
	struct state st;
	memset(&st, 0, sizeof st);
	ck_assert_ptr_null(state_history_current(&st));
	ck_assert_ptr_null(state_history_back(&st));
	state_history_visit(&st, "a", DB_ANSWER, 0);
	state_history_visit(&st, "b", DB_ANSWER, 0);
	state_history_visit(&st, "c", DB_ANSWER, 0);
	state_history_update(&st, DB_RESEARCH, 7);
	ck_assert_str_eq(state_history_back(&st)->id, "b");
	ck_assert_str_eq(state_history_back(&st)->id, "a");
	ck_assert_ptr_null(state_history_back(&st));
	ck_assert_str_eq(state_history_forward(&st)->id, "b");
	const struct state_loc *c = state_history_forward(&st);
	ck_assert_str_eq(c->id, "c");
	ck_assert_int_eq(c->pane, DB_RESEARCH);
	ck_assert_int_eq(c->scroll, 7);
	ck_assert_ptr_null(state_history_forward(&st));
	/* A new place drops what was ahead. */
	state_history_back(&st);
	state_history_visit(&st, "d", DB_ANSWER, 0);
	ck_assert_int_eq(st.nhistory, 3);
	ck_assert_ptr_null(state_history_forward(&st));
	state_free(&st);
}
END_TEST

static char *
scratch_dir(void)
{
	char tmpl[] = "/tmp/test_state.XXXXXX";
	char *d = mkdtemp(tmpl);
	ck_assert_ptr_nonnull(d);
	return strdup(d);
}

START_TEST(test_save_and_load)
{
	char *dir = scratch_dir();
	struct state st;
	char path[512];

	setenv("XDG_STATE_HOME", dir, 1);
	state_init(&st, false);
	ck_assert(st.usable);
	ck_assert_ptr_null(st.problem);
	state_set_level(&st, "patient");
	ck_assert_int_eq(state_save(&st), 0);
	ck_assert(!st.dirty);
	state_free(&st);

	state_init(&st, false);
	ck_assert_str_eq(st.level, "patient");
	state_free(&st);

	/* No temporary file is left beside it. */
	snprintf(path, sizeof path, "%s/bedside/.state.tmp-%ld", dir, (long)getpid());
	ck_assert_int_ne(access(path, F_OK), 0);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(path), 0);
	free(dir);
}
END_TEST

/* A file already under the temporary name (made ahead by someone else
 * in a folder both can write to) is left alone: the write goes through
 * a new file of its own. */
START_TEST(test_atomic_write_own_file)
{
	char *dir = scratch_dir();
	char path[512];
	snprintf(path, sizeof path, "%s/.out.txt.tmp-%ld", dir, (long)getpid());
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("theirs\n", f);
	fclose(f);

	ck_assert_int_eq(atomic_write(dir, "out.txt", "ours\n", 5, 0644), 0);
	char got[16] = "";
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(got, sizeof got, f));
	fclose(f);
	ck_assert_str_eq(got, "theirs\n");
	snprintf(path, sizeof path, "%s/out.txt", dir);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(got, sizeof got, f));
	fclose(f);
	ck_assert_str_eq(got, "ours\n");

	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(path), 0);
	free(dir);
}
END_TEST

START_TEST(test_unusable_folder)
{
	char *dir = scratch_dir();
	char path[512];
	struct state st;

	snprintf(path, sizeof path, "%s/bedside", dir);
	FILE *f = fopen(path, "w");     /* a file where the folder should be */
	ck_assert_ptr_nonnull(f);
	fclose(f);
	setenv("XDG_STATE_HOME", dir, 1);
	state_init(&st, false);
	ck_assert(!st.usable);
	ck_assert_ptr_nonnull(st.problem);
	state_set_level(&st, "patient");
	ck_assert_int_eq(state_save(&st), -1);
	state_free(&st);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(path), 0);
	free(dir);
}
END_TEST

/* The folder: $XDG_STATE_HOME/bedside, else ~/.local/state/bedside when
 * XDG_STATE_HOME is unset, empty or relative (the XDG spec: ignore it). */
START_TEST(test_state_folder)
{
	char *home = scratch_dir(), want[512], cmd[600];
	const char *xdg[] = { NULL, "", "rel/state" };
	struct state st;

	setenv("HOME", home, 1);
	snprintf(want, sizeof want, "%s/.local/state/bedside", home);
	for (size_t i = 0; i < sizeof xdg / sizeof *xdg; i++) {
		if (xdg[i])
			setenv("XDG_STATE_HOME", xdg[i], 1);
		else
			unsetenv("XDG_STATE_HOME");
		state_init(&st, false);
		ck_assert_msg(st.dir && strcmp(st.dir, want) == 0,
		    "XDG_STATE_HOME=%s: %s", xdg[i] ? xdg[i] : "(unset)", st.dir);
		ck_assert(st.usable);
		state_free(&st);
	}
	ck_assert_int_ne(access("rel", F_OK), 0);
	snprintf(want, sizeof want, "%s/xdg", home);
	setenv("XDG_STATE_HOME", want, 1);
	state_init(&st, false);
	ck_assert_str_eq(st.dir, strcat(want, "/bedside"));
	state_free(&st);
	/* Neither: no folder, and a problem to report, not a guess. */
	setenv("XDG_STATE_HOME", "rel", 1);
	setenv("HOME", "", 1);
	state_init(&st, false);
	ck_assert_ptr_null(st.dir);
	ck_assert_ptr_nonnull(st.problem);
	state_free(&st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
	ck_assert_int_eq(system(cmd), 0);
	free(home);
}
END_TEST

START_TEST(test_secure)
{
	struct state st;
	setenv("XDG_STATE_HOME", "/nonexistent/never", 1);
	state_init(&st, true);
	ck_assert_ptr_null(st.dir);
	ck_assert_ptr_null(st.problem);
	state_set_level(&st, "patient");
	ck_assert_int_eq(state_save(&st), 0);   /* nothing to do, no error */
	ck_assert_int_ne(access("/nonexistent/never", F_OK), 0);
	state_free(&st);
}
END_TEST

static Suite *
state_suite(void)
{
	Suite *s = suite_create("state");
	TCase *tc = tcase_create("file");
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_highlight_round_trip);
	tcase_add_test(tc, test_highlight_bad_lines);
	tcase_add_test(tc, test_not_ours);
	tcase_add_test(tc, test_bad_lines_skipped);
	tcase_add_test(tc, test_garbage);
	suite_add_tcase(s, tc);
	tc = tcase_create("lists");
	tcase_add_test(tc, test_bounds);
	tcase_add_test(tc, test_bookmarks);
	tcase_add_test(tc, test_history);
	suite_add_tcase(s, tc);
	tc = tcase_create("disk");
	tcase_add_test(tc, test_save_and_load);
	tcase_add_test(tc, test_atomic_write_own_file);
	tcase_add_test(tc, test_unusable_folder);
	tcase_add_test(tc, test_state_folder);
	tcase_add_test(tc, test_secure);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(state_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
