/* curses_wide.h: the one place curses is included, with the wide-character
 * API switched on. */
#ifndef BEDSIDE_CURSES_WIDE_H
#define BEDSIDE_CURSES_WIDE_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
