/* cli_check.c: `bedside check`: SQLite's integrity check, FTS5's, and the
 * schema version (checked when the database is opened). */
#include "config.h"
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>

#include "buf.h"
#include "text.h"

int
cli_check(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	opterr = 0;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'd') {
			if (!cli_set_db(c, optarg))
				return EXIT_USAGE;
			continue;
		}
		if (ch == 'h') {
			cli_usage(stdout);
			return EXIT_OK;
		}
		cli_bad_option("check", argc, argv, opts);
		return EXIT_USAGE;
	}
	if (optind < argc) {
		cli_error("check: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	if (!cli_choose_db(c))
		return EXIT_USAGE;
	struct db *db = cli_open_db(c);
	if (db == NULL)
		return EXIT_DATABASE;
	struct buf report = BUF_INIT;
	int problems = db_check(db, &report);
	if (problems) {
		char *safe = text_sanitized(report.data, TEXT_KEEP_NEWLINES);
		text_fputs(safe, stderr);
		free(safe);
		cli_error("%s: %d problem%s found", db_path(db), problems,
		    problems == 1 ? "" : "s");
	} else {
		struct db_summary *all;
		size_t n = 0;
		char *path = text_sanitized(db_path(db), 0);
		/* A count that could not be read is no "ok (0 articles)". */
		if (db_articles_in_topic(db, 0, &all, &n) != 0) {
			cli_error("%s: cannot read the list of articles", path);
			problems = 1;
		} else {
			printf("%s: ok (schema version %d, %zu article%s)\n", path,
			    db_version(db), n, n == 1 ? "" : "s");
		}
		free(path);
		db_summaries_free(all, n);
	}
	buf_free(&report);
	db_close(db);
	return problems ? EXIT_DATABASE : EXIT_OK;
}
