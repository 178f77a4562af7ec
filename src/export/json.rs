//! The `annals/1` JSON export of ARCHITECTURE.md: a contract other tools read.

use super::Stream;
use crate::model::{Corpus, DateValue, Entity, EntityId, Event, EventId, Mention, Resolution, Source, TiVec};
use crate::notes::{Layer, Note, Placed};
use rayon::prelude::*;
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

/// One of the analyst's notes or marks (the key `notes`, after the events,
/// only when there are any: an addition to `annals/1` that older readers skip).
#[derive(Serialize)]
struct NoteOut<'a> {
    id: &'a str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    /// The event and source it is on now; none for an orphan.
    event: Option<&'a str>,
    source: Option<&'a str>,
    path: &'a str,
    /// `anchored`, `moved` (found again only approximately or elsewhere) or `orphan`.
    status: &'static str,
    /// The passage's byte span in the file now, if it is anywhere.
    start: Option<usize>,
    end: Option<usize>,
    quote: &'a str,
    created: &'a str,
    modified: &'a str,
}

fn note<'a>(corpus: &'a Corpus, (n, placed): (&'a Note, &'a Placed)) -> NoteOut<'a> {
    let span = placed.bytes(corpus);
    NoteOut {
        id: &n.id,
        motivation: n.motivation.as_str(),
        body: n.body.as_deref(),
        event: placed.event.map(|e| corpus.events[e].id.as_str()),
        source: placed.source.map(|s| corpus.sources[s].id.as_str()),
        path: &n.source,
        status: placed.placement.status(),
        start: span.as_ref().map(|s| s.start),
        end: span.map(|s| s.end),
        quote: &n.anchor.exact,
        created: &n.created,
        modified: &n.modified,
    }
}

fn document<'a>(corpus: &'a Corpus, events: &'a [EventId]) -> impl Serialize + 'a {
    let keep = kept_entities(corpus, events);
    let sources = Stream(move || corpus.sources.iter().map(source));
    let entities = Stream(move || keep.clone().into_iter().map(move |e| entity(corpus, &corpus.entities[e])));
    let events = Stream(move || events.iter().map(move |&i| event(corpus, &corpus.events[i])));
    Export { schema: SCHEMA, sources, entities, events }
}

/// The entities an export holds: all of them, or those its events name.
fn kept_entities(corpus: &Corpus, events: &[EventId]) -> Vec<EntityId> {
    if events.len() == corpus.events.len() {
        return corpus.entities.keys().collect();
    }
    let mut keep: TiVec<EntityId, bool> = vec![false; corpus.entities.len()].into();
    for &e in events {
        corpus.events[e].actors.iter().for_each(|&a| keep[a] = true);
    }
    keep.iter_enumerated().filter(|(_, &kept)| kept).map(|(a, _)| a).collect()
}

