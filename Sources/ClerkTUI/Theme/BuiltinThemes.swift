// Generated from themes/*.theme by BuiltinThemesTests; do not edit.
// Re-record with: CLERK_RECORD=1 swift test --filter BuiltinThemes

/// The themes that ship inside clerk, by name: the text of themes/NAME.theme.
public enum BuiltinThemes {
    public static let texts: [String: String] = [
        "default": #"""
        # clerk theme: default (for dark terminals)
        #
        # Format: one slot per line, `slot = attributes`; `#` starts a comment.
        #   fg:COLOUR bg:COLOUR   text and background colour. COLOUR is a name (black, red,
        #                         green, yellow, blue, magenta, cyan, white, or bright-black …
        #                         bright-white), a 256-colour index (fg:208), or default (the
        #                         terminal's own colour)
        #   bold dim underline reverse
        #   plain                 no attributes
        # A slot's attributes are exactly those on its line; a colour it leaves out comes from
        # `base`; a slot left out looks like `base`. On a terminal without colour, or with
        # NO_COLOR set, colours are dropped and attributes kept. The slots are listed in
        # docs/themes.md. Copy this file to ~/.config/clerk/themes/NAME.theme to make your own.

        base = fg:default bg:default

        # Top and bottom lines
        header = fg:black bg:cyan
        header.title = fg:black bg:cyan bold
        status = fg:white bg:236
        status.key = fg:bright-yellow bg:236 bold
        status.saved = fg:green bg:236
        status.unsaved = fg:yellow bg:236 bold
        status.error = fg:bright-white bg:red bold
        tab.active = fg:black bg:cyan bold
        tab.inactive = fg:white bg:236

        # Panes
        pane.border = dim
        pane.border.focused = fg:cyan bold
        pane.title = fg:white
        pane.title.focused = fg:bright-cyan bold
        selection = fg:black bg:cyan
        selection.unfocused = bg:238 underline
        muted = dim
        heading = fg:bright-white bold

        # Agenda
        item.current = fg:bright-yellow bold
        item.overrun = fg:yellow bold
        item.confidential = fg:bright-magenta bold underline

        # Attendance
        attendance.present = fg:green
        attendance.apologies = fg:yellow
        attendance.absent = fg:red

        # Minutes
        minutes.decision = fg:bright-green bold
        minutes.noted = fg:default
        minutes.correction = fg:bright-yellow

        # Actions and quorum
        action.overdue = fg:bright-red bold underline
        action.done = fg:green dim
        quorum.ok = fg:green
        quorum.lost = fg:white bg:red bold
        readonly = fg:black bg:yellow bold

        # Overlays and the command line
        overlay = fg:white bg:blue
        overlay.border = fg:bright-cyan bg:blue bold
        command = fg:bright-white bg:default
        match = fg:black bg:yellow

        """#,
        "high-contrast": #"""
        # clerk theme: high-contrast (bright text on black, the 16 basic colours only)
        #
        # Format: one slot per line, `slot = attributes`; `#` starts a comment.
        #   fg:COLOUR bg:COLOUR   text and background colour. COLOUR is a name (black, red,
        #                         green, yellow, blue, magenta, cyan, white, or bright-black …
        #                         bright-white), a 256-colour index (fg:208), or default (the
        #                         terminal's own colour)
        #   bold dim underline reverse
        #   plain                 no attributes
        # A slot's attributes are exactly those on its line; a colour it leaves out comes from
        # `base`; a slot left out looks like `base`. On a terminal without colour, or with
        # NO_COLOR set, colours are dropped and attributes kept. The slots are listed in
        # docs/themes.md. Copy this file to ~/.config/clerk/themes/NAME.theme to make your own.

        base = fg:bright-white bg:black

        # Top and bottom lines
        header = fg:black bg:bright-white bold
        header.title = fg:black bg:bright-yellow bold
        status = fg:black bg:bright-white
        status.key = fg:black bg:bright-yellow bold
        status.saved = fg:black bg:bright-green bold
        status.unsaved = fg:black bg:bright-yellow bold
        status.error = fg:bright-white bg:red bold
        tab.active = fg:black bg:bright-yellow bold
        tab.inactive = fg:bright-white bg:black underline

        # Panes
        pane.border = fg:white
        pane.border.focused = fg:bright-yellow bold
        pane.title = fg:bright-white
        pane.title.focused = fg:black bg:bright-yellow bold
        selection = fg:black bg:bright-yellow bold
        selection.unfocused = fg:black bg:white
        muted = fg:white
        heading = fg:bright-white bold underline

        # Agenda
        item.current = fg:bright-cyan bold
        item.overrun = fg:bright-yellow bold underline
        item.confidential = fg:black bg:bright-magenta bold

        # Attendance
        attendance.present = fg:bright-green bold
        attendance.apologies = fg:bright-yellow
        attendance.absent = fg:bright-red bold

        # Minutes
        minutes.decision = fg:bright-green bold
        minutes.noted = fg:bright-white
        minutes.correction = fg:bright-cyan underline

        # Actions and quorum
        action.overdue = fg:bright-white bg:red bold underline
        action.done = fg:white
        quorum.ok = fg:bright-green bold
        quorum.lost = fg:bright-white bg:red bold underline
        readonly = fg:black bg:bright-yellow bold

        # Overlays and the command line
        overlay = fg:bright-white bg:black
        overlay.border = fg:bright-yellow bold
        command = fg:bright-white bg:black bold
        match = fg:black bg:bright-cyan bold

        """#,
        "light": #"""
        # clerk theme: light (for light terminals)
        #
        # Format: one slot per line, `slot = attributes`; `#` starts a comment.
        #   fg:COLOUR bg:COLOUR   text and background colour. COLOUR is a name (black, red,
        #                         green, yellow, blue, magenta, cyan, white, or bright-black …
        #                         bright-white), a 256-colour index (fg:208), or default (the
        #                         terminal's own colour)
        #   bold dim underline reverse
        #   plain                 no attributes
        # A slot's attributes are exactly those on its line; a colour it leaves out comes from
        # `base`; a slot left out looks like `base`. On a terminal without colour, or with
        # NO_COLOR set, colours are dropped and attributes kept. The slots are listed in
        # docs/themes.md. Copy this file to ~/.config/clerk/themes/NAME.theme to make your own.

        base = fg:default bg:default

        # Top and bottom lines
        header = fg:white bg:blue
        header.title = fg:white bg:blue bold
        status = fg:black bg:252
        status.key = fg:blue bg:252 bold
        status.saved = fg:28 bg:252
        status.unsaved = fg:magenta bg:252 bold
        status.error = fg:white bg:red bold
        tab.active = fg:white bg:blue bold
        tab.inactive = fg:black bg:252

        # Panes
        pane.border = fg:244
        pane.border.focused = fg:blue bold
        pane.title = fg:black
        pane.title.focused = fg:blue bold
        selection = fg:white bg:blue
        selection.unfocused = bg:252 underline
        muted = fg:244
        heading = fg:black bold

        # Agenda
        item.current = fg:blue bold
        item.overrun = fg:166 bold
        item.confidential = fg:magenta bold underline

        # Attendance
        attendance.present = fg:28
        attendance.apologies = fg:130
        attendance.absent = fg:red

        # Minutes
        minutes.decision = fg:28 bold
        minutes.noted = fg:default
        minutes.correction = fg:magenta

        # Actions and quorum
        action.overdue = fg:red bold underline
        action.done = fg:244
        quorum.ok = fg:28
        quorum.lost = fg:white bg:red bold
        readonly = fg:black bg:yellow bold

        # Overlays and the command line
        overlay = fg:black bg:254
        overlay.border = fg:blue bg:254 bold
        command = fg:black bg:default
        match = fg:black bg:yellow

        """#,
        "monochrome": #"""
        # clerk theme: monochrome (attributes only, no colours)
        #
        # Format: one slot per line, `slot = attributes`; `#` starts a comment.
        #   fg:COLOUR bg:COLOUR   text and background colour. COLOUR is a name (black, red,
        #                         green, yellow, blue, magenta, cyan, white, or bright-black …
        #                         bright-white), a 256-colour index (fg:208), or default (the
        #                         terminal's own colour)
        #   bold dim underline reverse
        #   plain                 no attributes
        # A slot's attributes are exactly those on its line; a colour it leaves out comes from
        # `base`; a slot left out looks like `base`. On a terminal without colour, or with
        # NO_COLOR set, colours are dropped and attributes kept. The slots are listed in
        # docs/themes.md. Copy this file to ~/.config/clerk/themes/NAME.theme to make your own.

        base = plain

        # Top and bottom lines
        header = reverse
        header.title = reverse bold
        status = reverse
        status.key = reverse bold
        status.saved = reverse
        status.unsaved = reverse bold
        status.error = bold underline
        tab.active = reverse bold
        tab.inactive = plain

        # Panes
        pane.border = dim
        pane.border.focused = bold
        pane.title = plain
        pane.title.focused = bold underline
        selection = reverse
        selection.unfocused = underline
        muted = dim
        heading = bold

        # Agenda
        item.current = bold
        item.overrun = underline
        item.confidential = bold underline

        # Attendance
        attendance.present = plain
        attendance.apologies = dim
        attendance.absent = bold

        # Minutes
        minutes.decision = bold
        minutes.noted = plain
        minutes.correction = underline

        # Actions and quorum
        action.overdue = bold underline
        action.done = dim
        quorum.ok = plain
        quorum.lost = reverse bold
        readonly = reverse bold

        # Overlays and the command line
        overlay = plain
        overlay.border = bold
        command = bold
        match = underline

        """#,
    ]
}
