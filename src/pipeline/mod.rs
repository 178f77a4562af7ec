//! The flow of ARCHITECTURE.md: load, extract, assemble, merge, index. Builds an
//! immutable [`Corpus`] from inputs; failures are reported, never fatal.

use crate::assets::corpus_file::CorpusFile;
use crate::assets::Assets;
use crate::extract::claims::{self, KindClassifier};
use crate::extract::entities::Resolver;
use crate::extract::sentences::Segmenter;
use crate::extract::timex::{self, Tagger};
use crate::extract::{discover, metadata, sentences};
use crate::ingest::{self, markup, mojibake, Failure, Input};
use crate::model::*;
use rayon::prelude::*;
use std::hash::Hash;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};
use xxhash_rust::xxh3::Xxh3;

/// Everything compiled from the assets once, reused for every document.
pub struct Pipeline {
    pub assets: Assets,
    resolver: Resolver,
    tagger: Tagger,
    segmenter: Segmenter,
    classifier: KindClassifier,
    cache: Option<Cache>,
}

mod assemble;
pub mod cache;
mod correct;
mod numbering;
pub use correct::WARNING as CORRECTION_WARNING;
mod document;

pub use cache::{Cache, Unkept};

/// A corpus just built, and what failed to load. What the cache keeps of
/// it (the entries a deferring cache held, its merged corpus when `unkept`
/// says so) is written by [`Pipeline::keep`] or [`Cache::keep`]: after the
/// corpus is shown, not on the cores merging it.
pub struct Built {
    pub corpus: Corpus,
    pub failures: Vec<Failure>,
    pub unkept: Option<Unkept>,
}

