/* keymap.h: keymap files -> binding tables.
 *
 * The shipped keymaps (keymaps/default.keys, vi.keys, emacs.keys) and the
 * user's own file are read by this one parser. The grammar, one directive a
 * line:
 *
 *     # a comment
 *     bind CONTEXT KEY ACTION    # a comment may follow the fields
 *     unbind CONTEXT KEY
 *
 * CONTEXT: generic, tree, list, article, search or help. A lookup in any
 * context other than generic falls back to generic when the context has no
 * binding of its own for the key. ACTION is a name from action.h, or "none"
 * to mask the generic binding in one context. `unbind` removes the context's
 * own binding (the generic one, if any, shows through again).
 *
 * KEY: one printable character (j / ? L, or any UTF-8 character such as é);
 * a named key in angle brackets, case-insensitive: <Space> <Tab> <S-Tab>
 * <Enter> <Esc> <Backspace> <Up> <Down> <Left> <Right> <PageUp> <PageDown>
 * <Home> <End> <Delete> <Insert> <S-Left> <S-Right> <S-Up> <S-Down> <F1>..<F63>
 * <U+XXXX>; C-x for control plus a letter (or one of @ [ \ ] ^ _); and M- in
 * front of any of those for Alt/Meta, which the terminal sends as Esc then
 * the key.
 *
 * This module calls no curses function (it uses only the KEY_* values), so
 * it is tested without a terminal. */
#ifndef BEDSIDE_KEYMAP_H
#define BEDSIDE_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "action.h"

/* Longest line a keymap file may have, not counting the newline. */
#define KEYMAP_LINE_MAX 512
/* Largest keymap file read; anything bigger is not a keymap. */
#define KEYMAP_FILE_MAX (1024 * 1024)

/* A key as get_wch() reports it. is_func says whether code is a curses KEY_*
 * value (get_wch returned KEY_CODE_YES) or a character (it returned OK):
 * KEY_UP and the character U+0103 share the number 0403, so the flag keeps
 * them apart. meta is set when the key came after a lone Esc (Alt+key).
 * Keys are compared after keymap_key_normalize(). */
struct key {
	int code;
	bool is_func;
	bool meta;
};

struct keymap;

typedef void keymap_report_fn(void *ctx, const char *msg);
typedef void keymap_each_fn(void *ctx, struct key key, enum action act);

struct keymap *keymap_new(void);
void keymap_free(struct keymap *km);

/* Read bindings from a file, on top of those already in km. Each bad line is
 * reported as "PATH:LINE: reason" and skipped. Returns the number of bad
 * lines, or -1 (reported as "PATH: reason") if the file cannot be read.
 * report may be NULL. */
int keymap_load_file(struct keymap *km, const char *path,
    keymap_report_fn *report, void *ctx);

/* The same for text in memory; name stands for the file in messages. */
int keymap_load_string(struct keymap *km, const char *name, const char *text,
    keymap_report_fn *report, void *ctx);

/* The action for key in context, falling back to generic; ACT_NONE if none. */
enum action keymap_lookup(const struct keymap *km, enum context context,
    struct key key);

/* Calls cb for each binding of the context itself (not generic), in the
 * order they were first bound, skipping "none" masks. A help screen for a
 * context lists that context, then the generic bindings for which
 * keymap_lookup() in the context still gives the same action. cb must not
 * change km. */
void keymap_each(const struct keymap *km, enum context context,
    keymap_each_fn *cb, void *ctx);

/* The first key that gives act in context (for hints such as "? help"). */
bool keymap_key_for(const struct keymap *km, enum context context,
    enum action act, struct key *out);

/* Parse a key name as written in a keymap file; false if it is not one. */
bool keymap_key_parse(const char *name, struct key *out);

/* The canonical name of key, which keymap_key_parse() reads back as the same
 * key. Truncated to fit len; buf is always terminated if len > 0. */
void keymap_key_name(struct key key, char *buf, size_t len);

/* The key get_wch() returned: rc is its return value (OK or KEY_CODE_YES). */
struct key keymap_key_from_input(int rc, wint_t ch, bool meta);

/* Folds the spellings terminals use for one key into one: CR and KEY_ENTER
 * are <Enter>, DEL (0x7f) is <Backspace>. */
struct key keymap_key_normalize(struct key key);

bool keymap_key_equal(struct key a, struct key b);

const char *keymap_context_name(enum context context);
bool keymap_context_by_name(const char *name, enum context *out);

/* Whether a --keymap value names a file rather than a shipped keymap: it
 * holds a '/' or ends in ".keys". (--secure refuses such values.) */
bool keymap_name_is_path(const char *name_or_path);

/* Resolve a --keymap value. A path is copied to buf as it is (loading it
 * reports whether it can be read). A NAME (letters, digits, '-' and '_') is
 * looked for as NAME.keys in each of dirs, a NULL-terminated list, first
 * match wins. Returns buf, or NULL if NAME is not valid, is found in no
 * directory, or the result does not fit len. */
const char *keymap_find(const char *name_or_path, const char *const dirs[],
			char *buf, size_t len);

#endif
