/* state.c: see state.h.
 *
 * The file, one item a line:
 *
 *     bedside-state 1
 *     level clinician
 *     bookmark af-anticoagulation
 *     recent af-anticoagulation
 *     history af-anticoagulation answer 0
 *     cite 2
 *     history af-anticoagulation references 14
 *     mark 2,3
 *     position 0
 *
 * A "cite" or "mark" line is what was highlighted at the history entry
 * just before it (the selected citation, counted from 0; the marked
 * reference numbers). They are lines of their own, not more words on the
 * history line, so that an older bedside sharing the file skips them
 * and keeps the entry.
 *
 * Anyone can edit or break the file, so every line is checked and a line
 * that does not make sense is skipped; the worst a broken file does is
 * forget things. */
#include "config.h"
#include "state.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "db.h"

#define STATE_HEADER "bedside-state 1"
#define NAME_MAX_LEN 128

bool
state_name_ok(const char *s, size_t len)
{
	if (len == 0 || len > NAME_MAX_LEN)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_'))
			return false;
	return true;
}

static void
strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
clear(struct state *st)
{
	free(st->level);
	st->level = NULL;
	strings_free(st->bookmarks, st->nbookmarks);
	strings_free(st->recent, st->nrecent);
	st->bookmarks = st->recent = NULL;
	st->nbookmarks = st->nrecent = 0;
	for (size_t i = 0; i < st->nhistory; i++)
		free(st->history[i].id);
	free(st->history);
	st->history = NULL;
	st->nhistory = st->pos = 0;
}

void
state_free(struct state *st)
{
	clear(st);
	strings_free(st->added, st->nadded);
	strings_free(st->removed, st->nremoved);
	free(st->dir);
	free(st->problem);
	memset(st, 0, sizeof *st);
}

/* "PATH: what failed: why", the form of every problem bedside lists on
 * stderr at exit. */
static void
set_problem(struct state *st, const char *path, const char *what, int err)
{
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s: %s: %s", path, what, strerror(err));
	free(st->problem);
	st->problem = buf_detach(&b);
	st->usable = false;
}

/* mkdir -p, the last component private to the user. */
static int
make_dirs(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;

	for (char *s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;
			*s = '\0';
			if (mkdir(p, c ? 0755 : 0700) != 0 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*s = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return rc;
}

static void
push_string(char ***v, size_t *n, const char *s, size_t len)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = xstrndup(s, len);
}

static size_t
find(char *const *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], id) == 0)
			return i;
	return (size_t)-1;
}

/* Takes id out of v, if it is there. */
static void
drop_string(char **v, size_t *n, const char *id)
{
	size_t i = find(v, *n, id);
	if (i == (size_t)-1)
		return;
	free(v[i]);
	memmove(v + i, v + i + 1, (*n - i - 1) * sizeof *v);
	(*n)--;
}

/* Splits a line into words separated by runs of spaces and tabs; more
 * than max words gives max + 1. */
static int
words(char *line, char **w, int max)
{
	int n = 0;
	for (char *p = strtok(line, " \t"); p && n < max; p = strtok(NULL, " \t"))
		w[n++] = p;
	return strtok(NULL, " \t") ? max + 1 : n;
}

