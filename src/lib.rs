//! annals: a corpus of documents turned into a timeline of dated, sourced
//! events. The library holds the model and the pipeline; the binary is a
//! thin command line over it.

pub mod assets;
pub mod export;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
pub mod ingest;
pub mod model;
pub mod notes;
pub mod pipeline;
pub mod seeded;
pub mod synth;
pub mod text;
pub mod tui;
