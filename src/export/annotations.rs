//! W3C Web Annotations (www.w3.org/TR/annotation-model), as JSON-LD: an
//! AnnotationCollection with one annotation per claim. Each targets its
//! source file (a `file:` IRI; the path as given in `annals:path`) with a
//! TextQuoteSelector and a TextPositionSelector of the file's text as any
//! tool decodes it (markup and all, so that a generic tool finds the quote
//! in the file), and a DataPositionSelector of the claim's byte span. The
//! clean quote is in the body. A file that can no longer be read as it was
//! gets no text selectors: the bytes still place the claim.

use super::Stream;
use crate::model::{ClaimId, Corpus, Event, EventId, Resolution, Source, SourceId, TiVec};
use crate::notes::{Layer, Note, Placed};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

/// Characters of context on each side in a TextQuoteSelector.
pub const CONTEXT: usize = 32;

/// A source file's text as a generic tool reads it: its bytes decoded,
/// and the map from that text back to the bytes.
struct FileText {
    text: String,
    /// Decoded text to raw bytes; `None` when the file is UTF-8 as stored.
    map: Option<crate::model::OffsetMap>,
    /// Code points before each byte offset the claims need, counted in one pass.
    code_points: HashMap<usize, usize>,
}

impl FileText {
    /// The file of `source` as it was read (`bundled`, or on disk with the
    /// same size), ready to select the raw byte `spans`.
    fn read(source: &Source, bundled: Option<&[u8]>, spans: &[Range<usize>]) -> Option<FileText> {
        let on_disk;
        let bytes: &[u8] = match bundled {
            Some(b) => b,
            None => {
                on_disk = std::fs::read(&source.path).ok()?;
                &on_disk
            }
        };
        if bytes.len() != source.raw_len {
            return None;
        }
        let decoded = crate::ingest::decode::decode(bytes).ok()?;
        let mut file = FileText { text: decoded.text, map: decoded.map, code_points: HashMap::new() };
        let offsets = spans.iter().flat_map(|s| {
            let r = file.range(s.clone());
            [r.start, r.end]
        });
        file.code_points = code_points(&file.text, offsets.collect());
        Some(file)
    }

    /// The text's range for a raw byte span.
    fn range(&self, raw: Range<usize>) -> Range<usize> {
        match &self.map {
            Some(map) => map.out_start(raw.start)..map.out_end(raw.end),
            None => raw,
        }
    }

    fn selectors(&self, raw: Range<usize>) -> [Value; 2] {
        let r = self.range(raw);
        let (before, after) = (&self.text[..r.start], &self.text[r.end..]);
        let prefix_start = before.char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
        let suffix_end = after.char_indices().nth(CONTEXT).map_or(after.len(), |(i, _)| i);
        [
            json!({
                "type": "TextQuoteSelector",
                "exact": &self.text[r.clone()],
                "prefix": &before[prefix_start..],
                "suffix": &after[..suffix_end],
            }),
            json!({"type": "TextPositionSelector", "start": self.code_points[&r.start], "end": self.code_points[&r.end]}),
        ]
    }
}

/// Code-point offsets of the given byte offsets of `text`, in one pass.
fn code_points(text: &str, mut offsets: Vec<usize>) -> HashMap<usize, usize> {
    offsets.sort_unstable();
    offsets.dedup();
    let mut out = HashMap::with_capacity(offsets.len());
    let (mut byte, mut count) = (0, 0);
    for offset in offsets {
        count += text[byte..offset].chars().count();
        byte = offset;
        out.insert(offset, count);
    }
    out
}