static bool
number(const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* "2,3" into l's marks; a list with anything else in it marks nothing. */
static void
parse_marks(struct state_loc *l, char *list)
{
	int nums[STATE_MARKS_MAX];
	size_t n = 0;

	for (char *p = list, *comma; p; p = comma ? comma + 1 : NULL) {
		comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		if (n == STATE_MARKS_MAX || !number(p, 1, INT_MAX / 2, &nums[n]))
			return;
		n++;
	}
	memcpy(l->marks, nums, n * sizeof *nums);
	l->nmarks = n;
}

bool
state_parse(struct state *st, const char *text, size_t len)
{
	const char *p = text, *e = text + len;
	bool header = false;
	int pos = -1;

	clear(st);
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);
		char line[512], *w[5];
		int nw;

		if (n >= sizeof line || memchr(p, '\0', n)) {
			p += n + 1;
			continue;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p += n + 1;
		if (!header) {
			if (strcmp(line, STATE_HEADER) == 0)
				header = true;
			else if (line[0] != '#')
				return false;   /* not our file: ignore it all */
			continue;
		}
		nw = words(line, w, 4);
		if (nw < 2 || w[0][0] == '#')
			continue;
		size_t l1 = strlen(w[1]);
		if (strcmp(w[0], "level") == 0 && nw == 2 && state_name_ok(w[1], l1)) {
			free(st->level);
			st->level = xstrdup(w[1]);
		} else if (strcmp(w[0], "bookmark") == 0 && nw == 2 &&
		    state_name_ok(w[1], l1)) {
			if (find(st->bookmarks, st->nbookmarks, w[1]) == (size_t)-1 &&
			    st->nbookmarks < STATE_BOOKMARKS_MAX)
				push_string(&st->bookmarks, &st->nbookmarks, w[1], l1);
		} else if (strcmp(w[0], "recent") == 0 && nw == 2 &&
		    state_name_ok(w[1], l1)) {
			if (find(st->recent, st->nrecent, w[1]) == (size_t)-1 &&
			    st->nrecent < STATE_RECENT_MAX)
				push_string(&st->recent, &st->nrecent, w[1], l1);
		} else if (strcmp(w[0], "history") == 0 && nw == 4 &&
		    state_name_ok(w[1], l1)) {
			int pane = db_kind_by_name(w[2]), scroll;
			if (pane < 0 || !number(w[3], 0, INT_MAX / 2, &scroll) ||
			    st->nhistory >= STATE_HISTORY_MAX)
				continue;
			st->history = xrealloc(st->history,
			    (st->nhistory + 1) * sizeof *st->history);
			st->history[st->nhistory].id = xstrdup(w[1]);
			st->history[st->nhistory].pane = pane;
			st->history[st->nhistory].scroll = scroll;
			st->history[st->nhistory].cite = -1;
			st->history[st->nhistory].nmarks = 0;
			st->nhistory++;
		} else if (strcmp(w[0], "cite") == 0 && nw == 2 && st->nhistory) {
			int cite;
			if (number(w[1], 0, INT_MAX / 2, &cite))
				st->history[st->nhistory - 1].cite = cite;
		} else if (strcmp(w[0], "mark") == 0 && nw == 2 && st->nhistory) {
			parse_marks(&st->history[st->nhistory - 1], w[1]);
		} else if (strcmp(w[0], "position") == 0 && nw == 2) {
			number(w[1], 0, STATE_HISTORY_MAX, &pos);
		}
	}
	if (st->nhistory)
		st->pos = pos >= 0 && (size_t)pos < st->nhistory ? (size_t)pos :
		    st->nhistory - 1;
	return header;
}

void
state_format(const struct state *st, struct buf *out)
{
	buf_adds(out, "# bedside: what the browser remembers; safe to delete\n");
	buf_adds(out, STATE_HEADER "\n");
	if (st->level)
		buf_addf(out, "level %s\n", st->level);
	for (size_t i = 0; i < st->nbookmarks; i++)
		buf_addf(out, "bookmark %s\n", st->bookmarks[i]);
	for (size_t i = 0; i < st->nrecent; i++)
		buf_addf(out, "recent %s\n", st->recent[i]);
	for (size_t i = 0; i < st->nhistory; i++) {
		const struct state_loc *l = &st->history[i];
		buf_addf(out, "history %s %s %d\n", l->id,
		    db_kind_name((enum db_kind)l->pane), l->scroll);
		if (l->cite >= 0)
			buf_addf(out, "cite %d\n", l->cite);
		for (size_t k = 0; k < l->nmarks; k++)
			buf_addf(out, "%s%d%s", k ? "," : "mark ", l->marks[k],
			    k + 1 == l->nmarks ? "\n" : "");
	}
	if (st->nhistory)
		buf_addf(out, "position %zu\n", st->pos);
}

/* Reads the file in dir into st: 1 if it is there and ours, 0 if there
 * is none, -1 if it cannot be read or is not ours. */
static int
read_file(const char *dir, struct state *st)
{
	struct buf path = BUF_INIT;
	int rc = -1;
	buf_addf(&path, "%s/%s", dir, STATE_FILE);
	/* Through a symbolic link too: saving writes where it points. */
	int fd = open(path.data, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat sb;
	if (fd < 0 && errno == ENOENT)
		rc = 0;
	if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    sb.st_size <= STATE_FILE_MAX) {
		char *data = xmalloc((size_t)sb.st_size + 1);
		size_t got = 0;
		ssize_t n;
		while (got < (size_t)sb.st_size &&
		    (n = read(fd, data + got, (size_t)sb.st_size - got)) > 0)
			got += (size_t)n;
		rc = state_parse(st, data, got) ? 1 : -1;
		free(data);
	}
	if (fd >= 0)
		close(fd);
	buf_free(&path);
	return rc;
}

