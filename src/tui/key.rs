//! A key as the key map names it: read from the configuration (`ctrl-p`,
//! `shift-tab`, `G`), matched against what the terminal sends, and written
//! back for the help and the hints (`Ctrl-p`, `Shift-Tab`, `G`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;
use std::str::FromStr;

/// A key code with Ctrl or Alt held. Shift is in the character itself
/// (`G`), or in the code (`Shift-Tab` is [`KeyCode::BackTab`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

/// The names of keys that are not characters, as the configuration writes
/// them (lower case) and as the help shows them.
const NAMED: &[(&str, KeyCode, &str)] = &[
    ("tab", KeyCode::Tab, "Tab"),
    ("shift-tab", KeyCode::BackTab, "Shift-Tab"),
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("backspace", KeyCode::Backspace, "Backspace"),
    ("delete", KeyCode::Delete, "Delete"),
    ("insert", KeyCode::Insert, "Insert"),
    ("space", KeyCode::Char(' '), "Space"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("pgup", KeyCode::PageUp, "PgUp"),
    ("pgdn", KeyCode::PageDown, "PgDn"),
];

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Key { code, ctrl: false, alt: false }
    }

    /// The key of a terminal event.
    pub fn of(event: KeyEvent) -> Self {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// A character typed as text (no Ctrl, no Alt).
    pub fn typed(self) -> Option<char> {
        match self {
            Key { code: KeyCode::Char(c), ctrl: false, alt: false } => Some(c),
            _ => None,
        }
    }
}

/// Why a key name was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAKey(pub String);

impl fmt::Display for NotAKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a key: expected a character (`j`, `G`, `?`), f1-f12, one of {}, \
             each with ctrl- or alt- in front if held",
            self.0,
            NAMED.iter().map(|(name, ..)| format!("`{name}`")).collect::<Vec<_>>().join(", ")
        )
    }
}

impl FromStr for Key {
    type Err = NotAKey;

    fn from_str(name: &str) -> Result<Self, NotAKey> {
        let not_a_key = || NotAKey(name.to_string());
        let mut key = Key::plain(KeyCode::Null);
        let mut rest = name;
        // `-` alone, or last after a modifier (`ctrl--`), is the minus key.
        while rest.chars().count() > 1 {
            if let Some(after) = strip_prefix_ignoring_case(rest, "ctrl-") {
                key.ctrl = true;
                rest = after;
            } else if let Some(after) = strip_prefix_ignoring_case(rest, "alt-") {
                key.alt = true;
                rest = after;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                let named = NAMED.iter().find(|(n, ..)| *n == lower).map(|(_, code, _)| *code);
                named.or_else(|| function_key(&lower)).ok_or_else(not_a_key)?
            }
        };
        Ok(key)
    }
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

fn function_key(name: &str) -> Option<KeyCode> {
    let n: u8 = name.strip_prefix('f')?.parse().ok()?;
    (1..=12).contains(&n).then_some(KeyCode::F(n))
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match NAMED.iter().find(|(_, code, _)| *code == self.code) {
            Some((.., label)) => f.write_str(label),
            None => match self.code {
                KeyCode::Char(c) => write!(f, "{c}"),
                KeyCode::F(n) => write!(f, "F{n}"),
                code => write!(f, "{code:?}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Key {
        name.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn names_read_as_keys() {
        assert_eq!(key("j"), Key::plain(KeyCode::Char('j')));
        assert_eq!(key("G"), Key::plain(KeyCode::Char('G')));
        assert_eq!(key("ctrl-p"), Key { code: KeyCode::Char('p'), ctrl: true, alt: false });
        assert_eq!(key("Ctrl-Alt-x"), Key { code: KeyCode::Char('x'), ctrl: true, alt: true });
        assert_eq!(key("shift-tab"), Key::plain(KeyCode::BackTab));
        assert_eq!(key("PgDn"), Key::plain(KeyCode::PageDown));
        assert_eq!(key("-"), Key::plain(KeyCode::Char('-')));
        assert_eq!(key("ctrl--"), Key { code: KeyCode::Char('-'), ctrl: true, alt: false });
        assert_eq!(key("f5"), Key::plain(KeyCode::F(5)));
        assert_eq!(key("space"), Key::plain(KeyCode::Char(' ')));
    }

    #[test]
    fn wrong_names_say_what_was_expected() {
        for wrong in ["", "ctrl-", "hyper-x", "f13", "pagedown2", "\u{1b}"] {
            let error = wrong.parse::<Key>().expect_err(wrong).to_string();
            assert!(error.contains("is not a key: expected a character"), "{error}");
        }
    }

    #[test]
    fn labels_read_back_as_the_same_key() {
        for name in ["j", "G", "?", "ctrl-p", "alt-x", "shift-tab", "down", "pgup", "space", "enter", "f1"] {
            let label = key(name).to_string();
            let lowered = label.replace('↓', "down").replace("PgUp", "pgup");
            assert_eq!(key(&lowered), key(name), "{name} → {label}");
        }
        assert_eq!(key("ctrl-d").to_string(), "Ctrl-d");
        assert_eq!(key("down").to_string(), "↓");
    }
}
