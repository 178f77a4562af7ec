//! The flow of DESIGN.md: load, extract, assemble, merge, index. Builds an
//! immutable [`Corpus`] from inputs; failures are reported, never fatal.

use crate::assets::Assets;
use crate::extract::claims::{self, KindClassifier};
use crate::extract::curation::Curation;
use crate::extract::entities::{DateContext, DocMention, Resolver};
use crate::extract::sentences::Segmenter;
use crate::extract::timex::{self, Tagger};
use crate::extract::{discover, metadata, sentences};
use crate::ingest::{self, markup, mojibake, Failure, Input, Loaded};
use crate::model::*;
use rayon::prelude::*;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

/// Everything compiled from the assets once, reused for every document.
pub struct Pipeline {
    pub assets: Assets,
    resolver: Resolver,
    tagger: Tagger,
    segmenter: Segmenter,
    classifier: KindClassifier,
    curation: Curation,
}

mod assemble;

use assemble::{Assembler, Clock};

/// What another thread can see of a build while it runs: how many
/// documents are read and, when asked for, a preview of the corpus.
#[derive(Default)]
pub struct Watch {
    pub done: AtomicUsize,
    preview: Option<(Duration, Sender<Corpus>)>,
}

impl Watch {
    /// A watch that also receives, once, the corpus of the documents read
    /// in the first `after` of the build, when seven eighths are still to
    /// come then: a large corpus can be browsed in part while the rest is
    /// read. (A preview costs time and memory while it is shown; a corpus
    /// that is read in a few times `after` is not worth one.)
    pub fn with_preview(after: Duration) -> (Watch, Receiver<Corpus>) {
        let (send, receive) = std::sync::mpsc::channel();
        (Watch { done: AtomicUsize::new(0), preview: Some((after, send)) }, receive)
    }

    /// Whether a preview is wanted now, `read` of `total` documents in.
    fn preview_due(&self, started: Instant, read: usize, total: usize) -> bool {
        self.preview.as_ref().is_some_and(|(after, _)| started.elapsed() >= *after) && read < total / 8
    }
}

/// One document after extraction, before corpus-wide assembly.
struct Extracted {
    source: Source,
    mentions: Vec<DocMention>,
    claims: Vec<Claim>,
}

/// Dates known in a document, to tell namesakes apart.
struct DocDates<'a> {
    sentences: &'a [Range<usize>],
    points: Vec<(usize, DateValue)>,
}

impl DateContext for DocDates<'_> {
    fn date_at(&self, offset: usize) -> Option<DateValue> {
        // Both lists are in text order: binary searches, not scans.
        let at = self.sentences.partition_point(|s| s.end <= offset);
        if let Some(s) = self.sentences.get(at).filter(|s| s.start <= offset) {
            let first = self.points.partition_point(|(p, _)| *p < s.start);
            if let Some((_, d)) = self.points.get(first).filter(|(p, _)| *p < s.end) {
                return Some(d.clone());
            }
        }
        let before = self.points.partition_point(|(p, _)| *p < offset);
        before.checked_sub(1).map(|i| self.points[i].1.clone())
    }
}

/// Where a document says who wrote it and when (a header, front matter, a
/// byline), in bytes of clean text: a line there that only dates
/// something dates the document; further on, a line `2012` is a heading.
const DOCUMENT_HEAD: usize = 3000;

/// What compiles each extractor's patterns, in two lots of about equal
/// cost (7 and 6 ms), each in the order a document needs them: compiled on
/// first use they took most of a small corpus's start, and a thread for
/// each contended for two cores (a third more CPU time).
const COMPILERS: [&[fn()]; 2] = [
    &[markup::compile_patterns, mojibake::compile_patterns, metadata::compile_patterns, timex::compile_patterns],
    &[sentences::compile_patterns, discover::compile_patterns, claims::compile_patterns],
];

/// Starts compiling the extractors' patterns on threads of their own, once.
/// The first screen waits on them, so the sooner the better: call it before
/// reading the assets. Whatever needs a pattern before it is ready waits
/// for it (or compiles it, if no thread could be started).
pub fn precompile() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        for lot in COMPILERS {
            let _ = std::thread::Builder::new().name("annals-compile".into()).spawn(|| lot.iter().for_each(|c| c()));
        }
    });
}

impl Pipeline {
    /// Builds the asset-made matchers on this thread while the extractors'
    /// patterns compile on others ([`precompile`]); documents start on
    /// their way at once and wait, if need be, for the patterns they use.
    pub fn new(assets: Assets) -> Self {
        precompile();
        let rules = &assets.lexicon.rules;
        Pipeline {
            resolver: Resolver::new(&assets.gazetteer, rules),
            tagger: Tagger::new(&rules.count_nouns),
            segmenter: Segmenter::new(&rules.abbreviations, &rules.sentence_starters),
            classifier: KindClassifier::new(&assets.lexicon.kinds),
            curation: Curation::new(&assets.manifest.merges, &assets.manifest.splits, &assets.gazetteer),
            assets,
        }
    }

