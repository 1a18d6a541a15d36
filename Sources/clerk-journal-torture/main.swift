import ClerkStore