static void
load(struct state *st)
{
	read_file(st->dir, st);
}

/* The bookmarks as the file has them now (another browser of the same
 * user may have saved since this one read it), with this one's own
 * changes since its last save on top. A file that cannot be read
 * leaves them as they are. */
static void
merge_bookmarks(struct state *st)
{
	struct state disk;

	memset(&disk, 0, sizeof disk);
	if (read_file(st->dir, &disk) < 0) {
		state_free(&disk);
		return;
	}
	for (size_t i = 0; i < st->nremoved; i++)
		drop_string(disk.bookmarks, &disk.nbookmarks, st->removed[i]);
	for (size_t i = 0; i < st->nadded; i++)
		if (find(disk.bookmarks, disk.nbookmarks, st->added[i]) == (size_t)-1)
			push_string(&disk.bookmarks, &disk.nbookmarks, st->added[i],
			    strlen(st->added[i]));
	while (disk.nbookmarks > STATE_BOOKMARKS_MAX)
		drop_string(disk.bookmarks, &disk.nbookmarks, disk.bookmarks[0]);
	strings_free(st->bookmarks, st->nbookmarks);
	st->bookmarks = disk.bookmarks;
	st->nbookmarks = disk.nbookmarks;
	disk.bookmarks = NULL;
	disk.nbookmarks = 0;
	state_free(&disk);
}

void
state_init(struct state *st, bool secure)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	struct buf dir = BUF_INIT;
	struct stat sb;

	memset(st, 0, sizeof *st);
	if (secure)
		return;
	/* XDG: a relative path is invalid and must be ignored. */
	if (xdg && xdg[0] == '/')
		buf_addf(&dir, "%s/bedside", xdg);
	else if (home && home[0] == '/')
		buf_addf(&dir, "%s/.local/state/bedside", home);
	else {
		st->problem =
		    xstrdup("no state folder: neither XDG_STATE_HOME nor HOME is set");
		return;
	}
	st->dir = buf_detach(&dir);
	if (make_dirs(st->dir) != 0)
		set_problem(st, st->dir, "cannot create the state folder", errno);
	else if (stat(st->dir, &sb) != 0)
		set_problem(st, st->dir, "cannot use the state folder", errno);
	else if (!S_ISDIR(sb.st_mode))
		set_problem(st, st->dir, "cannot use the state folder", ENOTDIR);
	else if (access(st->dir, W_OK | X_OK) != 0)
		set_problem(st, st->dir, "cannot write in the state folder", errno);
	else
		st->usable = true;
	load(st);
}

int
state_save(struct state *st)
{
	if (st->dir == NULL || !st->dirty)
		return 0;
	if (!st->usable)
		return -1;
	struct buf b = BUF_INIT;
	merge_bookmarks(st);
	state_format(st, &b);
	int rc = atomic_write(st->dir, STATE_FILE, b.data, b.len, 0600);
	if (rc != 0) {
		int why = errno;
		struct buf path = BUF_INIT;
		buf_addf(&path, "%s/%s", st->dir, STATE_FILE);
		set_problem(st, path.data, "cannot save the state", why);
		buf_free(&path);
	} else {
		st->dirty = false;
		/* In the file now: what another browser does next wins. */
		strings_free(st->added, st->nadded);
		strings_free(st->removed, st->nremoved);
		st->added = st->removed = NULL;
		st->nadded = st->nremoved = 0;
	}
	buf_free(&b);
	return rc;
}

void
state_set_level(struct state *st, const char *level)
{
	if (st->level && strcmp(st->level, level) == 0)
		return;
	free(st->level);
	st->level = xstrdup(level);
	st->dirty = true;
}

bool
state_is_bookmarked(const struct state *st, const char *id)
{
	return find(st->bookmarks, st->nbookmarks, id) != (size_t)-1;
}

