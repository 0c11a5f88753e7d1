/* app_setup.c: see app_setup.h. */
#include "config.h"
#include "app_setup.h"
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "buf.h"
#include "curses_wide.h"
#include "input.h"
#include "settings.h"
#include "text.h"
#include "theme.h"

/* Problems found in the config file, keymap files and the state folder:
 * on the status line at start, all of them on stderr at exit. */
static char **reports;
static size_t nreports;

/* The keys SPEC section 4 fixes, used only if no keymap file can be found
 * at all (a broken installation), so the browser can still be used and
 * left. Read by the same parser as the files. */
static const char fallback_keys[] =
	"bind generic q quit\n"
	"bind generic ? help\n"
	"bind generic <F1> help\n"
	"bind generic / search\n"
	"bind generic L level-cycle\n"
	"bind generic <Tab> pane-next\n"
	"bind generic <S-Tab> pane-prev\n"
	"bind generic <Enter> open\n"
	"bind generic <Esc> close\n"
	"bind generic <Up> move-up\n"
	"bind generic <Down> move-down\n"
	"bind generic <PageUp> page-up\n"
	"bind generic <PageDown> page-down\n"
	"bind tree <Left> collapse\n"
	"bind tree <Right> expand\n"
	"bind article 1 pane-1\n"
	"bind article 2 pane-2\n"
	"bind article 3 pane-3\n"
	"bind article 4 pane-4\n"
	"bind article 5 pane-5\n"
	"bind article <Enter> cite-follow\n"
	"bind help ? close\n";

static void
report(void *ctx, const char *msg)
{
	(void)ctx;
	reports = xrealloc(reports, (nreports + 1) * sizeof *reports);
	reports[nreports++] = text_sanitized(msg, TEXT_TABS_AS_SPACE);
}

/* $XDG_CONFIG_HOME/bedside (or ~/.config/bedside), into b; false if
 * there is no usable folder. */
static bool
config_dir(struct buf *b)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		buf_addf(b, "%s/bedside", xdg);
	else if (home && home[0] == '/')
		buf_addf(b, "%s/.config/bedside", home);
	else
		return false;
	return true;
}

/* The folders a keymap NAME is looked for in: the user's config folder
 * (a NAME.keys of their own; not in secure mode), keymaps/ beside the
 * program when it runs from its build tree, then where `make install`
 * puts them. */
static void
keymap_dirs(const char *dirs[5], struct buf *user_dir, struct buf *self_dir,
    bool secure)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	int k = 0;

	if (!secure && config_dir(user_dir))
		dirs[k++] = user_dir->data;
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			buf_addf(self_dir, "%s/keymaps", self);
			dirs[k++] = self_dir->data;
		}
	}
	dirs[k++] = PKGDATADIR "/keymaps";
	dirs[k++] = PKGDATADIR;
	dirs[k] = NULL;
}

/* $XDG_CONFIG_HOME/bedside/keys, or ~/.config/bedside/keys. */
static char *
user_keys_path(void)
{
	struct buf b = BUF_INIT;
	if (!config_dir(&b)) {
		buf_free(&b);
		return NULL;
	}
	buf_adds(&b, "/keys");
	return buf_detach(&b);
}

/* The keymap: --keymap, else the config file's, else default; then the
 * user's keys file on top. */
static int
load_keymaps(struct app *app, const struct app_options *opt,
    const struct settings *set)
{
	const char *name = opt->keymap ? opt->keymap : "default";
	const char *dirs[5];
	struct buf user_dir = BUF_INIT, self_dir = BUF_INIT, desc = BUF_INIT;
	char path[4096];
	int rc = -1;

	if (opt->secure && keymap_name_is_path(name)) {
		cli_error("a keymap file (%s) is not allowed in secure mode; "
		    "use default, vi or emacs", name);
		return 2;
	}
	/* Where the config file chose the keymap, for what is wrong with it. */
	const char *at = set->keymap_at ? set->keymap_at : "config";
	char msg[700];
	if (!opt->keymap && set->keymap) {
		if (opt->secure && keymap_name_is_path(set->keymap)) {
			snprintf(msg, sizeof msg,
			    "%s: a keymap path is ignored in secure mode", at);
			report(NULL, msg);
		} else {
			name = set->keymap;
		}
	}
	keymap_dirs(dirs, &user_dir, &self_dir, opt->secure);
	app->km = keymap_new();
	if (app->km == NULL) {
		cli_error("out of memory");
		rc = 2;
		goto out;
	}
	const char *found = keymap_find(name, dirs, path, sizeof path);
	size_t had = nreports;
	if (found == NULL && opt->keymap) {
		cli_error("unknown keymap '%s' (default, vi, emacs, or a file path)", name);
		rc = 2;
		goto out;
	}
	if (found == NULL && strcmp(name, "default") != 0) {
		/* The config file's keymap is missing: say so, use the default. */
		snprintf(msg, sizeof msg,
		    "%s: no keymap '%.500s'; using default", at, name);
		report(NULL, msg);
		name = "default";
		found = keymap_find(name, dirs, path, sizeof path);
	} else if (found && !opt->keymap && strcmp(name, "default") != 0 &&
	    access(found, R_OK) != 0) {
		/* The same for a keymap file it names that cannot be read. */
		snprintf(msg, sizeof msg, "%s: cannot read keymap file: %s; using default",
		    at, strerror(errno));
		report(NULL, msg);
		name = "default";
		found = keymap_find(name, dirs, path, sizeof path);
	}
	if (found == NULL) {
		keymap_load_string(app->km, "built-in keys", fallback_keys, report, NULL);
		report(NULL, "no keymap file found: using the built-in keys");
		buf_adds(&desc, "built-in");
	} else if (keymap_load_file(app->km, found, report, NULL) < 0) {
		/* The loader has said which file and why, in one line. */
		if (nreports == had)
			cli_error("cannot read keymap %s", found);
		rc = 2;
		goto out;
	} else {
		buf_adds(&desc, name);
	}

	/* The user's own keys, on top; never in secure mode. */
	char *user = opt->secure ? NULL : user_keys_path();
	if (user && access(user, F_OK) == 0) {
		if (keymap_load_file(app->km, user, report, NULL) >= 0)
			buf_addf(&desc, " + %s", user);
	}
	free(user);
	app->keymap_desc = text_sanitized(desc.data ? desc.data : "", 0);
out:
	buf_free(&desc);
	buf_free(&user_dir);
	buf_free(&self_dir);
	return rc;
}

