//! Helpers shared by the integration tests.
#![allow(dead_code)]

use annals::ingest::{self, Input};
use annals::model::Corpus;
use annals::pipeline::Pipeline;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

pub static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::bundled);

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn bundled() -> Corpus {
    PIPELINE.build("bundled", ingest::bundled_inputs(), Vec::new()).0
}

pub fn build(inputs: Vec<Input>) -> Corpus {
    PIPELINE.build("test", inputs, Vec::new()).0
}

pub fn fixture_inputs() -> Vec<Input> {
    let (inputs, failures) = ingest::read_paths(&[fixtures().join("docs")], ingest::DEFAULT_MAX_BYTES);
    assert!(failures.is_empty(), "{failures:?}");
    inputs
}

/// Documents in other encodings and layouts, made here because their bytes
/// matter: UTF-16 both ways, Latin-1, a BOM, CRLF line ends.
pub fn encoded_inputs() -> Vec<Input> {
    let text = "Mali and the United States established diplomatic relations in 1960.\nOn 24 May 2021, Colonel Assimi Goïta seized power in Bamako.\n";
    let utf16 = |le: bool| -> Vec<u8> {
        let mut out = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in text.encode_utf16() {
            out.extend(if le { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        out
    };
    let latin1: Vec<u8> = "Le président Amadou Toumani Touré a rencontré le général Ward à Bamako le 27 novembre 2009. Les élections présidentielles ont eu lieu en juillet 2013 après la crise de 2012.\n"
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    vec![
        Input { path: "gen/utf16le.txt".into(), bytes: utf16(true) },
        Input { path: "gen/utf16be.txt".into(), bytes: utf16(false) },
        Input { path: "gen/latin1.txt".into(), bytes: latin1 },
        Input { path: "gen/bom.txt".into(), bytes: bom },
        Input { path: "gen/crlf.txt".into(), bytes: text.replace('\n', "\r\n").into_bytes() },
    ]
}

/// Every claim and mention span lies inside its file, on character
/// boundaries when the file is UTF-8, and cleans to the claim's text.
pub fn assert_provenance(corpus: &Corpus) {
    for claim in &corpus.claims {
        let source = &corpus.sources[claim.source];
        for (span, clean) in [(&claim.span, &claim.sentence), (&claim.date_span, &claim.date_clean)] {
            assert!(
                span.start <= span.end && span.end <= source.raw.len(),
                "{}: span {span:?} outside the file",
                source.path
            );
            if let Ok(raw) = std::str::from_utf8(&source.raw) {
                assert!(
                    raw.is_char_boundary(span.start) && raw.is_char_boundary(span.end),
                    "{}: {span:?} not on char boundaries",
                    source.path
                );
            }
            assert_eq!(
                source.clean_of_raw(span.clone()),
                &source.text[clean.clone()],
                "{}: raw {span:?} does not clean to the text",
                source.path
            );
        }
        assert!(claim.sentence.start <= claim.date_clean.start && claim.date_clean.end <= claim.sentence.end);
    }
    for entity in &corpus.entities {
        for m in &entity.mentions {
            let source = &corpus.sources[m.source];
            assert!(m.raw.end <= source.raw.len());
            assert_eq!(
                source.clean_of_raw(m.raw.clone()),
                &source.text[m.clean.clone()],
                "{}: mention of {}",
                source.path,
                entity.name
            );
        }
    }
}
