#ifndef CLERK_CNCURSESW_SHIM_H
#define CLERK_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide-character API is switched on here.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift cannot import function-like or composite macros, nor (in Swift 6) the mutable
// globals stdscr/COLORS/COLOR_PAIRS. Each wrapper below exposes exactly one of them.

// Attributes.
static inline attr_t clerk_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t clerk_A_BOLD(void) { return A_BOLD; }
static inline attr_t clerk_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t clerk_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t clerk_A_DIM(void) { return A_DIM; }
static inline attr_t clerk_COLOR_PAIR(int n) { return (attr_t)COLOR_PAIR(n); }

// Globals.
static inline WINDOW *clerk_stdscr(void) { return stdscr; }
static inline int clerk_COLORS(void) { return COLORS; }
static inline int clerk_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int clerk_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int clerk_getmaxx(WINDOW *w) { return getmaxx(w); }

// Results.
static inline int clerk_ERR(void) { return ERR; }
static inline int clerk_OK(void) { return OK; }
static inline int clerk_KEY_CODE_YES(void) { return KEY_CODE_YES; }

// Keys.
static inline int clerk_KEY_F(int n) { return KEY_F(n); }
static inline int clerk_KEY_F0(void) { return KEY_F0; }
static inline int clerk_KEY_UP(void) { return KEY_UP; }
static inline int clerk_KEY_DOWN(void) { return KEY_DOWN; }
static inline int clerk_KEY_LEFT(void) { return KEY_LEFT; }
static inline int clerk_KEY_RIGHT(void) { return KEY_RIGHT; }
static inline int clerk_KEY_HOME(void) { return KEY_HOME; }
static inline int clerk_KEY_END(void) { return KEY_END; }
static inline int clerk_KEY_PPAGE(void) { return KEY_PPAGE; }
static inline int clerk_KEY_NPAGE(void) { return KEY_NPAGE; }
static inline int clerk_KEY_IC(void) { return KEY_IC; }
static inline int clerk_KEY_DC(void) { return KEY_DC; }
static inline int clerk_KEY_BACKSPACE(void) { return KEY_BACKSPACE; }
static inline int clerk_KEY_ENTER(void) { return KEY_ENTER; }
static inline int clerk_KEY_BTAB(void) { return KEY_BTAB; }
static inline int clerk_KEY_SLEFT(void) { return KEY_SLEFT; }
static inline int clerk_KEY_SRIGHT(void) { return KEY_SRIGHT; }
static inline int clerk_KEY_SHOME(void) { return KEY_SHOME; }
static inline int clerk_KEY_SEND(void) { return KEY_SEND; }
static inline int clerk_KEY_RESIZE(void) { return KEY_RESIZE; }
static inline int clerk_KEY_MOUSE(void) { return KEY_MOUSE; }

// Mouse.
static inline mmask_t clerk_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t clerk_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t clerk_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t clerk_BUTTON2_PRESSED(void) { return BUTTON2_PRESSED; }
static inline mmask_t clerk_BUTTON2_RELEASED(void) { return BUTTON2_RELEASED; }
static inline mmask_t clerk_BUTTON2_CLICKED(void) { return BUTTON2_CLICKED; }
static inline mmask_t clerk_BUTTON3_PRESSED(void) { return BUTTON3_PRESSED; }
static inline mmask_t clerk_BUTTON3_RELEASED(void) { return BUTTON3_RELEASED; }
static inline mmask_t clerk_BUTTON3_CLICKED(void) { return BUTTON3_CLICKED; }
static inline mmask_t clerk_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t clerk_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }
static inline mmask_t clerk_BUTTON_SHIFT(void) { return BUTTON_SHIFT; }
static inline mmask_t clerk_BUTTON_CTRL(void) { return BUTTON_CTRL; }
static inline mmask_t clerk_BUTTON_ALT(void) { return BUTTON_ALT; }

// The C library's idea of a character's width; ncurses lays out cells by it.
static inline int clerk_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
// Length of the wide-character array a cchar_t holds.
static inline int clerk_CCHARW_MAX(void) { return CCHARW_MAX; }

// Whether the C library's character set (LC_CTYPE) is UTF-8.
static inline int clerk_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

// An alternate-character-set glyph (line drawing), by its letter in terminfo's acsc
// ('q' a horizontal line, 'x' a vertical one, 'l' 'k' 'm' 'j' corners…). Valid once a
// screen is started; a terminal without acsc gets ncurses' ASCII fallback ('-', '|', '+').
static inline chtype clerk_acs(unsigned char c) { return NCURSES_ACS(c); }

// Forces the next doupdate to clear the terminal and draw every cell again.
static inline int clerk_clear_on_next_update(void) { return clearok(curscr, TRUE); }

#include <ncursesw/term.h>

// Whether terminfo knows `name` and it can address the cursor, without starting a screen
// (setupterm writes nothing to the terminal): 1 usable, 0 unknown or no terminfo
// database, 2 known but unable to move the cursor (dumb, hardcopy).
static inline int clerk_probe_terminal(const char *name, int fd) {
    int err = 0;
    if (setupterm(name, fd, &err) != OK) return err == 1 ? 2 : 0;
    const char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (const char *)-1;
    del_curterm(cur_term);
    return usable ? 1 : 2;
}

#endif
