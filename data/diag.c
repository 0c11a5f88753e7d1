/* diag.c: see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static void diag_vadd(struct diag *d, const char *kind, const char *file, int line,
    const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

static void
diag_vadd(struct diag *d, const char *kind, const char *file, int line,
    const char *fmt, va_list ap)
{
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	d->at = xgrow(d->at, d->n, sizeof *d->at);
	d->at[d->n++] = (struct diag_entry){ d->text.len, line };
	text_sanitize(&d->text, file, strlen(file), 0);
	if (line > 0)
		buf_addf(&d->text, ":%d", line);
	buf_adds(&d->text, ": ");
	buf_adds(&d->text, kind);
	text_sanitize(&d->text, msg, strlen(msg), TEXT_TABS_AS_SPACE);
	buf_addc(&d->text, '\n');
}

void
diag_error(struct diag *d, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, "", file, line, fmt, ap);
	va_end(ap);
	d->errors++;
}

void
diag_warning(struct diag *d, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, "warning: ", file, line, fmt, ap);
	va_end(ap);
	d->warnings++;
}

static int
by_line(const void *a, const void *b)
{
	const struct diag_entry *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;    /* as found */
}

void
diag_move(struct diag *to, struct diag *from)
{
	if (from->n > 1)
		qsort(from->at, from->n, sizeof *from->at, by_line);
	for (size_t i = 0; i < from->n; i++) {
		const char *s = from->text.data + from->at[i].off;
		size_t len = (size_t)(strchr(s, '\n') + 1 - s);
		to->at = xgrow(to->at, to->n, sizeof *to->at);
		to->at[to->n++] = (struct diag_entry){ to->text.len, from->at[i].line };
		buf_add(&to->text, s, len);
	}
	to->errors += from->errors;
	to->warnings += from->warnings;
	diag_free(from);
}

void
diag_free(struct diag *d)
{
	buf_free(&d->text);
	free(d->at);
	d->at = NULL;
	d->n = 0;
	d->errors = d->warnings = 0;
}
