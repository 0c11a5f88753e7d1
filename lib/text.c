/* text.c: see text.h. The width table is compact on purpose: it covers
 * combining marks and the wide East Asian and emoji blocks, which is what
 * keeps a line from spilling past its last column. */
#include "config.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static bool ascii_mode, ascii_stderr, locale_widths;

void
text_set_ascii(bool on)
{
	ascii_mode = on;
}

bool
text_ascii(void)
{
	return ascii_mode;
}

void
text_set_locale_widths(bool on)
{
	locale_widths = on;
}

void
text_set_ascii_stderr(bool on)
{
	ascii_stderr = on;
}

size_t
text_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	uint32_t v, min;
	size_t n;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; v = c & 0x07; min = 0x10000;
	} else {
		*cp = TEXT_INVALID;
		return 1;
	}
	if (len < n) {
		*cp = TEXT_INVALID;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = TEXT_INVALID;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = TEXT_INVALID;
		return 1;
	}
	*cp = v;
	return n;
}

size_t
text_encode_into(char out[4], uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

void
text_encode(struct buf *out, uint32_t cp)
{
	char b[4];

	buf_add(out, b, text_encode_into(b, cp));
}

bool
text_valid_utf8(const char *s, size_t len, size_t *bad_off)
{
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {       /* ASCII is valid */
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (cp == TEXT_INVALID) {
			if (bad_off)
				*bad_off = i;
			return false;
		}
		i += n;
	}
	return true;
}

/* The default-ignorable code points of Unicode (DerivedCoreProperties)
 * are drawn as nothing, or as a blank of a width terminals disagree on:
 * each can hide in a word, make two different texts look the same
 * ("furo\u00ADsemide" is not "furosemide" to the search) or put the line
 * out of step with the screen. All of them but the variation selectors
 * are unsafe, and so shown as a placeholder. */
bool
text_is_unsafe(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	    cp == 0x00AD ||                        /* soft hyphen */
	    cp == 0x034F ||                        /* combining grapheme joiner */
	    cp == 0x061C ||                        /* Arabic letter mark */
	    cp == 0x115F || cp == 0x1160 ||        /* Hangul fillers */
	    cp == 0x17B4 || cp == 0x17B5 ||        /* Khmer inherent vowels */
	    cp == 0x180E ||                        /* Mongolian vowel separator */
	    (cp >= 0x200B && cp <= 0x200F) ||      /* zero-width, ZWNJ, ZWJ, LRM, RLM */
	    (cp >= 0x2028 && cp <= 0x202E) ||      /* separators, bidi embeddings */
	    (cp >= 0x2060 && cp <= 0x206F) ||      /* word joiner, invisibles, isolates */
	    cp == 0x3164 || cp == 0xFFA0 ||        /* Hangul fillers */
	    cp == 0xFEFF ||                        /* zero-width no-break space */
	    (cp >= 0xFFF0 && cp <= 0xFFFB) ||      /* ignorables, interlinear annotations */
	    (cp >= 0x1BCA0 && cp <= 0x1BCA3) ||    /* shorthand format controls */
	    (cp >= 0x1D173 && cp <= 0x1D17A) ||    /* musical format controls */
	    (cp >= 0xE0000 && cp <= 0xE0FFF &&     /* tags: can spell hidden text */
	    !text_is_variation_selector(cp)) ||
	    cp == TEXT_INVALID;
}

bool
text_is_variation_selector(uint32_t cp)
{
	return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
	    (cp >= 0x180B && cp <= 0x180D) || cp == 0x180F;
}

/* The pictographs an emoji sequence joins with U+200D (ZWJ): "health
 * worker" is U+1F9D1 ZWJ U+2695 U+FE0F. A modifier (skin tone) counts
 * as the one before it. */
static bool
pictographic(uint32_t cp)
{
	return (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2600 && cp <= 0x27BF) ||
	    (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

struct range {
	uint32_t lo, hi;
};

static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
	{0x0900, 0x0902}, {0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948},
	{0x094D, 0x094D}, {0x0951, 0x0957}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},
	{0x0E47, 0x0E4E}, {0x1160, 0x11FF}, {0x180B, 0x180D}, {0x180F, 0x180F},
	{0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
	{0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE00, 0xFE0F},
	{0xFE20, 0xFE2F}, {0x1F3FB, 0x1F3FF}, {0xE0000, 0xE0FFF},
};

static const struct range double_width[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
	{0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
	{0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
	{0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x18AFF},
	{0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
	{0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
	{0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C},
	{0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
	{0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F3FA},
	{0x1F400, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC},
	{0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
	{0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
	{0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC},
	{0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6EB, 0x1F6EC},
	{0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F93A},
	{0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF},
	{0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static bool
in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;
	if (cp < t[0].lo)
		return false;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp > t[mid].hi)
			lo = mid + 1;
		else if (cp < t[mid].lo)
			hi = mid;
		else
			return true;
	}
	return false;
}

int
text_cp_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (ascii_mode)
		return 1;
	if (in_table(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_table(cp, double_width, sizeof double_width / sizeof double_width[0]))
		return 2;
	/* What the table leaves out (the vowel signs of Bengali, Gujarati
	 * and other scripts, newer emoji): curses and the terminal place it
	 * by the locale's wcwidth, so a line measured otherwise would have a
	 * gap after every such mark, or spill. */
	if (locale_widths && cp <= (uint32_t)WCHAR_MAX) {
		int w = wcwidth((wchar_t)cp);
		if (w == 0 || w == 2)
			return w;
	}
	return 1;
}

/* In ASCII mode, the characters clinical text uses are spelt out rather
 * than shown as '?': "?3.0 mmol/L" for "≥3.0" or "26.5 ?mol/L" for
 * micromoles would leave a reader guessing at a dose or a threshold.
 * Micro is spelt in full: "ug" is too easily read as "mg". */
static const struct {
	uint32_t cp;
	const char *ascii;
} ascii_spellings[] = {
	{ 0x00A0, " " }, { 0x00A9, "(C)" }, { 0x00AB, "<<" }, { 0x00AE, "(R)" },
	{ 0x00B0, " deg " }, { 0x00B1, "+/-" }, { 0x00B2, "^2" }, { 0x00B3, "^3" },
	{ 0x00B5, "micro" }, { 0x00B7, "-" }, { 0x00B9, "^1" }, { 0x00BB, ">>" },
	{ 0x00BC, "1/4" }, { 0x00BD, "1/2" }, { 0x00BE, "3/4" }, { 0x00C6, "AE" },
	{ 0x00D7, "x" }, { 0x00DF, "ss" }, { 0x00E6, "ae" }, { 0x00F7, "/" },
	{ 0x03BC, "micro" }, { 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" },
	{ 0x2013, "-" }, { 0x2014, "--" }, { 0x2018, "'" }, { 0x2019, "'" },
	{ 0x201C, "\"" }, { 0x201D, "\"" }, { 0x2022, "*" }, { 0x2026, "..." },
	{ 0x2030, " per mille" }, { 0x2039, "<" }, { 0x203A, ">" }, { 0x2122, "(TM)" },
	{ 0x2190, "<-" }, { 0x2191, "^" }, { 0x2192, "->" }, { 0x2193, "v" },
	{ 0x2212, "-" }, { 0x2248, "~" }, { 0x2260, "!=" }, { 0x2264, "<=" },
	{ 0x2265, ">=" },
};

/* Latin-1 letters lose their accent: "Sjogren", not "Sj?gren". */
static const char latin1_letters[] =
    "AAAAAA?CEEEEIIIIDNOOOOO?OUUUUY?" "?aaaaaa?ceeeeiiiidnooooo?ouuuuy?y";

static const char *
ascii_spelling(uint32_t cp, char one[2])
{
	size_t lo = 0, hi = sizeof ascii_spellings / sizeof ascii_spellings[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ascii_spellings[mid].cp < cp)
			lo = mid + 1;
		else if (ascii_spellings[mid].cp > cp)
			hi = mid;
		else
			return ascii_spellings[mid].ascii;
	}
	if (cp >= 0xC0 && cp <= 0xFF && latin1_letters[cp - 0xC0] != '?') {
		one[0] = latin1_letters[cp - 0xC0];
		one[1] = '\0';
		return one;
	}
	return NULL;
}

/* Control characters get their Unicode "control picture" (ESC shows as
 * U+241B), so a reader can see that something odd is in the text; other
 * invisible format characters share one substitute sign. */
static uint32_t
placeholder(uint32_t cp)
{
	if (cp == TEXT_INVALID)
		return TEXT_REPLACEMENT;
	if (cp < 0x20)
		return 0x2400 + cp;
	if (cp == 0x7F)
		return 0x2421;
	return 0x2426;
}

/* An emoji sequence's ZWJ is dropped, its pictographs drawn side by
 * side: terminals disagree on joining them into one glyph (tmux does,
 * xterm does not), and the browser places every cell itself, so a
 * sequence one terminal joins would put the rest of its line out of
 * step. Nothing is hidden: every part stays in view. */
static bool
emoji_joiner(uint32_t cp, uint32_t before, const char *rest, size_t len)
{
	uint32_t next;
	if (cp != 0x200D || !pictographic(before) || len == 0)
		return false;
	text_decode(rest, len, &next);
	return pictographic(next);
}

/* The start of the code point before byte at (> 0): back over at most
 * three continuation bytes, or one byte if they make no character. */
static size_t
cp_start_before(const char *s, size_t len, size_t at)
{
	size_t p = at - 1;
	uint32_t cp;
	for (int k = 0; k < 3 && p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80; k++)
		p--;
	if (text_decode(s + p, len - p, &cp) != at - p)
		p = at - 1;
	return p;
}

/* The character before byte at that an emoji joiner looks back to:
 * variation selectors aside, 0 if none. */
static uint32_t
cp_before(const char *s, size_t len, size_t at)
{
	while (at > 0) {
		uint32_t cp;
		at = cp_start_before(s, len, at);
		text_decode(s + at, len - at, &cp);
		if (!text_is_variation_selector(cp))
			return cp;
	}
	return 0;
}

/* Sanitizes s[from, to) of s (len long), before being the character
 * ahead of from: what comes after to still counts (an emoji joiner
 * looks at the pictograph that follows). */
static void
sanitize_range(struct buf *out, const char *s, size_t len, size_t from, size_t to,
    uint32_t before, unsigned flags)
{
	size_t i = from;
	while (i < to) {
		/* Printable ASCII, most of any text, is copied in runs: it is
		 * kept as it is whatever the flags and mode. */
		size_t run = i;
		while (run < to && (unsigned char)s[run] >= 0x20 &&
		    (unsigned char)s[run] < 0x7F)
			run++;
		if (run > i) {
			buf_add(out, s + i, run - i);
			before = (unsigned char)s[run - 1];
			i = run;
			continue;
		}
		uint32_t cp;
		size_t n = text_decode(s + i, to - i, &cp);
		if (cp == '\n' && (flags & TEXT_KEEP_NEWLINES)) {
			buf_addc(out, '\n');
		} else if (cp == '\t' && (flags & TEXT_KEEP_TABS)) {
			buf_addc(out, '\t');
		} else if (cp == '\t' && (flags & TEXT_TABS_AS_SPACE)) {
			buf_addc(out, ' ');
		} else if (emoji_joiner(cp, before, s + i + n, len - i - n)) {
			/* dropped: the pictographs either side show */
		} else if (text_is_unsafe(cp)) {
			if (ascii_mode)
				buf_addc(out, '?');
			else
				text_encode(out, placeholder(cp));
		} else if (cp >= 0x80 && ascii_mode) {
			/* A combining mark joins the '?' of its base. */
			char one[2];
			const char *sp = ascii_spelling(cp, one);
			if (sp)
				buf_adds(out, sp);
			else if (!in_table(cp, zero_width,
			    sizeof zero_width / sizeof zero_width[0]))
				buf_addc(out, '?');
		} else {
			buf_add(out, s + i, n);
		}
		if (!text_is_variation_selector(cp))
			before = cp;
		i += n;
	}
}

void
text_sanitize(struct buf *out, const char *s, size_t len, unsigned flags)
{
	sanitize_range(out, s, len, 0, len, 0, flags);
}

void
text_sanitize_part(struct buf *out, const char *s, size_t len, size_t from, size_t to,
    unsigned flags)
{
	if (to > len)
		to = len;
	if (from < to)
		sanitize_range(out, s, len, from, to, cp_before(s, len, from), flags);
}

/* Whether the code point at byte at joins the character before it on
 * screen: a combining mark, a variation selector or a skin tone, or an
 * emoji sequence's joiner, which text_sanitize drops between the two
 * pictographs it joins. */
static bool
joins_before(const char *s, size_t len, size_t at)
{
	uint32_t cp;
	size_t n = text_decode(s + at, len - at, &cp);
	if (cp == TEXT_INVALID)
		return false;
	if (in_table(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return !text_is_unsafe(cp);
	/* A mark only the locale knows (text_cp_width) joins as well. */
	if (!text_is_unsafe(cp) && cp >= 0x300 && text_cp_width(cp) == 0)
		return true;
	return emoji_joiner(cp, cp_before(s, len, at), s + at + n, len - at - n);
}

size_t
text_char_next(const char *s, size_t len, size_t at)
{
	uint32_t cp;
	if (at >= len)
		return len;
	at += text_decode(s + at, len - at, &cp);
	while (at < len && joins_before(s, len, at))
		at += text_decode(s + at, len - at, &cp);
	return at;
}

size_t
text_char_prev(const char *s, size_t len, size_t at)
{
	if (at > len)
		at = len;
	if (at == 0)
		return 0;
	at = cp_start_before(s, len, at);
	while (at > 0 && joins_before(s, len, at))
		at = cp_start_before(s, len, at);
	return at;
}

char *
text_sanitized(const char *s, unsigned flags)
{
	struct buf b = BUF_INIT;
	text_sanitize(&b, s, strlen(s), flags);
	return buf_detach(&b);
}

void
text_fputs(const char *s, FILE *f)
{
	/* A placeholder's UTF-8 bytes hold C1 controls to a terminal that
	 * takes bytes as Latin-1 (U+241B, ESC's picture, ends in 0x9B,
	 * CSI): made safe again, in ASCII, they become '?'. */
	if (f == stderr && ascii_stderr && !ascii_mode) {
		struct buf b = BUF_INIT;
		ascii_mode = true;
		text_sanitize(&b, s, strlen(s), TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS);
		ascii_mode = false;
		fputs(b.data ? b.data : "", f);
		buf_free(&b);
	} else {
		fputs(s, f);
	}
}

size_t
text_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		w += (size_t)text_cp_width(cp == TEXT_INVALID ? TEXT_REPLACEMENT : cp);
	}
	return w;
}

size_t
text_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

size_t
text_fit(const char *s, size_t len, size_t cols, size_t *used)
{
	size_t w = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		int cw = text_cp_width(cp == TEXT_INVALID ? TEXT_REPLACEMENT : cp);
		if (w + (size_t)cw > cols)
			break;
		w += (size_t)cw;
		i += n;
	}
	if (used)
		*used = w;
	return i;
}

size_t
text_fit_tail(const char *s, size_t len, size_t cols)
{
	size_t at = 0, w = text_width(s, len);
	while (at < len && w > cols) {
		size_t next = text_char_next(s, len, at);
		w -= text_width(s + at, next - at);
		at = next;
	}
	return at;
}

int
text_ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

bool
text_ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}
