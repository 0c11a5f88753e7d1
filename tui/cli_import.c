/* cli_import.c: `bedside import`: the command-line face of data/import.c. */
#include "config.h"
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"
#include "text.h"

int
cli_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "replace", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_options opt = { 0 };
	int ch;

	opterr = 0;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (!cli_set_db(c, optarg))
				return EXIT_USAGE;
			break;
		case 'r':
			opt.replace_all = true;
			break;
		case 'h':
			cli_usage(stdout);
			return EXIT_OK;
		default:
			cli_bad_option("import", argc, argv, opts);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cli_error("import: usage: bedside import [--db PATH] [--replace] PATH...");
		return EXIT_USAGE;
	}
	/* "-" is standard input to most tools; an article's file name and
	 * line are what every message of the import names, so files only
	 * (./- is the file called "-"). */
	for (int i = optind; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			cli_error("import: cannot read articles from standard input "
			    "('-'): give .md files or folders");
			return EXIT_USAGE;
		} else if (argv[i][0] == '\0') {
			/* A script's unset variable: say which of the
			 * paths it was, as "" shows nothing in a message. */
			cli_error("import: an empty string is not a file or folder "
			    "(argument %d of %d)", i - optind + 1, argc - optind);
			return EXIT_USAGE;
		}
	}
	if (c->secure) {
		cli_error("import: not allowed in secure mode");
		return EXIT_USAGE;
	}
	if (!cli_choose_db(c))
		return EXIT_USAGE;
	const char *path = c->db_path;
	opt.progress = isatty(STDERR_FILENO);

	struct import_result res;
	int rc = import_paths(path, argv + optind, argc - optind, &opt, &res, stderr);
	if (rc != IMPORT_OK)
		return rc;
	char *safe = text_sanitized(path, 0);
	printf("imported %d article%s into %s (%d new, %d replaced", res.articles,
	    res.articles == 1 ? "" : "s", safe, res.articles - res.replaced, res.replaced);
	if (opt.replace_all)
		printf(", %d removed", res.removed);
	printf(")%s\n", res.warnings ? "; see the warnings above" : "");
	free(safe);
	return EXIT_OK;
}
