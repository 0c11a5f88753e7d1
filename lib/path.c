/* path.c: see path.h. */
#include "config.h"
#include "path.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

/* As many links as Linux follows in one lookup. */
#define PATH_MAX_HOPS 40

char *
path_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* A path that is not there: its folder's real path, and the name. */
static char *
resolve_missing(const char *path)
{
	char *dir = path_dir_of(path), *real = realpath(dir, NULL);
	const char *slash = strrchr(path, '/');
	char *file = NULL;
	if (real) {
		struct buf b = BUF_INIT;
		buf_addf(&b, "%s/%s", strcmp(real, "/") == 0 ? "" : real,
		    slash ? slash + 1 : path);
		file = buf_detach(&b);
	}
	int why = errno;
	free(real);
	free(dir);
	errno = why;
	return file;
}

char *
path_resolve(const char *start)
{
	char *path = xstrdup(start), *file = NULL;
	int hops;

	for (hops = 0; hops < PATH_MAX_HOPS; hops++) {
		struct stat st;
		/* realpath follows every link, but fails on a dangling one:
		 * then the links are followed here, one at a time. */
		if ((file = realpath(path, NULL)) != NULL || errno != ENOENT)
			break;
		if (lstat(path, &st) != 0) {
			file = resolve_missing(path);
			break;
		}
		if (!S_ISLNK(st.st_mode))
			break;          /* there after all: gone and back, a race */
		char target[4096];
		ssize_t n = readlink(path, target, sizeof target - 1);
		if (n < 0)
			break;
		if (n == (ssize_t)sizeof target - 1) {
			errno = ENAMETOOLONG;
			break;
		}
		target[n] = '\0';
		struct buf next = BUF_INIT;
		if (target[0] == '/') {
			buf_adds(&next, target);
		} else {
			char *dir = path_dir_of(path);
			buf_addf(&next, "%s/%s", dir, target);
			free(dir);
		}
		free(path);
		path = buf_detach(&next);
	}
	if (hops == PATH_MAX_HOPS)
		errno = ELOOP;
	int why = errno;
	free(path);
	errno = why;
	return file;
}
