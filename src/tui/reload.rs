//! Live reload: while the browser is open on folders, a change to their
//! files builds the corpus again (from the cache, but for what changed),
//! and the browser moves to it in place, as from a preview to the whole.

use super::load::Loading;
use crate::model::Corpus;
use crate::pipeline::Watch;
use std::collections::BTreeMap;
use std::sync::mpsc::Receiver;
use std::sync::Arc;

/// Where a corpus comes from again, and when.
pub struct Reload<T> {
    /// A message whenever the watched files changed (debounced, so that a
    /// file being written is read once it is complete).
    pub changed: Receiver<()>,
    /// Builds the corpus anew.
    pub load: Arc<dyn Fn(&Watch) -> T + Send + Sync>,
}

impl<T: Send + 'static> Reload<T> {
    /// A build started for the latest changes, if there were any since the
    /// last call (several are one build).
    pub(super) fn poll(&self) -> Option<Loading<T>> {
        let mut changed = false;
        while self.changed.try_recv().is_ok() {
            changed = true;
        }
        let load = Arc::clone(&self.load);
        changed.then(|| Loading::quietly(move |watch| load(watch)))
    }
}

/// What the status bar says when no document of the folders can be read
/// any more: the browser keeps what it read, and goes on watching.
pub const GONE: &str = "no document left to read: showing the last ones read until one is back";

/// What changed from `old` to `new`, for the status bar: sources added,
/// removed or changed, and how many events more or fewer (`+1 source:
/// cable_2010.txt · 14 new events`). Empty when nothing did.
pub fn changes(old: &Corpus, new: &Corpus) -> String {
    // Path → text, once: a corpus can have fifty thousand sources.
    fn texts(c: &Corpus) -> BTreeMap<&str, &str> {
        c.sources.iter().map(|s| (s.path.as_str(), s.text.as_str())).collect()
    }
    let (before, after) = (texts(old), texts(new));
    let name =
        |path: &str| std::path::Path::new(path).file_name().map_or(path.into(), |n| n.to_string_lossy().into_owned());
    let listed = |paths: Vec<&str>| {
        let first: Vec<String> = paths.iter().take(3).map(|p| name(p)).collect();
        let more = paths.len().saturating_sub(3);
        if more > 0 {
            format!("{} and {more} more", first.join(", "))
        } else {
            first.join(", ")
        }
    };
    let mut said = Vec::new();
    let added: Vec<&str> = after.keys().filter(|p| !before.contains_key(*p)).copied().collect();
    if !added.is_empty() {
        said.push(format!("+{}: {}", crate::text::count(added.len(), "source"), listed(added)));
    }
    let removed: Vec<&str> = before.keys().filter(|p| !after.contains_key(*p)).copied().collect();
    if !removed.is_empty() {
        said.push(format!("−{}: {}", crate::text::count(removed.len(), "source"), listed(removed)));
    }
    let changed: Vec<&str> =
        before.iter().filter(|(p, text)| after.get(*p).is_some_and(|now| now != *text)).map(|(p, _)| *p).collect();
    if !changed.is_empty() {
        said.push(format!("{} changed", listed(changed)));
    }
    let (was, is) = (old.events.len(), new.events.len());
    match is.cmp(&was) {
        std::cmp::Ordering::Greater => said.push(format!("{} new {}", is - was, noun(is - was))),
        std::cmp::Ordering::Less => said.push(format!("{} fewer {}", was - is, noun(was - is))),
        std::cmp::Ordering::Equal if !said.is_empty() => {
            said.push(format!("{} as before", crate::text::count(is, "event")))
        }
        std::cmp::Ordering::Equal => {}
    }
    said.join(" · ")
}

fn noun(events: usize) -> &'static str {
    if events == 1 {
        "event"
    } else {
        "events"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Input;
    use crate::pipeline::Pipeline;

    fn corpus(docs: &[(&str, &str)]) -> Corpus {
        let inputs = docs.iter().map(|(p, t)| Input { path: p.to_string(), bytes: t.as_bytes().to_vec() }).collect();
        Pipeline::bundled().build("test", inputs, Vec::new()).0
    }

    #[test]
    fn changes_name_the_sources_and_count_the_events() {
        let a = ("dir/a.txt", "On 3 March 2015 Mali and Niger signed a border agreement.");
        let b = ("dir/b.txt", "In 1960 Mali became independent. In 1968 a coup overthrew Modibo Keïta.");
        let b2 = ("dir/b.txt", "In 1960 Mali became independent.");
        assert_eq!(changes(&corpus(&[a]), &corpus(&[a, b])), "+1 source: b.txt · 2 new events");
        assert_eq!(changes(&corpus(&[a, b]), &corpus(&[a])), "−1 source: b.txt · 2 fewer events");
        assert_eq!(changes(&corpus(&[a, b]), &corpus(&[a, b2])), "b.txt changed · 1 fewer event");
        assert_eq!(changes(&corpus(&[a]), &corpus(&[a])), "");
    }
}
