//! Styles from the theme's colours (see [`crate::tui::colors`]), and
//! glyphs. With `NO_COLOR` set, only bold, reverse and underline remain.

use crate::model::EntityKind;
use crate::tui::colors::Colors;
use ratatui::style::{Color, Modifier, Style};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub colors: &'static Colors,
}

static DEFAULT_COLORS: LazyLock<Colors> = LazyLock::new(Colors::default_theme);

impl Theme {
    /// The default colours.
    pub fn colored() -> Self {
        Theme { color: true, colors: &DEFAULT_COLORS }
    }

    /// No colours: bold, reverse and underline only.
    pub fn plain() -> Self {
        Theme { color: false, colors: &DEFAULT_COLORS }
    }

    /// `colors`, unless `NO_COLOR` is set (it wins over any configuration).
    pub fn from_env(colors: &'static Colors) -> Self {
        Theme { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()), colors }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn kind(&self, kind: EntityKind) -> Style {
        self.fg(self.colors.entity(kind))
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
            self.fg(self.colors.focus).add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.colors.dim)
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The claim being read.
    pub fn claim(&self) -> Style {
        if self.color {
            Style::new().bg(self.colors.claim_bg).fg(self.colors.claim_fg)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The claim's date inside it.
    pub fn claim_date(&self) -> Style {
        self.claim().patch(self.fg(self.colors.date)).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A sentence the analyst said tells nothing (`x`).
    pub fn rejected(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT)
    }

    /// Other claims of the same source.
    pub fn other_claim(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    /// A passage the analyst wrote a note on.
    pub fn noted(&self) -> Style {
        self.fg(self.colors.year).add_modifier(Modifier::UNDERLINED)
    }

    pub fn dim(&self) -> Style {
        self.fg(self.colors.dim)
    }

    pub fn year(&self) -> Style {
        self.fg(self.colors.year).add_modifier(Modifier::BOLD)
    }

    pub fn conflict(&self) -> Style {
        self.fg(self.colors.conflict).add_modifier(Modifier::BOLD)
    }

    pub fn matched(&self) -> Style {
        self.fg(self.colors.matched).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn kind_label(&self, kind: &str) -> Style {
        self.fg(self.colors.event(kind))
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
