/* settings.h: the user's config file, defaults for the browser.
 *
 * (The module is "settings", not "config", because a tui/config.h would
 * shadow the config.h that configure writes for every file here.)
 *
 * $XDG_CONFIG_HOME/bedside/config (default ~/.config/bedside/config) holds
 * one setting a line:
 *
 *     # a comment
 *     level = patient          # a comment may follow a value
 *     keymap = vi
 *     theme = dark
 *
 * Keys: level (a reading level name), keymap (a keymap name, or a path to
 * a keymap file that is absolute or starts with ~/), theme (light, dark or
 * mono). Blanks around '=' are optional; a '#' at the start of a line or
 * after a blank starts a comment; a key given twice takes its last value.
 * A bad line is reported as "FILE:LINE: reason" and skipped; the rest still
 * applies. Command-line options override the file.
 *
 * Whether a level exists is the database's business and whether a keymap
 * loads is the keymap loader's (and --secure refuses keymap paths): this
 * module checks only the grammar and the form of each value, and notes
 * where each was set so that they can report FILE:LINE too. No curses. */
#ifndef BEDSIDE_SETTINGS_H
#define BEDSIDE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

/* Longest line a config file may have, not counting the newline. */
#define SETTINGS_LINE_MAX 1024
/* Largest config file read; anything bigger is not a config file. */
#define SETTINGS_FILE_MAX (64 * 1024)
/* Longest level name. */
#define SETTINGS_LEVEL_MAX 64

enum settings_theme {
	SETTINGS_THEME_UNSET = 0,       /* not set: the program decides */
	SETTINGS_THEME_LIGHT,
	SETTINGS_THEME_DARK,
	SETTINGS_THEME_MONO,
};

struct settings {
	char *level;            /* NULL when not set */
	char *keymap;           /* a name or a path (~/ expanded); NULL when not set */
	enum settings_theme theme;
	/* Where level and keymap were set, "FILE:LINE" (safe to show), for
	 * the problems only the database or the keymap loader can find. */
	char *level_at, *keymap_at;
};

typedef void settings_report_fn(void *ctx, const char *msg);

/* Everything unset. */
void settings_init(struct settings *s);
void settings_free(struct settings *s);

/* Reads path on top of what s already holds. Each bad line is reported as
 * "PATH:LINE: reason" and skipped. Returns the number of bad lines. A file
 * that does not exist is no error (0, nothing reported: the first start
 * has none); one that exists but cannot be read gives -1, reported as
 * "PATH: reason". report may be NULL. */
int settings_load(struct settings *s, const char *path,
    settings_report_fn *report, void *ctx);
/* The same for text in memory; name stands for the file in messages. */
int settings_load_string(struct settings *s, const char *name,
    const char *text, settings_report_fn *report, void *ctx);

/* $XDG_CONFIG_HOME/bedside/config, or $HOME/.config/bedside/config when
 * XDG_CONFIG_HOME is unset, empty or relative (the XDG base directory
 * specification ignores a relative one). Returns buf, or NULL if no usable
 * folder is known (HOME unset or relative, as well) or the path does not
 * fit len. */
const char *settings_default_path(char *buf, size_t len);

/* "light", "dark", "mono"; NULL for SETTINGS_THEME_UNSET or out of range. */
const char *settings_theme_name(enum settings_theme theme);
bool settings_theme_by_name(const char *name, enum settings_theme *out);

#endif
