/* atomic.c: see atomic.h. */
#include "config.h"
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "path.h"

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int
atomic_write(const char *dir, const char *name, const char *data, size_t len,
    mode_t mode)
{
	struct buf tmp = BUF_INIT, given = BUF_INIT;
	int fd = -1, dfd = -1, saved = 0, rc = -1;

	/* Through a symbolic link (dotfiles kept in a repository and linked
	 * into place), the file it points to is replaced, beside itself:
	 * renamed over, the link would become a plain file. */
	buf_addf(&given, "%s/%s", dir, name);
	char *dst = path_resolve(given.data);
	buf_free(&given);
	if (dst == NULL)
		return -1;
	/* Only a file (or someone else's link, see path_resolve) is
	 * replaced: a link to /dev/null, the usual way to keep nothing, or
	 * to a pipe or a device would see it become a plain file, which
	 * as root is /dev/null itself, for every program on the machine. */
	struct stat st;
	if (lstat(dst, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
		free(dst);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EPERM;
		return -1;
	}
	char *dst_dir = path_dir_of(dst);
	const char *base = strrchr(dst, '/') + 1;
	/* A new file of our own, never one that is there already: in a
	 * folder others can write to (an export into a shared folder), a
	 * file made ahead under the name would otherwise be written to and
	 * renamed into place. Another name is tried when one is taken. */
	for (int try = 0; fd < 0 && try < 100; try++) {
		buf_truncate(&tmp, 0);
		buf_addf(&tmp, "%s/.%s.tmp-%ld", strcmp(dst_dir, "/") ? dst_dir : "", base,
		    (long)getpid());
		if (try > 0)
			buf_addf(&tmp, "-%d", try);
		fd = open(tmp.data, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		    mode);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		/* Nothing of ours to remove. */
		saved = errno;
		buf_free(&tmp);
		free(dst_dir);
		free(dst);
		errno = saved;
		return -1;
	}
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0)
		goto out;
	if (close(fd) != 0) {
		fd = -1;
		goto out;
	}
	fd = -1;
	if (rename(tmp.data, dst) != 0)
		goto out;
	/* The rename is durable only once the folder is on disk too. Some
	 * file systems cannot fsync a folder; the file itself is safe. */
	dfd = open(dst_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0 && fsync(dfd) != 0 && errno != EINVAL && errno != EROFS)
		goto done_renamed;
	rc = 0;
done_renamed:
	saved = errno;
	if (dfd >= 0)
		close(dfd);
	buf_free(&tmp);
	free(dst_dir);
	free(dst);
	errno = rc == 0 ? 0 : saved;
	return rc;
out:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp.data);
	buf_free(&tmp);
	free(dst_dir);
	free(dst);
	errno = saved;
	return -1;
}
