//! `annals [PATH...]`: the browser on a terminal, the summary otherwise.

use super::{report_failures, summary, Loaded};
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(loaded: Loaded) -> ExitCode {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return summary::run(loaded);
    }
    if let Err(e) = annals::tui::run(&loaded.corpus) {
        eprintln!("annals: terminal error: {e}");
        return ExitCode::from(1);
    }
    report_failures(&loaded.failures)
}
