/* import_write.c: see import_write.h. */
#include "config.h"
#include "import_write.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_LINUX_FS_H
#include <linux/fs.h>
#endif

#include "db_internal.h"
#include "import_parse.h"
#include "text.h"

#define MAX_LEVELS DB_LEVEL_ROWS /* search rows per article (db_internal.h) */

/* SQLite's message, with the system's reason for an I/O error: "disk
 * I/O error" alone hides a file size limit (EFBIG) or a failing disk. */
static const char *
errmsg(sqlite3 *h)
{
	static char msg[256];
	int e = sqlite3_system_errno(h);
	if ((sqlite3_errcode(h) & 0xff) != SQLITE_IOERR || e == 0)
		return sqlite3_errmsg(h);
	snprintf(msg, sizeof msg, "%s (%s)", sqlite3_errmsg(h), strerror(e));
	return msg;
}

static bool
exec_ok(sqlite3 *h, const char *sql, FILE *errors, const char *path)
{
	if (sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK)
		return true;
	import_error(errors, path, "cannot write database: %s", errmsg(h));
	return false;
}

/* --- writing --------------------------------------------------------- */

enum {
	W_TOPIC_GET, W_TOPIC_ADD, W_ROWID, W_DEL_SEARCH, W_DEL_SECTIONS,
	W_DEL_REFS, W_DEL_RELATED, W_DEL_ARTICLE, W_ADD_ARTICLE, W_ADD_SECTION,
	W_ADD_REF, W_ADD_RELATED, W_ADD_SEARCH, W_COUNT
};

static const char *const write_sql[W_COUNT] = {
	"SELECT id FROM topics WHERE path = ?1",
	"INSERT INTO topics (parent_id, name, path) VALUES (?1, ?2, ?3)",
	"SELECT rowid FROM articles WHERE id = ?1",
	"DELETE FROM search WHERE rowid = ?1",
	"DELETE FROM sections WHERE article_id = ?1",
	"DELETE FROM refs WHERE article_id = ?1",
	"DELETE FROM related WHERE article_id = ?1",
	"DELETE FROM articles WHERE id = ?1",
	"INSERT INTO articles (id, title, topic_id, updated, status, source, rowid) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	"INSERT INTO sections (article_id, kind, level, position, body) "
	"VALUES (?1, ?2, ?3, ?4, ?5)",
	"INSERT INTO refs (article_id, number, body) VALUES (?1, ?2, ?3)",
	"INSERT INTO related (article_id, position, related_id) VALUES (?1, ?2, ?3)",
	"INSERT INTO search (rowid, title, answer, key_points, research, refs, "
	"article_id, level) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
};

struct writer {
	sqlite3 *h;
	sqlite3_stmt *st[W_COUNT];
	/* The spelling vocabulary's changes: rows removed and added. NULL when
	 * it is counted from every row at the end (an upgraded database). */
	struct vocab *vocab;
	/* The rowids of the articles replaced, whose search rows are
	 * removed at the end (see drop_replaced_rows). */
	sqlite3_int64 *replaced;
	size_t nreplaced, capreplaced;
	/* The next article's rowid: above every rowid the file had, so that
	 * no article takes the rowid, and the search rows, of one replaced
	 * whose rows are still there. */
	sqlite3_int64 next_rowid;
};

static sqlite3_stmt *
w_stmt(struct writer *w, int id)
{
	sqlite3_reset(w->st[id]);
	sqlite3_clear_bindings(w->st[id]);
	return w->st[id];
}

static int
w_step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static sqlite3_int64
topic_id(struct writer *w, const char *path)
{
	sqlite3_int64 parent = 0;
	const char *p = path;
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t prefix = slash ? (size_t)(slash - path) : strlen(path);
		const char *name = p;
		size_t nlen = slash ? (size_t)(slash - p) : strlen(p);
		sqlite3_stmt *st = w_stmt(w, W_TOPIC_GET);
		sqlite3_bind_text(st, 1, path, (int)prefix, SQLITE_STATIC);
		sqlite3_int64 id = 0;
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (id == 0) {
			st = w_stmt(w, W_TOPIC_ADD);
			if (parent)
				sqlite3_bind_int64(st, 1, parent);
			else
				sqlite3_bind_null(st, 1);
			sqlite3_bind_text(st, 2, name, (int)nlen, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, path, (int)prefix, SQLITE_STATIC);
			if (w_step_done(st) != 0)
				return -1;
			id = sqlite3_last_insert_rowid(w->h);
		}
		parent = id;
		if (!slash)
			return parent;
		p = slash + 1;
	}
}

