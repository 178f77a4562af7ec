//! The provenance contract checked on a built corpus: every span lies inside
//! its file, on character boundaries when the file is UTF-8, and stands for
//! the clean text it claims. Tests and fuzzers hold the pipeline to it.

use super::{Corpus, Source};
use std::collections::HashMap;
use std::ops::Range;

impl Corpus {
    /// Every broken promise, described; empty when the contract holds.
    /// `files` are the documents the corpus was built from, by path (the
    /// corpus does not keep their bytes).
    pub fn provenance_errors<'a>(&self, files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<String> {
        let files: HashMap<&str, &[u8]> = files.into_iter().collect();
        let mut errors = Vec::new();
        let raw_of = |source: &Source| files.get(source.path.as_str()).copied().unwrap_or_default();
        for source in self.sources.iter().filter(|s| raw_of(s).len() != s.raw_len) {
            errors.push(format!(
                "{}: {} bytes read, {} bytes recorded",
                source.path,
                raw_of(source).len(),
                source.raw_len
            ));
        }
        for (i, claim) in self.claims.iter().enumerate() {
            let source = &self.sources[claim.source];
            let raw = raw_of(source);
            let (span, date_span) = (self.claim_bytes(claim), self.date_bytes(claim));
            check_span(source, raw, &span, &claim.sentence, &format!("claim {i}"), &mut errors);
            check_span(source, raw, &date_span, &claim.date_clean, &format!("claim {i} date"), &mut errors);
            if !(claim.sentence.start <= claim.date_clean.start && claim.date_clean.end <= claim.sentence.end) {
                errors.push(format!("{}: claim {i}: its date lies outside its sentence", source.path));
            }
        }
        for entity in &self.entities {
            for m in &entity.mentions {
                let what = format!("mention of {}", entity.name);
                let source = &self.sources[m.source()];
                check_span(source, raw_of(source), &m.raw(source), &m.clean(), &what, &mut errors);
            }
        }
        errors
    }
}

fn check_span(
    source: &Source,
    file: &[u8],
    raw: &Range<usize>,
    clean: &Range<usize>,
    what: &str,
    errors: &mut Vec<String>,
) {
    let path = &source.path;
    if raw.start > raw.end || raw.end > file.len() {
        errors.push(format!("{path}: {what}: raw span {raw:?} outside the file of {} bytes", file.len()));
        return;
    }
    if let Ok(file) = std::str::from_utf8(file) {
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
