/* app_small.h: the screen shown while the terminal is too small to draw
 * the views, and what the keys do meanwhile. */
#ifndef BEDSIDE_APP_SMALL_H
#define BEDSIDE_APP_SMALL_H

#include "app.h"
#include "keymap.h"

/* Draws the too-small screen on stdscr: that it is too small, the size
 * it needs and the way out, then what became of the last key. */
void app_small_draw(struct app *app);
/* Acts on key while the views do not show. Nothing closes unseen: the
 * quit key quits, as the screen says; the close key closes a search box
 * or help (which hold no place); a key the search box takes as text is
 * not typed blind. Any other key is noted, for the screen to say that
 * it did nothing. */
void app_small_key(struct app *app, struct key key);

#endif
