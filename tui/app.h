/* app.h: the full-screen browser. */
#ifndef BEDSIDE_APP_H
#define BEDSIDE_APP_H

#include <stdbool.h>

struct app_options {
	const char *argv0;
	const char *db_path;    /* NULL: the default database */
	const char *level;      /* --level, or NULL for the remembered one */
	const char *keymap;     /* --keymap NAME|PATH, or NULL for default */
	const char *open_id;    /* article to open first, or NULL */
	bool secure;
};

/* Runs the browser until the user quits; returns the exit status. */
int app_run(const struct app_options *opt);

#endif