fn entity<'a>(corpus: &'a Corpus, e: &'a Entity) -> impl Serialize + 'a {
    EntityOut {
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
    }
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

/// Writes the corpus, with these events, as pretty-printed `annals/1` JSON:
/// byte for byte what serde_json writes of [`document`], but with the
/// items of each list rendered on all cores, a chunk at a time, and
/// written in order (one core wrote 2.4 GB for a gigabyte's corpus).
pub fn write(corpus: &Corpus, events: &[EventId], out: impl Write) -> io::Result<()> {
    write_in_chunks(corpus, events, &Layer::default(), out, CHUNK_WEIGHT)
}

/// [`write`], with the analyst's `notes` on these events (and those attached to nothing).
pub fn write_with_notes(corpus: &Corpus, events: &[EventId], notes: &Layer, out: impl Write) -> io::Result<()> {
    write_in_chunks(corpus, events, notes, out, CHUNK_WEIGHT)
}

/// [`write_with_notes`], with chunks of `chunk` (tests take small ones).
fn write_in_chunks(
    corpus: &Corpus,
    events: &[EventId],
    notes: &Layer,
    out: impl Write,
    chunk: usize,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    write!(out, "{{\n  \"schema\": \"{SCHEMA}\",\n  \"sources\": ")?;
    write_list(&mut out, &corpus.sources.raw, chunk, |_| 1, source)?;
    out.write_all(b",\n  \"entities\": ")?;
    let entities = kept_entities(corpus, events);
    let mentions = |&e: &EntityId| 1 + corpus.entities[e].mentions.len();
    write_list(&mut out, &entities, chunk, mentions, |&e| entity(corpus, &corpus.entities[e]))?;
    out.write_all(b",\n  \"events\": ")?;
    let claims = |&e: &EventId| 1 + corpus.events[e].claims.len();
    write_list(&mut out, events, chunk, claims, |&e| event(corpus, &corpus.events[e]))?;
    let kept = notes.kept(events);
    if !kept.is_empty() {
        out.write_all(b",\n  \"notes\": ")?;
        write_list(&mut out, &kept, chunk, |_| 1, |&n| note(corpus, n))?;
    }
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// How much of a list is rendered at once and held until written: about
/// this many mentions or claims.
const CHUNK_WEIGHT: usize = 1 << 16;

/// A list that is the value of a top-level key, as serde_json's pretty
/// printer lays it out: each item on its own lines, two levels in. Items
/// are rendered a chunk of about `chunk` in `weight` at a time on all
/// cores; an item heavier than that (a country named a million times) is
/// written as it is rendered, so that it is never held whole.
fn write_list<'a, T: Sync, S: Serialize>(
    out: &mut impl Write,
    items: &'a [T],
    chunk: usize,
    weight: impl Fn(&T) -> usize,
    render: impl Fn(&'a T) -> S + Sync,
) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let mut first = true;
    let mut next = |out: &mut dyn Write| out.write_all(if std::mem::take(&mut first) { b"\n    " } else { b",\n    " });
    let mut rest = items;
    while !rest.is_empty() {
        let mut total = 0;
        let len = rest.iter().take_while(|item| {
            total += weight(item);
            total <= chunk
        });
        let (chunk, after) = rest.split_at(len.count().max(1));
        rest = after;
        if let [item] = chunk {
            next(out)?;
            write_indented(out, &render(item))?;
            continue;
        }
        let rendered: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|item| {
                let mut buf = Vec::new();
                write_indented(&mut buf, &render(item)).expect("the export is plain data");
                buf
            })
            .collect();
        for item in rendered {
            next(out)?;
            out.write_all(&item)?;
        }
    }
    out.write_all(b"\n  ]")
}

/// `value` pretty-printed as an item of a top-level list.
fn write_indented(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    // Buffered before it is indented: serde_json writes a token at a time.
    let mut indented = io::BufWriter::with_capacity(1 << 13, Indented(out));
    serde_json::to_writer_pretty(&mut indented, value)?;
    indented.flush()
}

/// Writes through, each line after the first two levels further in: an
/// item of a top-level list, pretty-printed on its own. A JSON string
/// holds no raw line break, so every one begins a line.
struct Indented<W>(W);

impl<W: Write> Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = memchr::memchr(b'\n', rest) {
            self.0.write_all(&rest[..=at])?;
            self.0.write_all(b"    ")?;
            rest = &rest[at + 1..];
        }
        self.0.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// The export as a JSON value (for tests and snapshots).
pub fn to_value(corpus: &Corpus) -> serde_json::Value {
    let all: Vec<EventId> = corpus.events.keys().collect();
    serde_json::to_value(document(corpus, &all)).expect("the export is plain data")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list-by-list writer writes what serde_json writes of the whole
    /// document: every list, a filtered one and an empty one, in chunks of
    /// many items, of one, and one item heavier than a chunk.
    #[test]
    fn written_byte_for_byte_as_serde_json_writes_the_document() {
        let mut inputs = crate::ingest::bundled_inputs();
        inputs.extend(crate::synth::corpus(400_000, 20_000, 3));
        let (corpus, _) = crate::pipeline::Pipeline::bundled().build("mixed", inputs, Vec::new());
        let all: Vec<EventId> = corpus.events.keys().collect();
        let some: Vec<EventId> = all.iter().copied().filter(|e| e.index() % 3 == 0).collect();
        let heaviest = corpus.entities.iter().map(|e| e.mentions.len()).max().unwrap_or(0);
        assert!(all.len() > 500 && heaviest > 200, "lists longer than a chunk, an entity heavier");
        for chunk in [1, 200, CHUNK_WEIGHT] {
            for events in [&all[..], &some[..], &[]] {
                let mut ours = Vec::new();
                write_in_chunks(&corpus, events, &Layer::default(), &mut ours, chunk).expect("written");
                let mut theirs = serde_json::to_vec_pretty(&document(&corpus, events)).expect("serialised");
                theirs.push(b'\n');
                assert!(ours == theirs, "chunks of {chunk}, {} events: the writers differ", events.len());
            }
        }
    }
}
