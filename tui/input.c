/* input.c: see input.h.
 *
 * curses reads without waiting (nodelay); when it has nothing, ppoll()
 * waits on the terminal. It is never restarted after a signal, so
 * SIGTERM or SIGHUP ends the wait at once whatever curses does with
 * EINTR, and SIGWINCH comes back as KEY_RESIZE on the next read; one
 * that comes just before the wait ends it too (wait_for_input).
 *
 * Characters are read a byte at a time (wgetch) and put together here:
 * wget_wch, given a byte that is not a character in the locale, reads on
 * into the bytes after it and loses them all, and in the C locale every
 * byte of a UTF-8 paste is such a byte. The terminal is taken to send
 * UTF-8 whatever the locale says (the database is UTF-8, and a C locale
 * over SSH is usually a UTF-8 terminal); a byte that starts no character
 * is dropped on its own.
 *
 * Escape sequences curses does not know for this TERM (PuTTY's Home is
 * ESC [1~, which xterm's terminfo lacks) would otherwise arrive as Esc, [,
 * 1, ~ and run four bindings; they are read whole here, the common ones
 * mapped to their keys and the rest dropped.
 *
 * Where the terminfo names bracketed paste (BE and BD), the terminal
 * wraps pasted text in ESC [200~ and ESC [201~; the keys between are
 * marked as pasted, so that a line break or a letter in a paste is text
 * and never runs a binding. */
#include "config.h"
#include "input.h"

#include <errno.h>
#include <stdio.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <string.h>
#include <unistd.h>

#include "curses_wide.h"
#include "text.h"

/* How long the rest of a character split over two reads may take. */
#define PIECE_WAIT_MS 40
/* Key codes past KEY_MAX looked at for the terminal's extended keys. */
#define EXTENDED_MAX 1024

/* Codes curses gives that are another name for a key: see input_setup. */
static struct {
	int from, to;
} aliases[64];
static size_t naliases;
/* The terminal's Backspace sends ^H (vt100's does), so curses reads C-h
 * as Backspace. */
static bool ctrl_h_is_backspace;
/* Between the terminal's paste brackets. */
static bool pasting;

static void
alias_add(int from, int to)
{
	if (naliases < sizeof aliases / sizeof aliases[0]) {
		aliases[naliases].from = from;
		aliases[naliases].to = to;
		naliases++;
	}
}

/* Key capabilities whose keys have a name in keymaps, for an extended
 * one named after one of them in a terminfo that lacks the first. */
static const struct {
	const char *cap;
	int key;
} key_caps[] = {
	{ "kcbt", KEY_BTAB }, { "khome", KEY_HOME }, { "kend", KEY_END },
	{ "kcuu1", KEY_UP }, { "kcud1", KEY_DOWN }, { "kcub1", KEY_LEFT },
	{ "kcuf1", KEY_RIGHT }, { "kpp", KEY_PPAGE }, { "knp", KEY_NPAGE },
	{ "kbs", KEY_BACKSPACE }, { "kdch1", KEY_DC }, { "kich1", KEY_IC },
	{ "kent", KEY_ENTER },
};

/* The key an extended capability such as linux's kcbt2 (a second string
 * for Shift-Tab, \E[Z) is another string for: that of the capability it
 * is named after, the name with its number taken off; 0 if none. Names
 * with capitals are xterm's modified keys (kUP5 is Control-Up), which are
 * keys of their own. */
static int
extended_key_for(const char *name)
{
	char base[16];
	size_t n = strlen(name);

	while (n > 0 && name[n - 1] >= '0' && name[n - 1] <= '9')
		n--;
	if (n < 2 || n == strlen(name) || n >= sizeof base)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (name[i] < 'a' || name[i] > 'z')
			return 0;
	memcpy(base, name, n);
	base[n] = '\0';
	const char *str = tigetstr(base);
	if (str != NULL && str != (const char *)-1) {
		int key = key_defined(str);
		if (key >= KEY_MIN && key <= KEY_MAX)
			return key;
	}
	for (size_t i = 0; i < sizeof key_caps / sizeof key_caps[0]; i++)
		if (strcmp(base, key_caps[i].cap) == 0)
			return key_caps[i].key;
	return 0;
}

void
input_setup(void)
{
	const char *kbs = tigetstr("kbs");
	ctrl_h_is_backspace = kbs != NULL && kbs != (const char *)-1 &&
	    strcmp(kbs, "\b") == 0;
	/* The same keys under their xterm terminfo names. */
	alias_add(KEY_FIND, KEY_HOME);
	alias_add(KEY_SELECT, KEY_END);
	/* curses gives each extended key capability of the terminfo a code
	 * of its own past KEY_MAX, even one that is a second string for a
	 * standard key (a string that is the same as a standard key's is
	 * that key already). */
	for (int c = KEY_MAX; c < KEY_MAX + EXTENDED_MAX; c++) {
		const char *name = keyname(c);
		int key = name && name[0] == 'k' ? extended_key_for(name) : 0;
		if (key)
			alias_add(c, key);
	}
}

/* The next byte or key curses has, waiting up to wait_ms for one. */
static int
next(int wait_ms)
{
	int c = wgetch(stdscr);
	if (c == ERR && wait_ms > 0) {
		struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
		if (poll(&p, 1, wait_ms) > 0)
			c = wgetch(stdscr);
	}
	return c;
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
	/* Function keys as PuTTY (TERM=xterm by default) and rxvt send
	 * them: F1 is help where ? is text. */
	{ "11~", KEY_F(1) }, { "12~", KEY_F(2) }, { "13~", KEY_F(3) },
	{ "14~", KEY_F(4) }, { "15~", KEY_F(5) }, { "17~", KEY_F(6) },
	{ "18~", KEY_F(7) }, { "19~", KEY_F(8) }, { "20~", KEY_F(9) },
	{ "21~", KEY_F(10) }, { "23~", KEY_F(11) }, { "24~", KEY_F(12) },
};

