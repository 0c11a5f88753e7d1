/* import_files.c: the files an import reads: Markdown files named on the
 * command line and those found in folders named there. */
#include "config.h"
#include "import_files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
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

/* The files and folders an import has reached, by device and inode: a
 * folder reached again through a symbolic link (to itself, to a folder
 * above it, or a second link to one folder) is not walked again, and a
 * file reached again (through two links, or named twice) is not read
 * twice. Open addressing, at most half full. */
struct file_id {
	dev_t dev;
	ino_t ino;
	bool used;
};

struct file_seen {
	struct file_id *slot;
	size_t n, mask;
};

/* The slot that holds (dev, ino), or the empty one where it belongs. */
static struct file_id *
seen_slot(const struct file_seen *s, dev_t dev, ino_t ino)
{
	uint64_t h = ((uint64_t)dev * 0x9e3779b97f4a7c15u ^ (uint64_t)ino) *
	    0xff51afd7ed558ccdu;
	for (size_t i = (size_t)(h >> 32) & s->mask;; i = (i + 1) & s->mask)
		if (!s->slot[i].used || (s->slot[i].dev == dev && s->slot[i].ino == ino))
			return &s->slot[i];
}

/* False if st's file or folder was reached before; else notes it. */
static bool
seen_first(struct file_list *f, const struct stat *st)
{
	struct file_seen *s = f->seen;
	if (s == NULL) {
		s = f->seen = xcalloc(1, sizeof *s);
		s->mask = 63;
		s->slot = xcalloc(s->mask + 1, sizeof *s->slot);
	}
	struct file_id *e = seen_slot(s, st->st_dev, st->st_ino);
	if (e->used)
		return false;
	*e = (struct file_id){ st->st_dev, st->st_ino, true };
	if (2 * ++s->n > s->mask) {
		struct file_seen grown = { xcalloc(2 * (s->mask + 1), sizeof *s->slot),
		    s->n, 2 * s->mask + 1 };
		for (size_t i = 0; i <= s->mask; i++)
			if (s->slot[i].used)
				*seen_slot(&grown, s->slot[i].dev, s->slot[i].ino) =
				    s->slot[i];
		free(s->slot);
		*s = grown;
	}
	return true;
}

/* Folders are walked with a work list, not recursion; hidden entries are
 * skipped. Each folder's entries are taken in name order, depth first,
 * so that of two links to one folder or file the same one is followed
 * every time; the files then come out sorted, so an import is
 * reproducible. */
void
import_collect(const char *root, struct file_list *files, struct diag *d)
{
	struct stat st;
	if (stat(root, &st) != 0) {
		diag_error(d, root, 0, "%s", strerror(errno));
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		/* A named pipe is read when it is named, whatever its name:
		 * one made to hand an article over (import <(make-article)
		 * names /dev/fd/63) is never there by mistake, as a README
		 * is in `import *`. In folders only .md files are read. */
		if (S_ISFIFO(st.st_mode)) {
			if (seen_first(files, &st))
				files_add(files, root);
		} else if (!S_ISREG(st.st_mode))
			diag_error(d, root, 0, "not a file, folder or pipe");
		else if (!has_md_suffix(root))
			diag_error(d, root, 0,
			    "not a Markdown article (expected a .md file)");
		else if (seen_first(files, &st))
			files_add(files, root);
		return;
	}
	if (!seen_first(files, &st))
		return;
	struct file_list todo = { NULL, 0, NULL }, names = { NULL, 0, NULL };
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
		while ((de = readdir(dh)) != NULL)
			if (de->d_name[0] != '.')
				files_add(&names, de->d_name);
		closedir(dh);
		if (names.n > 1)
			qsort(names.v, names.n, sizeof *names.v, path_cmp);
		size_t subs = todo.n;   /* this folder's folders from here */
		for (size_t i = 0; i < names.n; i++) {
			struct buf p = BUF_INIT;
			buf_addf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			    names.v[i]);
			if (stat(p.data, &st) != 0) {
				/* A broken link, or one that loops: a problem if it
				 * names an article, else one more file import does
				 * not read (a stale link to a log, say). */
				if (has_md_suffix(names.v[i]))
					diag_error(d, p.data, 0, "cannot read: %s",
					    strerror(errno));
			} else if (S_ISDIR(st.st_mode)) {
				/* One already reached is walked, or will be. */
				if (dep + 1 > MAX_DIR_DEPTH) {
					diag_error(d, p.data, 0, "folders nested too deep");
				} else if (seen_first(files, &st)) {
					files_add(&todo, p.data);
					depth = xrealloc(depth, todo.n * sizeof *depth);
					depth[todo.n - 1] = dep + 1;
				}
			} else if (S_ISREG(st.st_mode) && has_md_suffix(names.v[i]) &&
			    seen_first(files, &st)) {
				files_add(files, p.data);
			}
			buf_free(&p);
		}
		/* The first in name order comes off the work list first. */
		for (size_t a = subs, b = todo.n; a + 1 < b; a++, b--) {
			char *t = todo.v[a];
			todo.v[a] = todo.v[b - 1];
			todo.v[b - 1] = t;
		}
		for (size_t i = 0; i < names.n; i++)
			free(names.v[i]);
		names.n = 0;
		free(dir);
	}
	free(names.v);
	free(todo.v);
	free(depth);
	if (files->n > first + 1)
		qsort(files->v + first, files->n - first, sizeof *files->v, path_cmp);
}

void
import_files_free(struct file_list *files)
{
	for (size_t i = 0; i < files->n; i++)
		free(files->v[i]);
	free(files->v);
	if (files->seen)
		free(files->seen->slot);
	free(files->seen);
	*files = (struct file_list){ NULL, 0, NULL };
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
	/* The file grew past the limit after the size was checked. */
	if (b.len > MAX_FILE_BYTES) {
		diag_error(d, path, 0, "file too large (over %u MB)", MAX_FILE_BYTES >> 20);
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_detach(&b);
}
