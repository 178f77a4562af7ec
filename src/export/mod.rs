//! Exports of a corpus. Each reads the same [`Corpus`](crate::model::Corpus)
//! the browser reads, and writes the events a [`select::Filter`] keeps.

pub mod annotations;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod select;
pub mod timelinejs;
