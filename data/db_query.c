/* db_query.c: the read queries behind topics, lists and the article view. */
#include "config.h"
#include "db_internal.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[DB_KIND_COUNT] = {
	"answer", "key-points", "research", "references", "disclaimer",
};
static const char *const kind_titles[DB_KIND_COUNT] = {
	"Answer", "Key points", "From the research", "References", "Disclaimer",
};

const char *
db_kind_name(enum db_kind k)
{
	return kind_names[k];
}

const char *
db_kind_title(enum db_kind k)
{
	return kind_titles[k];
}

int
db_kind_by_name(const char *name)
{
	if (name == NULL)
		return -1;
	for (int k = 0; k < DB_KIND_COUNT; k++)
		if (strcmp(kind_names[k], name) == 0)
			return k;
	return -1;
}

sqlite3_stmt *
db_stmt(struct db *db, enum db_stmt_id id, const char *sql)
{
	if (db->stmt[id] == NULL) {
		if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
		    &db->stmt[id], NULL) != SQLITE_OK)
			return NULL;
	} else {
		sqlite3_reset(db->stmt[id]);
		sqlite3_clear_bindings(db->stmt[id]);
	}
	return db->stmt[id];
}

/* Reads of several statements run in one read transaction: on its own,
 * each statement takes and drops the file lock and checks the file again
 * (a search with a hundred hits made some 1,200 system calls). */
bool
db_read_begin(struct db *db)
{
	free(db->read_error);
	db->read_error = NULL;
	if (!sqlite3_get_autocommit(db->h))
		return false;
	sqlite3_stmt *st = db_stmt(db, STMT_BEGIN, "BEGIN");
	if (st == NULL)
		return false;
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE;
}

void
db_read_end(struct db *db, bool began)
{
	if (!began)
		return;
	int code = sqlite3_errcode(db->h);
	if (code != SQLITE_OK && code != SQLITE_ROW && code != SQLITE_DONE)
		db->read_error = xstrdup(sqlite3_errmsg(db->h));
	sqlite3_stmt *st = db_stmt(db, STMT_COMMIT, "COMMIT");
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (st)
		sqlite3_reset(st);
	/* Never leave a transaction open behind the caller. */
	if (rc != SQLITE_DONE && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

/* Readers know the schema's objects by name only (db.c), so a table
 * rewritten by hand may hold NULL where the schema says NOT NULL: it
 * reads as empty text, never as a NULL for the caller to trip on;
 * `bedside check` reports it. */
char *
db_column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	if (s == NULL)
		return xstrdup("");
	return xstrndup((const char *)s, (size_t)sqlite3_column_bytes(st, col));
}

/* Steps st to the end; a statement left mid-way would hold a read lock. */
static int
finish(sqlite3_stmt *st, int rc)
{
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_levels(struct db *db, struct db_level **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_LEVELS,
	    "SELECT name, label, disclaimer FROM levels ORDER BY position");
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		struct db_level *l = &(*out)[(*n)++];
		l->name = db_column_dup(st, 0);
		l->label = db_column_dup(st, 1);
		l->disclaimer = db_column_dup(st, 2);
	}
	if (finish(st, rc) != 0) {
		db_levels_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void
db_levels_free(struct db_level *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].label);
		free(v[i].disclaimer);
	}
	free(v);
}

int
db_statuses(struct db *db, struct db_status **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_STATUSES,
	    "SELECT name, label, position FROM statuses ORDER BY position");
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		struct db_status *s = &(*out)[(*n)++];
		s->name = db_column_dup(st, 0);
		s->label = db_column_dup(st, 1);
		s->position = sqlite3_column_int(st, 2);
	}
	if (finish(st, rc) != 0) {
		db_statuses_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void
db_statuses_free(struct db_status *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].label);
	}
	free(v);
}

/* A topic to visit and its parent's place in the tree being made. */
struct topic_frame {
	size_t i;
	size_t up;
};

static const struct db_topic *sort_flat;

