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

pub struct Binding {
    pub keys: &'static str,
    pub scope: Scope,
    pub action: Action,
    pub help: &'static str,
}

const fn bind(keys: &'static str, scope: Scope, action: Action, help: &'static str) -> Binding {
    Binding { keys, scope, action, help }
}

use Scope::*;

/// Bindings in help order.
pub const BINDINGS: &[Binding] = &[
    bind("Tab", Everywhere, Action::FocusNext, "focus the next pane"),
    bind("Shift-Tab", Everywhere, Action::FocusPrev, "focus the previous pane"),
    bind("j ↓", Everywhere, Action::Down(1), "move down"),
    bind("k ↑", Everywhere, Action::Up(1), "move up"),
    bind("g Home", Everywhere, Action::Top, "first"),
    bind("G End", Everywhere, Action::Bottom, "last"),
    bind("PgDn Ctrl-d", Everywhere, Action::PageDown, "page down"),
    bind("PgUp Ctrl-u", Everywhere, Action::PageUp, "page up"),
    bind("Enter", In(Pane::Entities), Action::Enter, "filter the timeline to this entity"),
    bind("Enter", In(Pane::Timeline), Action::Enter, "show the claim in its source"),
    bind("Enter", In(Pane::Source), Action::Enter, "select the event of the highlighted claim"),
    bind("Esc", Everywhere, Action::Back, "close the overlay, or clear the filter"),
    bind("Ctrl-p", Everywhere, Action::OpenPalette, "jump to an actor (# events, @ sources)"),
    bind("[ ]", Everywhere, Action::NextClaim, "previous / next claim of the event"),
    bind("n N", Everywhere, Action::NextInSource, "next / previous claim in the source (search hit after /)"),
    bind("s", Everywhere, Action::SideBySide, "two sources side by side"),
    bind("o", In(Pane::Entities), Action::CycleSort, "sort entities by count, name or kind"),
    bind("/", Everywhere, Action::OpenSearch, "search the focused pane"),
    bind("Ctrl-o Ctrl-i", Everywhere, Action::HistoryBack, "back / forward through jumps"),
    bind("?", Everywhere, Action::ToggleHelp, "this help"),
    bind("q Ctrl-c", Everywhere, Action::Quit, "quit"),
];

/// The action a key sends in the browsing mode (no overlay open).
pub fn action_for(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Quit,
        KeyCode::Char('p') if ctrl => Action::OpenPalette,
        KeyCode::Char('d') if ctrl => Action::PageDown,
        KeyCode::Char('u') if ctrl => Action::PageUp,
        KeyCode::Char('o') if ctrl => Action::HistoryBack,
        KeyCode::Char('i') if ctrl => Action::HistoryForward,
        KeyCode::Tab => Action::FocusNext,
        KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Char('j') | KeyCode::Down => Action::Down(1),
        KeyCode::Char('k') | KeyCode::Up => Action::Up(1),
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Enter => Action::Enter,
        KeyCode::Esc => Action::Back,
        KeyCode::Char('[') => Action::PrevClaim,
        KeyCode::Char(']') => Action::NextClaim,
        KeyCode::Char('n') => Action::NextInSource,
        KeyCode::Char('N') => Action::PrevInSource,
        KeyCode::Char('s') => Action::SideBySide,
        KeyCode::Char('o') => Action::CycleSort,
        KeyCode::Char('/') => Action::OpenSearch,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('q') => Action::Quit,
        // Ctrl-i arrives as Tab unless the terminal speaks the kitty keyboard protocol.
        _ => return None,
    })
}

/// The keys that matter in a pane, for the status bar.
pub fn hints(pane: Pane) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for b in BINDINGS {
        let applies = b.scope == Everywhere || b.scope == In(pane);
        let shown = matches!(
            b.action,
            Action::Enter
                | Action::OpenPalette
                | Action::SideBySide
                | Action::NextClaim
                | Action::ToggleHelp
                | Action::OpenSearch
                | Action::Back
                | Action::Quit
                | Action::CycleSort
        );
        if applies && shown && !seen.contains(&b.keys) {
            seen.push(b.keys);
            let short = b.help.split([',', '(']).next().unwrap_or(b.help).trim();
            out.push(format!("{} {}", b.keys.split(' ').next().unwrap_or(b.keys), short));
        }
    }
    out.join(" · ")
}
