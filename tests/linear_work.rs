//! Work stays linear in a document's size, whatever its shape: a document
//! four times as long costs at most about four times the allocations (bytes
//! and calls) to build into a corpus. Counted, not timed, so the test does
//! not depend on the machine. The counter sees every thread of the
//! process, so the tests of this file take turns.

use annals::ingest::Input;
use annals::pipeline::Pipeline;
use annals::synth::Shape;
use proptest::prelude::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

struct Counting;

static BYTES: AtomicU64 = AtomicU64::new(0);
static CALLS: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        CALLS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        BYTES.fetch_add(new_size as u64, Ordering::Relaxed);
        CALLS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

static TURN: Mutex<()> = Mutex::new(());

/// The work of building `small`, then `large`, each measured after a build
/// of `small` has compiled every pattern and warmed every thread's caches.
fn work_of(small: Input, large: Input) -> ((u64, u64), (u64, u64)) {
    let _turn = TURN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let pipeline = Pipeline::bundled();
    work(&pipeline, small.clone());
    (work(&pipeline, small), work(&pipeline, large))
}

/// Bytes and calls allocated while `input` is built into a corpus.
fn work(pipeline: &Pipeline, input: Input) -> (u64, u64) {
    let (bytes, calls) = (BYTES.load(Ordering::Relaxed), CALLS.load(Ordering::Relaxed));
    let (corpus, _) = pipeline.build("shape", vec![input], Vec::new());
    drop(corpus);
    (BYTES.load(Ordering::Relaxed) - bytes, CALLS.load(Ordering::Relaxed) - calls)
}

/// Pieces that random documents are made of: each a way a shape can hurt.
const PIECES: [&str; 14] = [
    "on 12 March 2014 the United States met Mali in Bamako, ",
    "In 1960 Mali became independent. ",
    ",,,,,,,,",
    "General Keïta Council Mali Niger ",
    "5 June 2019, 7 May 2020, ",
    "<div class=\"x\"><b>[PER Modibo ",
    "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo/UK+EU/",
    "\n",
    "E. ",
    "**Mali** [link](http://example.org/2012/03/22) ",
    "Amadou Toumani Touré ( ATT ) ",
    "¶5 . ",
    "1991 1992 1993 1994 ",
    "ÉTATS-UNIS ",
];

/// A document of about `bytes` bytes, `pattern` (indices into [`PIECES`])
/// repeated whole: documents of one pattern differ only in length (cut
/// inside the pattern, one size could be read as hard-wrapped and the other not).
fn repeated(pattern: &[usize], bytes: usize) -> Input {
    let mut text = String::with_capacity(bytes + 1024);
    while text.len() < bytes {
        pattern.iter().for_each(|&p| text.push_str(PIECES[p]));
    }
    Input { path: "random.txt".into(), bytes: text.into_bytes() }
}

/// How much more work a document four times as long may take: four, and a
/// margin for what does not grow with the text (the corpus's set-up,
/// a hash table doubled at a different point).
const MOST: f64 = 4.0 * 1.6;

fn assert_linear(name: &str, small: (u64, u64), large: (u64, u64)) -> Result<(), TestCaseError> {
    let bytes = large.0 as f64 / small.0 as f64;
    let calls = large.1 as f64 / small.1 as f64;
    prop_assert!(bytes <= MOST, "{name}: 4× the text took {bytes:.1}× the bytes allocated ({small:?} -> {large:?})");
    prop_assert!(calls <= MOST, "{name}: 4× the text took {calls:.1}× the allocations ({small:?} -> {large:?})");
    Ok(())
}

#[test]
fn every_adversarial_shape_is_linear() {
    for shape in Shape::ALL {
        let (small, large) = work_of(shape.document(64 << 10, 1), shape.document(256 << 10, 1));
        assert_linear(shape.name(), small, large).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random mixtures of the shapes' pieces, at 64 KB and at 256 KB.
    #[test]
    fn work_per_byte_stays_bounded(pattern in proptest::collection::vec(0..PIECES.len(), 1..6)) {
        let (small, large) = work_of(repeated(&pattern, 64 << 10), repeated(&pattern, 256 << 10));
        assert_linear(&format!("{pattern:?}"), small, large)?;
    }
}
