/* faultshim.c: an LD_PRELOAD library that makes one step of the browser's
 * state write fail, so tests can check that a failed or interrupted save
 * leaves the old state or the new one, never a broken file.
 *
 *   FAULT_CALL   open | write | fsync | rename | dirfsync: the step
 *   FAULT_MODE   error (default): the call fails with FAULT_ERRNO
 *                kill: the process is killed at that step (a write is
 *                      torn: half the bytes are written first)
 *   FAULT_ERRNO  ENOSPC (default) | EIO
 *
 * Only the state file's temporary (a name holding ".tmp") and its folder
 * are touched; the terminal and the database are not.
 *
 * One more step is for the importer:
 *
 *   FAULT_CALL   read: opening for reading a file whose name holds
 *                FAULT_PATH fails
 *
 * and one for the browser's wait for a key:
 *
 *   FAULT_CALL   wait-signal: SIGTERM is raised just before the first
 *                wait on standard input with no timeout (poll or ppoll),
 *                as if it came between the browser's last look at its
 *                stop flag and the wait */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
wanted(const char *call)
{
	const char *c = getenv("FAULT_CALL");
	return c && strcmp(c, call) == 0;
}

static int
fail(void)
{
	const char *m = getenv("FAULT_MODE");
	if (m && strcmp(m, "kill") == 0)
		raise(SIGKILL);
	const char *e = getenv("FAULT_ERRNO");
	errno = e && strcmp(e, "EIO") == 0 ? EIO : ENOSPC;
	return -1;
}

static int
killing(void)
{
	const char *m = getenv("FAULT_MODE");
	return m && strcmp(m, "kill") == 0;
}

/* What fd refers to: 1 the temporary state file, 2 a folder, 0 other. */
static int
fd_kind(int fd)
{
	char link[64], path[4096];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n <= 0)
		return 0;
	path[n] = '\0';
	if (strstr(path, ".tmp"))
		return 1;
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode) && strstr(path, "/bedside"))
		return 2;
	return 0;
}

int
open(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	mode_t mode = 0;
	if (!real)
		real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (wanted("open") && strstr(path, ".tmp") && (flags & O_CREAT))
		return fail();
	if (wanted("read") && !(flags & O_CREAT) && getenv("FAULT_PATH") &&
	    strstr(path, getenv("FAULT_PATH")))
		return fail();
	return real(path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
	mode_t mode = 0;
	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	return open(path, flags, mode);
}

ssize_t
write(int fd, const void *buf, size_t len)
{
	static ssize_t (*real)(int, const void *, size_t);
	if (!real)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	if (wanted("write") && fd_kind(fd) == 1) {
		if (killing() && len > 1)
			real(fd, buf, len / 2);
		return fail();
	}
	return real(fd, buf, len);
}

int
fsync(int fd)
{
	static int (*real)(int);
	if (!real)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	int kind = fd_kind(fd);
	if ((wanted("fsync") && kind == 1) || (wanted("dirfsync") && kind == 2))
		return fail();
	return real(fd);
}

int
rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	if (!real)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
	if (wanted("rename") && strstr(from, ".tmp"))
		return fail();
	return real(from, to);
}

static void
signal_before_wait(const struct pollfd *fds, nfds_t n, int forever)
{
	static int done;
	if (!wanted("wait-signal") || done || !forever || n != 1 || fds[0].fd != 0)
		return;
	done = 1;
	raise(SIGTERM);
}

int
poll(struct pollfd *fds, nfds_t n, int timeout)
{
	static int (*real)(struct pollfd *, nfds_t, int);
	if (!real)
		real = (int (*)(struct pollfd *, nfds_t, int))dlsym(RTLD_NEXT, "poll");
	signal_before_wait(fds, n, timeout < 0);
	return real(fds, n, timeout);
}

int
ppoll(struct pollfd *fds, nfds_t n, const struct timespec *t, const sigset_t *mask)
{
	static int (*real)(struct pollfd *, nfds_t, const struct timespec *,
	    const sigset_t *);
	if (!real)
		real = (int (*)(struct pollfd *, nfds_t, const struct timespec *,
		    const sigset_t *))dlsym(RTLD_NEXT, "ppoll");
	signal_before_wait(fds, n, t == NULL);
	return real(fds, n, t, mask);
}
