// ClerkApp
