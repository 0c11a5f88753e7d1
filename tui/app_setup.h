/* app_setup.h: what happens before the browser's first key and after its
 * last: options checked, database, keymaps and user state loaded, the
 * terminal started and restored. */
#ifndef BEDSIDE_APP_SETUP_H
#define BEDSIDE_APP_SETUP_H

#include <stdbool.h>

#include "app.h"

/* Fills app from opt. Returns -1 when the browser can start, else the exit
 * status, with the reason printed on stderr. */
int app_setup(struct app *app, const struct app_options *opt);
/* Starts curses; false (reason printed) if the terminal cannot be used. */
bool app_setup_terminal(struct app *app);
/* The first messages on the status line: keymap problems, a state
 * folder that cannot be written. */
void app_setup_greet(struct app *app);
void app_setup_end_terminal(struct app *app);
/* Adds the state folder's problem, if there is one, to those listed on
 * stderr at exit: it was on the status line only at the start (or when
 * a save failed), and a failed last save at quitting was never shown. */
void app_setup_report_state(struct app *app);
/* Frees what app_setup made and prints the problems found in the config
 * file, the keymaps and the state folder on stderr, once each. */
void app_setup_free(struct app *app);

/* In app.c. */
int app_loop(struct app *app);

#endif
