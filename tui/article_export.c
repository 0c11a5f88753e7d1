/* article_export.c: see article_export.h.
 *
 * Success and failure both name the file by its full path, the current
 * folder and the file (and the file a symbolic link there points to, if
 * it is elsewhere): over SSH, "./ID.txt" does not say which folder that
 * is. A path too long for the status line loses its start, so that the
 * file's name stays in view. */
#include "config.h"
#include "article_export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article_text.h"
#include "atomic.h"
#include "buf.h"
#include "curses_wide.h"
#include "draw.h"
#include "path.h"
#include "text.h"

/* Appends where the file name in the current folder is, in full, to out;
 * a folder's name may hold anything: app_message makes it safe. */
static void
add_where(struct buf *out, const char *name)
{
	char cwd[4096];
	struct buf path = BUF_INIT;

	if (getcwd(cwd, sizeof cwd) == NULL) {
		buf_addf(out, "./%s (the current folder's path: %s)", name,
		    strerror(errno));
		return;
	}
	buf_addf(&path, "%s/%s", strcmp(cwd, "/") == 0 ? "" : cwd, name);
	buf_adds(out, path.data);
	char *target = path_resolve(path.data);
	if (target && strcmp(target, path.data) != 0)
		buf_addf(out, " (a link to %s)", target);
	free(target);
	buf_free(&path);
}

/* "head where tail" on the status line, where (made safe first, to be
 * measured as it shows) cut from its start to fit the screen's width. */
static void
say(struct app *app, enum theme_role role, const char *head, const char *name,
    const char *tail)
{
	struct buf where = BUF_INIT;
	add_where(&where, name);
	char *safe_where = text_sanitized(where.data, TEXT_TABS_AS_SPACE);
	char *safe_tail = text_sanitized(tail, TEXT_TABS_AS_SPACE);
	const char *ell = draw_ellipsis();
	long ell_w = (long)text_width(ell, strlen(ell));
	size_t len = strlen(safe_where);
	long head_w = (long)text_width(head, strlen(head));
	long tail_w = (long)text_width(safe_tail, strlen(safe_tail));
	char *safe_name = text_sanitized(name, TEXT_TABS_AS_SPACE);
	long name_w = (long)text_width(safe_name, strlen(safe_name)) + 1;  /* "/name" */
	long room = (long)COLS - head_w - tail_w;
	size_t from = 0;
	/* Too narrow for the name and the tail (a phone): the name comes
	 * first, and the tail is cut at its end, after a space and the
	 * status line's ellipsis. */
	if (tail_w > 0 && room < ell_w + name_w)
		room = (long)COLS - head_w - 1 - ell_w;
	/* With no room for more than the ellipsis, the status line cuts the
	 * message at its end as it cuts any. */
	if (room > ell_w && (long)text_width(safe_where, len) > room)
		from = text_fit_tail(safe_where, len, (size_t)(room - ell_w));
	app_message(app, role, "%s%s%s%s", head, from ? ell : "", safe_where + from,
	    safe_tail);
	free(safe_where);
	free(safe_tail);
	free(safe_name);
	buf_free(&where);
}

void
article_export(struct app *app, const struct db_article *a,
    const struct db_summary *related, size_t nrelated)
{
	struct render_doc doc = { 0 };
	struct buf text = BUF_INIT, name = BUF_INIT, why = BUF_INIT;
	bool ascii = text_ascii();

	if (app->secure) {
		app_message(app, TH_ERROR, "Export is turned off in secure mode");
		return;
	}
	/* The file is UTF-8 and 80 columns, like `show` into a pipe, whatever
	 * the terminal's locale and size. */
	text_set_ascii(false);
	article_text_render(&doc, a, related, nrelated, 80);
	text_set_ascii(ascii);
	for (size_t i = 0; i < doc.nlines; i++) {
		buf_add(&text, doc.lines[i].text, doc.lines[i].len);
		buf_addc(&text, '\n');
	}
	render_doc_free(&doc);
	buf_addf(&name, "%s.txt", a->id);
	/* An earlier export (or any file of that name) is replaced whole:
	 * say so, so that it is never lost unnoticed. */
	struct stat sb;
	bool existed = stat(name.data, &sb) == 0;   /* a link's file */
	if (strchr(a->id, '/') || a->id[0] == '.') {
		say(app, TH_ERROR, "Cannot export to ", name.data, ": not a file name");
	} else if (atomic_write(".", name.data, text.data ? text.data : "", text.len,
	    0644) != 0) {
		/* Before anything else can change errno. */
		buf_addf(&why, ": %s", strerror(errno));
		say(app, TH_ERROR, "Cannot export to ", name.data, why.data);
	} else {
		say(app, TH_MESSAGE, "Exported to ", name.data,
		    existed ? " (replaced the old one)" : "");
	}
	buf_free(&text);
	buf_free(&name);
	buf_free(&why);
}
