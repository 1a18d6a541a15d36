// ClerkTUI
