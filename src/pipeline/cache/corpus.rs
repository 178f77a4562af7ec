//! The merged corpus of an unchanged set of documents, kept whole: a
//! second open reads it instead of reading and merging every document.
//!
//! An entry is a sequence of frames, each its length, its checksum and a
//! part of the corpus in postcard (some sources, entities, claims or
//! events), closed by a frame that counts them: a reader holds one batch
//! of frames at a time, not the whole entry beside the corpus, and decodes
//! a batch on all cores. A frame that is short, corrupt or missing makes
//! the whole entry unread.

use crate::ingest::Failure;
use crate::model::*;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::io::{Read, Write};
use xxhash_rust::xxh3::xxh3_64;

/// The first bytes of a corpus entry: the format, which a change of layout bumps.
pub const MAGIC: &[u8; 8] = b"annals\x02\x03";
/// The magic, then the key of the documents whose corpus it is.
pub const HEAD: usize = 8 + 16;

/// The key of the documents an entry's `head` says it holds.
pub fn key(head: &[u8; HEAD]) -> u128 {
    u128::from_le_bytes(head[8..].try_into().expect("16 bytes"))
}
/// A frame's length and checksum.
const FRAME_HEADER: usize = 16;
/// About how many bytes of the corpus a frame holds: small enough to hold
/// a batch of them beside the corpus, large enough to be cheap to decode.
const FRAME_BYTES: usize = 4 << 20;
/// How many bytes of frames are encoded or decoded at once, on all cores.
const BATCH_BYTES: usize = 16 << 20;

