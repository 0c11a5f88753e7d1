/* app_signals.c: see app_signals.h. */
#include "config.h"
#include "app_signals.h"

#include <string.h>

volatile sig_atomic_t app_signal_wake;
static volatile sig_atomic_t stop_signal;
static volatile sig_atomic_t suspend_asked;

static void
on_stop_signal(int sig)
{
	stop_signal = sig;
	app_signal_wake = 1;
}

static void
on_suspend_signal(int sig)
{
	(void)sig;
	suspend_asked = 1;
	app_signal_wake = 1;
}

void
app_signals_catch(bool secure)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal must interrupt the wait for a key. */
	sa.sa_flags = 0;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* Ctrl-\ too: its default action kills the program with the
	 * terminal left in curses mode and may write a core file (with the
	 * database's text in it) in the current folder, which secure mode
	 * promises never to do. */
	sigaction(SIGQUIT, &sa, NULL);
	if (secure) {
		/* No suspending to a shell on a kiosk account. */
		sa.sa_handler = SIG_IGN;
		sigaction(SIGTSTP, &sa, NULL);
		sigaction(SIGTTIN, &sa, NULL);
		sigaction(SIGTTOU, &sa, NULL);
	} else {
		/* The loop suspends, not curses' handler: curses knows
		 * nothing of the paste brackets, which must be off while the
		 * shell has the terminal and on again after fg. */
		sa.sa_handler = on_suspend_signal;
		sigaction(SIGTSTP, &sa, NULL);
	}
}

int
app_signals_stop(void)
{
	return stop_signal;
}

bool
app_signals_take_suspend(void)
{
	if (!suspend_asked)
		return false;
	suspend_asked = 0;
	return true;
}

void
app_signals_suspend(void)
{
	struct sigaction dfl, mine;
	sigset_t tstp, mask;

	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &mine);
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &tstp, &mask);
	/* Stopped here until SIGCONT (at once if no shell could continue
	 * it: the kernel drops the stop in an orphaned process group). */
	raise(SIGTSTP);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	sigaction(SIGTSTP, &mine, NULL);
}
