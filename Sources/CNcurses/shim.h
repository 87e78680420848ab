// Wide-character ncurses for Swift: the feature macros must precede the include,
// otherwise get_wch, mvadd_wch and setcchar are not declared.
#ifndef PORTAL_CNCURSES_SHIM_H
#define PORTAL_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <wchar.h>

// Swift 6 rejects ncurses' mutable globals; read them through functions.
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
static inline void shim_set_escdelay(int ms) { set_escdelay(ms); }
#endif
