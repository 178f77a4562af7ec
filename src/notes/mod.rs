//! The analyst's own layer: notes and marks tied to the exact words of the
//! evidence, found again when the sources are edited (issue 24): the
//! anchoring of a passage, the notes file, and the notes placed on a corpus.

pub mod anchor;
pub mod corrections;
pub mod layer;
pub mod store;

pub use anchor::{Anchor, Placement};
pub use corrections::Correction;
pub use layer::{Change, Layer, Placed, Writing};
pub use store::{Motivation, Note, NotesError, NotesFile};
