//! A summary of the corpus and its timeline, when standard output is not a
//! terminal (`annals | less`).

use super::{report_failures, Loaded};
use annals::text::shorten;
use std::process::ExitCode;

pub fn run(loaded: Loaded) -> ExitCode {
    let c = &loaded.corpus;
    let span = c.date_span().map_or(String::new(), |(a, b)| format!(", {} – {}", a.display(), b.display()));
    println!(
        "{}: {} sources, {} events, {} claims, {} entities{span}",
        c.name,
        c.sources.len(),
        c.events.len(),
        c.claims.len(),
        c.entities.len()
    );
    println!();
    for e in &c.events {
        let sources = e.claims.iter().map(|&i| c.claims[i].source).collect::<std::collections::BTreeSet<_>>().len();
        let conflict = if e.conflict { " ≠" } else { "" };
        println!("{:<12} {:<11} {:<72} {} src{conflict}", e.date.display(), e.kind, shorten(&e.title, 72), sources);
    }
    report_failures(&loaded.failures)
}
