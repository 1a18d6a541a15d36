// ClerkCore
