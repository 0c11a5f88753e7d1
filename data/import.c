/* import.c: see import.h. */
#include "config.h"
#include "import.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "db.h"
#include "db_internal.h"
#include "diag.h"
#include "import_files.h"
#include "import_parse.h"
#include "import_write.h"
#include "path.h"
#include "text.h"

#define MAX_LEVELS DB_LEVEL_ROWS /* search rows per article (db_internal.h) */

/* Whether the database an import failed to write from is itself damaged
 * (SQLite's quick_check, run only then): that is exit 3, as every other
 * command says of it, not the articles' rejection (4). */
static bool
db_damaged(struct db *db)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_handle(db), "PRAGMA quick_check(1)", -1, &st,
	    NULL) != SQLITE_OK)
		return false;
	int rc = sqlite3_step(st);
	const char *r = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	bool bad = rc == SQLITE_ROW ? r == NULL || strcmp(r, "ok") != 0 :
	    (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
	sqlite3_finalize(st);
	return bad;
}

/* Level and status names, from the database or, for a new one, from the
 * schema this program would create. */
static int
load_rules(sqlite3 *h, struct article_rules *r)
{
	sqlite3_stmt *st;
	memset(r, 0, sizeof *r);
	if (sqlite3_prepare_v2(h, "SELECT name FROM levels ORDER BY position", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && r->nlevels < MAX_LEVELS) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (name == NULL)	/* a table edited by hand; check says so */
			continue;
		r->levels = xrealloc(r->levels, (r->nlevels + 1) * sizeof *r->levels);
		r->levels[r->nlevels++] = xstrdup(name);
	}
	sqlite3_finalize(st);
	/* A damaged table is no list of levels: every article would be
	 * told its levels are unknown. */
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return -1;
	if (sqlite3_prepare_v2(h, "SELECT name FROM statuses ORDER BY position", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (name == NULL)	/* a table edited by hand; check says so */
			continue;
		r->statuses = xrealloc(r->statuses,
		    (r->nstatuses + 1) * sizeof *r->statuses);
		r->statuses[r->nstatuses++] = xstrdup(name);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void
rules_free(struct article_rules *r)
{
	db_strings_free(r->levels, r->nlevels);
	db_strings_free(r->statuses, r->nstatuses);
}

static bool
rules_equal(const struct article_rules *a, const struct article_rules *b)
{
	if (a->nlevels != b->nlevels || a->nstatuses != b->nstatuses)
		return false;
	for (size_t i = 0; i < a->nlevels; i++)
		if (strcmp(a->levels[i], b->levels[i]) != 0)
			return false;
	for (size_t i = 0; i < a->nstatuses; i++)
		if (strcmp(a->statuses[i], b->statuses[i]) != 0)
			return false;
	return true;
}

static int
fsync_path(const char *path, bool dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Removes the new files of imports that were killed outright (SIGKILL,
 * a power cut): with the lock held, no other import is writing one. */
static void
remove_stale_tmps(const char *dir, const char *dbpath)
{
	const char *slash = strrchr(dbpath, '/');
	const char *base = slash ? slash + 1 : dbpath;
	size_t blen = strlen(base);
	DIR *dh = opendir(dir);
	if (dh == NULL)
		return;
	struct dirent *e;
	while ((e = readdir(dh)) != NULL) {
		/* DBNAME.import-XXXXXX, as mkstemp makes them */
		if (strncmp(e->d_name, base, blen) != 0 ||
		    strncmp(e->d_name + blen, ".import-", 8) != 0 ||
		    strlen(e->d_name + blen + 8) != 6)
			continue;
		struct buf path = BUF_INIT;
		buf_addf(&path, "%s/%s", dir, e->d_name);
		unlink(path.data);
		buf_free(&path);
	}
	closedir(dh);
}

static int
count_articles(struct db *db)
{
	sqlite3_stmt *st;
	int n = 0;
	if (sqlite3_prepare_v2(db_handle(db), "SELECT count(*) FROM articles", -1, &st,
	    NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

/* An article the database has at a level this file lacks (an author's
 * edit of a one-level export, show --format markdown --level L) would
 * lose that level's text when replaced: said once per level, as a
 * warning, since a level may be dropped on purpose. */
static void
warn_dropped_levels(struct db *db, sqlite3_stmt **st, const struct import_item *it,
    struct diag *d)
{
	if (db == NULL || it->d.errors > 0 || it->a.id == NULL)
		return;
	if (*st == NULL && sqlite3_prepare_v2(db_handle(db), "SELECT DISTINCT level "
	    "FROM sections WHERE article_id = ?1 AND level IS NOT NULL ORDER BY level",
	    -1, st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(*st, 1, it->a.id, -1, SQLITE_STATIC);
	while (sqlite3_step(*st) == SQLITE_ROW) {
		const char *level = (const char *)sqlite3_column_text(*st, 0);
		if (level && !article_has_level(&it->a, level))
			diag_warning(d, it->a.file, it->a.id_line, "replacing '%s', "
			    "which has %s text, with this file, which has none, "
			    "removes that text", it->a.id, level);
	}
	sqlite3_reset(*st);
}

/* One statement for every lookup: an import checks each related id and,
 * with --replace, each imported id against the old database. */
static bool
id_in_db(struct db *db, sqlite3_stmt **st, const char *id)
{
	bool found = false;
	if (db == NULL)
		return false;
	if (*st == NULL && sqlite3_prepare_v2(db_handle(db),
	    "SELECT 1 FROM articles WHERE id = ?1", -1, st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(*st, 1, id, -1, SQLITE_STATIC);
	found = sqlite3_step(*st) == SQLITE_ROW;
	sqlite3_reset(*st);
	return found;
}

/* The ids of this import, so that duplicates and related ids are found in
 * constant time: a comparison with every earlier article made a 100,000
 * article import quadratic (minutes of strcmp). Open addressing; a slot
 * holds an index into the article array plus one, 0 when empty. */
struct id_index {
	size_t *slot;
	size_t mask;
};

static void
id_index_init(struct id_index *x, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	x->slot = xcalloc(cap, sizeof *x->slot);
	x->mask = cap - 1;
}

/* The slot that holds id, or the empty slot where it belongs. */
static size_t *
id_index_slot(const struct id_index *x, const struct article *arts, const char *id)
{
	uint64_t h = 1469598103934665603u;          /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	for (size_t i = (size_t)h & x->mask;; i = (i + 1) & x->mask)
		if (x->slot[i] == 0 || strcmp(arts[x->slot[i] - 1].id, id) == 0)
			return &x->slot[i];
}

/* The new file grows as large as the database, and a signal's default
 * action (Ctrl-C, a dropped SSH session, kill, the warnings piped into a
 * `head` that has quit) would leave it beside the database. While it
 * exists, those signals remove it first; one that the process was
 * started ignoring (nohup) stays ignored. */
static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
#define NFATAL (sizeof fatal_signals / sizeof *fatal_signals)
static struct sigaction saved_actions[NFATAL];
static char *volatile tmp_to_remove;

static void
remove_tmp_and_die(int sig)
{
	char *t = tmp_to_remove;
	if (t)
		unlink(t);
	signal(sig, SIG_DFL);
	raise(sig);             /* delivered, with the default action, on return */
}

static void
fatal_signals_mask(sigset_t *set)
{
	sigemptyset(set);
	for (size_t i = 0; i < NFATAL; i++)
		sigaddset(set, fatal_signals[i]);
}

/* Creates the new file from template tmp (as mkstemp) with the signals
 * set to remove it; no signal can come between the two. */
static int
tmp_create(char *tmp)
{
	struct sigaction sa;
	sigset_t block, old;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = remove_tmp_and_die;
	fatal_signals_mask(&sa.sa_mask);
	fatal_signals_mask(&block);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	int fd = mkstemp(tmp);
	if (fd >= 0) {
		tmp_to_remove = tmp;
		for (size_t i = 0; i < NFATAL; i++) {
			sigaction(fatal_signals[i], NULL, &saved_actions[i]);
			if (saved_actions[i].sa_handler != SIG_IGN)
				sigaction(fatal_signals[i], &sa, NULL);
		}
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return fd;
}

/* The new file is renamed or removed: the signals act as before. */
static void
tmp_forget(void)
{
	sigset_t block, old;
	fatal_signals_mask(&block);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	if (tmp_to_remove) {
		tmp_to_remove = NULL;
		for (size_t i = 0; i < NFATAL; i++)
			sigaction(fatal_signals[i], &saved_actions[i], NULL);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* The first articles are checked before anything is locked, copied or
 * written: an import of a few files with a problem (an author's usual
 * import) is turned down at once, and leaves the database's folder as it
 * was. Those of a larger import are written as they come after these. */
#define CHECKED_FIRST 64

/* What checking the articles of an import one by one needs. */
struct checks {
	struct diag *d;         /* every problem so far, in file order */
	struct article *arts;   /* per file: what the checks across files need */
	struct id_index ids;
	size_t bad;             /* files with a problem */
};

/* Records the problems of it, the article of file i, with those only
 * seen across files (a duplicate id), and keeps its file, id and related
 * ids for the checks at the end. */
static void
check_item(struct checks *c, size_t i, struct import_item *it)
{
	int before = c->d->errors;
	diag_move(c->d, &it->d);
	if (it->a.id == NULL) {
		c->bad += c->d->errors > before;
		return;
	}
	struct article *keep = &c->arts[i];
	keep->file = xstrdup(it->a.file);
	keep->id = xstrdup(it->a.id);
	keep->id_line = it->a.id_line;
	keep->nrelated = it->a.nrelated;
	keep->related = xcalloc(it->a.nrelated ? it->a.nrelated : 1, sizeof *keep->related);
	keep->related_lines = xcalloc(it->a.nrelated ? it->a.nrelated : 1,
	    sizeof *keep->related_lines);
	for (size_t r = 0; r < it->a.nrelated; r++) {
		keep->related[r] = xstrdup(it->a.related[r]);
		keep->related_lines[r] = it->a.related_lines[r];
	}
	size_t *slot = id_index_slot(&c->ids, c->arts, it->a.id);
	if (*slot == 0) {
		*slot = i + 1;
	} else {
		const struct article *first = &c->arts[*slot - 1];
		diag_error(c->d, it->a.file, it->a.id_line, "duplicate id '%s' (also "
		    "in %s:%d)", it->a.id, first->file, first->id_line);
	}
	c->bad += c->d->errors > before;
}

/* Writes it, unless a problem has been found: then nothing more is
 * written, and what was is thrown away. Frees it; -1 if it could not be
 * written. */
static int
write_item(struct import_writer **w, const struct diag *d, struct import_item *it,
    struct import_result *res, FILE *errors)
{
	if (*w && d->errors > 0) {
		import_writer_close(*w);
		*w = NULL;
	}
	int r = *w ? import_writer_add(*w, it, errors) : 0;
	import_item_free(it);
	if (r < 0)
		return -1;
	res->replaced += r;
	return 0;
}

/* The database was opened, and its rules read, before the lock: another
 * import may have replaced (or made) it since. Starts from the file as
 * it is now, so that import's articles are kept; returns -1, saying
 * why, if the files were checked against rules it no longer has. */
static int
reopen_if_replaced(struct import_plan *plan, struct db **old, bool *exists,
    struct stat *st, const struct article_rules *rules, struct import_result *res,
    FILE *errors)
{
	struct stat now;
	bool there = stat(plan->dbpath, &now) == 0;
	if (there == *exists && (!there || (now.st_dev == st->st_dev &&
	    now.st_ino == st->st_ino)))
		return 0;
	struct buf err = BUF_INIT;
	struct db *db = there ? db_open(plan->dbpath, DB_READ, &err) : NULL;
	buf_free(&err);
	struct article_rules r = { NULL, 0, NULL, 0 };
	bool same = db && load_rules(db_handle(db), &r) == 0 && rules_equal(&r, rules) &&
	    db_version(db) == plan->from;
	rules_free(&r);
	if (!same) {
		db_close(db);
		import_error(errors, plan->dbpath, "the database was replaced by another "
		    "import while this one read its files; run it again");
		return -1;
	}
	db_close(*old);
	*old = db;
	*exists = true;
	*st = now;
	if (plan->opt->replace_all) {
		plan->site = db;
		res->removed = count_articles(db);
	} else {
		plan->base = db;
	}
	return 0;
}

/* Takes the lock, and creates the new file beside the database's file
 * (in dir) in *tmp; on errors, says why and returns -1. */
static int
prepare_new_file(const struct import_plan *p, const char *dir, bool exists,
    const struct stat *st, int *lockfd, char **tmp, FILE *errors)
{
	const char *dbpath = p->dbpath;
	/* One importer at a time; readers never take this lock. */
	struct buf lockpath = BUF_INIT;
	buf_addf(&lockpath, "%s.lock", p->file);
	*lockfd = open(lockpath.data, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	/* Most often the folder cannot be written: name the file, so that
	 * "cannot lock" is not taken for another import holding the lock. */
	if (*lockfd < 0) {
		const char *base = strrchr(lockpath.data, '/');
		import_error(errors, dbpath, "cannot create the lock file %s beside "
		    "it: %s", base ? base + 1 : lockpath.data, strerror(errno));
		buf_free(&lockpath);
		return -1;
	}
	buf_free(&lockpath);
	if (flock(*lockfd, LOCK_EX) != 0) {
		import_error(errors, dbpath, "cannot lock the database for import: %s",
		    strerror(errno));
		return -1;
	}
	remove_stale_tmps(dir, p->file);
	struct buf tb = BUF_INIT;
	buf_addf(&tb, "%s.import-XXXXXX", p->file);
	*tmp = buf_detach(&tb);
	int fd = tmp_create(*tmp);
	if (fd < 0) {
		import_error(errors, dbpath, "cannot create a file beside the database: %s",
		    strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, exists ? (st->st_mode & 07777) : (0666 & ~mask));
	close(fd);
	return 0;
}

int
import_paths(const char *dbpath, char *const *paths, int npaths,
    const struct import_options *opt, struct import_result *res, FILE *errors)
{
	struct diag d = DIAG_INIT;
	struct file_list files = { NULL, 0, NULL };
	struct article_rules rules;
	struct article *arts = NULL;
	struct import_feed *feed = NULL;
	struct import_writer *writer = NULL;
	struct checks checks = { NULL, NULL, { NULL, 0 }, 0 };
	sqlite3_stmt *lookup = NULL, *levels = NULL;
	struct db *old = NULL;
	int status = IMPORT_REJECTED, lockfd = -1;
	char *tmp = NULL, *dir = NULL, *file = NULL;

	memset(res, 0, sizeof *res);

	/* The rules come from the database being imported into, so a site
	 * that adds a reading level or status needs no new program. */
	struct stat st;
	bool exists = stat(dbpath, &st) == 0;
	/* Nothing there (or a file where a folder should be) is a database
	 * to make, and not being able to make it rejects the import (4).
	 * A path that cannot even be looked at (links that go round, a
	 * folder on the way that may not be searched) names a database that
	 * cannot be read: 3, as a folder is and as every other command
	 * says, and before any article is read. */
	if (!exists && errno != ENOENT && errno != ENOTDIR) {
		import_error(errors, dbpath, "cannot open database: %s", strerror(errno));
		return IMPORT_DB_ERROR;
	}
	/* An empty file (made by touch or mktemp for the import) holds no
	 * database to keep: one is made in it, as sqlite3 would, keeping
	 * the file's permissions. */
	bool empty = exists && S_ISREG(st.st_mode) && st.st_size == 0;
	if (exists && !empty) {
		struct buf err = BUF_INIT;
		old = db_open(dbpath, DB_READ, &err);
		if (old == NULL) {
			char *safe = text_sanitized(err.data, TEXT_TABS_AS_SPACE);
			text_fputs(safe, errors);
			fputc('\n', errors);
			free(safe);
			buf_free(&err);
			return IMPORT_DB_ERROR;
		}
		buf_free(&err);
		/* As the other commands say of a database they cannot read
		 * (3), before any article is read. */
		if (load_rules(db_handle(old), &rules) != 0) {
			import_error(errors, dbpath, "cannot read the reading levels "
			    "and statuses: %s", sqlite3_errmsg(db_handle(old)));
			rules_free(&rules);
			db_close(old);
			return IMPORT_DB_ERROR;
		}
	} else {
		sqlite3 *mem;
		struct buf err = BUF_INIT;
		sqlite3_open(":memory:", &mem);
		db_create_schema(mem, &err);
		load_rules(mem, &rules);
		sqlite3_close(mem);
		buf_free(&err);
	}

	for (int i = 0; i < npaths; i++)
		import_collect(paths[i], &files, &d);
	if (files.n == 0 && d.errors == 0)
		diag_error(&d, npaths ? paths[0] : ".", 0, "no .md articles found");

	/* Each file is checked and written as it is parsed, in file order,
	 * into a new file that only replaces the database if every file
	 * passed: after the first problem, the rest are only checked. The
	 * problems come out in file order, each duplicate id after its file's
	 * own. */
	arts = xcalloc(files.n ? files.n : 1, sizeof *arts);
	checks = (struct checks){ &d, arts, { NULL, 0 }, 0 };
	id_index_init(&checks.ids, files.n);
	/* Messages name dbpath, as given; the files are made beside the
	 * database itself. A path whose file cannot be found is used as it
	 * is (creating beside it fails, saying why), unless it is a link:
	 * that would be renamed over. */
	int unfollowed = 0;
	if ((file = path_resolve(dbpath)) == NULL) {
		struct stat lst;
		int why = errno;
		if (lstat(dbpath, &lst) == 0 && S_ISLNK(lst.st_mode))
			unfollowed = why;
		file = xstrdup(dbpath);
	}
	dir = path_dir_of(file);
	if (old && opt->replace_all)
		res->removed = count_articles(old);
	struct import_plan plan = {
		.dbpath = dbpath, .file = file, .base = opt->replace_all ? NULL : old,
		.site = opt->replace_all ? old : NULL,
		.rules = &rules, .n = files.n, .opt = opt,
	};
	plan.from = plan.base ? db_version(plan.base) : DB_SCHEMA_VERSION;
	/* Long steps are named on a terminal when the import is long or the
	 * database large (a copy and a sync of it take seconds). */
	plan.show_steps = opt->progress &&
	    (files.n >= 200 || (exists && st.st_size >= (off_t)32 << 20));
	feed = import_feed_start(&files, &rules, plan.from >= DB_SCHEMA_WORDS);
	struct import_item it, held[CHECKED_FIRST];
	size_t next = 0, nheld = 0;     /* files checked; of them, held */
	while (nheld < CHECKED_FIRST && import_feed_next(feed, &it)) {
		import_progress(opt, "reading", next, files.n);
		check_item(&checks, next++, &it);
		warn_dropped_levels(old, &levels, &it, &d);
		held[nheld++] = it;
	}
	if (d.errors == 0) {
		/* Either says why it cannot write. */
		if (unfollowed)
			import_error(errors, dbpath, "cannot follow the link to the "
			    "database: %s", strerror(unfollowed));
		else if (prepare_new_file(&plan, dir, exists, &st, &lockfd, &tmp,
		    errors) == 0 && reopen_if_replaced(&plan, &old, &exists, &st,
		    &rules, res, errors) == 0) {
			plan.tmp = tmp;
			writer = import_writer_open(&plan, errors);
		}
		if (writer == NULL) {
			for (size_t k = 0; k < nheld; k++)
				import_item_free(&held[k]);
			goto out;
		}
	}
	for (size_t k = 0; k < nheld; k++)
		if (write_item(&writer, &d, &held[k], res, errors) != 0) {
			while (++k < nheld)
				import_item_free(&held[k]);
			goto out;
		}
	while (import_feed_next(feed, &it)) {
		import_progress(opt, writer ? "writing" : "reading", next, files.n);
		check_item(&checks, next++, &it);
		warn_dropped_levels(old, &levels, &it, &d);
		if (write_item(&writer, &d, &it, res, errors) != 0)
			goto out;
	}

	/* A related id may name an article imported later, so it is only a
	 * warning when it is in neither the database nor this import. */
	for (size_t i = 0; i < files.n && d.errors == 0; i++)
		for (size_t r = 0; r < arts[i].nrelated; r++) {
			const char *rid = arts[i].related[r];
			bool found = *id_index_slot(&checks.ids, arts, rid) != 0 ||
			    (!opt->replace_all && id_in_db(old, &lookup, rid));
			if (!found)
				diag_warning(&d, arts[i].file, arts[i].related_lines[r],
				    "related article '%s' is not in the database", rid);
		}

	import_step(opt->progress, NULL);
	text_fputs(d.text.data ? d.text.data : "", errors);
	res->warnings = d.warnings;
	if (d.errors > 0) {
		/* "1 problem in 600 files" would blame them all: say how many
		 * of them had one. Problems only with paths named (a missing
		 * one), or nothing found to read, are in no file read. */
		char in[64] = "";
		if (checks.bad == files.n && files.n > 0)
			snprintf(in, sizeof in, " in %zu file%s", files.n,
			    files.n == 1 ? "" : "s");
		else if (checks.bad > 0)
			snprintf(in, sizeof in, " in %zu of %zu files", checks.bad,
			    files.n);
		fprintf(errors, "bedside: import rejected: %d problem%s%s; "
		    "the database was not changed\n", d.errors, d.errors == 1 ? "" : "s",
		    in);
		goto out;
	}
	if (import_writer_finish(writer, feed, errors) != 0)
		goto out;
	int closed = import_writer_close(writer);
	writer = NULL;
	if (closed != 0) {
		import_error(errors, tmp, "cannot close the new database");
		goto out;
	}
	import_step(plan.show_steps, "syncing the new database");
	int synced = fsync_path(tmp, false);
	import_step(plan.show_steps, NULL);
	if (synced != 0) {
		import_error(errors, tmp, "cannot sync: %s", strerror(errno));
		goto out;
	}
	if (rename(tmp, file) != 0) {
		import_error(errors, dbpath, "cannot replace the database: %s",
		    strerror(errno));
		goto out;
	}
	tmp_forget();
	free(tmp);
	tmp = NULL;
	fsync_path(dir, true);
	res->files = (int)files.n;
	res->articles = (int)files.n;
	if (opt->replace_all) {
		int kept = 0;
		for (size_t i = 0; i < files.n; i++)
			kept += id_in_db(old, &lookup, arts[i].id);
		res->removed -= kept;
		res->replaced = kept;
	}
	status = IMPORT_OK;
out:
	/* Every file passed but the new database could not be made from
	 * the old one: say so when the old one is the cause. */
	if (status != IMPORT_OK && d.errors == 0 && old && db_damaged(old)) {
		import_error(errors, dbpath, "the database is damaged (see bedside "
		    "check); it was not changed");
		status = IMPORT_DB_ERROR;
	}
	import_writer_close(writer);
	import_feed_free(feed);
	if (tmp) {
		unlink(tmp);
		tmp_forget();
		free(tmp);
	}
	if (lockfd >= 0)
		close(lockfd);
	free(dir);
	free(file);
	for (size_t i = 0; i < files.n; i++)
		article_free(&arts[i]);
	free(arts);
	free(checks.ids.slot);
	sqlite3_finalize(lookup);
	sqlite3_finalize(levels);
	import_files_free(&files);
	rules_free(&rules);
	db_close(old);
	diag_free(&d);
	return status;
}
