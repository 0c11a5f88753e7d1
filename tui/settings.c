/* settings.c: the config file grammar (see settings.h). */
#include "config.h"
#include "settings.h"
#include "linefile.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

void
settings_init(struct settings *s)
{
	s->level = NULL;
	s->keymap = NULL;
	s->theme = SETTINGS_THEME_UNSET;
	s->level_at = s->keymap_at = NULL;
}

void
settings_free(struct settings *s)
{
	free(s->level);
	free(s->keymap);
	free(s->level_at);
	free(s->keymap_at);
	settings_init(s);
}

/* A file being read: the settings it goes into, and its name and line
 * for level_at and keymap_at. */
struct reading {
	struct settings *s;
	const char *name;
	unsigned long line;
};

static const char *const theme_names[] = {
	[SETTINGS_THEME_LIGHT] = "light",
	[SETTINGS_THEME_DARK] = "dark",
	[SETTINGS_THEME_MONO] = "mono",
};

const char *
settings_theme_name(enum settings_theme theme)
{
	if ((int)theme <= SETTINGS_THEME_UNSET ||
	    (size_t)theme >= sizeof theme_names / sizeof *theme_names)
		return NULL;
	return theme_names[theme];
}

bool
settings_theme_by_name(const char *name, enum settings_theme *out)
{
	for (size_t i = SETTINGS_THEME_LIGHT;
	    name && i < sizeof theme_names / sizeof *theme_names; i++)
		if (strcmp(name, theme_names[i]) == 0) {
			*out = (enum settings_theme)i;
			return true;
		}
	return false;
}

const char *
settings_default_path(char *buf, size_t len)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n;

	if (buf == NULL || len == 0)
		return NULL;
	if (xdg && xdg[0] == '/')
		n = snprintf(buf, len, "%s/bedside/config", xdg);
	else if (home && home[0] == '/')
		n = snprintf(buf, len, "%s/.config/bedside/config", home);
	else
		return NULL;
	return n >= 0 && (size_t)n < len ? buf : NULL;
}

/* --- one line ------------------------------------------------------------- */

/* "what 'token'tail", with the token cut at 32 columns. The line has been
 * checked for valid UTF-8 and unsafe characters before this is called,
 * so the token can be quoted as it is. */
static const char *
reason_with(struct buf *why, const char *what, const char *tok, const char *tail)
{
	size_t used, n = text_fit(tok, strlen(tok), 32, &used);

	buf_truncate(why, 0);
	buf_addf(why, "%s '%.*s%s'%s", what, (int)n, tok,
	    tok[n] ? "..." : "", tail);
	return why->data;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static char *
trim(char *s)
{
	while (is_blank(*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && is_blank(s[n - 1]))
		s[--n] = '\0';
	return s;
}

static bool
all_of(const char *s, const char *extra, bool upper)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    (upper && *s >= 'A' && *s <= 'Z') || strchr(extra, *s)))
			return false;
	return true;
}

static const char *
set_level(struct settings *s, const char *v, struct buf *why)
{
	if (strlen(v) > SETTINGS_LEVEL_MAX || !all_of(v, "-", false))
		return reason_with(why, "bad level", v,
		    " (a level name is lower-case letters, digits and '-')");
	free(s->level);
	s->level = xstrdup(v);
	return NULL;
}

/* A keymap is named as --keymap names it; a path must not depend on the
 * folder the browser happens to be started from. */
static const char *
set_keymap(struct settings *s, const char *v, struct buf *why)
{
	size_t len = strlen(v);
	bool path = strchr(v, '/') != NULL ||
	    (len >= 5 && strcmp(v + len - 5, ".keys") == 0);
	char *value;

	if (!path) {
		if (!all_of(v, "-_", true))
			return reason_with(why, "bad keymap name", v,
			    " (letters, digits, '-' and '_'; or a file path)");
		value = xstrdup(v);
	} else if (strncmp(v, "~/", 2) == 0) {
		const char *home = getenv("HOME");
		if (home == NULL || *home == '\0')
			return "keymap path starts with ~/ but HOME is not set";
		struct buf b = BUF_INIT;
		buf_addf(&b, "%s/%s", home, v + 2);
		value = buf_detach(&b);
	} else if (v[0] == '/') {
		value = xstrdup(v);
	} else {
		return reason_with(why, "keymap path", v,
		    " is relative (start it with / or ~/)");
	}
	free(s->keymap);
	s->keymap = value;
	return NULL;
}