/// A part of a corpus, as written (borrowed) and as read (owned).
#[derive(Serialize, Deserialize)]
enum Part<'a> {
    /// The first frame: the corpus's name, and how many sources, entities
    /// and claims follow, so that their lists are made to measure.
    Head(Cow<'a, str>, [u64; 3]),
    /// Sources, and their texts (which a source does not serialise).
    Sources(Cow<'a, [Source]>, Vec<Cow<'a, str>>),
    Entities(Cow<'a, [Entity]>),
    Claims(Cow<'a, [Claim]>),
    Events(Cow<'a, [Event]>),
    EntityEvents(Cow<'a, [Vec<EventId>]>),
    Failures(Cow<'a, [Failure]>),
    /// How many events follow.
    EventCount(u64),
    /// The last frame: how many came before it.
    End(u64),
}

/// Writes a corpus as an entry in two parts: its documents (sources,
/// entities, claims) while its events are merged, then its events.
pub struct Writer<W: Write> {
    out: W,
    frames: u64,
}

impl<W: Write> Writer<W> {
    /// An entry of the corpus of the documents `key` names.
    pub fn new(mut out: W, key: u128) -> std::io::Result<Self> {
        out.write_all(MAGIC)?;
        out.write_all(&key.to_le_bytes())?;
        Ok(Writer { out, frames: 0 })
    }

    /// The corpus's name, the `failures` of its build, its sources, entities and claims.
    pub fn documents(&mut self, corpus: &Corpus, failures: &[Failure]) -> std::io::Result<()> {
        let counts = [corpus.sources.len(), corpus.entities.len(), corpus.claims.len()];
        let head = Part::Head(Cow::Borrowed(&corpus.name), counts.map(|n| n as u64));
        let mut parts = vec![head, Part::Failures(Cow::Borrowed(failures))];
        // A source weighs its text; the others are counted at a guess of their size.
        let sources = chunks(&corpus.sources.raw, |s| s.text.len() * 2 + 256);
        parts.extend(
            sources.map(|c| Part::Sources(Cow::Borrowed(c), c.iter().map(|s| Cow::Borrowed(&*s.text)).collect())),
        );
        let entities = chunks(&corpus.entities.raw, |e| e.mentions.len() * 8 + e.folded.len() * 2 + 64);
        parts.extend(entities.map(|c| Part::Entities(Cow::Borrowed(c))));
        let claims = chunks(&corpus.claims.raw, |c| c.actors.len() * 2 + 32);
        parts.extend(claims.map(|c| Part::Claims(Cow::Borrowed(c))));
        self.frames(&parts)
    }

    /// The corpus's events, and the entity's events; the entry is then whole.
    pub fn events(mut self, corpus: &Corpus) -> std::io::Result<W> {
        let mut parts = vec![Part::EventCount(corpus.events.len() as u64)];
        let events = chunks(&corpus.events.raw, |e| e.title.len() + (e.claims.len() + e.actors.len()) * 3 + 32);
        parts.extend(events.map(|c| Part::Events(Cow::Borrowed(c))));
        let entity_events = chunks(&corpus.entity_events.raw, |e| e.len() * 3 + 1);
        parts.extend(entity_events.map(|c| Part::EntityEvents(Cow::Borrowed(c))));
        self.frames(&parts)?;
        self.frames(&[Part::End(self.frames)])?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// Encoded a batch at a time on all cores, written in order.
    fn frames(&mut self, parts: &[Part]) -> std::io::Result<()> {
        for batch in parts.chunks(BATCH_BYTES / FRAME_BYTES) {
            let frames: Vec<Vec<u8>> =
                batch.par_iter().map(postcard::to_stdvec).collect::<Result<_, _>>().map_err(std::io::Error::other)?;
            for frame in frames {
                self.out.write_all(&(frame.len() as u64).to_le_bytes())?;
                self.out.write_all(&xxh3_64(&frame).to_le_bytes())?;
                self.out.write_all(&frame)?;
                self.frames += 1;
            }
        }
        Ok(())
    }
}

/// `items` in runs of about [`FRAME_BYTES`], as `weight` guesses their size.
fn chunks<'a, T>(items: &'a [T], weight: impl Fn(&T) -> usize + 'a) -> impl Iterator<Item = &'a [T]> + 'a {
    let mut rest = items;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (mut n, mut bytes) = (0, 0);
        while n < rest.len() && (n == 0 || bytes < FRAME_BYTES) {
            bytes += weight(&rest[n]);
            n += 1;
        }
        let (chunk, after) = rest.split_at(n);
        rest = after;
        Some(chunk)
    })
}

/// The corpus and failures an entry holds, if it is whole and of this
/// format; `input` is read past its [`HEAD`] and holds `size` bytes more.
pub fn read(input: &mut impl Read, size: u64) -> Option<(Corpus, Vec<Failure>)> {
    let mut left = size;
    // A batch's buffers, reused: fresh ones would be faulted in, page by
    // page, as many bytes again as the entry.
    let mut buffers = Vec::new();
    let mut corpus = Corpus::default();
    let mut failures = Vec::new();
    let mut frames = 0u64;
    loop {
        let batch = read_batch(input, &mut left, &mut buffers)?;
        if batch == 0 {
            return None; // the entry ended before its last frame
        }
        let frames_read = &buffers[..batch];
        let parts: Vec<Part<'static>> =
            frames_read.par_iter().map(|f| postcard::from_bytes(f).ok()).collect::<Option<_>>()?;
        for part in parts {
            match part {
                Part::Head(name, [sources, entities, claims]) => {
                    corpus.name = name.into_owned();
                    corpus.sources.raw.reserve_exact(at_most(sources));
                    corpus.entities.raw.reserve_exact(at_most(entities));
                    corpus.claims.raw.reserve_exact(at_most(claims));
                    corpus.entity_events.raw.reserve_exact(at_most(entities));
                }
                Part::EventCount(events) => corpus.events.raw.reserve_exact(at_most(events)),
                Part::Sources(sources, texts) => {
                    if sources.len() != texts.len() {
                        return None;
                    }
                    let texts = texts.into_iter().map(Cow::into_owned);
                    let sources = sources.into_owned().into_iter().zip(texts);
                    corpus.sources.raw.extend(sources.map(|(source, text)| Source { text, ..source }));
                }
                Part::Entities(e) => corpus.entities.raw.extend(e.into_owned()),
                Part::Claims(c) => corpus.claims.raw.extend(c.into_owned()),
                Part::Events(e) => corpus.events.raw.extend(e.into_owned()),
                Part::EntityEvents(e) => corpus.entity_events.raw.extend(e.into_owned()),
                Part::Failures(f) => failures.extend(f.into_owned()),
                Part::End(count) => {
                    let whole = count == frames && left == 0;
                    return whole.then_some((corpus, failures));
                }
            }
            frames += 1;
        }
    }
}

/// Room to make for a count read from an entry: what it says, within
/// reason, as a damaged count must not allocate at will.
fn at_most(count: u64) -> usize {
    count.min(1 << 24) as usize
}

/// Reads the next frames into `buffers`, whole and checked, up to about
/// [`BATCH_BYTES`]: how many (none at the end of the entry), or nothing if
/// a frame is damaged.
fn read_batch(input: &mut impl Read, left: &mut u64, buffers: &mut Vec<Vec<u8>>) -> Option<usize> {
    let mut batch = 0;
    let mut bytes = 0;
    while bytes < BATCH_BYTES {
        let mut header = [0u8; FRAME_HEADER];
        if *left == 0 {
            break;
        }
        input.read_exact(&mut header).ok()?;
        let length = u64::from_le_bytes(header[..8].try_into().ok()?);
        let checksum = u64::from_le_bytes(header[8..].try_into().ok()?);
        // A length beyond the entry's end is damage, not a size to allocate.
        *left = left.checked_sub(FRAME_HEADER as u64 + length)?;
        if batch == buffers.len() {
            buffers.push(Vec::new());
        }
        let frame = &mut buffers[batch];
        frame.clear();
        frame.reserve(usize::try_from(length).ok()?);
        // Into the buffer's spare room as it is, not zeroed first.
        input.take(length).read_to_end(frame).ok()?;
        if frame.len() as u64 != length || xxh3_64(frame) != checksum {
            return None;
        }
        bytes += frame.len();
        batch += 1;
        if frame.first() == Some(&END_TAG) {
            break;
        }
    }
    Some(batch)
}

/// The first byte of the [`Part::End`] frame: its variant's index.
const END_TAG: u8 = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_frame_starts_with_its_tag() {
        assert_eq!(postcard::to_stdvec(&Part::End(3)).unwrap()[0], END_TAG);
    }
}
