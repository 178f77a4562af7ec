//! Acronyms: defined after their name (`Millennium Challenge Corporation
//! (MCC)`), of another language (`Rwanda (MINURCA)`), and standing alone
//! in running text, never spelled out (`the case went to the DGSE`).

use super::{is_connector, names, Discoverer, Found, Why};
use crate::model::EntityKind;
use names::{is_capitalised, words};
use regex::Regex;
use std::sync::LazyLock;

pub(super) static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(\s*([A-Z][A-Za-z0-9]{1,9})\s*\)").expect("regex"));
/// How far before an acronym its name may begin, in bytes.
const ACRONYM_REACH: usize = 300;

impl Discoverer {
    pub(super) fn acronyms(&self, text: &str, out: &mut Vec<Found>) {
        for caps in ACRONYM.captures_iter(text) {
            let whole = caps.get(0).expect("group 0");
            let acronym = caps.get(1).expect("group 1");
            // A name is read back to its paragraph's start, but no further
            // than a name can be long: a line of a thousand acronyms is read once.
            let reach = crate::text::floor_boundary(text, whole.start().saturating_sub(ACRONYM_REACH));
            let head = &text[reach..whole.start()];
            let ws: Vec<names::Word> =
                words(text, reach + name_reach(head)).take_while(|w| w.range.1 <= whole.start()).collect();
            let texts: Vec<&str> = ws.iter().map(|w| w.text).filter(|t| *t != ",").collect();
            let plain: Vec<&names::Word> = ws.iter().filter(|w| w.text != ",").collect();
            // A name guessed for initials of another language stops at a
            // comma (`General Coulibaly, Chief of … Armed Forces (FAMa)`),
            // and is not guessed for an acronym the gazetteer knows.
            let since_comma = ws
                .iter()
                .rposition(|w| w.text == ",")
                .map_or(0, |i| i + 1 - ws[..=i].iter().filter(|w| w.text == ",").count());
            // Nor for a list's last item (`State, Foreign Operations, and Related Programs (SFOPS)`).
            let list = since_comma > 0 && texts.get(since_comma).is_some_and(|w| matches!(*w, "and" | "or" | "&"));
            let guessed = || match self.known_acronyms.contains(acronym.as_str()) || list {
                true => None,
                false => self.named_before(&texts[since_comma..]).map(|start| start + since_comma),
            };
            let tail = names::acronym_tail(&texts, acronym.as_str()).or_else(guessed);
            let Some(start) = tail else {
                // `Rwanda (MINURCA)`: an acronym of another language, named alone.
                let a = acronym.as_str();
                if a.len() >= 4
                    && !self.known_acronyms.contains(a)
                    && a.chars().all(|c| c.is_ascii_uppercase())
                    && !self.not_name(a)
                {
                    let name = a.to_string();
                    out.push(Found { range: acronym.range(), name, kind: EntityKind::Organization, why: Why::Acronym });
                }
                continue;
            };
            let range = plain[start].range.0..plain.last().expect("non-empty").range.1;
            let name = text[range.clone()].to_string();
            // `Foreign Minister (FM)`: an office, not a body.
            if self.not_name(&name) || self.sets.person_titles.contains(&*crate::text::on_one_line(&name)) {
                continue;
            }
            let kind = self.kind_of(&name);
            out.push(Found { range: range.clone(), name: name.clone(), kind, why: Why::Acronym });
            out.push(Found { range: acronym.range(), name, kind, why: Why::Acronym });
        }
    }

    /// `Malian National Civil Aviation Authority (ANAC)`, `Civil Aviation
    /// Agency in Guinea-Bissau (AACGB)`: where a name with an organisation's
    /// head ends the words before an acronym whose initials are of another
    /// language.
    fn named_before(&self, texts: &[&str]) -> Option<usize> {
        let last = texts.last()?;
        let mut start = texts.len() - 1;
        while start > 0 && (is_capitalised(texts[start - 1]) || is_connector(texts[start - 1])) {
            start -= 1;
        }
        let opener = |w: &str| is_connector(w) || self.sets.function_words.contains(w);
        let start = start + texts[start..].iter().take_while(|w| opener(w)).count();
        let named = self.sets.name_heads.contains(*last) || self.head_of_place(&texts[start..]);
        (named && texts.len() - start >= 2).then_some(start)
    }

