//! The `annals/1` JSON export of DESIGN.md: a contract other tools read.

use super::Stream;
use crate::model::{Corpus, DateValue, Event, EventId, Mention, Resolution, Source};
use serde::Serialize;
use std::io::{self, Write};

pub const SCHEMA: &str = "annals/1";

#[derive(Serialize)]
struct Export<S, N, E> {
    schema: &'static str,
    sources: S,
    entities: N,
    events: E,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    kind: &'static str,
    published: Option<&'a str>,
    published_basis: Option<&'a str>,
    bytes: usize,
    // Given in annals.toml only; absent otherwise, so older readers see no change.
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reliability: Option<String>,
}

#[derive(Serialize)]
struct EntityOut<'a, M> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    mentions: M,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    source: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct DateOut<'a> {
    value: &'a str,
    start: String,
    end: String,
    precision: &'static str,
}

impl<'a> From<&'a DateValue> for DateOut<'a> {
    fn from(d: &'a DateValue) -> Self {
        DateOut { value: &d.value, start: d.start.to_string(), end: d.end.to_string(), precision: d.precision.as_str() }
    }
}

#[derive(Serialize)]
struct EventOut<'a, A, C> {
    id: &'a str,
    title: &'a str,
    kind: &'a str,
    date: DateOut<'a>,
    actors: A,
    conflict: bool,
    claims: C,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    source: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    date: &'a str,
    date_text: &'a str,
    date_start: usize,
    date_end: usize,
    resolved: Resolution,
}

fn document<'a>(corpus: &'a Corpus, events: &'a [EventId]) -> impl Serialize + 'a {
    // A filtered export keeps the entities its events name.
    let mut keep = vec![events.len() == corpus.events.len(); corpus.entities.len()];
    for &e in events {
        corpus.events[e].actors.iter().for_each(|&a| keep[a] = true);
    }
    let sources = Stream(move || corpus.sources.iter().map(source));
    let entities = Stream(move || {
        let kept = corpus.entities.iter().zip(keep.clone()).filter(|(_, keep)| *keep);
        kept.map(move |(e, _)| EntityOut {
            id: &e.id,
            name: &e.name,
            kind: e.kind.as_str(),
            aliases: &e.aliases,
            mentions: Stream(move || {
                let at = |m: &Mention| {
                    let source = &corpus.sources[m.source()];
                    let raw = m.raw(source);
                    MentionOut { source: &source.id, start: raw.start, end: raw.end }
                };
                e.mentions.iter().map(at)
            }),
        })
    });
    let events = Stream(move || events.iter().map(move |&i| event(corpus, &corpus.events[i])));
    Export { schema: SCHEMA, sources, entities, events }
}

fn source(s: &Source) -> SourceOut<'_> {
    SourceOut {
        id: &s.id,
        path: &s.path,
        title: &s.title,
        kind: s.kind.as_str(),
        published: s.published.as_ref().map(|d| d.value.as_str()),
        published_basis: s.published_basis.as_deref(),
        bytes: s.raw_len,
        publisher: s.publisher.as_deref(),
        url: s.url.as_deref(),
        reliability: s.reliability.map(|r| r.code()),
    }
}

fn event<'a>(corpus: &'a Corpus, ev: &'a Event) -> impl Serialize + 'a {
    EventOut {
        id: &ev.id,
        title: &ev.title,
        kind: &ev.kind,
        date: DateOut::from(&ev.date),
        actors: Stream(move || ev.actors.iter().map(|a| corpus.entities[*a].id.as_str())),
        conflict: ev.conflict,
        claims: Stream(move || {
            ev.claims.iter().map(move |&c| {
                let claim = &corpus.claims[c];
                let (span, date_span) = (corpus.claim_bytes(claim), corpus.date_bytes(claim));
                ClaimOut {
                    source: &corpus.sources[claim.source].id,
                    start: span.start,
                    end: span.end,
                    text: corpus.claim_text(claim),
                    date: &claim.date.value,
                    date_text: corpus.date_text(claim),
                    date_start: date_span.start,
                    date_end: date_span.end,
                    resolved: claim.resolved,
                }
            })
        }),
    }
}

/// Writes the corpus, with these events, as pretty-printed `annals/1` JSON.
pub fn write(corpus: &Corpus, events: &[EventId], out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &document(corpus, events))?;
    writeln!(out)?;
    out.flush()
}

/// The export as a JSON value (for tests and snapshots).
pub fn to_value(corpus: &Corpus) -> serde_json::Value {
    let all: Vec<EventId> = (0..corpus.events.len()).collect();
    serde_json::to_value(document(corpus, &all)).expect("the export is plain data")
}
