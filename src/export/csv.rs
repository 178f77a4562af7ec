//! One row per claim in ACLED's column style (acleddata.com codebook), plus
//! the claim's quote and byte span. Cells a spreadsheet would run as a
//! formula are neutralised.

use crate::model::{Corpus, DateValue, EntityId, EventId, Precision};
use std::io::{self, Write};

pub const COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "time_precision",
    "precision",
    "date_value",
    "event_type",
    "actor1",
    "actor2",
    "assoc_actors",
    "notes",
    "source",
    "source_title",
    "source_published",
    "source_reliability",
    "quote",
    "byte_start",
    "byte_end",
    "conflict",
];

/// ACLED's time precision: 1 the day is known, 2 the week (or a few days),
/// 3 only the month or something wider.
pub fn time_precision(d: &DateValue) -> u8 {
    match d.precision {
        Precision::Day => 1,
        Precision::Range if d.span_days() <= 7 => 2,
        _ => 3,
    }
}

/// A cell that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage
/// return) gets a leading apostrophe, so a spreadsheet shows it as text.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub fn write(corpus: &Corpus, events: &[EventId], out: impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS).map_err(io_error)?;
    for &e in events {
        let event = &corpus.events[e];
        for (n, &c) in event.claims.iter().enumerate() {
            let claim = &corpus.claims[c];
            let source = &corpus.sources[claim.source];
            let actor = |a: Option<&EntityId>| a.map_or(String::new(), |&a| corpus.entities[a].name.clone());
            let span = corpus.claim_bytes(claim);
            let assoc: Vec<&str> = claim.actors.iter().skip(2).map(|&a| corpus.entities[a].name.as_str()).collect();
            let row = [
                format!("{}-{}", event.id, n + 1),
                claim.date.start.to_string(),
                time_precision(&claim.date).to_string(),
                claim.date.precision.as_str().to_string(),
                claim.date.value.to_string(),
                event.kind.to_string(),
                actor(claim.actors.first()),
                actor(claim.actors.get(1)),
                assoc.join("; "),
                event.title.clone(),
                source.id.clone(),
                source.title.clone(),
                source.published.as_ref().map_or(String::new(), |d| d.value.to_string()),
                source.reliability.map_or(String::new(), |r| r.code()),
                corpus.claim_text(claim).trim().to_string(),
                span.start.to_string(),
                span.end.to_string(),
                event.conflict.to_string(),
            ];
            w.write_record(row.iter().map(|cell| neutralise(cell))).map_err(io_error)?;
        }
    }
    w.flush()
}

/// The writer's error as an I/O error, the very one when it was I/O: a
/// closed pipe stays a closed pipe, which the command line ends quietly on.
fn io_error(e: csv::Error) -> io::Error {
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        _ => io::Error::other(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("2012-03-22"), "2012-03-22");
    }

    #[test]
    fn acled_precision() {
        assert_eq!(time_precision(&DateValue::parse("2012-03-22").unwrap()), 1);
        assert_eq!(time_precision(&DateValue::days_of_month(2012, 3, 1, 5).unwrap()), 2);
        assert_eq!(time_precision(&DateValue::parse("2012-03").unwrap()), 3);
    }
}
