import Terminal

/// The screen's terminal for `clerk --crash-for-test` (hidden from help): the first key
/// pressed stops clerk with `fatalError`, as a bug would, so that a test can check what a
/// crash leaves on the person's terminal (one line, the terminal restored, no backtracer).
final class CrashOnFirstKey: Terminal {
    let term: any Terminal

    init(_ term: any Terminal) { self.term = term }

    var size: Size { term.size }
    var colorCount: Int { term.colorCount }
    var inputDescriptor: Int32? { term.inputDescriptor }
    var isHungUp: Bool { term.isHungUp }
    func put(_ text: String, at: Point, style: Style) { term.put(text, at: at, style: style) }
    func fill(_ rect: Rect, style: Style) { term.fill(rect, style: style) }
    func setCursor(_ p: Point?) { term.setCursor(p) }
    func flush() { term.flush() }

    func readInput(timeoutMs: Int) -> InputEvent? {
        let event = term.readInput(timeoutMs: timeoutMs)
        if case .key = event { fatalError("crash requested with --crash-for-test") }
        return event
    }
}
