//! Documents are read in parallel; the corpus must not depend on it: the
//! export is the same, byte for byte, on 1, 2 and 4 threads.

use crate::common;

use annals::ingest::{self, DEFAULT_MAX_BYTES};

fn export_on(threads: usize, inputs: &[ingest::Input]) -> String {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    let (corpus, failures) = pool.install(|| common::PIPELINE.build("mixed", inputs.to_vec(), Vec::new()));
    let mut out = Vec::new();
    let events: Vec<_> = corpus.events.keys().collect();
    annals::export::json::write(&corpus, &events, &mut out).unwrap();
    format!("{failures:?}\n{}", String::from_utf8(out).unwrap())
}

#[test]
fn the_same_corpus_on_any_number_of_threads() {
    let mut inputs = ingest::bundled_inputs();
    inputs.extend(common::fixture_inputs());
    let (hostile, _) = ingest::read_paths(&[common::fixtures().join("hostile")], DEFAULT_MAX_BYTES);
    inputs.extend(hostile);
    inputs.extend(annals::synth::corpus(1_500_000, 20_000, 7));
    let one = export_on(1, &inputs);
    assert!(one.len() > 1_000_000, "a corpus big enough to be split across threads");
    for threads in [2, 4] {
        assert!(one == export_on(threads, &inputs), "{threads} threads differ from one");
    }
}

/// A lone surname that fits two people of its document (`President Traoré`
/// after Moussa and Dioncounda Traoré) names the one named first, on every
/// run: the people were once taken from a hash set, in an order that
/// changed from run to run and even from call to call.
#[test]
fn a_shared_surname_names_the_person_named_first_every_time() {
    let text = "Mali news\n\nIn 1991, Moussa Traoré met Dioncounda Traoré in Bamako. \
                In 1992, President Traoré spoke about the coup.\n";
    let inputs = vec![ingest::Input { path: "traore.txt".into(), bytes: text.as_bytes().to_vec() }];
    let first = export_on(1, &inputs);
    for _ in 0..8 {
        assert!(first == export_on(1, &inputs), "the same document exported twice differs");
    }
    let (corpus, _) = common::PIPELINE.build("traore", inputs, Vec::new());
    let mentions = |name: &str| corpus.entities.iter().find(|e| e.name == name).map_or(0, |e| e.mentions.len());
    assert_eq!((mentions("Moussa Traoré"), mentions("Dioncounda Traoré")), (2, 1));
}

/// A finished corpus keeps its claims in date order (then by source and
/// sentence), as merging reads them, not in their documents' order.
#[test]
fn claims_are_kept_in_date_order() {
    let mut inputs = ingest::bundled_inputs();
    inputs.extend(common::fixture_inputs());
    let corpus = common::build(inputs);
    let key = |c: &annals::model::Claim| (c.date.start, c.date.end, c.source, c.sentence.start);
    assert!(corpus.claims.raw.windows(2).all(|pair| key(&pair[0]) <= key(&pair[1])), "claims out of date order");
    let several_sources = corpus.claims.iter().any(|c| c.source != corpus.claims.raw[0].source);
    assert!(several_sources, "the claims of several sources, interleaved by date");
}
