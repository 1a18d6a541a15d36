// ClerkStore
