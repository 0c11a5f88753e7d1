/* db.h: the article database: opening it safely, and the queries the CLI
 * and the browser make. Everything returned is owned by the caller and
 * freed with the matching *_free function; a query that fails returns
 * nothing (*out NULL, *n 0), not the rows it read before the error. No
 * curses here. */
#ifndef BEDSIDE_DB_H
#define BEDSIDE_DB_H

#include <stdbool.h>
#include <stddef.h>

#include <sqlite3.h>

#include "buf.h"

#define DB_SCHEMA_VERSION 3      /* what this program writes */
#define DB_SCHEMA_OLDEST 1       /* the oldest it reads */
#define DB_SCHEMA_WORDS 2        /* the first with spell_words */

struct db;

enum db_mode {
	DB_READ,          /* the browser, search, show, topics, check */
	DB_WRITE,         /* the importer, on a file of its own making */
};

/* Process-wide SQLite settings: call once, before anything opens a
 * database (SQLite takes them only before it initialises itself). */
void db_library_init(void);

/* Opens path and checks that it is a bedside database of a known schema
 * version with nothing unexpected in its schema. On failure returns NULL
 * and puts one line (no newline) naming the file and the fault in err. */
struct db *db_open(const char *path, enum db_mode mode, struct buf *err);
void db_close(struct db *db);
sqlite3 *db_handle(struct db *db);
const char *db_path(const struct db *db);
/* The schema version of the file (DB_SCHEMA_OLDEST to DB_SCHEMA_VERSION). */
int db_version(const struct db *db);
/* The last SQLite error as one line, for messages. */
const char *db_errmsg(struct db *db);

/* Creates the schema in an empty database (the importer's new file). */
int db_create_schema(sqlite3 *h, struct buf *err);
/* Brings a copy of a database of schema version `from` up to
 * DB_SCHEMA_VERSION, inside the caller's transaction. */
int db_upgrade(sqlite3 *h, int from, struct buf *err);
/* The schema text compiled into the program (data/schema.sql). */
extern const char db_schema_sql[];

/* Which database to use: --db, else $BEDSIDE_DB, else the one built in
 * this build tree if the program runs from there, else the installed one. */
const char *db_default_path(const char *argv0);

/* --- reference rows ------------------------------------------------- */

struct db_level {
	char *name;
	char *label;
	char *disclaimer;
};

struct db_status {
	char *name;
	char *label;
	int position;
};

int db_levels(struct db *db, struct db_level **out, size_t *n);
void db_levels_free(struct db_level *v, size_t n);
int db_statuses(struct db *db, struct db_status **out, size_t *n);
void db_statuses_free(struct db_status *v, size_t n);

/* --- topics and article lists ---------------------------------------- */

struct db_topic {
	int id;
	int parent_id;          /* 0 at the top */
	int depth;              /* 0 at the top */
	char *name;
	char *path;
	int direct;             /* articles filed right here */
	int total;              /* articles here and below */
};

/* The whole tree in pre-order, siblings sorted by name. */
int db_topics(struct db *db, struct db_topic **out, size_t *n);
void db_topics_free(struct db_topic *v, size_t n);

struct db_summary {
	char *id;
	char *title;
	char *topic;            /* path */
	char *status;           /* name */
	char *updated;
};

/* Articles filed directly under topic_id (or, with 0, all), by title. */
int db_articles_in_topic(struct db *db, int topic_id,
    struct db_summary **out, size_t *n);
/* One summary per id found, in the order given; unknown ids are left out. */
int db_summaries(struct db *db, char *const *ids, size_t nids,
    struct db_summary **out, size_t *n);
void db_summaries_free(struct db_summary *v, size_t n);

/* --- one article at one level ---------------------------------------- */

enum db_kind {
	DB_ANSWER,
	DB_KEY_POINTS,
	DB_RESEARCH,
	DB_REFERENCES,
	DB_DISCLAIMER,
	DB_KIND_COUNT
};