use document::Extracted;

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
            assets,
            cache: None,
        }
    }

    /// The pipeline, reading and keeping extractions in `cache`.
    pub fn with_cache(mut self, cache: Cache) -> Self {
        self.cache = Some(cache);
        self
    }

    /// Its cache, if it has one: how the last build used it.
    pub fn cache(&self) -> Option<&Cache> {
        self.cache.as_ref()
    }

    /// Its cache, to keep a corpus in once the pipeline is done with.
    pub fn into_cache(self) -> Option<Cache> {
        self.cache
    }

    /// A document's extraction: from the cache when it holds it, else made
    /// (and kept there).
    fn extract_input(&self, input: Input) -> Result<Extracted, Failure> {
        let Some(cache) = &self.cache else {
            return ingest::load(input).map(|loaded| self.extract(loaded));
        };
        let entry = cache.entry(&input.path, &input.bytes);
        if let Some(kept) = cache.get(&entry, &input.path, &input.bytes) {
            return Ok(kept);
        }
        let extracted = self.extract(ingest::load(input)?);
        cache.put(&entry, &extracted);
        Ok(extracted)
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
        let key = self.cache.as_ref().map(|_| {
            let contents = inputs.par_iter().map(|input| Cache::content_key(&input.path, &input.bytes));
            corpus_key(name, u64::MAX, &self.assets.manifest, contents.collect::<Vec<_>>())
        });
        self.keep(self.build_from(name, inputs, Ok, key, failures, watch))
    }

    /// Builds the corpus from files, each read when a core is free for it
    /// and its bytes let go once extracted: memory holds the clean texts,
    /// not the files. A set of files whose every stamp is as when their
    /// corpus was cached is not read at all. The corpus is not kept in the
    /// cache yet ([`Built::unkept`]): it can be shown first.
    pub fn build_files(
        &self,
        name: &str,
        files: Vec<PathBuf>,
        max_bytes: u64,
        failures: Vec<Failure>,
        watch: &Watch,
    ) -> Built {
        let key = self.cache.as_ref().and_then(|_| {
            let stamps: Vec<Option<u128>> = files.par_iter().map(|path| file_stamp(path)).collect();
            let manifest = &self.assets.manifest;
            Some(corpus_key(name, max_bytes, manifest, stamps.into_iter().collect::<Option<Vec<_>>>()?))
        });
        self.build_from(name, files, |path| ingest::read_file(&path, max_bytes), key, failures, watch)
    }

    /// Builds the corpus of `items`, or reads it from the cache when it
    /// holds the corpus of the documents `key` names.
    fn build_from<T: Send>(
        &self,
        name: &str,
        items: Vec<T>,
        read: impl Fn(T) -> Result<Input, Failure> + Sync,
        key: Option<u128>,
        mut failures: Vec<Failure>,
        watch: &Watch,
    ) -> Built {
        let mut clock = Clock::start();
        let entry = self.cache.as_ref().zip(key).map(|(cache, key)| (cache.corpus_entry(name), key));
        if let Some((cache, (entry, key))) = self.cache.as_ref().zip(entry.as_ref()) {
            if let Some((corpus, failed)) = cache.get_corpus(entry, *key) {
                watch.done.store(items.len(), Ordering::Relaxed);
                failures.extend(failed);
                clock.lap("read the merged corpus from the cache");
                return Built { corpus, failures, unkept: None };
            }
        }
        let (assembler, failed, clock) = self.assemble(name, items, read, watch);
        let corpus = match &self.cache {
            Some(cache) => assembler.finish(clock, cache),
            None => assembler.finish(clock, &crate::extract::events::NotKept),
        };
        let unkept = entry.map(|(entry, key)| Unkept { entry, key, failed: failed.clone() });
        failures.extend(failed);
        Built { corpus, failures, unkept }
    }

    /// Keeps a built corpus in the cache, if it is not there yet; its
    /// corpus and failures.
    pub fn keep(&self, built: Built) -> (Corpus, Vec<Failure>) {
        if let Some(cache) = &self.cache {
            let mut clock = Clock::start();
            cache.keep(built.unkept, &built.corpus);
            clock.lap("keep the merged corpus in the cache");
        }
        (built.corpus, built.failures)
    }

    /// Extracts documents a chunk at a time on all cores while the previous
    /// chunk is assembled on its own thread, in order: the result does not
    /// depend on the number of threads, and only a chunk's intermediate
    /// results are held at once.
    fn assemble<T: Send>(
        &self,
        name: &str,
        items: Vec<T>,
        read: impl Fn(T) -> Result<Input, Failure> + Sync,
        watch: &Watch,
    ) -> (Assembler<'_>, Vec<Failure>, Clock) {
        const CHUNK: usize = 64;
        let mut clock = Clock::start();
        let started = Instant::now();
        let total = items.len();
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Result<Extracted, Failure>>>(1);
        let assembled = std::thread::scope(|scope| {
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
                        let result = read(item).and_then(|input| self.extract_input(input));
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
        clock.lap("read, extract and number documents");
        (assembler, failed, clock)
    }
}

/// Names a set of documents for the cache of merged corpora: the corpus's
/// name, the size limit of reading, the analyst's corrections (rejected
/// and redated claims, merged, split and hidden entities: they are not in
/// the extractions' key: see
/// [`crate::assets::corpus_file::without_corrections`]), and each
/// document's key, in order.
fn corpus_key(name: &str, max_bytes: u64, manifest: &CorpusFile, documents: Vec<u128>) -> u128 {
    let mut digest = Xxh3::new();
    let corrections = (&manifest.rejects, &manifest.redates, &manifest.merges, &manifest.splits, &manifest.hides);
    (name, corrections).hash(&mut digest);
    digest.update(&max_bytes.to_le_bytes());
    documents.iter().for_each(|key| digest.update(&key.to_le_bytes()));
    digest.digest128()
}

/// What changes whenever a file's contents do, read without reading them:
/// its path, size and times (and, on Unix, its inode and change time,
/// which every write sets and no program can set back). None for a file
/// modified in the last two seconds: a second write within the clock's
/// grain could leave the same stamp on other contents.
fn file_stamp(path: &std::path::Path) -> Option<u128> {
    let mut digest = Xxh3::new();
    digest.update(path.as_os_str().as_encoded_bytes());
    let Ok(meta) = std::fs::metadata(path) else { return Some(digest.digest128()) };
    let settled = std::time::SystemTime::now() - Duration::from_secs(2);
    if meta.modified().is_ok_and(|m| m > settled) {
        return None;
    }
    let nanos = |t: std::io::Result<std::time::SystemTime>| {
        t.ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos())
    };
    digest.update(&meta.len().to_le_bytes());
    digest.update(&nanos(meta.modified()).to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        for n in [meta.ctime(), meta.ctime_nsec(), meta.ino() as i64, meta.dev() as i64] {
            digest.update(&n.to_le_bytes());
        }
    }
    Some(digest.digest128())
}
