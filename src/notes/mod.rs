//! The analyst's own layer: notes and marks tied to the exact words of the
//! evidence, found again when the sources are edited (issue 24). So far,
//! the anchoring of a passage; the store and the browser's keys build on it.

pub mod anchor;

pub use anchor::{Anchor, Placement};