const char *db_kind_name(enum db_kind k);        /* "answer", "key-points", ... */
const char *db_kind_title(enum db_kind k);       /* "Answer", "Key points", ... */
int db_kind_by_name(const char *name);           /* -1 if unknown */

struct db_ref {
	int number;
	char *body;             /* Markdown */
};

struct db_article {
	char *id;
	char *title;
	char *topic;            /* path */
	char *updated;
	char *status;           /* name */
	char *status_label;
	char *level;            /* the level this was loaded at */
	char *level_label;
	/* Markdown of each pane at this level; NULL where the article has
	 * none. The disclaimer falls back to the level's default. */
	char *body[DB_KIND_COUNT];
	/* The body is a section written for every level, not for this one
	 * (what an export must say to be imported as it was). */
	bool shared[DB_KIND_COUNT];
	bool disclaimer_is_default;
	struct db_ref *refs;
	size_t nrefs;
	char **related;         /* ids, in the order the author gave */
	size_t nrelated;
	char **levels;          /* levels this article has, in level order */
	size_t nlevels;
};

/* Returns 0 and fills a, 1 if there is no such article, -1 on a database
 * error. If the article lacks the level asked for, it is loaded at its
 * first level and a->level says which. */
int db_article_load(struct db *db, const char *id, const char *level,
    struct db_article *a);
void db_article_free(struct db_article *a);
/* Up to max article ids near typed (a letter or two off, or one holding
 * the other), nearest first, for "did you mean". Returns 0 or -1. Free
 * *out with db_strings_free(). */
int db_near_ids(struct db *db, const char *typed, char ***out, size_t *n, size_t max);

/* --- search ------------------------------------------------------------ */

struct db_hit {
	char *id;
	char *title;
	char *topic;
	char *status;
	char *updated;          /* the last-updated date */
	/* Plain text with the matched words between DB_MARK_ON / DB_MARK_OFF
	 * bytes; other control characters never occur in it. */
	char *snippet;
	enum db_kind pane;      /* where the best match is (DB_ANSWER if title) */
	double rank;            /* bm25: lower is better */
	long long row;          /* the search row, for db_hit_snippets */
};

#define DB_MARK_ON '\x01'
#define DB_MARK_OFF '\x02'

/* The FTS5 MATCH text a search for typed runs: query_build_known() with
 * the index's own words (a plural last word matched as its singular's
 * prefix only if the index has the singular); NULL if typed has no word.
 * For tests that compare with FTS5's own functions on the same query. */
char *db_match(struct db *db, const char *typed);

/* Searches what a person typed (see query.h) at one level. Returns 0 with
 * hits (possibly none), -1 on a database error, DB_STOPPED if the stop
 * hook (db_set_stop) asked it to give up. */
int db_search(struct db *db, const char *typed, const char *level,
    int limit, int offset, struct db_hit **out, size_t *n);
/* The same hits with every snippet NULL: a screen that shows a few of many
 * hits makes just those snippets with db_hit_snippets, which costs about
 * as much per hit as the rest of the search. */
int db_search_hits(struct db *db, const char *typed, const char *level,
    int limit, int offset, struct db_hit **out, size_t *n);
/* Makes the snippets of hits[from, to) that are NULL; typed is the text
 * the hits were found for. Every one of them is set, if only to "",
 * unless the stop hook ends it (DB_STOPPED). */
int db_hit_snippets(struct db *db, const char *typed, struct db_hit *hits,
    size_t from, size_t to);
void db_hits_free(struct db_hit *v, size_t n);

/* For a connection that will search many times (the browser): rank with
 * the length of every search row read once into memory (4 bytes a row),
 * not looked up row by row. The order is the same. */
void db_keep_row_lengths(struct db *db);

/* The hits as rows only (row, rank, pane; id, title, topic, status and
 * snippet NULL): a screen fills in the few it shows with db_hit_details
 * and db_hit_snippets. Ranked, or else the first in article order with
 * rank 0: what a screen can show at once while the ranking of a very
 * common word is still to come, at a cost that does not grow with the
 * number of matches. */
