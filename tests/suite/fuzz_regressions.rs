//! The fuzz targets' own checks, run over their regression corpus
//! (`fuzz/regressions/`: inputs that once crashed or slowed a target, and a
//! minimised set covering what the fuzzers reached) and over every
//! document the project ships. CI runs these; it does not run the fuzzers.

use crate::common;

use std::path::Path;

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

fn regressions(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target);
    let found: Vec<_> = files(&dir).iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(!found.is_empty(), "no regression inputs in {}", dir.display());
    found
}

fn shipped_documents() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("seeds"), common::fixtures().join("docs"), common::fixtures().join("hostile")]
        .iter()
        .flat_map(|d| files(d))
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

#[test]
fn pipeline_regressions() {
    for input in regressions("pipeline") {
        annals::fuzzing::pipeline(&input);
    }
    for doc in shipped_documents() {
        for pick in 0..4u8 {
            annals::fuzzing::pipeline(&[&[pick][..], &doc].concat());
        }
    }
}

#[test]
fn timex_regressions() {
    for input in regressions("timex").into_iter().chain(shipped_documents()) {
        annals::fuzzing::timex(&input);
    }
}

#[test]
fn corpus_file_regressions() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/manifest.toml");
    for input in regressions("corpus_file").into_iter().chain([std::fs::read(manifest).unwrap()]) {
        annals::fuzzing::corpus_file(&input);
    }
}
