/* input.h: reading keys from the terminal for the event loop. */
#ifndef BEDSIDE_INPUT_H
#define BEDSIDE_INPUT_H

#include <signal.h>
#include <stdbool.h>

#include "keymap.h"

enum input_result {
	INPUT_KEY,              /* *out is a key */
	INPUT_RESIZE,           /* the terminal changed size */
	INPUT_SKIP,             /* bytes that are no key were read and dropped */
	INPUT_STOP,             /* a stop signal, or the terminal is gone */
};

/* Once curses has started: learns which codes curses gives for this
 * terminal are other names for keys a keymap names (linux's second
 * Shift-Tab, xterm's Home as KEY_FIND), so each reads as that key. */
void input_setup(void);

/* Asks the terminal to bracket pasted text (on) or no longer to, where
 * its terminfo says how. */
void input_paste_mode(bool on);
/* Whether the key just read came from a paste. */
bool input_pasted(void);

/* Whether the terminal can send key at all: C-h cannot where Backspace
 * sends ^H, for it arrives as Backspace. Help and hints leave such keys
 * out. */
bool input_key_reachable(struct key key);

/* Waits for the next key. wake is checked before every wait and a signal
 * interrupts the wait, so setting it from a handler ends the wait, with
 * INPUT_STOP. A terminal that hangs up or reads end of file gives
 * INPUT_STOP too: the caller never spins on a dead terminal. */
enum input_result input_read(struct key *out, volatile sig_atomic_t *wake);

/* Whether more input is already waiting (typeahead, a paste): the loop
 * then handles it before drawing. */
bool input_pending(void);
/* Milliseconds on a clock that only goes forward. */
double input_now_ms(void);

/* A stop hook for db_set_stop: a search gives way to a key that waits
 * and, if deadline is not NULL, once input_now_ms() passes *deadline. */
bool input_stop(void *deadline);

#endif
