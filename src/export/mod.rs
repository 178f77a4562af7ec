//! Exports of a corpus. Each reads the same [`Corpus`](crate::model::Corpus)
//! the browser reads.

pub mod json;
