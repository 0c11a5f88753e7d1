/* cli_topics.c: `bedside topics`: the topic tree with article counts, or
 * with --articles every article, one per line (for scripts and the shell's
 * completion of article ids). */
#include "config.h"
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "text.h"

static void
print_tree(const struct db_topic *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *name = text_sanitized(t[i].name, 0);
		printf("%*s%s (%d)\n", t[i].depth * 2, "", name, t[i].total);
		free(name);
	}
}

/* Pre-order with depths becomes nested "children" arrays: close one
 * level per step back up. */
static void
print_json(const struct db_topic *t, size_t n)
{
	struct json j;
	json_init(&j, stdout);
	json_object_begin(&j);
	json_key(&j, "topics");
	json_array_begin(&j);
	int depth = 0;
	for (size_t i = 0; i < n; i++) {
		for (; depth > t[i].depth; depth--) {
			json_array_end(&j);
			json_object_end(&j);
		}
		json_object_begin(&j);
		json_key(&j, "name");
		json_string(&j, t[i].name);
		json_key(&j, "path");
		json_string(&j, t[i].path);
		json_key(&j, "articles");
		json_int(&j, t[i].direct);
		json_key(&j, "total");
		json_int(&j, t[i].total);
		json_key(&j, "children");
		json_array_begin(&j);
		depth++;
		if (!(i + 1 < n && t[i + 1].depth > t[i].depth)) {
			json_array_end(&j);
			json_object_end(&j);
			depth--;
		}
	}
	for (; depth > 0; depth--) {
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

/* ID<TAB>TITLE, by topic then title: made safe, neither has a tab or
 * newline left, so the columns always split cleanly. The importer allows
 * only [a-z0-9-] in an id, but a database can be written by anyone. */
static void
print_articles(const struct db_summary *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *id = text_sanitized(a[i].id, TEXT_TABS_AS_SPACE);
		char *title = text_sanitized(a[i].title, TEXT_TABS_AS_SPACE);
		printf("%s\t%s\n", id, title);
		free(title);
		free(id);
	}
}

static void
print_articles_json(const struct db_summary *a, size_t n)
{
	struct json j;
	json_init(&j, stdout);
	json_object_begin(&j);
	json_key(&j, "articles");
	json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, a[i].id);
		json_key(&j, "title");
		json_string(&j, a[i].title);
		json_key(&j, "topic");
		json_string(&j, a[i].topic);
		json_key(&j, "status");
		json_string(&j, a[i].status);
		json_key(&j, "updated");
		json_string(&j, a[i].updated);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

static int
list_articles(struct db *db, bool as_json)
{
	struct db_summary *a;
	size_t n;
	if (db_articles_in_topic(db, 0, &a, &n) != 0) {
		cli_error("%s: cannot read articles: %s", db_path(db), db_errmsg(db));
		return EXIT_DATABASE;
	}
	if (as_json)
		print_articles_json(a, n);
	else
		print_articles(a, n);
	db_summaries_free(a, n);
	return EXIT_OK;
}

int
cli_topics(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "json", no_argument, NULL, 'j' },
		{ "articles", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool as_json = false, articles = false;
	int ch;

	opterr = 0;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (!cli_set_db(c, optarg))
				return EXIT_USAGE;
			break;
		case 'j':
			as_json = true;
			break;
		case 'a':
			articles = true;
			break;
		case 'h':
			cli_usage(stdout);
			return EXIT_OK;
		default:
			cli_bad_option("topics", argc, argv, opts);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error("topics: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	if (!cli_choose_db(c))
		return EXIT_USAGE;
	struct db *db = cli_open_db(c);
	if (db == NULL)
		return EXIT_DATABASE;
	if (articles) {
		int rc = list_articles(db, as_json);
		db_close(db);
		return rc;
	}
	struct db_topic *t;
	size_t n;
	int status = EXIT_OK;
	if (db_topics(db, &t, &n) != 0) {
		cli_error("%s: cannot read topics: %s", db_path(db), db_errmsg(db));
		status = EXIT_DATABASE;
	} else {
		if (as_json)
			print_json(t, n);
		else
			print_tree(t, n);
		db_topics_free(t, n);
	}
	db_close(db);
	return status;
}
