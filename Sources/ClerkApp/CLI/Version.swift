/// clerk's version: `clerk --version`, the manual's header. Changed here and nowhere else.
public enum ClerkVersion {
    public static let current = "0.9.0"
}
