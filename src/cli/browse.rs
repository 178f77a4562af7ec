//! `annals [PATH...]`: the browser on a terminal, the summary otherwise.

use super::{report, summary, Loaded, Plan};
use annals::tui::Browsed;
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(plan: Plan) -> ExitCode {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return summary::run(plan.build_with_progress());
    }
    if plan.len() == 0 {
        // Nothing to browse: say why without taking over the terminal.
        return nothing_to_browse(&plan.build_with_progress());
    }
    let browsed = annals::tui::load_and_run(
        plan.len(),
        |watch| plan.build(watch),
        |loaded: &Loaded| {
            let notice = match loaded.failures.as_slice() {
                [] => None,
                [one] => Some(format!("1 file not loaded: {}: {}", one.path, one.reason)),
                [first, ..] => Some(format!(
                    "{} not loaded: {}: {} … (all listed when you quit)",
                    annals::text::count(loaded.failures.len(), "file"),
                    first.path,
                    first.reason
                )),
            };
            (!loaded.corpus.sources.is_empty()).then_some((&loaded.corpus, notice))
        },
    );
    match browsed {
        Err(e) => {
            eprintln!("annals: terminal error: {e}");
            ExitCode::from(1)
        }
        Ok(Browsed::Cancelled) => {
            eprintln!("annals: loading cancelled");
            ExitCode::from(130)
        }
        Ok(Browsed::QuitWhileReading) => {
            eprintln!("annals: quit before every document was read");
            ExitCode::SUCCESS
        }
        Ok(Browsed::Done(loaded)) if loaded.corpus.sources.is_empty() => nothing_to_browse(&loaded),
        Ok(Browsed::Done(loaded)) => report(&loaded),
    }
}

fn nothing_to_browse(loaded: &Loaded) -> ExitCode {
    report(loaded);
    eprintln!("annals: no document could be loaded; nothing to browse");
    ExitCode::from(1)
}