    pub fn bundled() -> Self {
        Pipeline::new(Assets::bundled())
    }

    /// Builds the corpus from inputs; inputs that cannot be loaded join
    /// `failures`. Documents are read on all cores; the result is the same,
    /// byte for byte, whatever the number of threads.
    pub fn build(&self, name: &str, inputs: Vec<Input>, failures: Vec<Failure>) -> (Corpus, Vec<Failure>) {
        self.build_watched(name, inputs, failures, &Watch::default())
    }

    /// As [`Pipeline::build`], watched from another thread.
    pub fn build_watched(
        &self,
        name: &str,
        inputs: Vec<Input>,
        failures: Vec<Failure>,
        watch: &Watch,
    ) -> (Corpus, Vec<Failure>) {
        self.build_from(name, inputs, Ok, failures, watch)
    }

    /// Builds the corpus from files, each read when a core is free for it
    /// and its bytes let go once extracted: memory holds the clean texts,
    /// not the files.
    pub fn build_files(
        &self,
        name: &str,
        files: Vec<PathBuf>,
        max_bytes: u64,
        failures: Vec<Failure>,
        watch: &Watch,
    ) -> (Corpus, Vec<Failure>) {
        self.build_from(name, files, |path| ingest::read_file(&path, max_bytes), failures, watch)
    }

