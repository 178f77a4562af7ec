//! `annals [PATH...]`: the browser on a terminal, the summary otherwise.

use super::{report, summary, InputArgs, Loaded};
use annals::tui::reload::Reload;
use annals::tui::Browsed;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

pub fn run(input: InputArgs) -> ExitCode {
    let plan = input.plan();
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return summary::run(plan.build_with_progress());
    }
    if plan.len() == 0 {
        // Nothing to browse: say why without taking over the terminal.
        return nothing_to_browse(&plan.build_with_progress());
    }
    // Watched from before the first read: a change meanwhile is not missed.
    let watched = watch(&input.paths);
    let (watcher, reload) = match watched {
        Some((watcher, changed)) => {
            let again = input.clone();
            let load = Arc::new(move |watch: &annals::pipeline::Watch| again.plan().build(watch));
            (Some(watcher), Some(Reload { changed, load }))
        }
        None => (None, None),
    };
    let browsed = annals::tui::load_and_run(
        plan.len(),
        |watch| plan.build(watch),
        |loaded: &Loaded| {
            let failed = match loaded.failures.as_slice() {
                [] => None,
                [one] => Some(format!("1 file not loaded: {}: {}", one.path, one.reason)),
                [first, ..] => Some(format!(
                    "{} not loaded: {}: {} … (all listed when you quit)",
                    annals::text::count(loaded.failures.len(), "file"),
                    first.path,
                    first.reason
                )),
            };
            let told: Vec<String> = failed.into_iter().chain(moved_corrections(&loaded.corpus)).collect();
            let notice = (!told.is_empty()).then(|| told.join(" · "));
            (!loaded.corpus.sources.is_empty()).then_some((&*loaded.corpus, notice))
        },
        |loaded: &Loaded| loaded.cache.go(),
        reload,
        super::notes::notebook(&input.paths),
    );
    drop(watcher);
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

/// What the browser says of corrections whose sentence was edited since
/// they were made: `annals check` lists them.
fn moved_corrections(corpus: &annals::model::Corpus) -> Option<String> {
    let told = corpus
        .sources
        .iter()
        .flat_map(|s| &s.warnings)
        .filter(|w| w.starts_with(annals::pipeline::CORRECTION_WARNING))
        .count();
    let corrections = annals::text::count(told, "correction");
    (told > 0).then(|| format!("{corrections} of annals.toml met an edited sentence (annals check lists them)"))
}

fn nothing_to_browse(loaded: &Loaded) -> ExitCode {
    report(loaded);
    eprintln!("annals: no document could be loaded; nothing to browse");
    ExitCode::from(1)
}

/// How long the files must be quiet before they are read again: a file
/// being written is read once, when it is complete.
const QUIET: Duration = Duration::from_millis(300);

/// A watcher of `paths` (the bundled corpus has none), and a message each
/// time their files changed and then were quiet for [`QUIET`]. Opening and
/// reading are not changes: annals reads the files itself when they change
/// (notify's debouncers report events without their kind, hence this one).
fn watch(paths: &[PathBuf]) -> Option<(RecommendedWatcher, Receiver<()>)> {
    if paths.is_empty() {
        return None;
    }
    let (raw_send, raw) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let only_notes =
            |e: &notify::Event| !e.paths.is_empty() && e.paths.iter().all(|p| super::notes::is_notes_file(p));
        if event.is_ok_and(|e| !matches!(e.kind, EventKind::Access(_)) && !only_notes(&e)) {
            let _ = raw_send.send(());
        }
    })
    .ok()?;
    for path in paths {
        // A path that cannot be watched is still read; its changes are not followed.
        let _ = watcher.watch(path, RecursiveMode::Recursive);
    }
    let (send, changed) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        while raw.recv().is_ok() {
            loop {
                match raw.recv_timeout(QUIET) {
                    Ok(()) => continue,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if send.send(()).is_err() {
                return;
            }
        }
    });
    Some((watcher, changed))
}