    /// Acronyms standing alone in a sentence of running text (`ECOMOG:
    /// Liberia`, `the AOB Niger and SOCCE commanders`): four to ten
    /// capitals, one inner hyphen allowed (`AS-FNIS`). Not in a sentence
    /// mostly in capitals (an old cable's body, a heading), nor beside a
    /// number (`15:43 ZULU`, `40 MHZ`, a cable's reference `BAMAKO 754`),
    /// nor a rank (`LCDR Smith`). Found last: an acronym the document
    /// defines, or the gazetteer knows, is that name's (see
    /// `Resolver::add_found`). Asked of every word: the shape is tried
    /// first, the sentence read only for one that has it.
    pub(super) fn lone_acronyms(&self, ws: &[names::Word], out: &mut Vec<Found>) {
        let number = |w: &names::Word| w.text.starts_with(|c: char| c.is_ascii_digit());
        let mut running_text = None;
        for (i, w) in ws.iter().enumerate() {
            if !is_lone_acronym(w.text) || self.known_acronyms.contains(w.text) {
                continue;
            }
            let by_number = (i > 0 && number(&ws[i - 1])) || ws.get(i + 1).is_some_and(number);
            let named_otherwise =
                self.sets.person_titles.contains(w.text) || crate::extract::timex::is_month_name(w.text);
            if by_number || named_otherwise || self.not_name(w.text) {
                continue;
            }
            let lower = |w: &&names::Word| w.text.starts_with(|c: char| c.is_lowercase());
            if !*running_text.get_or_insert_with(|| ws.iter().filter(lower).count() >= MIXED_CASE_WORDS) {
                return;
            }
            let (range, name) = (w.range.0..w.range.1, w.text.to_string());
            out.push(Found { range, name, kind: EntityKind::Organization, why: Why::LoneAcronym });
        }
    }
}

/// Where in `head`, the text before an acronym, its name may begin: after
/// an opening bracket, a semicolon, a colon or a blank line. A lone line
/// break is hard-wrapped prose (`Status of Forces Agreement\n(SOFA)`).
fn name_reach(head: &str) -> usize {
    let mark = head.rfind(['(', ';', ':']).map_or(0, |i| i + 1);
    let paragraph = head.rfind("\n\n").map_or(0, |i| i + 2);
    mark.max(paragraph)
}

/// Words beginning in small letters a sentence needs to be running text.
const MIXED_CASE_WORDS: usize = 3;

/// An acronym of any length in the gazetteer's sense: one word, most of its
/// letters capitals (`UN`, `FAMa`, `MINUSMA`).
pub(super) fn is_acronym_like(word: &str) -> bool {
    let capitals = word.chars().filter(char::is_ascii_uppercase).count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    capitals >= 2 && capitals * 2 > letters && !word.contains(char::is_whitespace)
}

/// `ECOMOG`, `AS-FNIS`; not `UN` (too short to tell from a word in
/// capitals), `MQ-9` (a model), `XVIII` (a numeral).
pub(super) fn is_lone_acronym(word: &str) -> bool {
    let bytes = word.as_bytes();
    if !(4..=10).contains(&bytes.len()) || !bytes[0].is_ascii_uppercase() || !bytes[1].is_ascii_uppercase() {
        return false;
    }
    let letters = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
    let hyphens = bytes.iter().filter(|&&b| b == b'-').count();
    letters + hyphens == bytes.len()
        && hyphens <= 1
        && !word.ends_with('-')
        && !bytes.iter().all(|b| b"IVXLCDM".contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_acronyms_are_four_to_ten_capitals() {
        for word in ["ECOMOG", "DGSE", "AS-FNIS", "SOCCE"] {
            assert!(is_lone_acronym(word), "{word}");
        }
        for word in ["UN", "AOB", "MQ-9", "C-130H", "XVIII", "Mali", "ABCDEFGHIJK", "AS-", "A-B-CD", "ÉCOMOG"] {
            assert!(!is_lone_acronym(word), "{word}");
        }
    }
}
