/* import.c: see import.h. */
#include "config.h"
#include "import.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "db.h"
#include "db_internal.h"
#include "diag.h"
#include "import_files.h"
#include "text.h"

#define MAX_LEVELS DB_LEVEL_ROWS /* search rows per article (db_internal.h) */

/* Level and status names, from the database or, for a new one, from the
 * schema this program would create. */
static int
load_rules(sqlite3 *h, struct article_rules *r)
{
	sqlite3_stmt *st;
	memset(r, 0, sizeof *r);
	if (sqlite3_prepare_v2(h, "SELECT name FROM levels ORDER BY position", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW && r->nlevels < MAX_LEVELS) {
		r->levels = xrealloc(r->levels, (r->nlevels + 1) * sizeof *r->levels);
		r->levels[r->nlevels++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(h, "SELECT name FROM statuses ORDER BY position", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		r->statuses = xrealloc(r->statuses, (r->nstatuses + 1) * sizeof *r->statuses);
		r->statuses[r->nstatuses++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return 0;
}

static void
rules_free(struct article_rules *r)
{
	db_strings_free(r->levels, r->nlevels);
	db_strings_free(r->statuses, r->nstatuses);
}

static bool
exec_ok(sqlite3 *h, const char *sql, FILE *errors, const char *path)
{
	char *msg = NULL;
	if (sqlite3_exec(h, sql, NULL, NULL, &msg) == SQLITE_OK)
		return true;
	char *safe = text_sanitized(msg ? msg : sqlite3_errmsg(h), 0);
	fprintf(errors, "%s: cannot write database: %s\n", path, safe);
	free(safe);
	sqlite3_free(msg);
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
	"DELETE FROM search WHERE rowid BETWEEN ?1 * 8 AND ?1 * 8 + 7",
	"DELETE FROM sections WHERE article_id = ?1",
	"DELETE FROM refs WHERE article_id = ?1",
	"DELETE FROM related WHERE article_id = ?1",
	"DELETE FROM articles WHERE id = ?1",
	"INSERT INTO articles (id, title, topic_id, updated, status, source) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
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

/* Removes any article with a's id, then inserts a. Returns 1 if it
 * replaced one, 0 if new, -1 on error. */
static int
write_article(struct writer *w, const struct article *a,
    const struct article_rules *rules)
{
	sqlite3_stmt *st = w_stmt(w, W_ROWID);
	int replaced = 0;
	sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_int64 old = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		replaced = 1;
		if (w->vocab && vocab_scan(w->vocab, w->h, old * MAX_LEVELS,
		    old * MAX_LEVELS + MAX_LEVELS - 1, -1) != 0)
			return -1;
		st = w_stmt(w, W_DEL_SEARCH);
		sqlite3_bind_int64(st, 1, old);
		if (w_step_done(st) != 0)
			return -1;
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
	if (w_step_done(st) != 0)
		return -1;
	sqlite3_int64 rowid = sqlite3_last_insert_rowid(w->h);

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
	char *title = text_sanitized(a->title, 0);
	for (size_t i = 0; i < rules->nlevels && i < MAX_LEVELS; i++) {
		const char *l = rules->levels[i];
		const char *shown = !restricted || article_has_level(a, l) ? l : first;
		st = w_stmt(w, W_ADD_SEARCH);
		sqlite3_bind_int64(st, 1, rowid * MAX_LEVELS + (sqlite3_int64)i);
		const char *words[VOCAB_TEXTS] = {
			title, plain_at(a, DB_ANSWER, shown),
			plain_at(a, DB_KEY_POINTS, shown), plain_at(a, DB_RESEARCH, shown),
		};
		if (w->vocab && vocab_row(w->vocab, words, 1) != 0) {
			free(title);
			return -1;
		}
		sqlite3_bind_text(st, 2, words[0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, words[1], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, words[2], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, words[3], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, plain_at(a, DB_REFERENCES, shown), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, a->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, l, -1, SQLITE_STATIC);
		if (w_step_done(st) != 0) {
			free(title);
			return -1;
		}
	}
	free(title);
	return replaced;
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

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
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
		    "INSERT INTO search (search, rank) VALUES ('%s', %d);", s->name, s->value);
	return sql;
}

/* Builds the new database in tmp from old (NULL: from nothing) plus the
 * articles; returns 0 when tmp is complete and synced. */
static int
build_database(const char *tmp, struct db *old, struct article *arts, size_t n,
    const struct import_options *opt, const struct article_rules *rules,
    struct import_result *res, FILE *errors, const char *dbpath)
{
	struct writer w = { 0 };
	struct buf err = BUF_INIT;
	int rc = -1, from = DB_SCHEMA_VERSION;

	if (sqlite3_open_v2(tmp, &w.h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(errors, "%s: cannot create database: %s\n", tmp, sqlite3_errmsg(w.h));
		sqlite3_close(w.h);
		return -1;
	}
	sqlite3_db_config(w.h, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(w.h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	if (old && !opt->replace_all) {
		sqlite3_backup *bk = sqlite3_backup_init(w.h, "main", db_handle(old), "main");
		int brc = bk ? sqlite3_backup_step(bk, -1) : SQLITE_ERROR;
		if (bk)
			sqlite3_backup_finish(bk);
		if (brc != SQLITE_DONE) {
			fprintf(errors, "%s: cannot copy database: %s\n", dbpath,
			    sqlite3_errmsg(w.h));
			goto out;
		}
		from = db_version(old);
	} else if (db_create_schema(w.h, &err) != 0) {
		fprintf(errors, "%s: %s\n", dbpath, err.data);
		goto out;
	}
	/* The file is private until the rename, so it needs no journal; it
	 * is synced as a whole before it replaces anything. */
	if (!exec_ok(w.h, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
	    "PRAGMA cache_size = -32768; BEGIN", errors, dbpath))
		goto out;
	/* FTS5 writes its in-memory index out as a new segment each time it
	 * passes 'hashsize' (1 MB) and merges segments as it goes, so a large
	 * import rewrote its index several times over. A bulk import needs
	 * one merge, the 'optimize' at the end: until then, flush every 8 MB
	 * and merge only past 1,000 segments. (A larger hash saved no time:
	 * each token then costs more cache misses; it only cost memory.)
	 * FTS5's defaults are put back before the commit. */
	if (!exec_ok(w.h, fts_settings(bulk_settings), errors, dbpath))
		goto out;
	if (db_upgrade(w.h, from, &err) != 0) {
		fprintf(errors, "%s: %s\n", dbpath, err.data);
		goto out;
	}
	/* The spelling vocabulary counts the rows this import removes and adds;
	 * a database just upgraded has none yet, so it is counted whole at the
	 * end. */
	if ((w.vocab = vocab_new(w.h)) == NULL) {
		fprintf(errors, "%s: cannot find SQLite's unicode61 tokenizer\n", dbpath);
		goto out;
	}
	if (from != DB_SCHEMA_VERSION) {
		vocab_free(w.vocab);
		w.vocab = NULL;
	}
	for (int i = 0; i < W_COUNT; i++)
		if (sqlite3_prepare_v3(w.h, write_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
		    &w.st[i], NULL) != SQLITE_OK) {
			fprintf(errors, "%s: cannot write database: %s\n", dbpath,
			    sqlite3_errmsg(w.h));
			goto out;
		}
	for (size_t i = 0; i < n; i++) {
		int r = write_article(&w, &arts[i], rules);
		if (r < 0) {
			char *safe = text_sanitized(sqlite3_errmsg(w.h), 0);
			fprintf(errors, "%s: cannot write article '%s': %s\n", dbpath,
			    arts[i].id, safe);
			free(safe);
			goto out;
		}
		res->replaced += r;
	}
	/* Drop topics left empty, then store the spelling vocabulary and
	 * merge the index into as few segments as possible for fast reads. */
	for (;;) {
		if (!exec_ok(w.h, "DELETE FROM topics WHERE NOT EXISTS (SELECT 1 FROM "
		    "articles a WHERE a.topic_id = topics.id) AND NOT EXISTS (SELECT 1 "
		    "FROM topics c WHERE c.parent_id = topics.id)", errors, dbpath))
			goto out;
		if (sqlite3_changes(w.h) == 0)
			break;
	}
	/* Counted once here, so that the topic tree does not count 100,000
	 * index entries every time a browser starts. */
	if (!exec_ok(w.h, "UPDATE topics SET articles = (SELECT count(*) FROM articles a "
	    "WHERE a.topic_id = topics.id)", errors, dbpath))
		goto out;
	if (w.vocab == NULL && ((w.vocab = vocab_new(w.h)) == NULL ||
	    vocab_scan(w.vocab, w.h, 0, -1, 1) != 0)) {
		fprintf(errors, "%s: cannot count the spelling vocabulary: %s\n", dbpath,
		    sqlite3_errmsg(w.h));
		goto out;
	}
	if (vocab_store(w.vocab, w.h) != 0) {
		fprintf(errors, "%s: cannot write the spelling vocabulary: %s\n", dbpath,
		    sqlite3_errmsg(w.h));
		goto out;
	}
	/* 'optimize' rewrites the whole index into one segment. After a bulk
	 * import that is the one merge it needs; after a few articles added
	 * to a large database it would rewrite hundreds of megabytes for
	 * them, so FTS5's usual incremental merging (its defaults, back in
	 * force at the commit) takes them in instead. */
	bool small = false;
	if (n > 0) {
		sqlite3_stmt *cnt;
		if (sqlite3_prepare_v2(w.h, "SELECT count(*) FROM articles", -1, &cnt,
		    NULL) == SQLITE_OK && sqlite3_step(cnt) == SQLITE_ROW)
			small = (sqlite3_uint64)n * 20 < (sqlite3_uint64)sqlite3_column_int64(cnt, 0);
		sqlite3_finalize(cnt);
	}
	if ((!small && !exec_ok(w.h, "INSERT INTO search (search) VALUES ('optimize');",
	    errors, dbpath)) ||
	    !exec_ok(w.h, fts_settings(default_settings), errors, dbpath) ||
	    !exec_ok(w.h, "COMMIT; PRAGMA journal_mode = DELETE", errors, dbpath))
		goto out;
	rc = 0;
out:
	vocab_free(w.vocab);
	for (int i = 0; i < W_COUNT; i++)
		sqlite3_finalize(w.st[i]);
	if (sqlite3_close(w.h) != SQLITE_OK)
		rc = -1;
	buf_free(&err);
	if (rc == 0 && fsync_path(tmp, false) != 0) {
		fprintf(errors, "%s: cannot sync: %s\n", tmp, strerror(errno));
		rc = -1;
	}
	return rc;
}

static int
count_articles(struct db *db)
{
	sqlite3_stmt *st;
	int n = 0;
	if (sqlite3_prepare_v2(db_handle(db), "SELECT count(*) FROM articles", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return n;
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

static void
progress(const struct import_options *opt, const char *what, size_t i, size_t n)
{
	static struct timespec last;
	struct timespec now;
	if (!opt->progress || n < 200)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (now.tv_sec - last.tv_sec) * 1000 + (now.tv_nsec - last.tv_nsec) / 1000000;
	if (i + 1 < n && ms < 100)
		return;
	last = now;
	fprintf(stderr, "\rbedside: %s %zu/%zu", what, i + 1, n);
	if (i + 1 == n)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

int
import_paths(const char *dbpath, char *const *paths, int npaths,
    const struct import_options *opt, struct import_result *res, FILE *errors)
{
	struct diag d = DIAG_INIT;
	struct file_list files = { NULL, 0 };
	struct article_rules rules;
	struct article *arts = NULL;
	struct id_index ids = { NULL, 0 };
	sqlite3_stmt *lookup = NULL;
	struct db *old = NULL;
	size_t narts = 0;
	int status = IMPORT_REJECTED, lockfd = -1;
	char *tmp = NULL, *dir = NULL;

	memset(res, 0, sizeof *res);

	/* The rules come from the database being imported into, so a site
	 * that adds a reading level or status needs no new program. */
	struct stat st;
	bool exists = stat(dbpath, &st) == 0;
	if (exists) {
		struct buf err = BUF_INIT;
		old = db_open(dbpath, DB_READ, &err);
		if (old == NULL) {
			fprintf(errors, "%s\n", err.data);
			buf_free(&err);
			return IMPORT_DB_ERROR;
		}
		buf_free(&err);
		load_rules(db_handle(old), &rules);
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

	arts = xcalloc(files.n ? files.n : 1, sizeof *arts);
	id_index_init(&ids, files.n);
	for (size_t i = 0; i < files.n; i++) {
		size_t len = 0;
		progress(opt, "reading", i, files.n);
		char *text = import_read_file(files.v[i], &len, &d);
		if (text == NULL)
			continue;
		struct article *a = &arts[narts++];
		article_parse(files.v[i], text, len, &rules, a, &d);
		free(text);
		if (a->id == NULL)
			continue;
		size_t *slot = id_index_slot(&ids, arts, a->id);
		if (*slot == 0) {
			*slot = narts;
		} else {
			const struct article *first = &arts[*slot - 1];
			diag_error(&d, a->file, a->id_line, "duplicate id '%s' (also "
			    "in %s:%d)", a->id, first->file, first->id_line);
		}
	}

	/* A related id may name an article imported later, so it is only a
	 * warning when it is in neither the database nor this import. */
	for (size_t i = 0; i < narts && d.errors == 0; i++)
		for (size_t r = 0; r < arts[i].nrelated; r++) {
			const char *rid = arts[i].related[r];
			bool found = *id_index_slot(&ids, arts, rid) != 0 ||
			    (!opt->replace_all && id_in_db(old, &lookup, rid));
			if (!found)
				diag_warning(&d, arts[i].file, arts[i].related_line,
				    "related article '%s' is not in the database", rid);
		}

	fputs(d.text.data ? d.text.data : "", errors);
	res->warnings = d.warnings;
	if (d.errors > 0) {
		fprintf(errors, "bedside: import rejected: %d problem%s in %zu file%s; "
		    "the database was not changed\n", d.errors, d.errors == 1 ? "" : "s",
		    files.n, files.n == 1 ? "" : "s");
		goto out;
	}

	/* One importer at a time; readers never take this lock. */
	dir = dir_of(dbpath);
	struct buf lockpath = BUF_INIT;
	buf_addf(&lockpath, "%s.lock", dbpath);
	lockfd = open(lockpath.data, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	buf_free(&lockpath);
	if (lockfd < 0 || flock(lockfd, LOCK_EX) != 0) {
		fprintf(errors, "%s: cannot lock the database for import: %s\n", dbpath,
		    strerror(errno));
		goto out;
	}
	struct buf tb = BUF_INIT;
	buf_addf(&tb, "%s.import-XXXXXX", dbpath);
	tmp = buf_detach(&tb);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(errors, "%s: cannot create a file beside the database: %s\n",
		    dbpath, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, exists ? (st.st_mode & 07777) : (0666 & ~mask));
	close(fd);

	if (old && opt->replace_all)
		res->removed = count_articles(old);
	if (build_database(tmp, old, arts, narts, opt, &rules, res, errors, dbpath) != 0)
		goto out;
	if (rename(tmp, dbpath) != 0) {
		fprintf(errors, "%s: cannot replace the database: %s\n", dbpath, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	fsync_path(dir, true);
	res->files = (int)files.n;
	res->articles = (int)narts;
	if (opt->replace_all) {
		int kept = 0;
		for (size_t i = 0; i < narts; i++)
			kept += id_in_db(old, &lookup, arts[i].id);
		res->removed -= kept;
		res->replaced = kept;
	}
	status = IMPORT_OK;
out:
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	if (lockfd >= 0)
		close(lockfd);
	free(dir);
	for (size_t i = 0; i < narts; i++)
		article_free(&arts[i]);
	free(arts);
	free(ids.slot);
	sqlite3_finalize(lookup);
	db_strings_free(files.v, files.n);
	rules_free(&rules);
	db_close(old);
	diag_free(&d);
	return status;
}
