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
    /// Mark the selected event, or take its mark away.
    Mark,
    /// Write a note on the selected event (its shown claim), or edit the one written.
    Annotate,
    /// Show only the marked events, or all again.
    MarkedOnly,
    /// Keep the note being written.
    Save,
    /// List the marks and notes (those that moved or lost their passage first).
    ListNotes,
    /// Take a moved note's new place as its own.
    Confirm,
    /// Undo the last mark, note, confirmation or correction made in this session.
    Undo,
    /// The shown claim is not a claim.
    Reject,
    /// Give the shown claim another date.
    Redate,
    /// Give the selected entity another name, or merge it into another.
    Rename,
    /// One of the selected entity's names is someone else.
    Split,
    /// The selected entity is none.
    Hide,
    /// Start choosing a passage of the source for a note.
    Select,
    /// Move the chosen passage's end to the next word's end, or back a word.
    EndNextWord,
    EndPrevWord,
    /// Move the chosen passage's start to the next word, or back a word.
    StartNextWord,
    StartPrevWord,
    /// A key given to the note being written (moving, deleting, undoing, a new line).
    Edit(super::key::Key),
    Quit,
    /// A character typed into the palette or the search line.
    Type(char),
    Backspace,
    /// A mouse click at a cell, or the wheel.
    Click(u16, u16),
    Scroll(i32, u16, u16),
    /// The mouse moved to a cell with its button held.
    Drag(u16, u16),
    Resize(u16, u16),
}

/// The actions a key can run, by the names the configuration gives them
/// (`run = "palette"`). What they do depends on the mode and the pane.
pub const NAMED: &[(&str, Action)] = &[
    ("focus-next", Action::FocusNext),
    ("focus-prev", Action::FocusPrev),
    ("down", Action::Down(1)),
    ("up", Action::Up(1)),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("page-down", Action::PageDown),
    ("page-up", Action::PageUp),
    ("enter", Action::Enter),
    ("back", Action::Back),
    ("palette", Action::OpenPalette),
    ("prev-claim", Action::PrevClaim),
    ("next-claim", Action::NextClaim),
    ("next-in-source", Action::NextInSource),
    ("prev-in-source", Action::PrevInSource),
    ("side-by-side", Action::SideBySide),
    ("sort", Action::CycleSort),
    ("search", Action::OpenSearch),
    ("history-back", Action::HistoryBack),
    ("history-forward", Action::HistoryForward),
    ("help", Action::ToggleHelp),
    ("mark", Action::Mark),
    ("note", Action::Annotate),
    ("marked-only", Action::MarkedOnly),
    ("save", Action::Save),
    ("notes", Action::ListNotes),
    ("confirm", Action::Confirm),
    ("undo", Action::Undo),
    ("reject", Action::Reject),
    ("redate", Action::Redate),
    ("rename", Action::Rename),
    ("split", Action::Split),
    ("hide", Action::Hide),
    ("select", Action::Select),
    ("end-next-word", Action::EndNextWord),
    ("end-prev-word", Action::EndPrevWord),
    ("start-next-word", Action::StartNextWord),
    ("start-prev-word", Action::StartPrevWord),
    ("quit", Action::Quit),
    ("backspace", Action::Backspace),
];

impl Action {
    /// The action the configuration calls `name`.
    pub fn named(name: &str) -> Option<Action> {
        NAMED.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
    }
}
