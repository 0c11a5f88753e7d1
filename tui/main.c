/* main.c: argument parsing and subcommand dispatch, nothing else. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "db.h"
#include "settings.h"
#include "text.h"

static bool
env_true(const char *name)
{
	const char *v = getenv(name);
	return v && *v && strcmp(v, "0") != 0;
}

static const struct command {
	const char *name;
	int (*run)(struct cli *, int, char **);
	bool level;             /* takes --level */
} commands[] = {
	{ "import", cli_import, false },
	{ "search", cli_search, true },
	{ "show", cli_show, true },
	{ "topics", cli_topics, false },
	{ "check", cli_check, false },
};

static const struct command *
command_named(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

/* Reads the browser's options from argv[optind] on, up to the first word
 * that is not an option ("+": a command's options are its own to parse).
 * Returns -1 to go on, or the status to exit with. */
static int
parse_options(int argc, char **argv, struct app_options *app, struct cli *cli)
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
	int ch;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (!cli_db_arg_ok(optarg))
				return EXIT_USAGE;
			cli->db_path = app->db_path = optarg;
			break;
		case 'l':
			cli->level = app->level = optarg;
			break;
		case 'k':
			app->keymap = optarg;
			break;
		case 't': {
			enum settings_theme t;
			if (!settings_theme_by_name(optarg, &t)) {
				cli_error("unknown theme '%s' (light, dark or mono)",
				    optarg);
				return EXIT_USAGE;
			}
			app->theme = optarg;
			break;
		}
		case 's':
			cli->secure = app->secure = true;
			break;
		case 'h':
			cli_usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return EXIT_OK;
		default:
			cli_bad_option(NULL, argc, argv, opts);
			return EXIT_USAGE;
		}
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct app_options app = { 0 };
	struct cli cli = { 0 };
	const struct command *cmd = NULL;
	int first, rc;

	db_library_init();
	setlocale(LC_ALL, "");
	/* The user's characters, but never the user's numbers: JSON and
	 * everything else written for programs wants "2.5", where a locale
	 * such as de_DE would print "2,5". */
	setlocale(LC_NUMERIC, "C");
	/* A terminal in a non-UTF-8 locale gets ASCII only, on stdout or on
	 * stderr; pipes and files always get UTF-8. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		if (isatty(STDOUT_FILENO))
			text_set_ascii(true);
		if (isatty(STDERR_FILENO))
			text_set_ascii_stderr(true);
	} else {
		text_set_locale_widths(true);
	}

	/* A write past a file size limit (ulimit -f) fails with EFBIG and
	 * is reported like a full disk; SIGXFSZ's default action would kill
	 * an import with no word, leaving its temporary file, or the
	 * browser with the terminal still in curses mode. */
	signal(SIGXFSZ, SIG_IGN);

	cli.argv0 = app.argv0 = argv[0];
	cli.secure = app.secure = env_true("BEDSIDE_SECURE");

	/* Options before the command apply to it. */
	if ((rc = parse_options(argc, argv, &app, &cli)) >= 0)
		return cli_finish(rc);
	first = optind;
	/* After "--" the word is an article ID even where a command has its
	 * name (the importer warns of such ids). */
	if (first < argc && (strcmp(argv[first - 1], "--") == 0 ||
	    (cmd = command_named(argv[first])) == NULL)) {
		/* Not a command, so the ID of the article to open; the
		 * browser's options may follow it as well as come before
		 * (unless "--" ended them). */
		app.open_id = argv[first];
		if (*app.open_id == '\0') {
			cli_error("an empty string is not a command or an article id "
			    "(see bedside --help)");
			return EXIT_USAGE;
		}
		bool ended = strcmp(argv[first - 1], "--") == 0;
		optind = 0;     /* parse argv + first afresh, as commands do */
		if (!ended &&
		    (rc = parse_options(argc - first, argv + first, &app, &cli)) >= 0)
			return cli_finish(rc);
		int next = ended ? 1 : optind;
		if (first + next < argc) {
			cli_error("unexpected argument '%s' after the article ID '%s' "
			    "(not a command; see bedside --help)", argv[first + next],
			    argv[first]);
			return EXIT_USAGE;
		}
	}

	/* Secure mode takes no database path from the user, by option or by
	 * environment. The option is judged by what getopt_long recognised
	 * (it accepts --d, --db=...), here and in each command's parser;
	 * --secure may come after --db, so only now is secure mode known. */
	if (cli.secure) {
		/* No file written at all, not even a core dump if something
		 * crashes. */
		struct rlimit none = { 0, 0 };
		setrlimit(RLIMIT_CORE, &none);
		unsetenv("BEDSIDE_DB");
		if (cli.db_path) {
			cli_error("--db is not allowed in secure mode");
			return EXIT_USAGE;
		}
	}
	/* The browser draws on the terminal, not on stdout's stream: only
	 * the commands' output is checked for lost writes. */
	if (cmd) {
		/* Options before a command are its own (bedside(1)): one it
		 * does not take is refused as it is after the command, not
		 * dropped without a word. */
		const char *stray = app.keymap ? "--keymap" : app.theme ? "--theme" :
		    cli.level && !cmd->level ? "--level" : NULL;
		if (stray) {
			cli_error("%s: unknown option '%s' (see bedside --help)",
			    cmd->name, stray);
			return EXIT_USAGE;
		}
		return cli_finish(cmd->run(&cli, argc - first, argv + first));
	}
	if (!cli_choose_db(&cli))
		return EXIT_USAGE;
	app.db_path = cli.db_path;
	return app_run(&app);
}
