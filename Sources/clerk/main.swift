import ClerkApp

ClerkCommand.runMain()
