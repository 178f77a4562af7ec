//! The analyst's corrections of claims (`[[reject]]`, `[[redate]]` in the
//! folder's `annals.toml`), applied to a document's claims as it joins the
//! corpus. A rule names its claim by a quote of its sentence. When the
//! document was edited since and no sentence of its file reads the quote
//! any more, the claim whose sentence is most like it (as a note's passage
//! is found again) takes the rule, and the source says so; when none is
//! alike enough, the rule applies to nothing, and the source says that.
//! Here, not when extracted: a correction added leaves the cached
//! extractions good.

use crate::assets::corpus_file::{CorpusFile, Quoted};
use crate::model::{Claim, Resolution, Source};
use crate::notes::anchor::alike_enough;
use crate::text::one_line;

/// How a source's warning about a correction begins.
pub const WARNING: &str = "annals.toml: ";

pub(super) fn correct(claims: &mut Vec<Claim>, source: &mut Source, manifest: &CorpusFile) {
    if !manifest.rejects.is_empty() {
        let mut rejected = vec![false; claims.len()];
        for rule in &manifest.rejects {
            named(rule.quoted(), "[[reject]]", claims, source).into_iter().for_each(|c| rejected[c] = true);
        }
        let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(claims).into_iter().zip(rejected).partition(|&(_, r)| r);
        *claims = kept.into_iter().map(|(c, _)| c).collect();
        source.rejected = gone.into_iter().map(|(c, _)| c.sentence).collect();
        source.rejected.sort_by_key(|r| (r.start, r.end));
        source.rejected.dedup();
    }
    // Later rules win, as later files do.
    for rule in &manifest.redates {
        let Some(to) = crate::model::DateValue::parse(&rule.to) else { continue };
        for c in named(rule.quoted(), "[[redate]]", claims, source) {
            claims[c].date = to.clone();
            claims[c].resolved = Resolution::User;
        }
    }
}

/// The claims (indices) the rule names in `source`: those whose sentence
/// reads its quote; when none does and the rule names this file, the one
/// most like it if alike enough. Either of those two is said in the
/// source's warnings.
fn named(rule: Quoted, what: &str, claims: &[Claim], source: &mut Source) -> Vec<usize> {
    if !rule.in_file(&source.path) {
        return Vec::new(); // asked once, not for every claim
    }
    let text = &source.text;
    let words = |c: &Claim| (&text[c.sentence.clone()], &text[c.date_clean.clone()]);
    let exact: Vec<usize> = (0..claims.len())
        .filter(|&c| {
            let (sentence, date) = words(&claims[c]);
            rule.reads(sentence, date)
        })
        .collect();
    if !exact.is_empty() || rule.file.is_none() {
        return exact;
    }
    let quote = one_line(rule.quote);
    let alike = (0..claims.len())
        .filter(|&c| rule.date.is_none_or(|d| words(&claims[c]).1 == d))
        .filter_map(|c| alike_enough(&quote, &one_line(words(&claims[c]).0)).map(|s| (s, c)))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    let shown = crate::text::shorten(&quote, 60);
    match alike {
        Some((_, c)) => {
            let now = crate::text::shorten(&one_line(words(&claims[c]).0), 60);
            source
                .warnings
                .push(format!("{WARNING}the {what} of “{shown}” applies to this sentence as it reads now: “{now}”"));
            vec![c]
        }
        None => {
            source.warnings.push(format!(
                "{WARNING}the {what} of “{shown}” names no claim any more (its sentence was rewritten or removed)"
            ));
            Vec::new()
        }
    }
}
