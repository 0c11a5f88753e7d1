/* import_files.c: the files an import reads: Markdown files named on the
 * command line and those found in folders named there. */
#include "config.h"
#include "import_files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

#define MAX_FILE_BYTES (64u << 20)
#define MAX_DIR_DEPTH 32

static void
files_add(struct file_list *f, const char *path)
{
	f->v = xrealloc(f->v, (f->n + 1) * sizeof *f->v);
	f->v[f->n++] = xstrdup(path);
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
has_md_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

/* Folders are walked with a work list, not recursion; hidden entries are
 * skipped and files come out sorted, so an import is reproducible. */
void
import_collect(const char *root, struct file_list *files, struct diag *d)
{
	struct stat st;
	if (stat(root, &st) != 0) {
		diag_error(d, root, 0, "%s", strerror(errno));
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		if (!S_ISREG(st.st_mode))
			diag_error(d, root, 0, "not a file or folder");
		else if (!has_md_suffix(root))
			diag_error(d, root, 0, "not a Markdown article (expected a .md file)");
		else
			files_add(files, root);
		return;
	}
	struct file_list todo = { NULL, 0 };
	int *depth = NULL;
	files_add(&todo, root);
	depth = xrealloc(depth, sizeof *depth);
	depth[0] = 0;
	size_t first = files->n;
	while (todo.n > 0) {
		char *dir = todo.v[--todo.n];
		int dep = depth[todo.n];
		DIR *dh = opendir(dir);
		if (dh == NULL) {
			diag_error(d, dir, 0, "cannot read folder: %s", strerror(errno));
			free(dir);
			continue;
		}
		struct dirent *de;
		while ((de = readdir(dh)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			struct buf p = BUF_INIT;
			buf_addf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			    de->d_name);
			if (stat(p.data, &st) != 0) {
				diag_error(d, p.data, 0, "%s", strerror(errno));
			} else if (S_ISDIR(st.st_mode)) {
				if (dep + 1 > MAX_DIR_DEPTH) {
					diag_error(d, p.data, 0, "folders nested too deep");
				} else {
					files_add(&todo, p.data);
					depth = xrealloc(depth, todo.n * sizeof *depth);
					depth[todo.n - 1] = dep + 1;
				}
			} else if (S_ISREG(st.st_mode) && has_md_suffix(de->d_name)) {
				files_add(files, p.data);
			}
			buf_free(&p);
		}
		closedir(dh);
		free(dir);
	}
	free(todo.v);
	free(depth);
	if (files->n > first + 1)
		qsort(files->v + first, files->n - first, sizeof *files->v, path_cmp);
}

char *
import_read_file(const char *path, size_t *len, struct diag *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		diag_error(d, path, 0, "cannot read: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if ((size_t)st.st_size > MAX_FILE_BYTES) {
		diag_error(d, path, 0, "file too large (over %u MB)", MAX_FILE_BYTES >> 20);
		close(fd);
		return NULL;
	}
	struct buf b = BUF_INIT;
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) > 0) {
		buf_add(&b, chunk, (size_t)n);
		if (b.len > MAX_FILE_BYTES)
			break;
	}
	if (n < 0) {
		diag_error(d, path, 0, "cannot read: %s", strerror(errno));
		close(fd);
		buf_free(&b);
		return NULL;
	}
	close(fd);
	*len = b.len;
	return buf_detach(&b);
}
