/* import_parse.c: see import_parse.h. */
#include "config.h"
#include "import_parse.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "import_write.h"
#include "text.h"

#define FEED_SLOTS 64           /* articles parsed ahead of the writer */

static void
parse_file(const char *path, const struct article_rules *rules, struct article *a,
    struct diag *d)
{
	size_t len = 0;
	char *text = import_read_file(path, &len, d);
	memset(a, 0, sizeof *a);
	if (text == NULL)
		return;
	article_parse(path, text, len, rules, a, d);
	free(text);
}

void
import_item_free(struct import_item *it)
{
	article_free(&it->a);
	free(it->title);
	diag_free(&it->d);
	memset(it, 0, sizeof *it);
}

struct import_feed {
	const struct file_list *files;
	const struct article_rules *rules;
	sqlite3 *mem;           /* lends the counting its tokenizer */
	struct vocab *words;    /* NULL: not counted, or counting failed */
	bool words_failed;
	size_t next;            /* the next file to parse */

	bool threaded;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed; /* an item was added or taken, or stop set */
	struct import_item ring[FEED_SLOTS];
	size_t head, count;     /* ready: ring[head], ring[head + 1] ... */
	bool ended;             /* the thread has parsed every file */
	bool stop;              /* the writer wants no more */
};

/* Parses the next file into it, and counts its words. */
static void
feed_parse(struct import_feed *f, struct import_item *it)
{
	memset(it, 0, sizeof *it);
	parse_file(f->files->v[f->next++], f->rules, &it->a, &it->d);
	if (it->d.errors > 0 || it->a.id == NULL)
		return;
	it->title = text_sanitized(it->a.title, 0);
	if (f->words == NULL)
		return;
	struct search_row rows[DB_LEVEL_ROWS];
	size_t n = import_search_rows(&it->a, f->rules, it->title, rows);
	for (size_t i = 0; i < n; i++)
		if (vocab_row(f->words, rows[i].text, 1) != 0) {
			vocab_free(f->words);
			f->words = NULL;
			f->words_failed = true;
			return;
		}
}

static void *
feed_thread(void *arg)
{
	struct import_feed *f = arg;
	while (f->next < f->files->n) {
		struct import_item it;
		feed_parse(f, &it);
		pthread_mutex_lock(&f->lock);
		while (f->count == FEED_SLOTS && !f->stop)
			pthread_cond_wait(&f->changed, &f->lock);
		bool stop = f->stop;
		if (!stop) {
			f->ring[(f->head + f->count) % FEED_SLOTS] = it;
			/* Only a writer with nothing to take waits. */
			if (f->count++ == 0)
				pthread_cond_broadcast(&f->changed);
		}
		pthread_mutex_unlock(&f->lock);
		if (stop) {
			import_item_free(&it);
			break;
		}
	}
	pthread_mutex_lock(&f->lock);
	f->ended = true;
	pthread_cond_broadcast(&f->changed);
	pthread_mutex_unlock(&f->lock);
	return NULL;
}

struct import_feed *
import_feed_start(const struct file_list *files, const struct article_rules *rules,
    bool count_words)
{
	struct import_feed *f = xcalloc(1, sizeof *f);
	f->files = files;
	f->rules = rules;
	if (count_words) {
		if (sqlite3_open(":memory:", &f->mem) == SQLITE_OK)
			f->words = vocab_new(f->mem);
		f->words_failed = f->words == NULL;
	}
	if (pthread_mutex_init(&f->lock, NULL) != 0)
		return f;
	if (pthread_cond_init(&f->changed, NULL) != 0) {
		pthread_mutex_destroy(&f->lock);
		return f;
	}
	/* Signals go to the importer's thread, whose handlers remove the
	 * new file (import.c): the parser's blocks them all. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	f->threaded = pthread_create(&f->thread, NULL, feed_thread, f) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!f->threaded) {
		pthread_cond_destroy(&f->changed);
		pthread_mutex_destroy(&f->lock);
	}
	return f;
}

int
import_feed_next(struct import_feed *f, struct import_item *it)
{
	if (!f->threaded) {
		if (f->next >= f->files->n)
			return 0;
		feed_parse(f, it);
		return 1;
	}
	pthread_mutex_lock(&f->lock);
	while (f->count == 0 && !f->ended)
		pthread_cond_wait(&f->changed, &f->lock);
	int got = f->count > 0;
	if (got) {
		*it = f->ring[f->head];
		f->head = (f->head + 1) % FEED_SLOTS;
		/* The parser waits on a full ring: waking it only once half
		 * is free lets it parse a run of files per wake, where a wake
		 * per article cost both threads a switch each time. */
		if (--f->count == FEED_SLOTS / 2)
			pthread_cond_broadcast(&f->changed);
	}
	pthread_mutex_unlock(&f->lock);
	return got;
}

/* Stops the thread; afterwards only this thread touches f. */
static void
feed_join(struct import_feed *f)
{
	if (!f->threaded)
		return;
	pthread_mutex_lock(&f->lock);
	f->stop = true;
	pthread_cond_broadcast(&f->changed);
	pthread_mutex_unlock(&f->lock);
	pthread_join(f->thread, NULL);
	pthread_cond_destroy(&f->changed);
	pthread_mutex_destroy(&f->lock);
	f->threaded = false;
	/* What it parsed and nobody took; none when every file was taken. */
	for (; f->count > 0; f->count--, f->head = (f->head + 1) % FEED_SLOTS)
		import_item_free(&f->ring[f->head]);
	f->next = f->files->n;
}

struct vocab *
import_feed_words(struct import_feed *f)
{
	feed_join(f);
	return f->words_failed ? NULL : f->words;
}

void
import_feed_free(struct import_feed *f)
{
	if (f == NULL)
		return;
	feed_join(f);
	vocab_free(f->words);
	sqlite3_close(f->mem);
	free(f);
}