    /// Extracts documents a chunk at a time on all cores while the previous
    /// chunk is assembled on its own thread, in order: the result does not
    /// depend on the number of threads, and only a chunk's intermediate
    /// results are held at once.
    fn build_from<T: Send>(
        &self,
        name: &str,
        items: Vec<T>,
        read: impl Fn(T) -> Result<Input, Failure> + Sync,
        mut failures: Vec<Failure>,
        watch: &Watch,
    ) -> (Corpus, Vec<Failure>) {
        const CHUNK: usize = 64;
        let mut clock = Clock::start();
        let started = Instant::now();
        let total = items.len();
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Result<Extracted, Failure>>>(1);
        let assembled = std::thread::scope(|scope| {
            if total >= timex::SPEED_UP_FROM {
                scope.spawn(timex::speed_up);
            }
            let assembler = scope.spawn(move || {
                let mut assembler = Assembler::new(name, &self.assets);
                let mut failed = Vec::new();
                let mut previewed = false;
                for chunk in receive {
                    for result in chunk {
                        match result {
                            Ok(doc) => assembler.add(doc),
                            Err(f) => failed.push(f),
                        }
                    }
                    let read = assembler.len() + failed.len();
                    if !previewed && assembler.len() > 0 && watch.preview_due(started, read, total) {
                        previewed = true;
                        if let Some((_, send)) = &watch.preview {
                            // Finished on a thread of its own: assembling goes on meanwhile.
                            let preview = assembler.preview();
                            scope.spawn(move || {
                                let _ = send.send(preview.finish());
                            });
                        }
                    }
                }
                (assembler, failed)
            });
            let mut items = items.into_iter();
            loop {
                let chunk: Vec<T> = items.by_ref().take(CHUNK).collect();
                if chunk.is_empty() {
                    break;
                }
                let results = chunk
                    .into_par_iter()
                    .map(|item| {
                        let result = read(item).and_then(ingest::load).map(|loaded| self.extract(loaded));
                        watch.done.fetch_add(1, Ordering::Relaxed);
                        result
                    })
                    .collect();
                if send.send(results).is_err() {
                    break; // the assembler is gone: its panic is resumed below
                }
            }
            drop(send);
            assembler.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        let (assembler, failed) = assembled;
        failures.extend(failed);
        clock.lap("read, extract and number documents");
        (assembler.finish(clock), failures)
    }

    /// One document, on its own; its claims get their source id when assembled.
    fn extract(&self, loaded: Loaded) -> Extracted {
        let Loaded { input, encoding, cleaned, mut map, mut warnings, .. } = loaded;
        warnings.extend(cleaned.warnings());
        // Built by appending, these hold up to twice their length; a corpus keeps them all.
        let mut text = cleaned.text;
        text.shrink_to_fit();
        map.outer.shrink_to_fit();
        map.inner.iter_mut().for_each(OffsetMap::shrink_to_fit);
        let manifest = self.assets.source_meta(&input.path, input.file_name());
        // The title and date of the document are read from its body: an
        // infobox's values tell of its subject (front matter fields are read apart).
        let meta = metadata::infer(
            &text[cleaned.body_start..],
            &cleaned.front_matter,
            cleaned.html_title.as_deref(),
            &input.id(),
            manifest,
            &self.tagger,
        );
        let sentences = self.segmenter.split(&text);
        let timexes = self.tagger.find(&text);
        let resolved = timex::resolve(&timexes, meta.published.as_ref());
        let unresolved = resolved.iter().filter(|r| r.is_none()).count();
        if unresolved > 0 {
            warnings.push(format!("{unresolved} relative date(s) left unresolved (no document date or context)"));
        }
        let blobs = crate::text::blobs(&text);
        let dated: Vec<(Range<usize>, DateValue, Resolution)> = (timexes.iter().zip(resolved))
            .filter(|(t, _)| !crate::text::in_blob(&blobs, &t.range))
            .filter_map(|(t, r)| r.map(|(v, how)| (t.range.clone(), v, how)))
            .collect();
        let dates =
            DocDates { sentences: &sentences, points: dated.iter().map(|(r, v, _)| (r.start, v.clone())).collect() };
        let mut mentions = self.resolver.resolve(&text, &sentences, &cleaned.hints, cleaned.body_start, &dates);
        self.curation.apply_all(&mut mentions, &text, &self.assets.gazetteer);
        mentions.retain(|m| !crate::text::in_blob(&blobs, &m.range));
        let source = Source {
            id: input.id(),
            title: meta.title,
            kind: meta.kind,
            publisher: meta.publisher,
            url: manifest.and_then(|m| m.url.clone()),
            reliability: manifest.and_then(|m| m.reliability()),
            published: meta.published,
            published_basis: meta.published_basis,
            encoding,
            repairs: cleaned.repairs,
            warnings,
            path: input.path,
            raw_len: input.bytes.len(),
            body_start: cleaned.body_start,
            text,
            map,
        };
        let claims = self.claims(&source, &sentences, &dated, &cleaned.front_matter);
        Extracted { source, mentions, claims }
    }

    /// One claim per date value of each sentence; actors are added once
    /// entities have corpus ids. A line near the top that only dates the
    /// document (`R 141609Z JAN 08`) is one claim, of its most precise date,
    /// of kind `publication`, as is the line the document's date was read from.
    /// Of the front matter's values, only a top-level field (`fields`) dates
    /// the document: an infobox's `date:` dates its subject.
    fn claims(
        &self,
        source: &Source,
        sentences: &[Range<usize>],
        dated: &[(Range<usize>, DateValue, Resolution)],
        fields: &[(String, String)],
    ) -> Vec<Claim> {
        let mut out = Vec::new();
        let rules = &self.assets.lexicon.rules;
        let dating_words = &rules.dating_words;
        let lists = claims::lists_start(&source.text, &rules.closing_sections);
        for sentence in sentences.iter().take_while(|s| s.start < lists) {
            let first = dated.partition_point(|(r, _, _)| r.start < sentence.start);
            let here: Vec<&(Range<usize>, DateValue, Resolution)> = (dated[first..].iter())
                .take_while(|(r, _, _)| r.start < sentence.end)
                .filter(|(r, _, _)| r.end <= sentence.end)
                .collect();
            if here.is_empty() {
                continue;
            }
            let text = &source.text[sentence.clone()];
            let local = |r: &Range<usize>| r.start - sentence.start..r.end - sentence.start;
            let claim = |(range, value, how): &(Range<usize>, DateValue, Resolution), kind: &str| Claim {
                source: 0,
                sentence: sentence.clone(),
                date: value.clone(),
                date_clean: range.clone(),
                resolved: *how,
                actors: Vec::new(),
                kind: kind.into(),
            };
            let ranges: Vec<Range<usize>> = here.iter().map(|(r, _, _)| local(r)).collect();
            let field = |key: &str| fields.iter().any(|(k, _)| k.eq_ignore_ascii_case(key));
            let of_subject = sentence.start < source.body_start && !text.split_once(':').is_some_and(|(k, _)| field(k));
            if sentence.start < DOCUMENT_HEAD && !of_subject && claims::only_dates(text, &ranges, dating_words) {
                let narrowest = here.iter().min_by_key(|(_, v, _)| v.span_days()).expect("a date");
                out.push(claim(narrowest, "publication"));
                continue;
            }
            // A heading `2012`, or `December 27.` cut off its sentence by a line break, tells nothing.
            if claims::only_dates(text, &ranges, &[]) {
                continue;
            }
            // The line the document's own date was read from dates the document.
            let dates_document = source.published_basis.as_deref().is_some_and(|b| b.contains(text.trim()));
            // One claim per date of a sentence: the same date twice tells one happening.
            let mut values: Vec<&DateValue> = Vec::new();
            let mut sentence_kind = None;
            for dated in here {
                let (range, value, _) = dated;
                if values.contains(&value) {
                    continue;
                }
                values.push(value);
                let kind = if dates_document && source.published.as_ref() == Some(value) {
                    "publication"
                } else {
                    let in_clause = self.classifier.in_clause(text, local(range));
                    in_clause.unwrap_or_else(|| *sentence_kind.get_or_insert_with(|| self.classifier.in_sentence(text)))
                };
                out.push(claim(dated, kind));
            }
        }
        out
    }
}