bool
state_bookmark_toggle(struct state *st, const char *id)
{
	size_t i = find(st->bookmarks, st->nbookmarks, id);
	st->dirty = true;
	if (i != (size_t)-1) {
		drop_string(st->bookmarks, &st->nbookmarks, id);
		drop_string(st->added, &st->nadded, id);
		if (find(st->removed, st->nremoved, id) == (size_t)-1)
			push_string(&st->removed, &st->nremoved, id, strlen(id));
		return false;
	}
	drop_string(st->removed, &st->nremoved, id);
	if (find(st->added, st->nadded, id) == (size_t)-1)
		push_string(&st->added, &st->nadded, id, strlen(id));
	if (st->nbookmarks >= STATE_BOOKMARKS_MAX) {
		free(st->bookmarks[0]);
		memmove(st->bookmarks, st->bookmarks + 1,
		    (st->nbookmarks - 1) * sizeof *st->bookmarks);
		st->nbookmarks--;
	}
	push_string(&st->bookmarks, &st->nbookmarks, id, strlen(id));
	return true;
}

void
state_recent_add(struct state *st, const char *id)
{
	size_t i = find(st->recent, st->nrecent, id);
	char *keep;

	if (i == 0)
		return;
	if (i == (size_t)-1) {
		if (st->nrecent >= STATE_RECENT_MAX)
			free(st->recent[--st->nrecent]);
		st->recent = xrealloc(st->recent, (st->nrecent + 1) * sizeof *st->recent);
		keep = xstrdup(id);
		i = st->nrecent++;
	} else {
		keep = st->recent[i];
	}
	memmove(st->recent + 1, st->recent, i * sizeof *st->recent);
	st->recent[0] = keep;
	st->dirty = true;
}

void
state_history_visit(struct state *st, const char *id, int pane, int scroll)
{
	if (st->nhistory) {
		for (size_t i = st->pos + 1; i < st->nhistory; i++)
			free(st->history[i].id);
		st->nhistory = st->pos + 1;
	}
	if (st->nhistory >= STATE_HISTORY_MAX) {
		free(st->history[0].id);
		memmove(st->history, st->history + 1,
		    (st->nhistory - 1) * sizeof *st->history);
		st->nhistory--;
	}
	st->history = xrealloc(st->history, (st->nhistory + 1) * sizeof *st->history);
	st->history[st->nhistory].id = xstrdup(id);
	st->history[st->nhistory].pane = pane;
	st->history[st->nhistory].scroll = scroll;
	st->history[st->nhistory].cite = -1;
	st->history[st->nhistory].nmarks = 0;
	st->pos = st->nhistory++;
	st->dirty = true;
}

void
state_history_update(struct state *st, int pane, int scroll)
{
	if (st->nhistory == 0)
		return;
	struct state_loc *l = &st->history[st->pos];
	if (l->pane != pane || l->scroll != scroll) {
		l->pane = pane;
		l->scroll = scroll;
		st->dirty = true;
	}
}

void
state_history_highlight(struct state *st, int cite, const int *marks, size_t n)
{
	if (st->nhistory == 0)
		return;
	struct state_loc *l = &st->history[st->pos];
	if (cite < 0)
		cite = -1;
	if (n > STATE_MARKS_MAX)
		n = STATE_MARKS_MAX;
	if (l->cite != cite || l->nmarks != n ||
	    (n && memcmp(l->marks, marks, n * sizeof *marks) != 0)) {
		l->cite = cite;
		if (n)
			memcpy(l->marks, marks, n * sizeof *marks);
		l->nmarks = n;
		st->dirty = true;
	}
}

void
state_history_drop(struct state *st, bool forward)
{
	if (st->nhistory == 0)
		return;
	free(st->history[st->pos].id);
	memmove(&st->history[st->pos], &st->history[st->pos + 1],
	    (st->nhistory - st->pos - 1) * sizeof *st->history);
	st->nhistory--;
	/* Stepping back, the entry stepped from has moved down into pos. */
	if ((forward || st->pos >= st->nhistory) && st->pos > 0)
		st->pos--;
	st->dirty = true;
}

const struct state_loc *
state_history_current(const struct state *st)
{
	return st->nhistory ? &st->history[st->pos] : NULL;
}

const struct state_loc *
state_history_back(struct state *st)
{
	if (st->nhistory == 0 || st->pos == 0)
		return NULL;
	st->pos--;
	st->dirty = true;
	return &st->history[st->pos];
}

const struct state_loc *
state_history_forward(struct state *st)
{
	if (st->nhistory == 0 || st->pos + 1 >= st->nhistory)
		return NULL;
	st->pos++;
	st->dirty = true;
	return &st->history[st->pos];
}
