/* render.h: Markdown (via cmark's tree) to wrapped, styled lines of safe
 * text. No curses here: the browser draws these lines, `show` prints them,
 * and the tests compare them with golden files. */
#ifndef BEDSIDE_RENDER_H
#define BEDSIDE_RENDER_H

#include <stddef.h>

enum render_style {
	RS_EMPH = 1 << 0,
	RS_STRONG = 1 << 1,
	RS_CODE = 1 << 2,
	RS_LINK = 1 << 3,       /* link text, and the <url> marker after it */
	RS_CITE = 1 << 4,       /* a citation such as [2, 3] */
	RS_HEADING = 1 << 5,
	RS_QUOTE = 1 << 6,      /* the quote bar */
	RS_MARKER = 1 << 7,     /* a list bullet or number */
	RS_MATCH = 1 << 8,      /* a search match in a snippet */
};

/* In text given to render_text, these bytes start and end a match (the
 * same bytes db.h's DB_MARK_ON/OFF put in snippets). */
#define RENDER_MATCH_ON '\x01'
#define RENDER_MATCH_OFF '\x02'

struct render_span {
	size_t off;             /* bytes into the line's text */
	size_t len;
	unsigned style;
};

struct render_line {
	char *text;             /* safe UTF-8, no controls; fits the width */
	size_t len;
	struct render_span *spans;
	size_t nspans;
};

struct render_doc {
	struct render_line *lines;
	size_t nlines;
	size_t cap;
};

/* Appends md rendered at width columns to doc (at least 2: narrower, a
 * wide character could not fit). */
void render_markdown(struct render_doc *doc, const char *md, int width);
/* Appends plain text wrapped at width, every line indented by indent
 * columns, in style; RENDER_MATCH_ON/OFF mark matches. */
void render_text(struct render_doc *doc, const char *text, int width, int indent,
    unsigned style);
/* Appends a search snippet (RENDER_MATCH_ON/OFF marking matches) as
 * render_text does at width, with words dropped from its front, an
 * ellipsis in their place, until its first match is on its first line:
 * a hit shows one line of its snippet, and that line must show why it
 * matched. */
void render_snippet(struct render_doc *doc, const char *snippet, int width);
void render_blank(struct render_doc *doc);
void render_doc_free(struct render_doc *doc);

#endif
