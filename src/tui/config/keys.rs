//! The `[keys]` of a configuration: per mode, a list of
//! `{ on = "ctrl-p", run = "palette", desc = "…" }`, merged over the
//! defaults. A key the user binds takes that key from the defaults of its
//! mode; a key bound twice in one mode of one file is a mistake.

use super::At;
use crate::assets::corpus_file::FileError as ConfigError;
use crate::tui::action::{self, Action};
use crate::tui::key::Key;
use crate::tui::keymap::{Binding, KeyMap, Scope};
use crate::tui::state::Pane;
use serde::Deserialize;
use toml::Spanned;

/// The modes' lists, as [`Scope::NAMED`] names them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFields {
    #[serde(default)]
    browse: Vec<Entry>,
    #[serde(default)]
    timeline: Vec<Entry>,
    #[serde(default)]
    entities: Vec<Entry>,
    #[serde(default)]
    source: Vec<Entry>,
    #[serde(default)]
    palette: Vec<Entry>,
    #[serde(default)]
    search: Vec<Entry>,
    #[serde(default)]
    help: Vec<Entry>,
    #[serde(default)]
    always: Vec<Entry>,
    #[serde(default)]
    note: Vec<Entry>,
    #[serde(default)]
    notes: Vec<Entry>,
    #[serde(default)]
    prompt: Vec<Entry>,
    #[serde(default)]
    passage: Vec<Entry>,
}

impl KeyFields {
    /// Each mode's list, in the order of [`Scope::NAMED`].
    fn lists(&self) -> impl Iterator<Item = (&'static str, Scope, &[Entry])> {
        Scope::NAMED.into_iter().map(move |(name, scope)| {
            let list = match scope {
                Scope::Browse => &self.browse,
                Scope::In(Pane::Timeline) => &self.timeline,
                Scope::In(Pane::Entities) => &self.entities,
                Scope::In(Pane::Source) => &self.source,
                Scope::Always => &self.always,
                Scope::Palette => &self.palette,
                Scope::Search => &self.search,
                Scope::Help => &self.help,
                Scope::Note => &self.note,
                Scope::Notes => &self.notes,
                Scope::Prompt => &self.prompt,
                Scope::Passage => &self.passage,
            };
            (name, scope, list.as_slice())
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    on: Spanned<On>,
    run: Spanned<String>,
    desc: Option<String>,
}

/// One key, or a chord: keys pressed one after another.
#[derive(Debug, Deserialize)]
#[serde(untagged, expecting = "a key such as \"ctrl-p\", or a chord of keys such as [\"g\", \"g\"]")]
enum On {
    Key(String),
    Chord(Vec<String>),
}

/// What `run` says to leave a default key unbound.
const UNBIND: &str = "none";

/// `fields` over `defaults`: the user's bindings first in their modes, the
/// defaults' keys they take gone.
pub fn read(fields: &KeyFields, defaults: &KeyMap, at: &At) -> Result<KeyMap, ConfigError> {
    let mut own: Vec<Binding> = Vec::new();
    for (mode, scope, entries) in fields.lists() {
        let first = own.len();
        for entry in entries {
            let binding = binding(entry, scope, defaults, at)?;
            if let Some(earlier) = own[first..].iter().find(|b| b.overlaps(&binding)) {
                let what = if earlier.on == binding.on {
                    format!("`{}` is bound twice in `{mode}`: expected each key once in a mode", binding.label())
                } else {
                    let (a, b) = (earlier.label(), binding.label());
                    format!(
                        "`{a}` and `{b}` overlap in `{mode}`: expected no chord to start with another key of its mode"
                    )
                };
                return Err(at.error(entry.on.span(), what));
            }
            own.push(binding);
        }
    }
    let mut bindings: Vec<Binding> =
        defaults.bindings().iter().filter(|d| !own.iter().any(|b| b.overlaps(d))).cloned().collect();
    bindings.extend(own);
    Ok(KeyMap::new(bindings))
}

fn binding(entry: &Entry, scope: Scope, defaults: &KeyMap, at: &At) -> Result<Binding, ConfigError> {
    let names = match entry.on.get_ref() {
        On::Key(name) => std::slice::from_ref(name),
        On::Chord(names) => names.as_slice(),
    };
    if names.is_empty() {
        return Err(at.error(entry.on.span(), "an empty chord: expected at least one key".into()));
    }
    let on = names
        .iter()
        .map(|n| n.parse::<Key>())
        .collect::<Result<Vec<Key>, _>>()
        .map_err(|e| at.error(entry.on.span(), e.to_string()))?;
    let name = entry.run.get_ref();
    let run = match Action::named(name) {
        Some(action) => Some(action),
        None if name == UNBIND => None,
        None => {
            let known: Vec<&str> = action::NAMED.iter().map(|(n, _)| *n).chain([UNBIND]).collect();
            let expected = known.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
            return Err(at.error(entry.run.span(), format!("no action `{name}`: expected one of {expected}")));
        }
    };
    // Without a description a key joins the row of the default it runs like.
    let desc = entry.desc.clone().unwrap_or_else(|| {
        let same = defaults.bindings().iter().find(|d| d.scope == scope && d.run == run && run.is_some());
        same.map_or_else(|| name.replace('-', " "), |d| d.desc.clone())
    });
    Ok(Binding { scope, on, run, desc })
}
