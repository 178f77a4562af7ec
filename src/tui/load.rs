//! Loading on a thread of its own while the browser shows a gauge and then,
//! for a corpus that takes a while, a preview of the documents read first.

use super::view::loading::Progress;
use crate::model::Corpus;
use crate::pipeline::Watch;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long loading runs before the documents read so far can be browsed.
const PREVIEW_AFTER: Duration = Duration::from_secs(2);

/// A test switch: `ANNALS_TEST_PREVIEW_MS` sets the delay, so a test sees a
/// preview of a small corpus.
fn preview_after() -> Duration {
    let forced = std::env::var("ANNALS_TEST_PREVIEW_MS").ok();
    forced.and_then(|ms| ms.parse().ok()).map_or(PREVIEW_AFTER, Duration::from_millis)
}

pub struct Loading<T> {
    watch: Arc<Watch>,
    total: usize,
    started: Instant,
    previews: Receiver<Corpus>,
    result: Receiver<T>,
    worker: Option<JoinHandle<()>>,
}

impl<T: Send + 'static> Loading<T> {
    /// Starts `load` on its own thread.
    pub fn start(total: usize, load: impl FnOnce(&Watch) -> T + Send + 'static) -> Self {
        let (watch, previews) = Watch::with_preview(preview_after());
        Loading::spawn(watch, previews, total, load)
    }

    /// Starts `load` on its own thread, without a preview: a corpus built
    /// again while the last one is browsed.
    pub fn quietly(load: impl FnOnce(&Watch) -> T + Send + 'static) -> Self {
        Loading::spawn(Watch::default(), std::sync::mpsc::channel().1, 0, load)
    }

    fn spawn(
        watch: Watch,
        previews: Receiver<Corpus>,
        total: usize,
        load: impl FnOnce(&Watch) -> T + Send + 'static,
    ) -> Self {
        let watch = Arc::new(watch);
        let watched = Arc::clone(&watch);
        let (send, result) = std::sync::mpsc::channel();
        let worker = std::thread::spawn(move || {
            let _ = send.send(load(&watched));
        });
        Loading { watch, total, started: Instant::now(), previews, result, worker: Some(worker) }
    }

    pub fn progress(&self) -> Progress {
        let done = self.watch.done.load(Ordering::Relaxed).min(self.total);
        Progress { done, total: self.total, elapsed: self.started.elapsed() }
    }

    /// The preview, once it is made.
    pub fn preview(&self) -> Option<Corpus> {
        self.previews.try_recv().ok()
    }

    /// The result, waiting for it at most `wait`; `None` once it was taken.
    /// A panic of the loading thread is resumed here, where the hook
    /// restores the terminal.
    pub fn finished(&mut self, wait: Duration) -> Option<T> {
        match self.result.recv_timeout(wait) {
            Ok(result) => Some(result),
            Err(RecvTimeoutError::Timeout) => None,
            // The thread sends before it ends: gone without a result, it panicked.
            Err(RecvTimeoutError::Disconnected) => match self.worker.take().map(JoinHandle::join) {
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                _ => None,
            },
        }
    }
}
