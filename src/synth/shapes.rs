//! Documents of adversarial shapes, for the benchmark and the test that
//! hold every cost linear in the input whatever its shape.

use super::Rng;
use crate::ingest::Input;

/// A shape of document that a careless extractor handles in more than
/// linear time or memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The synthetic corpus's prose, one document: what the others are measured against.
    Prose,
    /// Dated clauses joined by commas, never a full stop.
    DatedRunOn,
    /// The same, each clause telling a meeting: every clause of a day joins
    /// that day's event, whose group grows with the text.
    MeetingsRunOn,
    /// One line of commas.
    Commas,
    /// Capitalised words, as a name-finder would read one endless name.
    Capitalised,
    /// Dates separated by commas, in one sentence.
    Dates,
    /// Markup opened and never closed, nested deeper and deeper.
    NestedMarkup,
    /// A base64 blob, in lines of 76 characters.
    Base64,
    /// One word of letters as long as the document, after a title: a
    /// name-finder that reads a word again at each piece of its sentence,
    /// or looks up each of its suffixes, reads it squared.
    LongWord,
    /// Titles in a row, `Minister Minister …`: a name-finder that reads the
    /// rest of the row again from each title reads it squared.
    TitleRow,
}

impl Shape {
    pub const ALL: [Shape; 10] = [
        Shape::Prose,
        Shape::DatedRunOn,
        Shape::MeetingsRunOn,
        Shape::Commas,
        Shape::Capitalised,
        Shape::Dates,
        Shape::NestedMarkup,
        Shape::Base64,
        Shape::LongWord,
        Shape::TitleRow,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Prose => "prose",
            Shape::DatedRunOn => "dated_run_on",
            Shape::MeetingsRunOn => "meetings_run_on",
            Shape::Commas => "commas",
            Shape::Capitalised => "capitalised",
            Shape::Dates => "dates",
            Shape::NestedMarkup => "nested_markup",
            Shape::Base64 => "base64",
            Shape::LongWord => "long_word",
            Shape::TitleRow => "title_row",
        }
    }

    /// One document of this shape, `bytes` long (to within a few bytes), the same for a seed.
    pub fn document(self, bytes: usize, seed: u64) -> Input {
        let mut rng = Rng(seed.wrapping_add(1));
        let mut text = String::with_capacity(bytes + 128);
        while text.len() < bytes {
            self.push_piece(&mut rng, &mut text);
        }
        let ext = if self == Shape::NestedMarkup { "html" } else { "txt" };
        Input { path: format!("adversarial/{}.{ext}", self.name()), bytes: text.into_bytes() }
    }

    fn push_piece(self, rng: &mut Rng, text: &mut String) {
        const MONTHS: [&str; 4] = ["March", "June", "September", "December"];
        match self {
            Shape::Prose => {
                text.push_str(&super::sentence(rng));
                text.push(if rng.below(4) == 0 { '\n' } else { ' ' });
            }
            Shape::DatedRunOn | Shape::MeetingsRunOn => {
                let (day, month, year) = (1 + rng.below(28), rng.pick(&MONTHS), 1990 + rng.below(30));
                let met = if self == Shape::DatedRunOn { "met" } else { "met with" };
                text.push_str(&format!(
                    "on {day} {month} {year} {} {met} {} in Bamako, ",
                    super::actor(rng),
                    super::actor(rng)
                ));
            }
            Shape::Commas => text.push_str(",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,"),
            Shape::Capitalised => {
                let word = rng.pick(&["Mali", "Niger", "Bamako", "Keïta", "General", "United", "States", "Council"]);
                text.push_str(word);
                text.push(' ');
            }
            Shape::Dates => {
                text.push_str(&format!("{} {} {}, ", 1 + rng.below(28), rng.pick(&MONTHS), 1900 + rng.below(120)))
            }
            Shape::NestedMarkup => {
                let tag =
                    rng.pick(&["<div class=\"a\">", "<b>", "<a href=\"#x", "[PER Modibo ", "**", "<span>", "&amp"]);
                text.push_str(tag);
                text.push_str(" Mali 1960 ");
            }
            Shape::Base64 => {
                const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
                text.extend((0..76).map(|_| ALPHABET[rng.below(64)] as char));
                text.push('\n');
            }
            Shape::LongWord if text.is_empty() => text.push_str("On 3 May 2019 Minister A"),
            Shape::LongWord => text.push_str(&"b".repeat(64)),
            Shape::TitleRow => text.push_str(rng.pick(&["Minister ", "Mr. ", "General ", "Ambassador "])),
        }
    }
}
