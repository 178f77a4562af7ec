//! The provenance contract checked on a built corpus: every span lies inside
//! its file, on character boundaries when the file is UTF-8, and stands for
//! the clean text it claims. Tests and fuzzers hold the pipeline to it.

use super::{Corpus, Source};
use std::ops::Range;

impl Corpus {
    /// Every broken promise, described; empty when the contract holds.
    pub fn provenance_errors(&self) -> Vec<String> {
        let mut errors = Vec::new();
        for (i, claim) in self.claims.iter().enumerate() {
            let source = &self.sources[claim.source];
            check_span(source, &claim.span, &claim.sentence, &format!("claim {i}"), &mut errors);
            check_span(source, &claim.date_span, &claim.date_clean, &format!("claim {i} date"), &mut errors);
            if !(claim.sentence.start <= claim.date_clean.start && claim.date_clean.end <= claim.sentence.end) {
                errors.push(format!("{}: claim {i}: its date lies outside its sentence", source.path));
            }
        }
        for entity in &self.entities {
            for m in &entity.mentions {
                let what = format!("mention of {}", entity.name);
                check_span(&self.sources[m.source], &m.raw, &m.clean, &what, &mut errors);
            }
        }
        errors
    }
}

fn check_span(source: &Source, raw: &Range<usize>, clean: &Range<usize>, what: &str, errors: &mut Vec<String>) {
    let path = &source.path;
    if raw.start > raw.end || raw.end > source.raw.len() {
        errors.push(format!("{path}: {what}: raw span {raw:?} outside the file of {} bytes", source.raw.len()));
        return;
    }
    if let Ok(file) = std::str::from_utf8(&source.raw) {
        if !file.is_char_boundary(raw.start) || !file.is_char_boundary(raw.end) {
            errors.push(format!("{path}: {what}: raw span {raw:?} not on character boundaries"));
        }
    }
    match source.text.get(clean.clone()) {
        None => errors.push(format!("{path}: {what}: clean range {clean:?} outside the text")),
        Some(text) if source.clean_of_raw(raw.clone()) != text => {
            errors.push(format!("{path}: {what}: raw span {raw:?} does not clean to {text:?}"))
        }
        Some(_) => {}
    }
}
