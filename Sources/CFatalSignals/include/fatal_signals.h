#ifndef CLERK_FATAL_SIGNALS_H
#define CLERK_FATAL_SIGNALS_H

// What clerk does when it crashes: restore the terminal, say so in one line on standard
// error, and exit with status 70. Written in C so that the handler is async-signal-safe
// (write, tcsetattr and _exit only), and installed over the Swift runtime's own handlers,
// whose interactive backtracer would otherwise run on the person's terminal.

/// Replaces the handlers of SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV and SIGQUIT.
/// Call first thing in main.
void clerk_fatal_signals_install(void);

/// The screen is about to take over the terminal on these descriptors: remember the
/// input's terminal modes now, to put them back on a crash. Call before ncurses changes them.
void clerk_fatal_signals_screen_starting(int output_fd, int input_fd);

/// The screen has given the terminal back: a crash now leaves it alone.
void clerk_fatal_signals_screen_ended(void);

#endif
