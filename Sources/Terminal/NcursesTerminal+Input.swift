import CNcursesw
import Glibc

extension NcursesTerminal {
    func readRaw(timeoutMs: Int) -> RawInput? {
        let win = clerk_stdscr()
        wtimeout(win, Int32(clamping: timeoutMs))
        var ch: wint_t = 0
        let result = wget_wch(win, &ch)
        if result == clerk_ERR() {
            checkHangUp()
            return nil
        }
        if result != clerk_KEY_CODE_YES() {
            return Unicode.Scalar(UInt32(ch)).map(RawInput.scalar) ?? .ignored
        }
        let code = Int32(ch)
        if code == clerk_KEY_RESIZE() {
            frame.resize(to: Size(cols: Int(clerk_getmaxx(win)), rows: Int(clerk_getmaxy(win))))
            return .event(.resize(frame.size))
        }
        if code == clerk_KEY_MOUSE() {
            var ev = MEVENT()
            guard getmouse(&ev) == clerk_OK(), let mouse = Self.mouseEvent(ev) else { return .ignored }
            return .event(.mouse(mouse))
        }
        return Self.key(forCode: code).map { .event(.key($0)) } ?? .ignored
    }

    private static func key(forCode code: Int32) -> Key? {
        switch code {
        case clerk_KEY_UP(): return .up
        case clerk_KEY_DOWN(): return .down
        case clerk_KEY_LEFT(): return .left
        case clerk_KEY_RIGHT(): return .right
        case clerk_KEY_HOME(): return .home
        case clerk_KEY_END(): return .end
        case clerk_KEY_PPAGE(): return .pageUp
        case clerk_KEY_NPAGE(): return .pageDown
        case clerk_KEY_IC(): return .insert
        case clerk_KEY_DC(): return .delete
        case clerk_KEY_BACKSPACE(): return .backspace
        case clerk_KEY_ENTER(): return .enter
        case clerk_KEY_BTAB(): return .backTab
        case clerk_KEY_F(1)...clerk_KEY_F(63): return .f(Int(code - clerk_KEY_F0()))
        default: return nil
        }
    }

    private static func mouseEvent(_ ev: MEVENT) -> MouseEvent? {
        let at = Point(x: Int(ev.x), y: Int(ev.y))
        let s = ev.bstate
        func has(_ m: mmask_t) -> Bool { s & m != 0 }
        if has(clerk_BUTTON4_PRESSED()) { return MouseEvent(.wheelUp, button: .none, at: at) }
        if has(clerk_BUTTON5_PRESSED()) { return MouseEvent(.wheelDown, button: .none, at: at) }
        let buttons: [(MouseEvent.Button, mmask_t, mmask_t, mmask_t)] = [
            (.left, clerk_BUTTON1_PRESSED(), clerk_BUTTON1_RELEASED(), clerk_BUTTON1_CLICKED()),
            (.middle, clerk_BUTTON2_PRESSED(), clerk_BUTTON2_RELEASED(), clerk_BUTTON2_CLICKED()),
            (.right, clerk_BUTTON3_PRESSED(), clerk_BUTTON3_RELEASED(), clerk_BUTTON3_CLICKED()),
        ]
        for (button, pressed, released, clicked) in buttons {
            if has(clicked) { return MouseEvent(.click, button: button, at: at) }
            if has(pressed) { return MouseEvent(.press, button: button, at: at) }
            if has(released) { return MouseEvent(.release, button: button, at: at) }
        }
        return nil
    }
}
