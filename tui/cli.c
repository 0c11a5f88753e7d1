/* cli.c: helpers the subcommands share. */
#include "config.h"
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "text.h"

void
cli_usage(FILE *out)
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
"      --db PATH           use the database at PATH (also $BEDSIDE_DB)\n"
"      --level LEVEL       reading level: clinician or patient\n"
"      --keymap NAME|PATH  keymap for the browser: default, vi, emacs or a file\n"
"      --theme NAME        colours for the browser: light, dark or mono\n"
"      --secure            for shared accounts: no files written, no --db or\n"
"                          keymap paths, no other program started\n"
"                          (also BEDSIDE_SECURE=1)\n"
"  -h, --help              show this help and exit (also after a COMMAND)\n"
"  -V, --version           show the version and exit\n"
"\n"
"Exit status: 0 success, 1 nothing found, 2 usage error, 3 database missing,\n"
"unreadable, corrupt or of an unknown version, 4 import rejected.\n"
"\n"
"Full documentation: man bedside; the article format: man bedside-articles.\n",
	    out);
}

void
cli_error(const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	struct buf line = BUF_INIT;
	buf_adds(&line, "bedside: ");
	text_sanitize(&line, msg, strlen(msg), TEXT_TABS_AS_SPACE);
	buf_addc(&line, '\n');
	text_fputs(line.data, stderr);
	buf_free(&line);
}

/* As search cuts a query it names. */
#define SHOWN_ARG 80

char *
cli_shown(const char *arg)
{
	size_t len = strlen(arg);
	struct buf b = BUF_INIT;
	buf_add(&b, arg, text_cut(arg, len, SHOWN_ARG));
	buf_adds(&b, len > SHOWN_ARG ? "..." : "");
	return buf_detach(&b);
}

