//! The integration tests, in one binary: one link instead of eighteen, and
//! their tests run side by side. (`linear_work` counts every allocation of
//! its process, so it keeps a binary of its own.)

mod common;

mod cache;
mod claims;
mod cli;
mod config;
mod corpus_file;
mod determinism;
mod e2e_pty;
mod every_size;
mod export_snapshot;
mod exports;
mod extraction_quality;
mod fuzz_regressions;
mod hostile;
mod inert_display;
mod layering;
mod layout;
mod names_in_context;
mod notes;
mod preview;
mod provenance;
mod read_only;
mod readme_keys;
mod timex_table;
mod tui;
