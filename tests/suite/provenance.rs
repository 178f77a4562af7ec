//! The provenance contract of ARCHITECTURE.md, on every corpus the tests load.

use crate::common;

use annals::ingest::Input;
use common::*;
use proptest::prelude::*;

#[test]
fn bundled_corpus_keeps_the_contract() {
    let corpus = bundled();
    assert_eq!(corpus.sources.len(), 5);
    assert!(corpus.claims.len() >= 60);
    assert_provenance(&corpus, &annals::ingest::bundled_inputs());
}

#[test]
fn fixture_documents_keep_the_contract() {
    let inputs = fixture_inputs();
    let corpus = build(inputs.clone());
    assert_eq!(corpus.sources.len(), 4);
    assert_provenance(&corpus, &inputs);
}

/// Text taken from a PDF: its running footers and a page number inside a
/// sentence are left out of the clean text, and its ligatures spelled out;
/// every span still cleans to its text through the offset map.
#[test]
fn text_taken_from_a_pdf_keeps_the_contract() {
    let filler = "Mali's government and its partners met again in Bamako, and the donors met too. ".repeat(6);
    let pages = [
        format!("{filler}After the March 2012 coup, the Oﬃce of the Spokesperson said the State Department restored"),
        format!("assistance after elections in August 2013, when Ibrahim Boubacar Keïta won. {filler}"),
        format!("{filler}In 2020 a second coup ﬁnally led to new restrictions on\n\n12\n\naid to Mali."),
    ];
    let text: String = (pages.iter().enumerate())
        .map(|(i, page)| format!("{page}\n\nCongressional Research Service                    {}\n\n", i + 1))
        .collect();
    let inputs = vec![Input { path: "crs.txt".into(), bytes: text.into_bytes() }];
    let corpus = build(inputs.clone());
    let source = &corpus.sources[annals::model::SourceId::from(0)];
    assert!(!source.text.contains("Congressional Research Service"), "the footers are left out");
    assert!(source.text.contains("Office of the Spokesperson") && source.text.contains("restrictions on\naid"));
    assert!(corpus.claims.len() >= 3);
    assert_provenance(&corpus, &inputs);
}

/// The command line reads files lazily, on all cores, and lets their bytes
/// go: the corpus is the same as from files read up front.
#[test]
fn development_sets_keep_the_contract() {
    for set in ["dev-gov", "dev-wiki"] {
        let (inputs, failures) =
            annals::ingest::read_paths(&[fixtures().join(set).join("docs")], annals::ingest::DEFAULT_MAX_BYTES);
        assert!(failures.is_empty() && inputs.len() == 4, "{set}: {failures:?}");
        let corpus = build(inputs.clone());
        assert!(corpus.claims.len() >= 40, "{set}");
        assert_provenance(&corpus, &inputs);
    }
}

#[test]
fn files_read_as_they_are_extracted_give_the_same_corpus() {
    use annals::export::json;
    let folders = [fixtures().join("docs"), fixtures().join("hostile")];
    let (inputs, read_failures) = annals::ingest::read_paths(&folders, annals::ingest::DEFAULT_MAX_BYTES);
    let (eager, eager_failures) = PIPELINE.build("test", inputs.clone(), read_failures);
    assert_provenance(&eager, &inputs);
    let (files, missing) = annals::ingest::find_documents(&folders, &|_| false);
    let watch = annals::pipeline::Watch::default();
    let annals::pipeline::Built { corpus: lazy, failures, .. } =
        PIPELINE.build_files("test", files.clone(), annals::ingest::DEFAULT_MAX_BYTES, missing, &watch);
    assert_eq!(watch.done.into_inner(), files.len(), "every file is counted once");
    let paths = |f: &[annals::ingest::Failure]| {
        let mut p: Vec<String> = f.iter().map(|f| f.path.clone()).collect();
        p.sort();
        p
    };
    assert_eq!(paths(&failures), paths(&eager_failures), "the same files refused");
    let export = |corpus: &annals::model::Corpus| {
        let mut out = Vec::new();
        let events: Vec<_> = corpus.events.keys().collect();
        json::write(corpus, &events, &mut out).unwrap();
        out
    };
    assert!(export(&eager) == export(&lazy), "the same export byte for byte");
}