static const char *
plain_at(const struct article *a, enum db_kind kind, const char *level)
{
	const struct article_section *s = article_section_at(a, kind, level);
	return s && s->plain ? s->plain : "";
}

size_t
import_search_rows(const struct article *a, const struct article_rules *rules,
    const char *title, struct search_row *rows)
{
	/* One index row per level, so search ranks the text a reader at that
	 * level sees; a level the article lacks indexes its first level. */
	const char *first = NULL;
	bool restricted = false;
	for (size_t i = 0; i < rules->nlevels; i++)
		if (article_has_level(a, rules->levels[i])) {
			restricted = true;
			if (!first)
				first = rules->levels[i];
		}
	size_t n = 0;
	for (; n < rules->nlevels && n < MAX_LEVELS; n++) {
		const char *l = rules->levels[n];
		const char *shown = !restricted || article_has_level(a, l) ? l : first;
		rows[n] = (struct search_row){ l, {
			title, plain_at(a, DB_ANSWER, shown),
			plain_at(a, DB_KEY_POINTS, shown),
			plain_at(a, DB_RESEARCH, shown), plain_at(a, DB_REFERENCES, shown),
		} };
	}
	return n;
}

/* Removes any article with a's id, then inserts a, whose title made safe
 * is title. Returns 1 if it replaced one, 0 if new, -1 on error. */
static int
write_article(struct writer *w, const struct article *a, const char *title,
    const struct article_rules *rules)
{
	sqlite3_stmt *st = w_stmt(w, W_ROWID);
	int replaced = 0;
	sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_int64 old = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		replaced = 1;
		if (w->nreplaced == w->capreplaced) {
			w->capreplaced = w->capreplaced ? 2 * w->capreplaced : 64;
			w->replaced = xrealloc(w->replaced,
			    w->capreplaced * sizeof *w->replaced);
		}
		w->replaced[w->nreplaced++] = old;
		for (int k = W_DEL_SECTIONS; k <= W_DEL_ARTICLE; k++) {
			st = w_stmt(w, k);
			sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
			if (w_step_done(st) != 0)
				return -1;
		}
	}
	sqlite3_reset(st);

	sqlite3_int64 topic = topic_id(w, a->topic);
	if (topic < 0)
		return -1;
	st = w_stmt(w, W_ADD_ARTICLE);
	sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, topic);
	sqlite3_bind_text(st, 4, a->updated, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, a->file, -1, SQLITE_STATIC);
	sqlite3_int64 rowid = w->next_rowid++;
	sqlite3_bind_int64(st, 7, rowid);
	if (w_step_done(st) != 0)
		return -1;

	for (size_t i = 0; i < a->nsections; i++) {
		const struct article_section *s = &a->sections[i];
		st = w_stmt(w, W_ADD_SECTION);
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, db_kind_name(s->kind), -1, SQLITE_STATIC);
		if (s->level)
			sqlite3_bind_text(st, 3, s->level, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, (int)i);
		sqlite3_bind_text(st, 5, s->body, -1, SQLITE_STATIC);
		if (w_step_done(st) != 0)
			return -1;
	}
	for (size_t i = 0; i < a->nrefs; i++) {
		st = w_stmt(w, W_ADD_REF);
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, a->refs[i].number);
		sqlite3_bind_text(st, 3, a->refs[i].body, -1, SQLITE_STATIC);
		if (w_step_done(st) != 0)
			return -1;
	}
	for (size_t i = 0; i < a->nrelated; i++) {
		st = w_stmt(w, W_ADD_RELATED);
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, (int)i);
		sqlite3_bind_text(st, 3, a->related[i], -1, SQLITE_STATIC);
		if (w_step_done(st) != 0)
			return -1;
	}

	struct search_row rows[MAX_LEVELS];
	size_t nrows = import_search_rows(a, rules, title, rows);
	for (size_t i = 0; i < nrows; i++) {
		st = w_stmt(w, W_ADD_SEARCH);
		sqlite3_bind_int64(st, 1, rowid * MAX_LEVELS + (sqlite3_int64)i);
		for (int c = 0; c < SEARCH_TEXTS; c++)
			sqlite3_bind_text(st, 2 + c, rows[i].text[c], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, a->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, rows[i].level, -1, SQLITE_STATIC);
		if (w_step_done(st) != 0)
			return -1;
	}
	return replaced;
}