int db_search_rows(struct db *db, const char *typed, const char *level,
    int limit, bool ranked, struct db_hit **out, size_t *n);
/* Fills id, title, topic and status of hits[from, to) that have none; a
 * hit whose article is gone gets them empty. */
int db_hit_details(struct db *db, struct db_hit *hits, size_t from, size_t to);

/* Reads ahead what db_keep_row_lengths asked for; the stop hook can end
 * it (DB_STOPPED), and the next call, or search, goes on from there. */
int db_read_ahead(struct db *db);

/* A search can be cut short. While one runs, stop(arg) is asked every few
 * thousand steps of SQLite's machine whether to give up (a key is
 * waiting, the time is up); if it says so, the search returns DB_STOPPED
 * and no hits. NULL removes the hook. */
#define DB_STOPPED (-2)
typedef bool (*db_stop_fn)(void *arg);
void db_set_stop(struct db *db, db_stop_fn stop, void *arg);

/* Why a search for typed found nothing at level: the first of its words
 * (query_words()) that finds nothing on its own, looked for as the search
 * looks for it (the last word as a prefix while it is typed, another
 * spelling of it too), or the first two words the index has as one
 * ("SGLT 2": "sglt2") that find nothing together: their bytes in typed,
 * [*from, *to). A later word that finds nothing comes before a first
 * that db_suggest_edits() rejects, so that it gets its close words ("Na
 * hyponatraemiaa"). *from == *to if each word finds something alone: no
 * article has them all. Returns 0 or -1. */
int db_unmatched(struct db *db, const char *typed, const char *level, size_t *from,
    size_t *to);

/* An article that has some of a query's words but not all: the closest
 * matches of a query with no hit. */
struct db_closest {
	struct db_hit hit;      /* snippet NULL; rank is bm25 of the words it has */
	/* Runs of neighbouring words of the query it lacks, as typed
	 * ("first line"), in the query's order: raw bytes, to be made safe
	 * before they are shown. */
	char **lacks;
	size_t nlacks;
	size_t have;            /* the query's words (groups) it has */
};

/* For a query with no hit at level: up to max articles that have the
 * most of its words (query_build_known()'s groups: a word with its
 * other spellings, or two words the index has as one), best first by
 * how many, then by bm25. Words in a quarter of the rows or more
 * ("the", "what") carry next to no information: they neither rank nor
 * find an article, but one that lacks them says so. Nothing for a query
 * of one word. Returns 0, DB_STOPPED (the stop hook) or -1. */
int db_closest(struct db *db, const char *typed, const char *level, size_t max,
    struct db_closest **out, size_t *n);
void db_closest_free(struct db_closest *v, size_t n);

/* Up to max words of the index vocabulary close to word (edit distance),
 * best first, for "did you mean": first another form of it (plural or
 * singular, British or American spelling), or it cut in two where the
 * index has both parts ("15 g" for "15g", "beta blocker" for
 * "betablocker"; then the suggestion holds a space). With a level, only
 * words that find something at that level (the vocabulary is every
 * level's). */
int db_suggest(struct db *db, const char *word, const char *level, char ***out,
    size_t *n, size_t max);
/* Whether db_suggest() offers words an edit or two from word, as typed:
 * not for a number, a word of one or two characters, or three capitals. */
bool db_suggest_edits(const char *word);

/* The levels other than level (names, in level order) at which a search
 * for typed finds something: where to look when it finds nothing at
 * level ("thinners" is in the patient's words, not the clinician's). */
int db_other_levels(struct db *db, const char *typed, const char *level, char ***out,
    size_t *n);
void db_strings_free(char **v, size_t n);

/* --- check ------------------------------------------------------------- */

/* Runs integrity_check, the FTS5 integrity-check and the schema version
 * check; each problem found is one line appended to report. Returns the
 * number of problems. */
int db_check(struct db *db, struct buf *report);

#endif
