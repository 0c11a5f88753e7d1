/* input.c: see input.h.
 *
 * curses reads without waiting (nodelay); when it has nothing, poll()
 * waits on the terminal. poll is never restarted after a signal, so
 * SIGTERM or SIGHUP ends the wait at once whatever curses does with
 * EINTR, and SIGWINCH comes back as KEY_RESIZE on the next read.
 *
 * Escape sequences curses does not know for this TERM (PuTTY's Home is
 * ESC [1~, which xterm's terminfo lacks) would otherwise arrive as Esc, [,
 * 1, ~ and run four bindings; they are read whole here, the common ones
 * mapped to their keys and the rest dropped. */
#include "config.h"
#include "input.h"

#include <errno.h>
#include <poll.h>
#include <time.h>
#include <string.h>
#include <unistd.h>

#include "curses_wide.h"

/* The next character already waiting, without waiting for more. */
static bool
pending(wint_t *ch, int *rc)
{
	*rc = wget_wch(stdscr, ch);
	return *rc != ERR;
}

/* Sequences after ESC [ (or ESC O) that terminals send for keys. */
static const struct {
	const char *seq;
	int key;
} known[] = {
	{ "A", KEY_UP }, { "B", KEY_DOWN }, { "C", KEY_RIGHT }, { "D", KEY_LEFT },
	{ "H", KEY_HOME }, { "F", KEY_END }, { "Z", KEY_BTAB },
	{ "1~", KEY_HOME }, { "7~", KEY_HOME }, { "4~", KEY_END }, { "8~", KEY_END },
	{ "2~", KEY_IC }, { "3~", KEY_DC }, { "5~", KEY_PPAGE }, { "6~", KEY_NPAGE },
};

/* After ESC and '[' or 'O': reads the rest of a control sequence.
 * Returns the key it stands for, or 0 for one that means nothing here. */
static int
read_sequence(void)
{
	char seq[16];
	size_t n = 0;
	wint_t ch;
	int rc;

	while (pending(&ch, &rc)) {
		if (rc != OK || ch > 0x7e || ch < 0x20)
			return 0;
		if (n < sizeof seq - 1)
			seq[n++] = (char)ch;
		if (ch >= 0x40)         /* the final byte */
			break;
	}
	seq[n] = '\0';
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(seq, known[i].seq) == 0)
			return known[i].key;
	return 0;
}

enum input_result
input_read(struct key *out, volatile sig_atomic_t *stop)
{
	int empty = 0;

	for (;;) {
		wint_t ch;
		int rc;

		if (*stop)
			return INPUT_STOP;
		if (pending(&ch, &rc)) {
			bool meta = false;
			if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
				return INPUT_RESIZE;
			/* Esc with a key right behind it: Alt+key, or a
			 * sequence curses did not decode. */
			if (rc == OK && ch == 27) {
				wint_t ch2;
				int rc2;
				if (pending(&ch2, &rc2)) {
					if (rc2 == KEY_CODE_YES && ch2 == KEY_RESIZE) {
						unget_wch(27);
						return INPUT_RESIZE;
					}
					if (rc2 == OK && (ch2 == '[' || ch2 == 'O')) {
						int key = read_sequence();
						if (key == 0)
							continue;
						rc2 = KEY_CODE_YES;
						ch2 = (wint_t)key;
					} else {
						meta = true;
					}
					rc = rc2;
					ch = ch2;
				}
			}
			*out = keymap_key_from_input(rc, ch, meta);
			/* The same keys under their xterm terminfo names. */
			if (out->is_func && out->code == KEY_FIND)
				out->code = KEY_HOME;
			else if (out->is_func && out->code == KEY_SELECT)
				out->code = KEY_END;
			return INPUT_KEY;
		}
		struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
		int n = poll(&p, 1, -1);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return INPUT_STOP;
		}
		if (p.revents & (POLLERR | POLLNVAL))
			return INPUT_STOP;
		if ((p.revents & POLLHUP) && !(p.revents & POLLIN))
			return INPUT_STOP;
		/* Readable, yet curses got nothing: end of file. A few tries
		 * allow for a character that arrives in pieces. */
		if (++empty > 50)
			return INPUT_STOP;
	}
}

bool
input_pending(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&p, 1, 0) > 0;
}

double
input_now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

bool
input_stop(void *deadline)
{
	static double last_asked;
	double now = input_now_ms();
	if (deadline && now > *(const double *)deadline)
		return true;
	/* Asking the terminal is a system call, and this is asked every
	 * few thousand SQLite steps: at most every half millisecond, which
	 * no typist can tell. */
	if (now - last_asked < 0.5)
		return false;
	last_asked = now;
	return input_pending();
}
