/* test_atomic.c: unit tests for replacing a file atomically through
 * symbolic links (tui/atomic.c, lib/path.c): the link stays a link and
 * its file gets the new content, whether the link is relative, absolute
 * or one of a chain; a dangling link gets its file made when that
 * file's folder exists, and is reported (ENOENT) when not; a loop of
 * links is reported (ELOOP). A failure never loses the old content. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "path.h"

static char dir[64];
static char path[512];

static void
setup(void)
{
	strcpy(dir, "/tmp/test_atomic.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* dir/rel, in the static path buffer. */
static const char *
at(const char *rel)
{
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	return path;
}

static void
put(const char *rel, const char *text)
{
	FILE *f = fopen(at(rel), "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void
link_to(const char *target, const char *rel)
{
	ck_assert_int_eq(symlink(target, at(rel)), 0);
}

/* The content of dir/rel, "" if it cannot be read. */
static const char *
content(const char *rel)
{
	static char got[64];
	got[0] = '\0';
	FILE *f = fopen(at(rel), "r");
	if (f) {
		size_t n = fread(got, 1, sizeof got - 1, f);
		got[n] = '\0';
		fclose(f);
	}
	return got;
}

static bool
is_link(const char *rel)
{
	struct stat sb;
	return lstat(at(rel), &sb) == 0 && S_ISLNK(sb.st_mode);
}

/* Names in dir/rel starting with '.': temporary files left behind. */
static int
hidden_files(const char *rel)
{
	DIR *d = opendir(at(rel));
	int n = 0;
	ck_assert_ptr_nonnull(d);
	for (struct dirent *e; (e = readdir(d)) != NULL; )
		if (e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* A dotfile kept in a repository and linked into place by a relative
 * path: the repository's file is replaced, the link stays. */
START_TEST(test_relative_link)
{
	ck_assert_int_eq(mkdir(at("repo"), 0700), 0);
	ck_assert_int_eq(mkdir(at("home"), 0700), 0);
	put("repo/state", "old\n");
	link_to("../repo/state", "home/state");

	ck_assert_int_eq(atomic_write(at("home"), "state", "new\n", 4, 0600), 0);
	ck_assert(is_link("home/state"));
	ck_assert_str_eq(content("repo/state"), "new\n");
	ck_assert_str_eq(content("home/state"), "new\n");
	/* The temporary file was made, and renamed, beside the target. */
	ck_assert_int_eq(hidden_files("repo"), 0);
	ck_assert_int_eq(hidden_files("home"), 0);
}
END_TEST

/* An absolute link to a link to the file: the end of the chain. */
START_TEST(test_chain_of_links)
{
	ck_assert_int_eq(mkdir(at("a"), 0700), 0);
	ck_assert_int_eq(mkdir(at("b"), 0700), 0);
	put("b/real", "old\n");
	link_to("../b/real", "a/middle");
	char target[512];
	snprintf(target, sizeof target, "%s/a/middle", dir);
	link_to(target, "first");

	ck_assert_int_eq(atomic_write(dir, "first", "new\n", 4, 0600), 0);
	ck_assert(is_link("first"));
	ck_assert(is_link("a/middle"));
	ck_assert_str_eq(content("b/real"), "new\n");
}
END_TEST

/* A link to a file not made yet (a fresh checkout of the dotfiles):
 * the file is made where the link points. */
START_TEST(test_dangling_link_folder_there)
{
	ck_assert_int_eq(mkdir(at("repo"), 0700), 0);
	link_to("repo/state", "state");

	ck_assert_int_eq(atomic_write(dir, "state", "new\n", 4, 0600), 0);
	ck_assert(is_link("state"));
	ck_assert_str_eq(content("repo/state"), "new\n");
}
END_TEST

/* ... but no folder is made for it: that is reported, the link kept. */
START_TEST(test_dangling_link_no_folder)
{
	link_to("nowhere/state", "state");

	errno = 0;
	ck_assert_int_eq(atomic_write(dir, "state", "new\n", 4, 0600), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert(is_link("state"));
	ck_assert_int_ne(access(at("nowhere"), F_OK), 0);
	ck_assert_int_eq(hidden_files(""), 0);
}
END_TEST

/* Links that go round: ELOOP, and the links are as they were. */
START_TEST(test_loop)
{
	link_to("b", "a");
	link_to("a", "b");

	errno = 0;
	ck_assert_int_eq(atomic_write(dir, "a", "new\n", 4, 0600), -1);
	ck_assert_int_eq(errno, ELOOP);
	ck_assert(is_link("a"));
	ck_assert(is_link("b"));
	ck_assert_int_eq(hidden_files(""), 0);
}
END_TEST

/* A link to a folder cannot be written through: the folder and what is
 * in it stay. */
START_TEST(test_link_to_folder)
{
	ck_assert_int_eq(mkdir(at("sub"), 0700), 0);
	put("sub/keep", "kept\n");
	link_to("sub", "state");

	ck_assert_int_eq(atomic_write(dir, "state", "new\n", 4, 0600), -1);
	ck_assert(is_link("state"));
	ck_assert_str_eq(content("sub/keep"), "kept\n");
	ck_assert_int_eq(hidden_files(""), 0);
}
END_TEST

/* A link to a pipe or a device (ln -s /dev/null state, to keep no
 * state) is not replaced by a plain file: as root, that was /dev/null
 * itself for the whole machine. A pipe stands for the device here. */
START_TEST(test_link_to_pipe)
{
	ck_assert_int_eq(mkfifo(at("pipe"), 0600), 0);
	link_to("pipe", "state");

	errno = 0;
	ck_assert_int_eq(atomic_write(dir, "state", "new\n", 4, 0600), -1);
	ck_assert_int_eq(errno, EPERM);
	ck_assert(is_link("state"));
	struct stat st;
	ck_assert_int_eq(lstat(at("pipe"), &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	ck_assert_int_eq(hidden_files(""), 0);
}
END_TEST

/* A link someone else made under the name (in a shared folder, where an
 * export goes) is not followed: the user would replace a file of theirs
 * elsewhere. The link itself is replaced; its target keeps its content.
 * Making a link another user's needs root. */
START_TEST(test_link_of_another_user)
{
	if (geteuid() != 0)
		return;
	put("mine", "precious\n");
	char target[512];
	snprintf(target, sizeof target, "%s/mine", dir);
	link_to(target, "export.txt");
	ck_assert_int_eq(lchown(at("export.txt"), 65534, 65534), 0);

	ck_assert_int_eq(atomic_write(dir, "export.txt", "new\n", 4, 0644), 0);
	ck_assert(!is_link("export.txt"));
	ck_assert_str_eq(content("export.txt"), "new\n");
	ck_assert_str_eq(content("mine"), "precious\n");
}
END_TEST

/* No link at all: as before, a plain file in the folder. */
START_TEST(test_plain_file)
{
	put("state", "old\n");
	ck_assert_int_eq(atomic_write(dir, "state", "new\n", 4, 0600), 0);
	ck_assert(!is_link("state"));
	ck_assert_str_eq(content("state"), "new\n");
	ck_assert_int_eq(hidden_files(""), 0);
}
END_TEST

START_TEST(test_path_dir_of)
{
	char *d = path_dir_of("name");
	ck_assert_str_eq(d, ".");
	free(d);
	d = path_dir_of("/name");
	ck_assert_str_eq(d, "/");
	free(d);
	d = path_dir_of("a/b/name");
	ck_assert_str_eq(d, "a/b");
	free(d);
}
END_TEST

static Suite *
atomic_suite(void)
{
	Suite *s = suite_create("atomic");
	TCase *tc = tcase_create("links");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_relative_link);
	tcase_add_test(tc, test_chain_of_links);
	tcase_add_test(tc, test_dangling_link_folder_there);
	tcase_add_test(tc, test_dangling_link_no_folder);
	tcase_add_test(tc, test_loop);
	tcase_add_test(tc, test_link_to_folder);
	tcase_add_test(tc, test_link_to_pipe);
	tcase_add_test(tc, test_plain_file);
	tcase_add_test(tc, test_link_of_another_user);
	tcase_add_test(tc, test_path_dir_of);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(atomic_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