/* By parent, then by place in the flat list (qsort is not stable). */
static int
by_parent(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int pi = sort_flat[i].parent_id, pj = sort_flat[j].parent_id;
	if (pi != pj)
		return pi < pj ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* Topics come back flat; the tree order (pre-order, siblings by name) is
 * made here with an explicit stack, and totals are summed bottom-up. */
int
db_topics(struct db *db, struct db_topic **out, size_t *n)
{
	/* Schema 1 has no stored counts: count the index. */
	sqlite3_stmt *st = db->version >= 2 ? db_stmt(db, STMT_TOPICS,
	    "SELECT t.id, coalesce(t.parent_id, 0), t.name, t.path, t.articles "
	    "FROM topics t ORDER BY t.name COLLATE NOCASE DESC, t.id DESC") :
	    db_stmt(db, STMT_TOPICS_V1,
	    "SELECT t.id, coalesce(t.parent_id, 0), t.name, t.path, "
	    "  (SELECT count(*) FROM articles a WHERE a.topic_id = t.id) "
	    "FROM topics t ORDER BY t.name COLLATE NOCASE DESC, t.id DESC");
	struct db_topic *flat = NULL;
	size_t nflat = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (nflat == cap) {
			cap = cap ? cap * 2 : 32;
			flat = xrealloc(flat, cap * sizeof *flat);
		}
		struct db_topic *t = &flat[nflat++];
		t->id = sqlite3_column_int(st, 0);
		t->parent_id = sqlite3_column_int(st, 1);
		t->name = db_column_dup(st, 2);
		t->path = db_column_dup(st, 3);
		/* A count from a file another program wrote may be anything:
		 * kept to 0..INT_MAX, and the totals below saturate there. */
		sqlite3_int64 direct = sqlite3_column_int64(st, 4);
		t->direct = direct < 0 ? 0 : direct > INT_MAX ? INT_MAX : (int)direct;
		t->total = t->direct;
		t->depth = 0;
	}
	if (finish(st, rc) != 0) {
		db_topics_free(flat, nflat);
		return -1;
	}

	/* Names come sorted descending, so pushing a parent's children in
	 * that order pops them ascending. Each topic's children are found
	 * in byparent (indexes sorted by parent, stably), not by a scan of
	 * every topic: that was n squared, 18 s for 100,000 topics. */
	size_t *byparent = xmalloc((nflat + 1) * sizeof *byparent);
	for (size_t i = 0; i < nflat; i++)
		byparent[i] = i;
	sort_flat = flat;
	qsort(byparent, nflat, sizeof *byparent, by_parent);
	struct topic_frame *stack = xmalloc((nflat + 1) * sizeof *stack);
	bool *done = xcalloc(nflat + 1, sizeof *done);
	size_t *up = xmalloc((nflat + 1) * sizeof *up);  /* parent's place in tree */
	struct db_topic *tree = xmalloc((nflat + 1) * sizeof *tree);
	size_t sp = 0, nt = 0;
	for (size_t i = 0; i < nflat; i++)
		if (flat[i].parent_id == 0)
			stack[sp++] = (struct topic_frame){ i, SIZE_MAX };
	while (sp > 0) {
		struct topic_frame f = stack[--sp];
		if (done[f.i])
			continue;
		done[f.i] = true;
		up[nt] = f.up;
		size_t at = nt;
		tree[nt++] = flat[f.i];
		/* Parent 0 is the top: a topic numbered 0 (a database made
		 * by hand) has no children, else it would push the top-level
		 * topics a second time, past the end of the stack. */
		if (flat[f.i].id == 0)
			continue;
		/* The first of its children in byparent, then each of them. */
		size_t lo = 0, hi = nflat;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (flat[byparent[mid]].parent_id < flat[f.i].id)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t k = lo;
		    k < nflat && flat[byparent[k]].parent_id == flat[f.i].id; k++) {
			size_t j = byparent[k];
			if (done[j])
				continue;
			flat[j].depth = flat[f.i].depth + 1;
			stack[sp++] = (struct topic_frame){ j, at };
		}
	}
	/* A topic whose parent is missing (a damaged tree) still shows,
	 * at the top, rather than vanishing. */
	for (size_t i = 0; i < nflat; i++)
		if (!done[i]) {
			flat[i].depth = 0;
			up[nt] = SIZE_MAX;
			tree[nt++] = flat[i];
		}
	/* In pre-order every descendant follows its ancestor, so one pass
	 * from the end adds each total into its parent. */
	for (size_t i = nt; i-- > 0;)
		if (up[i] != SIZE_MAX) {
			int *t = &tree[up[i]].total;
			*t = *t > INT_MAX - tree[i].total ? INT_MAX : *t + tree[i].total;
		}
	free(byparent);
	free(up);
	free(stack);
	free(done);
	free(flat);
	*out = tree;
	*n = nt;
	return 0;
}

