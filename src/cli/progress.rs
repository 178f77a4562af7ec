//! A progress line on standard error while a large corpus loads, when
//! standard error is a terminal: `reading 120/511 documents (23 %)`.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Corpora smaller than this load too fast to need a progress line.
const WORTH_SHOWING: usize = 64;

pub struct Progress {
    pub done: Arc<AtomicUsize>,
    finished: Arc<AtomicBool>,
    painter: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    pub fn start(total: usize) -> Progress {
        let done = Arc::new(AtomicUsize::new(0));
        let finished = Arc::new(AtomicBool::new(false));
        let shown = total >= WORTH_SHOWING && std::io::stderr().is_terminal();
        let painter = shown.then(|| {
            let (done, finished) = (Arc::clone(&done), Arc::clone(&finished));
            std::thread::spawn(move || {
                let mut err = std::io::stderr();
                while !finished.load(Ordering::Relaxed) {
                    let n = done.load(Ordering::Relaxed).min(total);
                    let _ = if n < total {
                        write!(err, "\r\x1b[2Kreading {n}/{total} documents ({} %)", n * 100 / total)
                    } else {
                        write!(err, "\r\x1b[2Kbuilding the timeline of {total} documents…")
                    };
                    let _ = err.flush();
                    std::thread::sleep(Duration::from_millis(100));
                }
                let _ = write!(err, "\r\x1b[2K");
                let _ = err.flush();
            })
        });
        Progress { done, finished, painter }
    }

    /// Clears the line.
    pub fn finish(self) {
        self.finished.store(true, Ordering::Relaxed);
        if let Some(painter) = self.painter {
            let _ = painter.join();
        }
    }
}
