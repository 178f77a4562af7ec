//! Scores palette queries on a thread of its own, so that typing never
//! waits on a large corpus. Requests are coalesced: while one query is
//! scored, only the newest of those typed meanwhile is kept for next.

use super::palette::{self, Candidates, Matches};
use crate::model::Corpus;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::Scope;

enum Request {
    Score { query: String, base: Option<Arc<Matches>> },
    Stop,
}

#[derive(Default)]
struct Slot {
    next: Mutex<Option<Request>>,
    ready: Condvar,
}

pub struct Scorer {
    slot: Arc<Slot>,
    results: Receiver<Matches>,
}

impl Scorer {
    /// Starts the thread in `scope`; it ends when the scorer is dropped.
    pub fn start<'scope>(
        scope: &'scope Scope<'scope, '_>,
        corpus: &'scope Corpus,
        candidates: &'scope Candidates,
    ) -> Self {
        let slot = Arc::new(Slot::default());
        let (send, results) = mpsc::channel();
        let shared = Arc::clone(&slot);
        scope.spawn(move || loop {
            let request = {
                let mut next = shared.next.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                loop {
                    match next.take() {
                        Some(request) => break request,
                        None => next = shared.ready.wait(next).unwrap_or_else(|poisoned| poisoned.into_inner()),
                    }
                }
            };
            let Request::Score { query, base } = request else { return };
            let matches = palette::narrow(corpus, candidates, base.as_deref(), &query);
            if send.send(matches).is_err() {
                return;
            }
        });
        Scorer { slot, results }
    }

    /// Scores `query` next, narrowing `base` when it can; replaces any
    /// request not yet started.
    pub fn ask(&self, query: &str, base: Option<Arc<Matches>>) {
        self.put(Request::Score { query: query.to_string(), base });
    }

    /// Matches scored since the last call, oldest first.
    pub fn take(&self) -> Vec<Matches> {
        self.results.try_iter().collect()
    }

    fn put(&self, request: Request) {
        *self.slot.next.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(request);
        self.slot.ready.notify_one();
    }
}

impl Drop for Scorer {
    fn drop(&mut self) {
        self.put(Request::Stop);
    }
}
