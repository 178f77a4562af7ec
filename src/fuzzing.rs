//! What the fuzz targets run, kept in the library so that the regression
//! corpus under `fuzz/regressions/` runs as ordinary tests too. Each
//! function panics when an invariant breaks; that is how a fuzzer sees it.

use crate::assets::{Assets, CorpusFile};
use crate::extract::timex::Tagger;
use crate::ingest::Input;
use crate::pipeline::Pipeline;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::bundled);

/// The file names a fuzz input may take: the first byte picks one, so that
/// the HTML and Markdown readers are reached as well as plain text.
const NAMES: &[&str] = &["doc.txt", "page.html", "notes.md", "cable"];

/// Bytes → source → claims → events, then the provenance contract.
pub fn pipeline(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let path = NAMES[pick as usize % NAMES.len()].to_string();
    let input = Input { path, bytes: bytes.to_vec() };
    let (corpus, failures) = PIPELINE.build("fuzz", vec![input.clone()], Vec::new());
    assert_eq!(corpus.sources.len() + failures.len(), 1, "the input is either loaded or refused");
    let errors = corpus.provenance_errors([(input.path.as_str(), input.bytes.as_slice())]);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    for event in &corpus.events {
        assert!(!event.claims.is_empty() && event.claims.iter().all(|&c| corpus.claims.get(c).is_some()));
        assert!(event.date.start <= event.date.end);
    }
}

static TAGGER: LazyLock<Tagger> = LazyLock::new(|| {
    let assets = crate::assets::Assets::bundled();
    Tagger::new(&assets.lexicon.rules.count_nouns)
});

/// The date tagger alone on any text: ranges in order, inside the text, on
/// character boundaries, and dates that start before they end.
pub fn timex(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let found = TAGGER.find(&text);
    let mut previous_end = 0;
    for t in &found {
        assert!(previous_end <= t.range.start && t.range.start < t.range.end && t.range.end <= text.len());
        assert!(text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end));
        previous_end = t.range.end;
    }
    let document_date = crate::model::DateValue::day(2009, 11, 30);
    for date in [None, document_date.as_ref()] {
        let layout = crate::extract::timex::Layout { text: &text, sentences: &[], headings: &[] };
        for (value, _) in crate::extract::timex::resolve(&found, date, &layout).into_iter().flatten() {
            assert!(value.start <= value.end, "{value:?}");
        }
    }
}

/// A folder's `annals.toml` (and the user's own config) from any text: a bad
/// file is refused with a message; a good one is merged over the bundled
/// assets, and the text itself, read as a document with those assets, keeps
/// the provenance contract (the names it defines are where they stand).
pub fn corpus_file(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = crate::tui::config::parse(&text, "config.toml");
    let _ = crate::assets::corpus_file::without_corrections(data);
    let Ok(file) = CorpusFile::parse(&text, "annals.toml") else {
        return;
    };
    let mut assets = Assets::bundled();
    if assets.merge(file).is_err() {
        return;
    }
    let input = Input { path: "annals.md".into(), bytes: data.to_vec() };
    let (corpus, _) = Pipeline::new(assets).build("fuzz", vec![input.clone()], Vec::new());
    let errors = corpus.provenance_errors([(input.path.as_str(), input.bytes.as_slice())]);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
