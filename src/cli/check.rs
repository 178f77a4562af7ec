//! `annals check`: a report per source.

use super::{report_failures, Loaded};
use std::collections::HashSet;
use std::process::ExitCode;

pub fn run(loaded: Loaded) -> ExitCode {
    let corpus = &loaded.corpus;
    for (id, s) in corpus.sources.iter().enumerate() {
        let claims = corpus.claims.iter().filter(|c| c.source == id).count();
        let entities: HashSet<usize> = corpus
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.mentions.iter().any(|m| m.source == id))
            .map(|(i, _)| i)
            .collect();
        println!("{}", s.path);
        println!("  title      {} ({})", s.title, s.kind.as_str());
        println!("  bytes      {}  encoding {}  mojibake repairs {}", s.raw.len(), s.encoding, s.repairs);
        match (&s.published, &s.published_basis) {
            (Some(d), Some(basis)) => println!("  published  {d}  ({basis})"),
            _ => println!("  published  unknown (no date in the text or manifest; not guessed)"),
        }
        println!("  claims     {claims}  entities {}", entities.len());
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
