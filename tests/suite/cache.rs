//! The cache of extractions and of merged corpora: a second build is the
//! same, byte for byte; a changed document alone is extracted again; a
//! damaged entry is rebuilt and said; a cache that cannot be written is
//! done without; entries are whole whenever a process is killed; the least
//! recently used go first.

use crate::common;
use annals::ingest::Input;
use annals::pipeline::{cache, Cache, Pipeline};
use std::path::Path;
use std::sync::atomic::Ordering::Relaxed;

/// A build of `inputs` through a cache at `root`: its export, and (hits,
/// extracted, rebuilt, unwritable) as the cache counted them.
fn build(root: &Path, inputs: &[Input], limit: u64) -> (String, (usize, usize, Vec<String>, bool)) {
    let (json, counted, _) = build_whole(root, inputs, limit);
    (json, counted)
}

/// As [`build`], and whether the merged corpus was read whole from the cache.
fn build_whole(root: &Path, inputs: &[Input], limit: u64) -> (String, (usize, usize, Vec<String>, bool), bool) {
    build_serving(root, inputs, limit, &[])
}

/// As [`build_whole`], through a cache serving the documents of `paths`.
fn build_serving(
    root: &Path,
    inputs: &[Input],
    limit: u64,
    paths: &[std::path::PathBuf],
) -> (String, (usize, usize, Vec<String>, bool), bool) {
    let pipeline = Pipeline::bundled().with_cache(Cache::new(root.to_path_buf(), 7, limit).serving(paths));
    let (corpus, failures) = pipeline.build("test", inputs.to_vec(), Vec::new());
    assert!(failures.is_empty(), "{failures:?}");
    let mut json = Vec::new();
    let events: Vec<_> = corpus.events.keys().collect();
    annals::export::json::write(&corpus, &events, &mut json).unwrap();
    let cache = pipeline.cache().unwrap();
    cache.evict();
    let stats = &cache.stats;
    let counted = (
        stats.hits.load(Relaxed),
        stats.extracted.load(Relaxed),
        stats.rebuilt.lock().unwrap().clone(),
        stats.unwritable.lock().unwrap().is_some(),
    );
    (String::from_utf8(json).unwrap(), counted, stats.whole.load(Relaxed))
}

fn inputs() -> Vec<Input> {
    let mut inputs = common::fixture_inputs();
    inputs.extend(common::encoded_inputs());
    inputs
}

fn uncached(inputs: &[Input]) -> String {
    let corpus = common::build(inputs.to_vec());
    let mut json = Vec::new();
    let events: Vec<_> = corpus.events.keys().collect();
    annals::export::json::write(&corpus, &events, &mut json).unwrap();
    String::from_utf8(json).unwrap()
}

/// The entries of documents.
fn entries(root: &Path) -> Vec<std::path::PathBuf> {
    of_kind(root, "bin")
}

/// The entries of merged corpora.
fn corpora(root: &Path) -> Vec<std::path::PathBuf> {
    of_kind(root, "corpus")
}

