//! `annals [PATH...]`: the browser on a terminal, the summary otherwise.

use super::{report_failures, summary, Loaded};
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(loaded: Loaded) -> ExitCode {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return summary::run(loaded);
    }
    if loaded.corpus.sources.is_empty() {
        // Nothing to browse: say why without taking over the terminal.
        report_failures(&loaded.failures);
        eprintln!("annals: no document could be loaded; nothing to browse");
        return ExitCode::from(1);
    }
    let notice = match loaded.failures.len() {
        0 => None,
        n => Some(format!("{n} file(s) not loaded (listed when you quit)")),
    };
    if let Err(e) = annals::tui::run(&loaded.corpus, notice) {
        eprintln!("annals: terminal error: {e}");
        return ExitCode::from(1);
    }
    report_failures(&loaded.failures)
}
