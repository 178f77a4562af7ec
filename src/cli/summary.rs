//! A summary of the corpus and its timeline, when standard output is not a
//! terminal (`annals | less`).

use super::{output, report, Loaded};
use annals::text::shorten;
use std::process::ExitCode;

pub fn run(loaded: Loaded) -> ExitCode {
    let c = &loaded.corpus;
    let span = c.date_span().map_or(String::new(), |(a, b)| format!(", {} – {}", a.display(), b.display()));
    let printed = output::to_stdout(|out| {
        writeln!(
            out,
            "{}: {} sources, {} events, {} claims, {} entities{span}",
            c.name,
            c.sources.len(),
            c.events.len(),
            c.claims.len(),
            c.entities.len()
        )?;
        writeln!(out)?;
        let date_width = c.events.iter().map(|e| e.date.display().chars().count()).max().unwrap_or(10);
        for e in &c.events {
            let sources = e.claims.iter().map(|&i| c.claims[i].source).collect::<std::collections::BTreeSet<_>>().len();
            let conflict = if e.conflict { " ≠" } else { "" };
            let (date, title) = (e.date.display(), shorten(&e.title, 72));
            writeln!(out, "{date:<date_width$}  {:<11} {title:<72} {sources} src{conflict}", e.kind)?;
        }
        Ok(())
    });
    if let Err(e) = printed {
        eprintln!("annals: cannot write standard output: {e}");
        return ExitCode::from(1);
    }
    report(&loaded)
}