fn of_kind(root: &Path, extension: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = walk(root).into_iter().filter(|p| p.extension().is_some_and(|e| e == extension)).collect();
    found.sort();
    found
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_second_build_reads_every_document_from_the_cache_and_is_the_same() {
    let root = tempfile::tempdir().unwrap();
    let inputs = inputs();
    let (first, (hits, extracted, ..), whole) = build_whole(root.path(), &inputs, u64::MAX);
    assert_eq!((hits, extracted, whole), (0, inputs.len(), false));
    assert_eq!(corpora(root.path()).len(), 1, "the merged corpus kept");
    let (second, (hits, extracted, rebuilt, _), whole) = build_whole(root.path(), &inputs, u64::MAX);
    assert_eq!((hits, extracted, rebuilt.len(), whole), (inputs.len(), 0, 0, true));
    assert_eq!(second, first, "byte for byte");
    assert_eq!(first, uncached(&inputs), "as without a cache");
    // Without the merged corpus, from the documents' entries: the same again.
    std::fs::remove_file(&corpora(root.path())[0]).unwrap();
    let (third, (hits, extracted, _, _), whole) = build_whole(root.path(), &inputs, u64::MAX);
    assert_eq!((hits, extracted, whole), (inputs.len(), 0, false));
    assert_eq!(third, first, "merged again, byte for byte");
}

/// A document's entry keeps what rebuilds its text from the file, not the
/// text again: a cold cache writes, while documents are read, a fraction
/// of their size. (The merged corpus, written once it is shown, holds the
/// texts: the quickest way back to them.)
#[test]
fn a_documents_entry_holds_no_copy_of_its_text() {
    let root = tempfile::tempdir().unwrap();
    // Prose, a date now and then: a text weighs more than what is found in it.
    let told = "the delegation went back by way of the coast road once the rains had ended";
    let sentence = |n: usize| match n % 20 {
        0 => format!("On {} March 2014 the United States and Mali met in Bamako.", n / 20 + 1),
        _ => format!("After that {told} ({n})."),
    };
    let text: String = (0..200).map(|n| sentence(n) + "\n").collect();
    let html: String = (0..200).map(|n| format!("<p>{}</p>\n", sentence(n))).collect();
    let markdown: String = (0..200).map(|n| format!("## Part {n}\n\n{} *Again*.\n\n", sentence(n))).collect();
    let inputs: Vec<Input> = [("a.txt", text), ("b.html", html), ("c.md", markdown)]
        .into_iter()
        .map(|(path, text)| Input { path: path.into(), bytes: text.into_bytes() })
        .collect();
    let (first, ..) = build_whole(root.path(), &inputs, u64::MAX);
    let stored: Vec<Vec<u8>> = entries(root.path()).iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert_eq!(stored.len(), 3);
    let size: usize = stored.iter().map(Vec::len).sum();
    let documents: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    // Offset maps stay: a markup document's is most of what is kept.
    assert!(size < documents / 3, "{size} bytes kept for {documents} bytes of documents");
    assert!(stored.iter().all(|bytes| !bytes.windows(told.len()).any(|w| w == told.as_bytes())));
    std::fs::remove_file(&corpora(root.path())[0]).unwrap(); // or it would serve
    let (second, (hits, ..), whole) = build_whole(root.path(), &inputs, u64::MAX);
    assert_eq!((hits, whole), (3, false));
    assert_eq!(second, first, "the texts rebuilt, byte for byte");
    assert_eq!(first, uncached(&inputs));
}

/// Files' corpus comes back before it is kept, so that the browser shows
/// it without waiting for the write; kept, it is read whole the next time.
#[test]
fn a_corpus_of_files_is_kept_once_shown() {
    let root = tempfile::tempdir().unwrap();
    let (files, _) = annals::ingest::find_documents(&[common::fixtures().join("docs")], &|_| false);
    let pipeline = || Pipeline::bundled().with_cache(Cache::new(root.path().to_path_buf(), 7, u64::MAX));
    let build = |pipeline: &Pipeline| {
        let watch = annals::pipeline::Watch::default();
        pipeline.build_files("test", files.clone(), annals::ingest::DEFAULT_MAX_BYTES, Vec::new(), &watch)
    };
    let first = pipeline();
    let built = build(&first);
    assert!(built.unkept.is_some() && corpora(root.path()).is_empty(), "not kept before it is shown");
    let (corpus, _) = first.keep(built);
    assert_eq!(corpora(root.path()).len(), 1, "kept");
    let second = pipeline();
    let again = build(&second);
    assert!(again.unkept.is_none() && second.cache().unwrap().stats.whole.load(Relaxed), "read whole");
    let export = |corpus: &annals::model::Corpus| {
        let mut json = Vec::new();
        annals::export::json::write(corpus, &corpus.events.keys().collect::<Vec<_>>(), &mut json).unwrap();
        json
    };
    assert_eq!(export(&again.corpus), export(&corpus), "byte for byte");
}

/// A deferring cache (the browser's) writes no document's entry and no
/// merged run while the corpus is built: all of them once it is kept, and
/// they serve the next build of a changed set of documents.
#[test]
fn a_deferring_cache_writes_its_entries_once_the_corpus_is_kept() {
    let root = tempfile::tempdir().unwrap();
    let (files, _) = annals::ingest::find_documents(&[common::fixtures().join("docs")], &|_| false);
    let cache = || Cache::new(root.path().to_path_buf(), 7, u64::MAX).keeping_runs_from(1).deferring();
    let build = |pipeline: &Pipeline, files: &[std::path::PathBuf]| {
        let watch = annals::pipeline::Watch::default();
        pipeline.build_files("test", files.to_vec(), annals::ingest::DEFAULT_MAX_BYTES, Vec::new(), &watch)
    };
    let first = Pipeline::bundled().with_cache(cache());
    let built = build(&first, &files);
    let extracted = first.cache().unwrap().stats.extracted.load(Relaxed);
    assert!(extracted >= 3, "{extracted} documents extracted");
    let runs = first.cache().unwrap().stats.runs_merged.load(Relaxed);
    assert!(runs > 0, "runs merged to be kept");
    assert!(walk(root.path()).is_empty(), "nothing written while building");
    first.keep(built);
    assert_eq!(entries(root.path()).len(), extracted, "each document's entry, once kept");
    assert_eq!(of_kind(root.path(), "run").len(), runs, "and each merged run");
    let second = Pipeline::bundled().with_cache(cache());
    build(&second, &files[1..]); // another set: not the merged corpus, the documents' entries
    let stats = &second.cache().unwrap().stats;
    assert_eq!((stats.hits.load(Relaxed), stats.extracted.load(Relaxed)), (files.len() - 1, 0));
}

/// The merged corpus of a set of documents is not served for another;
/// the corpus of the same folders replaces it, that of others is kept apart.
#[test]
fn another_set_of_documents_is_another_merged_corpus() {
    let root = tempfile::tempdir().unwrap();
    let inputs = inputs();
    build(root.path(), &inputs, u64::MAX);
    let (fewer, (hits, extracted, ..), whole) = build_whole(root.path(), &inputs[1..], u64::MAX);
    assert_eq!((hits, extracted, whole), (inputs.len() - 1, 0, false), "a document fewer");
    assert_eq!(fewer, uncached(&inputs[1..]));
    let mut reordered = inputs.clone();
    reordered.swap(0, 1);
    let (json, _, whole) = build_whole(root.path(), &reordered, u64::MAX);
    assert!(!whole, "in another order, merged again");
    assert_eq!(json, uncached(&reordered));
    let (again, _, whole) = build_whole(root.path(), &reordered, u64::MAX);
    assert!(whole && again == json, "and kept");
    assert_eq!(corpora(root.path()).len(), 1, "in place of the others");
    let elsewhere = [common::fixtures().join("docs")];
    let (_, _, whole) = build_serving(root.path(), &inputs, u64::MAX, &elsewhere);
    assert!(!whole);
    let (.., whole) = build_whole(root.path(), &reordered, u64::MAX);
    assert!(whole, "the corpus of other folders is kept apart");
    assert_eq!(corpora(root.path()).len(), 2);
}

#[test]
fn a_changed_document_alone_is_extracted_again() {
    let root = tempfile::tempdir().unwrap();
    let mut inputs = inputs();
    build(root.path(), &inputs, u64::MAX);
    let last = inputs[0].bytes.len() - 1;
    inputs[0].bytes[last] = if inputs[0].bytes[last] == b'.' { b'!' } else { b'.' };
    let (json, (hits, extracted, ..), whole) = build_whole(root.path(), &inputs, u64::MAX);
    assert_eq!((hits, extracted, whole), (inputs.len() - 1, 1, false));
    assert_eq!(json, uncached(&inputs));
    assert_eq!(corpora(root.path()).len(), 1, "the corpus from before the change is gone");
}

#[test]
fn damaged_entries_are_rebuilt_and_said() {
    let inputs = inputs();
    type Harm = fn(&mut Vec<u8>);
    let damages: [(&str, Harm); 5] = [
        ("truncated", |b| b.truncate(b.len() / 2)),
        ("empty", |b| b.clear()),
        ("a flipped byte", |b| {
            let at = b.len() - 3;
            b[at] ^= 0x40;
        }),
        ("another format", |b| b[7] = b[7].wrapping_add(1)),
        ("a header alone", |b| b.truncate(24)),
    ];
    for (damage, harm) in damages {
        let root = tempfile::tempdir().unwrap();
        let (first, _) = build(root.path(), &inputs, u64::MAX);
        let entry = &entries(root.path())[0];
        let mut bytes = std::fs::read(entry).unwrap();
        harm(&mut bytes);
        std::fs::write(entry, &bytes).unwrap();
        assert!(!cache::is_whole(&bytes), "{damage}");
        std::fs::remove_file(&corpora(root.path())[0]).unwrap(); // or it would serve
        let (json, (hits, extracted, rebuilt, _)) = build(root.path(), &inputs, u64::MAX);
        assert_eq!((hits, extracted, rebuilt.len()), (inputs.len() - 1, 1, 1), "{damage}");
        assert_eq!(json, first, "{damage}: the same answer");
        std::fs::remove_file(&corpora(root.path())[0]).unwrap();
        let (_, (hits, ..)) = build(root.path(), &inputs, u64::MAX);
        assert_eq!(hits, inputs.len(), "{damage}: rebuilt in place");

        // The merged corpus, damaged the same way: merged again from the documents.
        let corpus = &corpora(root.path())[0];
        let mut bytes = std::fs::read(corpus).unwrap();
        harm(&mut bytes);
        std::fs::write(corpus, &bytes).unwrap();
        assert!(!cache::is_whole(&bytes), "{damage} corpus");
        let (json, (hits, extracted, rebuilt, _), whole) = build_whole(root.path(), &inputs, u64::MAX);
        assert_eq!((hits, extracted, whole), (inputs.len(), 0, false), "{damage} corpus");
        assert_eq!(rebuilt, ["the merged corpus"], "{damage} corpus");
        assert_eq!(json, first, "{damage} corpus: the same answer");
        let (.., whole) = build_whole(root.path(), &inputs, u64::MAX);
        assert!(whole, "{damage} corpus: rebuilt in place");
    }
}

#[test]
fn a_cache_that_cannot_be_written_is_done_without() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let inputs = inputs();
    let (json, (hits, extracted, _, unwritable)) = build(&file.join("cache"), &inputs, u64::MAX);
    assert_eq!((hits, extracted, unwritable), (0, inputs.len(), true));
    assert_eq!(json, uncached(&inputs));
}

