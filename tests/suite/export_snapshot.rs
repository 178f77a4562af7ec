//! `annals/1` exports as reviewed snapshots: the bundled corpus, the
//! development sets, the fixtures and a small synthetic corpus. A change
//! to extraction or merging that changes any answer shows here, line by
//! line; one that only makes them faster leaves every snapshot as it is.

use crate::common;

use annals::ingest::{self, Input};
use std::path::Path;

#[test]
fn bundled_export() {
    let value = annals::export::json::to_value(&common::bundled());
    insta::assert_json_snapshot!("bundled_export", value);
}

/// The documents of a folder of the fixtures, named relative to the
/// fixtures so that the snapshot holds no path of this machine.
fn fixture_folder(folder: &str) -> Vec<Input> {
    let root = common::fixtures();
    let (mut inputs, _refused) = ingest::read_paths(&[root.join(folder)], ingest::DEFAULT_MAX_BYTES);
    for input in &mut inputs {
        let relative = Path::new(&input.path).strip_prefix(&root).expect("read under the fixtures");
        input.path = relative.to_string_lossy().replace('\\', "/");
    }
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    inputs
}

fn export(inputs: Vec<Input>) -> serde_json::Value {
    annals::export::json::to_value(&common::build(inputs))
}

#[test]
fn development_set_exports() {
    insta::assert_json_snapshot!("dev_gov_export", export(fixture_folder("dev-gov/docs")));
    insta::assert_json_snapshot!("dev_wiki_export", export(fixture_folder("dev-wiki/docs")));
}

#[test]
fn fixture_exports() {
    insta::assert_json_snapshot!("docs_export", export(fixture_folder("docs")));
    insta::assert_json_snapshot!("hostile_export", export(fixture_folder("hostile")));
    insta::assert_json_snapshot!("encoded_export", export(common::encoded_inputs()));
}

/// 96 KB of the synthetic corpus the benchmarks read (eight documents):
/// enough claims of every kind for merging to join, conflict and refile.
#[test]
fn synthetic_export() {
    insta::assert_json_snapshot!("synthetic_export", export(annals::synth::corpus(96 << 10, 12 << 10, 7)));
}
