import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Terminal

extension ScreenTests {
    /// A screen over a fresh demo archive opened read-only, as `clerk --read-only` does.
    /// The archive is at `dir.path + "/a"`; keep `dir` alive while the app is used.
    static func readOnlyApp(_ name: String, cols: Int, rows: Int) throws -> (dir: TempDir, app: ScreenApp) {
        let dir = try TempDir(name)
        try DemoInstaller.install(at: dir.path + "/a", today: today)
        let store = try ArchiveStore(directory: dir.path + "/a", mode: .readOnly)
        let term = VirtualTerminal(size: Size(cols: cols, rows: rows))
        let (keymap, _) = Keymap.load(configText: nil)
        let app = ScreenApp(store: store, terminal: term, theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: true,
                            clock: .fixed(today, TimeOfDay(hour: 10, minute: 0)!))
        return (dir, app)
    }
}
