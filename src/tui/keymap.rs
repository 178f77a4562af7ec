//! The one key map: every key of every mode, the action it runs, and its
//! help line. It is read from the configuration (the defaults embedded from
//! `assets/config.toml`, then the user's file: see [`super::config`]). Keys
//! are resolved from it per mode and pane; the help screen and the status
//! bar's hints are generated from it.

use super::action::Action;
use super::key::Key;
use super::state::Pane;

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
    /// A note being written: keys no binding takes go to the note.
    Note,
    /// The list of marks and notes.
    Notes,
    /// A claim's new date or an entity's new name being typed.
    Prompt,
    /// A passage of the source being chosen for a note.
    Passage,
    /// In every mode.
    Always,
}

use Scope::*;

impl Scope {
    /// The scopes by the names the configuration gives them, in help order.
    pub const NAMED: [(&'static str, Scope); 12] = [
        ("browse", Browse),
        ("timeline", In(Pane::Timeline)),
        ("entities", In(Pane::Entities)),
        ("source", In(Pane::Source)),
        ("always", Always),
        ("palette", Palette),
        ("search", Search),
        ("help", Help),
        ("note", Note),
        ("notes", Notes),
        ("prompt", Prompt),
        ("passage", Passage),
    ];

    /// Whether text is typed in this mode: keys no binding takes are text.
    pub fn types(self) -> bool {
        matches!(self, Palette | Search | Note | Prompt)
    }

    /// The scopes whose keys work in `mode` with `pane` focused, the one
    /// that decides first: a pane's own keys, then its mode's, then those
    /// of every mode.
    fn in_force(mode: Scope, pane: Pane) -> impl Iterator<Item = Scope> {
        let own = (mode == Browse).then_some(In(pane));
        own.into_iter().chain([mode, Always])
    }
}

/// One key (or a chord of keys pressed one after another) in one scope,
/// and the action it runs; `None` is a default key the user unbound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    pub on: Vec<Key>,
    pub run: Option<Action>,
    pub desc: String,
}

impl Binding {
    /// The keys as the help writes them: `Ctrl-p`, `g g`.
    pub fn label(&self) -> String {
        self.on.iter().map(Key::to_string).collect::<Vec<_>>().join(" ")
    }

    /// Whether pressing one of the two would always reach the other first:
    /// the same keys, or one chord the start of the other.
    pub fn overlaps(&self, other: &Binding) -> bool {
        let shorter = self.on.len().min(other.on.len());
        self.scope == other.scope && self.on[..shorter] == other.on[..shorter]
    }
}

/// What keys pressed so far do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pressed {
    Run(Action),
    /// The start of a chord: wait for its next key.
    Wait,
    Nothing,
}

/// One row of the help: the bindings of one scope that share a description.
pub struct Row<'a> {
    pub scope: Scope,
    /// Their keys as the help writes them: `j`, `↓`.
    pub keys: Vec<String>,
    pub desc: &'a str,
    /// The action of the row's first key.
    pub run: Action,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl KeyMap {
    /// A map of `bindings`, the first of a key in a scope winning.
    pub fn new(bindings: Vec<Binding>) -> Self {
        KeyMap { bindings }
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// What the keys `typed` (a chord so far, the last key just pressed) do
    /// in `mode` with `pane` focused. In a mode where text is typed, a
    /// character no binding takes is text.
    pub fn press(&self, typed: &[Key], mode: Scope, pane: Pane) -> Pressed {
        for scope in Scope::in_force(mode, pane) {
            let mut bound = self.bindings.iter().filter(|b| b.scope == scope);
            if let Some(b) = bound.clone().find(|b| b.on == typed) {
                return b.run.map_or(Pressed::Nothing, Pressed::Run);
            }
            if bound.any(|b| b.on.len() > typed.len() && b.on.starts_with(typed)) {
                return Pressed::Wait;
            }
        }
        match typed {
            [key] if mode == Note => Pressed::Run(Action::Edit(*key)),
            [key] if mode.types() => key.typed().map_or(Pressed::Nothing, |c| Pressed::Run(Action::Type(c))),
            _ => Pressed::Nothing,
        }
    }

    /// The action of one key pressed alone, if it runs one.
    pub fn action_for(&self, key: Key, mode: Scope, pane: Pane) -> Option<Action> {
        match self.press(&[key], mode, pane) {
            Pressed::Run(action) => Some(action),
            Pressed::Wait | Pressed::Nothing => None,
        }
    }

    /// The help's rows, in the order of their first binding.
    pub fn rows(&self) -> Vec<Row<'_>> {
        let mut rows: Vec<Row> = Vec::new();
        for b in &self.bindings {
            let Some(run) = b.run else { continue };
            match rows.iter_mut().find(|r| r.scope == b.scope && r.desc == b.desc) {
                Some(row) => {
                    let label = b.label();
                    if !row.keys.contains(&label) {
                        row.keys.push(label);
                    }
                }
                None => rows.push(Row { scope: b.scope, keys: vec![b.label()], desc: &b.desc, run }),
            }
        }
        rows
    }

    /// The label of the first key that runs `action` in `scope`.
    pub fn key_of(&self, action: Action, scope: Scope) -> Option<String> {
        let b = self.bindings.iter().find(|b| b.scope == scope && b.run == Some(action))?;
        Some(b.label())
    }

    /// The hints that apply now, most useful first: each `keys what`, whole.
    /// The status bar shows as many as fit and always keeps the last two
    /// (help and quit), which this puts at the end.
    pub fn hints(&self, mode: Scope, pane: Pane, context: Context) -> Vec<String> {
        let label = |r: &Row| {
            let short = r.desc.split([',', '(']).next().unwrap_or(r.desc).trim();
            format!("{} {short}", r.keys[0])
        };
        let rows = self.rows();
        let quit = |scope| self.key_of(Action::Quit, scope).map(|k| format!("{k} quit"));
        if mode != Browse {
            // An overlay's or a search's own keys, and the way out.
            let own = rows.iter().filter(|r| r.scope == mode && r.run != Action::Backspace);
            let mut out: Vec<String> = own.map(label).collect();
            out.extend(quit(Always));
            return out;
        }
        let mut hinted: Vec<(usize, &Row)> = rows
            .iter()
            .filter(|r| r.scope == Browse || r.scope == In(pane))
            .filter_map(|r| Some((context.rank(r.run)?, r)))
            .collect();
        hinted.sort_by_key(|(rank, _)| *rank);
        let mut out: Vec<String> = hinted.into_iter().map(|(_, r)| label(r)).collect();
        if context.closable {
            if let Some(esc) = self.key_of(Action::Back, Browse) {
                // What Esc undoes is what the user just did: first.
                out.insert(0, format!("{esc} {}", context.closes));
            }
        }
        out.extend(self.key_of(Action::ToggleHelp, Browse).map(|k| format!("{k} help")));
        out.extend(quit(Browse).or_else(|| quit(Always)));
        out
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

impl Context {
    /// Where browsing hints at `action`'s row now, if it does: the most
    /// useful first.
    fn rank(&self, action: Action) -> Option<usize> {
        let useful = match action {
            Action::PrevClaim => self.several_claims,
            Action::SideBySide => self.several_sources,
            _ => true,
        };
        const HINTED: [Action; 6] = [
            Action::Enter,
            Action::OpenPalette,
            Action::PrevClaim,
            Action::SideBySide,
            Action::CycleSort,
            Action::OpenSearch,
        ];
        HINTED.iter().position(|a| *a == action).filter(|_| useful)
    }
}
