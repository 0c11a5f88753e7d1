/* db.c: opening the article database and the schema around it. The
 * queries live in db_query.c and search in db_search.c.
 *
 * A database is someone else's file. Before anything reads it, it is opened
 * with SQLite's defensive settings (no trusted schema, no triggers or views
 * run for a reader) and its schema is compared with what this program made:
 * a newer version, an unknown object or a trigger is refused, not run. */
#include "config.h"
#include "db.h"
#include "db_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Every object of a schema version, the FTS5 shadow tables and SQLite's
 * automatic indexes included. Version 1 kept the spelling vocabulary in
 * a contentless FTS5 index (spell); version 2 keeps the list itself
 * (spell_words) and each topic's count of articles (topics.articles);
 * version 3 has the objects of 2, its search index with one prefix index
 * (2 letters) where 2 had two (2 and 3). This program reads all three and
 * writes version 3. */
static const char *const schema_objects[] = {
	"table:levels", "table:statuses", "table:topics", "table:articles",
	"table:sections", "table:refs", "table:related", "table:search",
	"table:search_data", "table:search_idx", "table:search_content",
	"table:search_docsize", "table:search_config",
	"index:topics_parent", "index:articles_topic", "index:sections_article",
	"index:sqlite_autoindex_levels_1", "index:sqlite_autoindex_levels_2",
	"index:sqlite_autoindex_statuses_1", "index:sqlite_autoindex_statuses_2",
	"index:sqlite_autoindex_topics_1", "index:sqlite_autoindex_articles_1",
	NULL,
};
static const char *const schema_objects_v1[] = {
	"table:spell", "table:spell_data", "table:spell_idx", "table:spell_docsize",
	"table:spell_config", "table:spell_vocab", NULL,
};
static const char *const schema_objects_v2[] = {
	"table:spell_words", NULL,
};

static bool
schema_object_in(const char *const *list, const char *type, const char *name)
{
	size_t tl = strlen(type);
	for (const char *const *o = list; *o; o++)
		if (strncmp(*o, type, tl) == 0 && (*o)[tl] == ':' &&
		    strcmp(*o + tl + 1, name) == 0)
			return true;
	return false;
}

static bool
schema_object_known(int version, const char *type, const char *name)
{
	return schema_object_in(schema_objects, type, name) ||
	    schema_object_in(version == 1 ? schema_objects_v1 : schema_objects_v2,
	    type, name);
}

const char *
db_errmsg(struct db *db)
{
	/* An error inside a read transaction, whose end succeeded after it
	 * (db_read_end), is still the one to tell. */
	if (db->read_error && sqlite3_errcode(db->h) == SQLITE_OK)
		return db->read_error;
	return sqlite3_errmsg(db->h);
}

