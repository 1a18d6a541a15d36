import ClerkApp