static bool
find_level(struct app *app, const char *name)
{
	for (size_t i = 0; name && i < app->nlevels; i++)
		if (strcmp(app->levels[i].name, name) == 0) {
			app->level = i;
			return true;
		}
	return false;
}

/* --level, else the config file's, else the level last used, else
 * clinician (or the database's first). */
static int
choose_level(struct app *app, const struct app_options *opt,
    const struct settings *set)
{
	if (db_levels(app->db, &app->levels, &app->nlevels) != 0) {
		cli_error("%s: cannot read the reading levels", db_path(app->db));
		return 3;
	}
	if (app->nlevels == 0) {
		cli_error("%s: the database has no reading levels", db_path(app->db));
		return 3;
	}
	app->level = 0;
	find_level(app, "clinician");
	if (opt->level == NULL) {
		if (set->level && find_level(app, set->level))
			return -1;
		if (set->level) {
			struct buf msg = BUF_INIT;
			buf_addf(&msg, "%s: unknown level '%.64s' (known:",
			    set->level_at ? set->level_at : "config", set->level);
			for (size_t i = 0; i < app->nlevels; i++)
				buf_addf(&msg, "%s %s", i ? "," : "",
				    app->levels[i].name);
			buf_adds(&msg, "); ignored");
			report(NULL, msg.data);
			buf_free(&msg);
		}
		/* A remembered level the database lost: the default. */
		find_level(app, app->st.level);
		return -1;
	}
	if (find_level(app, opt->level))
		return -1;
	struct buf known = BUF_INIT;
	buf_addf(&known, "unknown level '%s' (known:", opt->level);
	/* As the commands list them (cli_level). */
	for (size_t i = 0; i < app->nlevels; i++)
		buf_addf(&known, "%s %s", i ? "," : "", app->levels[i].name);
	buf_adds(&known, ")");
	cli_error("%s", known.data);
	buf_free(&known);
	return 2;
}

/* The config file: a missing one is no error; bad lines are reported. */
static void
load_settings(struct settings *set)
{
	char path[4096];
	settings_init(set);
	if (settings_default_path(path, sizeof path))
		settings_load(set, path, report, NULL);
}

static enum theme_kind
theme_of(enum settings_theme t)
{
	switch (t) {
	case SETTINGS_THEME_LIGHT: return THEME_LIGHT;
	case SETTINGS_THEME_DARK: return THEME_DARK;
	case SETTINGS_THEME_MONO: return THEME_MONO;
	default: return THEME_DEFAULT;
	}
}