static int
rowid_cmp(const void *a, const void *b)
{
	sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
	return (x > y) - (x < y);
}

/* Removes the search rows of the articles replaced, once every article
 * is in. FTS5 writes its pending index out as a new segment whenever a
 * row comes with a rowid below the last one written (and at every
 * savepoint, which a DELETE of several rows opens): removing each old
 * article's rows as its new ones came made a segment per article, all
 * merged again at the end. Removed here, one row at a time and in
 * order, they cost one. */
static int
drop_replaced_rows(struct writer *w)
{
	if (w->nreplaced == 0)
		return 0;       /* and qsort must not be given NULL */
	qsort(w->replaced, w->nreplaced, sizeof *w->replaced, rowid_cmp);
	for (size_t k = 0; k < w->nreplaced; k++) {
		sqlite3_int64 first = w->replaced[k] * MAX_LEVELS;
		if (w->vocab && vocab_scan(w->vocab, w->h, first,
		    first + MAX_LEVELS - 1, -1) != 0)
			return -1;
		for (sqlite3_int64 i = 0; i < MAX_LEVELS; i++) {
			sqlite3_stmt *st = w_stmt(w, W_DEL_SEARCH);
			sqlite3_bind_int64(st, 1, first + i);
			if (w_step_done(st) != 0)
				return -1;
		}
	}
	return 0;
}

/* FTS5 settings for the search index: while importing, and FTS5's own
 * defaults (as of SQLite 3.40) to leave in the file. */
struct fts_setting {
	const char *name;
	int value;
};
static const struct fts_setting bulk_settings[] = {
	{ "automerge", 0 }, { "crisismerge", 1000 }, { "hashsize", 8 << 20 }, { NULL, 0 },
};
static const struct fts_setting default_settings[] = {
	{ "automerge", 4 }, { "crisismerge", 16 }, { "hashsize", 1 << 20 }, { NULL, 0 },
};

static const char *
fts_settings(const struct fts_setting *set)
{
	static char sql[1024];
	size_t n = 0;
	for (const struct fts_setting *s = set; s->name; s++)
		n += (size_t)snprintf(sql + n, sizeof sql - n,
		    "INSERT INTO search (search, rank) VALUES ('%s', %d);", s->name,
		    s->value);
	return sql;
}

/* Copies the bytes of in into out with the kernel: blocks shared where the
 * file system can (until either file changes them), else copied without
 * passing through this process. -1 if neither is possible here. */
static int
copy_bytes(int in, int out, off_t size)
{
#ifdef FICLONE
	if (ioctl(out, FICLONE, in) == 0)
		return 0;
#endif
#ifdef HAVE_COPY_FILE_RANGE
	while (size > 0) {
		ssize_t n = copy_file_range(in, NULL, out, NULL, (size_t)size, 0);
		if (n <= 0)
			return -1;
		size -= n;
	}
	return 0;
#else
	(void)in, (void)out, (void)size;
	return -1;
#endif
}

/* Makes the new file a copy of the database file as it is. SQLite's
 * backup reads and writes it page by page through both connections,
 * most of what an author waits for after re-importing one article into
 * a large database. The file alone is the database only when no change
 * can be outside it: no -wal or -journal file beside it, and a read
 * transaction held on it (so no writer can commit) while it is copied.
 * Returns -1, with the new file left empty, when SQLite must copy. */
