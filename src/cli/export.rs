//! `annals export`: the corpus in a file format.

use super::{report_failures, Loaded};
use annals::export::json;
use std::fs::File;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// annals/1 JSON (DESIGN.md)
    Json,
}

pub fn run(loaded: Loaded, format: Format, output: Option<PathBuf>) -> ExitCode {
    let written = match (&output, format) {
        (Some(path), Format::Json) => File::create(path).and_then(|f| json::write(&loaded.corpus, f)),
        (None, Format::Json) => json::write(&loaded.corpus, io::stdout().lock()),
    };
    if let Err(e) = written {
        let target = output.map_or("standard output".to_string(), |p| p.display().to_string());
        eprintln!("annals: cannot write {target}: {e}");
        return ExitCode::from(1);
    }
    report_failures(&loaded.failures)
}