sqlite3 *
db_handle(struct db *db)
{
	return db->h;
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

int
db_version(const struct db *db)
{
	return db->version;
}

/* The statement of db_schema_sql that creates name, so that an upgrade
 * makes the object exactly as a new database has it. */
static char *
schema_statement(const char *create)
{
	const char *s = strstr(db_schema_sql, create);
	const char *e = s ? strchr(s, ';') : NULL;
	return e ? xstrndup(s, (size_t)(e - s + 1)) : NULL;
}

/* Version 1 to 2: the spelling vocabulary as a word list (filled by the
 * importer, which counts every row after this) and topic counts. */
static int
upgrade_from_1(sqlite3 *h, struct buf *err)
{
	char *create = schema_statement("CREATE TABLE spell_words");
	struct buf sql = BUF_INIT;
	buf_addf(&sql, "DROP TABLE spell_vocab; DROP TABLE spell; %s "
	    "ALTER TABLE topics ADD COLUMN articles INTEGER NOT NULL DEFAULT 0; "
	    "PRAGMA user_version = 2;", create ? create : "");
	char *msg = NULL;
	int rc = create && sqlite3_exec(h, sql.data, NULL, NULL, &msg) == SQLITE_OK ?
	    0 : -1;
	if (rc != 0)
		buf_addf(err, "cannot upgrade the schema from version 1: %s",
		    msg ? msg : create ? sqlite3_errmsg(h) :
		    "no spell_words in schema.sql");
	sqlite3_free(msg);
	buf_free(&sql);
	free(create);
	return rc;
}

/* Version 2 to 3: the search index made again with this schema's prefix
 * indexes (an FTS5 table's options are fixed when it is made), its rows
 * copied over with their rowids. */
static int
upgrade_from_2(sqlite3 *h, struct buf *err)
{
	static const char head[] = "CREATE VIRTUAL TABLE search USING";
	char *create = schema_statement(head);
	char *rank = schema_statement("INSERT INTO search (search, rank)");
	struct buf sql = BUF_INIT;
	char *msg = NULL;
	int rc = -1;
	if (create == NULL || rank == NULL) {
		buf_adds(err, "cannot upgrade the schema from version 2: no search "
		    "table in schema.sql");
		goto out;
	}
	buf_addf(&sql, "CREATE VIRTUAL TABLE search_new USING%s "
	    "INSERT INTO search_new (rowid, title, answer, key_points, research, refs, "
	    "article_id, level) SELECT rowid, title, answer, key_points, research, refs, "
	    "article_id, level FROM search; "
	    "DROP TABLE search; ALTER TABLE search_new RENAME TO search; %s "
	    "PRAGMA user_version = 3;", create + sizeof head - 1, rank);
	rc = sqlite3_exec(h, sql.data, NULL, NULL, &msg) == SQLITE_OK ? 0 : -1;
	if (rc != 0)
		buf_addf(err, "cannot upgrade the schema from version 2: %s",
		    msg ? msg : sqlite3_errmsg(h));
out:
	sqlite3_free(msg);
	buf_free(&sql);
	free(create);
	free(rank);
	return rc;
}

int
db_upgrade(sqlite3 *h, int from, struct buf *err)
{
	if (from < DB_SCHEMA_OLDEST || from > DB_SCHEMA_VERSION) {
		buf_addf(err, "cannot upgrade schema version %d", from);
		return -1;
	}
	if (from == 1 && upgrade_from_1(h, err) != 0)
		return -1;
	if (from <= 2 && upgrade_from_2(h, err) != 0)
		return -1;
	return 0;
}

/* Checks the schema version and every object in sqlite_schema. */
static int
db_verify(struct db *db, struct buf *err)
{
	sqlite3_stmt *st;
	int version = -1, objects = 0, rc;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK) {
		buf_addf(err, "%s: not a readable SQLite database (%s)", db->path,
		    sqlite3_errmsg(db->h));
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	rc = sqlite3_finalize(st);
	if (rc != SQLITE_OK || version < 0) {
		buf_addf(err, "%s: not a readable SQLite database (%s)", db->path,
		    sqlite3_errmsg(db->h));
		return -1;
	}
	if (version > DB_SCHEMA_VERSION) {
		buf_addf(err, "%s: schema version %d is newer than this bedside "
		    "understands (%d); use a newer bedside", db->path, version,
		    DB_SCHEMA_VERSION);
		return -1;
	}

	rc = sqlite3_prepare_v2(db->h, "SELECT type, name FROM sqlite_schema", -1,
	    &st, NULL);
	if (rc != SQLITE_OK) {
		buf_addf(err, "%s: not a readable SQLite database (%s)", db->path,
		    sqlite3_errmsg(db->h));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		objects++;
		if (!type || !name || !schema_object_known(version, type, name)) {
			buf_addf(err, "%s: unexpected %s '%s' in the schema; refusing "
			    "to use this database", db->path, type ? type : "object",
			    name ? name : "");
			sqlite3_finalize(st);
			return -1;
		}
	}
	if (rc != SQLITE_DONE) {
		buf_addf(err, "%s: damaged database (%s)", db->path, sqlite3_errmsg(db->h));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (objects == 0) {
		buf_addf(err, "%s: not a bedside database (it is empty)", db->path);
		return -1;
	}
	if (version < DB_SCHEMA_OLDEST) {
		buf_addf(err, "%s: unknown schema version %d (this bedside reads %d to %d)",
		    db->path, version, DB_SCHEMA_OLDEST, DB_SCHEMA_VERSION);
		return -1;
	}
	db->version = version;
	return 0;
}

static void
db_harden(sqlite3 *h, enum db_mode mode)
{
	sqlite3_extended_result_codes(h, 1);
	sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
#ifdef SQLITE_DBCONFIG_ENABLE_VIEW
	sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);
#endif
	sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
	/* An importer replaces the file by rename, so readers never wait on
	 * it; the timeout covers anyone else who writes the file in place. */
	sqlite3_busy_timeout(h, 5000);
	(void)mode;
}

void
db_library_init(void)
{
	/* SQLite counts every allocation under a global mutex for
	 * sqlite3_memory_used() and the heap limits, none of which bedside
	 * uses: without the count an import runs 3% fewer instructions. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct db *
db_open(const char *path, enum db_mode mode, struct buf *err)
{
	struct stat st;
	struct db *db;
	int flags;

	if (stat(path, &st) != 0) {
		buf_addf(err, "%s: cannot open database: %s", path, strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		/* Say what it is: a folder given for the file is the usual slip
		 * (--db ~/articles for --db ~/articles/bedside.db). */
		buf_addf(err, "%s: not a database file (it is %s)", path,
		    S_ISDIR(st.st_mode) ? "a folder" : S_ISFIFO(st.st_mode) ? "a pipe" :
		    S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" :
		    S_ISSOCK(st.st_mode) ? "a socket" : "not a file");
		return NULL;
	}
	if (st.st_size == 0) {
		buf_addf(err, "%s: not a bedside database (it is empty)", path);
		return NULL;
	}

	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	flags = mode == DB_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		buf_addf(err, "%s: cannot open database: %s", path,
		    db->h ? sqlite3_errmsg(db->h) : "out of memory");
		db_close(db);
		return NULL;
	}
	db_harden(db->h, mode);
	if (db_verify(db, err) != 0) {
		db_close(db);
		return NULL;
	}
	if (db_register_functions(db) != 0) {
		buf_addf(err, "%s: cannot set up search: %s", path, sqlite3_errmsg(db->h));
		db_close(db);
		return NULL;
	}
	return db;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	db_rank_finalize(db);
	db_rank_base_free(db);
	db_snippet_finalize(db);
	for (size_t i = 0; i < DB_STMT_COUNT; i++)
		sqlite3_finalize(db->stmt[i]);
	sqlite3_close(db->h);
	free(db->read_error);
	free(db->path);
	free(db);
}