static const char *
set_theme(struct settings *s, const char *v, struct buf *why)
{
	if (!settings_theme_by_name(v, &s->theme))
		return reason_with(why, "unknown theme", v, " (light, dark or mono)");
	return NULL;
}

/* The line's characters: well-formed UTF-8 and nothing a terminal would
 * act on, so that values and messages are safe to show. */
static const char *
check_chars(const char *line, size_t n)
{
	size_t bad;
	if (!text_valid_utf8(line, n, &bad))
		return "not valid UTF-8";
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += text_decode(line + i, n - i, &cp);
		if (cp != '\t' && text_is_unsafe(cp))
			return "line contains a control character";
	}
	return NULL;
}

/* Notes where key was set, if it is one whose value is checked later. */
static void
note_where(struct reading *rd, const char *key)
{
	struct settings *s = rd->s;
	char **at = strcmp(key, "level") == 0 ? &s->level_at :
	    strcmp(key, "keymap") == 0 ? &s->keymap_at : NULL;
	if (at == NULL)
		return;
	/* The name comes from the user or the environment. */
	char *name = text_sanitized(rd->name, TEXT_TABS_AS_SPACE);
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s:%lu", name, rd->line);
	free(name);
	free(*at);
	*at = buf_detach(&b);
}

/* Applies one line (NUL-terminated, no newline). Returns NULL if the line
 * was good, else the reason (possibly kept in why). */
static const char *
load_line(struct reading *rd, char *line, struct buf *why)
{
	struct settings *s = rd->s;
	static const struct {
		const char *key;
		const char *(*set)(struct settings *, const char *, struct buf *);
	} keys[] = {
		{ "level", set_level },
		{ "keymap", set_keymap },
		{ "theme", set_theme },
	};

	for (char *p = line; *p; p++)
		if (*p == '#' && (p == line || is_blank(p[-1]))) {
			*p = '\0';
			break;
		}
	char *text = trim(line);
	if (*text == '\0')
		return NULL;
	char *eq = strchr(text, '=');
	if (eq == NULL)
		return reason_with(why, "expected KEY = VALUE, not", text, "");
	*eq = '\0';
	char *key = trim(text), *value = trim(eq + 1);
	if (*key == '\0')
		return "missing key before '='";
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		if (strcmp(key, keys[i].key) != 0)
			continue;
		if (*value == '\0')
			return reason_with(why, "missing value for", key, "");
		const char *reason = keys[i].set(s, value, why);
		if (reason == NULL)
			note_where(rd, key);
		return reason;
	}
	return reason_with(why, "unknown key", key, " (level, keymap or theme)");
}

/* --- whole files ---------------------------------------------------------- */

/* One line for linefile: well-formed characters first, then the setting. */
static const char *
settings_line(void *ctx, unsigned long lineno, char *line, struct buf *why)
{
	struct reading *rd = ctx;
	const char *reason = check_chars(line, strlen(line));
	rd->line = lineno;
	return reason ? reason : load_line(rd, line, why);
}

static struct linefile
settings_linefile(struct reading *rd, settings_report_fn *report, void *ctx)
{
	struct linefile lf = {
		.kind = "config file",
		.max_line = SETTINGS_LINE_MAX,
		.max_file = SETTINGS_FILE_MAX,
		.missing_ok = true,
		.line = settings_line,
		.line_ctx = rd,
		.report = report,
		.report_ctx = ctx,
	};
	return lf;
}

int
settings_load_string(struct settings *s, const char *name, const char *text,
    settings_report_fn *report, void *ctx)
{
	if (s == NULL || text == NULL)
		return -1;
	struct reading rd = { s, name ? name : "(config)", 0 };
	struct linefile lf = settings_linefile(&rd, report, ctx);
	return linefile_parse(&lf, rd.name, text, strlen(text));
}

int
settings_load(struct settings *s, const char *path, settings_report_fn *report,
    void *ctx)
{
	if (s == NULL || path == NULL)
		return -1;
	struct reading rd = { s, path, 0 };
	struct linefile lf = settings_linefile(&rd, report, ctx);
	return linefile_load(&lf, path);
}
