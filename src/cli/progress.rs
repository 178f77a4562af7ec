//! A progress bar on standard error while a large corpus loads, when
//! standard error is a terminal: `[███████░░░░░░░░░░░░░] reading 120/511 documents (23 %) · 2 s`.

use annals::pipeline::Watch;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Corpora smaller than this load too fast to need a progress line.
const WORTH_SHOWING: usize = 64;

pub struct Progress {
    pub watch: Arc<Watch>,
    finished: Arc<AtomicBool>,
    painter: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    pub fn start(total: usize) -> Progress {
        let watch = Arc::new(Watch::default());
        let finished = Arc::new(AtomicBool::new(false));
        let shown = total >= WORTH_SHOWING && std::io::stderr().is_terminal();
        let painter = shown.then(|| {
            let (watch, finished) = (Arc::clone(&watch), Arc::clone(&finished));
            std::thread::spawn(move || {
                let mut err = std::io::stderr();
                let started = std::time::Instant::now();
                while !finished.load(Ordering::Relaxed) {
                    let n = watch.done.load(Ordering::Relaxed).min(total);
                    let seconds = started.elapsed().as_secs();
                    let _ = if n < total {
                        let bar = bar(n, total, 20);
                        write!(
                            err,
                            "\r\x1b[2K[{bar}] reading {n}/{total} documents ({} %) · {seconds} s",
                            n * 100 / total
                        )
                    } else {
                        write!(
                            err,
                            "\r\x1b[2K[{}] building the timeline of {total} documents… · {seconds} s",
                            bar(1, 1, 20)
                        )
                    };
                    let _ = err.flush();
                    std::thread::sleep(Duration::from_millis(100));
                }
                let _ = write!(err, "\r\x1b[2K");
                let _ = err.flush();
            })
        });
        Progress { watch, finished, painter }
    }

    /// Clears the line.
    pub fn finish(self) {
        self.finished.store(true, Ordering::Relaxed);
        if let Some(painter) = self.painter {
            let _ = painter.join();
        }
    }
}

/// `width` cells, filled in proportion to `done` of `total`.
fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(width).min(width);
    "█".repeat(filled) + &"░".repeat(width - filled)
}

#[cfg(test)]
mod tests {
    #[test]
    fn bars_fill_in_proportion() {
        assert_eq!(super::bar(0, 10, 4), "░░░░");
        assert_eq!(super::bar(5, 10, 4), "██░░");
        assert_eq!(super::bar(10, 10, 4), "████");
        assert_eq!(super::bar(0, 0, 4), "████");
    }
}
