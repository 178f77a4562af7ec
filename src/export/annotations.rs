//! W3C Web Annotations (www.w3.org/TR/annotation-model), as JSON-LD: an
//! AnnotationCollection with one annotation per claim. Each targets its
//! source file with a TextQuoteSelector and a TextPositionSelector (in code
//! points of the clean text, as the model defines them) and a
//! DataPositionSelector holding the claim's byte span in the file.

use super::Stream;
use crate::model::{Claim, ClaimId, Corpus, Event, EventId};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{self, Write};

/// Characters of context on each side in a TextQuoteSelector.
pub const CONTEXT: usize = 32;

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

fn quote_selector(text: &str, claim: &Claim) -> Value {
    let r = &claim.sentence;
    let before = &text[..r.start];
    let prefix_start = before.char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
    let after = &text[r.end..];
    let suffix_end = after.char_indices().nth(CONTEXT).map_or(after.len(), |(i, _)| i);
    json!({
        "type": "TextQuoteSelector",
        "exact": &text[r.clone()],
        "prefix": &before[prefix_start..],
        "suffix": &after[..suffix_end],
    })
}

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
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); corpus.sources.len()];
    for &e in events {
        for &c in &corpus.events[e].claims {
            let claim = &corpus.claims[c];
            wanted[claim.source].extend([claim.sentence.start, claim.sentence.end]);
        }
    }
    let positions: Vec<HashMap<usize, usize>> =
        corpus.sources.iter().zip(wanted).map(|(s, offsets)| code_points(&s.text, offsets)).collect();
    let annotation = |event: &Event, c: ClaimId| {
        let claim = &corpus.claims[c];
        let source = &corpus.sources[claim.source];
        let at = &positions[claim.source];
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
        ];
        body.extend(actors);
        json!({
            "id": format!("urn:annals:{}:{}-{}", source.id, span.start, span.end),
            "type": "Annotation",
            "motivation": "describing",
            "annals:event": event.id,
            "annals:date": claim.date.value,
            "body": body,
            "target": {
                "source": source.path,
                "selector": [
                    quote_selector(&source.text, claim),
                    {"type": "TextPositionSelector", "start": at[&claim.sentence.start], "end": at[&claim.sentence.end]},
                    {"type": "DataPositionSelector", "start": span.start, "end": span.end},
                ],
            },
        })
    };
    // One annotation at a time: the collection is written as it is made.
    let items = Stream(|| {
        events.iter().map(|&e| &corpus.events[e]).flat_map(|event| event.claims.iter().map(|&c| annotation(event, c)))
    });
    let total: usize = events.iter().map(|&e| corpus.events[e].claims.len()).sum();
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