char *
cli_did_you_mean(struct db *db, const char *id)
{
	char **near;
	size_t n;
	struct buf b = BUF_INIT;
	if (db_near_ids(db, id, &near, &n, 3) != 0 || n == 0) {
		db_strings_free(near, n);       /* none: still an empty list */
		buf_adds(&b, "");
		return buf_detach(&b);
	}
	/* As search says it: "did you mean: gadgets, gadget". */
	buf_adds(&b, "; did you mean: ");
	for (size_t i = 0; i < n; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", near[i]);
	db_strings_free(near, n);
	return buf_detach(&b);
}

/* Whether s is a group of option letters ("-xy") holding letter. */
static bool
letter_group(const char *s, int letter)
{
	return s[0] == '-' && s[1] != '-' && s[1] != '\0' &&
	    strchr(s + 1, letter) != NULL;
}

void
cli_bad_option(const char *command, int argc, char **argv,
    const struct option *opts)
{
	/* getopt_long reads a group of letters ("-xy") one at a time and
	 * leaves optind on it until its last letter, so argv[optind - 1]
	 * may be the word before the group: optopt names the letter. For a
	 * long option optopt is 0 (unknown, ambiguous) or, for a value
	 * missing or not wanted ("--json=1"), the option's code, and the
	 * option is argv[optind - 1]. */
	const char *arg = argv[optind - 1];
	const char *cmd = command ? command : "", *sep = command ? ": " : "";
	char letter[3] = { '-', (char)optopt, '\0' };
	if (optopt > 0 && optopt < 0x7f &&
	    ((optind < argc && letter_group(argv[optind], optopt)) ||
	    strncmp(arg, "--", 2) != 0)) {
		cli_error("%s%sunknown option '%s' (see bedside --help)", cmd, sep,
		    letter);
		return;
	}
	/* "Unknown" alone would send a user who typed --level at the end,
	 * or --l for --limit, looking for a typing mistake. */
	const char *name = arg + 2;
	size_t len = strcspn(name, "=");
	if (optopt != 0) {
		const struct option *o = opts;
		while (o->name && o->val != optopt)
			o++;
		cli_error("%s%soption '--%s' %s (see bedside --help)", cmd, sep,
		    o->name ? o->name : name, name[len] == '=' ?
		    "takes no value" : "needs a value");
		return;
	}
	struct buf both = BUF_INIT;
	int n = 0;
	for (const struct option *o = opts; o->name; o++)
		if (len > 0 && strncmp(o->name, name, len) == 0)
			buf_addf(&both, "%s--%s", n++ ? " or " : "", o->name);
	if (n > 1)
		cli_error("%s%soption '%.*s' is ambiguous: %s (see bedside --help)",
		    cmd, sep, (int)(len + 2), arg, both.data);
	else
		cli_error("%s%sunknown option '%s' (see bedside --help)", cmd, sep,
		    arg);
	buf_free(&both);
}

bool
cli_db_arg_ok(const char *path)
{
	/* "" names no file: SQLite would open an empty temporary database,
	 * and import would lock "./.lock" and fail oddly. */
	if (*path == '\0') {
		cli_error("--db needs a path, not an empty string");
		return false;
	}
	return true;
}

bool
cli_set_db(struct cli *c, const char *path)
{
	if (!cli_db_arg_ok(path))
		return false;
	/* Decided on the option getopt_long recognised, so every spelling
	 * it accepts (--db, --db=, --d, ...) is refused alike. */
	if (c->secure) {
		cli_error("--db is not allowed in secure mode");
		return false;
	}
	c->db_path = path;
	return true;
}

bool
cli_choose_db(struct cli *c)
{
	if (c->db_path)
		return true;
	/* Set but empty is a mistake (a script's unset variable), not a
	 * wish for the default database: say so rather than guess. */
	const char *env = getenv("BEDSIDE_DB");
	if (env && *env == '\0') {
		cli_error("$BEDSIDE_DB is set but empty: unset it, or set it to "
		    "the database's path");
		return false;
	}
	c->db_path = db_default_path(c->argv0);
	return true;
}

struct db *
cli_open_db(struct cli *c)
{
	struct buf err = BUF_INIT;
	struct db *db = db_open(c->db_path, DB_READ, &err);
	if (db == NULL)
		cli_error("%s", err.data);
	buf_free(&err);
	return db;
}

char *
cli_level(struct db *db, const char *wanted)
{
	struct db_level *levels;
	size_t n;
	char *found = NULL;
	if (db_levels(db, &levels, &n) != 0) {
		cli_error("%s: cannot read reading levels: %s", db_path(db), db_errmsg(db));
		return NULL;
	}
	if (n == 0) {
		/* A query that worked: SQLite's message would be "not an error". */
		cli_error("%s: the database has no reading levels", db_path(db));
		return NULL;
	}
	if (wanted == NULL) {
		found = xstrdup(levels[0].name);
	} else {
		for (size_t i = 0; i < n; i++)
			if (strcmp(levels[i].name, wanted) == 0)
				found = xstrdup(wanted);
		if (!found) {
			struct buf known = BUF_INIT;
			for (size_t i = 0; i < n; i++)
				buf_addf(&known, "%s%s", i ? ", " : "", levels[i].name);
			cli_error("unknown level '%s' (known: %s)", wanted, known.data);
			buf_free(&known);
		}
	}
	db_levels_free(levels, n);
	return found;
}

int
cli_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

void
cli_print_safe(FILE *out, const char *text)
{
	char *safe = text_sanitized(text, TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS);
	fputs(safe, out);
	free(safe);
}

int
cli_finish(int status)
{
	/* A script that saves show's or search's output goes by the exit
	 * status: a full disk must not pass for a whole article. stdio
	 * keeps the error once a write failed; the flush says which. */
	int err = fflush(stdout) != 0 ? errno : 0;
	if (!ferror(stdout))
		return status;
	if (err)
		cli_error("cannot write to standard output: %s", strerror(err));
	else
		cli_error("cannot write to standard output");
	return EXIT_USAGE;
}
