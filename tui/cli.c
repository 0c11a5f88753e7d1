/* cli.c: helpers the subcommands share. */
#include "config.h"
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "text.h"

void
cli_error(const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *safe = text_sanitized(msg, TEXT_TABS_AS_SPACE);
	fprintf(stderr, "bedside: %s\n", safe);
	free(safe);
}

bool
cli_set_db(struct cli *c, const char *path)
{
	/* Decided on the option getopt_long recognised, so every spelling
	 * it accepts (--db, --db=, --d, ...) is refused alike. */
	if (c->secure) {
		cli_error("--db is not allowed in secure mode");
		return false;
	}
	c->db_path = path;
	return true;
}

struct db *
cli_open_db(struct cli *c)
{
	struct buf err = BUF_INIT;
	const char *path = c->db_path ? c->db_path : db_default_path(c->argv0);
	struct db *db = db_open(path, DB_READ, &err);
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
	if (db_levels(db, &levels, &n) != 0 || n == 0) {
		cli_error("%s: cannot read reading levels: %s", db_path(db), db_errmsg(db));
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
	char *safe = text_sanitized(text, TEXT_KEEP_NEWLINES | TEXT_TABS_AS_SPACE);
	fputs(safe, out);
	free(safe);
}
