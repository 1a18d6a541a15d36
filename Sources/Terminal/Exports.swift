// Display width and sanitising are the terminal's rules for text, kept in a module of
// their own (no ncurses) so that exports measure and clean text exactly as the screen does.
@_exported import TextCells
