//! Extraction: from clean text to sentences, dates, entities, claims and
//! events. Every rule reads its words from the curated assets.

pub mod claims;
pub mod context;
pub mod curation;
pub mod discover;
pub mod entities;
pub mod events;
pub mod gazetteer;
pub mod lists;
pub mod metadata;
pub mod names;
pub mod occurrences;
pub mod qualified;
pub mod sentences;
pub mod spans;
pub mod timex;
pub mod titles;
