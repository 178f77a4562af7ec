//! The one key map: every key of every mode, the action it sends, and its
//! help line. Keys are resolved from it per mode; the help screen and the
//! status bar are generated from it.

use super::action::Action;
use super::state::Pane;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies: a mode (see [`super::state::Mode`]), a pane
/// while browsing, or always.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Browsing, whatever the pane.
    Browse,
    /// Browsing, in one pane.
    In(Pane),
    Palette,
    Search,
    Help,
    /// In every mode.
    Always,
}

impl Scope {
    /// Whether a binding of this scope applies in `mode` (a mode's own scope).
    fn applies_in(self, mode: Scope) -> bool {
        self == mode || self == Always || (mode == Browse && matches!(self, In(_)))
    }

    /// Whether text is typed in this mode: keys no binding takes are text.
    pub fn types(self) -> bool {
        matches!(self, Palette | Search)
    }
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

/// One row of the help: where the keys apply, what each sends, and what
/// the row does. Its keys are written as [`Key`] displays them.
pub struct Binding {
    pub scope: Scope,
    pub sends: &'static [(Key, Action)],
    pub help: &'static str,
}

const fn bind(scope: Scope, sends: &'static [(Key, Action)], help: &'static str) -> Binding {
    Binding { scope, sends, help }
}

impl Binding {
    /// Its keys as the help writes them: `j ↓`, `PgDn Ctrl-d`.
    pub fn keys(&self) -> String {
        let mut labels: Vec<String> = Vec::new();
        for (key, _) in self.sends {
            let label = key.to_string();
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        labels.join(" ")
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::Backspace => f.write_str("Backspace"),
            code => write!(f, "{code:?}"),
        }
    }
}

use Scope::*;

/// Bindings in help order; the first binding of a key wins.
pub const BINDINGS: &[Binding] = &[
    bind(Browse, &[(special(KeyCode::Tab), Action::FocusNext)], "focus the next pane"),
    bind(Browse, &[(special(KeyCode::BackTab), Action::FocusPrev)], "focus the previous pane"),
    bind(Browse, &[(key('j'), Action::Down(1)), (special(KeyCode::Down), Action::Down(1))], "move down"),
    bind(Browse, &[(key('k'), Action::Up(1)), (special(KeyCode::Up), Action::Up(1))], "move up"),
    bind(Browse, &[(key('g'), Action::Top), (special(KeyCode::Home), Action::Top)], "first"),
    bind(Browse, &[(key('G'), Action::Bottom), (special(KeyCode::End), Action::Bottom)], "last"),
    bind(Browse, &[(special(KeyCode::PageDown), Action::PageDown), (ctrl('d'), Action::PageDown)], "page down"),
    bind(Browse, &[(special(KeyCode::PageUp), Action::PageUp), (ctrl('u'), Action::PageUp)], "page up"),
    bind(In(Pane::Entities), &[(special(KeyCode::Enter), Action::Enter)], "filter the timeline to this entity"),
    bind(In(Pane::Timeline), &[(special(KeyCode::Enter), Action::Enter)], "show the claim in its source"),
    bind(In(Pane::Source), &[(special(KeyCode::Enter), Action::Enter)], "select the event of the highlighted claim"),
    bind(Browse, &[(special(KeyCode::Esc), Action::Back)], "close the search or the side pane, or clear the filter"),
    bind(Browse, &[(ctrl('p'), Action::OpenPalette)], "jump to an actor (# events, @ sources)"),
    bind(Browse, &[(key('['), Action::PrevClaim), (key(']'), Action::NextClaim)], "previous / next claim of the event"),
    bind(
        Browse,
        &[(key('n'), Action::NextInSource), (key('N'), Action::PrevInSource)],
        "next / previous claim in the source (search hit after /)",
    ),
    bind(Browse, &[(key('s'), Action::SideBySide)], "two sources side by side"),
    bind(In(Pane::Entities), &[(key('o'), Action::CycleSort)], "sort entities by count, name or kind"),
    bind(Browse, &[(key('/'), Action::OpenSearch)], "search the focused pane"),
    // Ctrl-i arrives as Tab unless the terminal speaks the kitty keyboard protocol.
    bind(
        Browse,
        &[(ctrl('o'), Action::HistoryBack), (ctrl('i'), Action::HistoryForward)],
        "back / forward through jumps",
    ),
    bind(Browse, &[(key('?'), Action::ToggleHelp)], "this help"),
    bind(Browse, &[(key('q'), Action::Quit)], "quit"),
    bind(Always, &[(ctrl('c'), Action::Quit)], "quit, whatever is open"),
    // The palette: what is typed is the query.
    bind(Palette, &[(special(KeyCode::Down), Action::Down(1)), (special(KeyCode::Tab), Action::Down(1))], "next match"),
    bind(
        Palette,
        &[(special(KeyCode::Up), Action::Up(1)), (special(KeyCode::BackTab), Action::Up(1))],
        "previous match",
    ),
    bind(Palette, &[(special(KeyCode::Enter), Action::Enter)], "jump to the match"),
    bind(Palette, &[(special(KeyCode::Backspace), Action::Backspace)], "delete the last character"),
    bind(Palette, &[(special(KeyCode::Esc), Action::Back), (ctrl('p'), Action::Back)], "close"),
    // A search being typed: what is typed is the query.
    bind(Search, &[(special(KeyCode::Enter), Action::Enter)], "keep the search"),
    bind(Search, &[(special(KeyCode::Backspace), Action::Backspace)], "delete the last character"),
    bind(Search, &[(special(KeyCode::Esc), Action::Back)], "cancel it"),
    // The help.
    bind(
        Help,
        &[
            (key('j'), Action::Down(1)),
            (special(KeyCode::Down), Action::Down(1)),
            (key('k'), Action::Up(1)),
            (special(KeyCode::Up), Action::Up(1)),
        ],
        "scroll a line",
    ),
    bind(
        Help,
        &[
            (special(KeyCode::PageDown), Action::PageDown),
            (special(KeyCode::PageUp), Action::PageUp),
            (key('g'), Action::Top),
            (key('G'), Action::Bottom),
        ],
        "scroll a page, to the top, to the end",
    ),
    bind(
        Help,
        &[
            (special(KeyCode::Esc), Action::Back),
            (key('?'), Action::Back),
            (key('q'), Action::Back),
            (special(KeyCode::Enter), Action::Back),
        ],
        "close",
    ),
];

/// The action a key sends in `mode` (a mode's own scope): the first
/// binding of the key there; in a mode where text is typed, a character no
/// binding takes is text.
pub fn action_for(event: KeyEvent, mode: Scope) -> Option<Action> {
    let pressed = Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) };
    let mut bound = BINDINGS.iter().filter(|b| b.scope.applies_in(mode)).flat_map(|b| b.sends);
    match bound.find(|(k, _)| *k == pressed) {
        Some((_, action)) => Some(*action),
        None => match pressed {
            Key { code: KeyCode::Char(c), ctrl: false } if mode.types() => Some(Action::Type(c)),
            _ => None,
        },
    }
}

/// What the status bar's hints depend on besides the mode and the focused pane.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
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
pub fn hints(mode: Scope, pane: Pane, context: Context) -> Vec<String> {
    let label = |b: &Binding| {
        let short = b.help.split([',', '(']).next().unwrap_or(b.help).trim();
        format!("{} {short}", b.sends[0].0)
    };
    if mode != Browse {
        // An overlay's or a search's own keys, and the way out.
        let own = BINDINGS.iter().filter(|b| b.scope == mode && b.sends[0].1 != Action::Backspace);
        let mut out: Vec<String> = own.map(label).collect();
        out.push("Ctrl-c quit".into());
        return out;
    }
    let mut out = Vec::new();
    for b in BINDINGS {
        let applies = b.scope == Browse || b.scope == In(pane);
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
            out.push(label(b));
        }
    }
    if context.closable {
        // What Esc undoes is what the user just did: first.
        out.insert(0, format!("Esc {}", context.closes));
    }
    out.extend(["? help".to_string(), "q quit".to_string()]);
    out
}
