/* buf.h: a growable byte string, always NUL-terminated. */
#ifndef BEDSIDE_BUF_H
#define BEDSIDE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_add(struct buf *b, const char *s, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_truncate(struct buf *b, size_t len);
/* Hands the string to the caller (never NULL) and empties the buffer. */
char *buf_detach(struct buf *b);
void buf_free(struct buf *b);

/* Allocation that never returns NULL: out of memory ends the program. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Room for item n of an array of n items of size bytes each, growing it
 * to the next power of two: one more each time is n squared copying
 * where realloc cannot grow in place (the sanitizers' allocator). */
void *xgrow(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