#[test]
fn the_least_recently_used_entries_go_when_the_cache_is_full() {
    let root = tempfile::tempdir().unwrap();
    let inputs = inputs();
    build(root.path(), &inputs, u64::MAX);
    let sizes: Vec<u64> = entries(root.path()).iter().map(|e| e.metadata().unwrap().len()).collect();
    let total: u64 = sizes.iter().sum();
    // Read the first two documents again, later: they are the most recently used.
    std::thread::sleep(std::time::Duration::from_millis(20));
    build(root.path(), &inputs[..2], u64::MAX);
    let (_, (hits, ..), whole) = build_whole(root.path(), &inputs[..2], total / 2);
    assert_eq!((hits, whole), (2, true));
    let unchanged: u64 = entries(root.path()).iter().map(|e| e.metadata().unwrap().len()).sum();
    assert_eq!(unchanged, total, "a build that writes nothing evicts nothing");
    // A build that writes (the corpus of the first document alone) keeps the limit.
    let (_, (hits, ..)) = build(root.path(), &inputs[..1], total / 2);
    assert_eq!(hits, 1);
    let left: u64 = walk(root.path()).iter().map(|e| e.metadata().unwrap().len()).sum();
    assert!(left <= total / 2, "{left} of a limit of {}", total / 2);
    for e in corpora(root.path()) {
        std::fs::remove_file(e).unwrap();
    }
    let (_, (hits, ..)) = build(root.path(), &inputs[..1], u64::MAX);
    assert_eq!(hits, 1, "the one used last is kept");
    let (_, (hits, ..)) = build(root.path(), &inputs[2..3], u64::MAX);
    assert_eq!(hits, 0, "one used long ago is gone");
}