void
db_topics_free(struct db_topic *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
	}
	free(v);
}

static void
summary_fill(struct db_summary *s, sqlite3_stmt *st)
{
	s->id = db_column_dup(st, 0);
	s->title = db_column_dup(st, 1);
	s->topic = db_column_dup(st, 2);
	s->status = db_column_dup(st, 3);
	s->updated = db_column_dup(st, 4);
}

/* LEFT JOINs: an article whose topic is missing (a database written by
 * hand; check reports it) is still found, with an empty topic. */
#define SUMMARY_COLUMNS \
	"a.id, a.title, t.path, a.status, a.updated " \
	"FROM articles a LEFT JOIN topics t ON t.id = a.topic_id "

int
db_articles_in_topic(struct db *db, int topic_id, struct db_summary **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (topic_id) {
		st = db_stmt(db, STMT_IN_TOPIC, "SELECT " SUMMARY_COLUMNS
		    "WHERE a.topic_id = ?1 ORDER BY a.title COLLATE NOCASE");
		if (st)
			sqlite3_bind_int(st, 1, topic_id);
	} else {
		/* In the tree's order: names without regard to case, and
		 * subtopics right after their topic ('/' as char(1) sorts
		 * "a/b" before "a b", which plain path order does not). */
		st = db_stmt(db, STMT_ALL_ARTICLES, "SELECT " SUMMARY_COLUMNS
		    "ORDER BY replace(t.path, '/', char(1)) COLLATE NOCASE, "
		    "a.title COLLATE NOCASE");
	}
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		summary_fill(&(*out)[(*n)++], st);
	}
	if (finish(st, rc) != 0) {
		db_summaries_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int
db_summaries(struct db *db, char *const *ids, size_t nids,
    struct db_summary **out, size_t *n)
{
	*out = nids ? xcalloc(nids, sizeof **out) : NULL;
	*n = 0;
	for (size_t i = 0; i < nids; i++) {
		sqlite3_stmt *st = db_stmt(db, STMT_SUMMARY,
		    "SELECT " SUMMARY_COLUMNS "WHERE a.id = ?1");
		int rc = SQLITE_ERROR;
		if (st != NULL) {
			sqlite3_bind_text(st, 1, ids[i], -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
			if (rc == SQLITE_ROW)
				summary_fill(&(*out)[(*n)++], st);
			sqlite3_reset(st);
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			db_summaries_free(*out, *n);
			*out = NULL;
			*n = 0;
			return -1;
		}
	}
	return 0;
}

void
db_summaries_free(struct db_summary *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].title);
		free(v[i].topic);
		free(v[i].status);
		free(v[i].updated);
	}
	free(v);
}

static char **
strings_push(char **v, size_t *n, char *s)
{
	v = xrealloc(v, (*n + 1) * sizeof *v);
	v[(*n)++] = s;
	return v;
}

static int article_load(struct db *db, const char *id, const char *level,
    struct db_article *a);

int
db_article_load(struct db *db, const char *id, const char *level, struct db_article *a)
{
	bool began = db_read_begin(db);
	int rc = article_load(db, id, level, a);
	db_read_end(db, began);
	return rc;
}