int
app_setup(struct app *app, const struct app_options *opt)
{
	struct buf err = BUF_INIT;
	struct settings set;
	int rc;

	memset(app, 0, sizeof *app);
	app->opt = opt;
	app->secure = opt->secure;
	load_settings(&set);
	/* --theme wins over the config file; main checked the name. */
	if (opt->theme)
		settings_theme_by_name(opt->theme, &set.theme);
	app->theme = theme_of(set.theme);
	if ((rc = load_keymaps(app, opt, &set)) >= 0) {
		settings_free(&set);
		app_setup_free(app);
		return rc;
	}
	const char *path = opt->db_path ? opt->db_path : db_default_path(opt->argv0);
	app->db = db_open(path, DB_READ, &err);
	if (app->db == NULL) {
		cli_error("%s", err.data);
		buf_free(&err);
		settings_free(&set);
		app_setup_free(app);
		return 3;
	}
	buf_free(&err);
	/* Searched on every key: rank with the row lengths in memory. */
	db_keep_row_lengths(app->db);
	state_init(&app->st, opt->secure);
	if (db_statuses(app->db, &app->statuses, &app->nstatuses) != 0) {
		app->statuses = NULL;
		app->nstatuses = 0;
	}
	rc = choose_level(app, opt, &set);
	settings_free(&set);
	if (rc >= 0) {
		app_setup_free(app);
		return rc;
	}
	if (opt->open_id) {
		struct db_summary *s = NULL;
		size_t n = 0;
		char *ids[1] = { (char *)opt->open_id };
		if (db_summaries(app->db, ids, 1, &s, &n) != 0) {
			/* A read error is the database's fault, not the id's. */
			cli_error("%s: cannot read article '%s'", db_path(app->db),
			    opt->open_id);
			app_setup_free(app);
			return 3;
		}
		db_summaries_free(s, n);
		if (n == 0) {
			char *near = cli_did_you_mean(app->db, opt->open_id);
			char *shown = cli_shown(opt->open_id);
			cli_error("no article '%s'%s (see bedside topics, bedside search)",
			    shown, near);
			free(shown);
			free(near);
			app_setup_free(app);
			return 1;
		}
	}
	/* Last, so that a script learns first what is wrong with its
	 * arguments. */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("the browser needs a terminal; use search, show or topics "
		    "in scripts");
		app_setup_free(app);
		return 2;
	}
	return -1;
}

/* Flow control off, so C-s and C-q reach the keymap; in secure mode no
 * key suspends the program either. */
static void
terminal_modes(bool secure)
{
	struct termios t;
	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)IXON;
	if (secure) {
		t.c_cc[VSUSP] = _POSIX_VDISABLE;
#ifdef VDSUSP
		t.c_cc[VDSUSP] = _POSIX_VDISABLE;
#endif
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

bool
app_setup_terminal(struct app *app)
{
	const char *term = getenv("TERM");
	/* Short enough that Esc feels immediate, long enough for the
	 * sequences of function keys over a slow link. */
	set_escdelay(40);
	/* The size is the terminal's, never a stale LINES or COLUMNS from the
	 * environment. */
	use_env(TRUE);
	use_tioctl(TRUE);
	if (term == NULL || *term == '\0') {
		cli_error("TERM is not set: the browser needs the terminal type "
		    "(such as xterm-256color)");
		return false;
	}
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		cli_error("cannot use the terminal type '%s' (check TERM)", term);
		return false;
	}
	/* A terminal that cannot put the cursor where it is told (dumb, a
	 * printing terminal) would show a blank screen: say so instead. */
	const char *cup = tigetstr("cup");
	if (cup == NULL || cup == (const char *)-1) {
		endwin();
		delscreen(scr);
		cli_error("cannot use the terminal type '%s': it cannot move the "
		    "cursor (check TERM)", term);
		return false;
	}
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	input_setup();
	nodelay(stdscr, TRUE);
	meta(stdscr, TRUE);
	terminal_modes(app->secure);
	def_prog_mode();
	curs_set(0);
	theme_init(app->theme);
	/* stdscr is drawn only to say the terminal is too small; refreshing
	 * it once now keeps wgetch(stdscr) from painting over the views. */
	refresh();
	input_paste_mode(true);
	return true;
}

void
app_setup_greet(struct app *app)
{
	struct buf b = BUF_INIT;

	if (app->st.problem)
		buf_addf(&b, "Nothing will be remembered: %s", app->st.problem);
	if (nreports)
		buf_addf(&b, "%s%s", b.len ? "; " : "", reports[0]);
	if (nreports > 1)
		buf_addf(&b, " (and %zu more, listed on exit)", nreports - 1);
	if (b.len)
		app_message(app, TH_ERROR, "%s", b.data);
	buf_free(&b);
}

void
app_setup_end_terminal(struct app *app)
{
	(void)app;
	input_paste_mode(false);
	endwin();
}

void
app_setup_report_state(struct app *app)
{
	if (app->st.problem)
		report(NULL, app->st.problem);
}

void
app_setup_free(struct app *app)
{
	for (size_t i = 0; i < nreports; i++) {
		fputs("bedside: ", stderr);
		text_fputs(reports[i], stderr);
		fputc('\n', stderr);
		free(reports[i]);
	}
	free(reports);
	reports = NULL;
	nreports = 0;
	if (app->levels)
		db_levels_free(app->levels, app->nlevels);
	app->levels = NULL;
	if (app->statuses)
		db_statuses_free(app->statuses, app->nstatuses);
	app->statuses = NULL;
	if (app->db)
		db_close(app->db);
	app->db = NULL;
	keymap_free(app->km);
	app->km = NULL;
	free(app->keymap_desc);
	app->keymap_desc = NULL;
	free(app->message);
	app->message = NULL;
	free(app->last_query);
	app->last_query = NULL;
	free(app->small_key);
	app->small_key = NULL;
	state_free(&app->st);
}
