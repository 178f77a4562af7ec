//! `annals check`: a report per source.

use super::{report_failures, Loaded};
use std::process::ExitCode;

pub fn run(loaded: Loaded) -> ExitCode {
    let corpus = &loaded.corpus;
    // Counted in one pass over claims and mentions, not once per source.
    let mut claims = vec![0usize; corpus.sources.len()];
    corpus.claims.iter().for_each(|c| claims[c.source] += 1);
    // Each entity counted once per source it is named in; no set per source,
    // which at 50 000 sources would cost more than the corpus's claims.
    let mut entities = vec![0usize; corpus.sources.len()];
    for e in &corpus.entities {
        e.sources().for_each(|s| entities[s] += 1);
    }
    for (id, s) in corpus.sources.iter().enumerate() {
        println!("{}", s.path);
        println!("  title      {} ({})", s.title, s.kind.as_str());
        println!("  bytes      {}  encoding {}  mojibake repairs {}", s.raw_len, s.encoding, s.repairs);
        if let Some(r) = &s.reliability {
            println!("  grade      {}  (Admiralty: {})", r.code(), r.meaning());
        }
        if let Some(publisher) = &s.publisher {
            println!("  publisher  {publisher}{}", s.url.as_ref().map_or(String::new(), |u| format!("  <{u}>")));
        }
        match (&s.published, &s.published_basis) {
            (Some(d), Some(basis)) => println!("  published  {d}  ({basis})"),
            _ => println!("  published  unknown (no date in the text or manifest; not guessed)"),
        }
        println!("  claims     {}  entities {}", claims[id], entities[id]);
        for w in &s.warnings {
            println!("  warning    {w}");
        }
    }
    println!(
        "{} loaded, {} failed: {} events, {} claims, {} entities",
        corpus.sources.len(),
        loaded.failures.len(),
        corpus.events.len(),
        corpus.claims.len(),
        corpus.entities.len()
    );
    report_failures(&loaded.failures)
}
