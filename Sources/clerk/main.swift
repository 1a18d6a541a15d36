import ClerkApp
import Terminal

// Before anything else: a crash restores the terminal, prints one line and exits, instead
// of the Swift runtime's interactive backtracer taking over the person's terminal.
FatalSignals.install()
ClerkCommand.runMain()
