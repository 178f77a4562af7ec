//! The one key map: every key, the action it sends, and its help line. The
//! help screen and the status bar are generated from it.

use super::action::Action;
use super::state::Pane;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    In(Pane),
}

/// A key as the map names it: a code, with or without Ctrl.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}

const fn special(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// One row of the help: how the keys are written, where they apply, what
/// each sends, and what the row does.
pub struct Binding {
    pub keys: &'static str,
    pub scope: Scope,
    pub sends: &'static [(Key, Action)],
    pub help: &'static str,
}

const fn bind(keys: &'static str, scope: Scope, sends: &'static [(Key, Action)], help: &'static str) -> Binding {
    Binding { keys, scope, sends, help }
}

use Scope::*;

/// Bindings in help order; the first binding of a key wins.
pub const BINDINGS: &[Binding] = &[
    bind("Tab", Everywhere, &[(special(KeyCode::Tab), Action::FocusNext)], "focus the next pane"),
    bind("Shift-Tab", Everywhere, &[(special(KeyCode::BackTab), Action::FocusPrev)], "focus the previous pane"),
    bind("j ↓", Everywhere, &[(key('j'), Action::Down(1)), (special(KeyCode::Down), Action::Down(1))], "move down"),
    bind("k ↑", Everywhere, &[(key('k'), Action::Up(1)), (special(KeyCode::Up), Action::Up(1))], "move up"),
    bind("g Home", Everywhere, &[(key('g'), Action::Top), (special(KeyCode::Home), Action::Top)], "first"),
    bind("G End", Everywhere, &[(key('G'), Action::Bottom), (special(KeyCode::End), Action::Bottom)], "last"),
    bind(
        "PgDn Ctrl-d",
        Everywhere,
        &[(special(KeyCode::PageDown), Action::PageDown), (ctrl('d'), Action::PageDown)],
        "page down",
    ),
    bind(
        "PgUp Ctrl-u",
        Everywhere,
        &[(special(KeyCode::PageUp), Action::PageUp), (ctrl('u'), Action::PageUp)],
        "page up",
    ),
    bind(
        "Enter",
        In(Pane::Entities),
        &[(special(KeyCode::Enter), Action::Enter)],
        "filter the timeline to this entity",
    ),
    bind("Enter", In(Pane::Timeline), &[(special(KeyCode::Enter), Action::Enter)], "show the claim in its source"),
    bind(
        "Enter",
        In(Pane::Source),
        &[(special(KeyCode::Enter), Action::Enter)],
        "select the event of the highlighted claim",
    ),
    bind("Esc", Everywhere, &[(special(KeyCode::Esc), Action::Back)], "close the overlay, or clear the filter"),
    bind("Ctrl-p", Everywhere, &[(ctrl('p'), Action::OpenPalette)], "jump to an actor (# events, @ sources)"),
    bind(
        "[ ]",
        Everywhere,
        &[(key('['), Action::PrevClaim), (key(']'), Action::NextClaim)],
        "previous / next claim of the event",
    ),
    bind(
        "n N",
        Everywhere,
        &[(key('n'), Action::NextInSource), (key('N'), Action::PrevInSource)],
        "next / previous claim in the source (search hit after /)",
    ),
    bind("s", Everywhere, &[(key('s'), Action::SideBySide)], "two sources side by side"),
    bind("o", In(Pane::Entities), &[(key('o'), Action::CycleSort)], "sort entities by count, name or kind"),
    bind("/", Everywhere, &[(key('/'), Action::OpenSearch)], "search the focused pane"),
    // Ctrl-i arrives as Tab unless the terminal speaks the kitty keyboard protocol.
    bind(
        "Ctrl-o Ctrl-i",
        Everywhere,
        &[(ctrl('o'), Action::HistoryBack), (ctrl('i'), Action::HistoryForward)],
        "back / forward through jumps",
    ),
    bind("?", Everywhere, &[(key('?'), Action::ToggleHelp)], "this help"),
    bind("q Ctrl-c", Everywhere, &[(key('q'), Action::Quit), (ctrl('c'), Action::Quit)], "quit"),
];

/// The action a key sends in the browsing mode (no overlay open).
pub fn action_for(event: KeyEvent) -> Option<Action> {
    let pressed = Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) };
    BINDINGS.iter().flat_map(|b| b.sends).find(|(k, _)| *k == pressed).map(|(_, a)| *a)
}

/// What the status bar's hints depend on besides the focused pane.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// A search is being typed: only its own keys apply.
    pub typing: bool,
    /// Esc has something to close or clear (a search, a side pane, a filter).
    pub closable: bool,
    /// What Esc closes or clears, for its hint.
    pub closes: &'static str,
    /// The selected event has more than one claim (`[` `]` move between them).
    pub several_claims: bool,
    /// It is told by more than one source (`s` sets two beside each other).
    pub several_sources: bool,
}

/// The hints that apply now, most useful first: each `keys what`, whole.
/// The status bar shows as many as fit and always keeps the last two
/// (help and quit), which [`hints`] puts at the end.
pub fn hints(pane: Pane, context: Context) -> Vec<String> {
    if context.typing {
        return vec!["Enter keep the search".into(), "Esc cancel it".into(), "Ctrl-c quit".into()];
    }
    let mut out = Vec::new();
    for b in BINDINGS {
        let applies = b.scope == Everywhere || b.scope == In(pane);
        let shown = matches!(
            b.sends[0].1,
            Action::Enter
                | Action::OpenPalette
                | Action::SideBySide
                | Action::PrevClaim
                | Action::OpenSearch
                | Action::CycleSort
        );
        let useful = match b.sends[0].1 {
            Action::PrevClaim => context.several_claims,
            Action::SideBySide => context.several_sources,
            _ => true,
        };
        if applies && shown && useful {
            let short = b.help.split([',', '(']).next().unwrap_or(b.help).trim();
            out.push(format!("{} {short}", b.keys.split(' ').next().unwrap_or(b.keys)));
        }
    }
    if context.closable {
        // What Esc undoes is what the user just did: first.
        out.insert(0, format!("Esc {}", context.closes));
    }
    out.extend(["? help".to_string(), "q quit".to_string()]);
    out
}
