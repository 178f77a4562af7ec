//! Exports of a corpus. Each reads the same [`Corpus`](crate::model::Corpus)
//! the browser reads, and writes the events a [`select::Filter`] keeps.

pub mod annotations;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod select;
pub mod timelinejs;

use serde::{Serialize, Serializer};

/// A sequence serialised as it is produced, never held whole: exports of a
/// large corpus write as they go instead of building their output first.
pub struct Stream<F>(pub F);

impl<F, I> Serialize for Stream<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}