#[test]
fn other_encodings_keep_the_contract() {
    let inputs = encoded_inputs();
    let corpus = build(inputs.clone());
    assert_eq!(corpus.sources.len(), 5);
    assert_provenance(&corpus, &inputs);
    for s in &corpus.sources {
        assert!(s.text.contains("Bamako"), "{}: {}", s.path, s.text);
        assert!(!s.text.contains('\r'));
    }
    let latin = corpus.sources.iter().find(|s| s.path.ends_with("latin1.txt")).unwrap();
    assert!(latin.text.contains("président"), "{}", latin.encoding);
    let values: Vec<&str> = corpus
        .claims
        .iter()
        .filter(|c| corpus.sources[c.source].path.contains("utf16le"))
        .map(|c| c.date.value.as_str())
        .collect();
    assert_eq!(values, ["1960", "2021-05-24"]);
}

#[test]
fn the_cable_date_keeps_its_markup_in_the_raw_span() {
    let corpus = bundled();
    let cable = corpus.sources.iter_enumerated().find(|(_, s)| s.id.starts_with("004")).unwrap().0;
    let claim = corpus.claims.iter().find(|c| c.source == cable && c.date.value == "2009-11-26").unwrap();
    let file = &annals::ingest::bundled_inputs()[cable.index()].bytes;
    let raw = &file[corpus.date_bytes(claim)];
    assert_eq!(raw, b"November  ] 26");
}

/// Pieces a mutation inserts: markup of every kind, controls, mojibake,
/// broken bytes and dates.
const PIECES: &[&[u8]] = &[
    b"[PER ",
    b"  ]",
    b"[ORG Bamako November  ] 26",
    b"<a href='#x'>",
    b"</a>",
    b"<pre>",
    b"&amp;",
    b"&#8217;",
    b"**",
    b"_",
    b"`",
    b"[link](http://x/2019.html)",
    b"![img](a.png)",
    b"{.c}",
    b"\n# ",
    b"\n- ",
    b"\n---\n",
    b"\x1b[31m",
    b"\x1b]52;c;aGk=\x07",
    b"\xc2\x9b",
    b"\xe2\x80\xae",
    b"\xe2\x80\x8b",
    b"\t",
    b"\r",
    b"\r\n",
    b"\xff",
    b"\xc3",
    b"\x00",
    "Maliís ďgoalĒ".as_bytes(),
    b" 24 May 2021 ",
    b" FY 2016-2020 ",
    b" in January ",
    b" On November 27 ",
    b" 2008 BAMAKO 217 ",
    b" President Keita ",
    b" (AQIM) ",
    b"DECL: 11/30/2019",
];

fn mutate(base: &[u8], edits: &[(usize, usize, bool)]) -> Vec<u8> {
    let mut doc = base.to_vec();
    for &(at, piece, delete) in edits {
        let at = at % (doc.len() + 1);
        if delete && at < doc.len() {
            doc.remove(at);
        } else {
            let p = PIECES[piece % PIECES.len()];
            doc.splice(at..at, p.iter().copied());
        }
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn mutated_documents_keep_the_contract(
        seed in 0usize..5,
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<bool>()), 1..40),
    ) {
        let seeds = annals::ingest::bundled_inputs();
        let base = &seeds[seed].bytes[..seeds[seed].bytes.len().min(3000)];
        let bytes = mutate(base, &edits);
        let inputs = vec![Input { path: "mutated.txt".into(), bytes }];
        let corpus = build(inputs.clone());
        assert_provenance(&corpus, &inputs);
    }
}
