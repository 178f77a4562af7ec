//! What this machine gives on one core, on the synthetic corpus: the floor
//! under the whole pipeline (issue 25). Reading the corpus's files; one
//! pass of annals's word tokenizer over the text; the tokenizer with each
//! word folded to ASCII lower case and looked up in a set of 300 000 names;
//! one DFA pass of five date shapes with ASCII word boundaries, and the
//! same shapes with Unicode ones. `cargo bench --bench floor` (10 MB unless
//! `ANNALS_BENCH_MB` says otherwise); against `cargo bench --bench
//! pipeline`, it says which pass could cost what.

use annals::ingest::Input;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use regex_automata::meta::Regex;
use regex_automata::util::syntax;
use rustc_hash::FxHashSet;
use std::time::Duration;

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December";

/// Five shapes of date: `12 March 2014`, `March 12, 2014`, `2014-03-12`,
/// `March 2014`, `2014`.
fn date_shapes() -> [String; 5] {
    [
        format!(r"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b"),
        format!(r"\b(?:{MONTHS}) \d{{1,2}}, \d{{4}}\b"),
        r"\b\d{4}-\d{2}-\d{2}\b".to_string(),
        format!(r"\b(?:{MONTHS}) \d{{4}}\b"),
        r"\b(?:19|20)\d{2}\b".to_string(),
    ]
}

fn dates(unicode: bool) -> Regex {
    let shapes = date_shapes();
    Regex::builder().syntax(syntax::Config::new().unicode(unicode)).build_many(&shapes).expect("date shapes")
}

/// 300 000 names: every word of the corpus, lower case, then made-up ones.
fn names(texts: &[String]) -> FxHashSet<Box<str>> {
    let mut names: FxHashSet<Box<str>> = FxHashSet::default();
    for text in texts {
        for word in annals::text::word_spans(text) {
            names.insert(text[word].to_ascii_lowercase().into());
        }
    }
    let mut n = 0;
    while names.len() < 300_000 {
        names.insert(format!("name{n}").into());
        n += 1;
    }
    names
}

fn floor(c: &mut Criterion) {
    let megabytes: usize = std::env::var("ANNALS_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    let inputs: Vec<Input> = annals::synth::corpus(megabytes << 20, 20_000, 1);
    let texts: Vec<String> = inputs.iter().map(|i| String::from_utf8_lossy(&i.bytes).into_owned()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let folder = tempfile::tempdir().expect("a folder for the corpus");
    let files: Vec<std::path::PathBuf> = (inputs.iter().enumerate())
        .map(|(i, input)| {
            let path = folder.path().join(format!("{i:06}.txt"));
            std::fs::write(&path, &input.bytes).expect("the corpus written");
            path
        })
        .collect();
    let names = names(&texts);
    let (ascii, unicode) = (dates(false), dates(true));
    let mut group = c.benchmark_group("floor");
    group.sample_size(10).measurement_time(Duration::from_secs(10)).throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("read_files", |b| {
        b.iter(|| files.iter().map(|f| std::fs::read(f).map_or(0, |b| b.len())).sum::<usize>())
    });
    group.bench_function("words", |b| {
        b.iter(|| texts.iter().map(|t| annals::text::word_spans(t).count()).sum::<usize>())
    });
    group.bench_function("words_folded_looked_up", |b| {
        let mut folded = String::new();
        b.iter(|| {
            let mut known = 0;
            for text in &texts {
                for word in annals::text::word_spans(text) {
                    folded.clear();
                    folded.push_str(&text[word]);
                    folded.make_ascii_lowercase();
                    known += usize::from(names.contains(folded.as_str()));
                }
            }
            known
        })
    });
    group.bench_function("dates_ascii_dfa", |b| {
        b.iter(|| texts.iter().map(|t| ascii.find_iter(t.as_str()).count()).sum::<usize>())
    });
    group.bench_function("dates_unicode_boundaries", |b| {
        b.iter(|| texts.iter().map(|t| unicode.find_iter(t.as_str()).count()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, floor);
criterion_main!(benches);
