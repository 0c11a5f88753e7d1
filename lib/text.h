/* text.h: UTF-8 decoding, display width, and making untrusted text safe
 * to show. Nothing here calls curses, so the CLI and tests share it. */
#ifndef BEDSIDE_TEXT_H
#define BEDSIDE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"

#define TEXT_INVALID UINT32_MAX     /* what text_decode yields for a bad byte */
#define TEXT_REPLACEMENT 0xFFFDu

/* Decodes one code point at s (len > 0). Returns the bytes used (>= 1);
 * a malformed, overlong or surrogate sequence yields TEXT_INVALID and 1. */
size_t text_decode(const char *s, size_t len, uint32_t *cp);
void text_encode(struct buf *out, uint32_t cp);
/* Writes cp as UTF-8 into out; returns the bytes written (1 to 4). */
size_t text_encode_into(char out[4], uint32_t cp);
/* True if s is well-formed UTF-8; else *bad_off is the first bad byte. */
bool text_valid_utf8(const char *s, size_t len, size_t *bad_off);

/* Characters that must never reach a terminal as they are: C0 and C1
 * controls, DEL, bidi overrides and isolates, and every other invisible
 * format character (zero-width marks, soft hyphen, fillers, tags):
 * Unicode's default-ignorable code points but the variation selectors. */
bool text_is_unsafe(uint32_t cp);
/* Variation selectors (U+FE00-FE0F, U+E0100-E01EF, Mongolian's): kept,
 * zero columns wide, with the character they vary (emoji need them). */
bool text_is_variation_selector(uint32_t cp);
/* Columns a safe code point takes: 0 (combining), 1 or 2 (wide). */
int text_cp_width(uint32_t cp);

/* In ASCII mode (a terminal in the C locale) everything outside ASCII is
 * shown as '?', one column, so no byte the terminal cannot draw is sent. */
void text_set_ascii(bool on);
bool text_ascii(void);
/* In a UTF-8 locale, the widths of code points the compact table does
 * not name come from the locale's wcwidth, as curses takes them. */
void text_set_locale_widths(bool on);
/* Standard error may be such a terminal when standard output is not (a
 * pipe or a file, which get UTF-8): then text_fputs makes what it writes
 * to stderr ASCII. */
void text_set_ascii_stderr(bool on);
/* fputs of sanitized text s, made ASCII when f is stderr and that is a
 * terminal in the C locale; every message to stderr goes through it. */
void text_fputs(const char *s, FILE *f);

enum {
	TEXT_KEEP_NEWLINES = 1,     /* keep '\n' (else it becomes a placeholder) */
	TEXT_TABS_AS_SPACE = 2,     /* '\t' becomes one space */
	TEXT_KEEP_TABS = 4,         /* keep '\t': Markdown, where it indents */
};

/* Appends s to out with every unsafe character replaced by a visible
 * placeholder and invalid UTF-8 by U+FFFD: the one gate untrusted text
 * passes before it is drawn or printed. A ZWJ inside an emoji sequence
 * is dropped instead, the emoji shown side by side. */
void text_sanitize(struct buf *out, const char *s, size_t len, unsigned flags);
char *text_sanitized(const char *s, unsigned flags);
/* Appends what text_sanitize makes of s[from, to) where it stands in s
 * (len long): the same characters, cut at from and to, as long as both
 * are where characters start (text_char_next). */
void text_sanitize_part(struct buf *out, const char *s, size_t len, size_t from,
    size_t to, unsigned flags);

/* A character as it is drawn: a code point and the ones that join it in
 * its cell (combining marks, variation selectors, skin tones; an emoji
 * joiner, which sanitizing drops). The byte where the character after
 * the one at at starts (len at the end), and where the one before at
 * starts (0 at the start): an editor's cursor moves by these, so that
 * it never sits inside what shows as one character. */
size_t text_char_next(const char *s, size_t len, size_t at);
size_t text_char_prev(const char *s, size_t len, size_t at);

/* Display width of already-sanitized text. */
size_t text_width(const char *s, size_t len);
/* Bytes of s that fit in at most cols columns (never splits a character;
 * combining marks stay with their base). */
size_t text_fit(const char *s, size_t len, size_t cols, size_t *used);
/* Where the longest end of s that fits in cols columns starts: 0 if all
 * of it fits; a character and its marks go whole (text_char_next). */
size_t text_fit_tail(const char *s, size_t len, size_t cols);
/* Bytes of s (len long) to keep within max bytes: all of them, or at
 * most max cut back to the start of a UTF-8 character. */
size_t text_cut(const char *s, size_t len, size_t max);

/* Case folding and letters-or-digits of ASCII alone, the same in every
 * locale, for grammars and matching that must not depend on it. */
int text_ascii_lower(int c);
bool text_ascii_alnum(int c);

#endif
