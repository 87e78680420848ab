// Wide-character ncurses for Swift: the feature macros must precede the include,
// otherwise get_wch, mvadd_wch and setcchar are not declared.
#ifndef PORTAL_CNCURSES_SHIM_H
#define PORTAL_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

// Swift 6 rejects ncurses' mutable globals; read them through functions.
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
static inline void shim_set_escdelay(int ms) { set_escdelay(ms); }

// getmaxyx is a macro assigning to lvalues; split it into two calls.
static inline int shim_getmaxy(WINDOW *win) { return getmaxy(win); }
static inline int shim_getmaxx(WINDOW *win) { return getmaxx(win); }

// wcwidth is only declared under _XOPEN_SOURCE; this keeps one declaration for Swift.
static inline int shim_wcwidth(unsigned int codepoint) { return wcwidth((wchar_t)codepoint); }
static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }

// Whether the user's locale (LANG/LC_*) is UTF-8, asked without touching the process locale:
// switching LC_CTYPE back and forth would race with wcwidth on other threads.
static inline int shim_user_locale_is_utf8(void) {
  locale_t loc = newlocale(LC_ALL_MASK, "", (locale_t)0);
  if (loc == (locale_t)0) return 0;
  const char *codeset = nl_langinfo_l(CODESET, loc);
  int utf8 = codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
  freelocale(loc);
  return utf8;
}

// Attribute macros (NCURSES_BITS expressions do not import).
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_italic(void) { return A_ITALIC; }
static inline attr_t shim_color_pair(int n) { return COLOR_PAIR(n); }

// Key codes; KEY_F(n) is a function-like macro.
static inline int shim_key_code_yes(void) { return KEY_CODE_YES; }
static inline int shim_key_up(void) { return KEY_UP; }
static inline int shim_key_down(void) { return KEY_DOWN; }
static inline int shim_key_left(void) { return KEY_LEFT; }
static inline int shim_key_right(void) { return KEY_RIGHT; }
static inline int shim_key_home(void) { return KEY_HOME; }
static inline int shim_key_end(void) { return KEY_END; }
static inline int shim_key_ppage(void) { return KEY_PPAGE; }
static inline int shim_key_npage(void) { return KEY_NPAGE; }
static inline int shim_key_enter(void) { return KEY_ENTER; }
static inline int shim_key_backspace(void) { return KEY_BACKSPACE; }
static inline int shim_key_dc(void) { return KEY_DC; }
static inline int shim_key_ic(void) { return KEY_IC; }
static inline int shim_key_btab(void) { return KEY_BTAB; }
static inline int shim_key_resize(void) { return KEY_RESIZE; }
static inline int shim_key_mouse(void) { return KEY_MOUSE; }
static inline int shim_key_f(int n) { return KEY_F(n); }
static inline int shim_key_a1(void) { return KEY_A1; }
static inline int shim_key_c1(void) { return KEY_C1; }

// Mouse masks (NCURSES_MOUSE_VERSION 2: buttons 4 and 5 are the wheel).
static inline mmask_t shim_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t shim_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t shim_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t shim_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t shim_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t shim_button5_pressed(void) { return BUTTON5_PRESSED; }

// Result codes are macros too.
static inline int shim_ok(void) { return OK; }
static inline int shim_err(void) { return ERR; }
#endif
