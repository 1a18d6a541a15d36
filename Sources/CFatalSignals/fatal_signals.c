#include "fatal_signals.h"

#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Written by the screen before it starts and after it ends; read by the handler.
static volatile sig_atomic_t screen_output = -1;
static volatile sig_atomic_t screen_input = -1;
static volatile sig_atomic_t have_modes = 0;
static struct termios saved_modes;
static volatile sig_atomic_t handling = 0;

// Mouse reporting (every mode ncurses may have set) and bracketed paste off, keypad
// transmit off, attributes reset, cursor shown, alternate screen left.
static const char restore[] =
    "\033[?1000l\033[?1002l\033[?1003l\033[?1005l\033[?1006l\033[?1015l\033[?2004l"
    "\033[?1l\033>\033[0m\033[?25h\033[?1049l\r";

static const char *const fatal_signals_text =
    ": stopped. Everything shown as saved is on disk; typing not yet saved (normally the "
    "last second's) is lost. Please report this.\n";
// SIGQUIT is someone's request, not a bug: nothing to report.
static const char *const quit_text =
    ": stopped. Everything shown as saved is on disk; typing not yet saved (normally the "
    "last second's) is lost.\n";

static void put(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

static void handle_fatal_signal(int sig) {
    // One report, from the first thread to get here; any other waits to be ended with it.
    if (__atomic_exchange_n(&handling, 1, __ATOMIC_SEQ_CST)) {
        for (;;) pause();
    }
    if (screen_output >= 0) {
        put(screen_output, restore, sizeof restore - 1);
        if (have_modes) tcsetattr(screen_input, TCSANOW, &saved_modes);
    }
    char line[256];
    size_t n = 0;
    const char *lead = sig == SIGQUIT ? "clerk: quit (signal " : "clerk: internal error (signal ";
    size_t lead_len = strlen(lead);
    memcpy(line, lead, lead_len);
    n += lead_len;
    char digits[8];
    int d = 0, v = sig;
    do {
        digits[d++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 && d < (int)sizeof digits);
    while (d > 0) line[n++] = digits[--d];
    line[n++] = ')';
    const char *text = sig == SIGQUIT ? quit_text : fatal_signals_text;
    size_t text_len = strlen(text);
    if (n + text_len > sizeof line) text_len = sizeof line - n;
    memcpy(line + n, text, text_len);
    n += text_len;
    put(STDERR_FILENO, line, n);
    _exit(70);
}

// Room for the handler to run when the stack itself has overflowed.
static uint8_t alternate_stack[64 * 1024] __attribute__((aligned(16)));

void clerk_fatal_signals_install(void) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        stack_t ours;
        memset(&ours, 0, sizeof ours);
        ours.ss_sp = alternate_stack;
        ours.ss_size = sizeof alternate_stack;
        sigaltstack(&ours, NULL);
    }
    const int signals[] = {SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGQUIT};
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handle_fatal_signal;
    action.sa_flags = SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&action.sa_mask, signals[i]);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
}

void clerk_fatal_signals_screen_starting(int output_fd, int input_fd) {
    have_modes = 0;
    screen_input = input_fd;
    if (tcgetattr(input_fd, &saved_modes) == 0) have_modes = 1;
    screen_output = output_fd;
}

void clerk_fatal_signals_screen_ended(void) {
    screen_output = -1;
    have_modes = 0;
}
