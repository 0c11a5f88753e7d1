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

char *
path_resolve(const char *start)
{
	char *path = xstrdup(start), *file = NULL;
	int hops, why;

	/* The last name's links one at a time, each only if it is the
	 * user's own: a link someone else laid under the name in a shared
	 * folder (an export's, a database's) must not have the user
	 * replace a file of theirs elsewhere. Such a link is the file to
	 * replace itself. */
	for (hops = 0; hops < PATH_MAX_HOPS; hops++) {
		struct stat st;
		if (lstat(path, &st) != 0) {
			if (errno != ENOENT)
				goto out;
			break;
		}
		if (!S_ISLNK(st.st_mode) || st.st_uid != geteuid())
			break;
		char target[4096];
		ssize_t n = readlink(path, target, sizeof target - 1);
		if (n < 0)
			goto out;
		if (n == (ssize_t)sizeof target - 1) {
			errno = ENAMETOOLONG;
			goto out;
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
	if (hops == PATH_MAX_HOPS) {
		errno = ELOOP;
		goto out;
	}
	/* The folders on the way are the user's to link as they like. */
	char *dir = path_dir_of(path), *real = realpath(dir, NULL);
	if (real) {
		const char *slash = strrchr(path, '/');
		struct buf b = BUF_INIT;
		buf_addf(&b, "%s/%s", strcmp(real, "/") == 0 ? "" : real,
		    slash ? slash + 1 : path);
		file = buf_detach(&b);
	}
	why = errno;
	free(real);
	free(dir);
	errno = why;
out:
	why = errno;
	free(path);
	errno = why;
	return file;
}
