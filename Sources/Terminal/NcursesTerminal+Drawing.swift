import CNcursesw
import Glibc

extension NcursesTerminal {
    func draw(_ cell: Cell, at p: Point, in win: UnsafeMutablePointer<WINDOW>?) {
        let width = DisplayWidth.width(of: cell.text)
        if !isUnicode, !cell.text.unicodeScalars.allSatisfy(\.isASCII) {
            drawAscii(cell, width: width, at: p, in: win)
            return
        }
        let glyphs = CellEncoding.glyphs(for: cell.text, width: width, maxScalars: Int(clerk_CCHARW_MAX())) {
            Int(clerk_wcwidth($0))
        }
        let attrs = attributes(for: cell.style)
        let pair = pair(for: cell.style)
        for (offset, scalars) in glyphs.enumerated() {
            var wide = scalars.map { wchar_t(bitPattern: $0) }
            wide.append(0)
            var cc = cchar_t()
            setcchar(&cc, wide, attrs, pair, nil)
            mvwadd_wch(win, Int32(p.y), Int32(p.x + offset), &cc)
        }
    }

    /// A cell beyond ASCII on a terminal whose locale is not UTF-8 (see `AsciiFallback`).
    private func drawAscii(_ cell: Cell, width: Int, at p: Point, in win: UnsafeMutablePointer<WINDOW>?) {
        let attrs = attributes(for: cell.style)
        let pair = pair(for: cell.style)
        for (offset, glyph) in AsciiFallback.glyphs(for: cell.text, width: width).enumerated() {
            let x = Int32(p.x + offset), y = Int32(p.y)
            switch glyph {
            case .ascii(let byte):
                var cc = cchar_t()
                setcchar(&cc, [wchar_t(byte), 0], attrs, pair, nil)
                mvwadd_wch(win, y, x, &cc)
            case .lineDrawing(let letter):
                wattr_set(win, attrs, pair, nil)
                mvwaddch(win, y, x, clerk_acs(letter))
                wattr_set(win, clerk_A_NORMAL(), 0, nil)
            }
        }
    }

    private func attributes(for style: Style) -> attr_t {
        var a = clerk_A_NORMAL()
        if style.bold { a |= clerk_A_BOLD() }
        if style.reverse { a |= clerk_A_REVERSE() }
        if style.underline { a |= clerk_A_UNDERLINE() }
        if style.dim { a |= clerk_A_DIM() }
        return a
    }

    struct PairKey: Hashable {
        var fg: Int16
        var bg: Int16
    }

    /// The colour pair for a style's colours, created on first use; 0 (the terminal's
    /// defaults) when colours are off or the terminal has no pairs left.
    private func pair(for style: Style) -> Int16 {
        guard colorCount > 0, style.fg != nil || style.bg != nil else { return 0 }
        func index(_ c: Color?, fallback: Int16) -> Int16 {
            guard let c else { return defaultColors ? -1 : fallback }
            return Int16(c.approximated(toCount: colorCount).index)
        }
        let key = PairKey(fg: index(style.fg, fallback: 7), bg: index(style.bg, fallback: 0))
        if let n = pairs[key] { return n }
        let n = pairs.count + 1
        guard n < min(Int(clerk_COLOR_PAIRS()), Int(Int16.max)) else { return 0 }
        init_pair(Int16(n), key.fg, key.bg)
        pairs[key] = Int16(n)
        return Int16(n)
    }

    func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }

    /// Writes bytes straight to the terminal, past ncurses (only for mode switches
    /// ncurses does not know about).
    func writeRaw(_ s: String) {
        fflush(output)
        var bytes = Array(s.utf8)
        _ = Glibc.write(fileno(output), &bytes, bytes.count)
    }
}
