//! How far a source and its information are to be trusted.

use std::fmt;

/// The Admiralty (NATO) grading of a source and of its information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Reliability {
    pub source: char,
    pub information: u8,
}

impl Reliability {
    pub fn parse(code: &str) -> Option<Reliability> {
        let mut chars = code.trim().chars();
        let (letter, digit) = (chars.next()?.to_ascii_uppercase(), chars.next()?.to_digit(10)?);
        let valid = ('A'..='F').contains(&letter) && (1..=6).contains(&digit) && chars.next().is_none();
        valid.then_some(Reliability { source: letter, information: digit as u8 })
    }

    /// `B2`.
    pub fn code(&self) -> String {
        format!("{}{}", self.source, self.information)
    }

    /// `usually reliable source, information probably true`.
    pub fn meaning(&self) -> String {
        let source = match self.source {
            'A' => "completely reliable",
            'B' => "usually reliable",
            'C' => "fairly reliable",
            'D' => "not usually reliable",
            'E' => "unreliable",
            _ => "reliability cannot be judged",
        };
        let information = match self.information {
            1 => "confirmed by other sources",
            2 => "probably true",
            3 => "possibly true",
            4 => "doubtful",
            5 => "improbable",
            _ => "truth cannot be judged",
        };
        format!("source {source}, information {information}")
    }
}

impl fmt::Display for Reliability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}
