/* cli_topics.c: `bedside topics`: the topic tree with article counts. */
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

int
cli_topics(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	bool as_json = false;
	int ch;

	opterr = 0;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			c->db_path = optarg;
			break;
		case 'j':
			as_json = true;
			break;
		default:
			cli_error("topics: unknown or incomplete option '%s' (see bedside --help)",
			    argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error("topics: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	struct db *db = cli_open_db(c);
	if (db == NULL)
		return EXIT_DATABASE;
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