int
db_create_schema(sqlite3 *h, struct buf *err)
{
	char *msg = NULL;
	if (sqlite3_exec(h, db_schema_sql, NULL, NULL, &msg) != SQLITE_OK) {
		buf_addf(err, "cannot create schema: %s", msg ? msg : sqlite3_errmsg(h));
		sqlite3_free(msg);
		return -1;
	}
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", DB_SCHEMA_VERSION);
	if (sqlite3_exec(h, pragma, NULL, NULL, NULL) != SQLITE_OK) {
		buf_addf(err, "cannot set schema version: %s", sqlite3_errmsg(h));
		return -1;
	}
	return 0;
}

/* The database a binary uses with no --db and no $BEDSIDE_DB: the one
 * built beside it when it runs from the build tree (so it works before
 * `make install`), else the installed one. */
const char *
db_default_path(const char *argv0)
{
	static char built[4096];
	const char *env = getenv("BEDSIDE_DB");
	if (env && *env)
		return env;

	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0 && argv0 && strchr(argv0, '/')) {
		n = (ssize_t)strlen(argv0);
		if ((size_t)n >= sizeof self)
			n = 0;
		else
			memcpy(self, argv0, (size_t)n);
	}
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			/* The build tree has the Makefile beside the binary. */
			struct buf db = BUF_INIT, mk = BUF_INIT;
			buf_addf(&db, "%s/%s", self, BUILD_DB_NAME);
			buf_addf(&mk, "%s/Makefile", self);
			bool found = access(db.data, R_OK) == 0 &&
			    access(mk.data, R_OK) == 0;
			if (found && strlen(db.data) < sizeof built)
				memcpy(built, db.data, strlen(db.data) + 1);
			else
				found = false;
			buf_free(&db);
			buf_free(&mk);
			if (found)
				return built;
		}
	}
	return PKGDATADIR "/" BUILD_DB_NAME;
}
