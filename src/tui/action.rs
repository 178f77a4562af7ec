//! What the user asked for, independent of the key that asked.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    FocusNext,
    FocusPrev,
    Down(usize),
    Up(usize),
    Top,
    Bottom,
    PageDown,
    PageUp,
    Enter,
    Back,
    OpenPalette,
    PrevClaim,
    NextClaim,
    NextInSource,
    PrevInSource,
    SideBySide,
    CycleSort,
    OpenSearch,
    HistoryBack,
    HistoryForward,
    ToggleHelp,
    Quit,
    /// A character typed into the palette or the search line.
    Type(char),
    Backspace,
    /// A mouse click at a cell, or the wheel.
    Click(u16, u16),
    Scroll(i32, u16, u16),
    Resize(u16, u16),
}
