//! The analyst's own layer: notes and marks tied to the exact words of the
//! evidence, found again when the sources are edited (issue 24). So far,
//! the anchoring of a passage and the notes file; the browser's keys build
//! on them.

pub mod anchor;
pub mod store;

pub use anchor::{Anchor, Placement};
pub use store::{Motivation, Note, NotesError, NotesFile};
