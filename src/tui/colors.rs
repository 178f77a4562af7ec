//! The named colours of a theme, and the built-in themes. The user's
//! `config.toml` picks one and may change any of its colours.

use crate::model::EntityKind;
use ratatui::style::Color;

/// Every colour the browser draws with, by what it marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Colors {
    /// The frame of the focused pane.
    pub focus: Color,
    /// Search hits, where they stand.
    pub matched: Color,
    /// The frames of the other panes, and dim text.
    pub dim: Color,
    pub year: Color,
    pub conflict: Color,
    /// The claim being read: its background and its text.
    pub claim_bg: Color,
    pub claim_fg: Color,
    /// The date inside the claim being read.
    pub date: Color,
    pub person: Color,
    pub organization: Color,
    pub country: Color,
    pub place: Color,
    pub group: Color,
    pub program: Color,
    /// Event kinds by name; kinds not named take `other_event`.
    pub events: Vec<(String, Color)>,
    pub other_event: Color,
}

impl Colors {
    pub fn entity(&self, kind: EntityKind) -> Color {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Organization => self.organization,
            EntityKind::Country => self.country,
            EntityKind::Place => self.place,
            EntityKind::Group => self.group,
            EntityKind::Program => self.program,
        }
    }

    pub fn event(&self, kind: &str) -> Color {
        self.events.iter().find(|(k, _)| k == kind).map_or(self.other_event, |(_, c)| *c)
    }

    /// A built-in theme by name.
    pub fn built_in(name: &str) -> Option<Colors> {
        match name {
            "default" => Some(Colors::default_theme()),
            "light" => Some(Colors::light()),
            "high-contrast" => Some(Colors::high_contrast()),
            _ => None,
        }
    }

    pub const BUILT_IN: [&str; 3] = ["default", "light", "high-contrast"];

    fn events(pairs: [(&str, Color); 8]) -> Vec<(String, Color)> {
        pairs.into_iter().map(|(k, c)| (k.to_string(), c)).collect()
    }

    /// For dark terminals.
    pub fn default_theme() -> Colors {
        Colors {
            focus: Color::LightYellow,
            matched: Color::LightYellow,
            dim: Color::DarkGray,
            year: Color::LightBlue,
            conflict: Color::LightRed,
            claim_bg: Color::Rgb(90, 70, 0),
            claim_fg: Color::White,
            date: Color::White,
            person: Color::Yellow,
            organization: Color::Cyan,
            country: Color::Green,
            place: Color::Blue,
            group: Color::Red,
            program: Color::Magenta,
            events: Colors::events([
                ("coup", Color::LightRed),
                ("conflict", Color::LightRed),
                ("sanction", Color::LightRed),
                ("election", Color::LightGreen),
                ("diplomatic", Color::LightGreen),
                ("agreement", Color::LightGreen),
                ("aid", Color::LightCyan),
                ("military", Color::LightMagenta),
            ]),
            other_event: Color::Gray,
        }
    }

    /// For light terminals: darker colours, a pale claim.
    fn light() -> Colors {
        Colors {
            focus: Color::Blue,
            matched: Color::Blue,
            dim: Color::Gray,
            year: Color::Blue,
            conflict: Color::Red,
            claim_bg: Color::Rgb(255, 236, 160),
            claim_fg: Color::Black,
            date: Color::Black,
            person: Color::Rgb(150, 100, 0),
            organization: Color::Rgb(0, 110, 140),
            country: Color::Rgb(0, 120, 0),
            place: Color::Blue,
            group: Color::Red,
            program: Color::Magenta,
            events: Colors::events([
                ("coup", Color::Red),
                ("conflict", Color::Red),
                ("sanction", Color::Red),
                ("election", Color::Rgb(0, 120, 0)),
                ("diplomatic", Color::Rgb(0, 120, 0)),
                ("agreement", Color::Rgb(0, 120, 0)),
                ("aid", Color::Rgb(0, 110, 140)),
                ("military", Color::Magenta),
            ]),
            other_event: Color::DarkGray,
        }
    }

    /// The brightest colours on black; the claim black on yellow.
    fn high_contrast() -> Colors {
        Colors {
            focus: Color::White,
            matched: Color::White,
            dim: Color::Gray,
            year: Color::LightCyan,
            conflict: Color::LightRed,
            claim_bg: Color::Yellow,
            claim_fg: Color::Black,
            date: Color::Black,
            person: Color::LightYellow,
            organization: Color::LightCyan,
            country: Color::LightGreen,
            place: Color::LightBlue,
            group: Color::LightRed,
            program: Color::LightMagenta,
            // The default theme's event colours are its brightest already.
            events: Colors::default_theme().events,
            other_event: Color::White,
        }
    }
}
