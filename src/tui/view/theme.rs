//! Colours and glyphs. With `NO_COLOR` set, only bold, reverse and
//! underline remain.

use crate::model::EntityKind;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn from_env() -> Self {
        Theme { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn kind(&self, kind: EntityKind) -> Style {
        self.fg(match kind {
            EntityKind::Person => Color::Yellow,
            EntityKind::Organization => Color::Cyan,
            EntityKind::Country => Color::Green,
            EntityKind::Place => Color::Blue,
            EntityKind::Group => Color::Red,
            EntityKind::Program => Color::Magenta,
        })
    }

    pub fn glyph(kind: EntityKind) -> char {
        match kind {
            EntityKind::Person => '☺',
            EntityKind::Organization => '▣',
            EntityKind::Country => '⚑',
            EntityKind::Place => '⌂',
            EntityKind::Group => '⚔',
            EntityKind::Program => '◆',
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::LightYellow).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The claim being read.
    pub fn claim(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Rgb(90, 70, 0)).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The claim's date inside it.
    pub fn claim_date(&self) -> Style {
        self.claim().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// Other claims of the same source.
    pub fn other_claim(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn year(&self) -> Style {
        self.fg(Color::LightBlue).add_modifier(Modifier::BOLD)
    }

    pub fn conflict(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    pub fn matched(&self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn kind_label(&self, kind: &str) -> Style {
        self.fg(match kind {
            "coup" | "conflict" | "sanction" => Color::LightRed,
            "election" | "diplomatic" | "agreement" => Color::LightGreen,
            "aid" => Color::LightCyan,
            "military" => Color::LightMagenta,
            _ => Color::Gray,
        })
    }
}

/// Text from a document made inert for the terminal: any control or
/// format character that got this far is shown as a visible mark.
pub fn inert(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => '\u{FFFD}',
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}
