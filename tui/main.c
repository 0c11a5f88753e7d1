/* main.c: argument parsing and subcommand dispatch, nothing else. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "settings.h"
#include "text.h"

static void
usage(FILE *out)
{
	fputs(
"Usage: bedside [OPTION]... [ID]\n"
"       bedside COMMAND [OPTION]... [ARG]...\n"
"Browse an offline database of clinical articles in the terminal.\n"
"\n"
"With no COMMAND, open the full-screen browser (at article ID if given).\n"
"\n"
"Commands:\n"
"  import [--replace] PATH...     import .md articles and folders of them;\n"
"                                 --replace keeps only the articles imported\n"
"  search [--level LEVEL] [--limit N] [--json] QUERY...\n"
"                                 ranked articles matching the words typed\n"
"  show [--level LEVEL] [--format text|markdown|json] ID\n"
"                                 print one article\n"
"  topics [--articles] [--json]   the topic tree with article counts;\n"
"                                 --articles lists every article instead,\n"
"                                 one 'ID<TAB>TITLE' line each\n"
"  check                          check the database's integrity\n"
"\n"
"Options:\n"
"      --db PATH          use the database at PATH (also $BEDSIDE_DB)\n"
"      --level LEVEL      reading level: clinician or patient\n"
"      --keymap NAME|PATH keymap for the browser: default, vi, emacs or a file\n"
"      --theme NAME       colours for the browser: light, dark or mono\n"
"      --secure           for shared accounts: no files written, no --db or\n"
"                         keymap paths, no other program started\n"
"                         (also BEDSIDE_SECURE=1)\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Exit status: 0 success, 1 nothing found, 2 usage error, 3 database missing,\n"
"unreadable, corrupt or of an unknown version, 4 import rejected.\n"
"\n"
"Full documentation: man bedside; the article format: man bedside-articles.\n",
	    out);
}

static bool
env_true(const char *name)
{
	const char *v = getenv(name);
	return v && *v && strcmp(v, "0") != 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "level", required_argument, NULL, 'l' },
		{ "keymap", required_argument, NULL, 'k' },
		{ "theme", required_argument, NULL, 't' },
		{ "secure", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct app_options app = { 0 };
	struct cli cli = { 0 };
	int ch;

	setlocale(LC_ALL, "");
	/* A terminal in a non-UTF-8 locale gets ASCII only; pipes and files
	 * always get UTF-8. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 && isatty(STDOUT_FILENO))
		text_set_ascii(true);

	cli.argv0 = app.argv0 = argv[0];
	cli.secure = app.secure = env_true("BEDSIDE_SECURE");

	/* Options before the command apply to it; "+" stops at the command
	 * so that its own options are parsed by its own function. */
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			cli.db_path = app.db_path = optarg;
			break;
		case 'l':
			cli.level = app.level = optarg;
			break;
		case 'k':
			app.keymap = optarg;
			break;
		case 't': {
			enum settings_theme t;
			if (!settings_theme_by_name(optarg, &t)) {
				cli_error("unknown theme '%s' (light, dark or mono)", optarg);
				return EXIT_USAGE;
			}
			app.theme = optarg;
			break;
		}
		case 's':
			cli.secure = app.secure = true;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return EXIT_OK;
		default:
			cli_error("unknown or incomplete option '%s' (see bedside --help)",
			    argv[optind - 1]);
			return EXIT_USAGE;
		}
	}

	static const struct {
		const char *name;
		int (*run)(struct cli *, int, char **);
	} commands[] = {
		{ "import", cli_import },
		{ "search", cli_search },
		{ "show", cli_show },
		{ "topics", cli_topics },
		{ "check", cli_check },
	};
	/* Secure mode takes no database path from the user, by option or by
	 * environment. The option is judged by what getopt_long recognised
	 * (it accepts --d, --db=...), here and in each command's parser;
	 * --secure may come after --db, so only now is secure mode known. */
	if (cli.secure) {
		unsetenv("BEDSIDE_DB");
		if (cli.db_path) {
			cli_error("--db is not allowed in secure mode");
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
			if (strcmp(argv[optind], commands[i].name) == 0)
				return commands[i].run(&cli, argc - optind, argv + optind);
		if (optind + 1 < argc) {
			cli_error("unknown command '%s' (see bedside --help)", argv[optind]);
			return EXIT_USAGE;
		}
		app.open_id = argv[optind];
	}
	return app_run(&app);
}
