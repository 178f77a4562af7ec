//! `#` in the palette finds events by words: every word of the query must
//! begin a word of the event (its title, its claims, its actors' names),
//! accents and case folded, so `#keita coup` finds `Keïta … coup d'état`.
//! An index of words → events, built once, answers a keystroke in the time
//! its answer takes, not the corpus's.

use crate::model::{Corpus, Event, EventId};
use crate::seeded;
use crate::text::{fold, fold_into};
use rayon::prelude::*;
use std::ops::Range;

/// Every word of every event, folded and sorted, with the events it is in.
#[derive(Debug, Default)]
pub struct EventWords {
    words: Vec<Box<str>>,
    /// For each word, the events that have it, in date order.
    in_events: Vec<Vec<u32>>,
    /// For each word, the events whose title has it.
    in_titles: Vec<Vec<u32>>,
    events: usize,
}

/// What a query found: events in date order, those it finds in their
/// titles first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub events: Vec<EventId>,
    /// How many of `events` (the first ones) it finds in the title.
    pub in_titles: usize,
}

/// The words of folded text: its runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Events folded at once: enough to keep both cores busy, few enough that
/// their folded text is never all held (a gigabyte has a million events).
const CHUNK: usize = 8192;

impl EventWords {
    pub fn new(corpus: &Corpus) -> Self {
        let mut ids: seeded::Map<Box<str>, u32> = seeded::Map::default();
        let mut index = EventWords { events: corpus.events.len(), ..EventWords::default() };
        for (chunk_at, chunk) in corpus.events.raw.chunks(CHUNK).enumerate() {
            let folded: Vec<(String, usize)> = chunk.par_iter().map(|e| folded_event(corpus, e)).collect();
            for (n, (text, title_end)) in folded.iter().enumerate() {
                let event = (chunk_at * CHUNK + n) as u32;
                let (title, rest) = text.split_at(*title_end);
                let tagged = words(title).map(|w| (w, true)).chain(words(rest).map(|w| (w, false)));
                for (word, in_title) in tagged {
                    let id = match ids.get(word) {
                        Some(&id) => id as usize,
                        None => {
                            ids.insert(word.into(), index.words.len() as u32);
                            index.words.push(word.into());
                            index.in_events.push(Vec::new());
                            index.in_titles.push(Vec::new());
                            index.words.len() - 1
                        }
                    };
                    add(&mut index.in_events[id], event);
                    if in_title {
                        add(&mut index.in_titles[id], event);
                    }
                }
            }
        }
        index.sort();
        index
    }

    /// The words in alphabetical order (a query word's are then a range).
    fn sort(&mut self) {
        let mut order: Vec<usize> = (0..self.words.len()).collect();
        order.par_sort_unstable_by(|&a, &b| self.words[a].cmp(&self.words[b]));
        let take = |lists: &mut Vec<Vec<u32>>| order.iter().map(|&i| std::mem::take(&mut lists[i])).collect();
        self.in_events = take(&mut self.in_events);
        self.in_titles = take(&mut self.in_titles);
        let mut words = std::mem::take(&mut self.words);
        self.words = order.iter().map(|&i| std::mem::take(&mut words[i])).collect();
        for list in self.in_events.iter_mut().chain(&mut self.in_titles) {
            list.shrink_to_fit();
        }
    }

    /// The events every word of `query` begins a word of, in date order.
    pub fn holding(&self, query: &str) -> Vec<EventId> {
        let folded = fold(query);
        let typed: Vec<&str> = words(&folded).collect();
        let found = self.matching(&typed, &self.in_events);
        found.into_iter().map(|e| EventId::from(e as usize)).collect()
    }

    /// The events every word of `query` begins a word of, title hits first.
    pub fn find(&self, query: &str) -> Found {
        let folded = fold(query);
        let typed: Vec<&str> = words(&folded).collect();
        if typed.is_empty() {
            return Found { events: (0..self.events).map(EventId::from).collect(), in_titles: 0 };
        }
        let everywhere = self.matching(&typed, &self.in_events);
        let titled = self.matching(&typed, &self.in_titles);
        // Both in date order, and the title's words are the event's: the rest is a merge.
        let mut events: Vec<EventId> = titled.iter().map(|&e| EventId::from(e as usize)).collect();
        let mut in_title = titled.iter().peekable();
        for &e in &everywhere {
            if in_title.next_if_eq(&&e).is_none() {
                events.push(EventId::from(e as usize));
            }
        }
        Found { events, in_titles: titled.len() }
    }

    /// The words `prefix` begins.
    fn range(&self, prefix: &str) -> Range<usize> {
        let start = self.words.partition_point(|w| &**w < prefix);
        let end = start + self.words[start..].partition_point(|w| w.starts_with(prefix));
        start..end
    }

    /// The events (in order) that have, for every typed word, a word it begins, by `lists`.
    fn matching(&self, typed: &[&str], lists: &[Vec<u32>]) -> Vec<u32> {
        let mut ranges: Vec<(usize, Range<usize>)> = typed
            .iter()
            .map(|w| {
                let range = self.range(w);
                (lists[range.clone()].iter().map(Vec::len).sum(), range)
            })
            .collect();
        // The rarest first: what the others are asked of is then smallest.
        ranges.sort_by_key(|(size, _)| *size);
        let mut found: Option<Vec<u32>> = None;
        for (size, range) in ranges {
            let lists = &lists[range];
            found = Some(match found {
                None => self.union(lists),
                Some(so_far) if so_far.len().saturating_mul(lists.len()) < size => {
                    // Few left: each asked of the word's lists, not the lists read whole.
                    so_far.into_iter().filter(|e| lists.iter().any(|l| l.binary_search(e).is_ok())).collect()
                }
                Some(so_far) => intersect(&so_far, &self.union(lists)),
            });
        }
        found.unwrap_or_default()
    }

