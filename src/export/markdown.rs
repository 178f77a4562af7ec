//! A chronology brief in GitHub-flavoured Markdown: a heading per year, a
//! bullet per event with its date, title and actors, each claim quoted
//! with a footnote naming its source, the source's date and the byte span.

use crate::model::{Corpus, EventId};
use crate::notes::{Layer, Motivation, Note};
use std::io::{self, Write};

/// Text made literal in Markdown: what would start emphasis, a link, HTML,
/// a heading or a footnote is escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '$') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

pub fn write(corpus: &Corpus, events: &[EventId], out: impl Write) -> io::Result<()> {
    write_with_notes(corpus, events, &Layer::default(), out)
}

/// The brief with the analyst's marks and notes under their events, and
/// the notes whose passage is gone at the end.
pub fn write_with_notes(corpus: &Corpus, events: &[EventId], layer: &Layer, out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    let span = match (events.first(), events.iter().map(|&e| &corpus.events[e].date).max_by_key(|d| d.end)) {
        (Some(&first), Some(last)) => format!(", {} – {}", corpus.events[first].date.display(), last.display()),
        _ => String::new(),
    };
    writeln!(out, "# Chronology: {}\n", escape(&corpus.name))?;
    let claims: usize = events.iter().map(|&e| corpus.events[e].claims.len()).sum();
    writeln!(
        out,
        "_{} events, {claims} claims from {} sources{span}. Every line quotes its source._\n",
        events.len(),
        corpus.sources.len()
    )?;
    let mut notes = Vec::new();
    let mut year = None;
    for &e in events {
        let event = &corpus.events[e];
        let this_year = event.date.year_of();
        if year != Some(this_year) {
            writeln!(out, "## {this_year}\n")?;
            year = Some(this_year);
        }
        let actors: Vec<String> = event.actors.iter().map(|&a| escape(&corpus.entities[a].name)).collect();
        let actors = if actors.is_empty() { String::new() } else { format!(" — {}", actors.join(", ")) };
        writeln!(out, "- **{}** {} _({})_{actors}", event.date.display(), escape(&event.title), event.kind)?;
        write_notes(&mut out, layer, e)?;
        if event.conflict {
            let dates: Vec<String> = event.claims.iter().map(|&c| corpus.claims[c].date.display()).collect();
            writeln!(out, "  - ⚠️ **Conflict:** the sources date this differently ({}).", dates.join(" / "))?;
        }
        for &c in &event.claims {
            let claim = &corpus.claims[c];
            let source = &corpus.sources[claim.source];
            let span = corpus.claim_bytes(claim);
            notes.push(format!(
                "[^{}]: {}, {}{}; bytes {}–{} of `{}`.",
                notes.len() + 1,
                escape(&source.title),
                source.published.as_ref().map_or("undated".to_string(), |d| d.display()),
                source.reliability.map_or(String::new(), |r| format!(", graded {r}")),
                span.start,
                span.end,
                source.path.replace('`', "'"),
            ));
            writeln!(out, "  - > “{}” [^{}]", escape(corpus.claim_text(claim).trim()), notes.len())?;
        }
        writeln!(out)?;
    }
    let orphans: Vec<&Note> = layer.orphans().filter(|n| n.body.is_some()).collect();
    if !orphans.is_empty() {
        writeln!(out, "## Notes whose passage is gone\n")?;
        for n in orphans {
            let body = n.body.as_deref().unwrap_or_default();
            writeln!(
                out,
                "- ✎ {} — on “{}” in `{}`",
                escape(body),
                escape(n.anchor.exact.trim()),
                n.source.replace('`', "'")
            )?;
        }
        writeln!(out)?;
    }
    if !notes.is_empty() {
        writeln!(out, "---\n")?;
        for note in notes {
            writeln!(out, "{note}")?;
        }
    }
    out.flush()
}

/// The event's mark and notes, as lines of its bullet.
fn write_notes(out: &mut impl Write, layer: &Layer, event: EventId) -> io::Result<()> {
    if layer.is_marked(event) {
        writeln!(out, "  - ★ **Marked**")?;
    }
    for (note, placed) in layer.of_event(event).filter(|(n, _)| n.motivation == Motivation::Commenting) {
        let moved = if placed.moved() { " _(its passage was edited since: check it)_" } else { "" };
        writeln!(out, "  - ✎ **Note:** {}{moved}", escape(note.body.as_deref().unwrap_or_default()))?;
    }
    Ok(())
}