static int
article_load(struct db *db, const char *id, const char *level, struct db_article *a)
{
	sqlite3_stmt *st;
	int rc;

	memset(a, 0, sizeof *a);
	st = db_stmt(db, STMT_ARTICLE,
	    "SELECT a.id, a.title, t.path, a.updated, a.status, "
	    "  coalesce(s.label, a.status) "
	    "FROM articles a LEFT JOIN topics t ON t.id = a.topic_id "
	    "LEFT JOIN statuses s ON s.name = a.status WHERE a.id = ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 1 : -1;
	}
	a->id = db_column_dup(st, 0);
	a->title = db_column_dup(st, 1);
	a->topic = db_column_dup(st, 2);
	a->updated = db_column_dup(st, 3);
	a->status = db_column_dup(st, 4);
	a->status_label = db_column_dup(st, 5);
	sqlite3_reset(st);

	/* The levels this article has: those its sections name, or every
	 * level if no section is restricted to one. */
	st = db_stmt(db, STMT_ARTICLE_LEVELS,
	    "SELECT l.name, l.label, l.disclaimer, "
	    "  EXISTS (SELECT 1 FROM sections s "
	    "          WHERE s.article_id = ?1 AND s.level = l.name) "
	    "FROM levels l ORDER BY l.position");
	if (st == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	char **all = NULL, **labels = NULL, **disclaimers = NULL;
	size_t nall = 0, nl = 0, nd = 0;
	bool any_restricted = false;
	bool *has = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		all = strings_push(all, &nall, db_column_dup(st, 0));
		labels = strings_push(labels, &nl, db_column_dup(st, 1));
		disclaimers = strings_push(disclaimers, &nd, db_column_dup(st, 2));
		has = xrealloc(has, nall * sizeof *has);
		has[nall - 1] = sqlite3_column_int(st, 3) != 0;
		any_restricted |= has[nall - 1];
	}
	sqlite3_reset(st);
	size_t chosen = (size_t)-1;
	for (size_t i = 0; i < nall; i++) {
		if (any_restricted && !has[i])
			continue;
		a->levels = strings_push(a->levels, &a->nlevels, xstrdup(all[i]));
		if (chosen == (size_t)-1 || (level && strcmp(all[i], level) == 0))
			chosen = i;
	}
	if (chosen != (size_t)-1) {
		a->level = xstrdup(all[chosen]);
		a->level_label = xstrdup(labels[chosen]);
		a->body[DB_DISCLAIMER] = xstrdup(disclaimers[chosen]);
		a->disclaimer_is_default = true;
	}
	db_strings_free(all, nall);
	db_strings_free(labels, nl);
	db_strings_free(disclaimers, nd);
	free(has);
	if (rc != SQLITE_DONE || a->level == NULL)
		goto fail;

	/* A section for this level wins over one for every level. */
	st = db_stmt(db, STMT_SECTIONS,
	    "SELECT kind, body, level IS NULL FROM sections WHERE article_id = ?1 "
	    "AND (level IS NULL OR level = ?2) ORDER BY level IS NOT NULL, position");
	if (st == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->level, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = db_kind_by_name((const char *)sqlite3_column_text(st, 0));
		if (k < 0)
			continue;
		free(a->body[k]);
		a->body[k] = db_column_dup(st, 1);
		a->shared[k] = sqlite3_column_int(st, 2) != 0;
		if (k == DB_DISCLAIMER)
			a->disclaimer_is_default = false;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail;

	st = db_stmt(db, STMT_REFS,
	    "SELECT number, body FROM refs WHERE article_id = ?1 ORDER BY number");
	if (st == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a->refs = xrealloc(a->refs, (a->nrefs + 1) * sizeof *a->refs);
		a->refs[a->nrefs].number = sqlite3_column_int(st, 0);
		a->refs[a->nrefs].body = db_column_dup(st, 1);
		a->nrefs++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail;

	st = db_stmt(db, STMT_RELATED,
	    "SELECT related_id FROM related WHERE article_id = ?1 ORDER BY position");
	if (st == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		a->related = strings_push(a->related, &a->nrelated, db_column_dup(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail;
	return 0;

fail:
	db_article_free(a);
	return -1;
}

void
db_strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
db_article_free(struct db_article *a)
{
	free(a->id);
	free(a->title);
	free(a->topic);
	free(a->updated);
	free(a->status);
	free(a->status_label);
	free(a->level);
	free(a->level_label);
	for (int k = 0; k < DB_KIND_COUNT; k++)
		free(a->body[k]);
	for (size_t i = 0; i < a->nrefs; i++)
		free(a->refs[i].body);
	free(a->refs);
	db_strings_free(a->related, a->nrelated);
	db_strings_free(a->levels, a->nlevels);
	memset(a, 0, sizeof *a);
}