    /// The events of any of `lists`, in order: through a bit per event, so
    /// that a one-letter prefix (most of the corpus) costs its lists' length.
    fn union(&self, lists: &[Vec<u32>]) -> Vec<u32> {
        if let [one] = lists {
            return one.clone();
        }
        let mut bits = vec![0u64; self.events.div_ceil(64)];
        for &e in lists.iter().flatten() {
            bits[e as usize / 64] |= 1 << (e % 64);
        }
        let mut out = Vec::new();
        for (at, &word) in bits.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                out.push((at * 64) as u32 + rest.trailing_zeros());
                rest &= rest - 1;
            }
        }
        out
    }
}

/// Appends `event` to a word's list unless the word was already seen in it.
fn add(list: &mut Vec<u32>, event: u32) {
    if list.last() != Some(&event) {
        list.push(event);
    }
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                (i, j) = (i + 1, j + 1);
            }
        }
    }
    out
}

/// An event's words as one folded text, its title first (to `title_end`),
/// then its claims and its actors' names.
fn folded_event(corpus: &Corpus, event: &Event) -> (String, usize) {
    let mut text = fold(&event.title);
    let title_end = text.len();
    for &c in &event.claims {
        text.push(' ');
        fold_into(corpus.claim_text(&corpus.claims[c]), &mut text);
    }
    for &a in &event.actors {
        text.push(' ');
        text.push_str(&corpus.entities[a].folded);
    }
    (text, title_end)
}

/// Where `query`'s words begin words of `text`: the characters they cover,
/// counted in characters, for highlighting.
pub fn highlights(text: &str, query: &str) -> Vec<usize> {
    covered(text, query).flat_map(|(chars, _)| chars).collect()
}

/// Where `query`'s words begin words of `text`, as byte ranges of `text`.
pub fn hit_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    covered(text, query).map(|(_, bytes)| bytes).collect()
}

/// Each stretch of `text` that a word of `query` begins, as characters and as bytes.
fn covered<'a>(text: &'a str, query: &str) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + 'a {
    let folded = fold(query);
    let typed: Vec<String> = words(&folded).map(str::to_string).collect();
    word_starts(text).into_iter().filter_map(move |(chars, bytes, word)| {
        let folded: String = word.chars().map(crate::text::fold_lower).collect();
        let longest = typed.iter().filter(|t| folded.starts_with(t.as_str())).map(|t| t.chars().count()).max()?;
        let end = word.char_indices().nth(longest).map_or(word.len(), |(i, _)| i);
        Some((chars..chars + longest, bytes..bytes + end))
    })
}

/// The words of a query that a title (`shown`) does not hold: what a row
/// shows a claim for. Folded once for all the claims a row looks at.
pub struct Wanted(Vec<String>);

impl Wanted {
    pub fn new(query: &str, shown: &str) -> Self {
        let (folded, shown) = (fold(query), fold(shown));
        let shown: Vec<&str> = words(&shown).collect();
        Wanted(words(&folded).filter(|t| !shown.iter().any(|s| s.starts_with(t))).map(str::to_string).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The byte of `text` where the first word begins that one of these begins.
    pub fn first_in(&self, text: &str) -> Option<usize> {
        word_starts(text).into_iter().find_map(|(_, at, word)| {
            let word: String = word.chars().map(crate::text::fold_lower).collect();
            self.0.iter().any(|t| word.starts_with(t.as_str())).then_some(at)
        })
    }
}

/// The byte of `text` where the first word begins that a word of `query`
/// begins, of the query's words that `shown` (a title) does not hold.
pub fn first_hit(text: &str, query: &str, shown: &str) -> Option<usize> {
    Wanted::new(query, shown).first_in(text)
}

/// The words of `text`, each with where it starts in characters and in bytes.
fn word_starts(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    for (n, (i, c)) in text.char_indices().enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some((n, i)),
            (false, Some((chars, bytes))) => {
                out.push((chars, bytes, &text[bytes..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some((chars, bytes)) = start {
        out.push((chars, bytes, &text[bytes..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_is_shown_from_the_first_word_the_title_lacks() {
        let claim = "One two three four five Algéria met Mali.";
        assert_eq!(first_hit(claim, "algeria", "2009 Talks").map(|at| &claim[at..]), Some("Algéria met Mali."));
        assert_eq!(first_hit(claim, "mali alg", "Talks in Mali"), first_hit(claim, "alg", ""));
        assert_eq!(first_hit(claim, "algeria", "Talks in Algeria"), None, "the title shows it");
        assert_eq!(first_hit(claim, "", "2009 Talks"), None);
        assert_eq!(first_hit(claim, "zebra", "2009 Talks"), None, "nowhere");
        assert_eq!(first_hit(claim, "geria", ""), None, "a word is found from its start");
    }

    #[test]
    fn highlights_cover_the_typed_beginnings_of_words() {
        let text = "Keïta, coup d'état";
        let lit: String = text
            .chars()
            .enumerate()
            .map(|(n, c)| if highlights(text, "keit etat co").contains(&n) { c } else { '.' })
            .collect();
        assert_eq!(lit, "Keït...co.....état");
    }
}
