//! `annals check`: a report per source.

use super::{output, report_failures, Loaded};
use annals::model::{EntityId, SourceId, TiVec};
use std::process::ExitCode;

pub fn run(loaded: &Loaded, verbose: bool) -> ExitCode {
    let corpus = &loaded.corpus;
    // Counted in one pass over claims and mentions, not once per source.
    let mut claims: TiVec<SourceId, usize> = vec![0; corpus.sources.len()].into();
    corpus.claims.iter().for_each(|c| claims[c.source] += 1);
    // Each entity counted once per source it is named in; no set per source,
    // which at 50 000 sources would cost more than the corpus's claims.
    let mut entities: TiVec<SourceId, usize> = vec![0; corpus.sources.len()].into();
    // With --verbose, each source's entities by name: which rule found each.
    let mut named: TiVec<SourceId, Vec<EntityId>> =
        vec![Vec::new(); if verbose { corpus.sources.len() } else { 0 }].into();
    for (id, e) in corpus.entities.iter_enumerated() {
        for s in e.sources() {
            entities[s] += 1;
            if verbose {
                named[s].push(id);
            }
        }
    }
    let folded = |id: &EntityId| corpus.entities[*id].folded.as_str();
    named.iter_mut().for_each(|list| list.sort_by(|a, b| folded(a).cmp(folded(b))));
    let printed = output::to_stdout(|out| {
        for (id, s) in corpus.sources.iter_enumerated() {
            writeln!(out, "{}", s.path)?;
            writeln!(out, "  title      {} ({})", s.title, s.kind.as_str())?;
            writeln!(out, "  bytes      {}  encoding {}  mojibake repairs {}", s.raw_len, s.encoding, s.repairs)?;
            if let Some(r) = &s.reliability {
                writeln!(out, "  grade      {}  (Admiralty: {})", r.code(), r.meaning())?;
            }
            if let Some(publisher) = &s.publisher {
                let url = s.url.as_ref().map_or(String::new(), |u| format!("  <{u}>"));
                writeln!(out, "  publisher  {publisher}{url}")?;
            }
            match (&s.published, &s.published_basis) {
                (Some(d), Some(basis)) => writeln!(out, "  published  {d}  ({basis})")?,
                _ => writeln!(out, "  published  unknown (no date in the text or manifest; not guessed)")?,
            }
            writeln!(out, "  claims     {}  entities {}", claims[id], entities[id])?;
            for w in &s.warnings {
                writeln!(out, "  warning    {w}")?;
            }
            for &e in named.get(id).into_iter().flatten() {
                let e = &corpus.entities[e];
                writeln!(out, "  entity     {} ({}), found by {}", e.name, e.kind.as_str(), e.found_by)?;
            }
        }
        let cache = loaded.cache.report();
        for line in cache.summary.iter().chain(&cache.warnings) {
            writeln!(out, "{line}")?;
        }
        writeln!(
            out,
            "{} loaded, {} failed: {} events, {} claims, {} entities",
            corpus.sources.len(),
            loaded.failures.len(),
            corpus.events.len(),
            corpus.claims.len(),
            corpus.entities.len()
        )
    });
    if let Err(e) = printed {
        eprintln!("annals: cannot write standard output: {e}");
        return ExitCode::from(1);
    }
    report_failures(&loaded.failures)
}