/// Killed at any moment while it writes the cache, annals never leaves an
/// entry that reads as whole but is not: every entry is whole, and the
/// next build gives the answer of a build without a cache.
#[test]
fn a_process_killed_while_writing_leaves_no_half_entry() {
    let corpus = tempfile::tempdir().unwrap();
    let mut written = 0;
    for (n, input) in annals::synth::documents(20_000, 3).enumerate().take(60) {
        let name = Path::new(&input.path).file_name().unwrap().to_string_lossy().into_owned();
        std::fs::write(corpus.path().join(format!("{n:03}-{name}")), &input.bytes).unwrap();
        written += input.bytes.len();
    }
    assert!(written > 1_000_000);
    let root = tempfile::tempdir().unwrap();
    let dir = corpus.path().to_str().unwrap();
    for round in 0..40u64 {
        // A document changed each round: every round has entries to write,
        // its own and the merged corpus's.
        let changing = corpus.path().join("changing.txt");
        std::fs::write(&changing, format!("On 3 May 2012, round {round} began.")).unwrap();
        // As if written a while ago: a file written a moment ago keeps its corpus out of the cache.
        let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(60 - round);
        std::fs::File::options().write(true).open(&changing).unwrap().set_modified(earlier).unwrap();
        let mut child = common::annals_bin()
            .args(["check", dir])
            .env("ANNALS_CACHE_DIR", root.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // From the start of writing to its end, at spread-out moments: a
        // round's check takes under 100 ms on an idle machine.
        std::thread::sleep(std::time::Duration::from_millis(5 + (round * 37) % 250));
        let _ = child.kill();
        let _ = child.wait();
        for entry in entries(root.path()).into_iter().chain(corpora(root.path())) {
            let bytes = std::fs::read(&entry).unwrap();
            assert!(cache::is_whole(&bytes), "round {round}: {} is not whole", entry.display());
        }
    }
    assert!(!entries(root.path()).is_empty(), "some rounds got as far as writing");
    let check = |cached: bool| {
        let mut command = common::annals_bin();
        command.args(["export", dir]).env("ANNALS_CACHE_DIR", root.path());
        if !cached {
            command.arg("--no-cache");
        }
        command.output().unwrap().stdout
    };
    assert_eq!(check(true), check(false));
}

#[test]
fn two_processes_share_one_cache_at_once() {
    let corpus = tempfile::tempdir().unwrap();
    for (n, input) in annals::synth::documents(20_000, 5).enumerate().take(40) {
        std::fs::write(corpus.path().join(format!("{n:03}.txt")), &input.bytes).unwrap();
    }
    let root = tempfile::tempdir().unwrap();
    let dir = corpus.path().to_str().unwrap();
    let spawn = || {
        common::annals_bin()
            .args(["export", dir])
            .env("ANNALS_CACHE_DIR", root.path())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
    let alone = common::annals_bin().args(["export", "--no-cache", dir]).output().unwrap();
    assert_eq!(a.stdout, alone.stdout);
    assert_eq!(entries(root.path()).len(), 40, "one entry a document");
}

#[test]
fn check_says_what_the_cache_served_and_annals_cache_shows_and_clears_it() {
    let root = tempfile::tempdir().unwrap();
    let docs = common::fixtures().join("docs");
    let run = |args: &[&str]| {
        let out = common::annals_bin().args(args).env("ANNALS_CACHE_DIR", root.path()).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let docs = docs.to_str().unwrap();
    assert!(run(&["check", docs]).contains("cache: 0 of 4 extractions reused ("));
    assert!(run(&["check", docs]).contains("cache: 4 of 4 extractions reused, and their merge ("));
    assert!(!run(&["check", "--no-cache", docs]).contains("cache:"));
    let shown = run(&["cache"]);
    assert!(shown.starts_with(&root.path().display().to_string()) && shown.contains("5 entries ·"), "{shown}");
    assert!(run(&["cache", "clear"]).contains("5 entries removed"));
    assert!(run(&["cache"]).contains("0 entries ·"));
    assert!(run(&["check", docs]).contains("cache: 0 of 4 extractions reused"));

    // Files written a moment ago: their stamps could repeat on other
    // contents, so their corpus is merged again until they settle.
    let fresh = tempfile::tempdir().unwrap();
    for file in std::fs::read_dir(common::fixtures().join("docs")).unwrap().flatten() {
        std::fs::copy(file.path(), fresh.path().join(file.file_name())).unwrap();
    }
    let fresh_dir = fresh.path().to_str().unwrap();
    run(&["check", fresh_dir]);
    assert!(run(&["check", fresh_dir]).contains("cache: 4 of 4 extractions reused ("), "not their merge");
    for file in std::fs::read_dir(fresh.path()).unwrap().flatten() {
        let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(10);
        std::fs::File::options().write(true).open(file.path()).unwrap().set_modified(earlier).unwrap();
    }
    run(&["check", fresh_dir]);
    assert!(run(&["check", fresh_dir]).contains("and their merge"), "settled");
}

/// A claim rejected (as `x` does) leaves every extraction good: none is read
/// again, only the corpus is assembled anew, without the claim.
#[test]
fn a_rejection_reuses_every_extraction_and_merges_again() {
    let root = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    for file in std::fs::read_dir(common::fixtures().join("docs")).unwrap().flatten() {
        std::fs::copy(file.path(), folder.path().join(file.file_name())).unwrap();
        let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(10);
        let copied = folder.path().join(file.file_name());
        std::fs::File::options().write(true).open(copied).unwrap().set_modified(earlier).unwrap();
    }
    let dir = folder.path().to_str().unwrap();
    let run = |args: &[&str]| {
        let out = common::annals_bin().args(args).env("ANNALS_CACHE_DIR", root.path()).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let claims = |check: &str| check.lines().last().unwrap_or_default().to_string();
    let before = run(&["check", dir]);
    assert!(before.contains("cache: 0 of 4 extractions reused"), "{before}");
    let corpus = common::build(common::fixture_inputs());
    let claim = &corpus.claims.raw[0];
    let source = &corpus.sources[claim.source];
    let rule = annals::assets::corpus_file::RejectRule {
        quote: source.text[claim.sentence.clone()].to_string(),
        date: Some(source.text[claim.date_clean.clone()].to_string()),
        file: None,
    };
    let reject = annals::notes::Correction::Reject(rule);
    annals::notes::corrections::add(&folder.path().join("annals.toml"), &reject).unwrap();
    let after = run(&["check", dir]);
    assert!(after.contains("cache: 4 of 4 extractions reused ("), "not read again, merged again: {after}");
    assert_ne!(claims(&before), claims(&after), "the claim is gone: {after}");
    assert!(run(&["check", dir]).contains("4 of 4 extractions reused, and their merge"), "then the new corpus is kept");
    // The same with a file of the user's own, its comments and sections.
    std::fs::write(folder.path().join("annals.toml"), "# mine\n\n[corpus]\nname = \"fixtures\"\n").unwrap();
    assert!(run(&["check", dir]).contains("cache: 0 of 4 extractions reused"));
    annals::notes::corrections::add(&folder.path().join("annals.toml"), &reject).unwrap();
    assert!(run(&["check", dir]).contains("cache: 4 of 4 extractions reused ("));
    // A claim given another date (as `D` does): read from the cache too, dated anew.
    let redate = annals::assets::corpus_file::RedateRule {
        quote: source.text[claim.sentence.clone()].to_string(),
        date: Some(source.text[claim.date_clean.clone()].to_string()),
        file: None,
        to: "1888-08-08".into(),
    };
    std::fs::remove_file(folder.path().join("annals.toml")).unwrap();
    run(&["check", dir]);
    let redate = annals::notes::Correction::Redate(redate);
    annals::notes::corrections::add(&folder.path().join("annals.toml"), &redate).unwrap();
    assert!(run(&["check", dir]).contains("cache: 4 of 4 extractions reused ("));
    let json: serde_json::Value = serde_json::from_str(&run(&["export", dir])).unwrap();
    let first = &json["events"][0];
    assert_eq!(first["date"]["value"], "1888-08-08", "the earliest now: {first}");
    assert_eq!(first["claims"][0]["resolved"], "user");
    assert_eq!(first["claims"][0]["date_text"], source.text[claim.date_clean.clone()], "the words as written");
    // An entity hidden (as `H` does), renamed (`R`): read from the cache too.
    let entity = &corpus.entities.raw[0].name;
    let hide = annals::notes::Correction::Hide(annals::assets::corpus_file::HideRule { entity: entity.clone() });
    annals::notes::corrections::add(&folder.path().join("annals.toml"), &hide).unwrap();
    assert!(run(&["check", dir]).contains("cache: 4 of 4 extractions reused ("));
    let json: serde_json::Value = serde_json::from_str(&run(&["export", dir])).unwrap();
    let names: Vec<&str> = json["entities"].as_array().unwrap().iter().filter_map(|e| e["name"].as_str()).collect();
    assert!(!names.contains(&entity.as_str()), "{entity} hidden: {names:?}");
}

/// A build of `inputs` keeping runs of 4 claims or more: its export, and
/// how many runs were read from the cache and merged.
fn build_runs(root: &Path, inputs: &[Input]) -> (String, usize, usize, Vec<String>) {
    let cache = Cache::new(root.to_path_buf(), 7, u64::MAX).keeping_runs_from(4);
    let pipeline = Pipeline::bundled().with_cache(cache);
    let (corpus, failures) = pipeline.build("test", inputs.to_vec(), Vec::new());
    assert!(failures.is_empty(), "{failures:?}");
    let mut json = Vec::new();
    let events: Vec<_> = corpus.events.keys().collect();
    annals::export::json::write(&corpus, &events, &mut json).unwrap();
    let stats = &pipeline.cache().unwrap().stats;
    let rebuilt = stats.rebuilt.lock().unwrap().clone();
    (String::from_utf8(json).unwrap(), stats.runs_read.load(Relaxed), stats.runs_merged.load(Relaxed), rebuilt)
}

#[test]
fn a_changed_document_merges_again_only_the_runs_it_touches() {
    let root = tempfile::tempdir().unwrap();
    let mut inputs = annals::synth::corpus(1_500_000, 20_000, 7);
    let (_, read, merged, _) = build_runs(root.path(), &inputs);
    assert_eq!(read, 0);
    assert!(merged >= 20, "{merged} runs kept");
    inputs[3].bytes.extend_from_slice(b"\nOn 3 March 2015 the United States and Mali met in Bamako.\n");
    std::fs::remove_file(&corpora(root.path())[0]).unwrap(); // or it would serve
    let (json, read_after, merged_after, _) = build_runs(root.path(), &inputs);
    assert!(merged_after <= 2, "{merged_after} of {merged} runs merged again");
    assert_eq!(read_after + merged_after, merged, "the others read back");
    assert_eq!(json, uncached(&inputs), "the same as merging all");

    // A damaged run is merged again, and said.
    let runs = of_kind(root.path(), "run");
    let mut bytes = std::fs::read(&runs[0]).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&runs[0], &bytes).unwrap();
    assert!(!cache::is_whole(&bytes));
    for corpus in corpora(root.path()) {
        std::fs::remove_file(corpus).unwrap();
    }
    let (json, _, merged_again, rebuilt) = build_runs(root.path(), &inputs);
    assert_eq!((merged_again, rebuilt.as_slice()), (1, &["a merged run of claims".to_string()][..]));
    assert_eq!(json, uncached(&inputs));

    // Runs are entries like the others: counted, and cleared.
    let files = walk(root.path());
    let size: u64 = files.iter().map(|f| f.metadata().unwrap().len()).sum();
    assert_eq!(cache::usage(root.path()), (files.len(), size));
    assert_eq!(cache::clear(root.path()).unwrap(), files.len());
    assert!(std::fs::read_dir(root.path()).unwrap().next().is_none(), "nothing left, folders neither");
}
