/* cli.h: the non-interactive subcommands and what they share. Each
 * cli_* function takes the arguments after its name and returns the exit
 * status of SPEC section 2. */
#ifndef BEDSIDE_CLI_H
#define BEDSIDE_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "db.h"

enum exit_status {
	EXIT_OK = 0,
	EXIT_NOT_FOUND = 1,
	EXIT_USAGE = 2,
	EXIT_DATABASE = 3,
	EXIT_REJECTED = 4,
};

struct cli {
	const char *argv0;
	const char *db_path;    /* --db, or NULL for the default */
	const char *level;      /* --level before the command, or NULL */
	bool secure;
};

int cli_import(struct cli *c, int argc, char **argv);
int cli_search(struct cli *c, int argc, char **argv);
int cli_show(struct cli *c, int argc, char **argv);
int cli_topics(struct cli *c, int argc, char **argv);
int cli_check(struct cli *c, int argc, char **argv);

/* The help of bedside --help, which is also each command's --help. */
void cli_usage(FILE *out);
/* One line on stderr, "bedside: ...", made safe. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* After getopt_long returned '?': says which option of argv it could not
 * take and why (unknown, ambiguous, a value missing or not wanted), for
 * the command named (NULL before any command); opts is its table. */
struct option;
void cli_bad_option(const char *command, int argc, char **argv,
    const struct option *opts);
/* Whether --db's PATH is usable (not empty); if not, says why. */
bool cli_db_arg_ok(const char *path);
/* Takes --db PATH as getopt_long parsed it; when it is empty, or in
 * secure mode, prints why it is refused and returns false (the caller
 * exits with EXIT_USAGE). */
bool cli_set_db(struct cli *c, const char *path);
/* After the options: sets c->db_path to --db, else $BEDSIDE_DB, else the
 * default. Returns false, having said why, when $BEDSIDE_DB is set but
 * empty (a usage error). */
bool cli_choose_db(struct cli *c);
/* Opens c->db_path (see cli_choose_db) for reading; on failure prints why and returns NULL
 * (the caller exits with EXIT_DATABASE). */
struct db *cli_open_db(struct cli *c);
/* arg as a message quotes it: whole, or its first 80 bytes (cut at a
 * character) and "...", so that a very long argument leaves the rest of
 * the line to be read. Newly allocated. */
char *cli_shown(const char *arg);
/* "; did you mean: a, b" naming the ids of db near id, or "" when
 * there is none: for the message saying there is no article id. */
char *cli_did_you_mean(struct db *db, const char *id);
/* Checks --level against the database's levels; NULL means the first. On
 * failure prints the known levels and returns NULL. */
char *cli_level(struct db *db, const char *wanted);
/* Columns to wrap printed text at: the terminal's width, or 80 when
 * stdout is not a terminal. */
int cli_width(void);
/* The exit status once standard output is flushed: status itself, or
 * EXIT_USAGE after saying why when anything written there was lost (a
 * full disk, a closed pipe). */
int cli_finish(int status);
/* Writes Markdown to out made safe: what is printed may later be shown
 * on a terminal, so control characters never go out raw, piped or not.
 * Newlines and tabs stay: in Markdown a tab indents (a code block, a
 * list item's next paragraph), and one space would change the article. */
void cli_print_safe(FILE *out, const char *text);

#endif