static int
copy_base_file(const struct import_plan *p)
{
	int in = -1, out = -1, rc = -1;
	struct stat st;
	bool began = db_read_begin(p->base);

	/* A deferred transaction takes its lock at its first read. */
	if (sqlite3_get_autocommit(db_handle(p->base)) ||
	    sqlite3_exec(db_handle(p->base), "SELECT count(*) FROM sqlite_schema",
	    NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	static const char *const sidecars[] = { "-wal", "-journal" };
	for (size_t i = 0; i < sizeof sidecars / sizeof *sidecars; i++) {
		struct buf side = BUF_INIT;
		buf_addf(&side, "%s%s", p->file, sidecars[i]);
		bool there = lstat(side.data, &st) == 0;
		buf_free(&side);
		if (there)
			goto out;
	}
	if ((in = open(p->file, O_RDONLY | O_CLOEXEC)) < 0 ||
	    (out = open(p->tmp, O_WRONLY | O_CLOEXEC)) < 0 || fstat(in, &st) != 0)
		goto out;
	rc = copy_bytes(in, out, st.st_size);
	if (rc != 0 && ftruncate(out, 0) != 0)
		rc = -1;
out:
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	db_read_end(p->base, began);
	return rc;
}

/* The rows that are the site's rather than its articles': the reading
 * levels (labels, order, default disclaimers) and the statuses. A site
 * may add its own, so the new file of a --replace takes them from the
 * database it replaces, whose rules its articles were checked against,
 * instead of the schema's. */
static const char *const site_tables[][2] = {
	{ "levels", "name, label, position, disclaimer" },
	{ "statuses", "name, label, position" },
};

static int
keep_site_rows(sqlite3 *h, struct db *site, struct buf *err)
{
	bool began = db_read_begin(site);
	int rc = 0;
	for (size_t t = 0; t < sizeof site_tables / sizeof *site_tables && rc == 0; t++) {
		const char *table = site_tables[t][0], *cols = site_tables[t][1];
		sqlite3_stmt *get = NULL, *put = NULL;
		struct buf sql = BUF_INIT;
		int step = SQLITE_ERROR;
		buf_addf(&sql, "SELECT %s FROM %s", cols, table);
		if (sqlite3_prepare_v2(db_handle(site), sql.data, -1, &get,
		    NULL) == SQLITE_OK) {
			int ncols = sqlite3_column_count(get);
			buf_free(&sql);
			buf_addf(&sql, "DELETE FROM %s", table);
			rc = sqlite3_exec(h, sql.data, NULL, NULL, NULL) == SQLITE_OK ?
			    0 : -1;
			buf_free(&sql);
			buf_addf(&sql, "INSERT INTO %s (%s) VALUES (?", table, cols);
			for (int c = 1; c < ncols; c++)
				buf_adds(&sql, ", ?");
			buf_adds(&sql, ")");
			if (rc == 0 &&
			    sqlite3_prepare_v2(h, sql.data, -1, &put, NULL) != SQLITE_OK)
				rc = -1;
			while (rc == 0 && (step = sqlite3_step(get)) == SQLITE_ROW) {
				for (int c = 0; c < ncols; c++)
					sqlite3_bind_value(put, c + 1,
					    sqlite3_column_value(get, c));
				rc = w_step_done(put);
			}
		}
		if (rc != 0) {
			buf_addf(err, "cannot keep the %s: %s", table, errmsg(h));
		} else if (step != SQLITE_DONE) {
			buf_addf(err, "cannot read the %s: %s", table, db_errmsg(site));
			rc = -1;
		}
		sqlite3_finalize(get);
		sqlite3_finalize(put);
		buf_free(&sql);
	}
	db_read_end(site, began);
	return rc;
}

struct import_writer {
	struct writer w;
	const struct import_plan *p;
};

struct import_writer *
import_writer_open(const struct import_plan *p, FILE *errors)
{
	const char *dbpath = p->dbpath;
	struct import_writer *iw = xcalloc(1, sizeof *iw);
	struct writer *w = &iw->w;
	struct buf err = BUF_INIT;

	iw->p = p;
	if (p->base)
		import_step(p->show_steps, "copying the database");
	bool copied = p->base && copy_base_file(p) == 0;
	if (copied)
		import_step(p->show_steps, NULL);
	/* Only this thread uses the connection (the parser has its own), so
	 * it needs no mutex of its own: 1.5% fewer instructions. */
	if (sqlite3_open_v2(p->tmp, &w->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
	    NULL) != SQLITE_OK) {
		import_step(p->show_steps, NULL);
		import_error(errors, p->tmp, "cannot create database: %s", errmsg(w->h));
		goto fail;
	}
	/* The file is private until the rename, so it needs no journal (and
	 * an interrupted import leaves no journal file behind); it is synced
	 * as a whole before it replaces anything. Defensive mode refuses
	 * journal_mode OFF, so it comes on after. */
	if (!exec_ok(w->h, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF",
	    errors, dbpath))
		goto fail;
	sqlite3_db_config(w->h, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(w->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	if (p->base && !copied) {
		sqlite3_backup *bk = sqlite3_backup_init(w->h, "main",
		    db_handle(p->base), "main");
		int brc = bk ? sqlite3_backup_step(bk, -1) : SQLITE_ERROR;
		if (bk)
			sqlite3_backup_finish(bk);
		import_step(p->show_steps, NULL);
		if (brc != SQLITE_DONE) {
			import_error(errors, dbpath, "cannot copy database: %s",
			    errmsg(w->h));
			goto fail;
		}
	} else if (!p->base && (db_create_schema(w->h, &err) != 0 ||
	    (p->site && keep_site_rows(w->h, p->site, &err) != 0))) {
		import_error(errors, dbpath, "%s", err.data);
		goto fail;
	}
	if (!exec_ok(w->h, "PRAGMA cache_size = -32768; BEGIN", errors, dbpath))
		goto fail;
	/* FTS5 writes its in-memory index out as a new segment each time it
	 * passes 'hashsize' (1 MB) and merges segments as it goes, so a large
	 * import rewrote its index several times over. A bulk import needs
	 * one merge, the 'optimize' at the end: until then, flush every 8 MB
	 * and merge only past 1,000 segments. (A larger hash saved no time:
	 * each token then costs more cache misses; it only cost memory.)
	 * FTS5's defaults are put back before the commit. */
	if (db_upgrade(w->h, p->from, &err) != 0) {
		import_error(errors, dbpath, "%s", err.data);
		goto fail;
	}
	if (!exec_ok(w->h, fts_settings(bulk_settings), errors, dbpath))
		goto fail;
	sqlite3_stmt *last;
	if (sqlite3_prepare_v2(w->h, "SELECT coalesce(max(rowid), 0) + 1 FROM articles",
	    -1, &last, NULL) != SQLITE_OK || sqlite3_step(last) != SQLITE_ROW) {
		sqlite3_finalize(last);
		import_error(errors, dbpath, "cannot read database: %s", errmsg(w->h));
		goto fail;
	}
	w->next_rowid = sqlite3_column_int64(last, 0);
	sqlite3_finalize(last);
	/* The spelling vocabulary counts the rows this import removes here,
	 * and the feed counts those it adds; a database that had no word
	 * list before its upgrade has none yet, so it is counted whole at the
	 * end. */
	if (p->from >= DB_SCHEMA_WORDS && (w->vocab = vocab_new(w->h)) == NULL) {
		import_error(errors, dbpath, "cannot find SQLite's unicode61 tokenizer");
		goto fail;
	}
	for (int i = 0; i < W_COUNT; i++)
		if (sqlite3_prepare_v3(w->h, write_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
		    &w->st[i], NULL) != SQLITE_OK) {
			import_error(errors, dbpath, "cannot write database: %s",
			    errmsg(w->h));
			goto fail;
		}
	buf_free(&err);
	return iw;
fail:
	buf_free(&err);
	import_writer_close(iw);
	return NULL;
}

int
import_writer_add(struct import_writer *iw, const struct import_item *it, FILE *errors)
{
	int r = write_article(&iw->w, &it->a, it->title, iw->p->rules);
	if (r < 0) {
		import_step(iw->p->opt->progress, NULL);
		import_error(errors, iw->p->dbpath, "cannot write article '%s': %s",
		    it->a.id, errmsg(iw->w.h));
	}
	return r;
}

int
import_writer_finish(struct import_writer *iw, struct import_feed *feed, FILE *errors)
{
	const struct import_plan *p = iw->p;
	const char *dbpath = p->dbpath;
	struct writer *w = &iw->w;
	int rc = -1;

	if (drop_replaced_rows(w) != 0) {
		import_error(errors, dbpath, "cannot remove the replaced articles: %s",
		    errmsg(w->h));
		goto out;
	}
	if (w->vocab) {
		struct vocab *added = import_feed_words(feed);
		if (added == NULL) {
			import_error(errors, dbpath,
			    "cannot count the spelling vocabulary");
			goto out;
		}
		vocab_merge(w->vocab, added);
	}
	/* Drop topics left empty, then store the spelling vocabulary and
	 * merge the index into as few segments as possible for fast reads. */
	for (;;) {
		if (!exec_ok(w->h, "DELETE FROM topics WHERE NOT EXISTS (SELECT 1 FROM "
		    "articles a WHERE a.topic_id = topics.id) AND NOT EXISTS (SELECT 1 "
		    "FROM topics c WHERE c.parent_id = topics.id)", errors, dbpath))
			goto out;
		if (sqlite3_changes(w->h) == 0)
			break;
	}
	/* Counted once here, so that the topic tree does not count 100,000
	 * index entries every time a browser starts. */
	if (!exec_ok(w->h, "UPDATE topics SET articles = (SELECT count(*) FROM articles a "
	    "WHERE a.topic_id = topics.id)", errors, dbpath))
		goto out;
	if (w->vocab == NULL && ((w->vocab = vocab_new(w->h)) == NULL ||
	    vocab_scan(w->vocab, w->h, 0, -1, 1) != 0)) {
		import_error(errors, dbpath, "cannot count the spelling vocabulary: %s",
		    errmsg(w->h));
		goto out;
	}
	if (vocab_store(w->vocab, w->h) != 0) {
		import_error(errors, dbpath, "cannot write the spelling vocabulary: %s",
		    errmsg(w->h));
		goto out;
	}
	/* 'optimize' rewrites the whole index into one segment. After a bulk
	 * import that is the one merge it needs; after a few articles added
	 * to a large database it would rewrite hundreds of megabytes for
	 * them, so FTS5's usual incremental merging (its defaults, back in
	 * force at the commit) takes them in instead. An index just made
	 * again by an upgrade is merged whole. */
	bool small = false;
	if (p->n > 0 && p->from == DB_SCHEMA_VERSION) {
		sqlite3_stmt *cnt;
		if (sqlite3_prepare_v2(w->h, "SELECT count(*) FROM articles", -1, &cnt,
		    NULL) == SQLITE_OK && sqlite3_step(cnt) == SQLITE_ROW)
			small = (sqlite3_uint64)p->n * 20 <
			    (sqlite3_uint64)sqlite3_column_int64(cnt, 0);
		sqlite3_finalize(cnt);
	}
	if (!small)
		import_step(p->show_steps, "merging the search index");
	if ((!small && !exec_ok(w->h, "INSERT INTO search (search) VALUES ('optimize');",
	    errors, dbpath)) ||
	    !exec_ok(w->h, fts_settings(default_settings), errors, dbpath) ||
	    !exec_ok(w->h, "COMMIT; PRAGMA journal_mode = DELETE", errors, dbpath))
		goto out;
	rc = 0;
out:
	import_step(p->show_steps, NULL);
	return rc;
}

int
import_writer_close(struct import_writer *iw)
{
	int rc = 0;
	if (iw == NULL)
		return 0;
	vocab_free(iw->w.vocab);
	free(iw->w.replaced);
	for (int i = 0; i < W_COUNT; i++)
		sqlite3_finalize(iw->w.st[i]);
	if (sqlite3_close(iw->w.h) != SQLITE_OK)
		rc = -1;
	free(iw);
	return rc;
}

void
import_progress(const struct import_options *opt, const char *what, size_t i, size_t n)
{
	static struct timespec last;
	struct timespec now;
	if (!opt->progress || n < 200)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (now.tv_sec - last.tv_sec) * 1000 +
	    (now.tv_nsec - last.tv_nsec) / 1000000;
	if (i + 1 < n && ms < 100)
		return;
	last = now;
	fprintf(stderr, "\rbedside: %s %zu/%zu", what, i + 1, n);
	if (i + 1 == n)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

void
import_error(FILE *errors, const char *path, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	struct buf line = BUF_INIT;
	text_sanitize(&line, path, strlen(path), 0);
	buf_adds(&line, ": ");
	text_sanitize(&line, msg, strlen(msg), TEXT_TABS_AS_SPACE);
	buf_addc(&line, '\n');
	text_fputs(line.data, errors);
	buf_free(&line);
}

void
import_step(bool show, const char *what)
{
	if (!show)
		return;
	if (what)
		fprintf(stderr, "\rbedside: %s...\033[K", what);
	else
		fputs("\r\033[K", stderr);
	fflush(stderr);
}
