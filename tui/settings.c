/* settings.c: the config file grammar (see settings.h). */
#include "config.h"
#include "settings.h"

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
}

void
settings_free(struct settings *s)
{
	free(s->level);
	free(s->keymap);
	settings_init(s);
}

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
	else if (home && *home)
		n = snprintf(buf, len, "%s/.config/bedside/config", home);
	else
		return NULL;
	return n >= 0 && (size_t)n < len ? buf : NULL;
}

/* ---- One line ---- */

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

/* Applies one line (NUL-terminated, no newline). Returns NULL if the line
 * was good, else the reason (possibly kept in why). */
static const char *
load_line(struct settings *s, char *line, struct buf *why)
{
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
		return keys[i].set(s, value, why);
	}
	return reason_with(why, "unknown key", key, " (level, keymap or theme)");
}

/* ---- Whole files ---- */

static void
report_msg(settings_report_fn *report, void *ctx, const char *name,
    unsigned long line, const char *reason)
{
	if (report == NULL)
		return;
	/* The file name comes from the environment: show it safely too. */
	char *safe = text_sanitized(name, TEXT_TABS_AS_SPACE);
	struct buf msg = BUF_INIT;
	if (line > 0)
		buf_addf(&msg, "%s:%lu: %s", safe, line, reason);
	else
		buf_addf(&msg, "%s: %s", safe, reason);
	report(ctx, msg.data);
	buf_free(&msg);
	free(safe);
}

/* Every line of data[0..len), which may hold any bytes at all. */
static int
load_buffer(struct settings *s, const char *name, const char *data,
    size_t len, settings_report_fn *report, void *ctx)
{
	char line[SETTINGS_LINE_MAX + 1];
	struct buf why = BUF_INIT;
	size_t pos = 0;
	unsigned long lineno = 0;
	int bad = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		pos = 3;        /* the byte-order mark some editors add */
	while (pos < len) {
		const char *start = data + pos;
		const char *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;
		const char *reason;

		pos += n + (nl != NULL);
		lineno++;
		if (n > 0 && start[n - 1] == '\r')
			n--;
		if (n > SETTINGS_LINE_MAX) {
			buf_truncate(&why, 0);
			buf_addf(&why, "line too long (over %d bytes)", SETTINGS_LINE_MAX);
			reason = why.data;
		} else if (memchr(start, '\0', n) != NULL) {
			reason = "line contains a NUL byte";
		} else if ((reason = check_chars(start, n)) == NULL) {
			memcpy(line, start, n);
			line[n] = '\0';
			reason = load_line(s, line, &why);
		}
		if (reason != NULL) {
			bad++;
			report_msg(report, ctx, name, lineno, reason);
		}
	}
	buf_free(&why);
	return bad;
}

int
settings_load_string(struct settings *s, const char *name, const char *text,
    settings_report_fn *report, void *ctx)
{
	if (s == NULL || text == NULL)
		return -1;
	return load_buffer(s, name ? name : "(config)", text, strlen(text),
	    report, ctx);
}

int
settings_load(struct settings *s, const char *path, settings_report_fn *report,
    void *ctx)
{
	struct buf why = BUF_INIT;
	int bad = -1;

	if (s == NULL || path == NULL)
		return -1;
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		buf_addf(&why, "cannot open: %s", strerror(errno));
		report_msg(report, ctx, path, 0, why.data);
		buf_free(&why);
		return -1;
	}
	/* One byte over the limit tells a too-large file from a full one. */
	char *data = xmalloc(SETTINGS_FILE_MAX + 1);
	errno = 0;
	size_t len = fread(data, 1, SETTINGS_FILE_MAX + 1, f);
	int err = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	if (err != 0) {
		buf_addf(&why, "cannot read: %s", strerror(err));
		report_msg(report, ctx, path, 0, why.data);
	} else if (len > SETTINGS_FILE_MAX) {
		buf_addf(&why, "too large for a config file (over %d bytes)",
		    SETTINGS_FILE_MAX);
		report_msg(report, ctx, path, 0, why.data);
	} else {
		bad = load_buffer(s, path, data, len, report, ctx);
	}
	free(data);
	buf_free(&why);
	return bad;
}
