/* diag.c: see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
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

void
diag_move(struct diag *to, struct diag *from)
{
	if (from->text.len > 0)
		buf_add(&to->text, from->text.data, from->text.len);
	to->errors += from->errors;
	to->warnings += from->warnings;
	diag_free(from);
}

void
diag_free(struct diag *d)
{
	buf_free(&d->text);
	d->errors = d->warnings = 0;
}
