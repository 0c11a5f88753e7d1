/* app_signals.h: the signals the browser acts on. Handlers only set
 * flags; the event loop sees them between keys. */
#ifndef BEDSIDE_APP_SIGNALS_H
#define BEDSIDE_APP_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

/* Set by every signal below: given to input_read, it ends the wait for
 * a key. The loop clears it once it has looked at what came. */
extern volatile sig_atomic_t app_signal_wake;

/* SIGTERM, SIGHUP, SIGINT and SIGQUIT end the loop; SIGTSTP (Ctrl-Z)
 * asks for a suspend, except in secure mode, where it and the other
 * stops are ignored. Called before curses starts, so that curses
 * installs no SIGTSTP handler of its own. */
void app_signals_catch(bool secure);
/* The stop signal that came, or 0. */
int app_signals_stop(void);
/* Whether Ctrl-Z came since the last call. */
bool app_signals_take_suspend(void);
/* Stops the program, as Ctrl-Z does by default, until it is continued
 * (fg). The terminal is the caller's to restore, before and after. */
void app_signals_suspend(void);

#endif
