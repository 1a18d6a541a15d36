/// How one cell's grapheme cluster is handed to ncurses.
///
/// ncurses lays out characters by the C library's `wcwidth`, one scalar at a time, and a
/// `cchar_t` holds one spacing character plus a few combining ones. Our layout follows
/// `DisplayWidth` instead. Where the two would disagree, the cell is drawn with a
/// substitute of the same width so that columns never drift on the real screen:
/// - a ZWJ sequence is drawn as its first emoji (a family shows as its first person);
/// - a flag is drawn as its two regional indicators, one per cell;
/// - a character the C library thinks narrower than we do is drawn narrow plus a space;
/// - a character the C library cannot print (e.g. under the "C" locale) becomes "?".
enum CellEncoding {
    /// Scalars for each column the cell covers, starting at its own column: one entry
    /// for a cell ncurses will place as we do, two when a double-width cell is drawn as
    /// two narrow glyphs.
    static func glyphs(for text: String, width: Int, maxScalars: Int = 5, libcWidth: (UInt32) -> Int) -> [[UInt32]] {
        let scalars = Array(text.unicodeScalars)
        if width < 1 || scalars.isEmpty { return [] }
        let substitute: [[UInt32]] = width == 2 ? [[0x3F], [0x20]] : [[0x3F]]
        if width == 2, scalars.count == 2, scalars.allSatisfy(DisplayWidth.isRegionalIndicator) {
            let a = scalars[0].value, b = scalars[1].value
            return libcWidth(a) == 1 && libcWidth(b) == 1 ? [[a], [b]] : substitute
        }
        guard let baseIndex = scalars.firstIndex(where: { DisplayWidth.scalarWidth($0) > 0 }) else {
            return substitute
        }
        let base = scalars[baseIndex].value
        var tail: [UInt32] = []
        for s in scalars[(baseIndex + 1)...] {
            if s.value == 0x200D { break }  // ZWJ: the rest would be further spacing emoji
            guard tail.count < maxScalars - 1 else { break }
            if libcWidth(s.value) == 0 { tail.append(s.value) }
        }
        switch (libcWidth(base), width) {
        case (width, _):
            return [[base] + tail]
        case (1, 2):
            return [[base] + tail.filter { $0 != 0xFE0F }, [0x20]]
        default:
            return substitute
        }
    }
}