/* After ESC and '[' or 'O': reads the rest of a control sequence.
 * Returns the key it stands for, 0 for one that means nothing here, or
 * -1 if nothing follows (the two were typed as Alt and the key). A byte
 * that cannot be part of the sequence is left to be read next. */
static int
read_sequence(void)
{
	char seq[16];
	size_t n = 0;
	int c;

	while ((c = next(0)) != ERR) {
		if (c < 0x20 || c > 0x7e) {
			ungetch(c);
			if (n == 0)
				return -1;
			return 0;
		}
		if (n < sizeof seq - 1)
			seq[n++] = (char)c;
		if (c >= 0x40)          /* the final byte */
			break;
	}
	if (n == 0)
		return -1;
	seq[n] = '\0';
	if (strcmp(seq, "200~") == 0 || strcmp(seq, "201~") == 0) {
		pasting = seq[2] == '0';
		return 0;
	}
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(seq, known[i].seq) == 0)
			return known[i].key;
	return 0;
}

/* The character whose UTF-8 encoding starts with byte b (0x80 to 0xff),
 * or TEXT_INVALID if b starts none: then b alone is dropped, and a byte
 * that cannot continue it is left to be read next. */
static uint32_t
read_utf8(int b)
{
	char s[4];
	size_t need = b >= 0xF5 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 1;
	uint32_t cp;

	s[0] = (char)b;
	for (size_t i = 1; i < need; i++) {
		int c = next(PIECE_WAIT_MS);
		if (c == ERR)
			return TEXT_INVALID;
		if ((c & ~0x3F) != 0x80) {      /* not a continuation byte */
			ungetch(c);
			return TEXT_INVALID;
		}
		s[i] = (char)c;
	}
	return text_decode(s, need, &cp) == need ? cp : TEXT_INVALID;
}

/* Turns what curses gave (c, after Esc if meta) into a key. */
static enum input_result
decode(int c, bool meta, struct key *out)
{
	int rc = OK;

	if (c == KEY_RESIZE) {
		if (meta)
			ungetch(27);
		return INPUT_RESIZE;
	}
	if (c >= KEY_MIN) {
		rc = KEY_CODE_YES;
		for (size_t i = 0; i < naliases; i++)
			if (aliases[i].from == c) {
				c = aliases[i].to;
				break;
			}
	} else if (c >= 0x80) {
		uint32_t cp = read_utf8(c);
		if (cp == TEXT_INVALID)
			return INPUT_SKIP;
		c = (int)cp;
	}
	*out = keymap_key_from_input(rc, (wint_t)c, meta);
	return INPUT_KEY;
}

/* Esc was read: Esc alone, Esc and a key (Alt+key), or a sequence curses
 * did not decode. An Alt key the keymap does not bind is Esc and the key
 * typed fast, and the loop acts on them as two (split_meta in app.c). */
static enum input_result
after_esc(struct key *out)
{
	int c = next(0);

	if (c == ERR)
		return decode(27, false, out);
	if (c == '[' || c == 'O') {
		int key = read_sequence();
		if (key > 0)
			return decode(key, false, out);
		if (key == 0)
			return INPUT_SKIP;
	}
	return decode(c, true, out);
}

/* Waits until the terminal has input or a signal comes; poll's answer.
 *
 * A stop signal, Ctrl-Z's SIGTSTP (or SIGWINCH, which curses turns into
 * KEY_RESIZE) that came after the caller last looked at *wake, but
 * before the wait began,
 * would be seen only after the next key: the wait would not end on it.
 * So those signals are blocked from the look at *wake on, and ppoll
 * unblocks them only while it waits, at once. */
static int
wait_for_input(struct pollfd *p, volatile sig_atomic_t *wake)
{
#ifdef HAVE_PPOLL
	static const int wakers[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGWINCH };
	sigset_t block, waiting;
	sigemptyset(&block);
	for (size_t i = 0; i < sizeof wakers / sizeof *wakers; i++)
		sigaddset(&block, wakers[i]);
	sigprocmask(SIG_BLOCK, &block, &waiting);
	int n = 0;
	if (*wake) {
		errno = EINTR;
		n = -1;
	} else {
		n = ppoll(p, 1, NULL, &waiting);
	}
	int err = errno;
	sigprocmask(SIG_SETMASK, &waiting, NULL);
	errno = err;
	return n;
#else
	(void)wake;
	return poll(p, 1, -1);
#endif
}

enum input_result
input_read(struct key *out, volatile sig_atomic_t *wake)
{
	int empty = 0;

	for (;;) {
		if (*wake)
			return INPUT_STOP;
		int c = wgetch(stdscr);
		if (c == 27)
			return after_esc(out);
		if (c != ERR)
			return decode(c, false, out);
		struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
		int n = wait_for_input(&p, wake);
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

/* The terminfo string cap, or NULL if the terminal has none. */
static const char *
cap_string(const char *cap)
{
	const char *s = tigetstr(cap);
	return s == NULL || s == (const char *)-1 ? NULL : s;
}

void
input_paste_mode(bool on)
{
	const char *s = cap_string(on ? "BE" : "BD");
	pasting = false;
	if (s && cap_string(on ? "BD" : "BE")) {
		putp(s);
		fflush(stdout);
	}
}

bool
input_pasted(void)
{
	return pasting;
}

bool
input_key_reachable(struct key key)
{
	return !(ctrl_h_is_backspace && !key.is_func && key.code == 0x08);
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
