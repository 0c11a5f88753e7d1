/* linefile.c: see linefile.h. */
#include "linefile.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void
linefile_report(const struct linefile *lf, const char *name, unsigned long line,
    const char *reason)
{
	if (lf->report == NULL)
		return;
	/* The file name comes from the user or the environment: safe too. */
	char *safe = text_sanitized(name, TEXT_TABS_AS_SPACE);
	struct buf msg = BUF_INIT;
	if (line > 0)
		buf_addf(&msg, "%s:%lu: %s", safe, line, reason);
	else
		buf_addf(&msg, "%s: %s", safe, reason);
	lf->report(lf->report_ctx, msg.data);
	buf_free(&msg);
	free(safe);
}

int
linefile_parse(const struct linefile *lf, const char *name, const char *data,
    size_t len)
{
	char *line = xmalloc(lf->max_line + 1);
	struct buf why = BUF_INIT;
	size_t pos = 0;
	unsigned long lineno = 0;
	int bad = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		pos = 3;        /* the byte-order mark some editors add */
	while (pos < len) {
		const char *start = data + pos;
		const char *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;
		const char *reason;

		pos += n + (nl != NULL);
		lineno++;
		if (n > 0 && start[n - 1] == '\r')
			n--;
		buf_truncate(&why, 0);
		if (n > lf->max_line) {
			buf_addf(&why, "line too long (over %zu bytes)", lf->max_line);
			reason = why.data;
		} else if (memchr(start, '\0', n) != NULL) {
			reason = "line contains a NUL byte";
		} else {
			memcpy(line, start, n);
			line[n] = '\0';
			reason = lf->line(lf->line_ctx, lineno, line, &why);
		}
		if (reason != NULL) {
			bad++;
			linefile_report(lf, name, lineno, reason);
		}
	}
	buf_free(&why);
	free(line);
	return bad;
}

int
linefile_load(const struct linefile *lf, const char *path)
{
	char why[256];
	/* Without O_NONBLOCK, a FIFO in the file's place would hold the
	 * browser at start, on a blank screen, until something wrote to it. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat sb;
	FILE *f = NULL;
	if (fd < 0) {
		if (lf->missing_ok && (errno == ENOENT || errno == ENOTDIR))
			return 0;
		snprintf(why, sizeof why, "cannot open: %s", strerror(errno));
		linefile_report(lf, path, 0, why);
		return -1;
	}
	if (fstat(fd, &sb) == 0 && (S_ISFIFO(sb.st_mode) || S_ISSOCK(sb.st_mode))) {
		close(fd);
		linefile_report(lf, path, 0, "cannot read: not a regular file");
		return -1;
	}
	if ((f = fdopen(fd, "rb")) == NULL) {
		snprintf(why, sizeof why, "cannot open: %s", strerror(errno));
		close(fd);
		linefile_report(lf, path, 0, why);
		return -1;
	}
	/* One byte over the limit tells a too-large file from a full one. */
	char *data = xmalloc(lf->max_file + 1);
	errno = 0;
	size_t len = fread(data, 1, lf->max_file + 1, f);
	int err = ferror(f) ? (errno ? errno : EIO) : 0;
	int bad = -1;
	fclose(f);
	if (err != 0) {
		snprintf(why, sizeof why, "cannot read: %s", strerror(err));
		linefile_report(lf, path, 0, why);
	} else if (len > lf->max_file) {
		snprintf(why, sizeof why, "too large for a %s (over %zu bytes)",
		    lf->kind, lf->max_file);
		linefile_report(lf, path, 0, why);
	} else {
		bad = linefile_parse(lf, path, data, len);
	}
	free(data);
	return bad;
}