/// The bundled bytes of a source of the bundled corpus (`seeds`, as
/// `assets::bundled_seeds` gives them).
fn bundled_bytes(source: &Source, seeds: &[(&str, &'static [u8])]) -> Option<&'static [u8]> {
    let name = source.path.strip_prefix("seeds/")?;
    seeds.iter().find(|(n, b)| *n == name && b.len() == source.raw_len).map(|(_, b)| *b)
}

/// The source as an IRI: `file:` of its absolute path, or a URN for a
/// `bundled` document, which is in the program, not on disk.
fn iri(source: &Source, bundled: bool) -> String {
    if bundled {
        return format!("urn:annals:bundled:{}", source.path);
    }
    let path = std::fs::canonicalize(&source.path).or_else(|_| std::path::absolute(&source.path));
    let path = path.unwrap_or_else(|_| source.path.clone().into());
    let path = path.to_string_lossy().replace('\\', "/");
    let path = if path.starts_with('/') { path } else { format!("/{path}") };
    format!("file://{}", percent_encoding::utf8_percent_encode(&path, PATH))
}

/// What a `file:` IRI's path escapes: controls, space and the characters
/// that delimit other parts of an IRI.
const PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// The collection, its keys in the order JSON objects are written here (sorted).
#[derive(Serialize)]
struct Collection<I> {
    #[serde(rename = "@context")]
    context: Value,
    first: Page<I>,
    id: &'static str,
    label: String,
    total: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Page<I> {
    items: I,
    #[serde(rename = "startIndex")]
    start_index: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

pub fn write(corpus: &Corpus, events: &[EventId], out: impl Write) -> io::Result<()> {
    write_with_notes(corpus, events, &Layer::default(), out)
}

/// The claims' annotations, then the analyst's: corrections (motivation
/// `editing`: a claim dated by the analyst among these events, a sentence
/// said to be no claim in any source), notes and marks (`commenting`,
/// `highlighting`) on these events and those attached to nothing.
pub fn write_with_notes(corpus: &Corpus, events: &[EventId], layer: &Layer, out: impl Write) -> io::Result<()> {
    let mut spans: TiVec<SourceId, Vec<Range<usize>>> = vec![Vec::new(); corpus.sources.len()].into();
    for &c in events.iter().flat_map(|&e| &corpus.events[e].claims) {
        let claim = &corpus.claims[c];
        spans[claim.source].push(corpus.claim_bytes(claim));
    }
    let redated: Vec<(&Event, ClaimId)> = (events.iter().map(|&e| &corpus.events[e]))
        .flat_map(|e| e.claims.iter().map(move |&c| (e, c)))
        .filter(|&(_, c)| corpus.claims[c].resolved == Resolution::User)
        .collect();
    let rejected: Vec<(SourceId, Range<usize>)> = (corpus.sources.iter_enumerated())
        .flat_map(|(id, s)| s.rejected.iter().map(move |r| (id, s.raw_span(r.clone()))))
        .collect();
    for (s, span) in &rejected {
        spans[*s].push(span.clone());
    }
    let kept = layer.kept(events);
    for (s, span) in kept.iter().filter_map(|(_, p)| placed_span(corpus, p)) {
        spans[s].push(span);
    }
    let targets = Targets::new(corpus, &spans);
    // One annotation at a time: the collection is written as it is made.
    let items = Stream(|| {
        let claims = events.iter().map(|&e| &corpus.events[e]);
        let claims = claims.flat_map(|event| event.claims.iter().map(|&c| targets.claim(event, c)));
        let redated = redated.iter().map(|&(event, c)| targets.redated(event, c));
        let rejected = rejected.iter().map(|(s, span)| targets.rejected(*s, span.clone()));
        claims.chain(redated).chain(rejected).chain(kept.iter().map(|(note, placed)| targets.note(note, placed)))
    });
    let claims: usize = events.iter().map(|&e| corpus.events[e].claims.len()).sum();
    let total = claims + redated.len() + rejected.len() + kept.len();
    let collection = Collection {
        context: json!(["http://www.w3.org/ns/anno.jsonld", {"annals": "urn:annals:terms:"}]),
        first: Page { items, start_index: 0, kind: "AnnotationPage" },
        id: "urn:annals:collection",
        label: format!("{}: dated claims", corpus.name),
        total,
        kind: "AnnotationCollection",
    };
    let mut out = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &collection)?;
    writeln!(out)?;
    out.flush()
}

/// Where a note's passage is now: its source and bytes, if it is placed.
fn placed_span(corpus: &Corpus, placed: &Placed) -> Option<(SourceId, Range<usize>)> {
    placed.source.zip(placed.bytes(corpus))
}

/// What annotations point at: each quoted source's IRI and, where its
/// file still reads as it did, its text for the text selectors.
struct Targets<'c> {
    corpus: &'c Corpus,
    of_source: TiVec<SourceId, Option<(String, Option<FileText>)>>,
}

impl<'c> Targets<'c> {
    /// Only the sources with `spans` are looked for, on disk or bundled, once each.
    fn new(corpus: &'c Corpus, spans: &TiVec<SourceId, Vec<Range<usize>>>) -> Self {
        let seeds = crate::assets::bundled_seeds();
        let of_source = (corpus.sources.iter().zip(spans))
            .map(|(s, spans)| {
                let bundled = (!spans.is_empty()).then(|| bundled_bytes(s, &seeds))?;
                Some((iri(s, bundled.is_some()), FileText::read(s, bundled, spans)))
            })
            .collect();
        Targets { corpus, of_source }
    }

    /// The source's IRI, and the selectors of `span` (bytes of its file) in it.
    fn selectors(&self, s: SourceId, span: Range<usize>) -> (&str, Vec<Value>) {
        let (iri, file) = self.of_source[s].as_ref().expect("an annotated source has a target");
        let mut selector: Vec<Value> = file.iter().flat_map(|f| f.selectors(span.clone())).collect();
        selector.push(json!({"type": "DataPositionSelector", "start": span.start, "end": span.end}));
        (iri, selector)
    }

    fn target(&self, s: SourceId, span: Range<usize>) -> Value {
        let (iri, selector) = self.selectors(s, span);
        json!({"source": iri, "annals:path": self.corpus.sources[s].path, "selector": selector})
    }

    /// A claim of `event`, described by its date, kind and title, its
    /// quote and its actors.
    fn claim(&self, event: &Event, c: ClaimId) -> Value {
        let corpus = self.corpus;
        let claim = &corpus.claims[c];
        let source = &corpus.sources[claim.source];
        let span = corpus.claim_bytes(claim);
        let actors: Vec<Value> = claim
            .actors
            .iter()
            .map(|&a| json!({"type": "TextualBody", "purpose": "identifying", "value": corpus.entities[a].name}))
            .collect();
        let mut body = vec![
            json!({
                "type": "TextualBody",
                "purpose": "describing",
                "format": "text/plain",
                "value": format!("{} ({}): {}", claim.date.display(), event.kind, event.title),
            }),
            json!({"type": "TextualBody", "purpose": "tagging", "value": event.kind}),
            json!({"type": "TextualBody", "purpose": "commenting", "annals:quote": true, "value": corpus.claim_text(claim).trim()}),
        ];
        body.extend(actors);
        json!({
            "id": format!("urn:annals:{}:{}-{}", source.id, span.start, span.end),
            "type": "Annotation",
            "motivation": "describing",
            "annals:event": event.id,
            "annals:date": claim.date.value,
            "body": body,
            "target": self.target(claim.source, span),
        })
    }

    /// A claim the analyst dated.
    fn redated(&self, event: &Event, c: ClaimId) -> Value {
        let claim = &self.corpus.claims[c];
        let span = self.corpus.claim_bytes(claim);
        let id = format!("urn:annals:{}:{}-{}:redated", self.corpus.sources[claim.source].id, span.start, span.end);
        let said = format!("dated {} by the analyst ([[redate]] in annals.toml)", claim.date.value);
        let mut annotation = editing(id, said, self.target(claim.source, span));
        annotation["annals:event"] = json!(event.id);
        annotation
    }

    /// A sentence the analyst said is no claim.
    fn rejected(&self, s: SourceId, span: Range<usize>) -> Value {
        let id = format!("urn:annals:{}:{}-{}:rejected", self.corpus.sources[s].id, span.start, span.end);
        editing(id, "not a claim ([[reject]] in annals.toml)".to_string(), self.target(s, span))
    }

    /// A note or mark: its passage as written on, and where it is now.
    fn note(&self, note: &Note, placed: &Placed) -> Value {
        let mut selector = vec![json!({
            "type": "TextQuoteSelector",
            "exact": note.anchor.exact,
            "prefix": note.anchor.prefix,
            "suffix": note.anchor.suffix,
            "annals:of": "clean text, as written on",
        })];
        let mut target = json!({"annals:path": note.source});
        if let Some((s, span)) = placed_span(self.corpus, placed) {
            let (iri, found) = self.selectors(s, span);
            target["source"] = json!(iri);
            selector = found;
        }
        target["selector"] = json!(selector);
        let mut annotation = json!({
            "id": note.id,
            "type": "Annotation",
            "motivation": note.motivation.as_str(),
            "annals:status": placed.placement.status(),
            "created": note.created,
            "modified": note.modified,
            "target": target,
        });
        if let Some(e) = placed.event {
            annotation["annals:event"] = json!(self.corpus.events[e].id);
        }
        if let Some(body) = &note.body {
            annotation["body"] = json!({"type": "TextualBody", "format": "text/plain", "value": body});
        }
        annotation
    }
}

/// A correction by the analyst, as an annotation `editing` its target.
fn editing(id: String, said: String, target: Value) -> Value {
    json!({
        "id": id,
        "type": "Annotation",
        "motivation": "editing",
        "body": {"type": "TextualBody", "format": "text/plain", "value": said},
        "target": target,
    })
}
