//! The palette: actors by default and `@` sources, fuzzily; `#` events, by
//! words (see [`super::event_words`]). Queries and candidates are
//! accent-folded (`toure` finds Touré); candidates are prepared once; each
//! keystroke scores only what the last one matched.

use super::event_words::EventWords;
use super::state::Target;
use crate::model::{Corpus, EntityId, NAMES_APART};
use crate::text::fold;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;
use std::sync::{Arc, OnceLock};

/// Folded candidate strings, built once per corpus. The events' words are
/// indexed on the first `#` query (on the scorer's thread when there are
/// many): at a gigabyte they take a hundred megabytes that most sessions
/// never use.
pub struct Candidates {
    events: Arc<OnceLock<EventWords>>,
    sources: Vec<String>,
}

impl Candidates {
    pub fn new(corpus: &Corpus) -> Self {
        Candidates::sharing(corpus, Arc::default())
    }

    /// Candidates whose events' words are `events` (the browser's `/` shares them).
    pub fn sharing(corpus: &Corpus, events: Arc<OnceLock<EventWords>>) -> Self {
        let source = |s: &crate::model::Source| fold(&format!("{} {} {}", s.title, s.kind.as_str(), s.path));
        Candidates { events, sources: corpus.sources.iter().map(source).collect() }
    }

    fn events(&self, corpus: &Corpus) -> &EventWords {
        self.events.get_or_init(|| EventWords::new(corpus))
    }
}

/// How many rows are put in order; the other matches are counted, and
/// kept for narrowing, but not sorted (a palette shows a screenful).
pub const RANKED: usize = 1000;

/// Up to this many candidates a keystroke is scored at once on the UI
/// thread (a few milliseconds); above, on the scorer's thread.
pub const SCORED_AT_ONCE: usize = 50_000;

/// What a query found: the best rows in order, how many matched, and every
/// match, so that a longer query rescores only these.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// The query as typed.
    pub typed: String,
    pub(super) mode: char,
    /// The folded query these are for.
    pub(super) query: String,
    /// Every matching candidate, in candidate order.
    pub(super) pool: Vec<u32>,
    pub ranked: Vec<Target>,
    pub total: usize,
}

impl Candidates {
    /// How many candidates a query of this kind scores at most.
    pub fn count(&self, corpus: &Corpus, typed: &str) -> usize {
        match mode(typed).0 {
            '#' => corpus.events.len(),
            '@' => corpus.sources.len(),
            _ => corpus.entities.len(),
        }
    }
}

/// What a query looks for (`#` events, `@` sources, `a` actors) and its text.
fn mode(query: &str) -> (char, &str) {
    match query.chars().next() {
        Some(m @ ('#' | '@')) => (m, &query[1..]),
        _ => ('a', query),
    }
}

/// The matches for `query`, scoring every candidate.
pub fn filter(corpus: &Corpus, candidates: &Candidates, query: &str) -> Matches {
    narrow(corpus, candidates, None, query)
}

/// The matches for `query`; when it only adds to the query of `previous`,
/// only what that one matched is scored (whatever matches `keita` matches
/// `keit`), so each keystroke costs less than the last.
pub fn narrow(corpus: &Corpus, candidates: &Candidates, previous: Option<&Matches>, query: &str) -> Matches {
    let (mode, rest) = mode(query);
    let folded = fold(rest.trim());
    if mode == '#' {
        let found = candidates.events(corpus).find(&folded);
        let ranked = found.events.iter().take(RANKED).map(|&e| Target::Event(e)).collect();
        let total = found.events.len();
        return Matches { typed: query.to_string(), mode, query: folded, pool: Vec::new(), ranked, total };
    }
    let matcher = matcher();
    let text = |i: usize| match mode {
        '@' => candidates.sources[i].as_str(),
        _ => corpus.entities[EntityId::from(i)].folded.as_str(),
    };
    // An actor in events before one without (named, but in no dated sentence), then by mentions.
    let weight = |i: usize| match mode {
        'a' => Weight {
            in_events: corpus.entity_events.get(EntityId::from(i)).is_some_and(|events| !events.is_empty()),
            mentions: corpus.entities[EntityId::from(i)].mentions.len(),
        },
        _ => Weight::default(),
    };
    let score = |i: usize| {
        if folded.is_empty() {
            return Some((0, weight(i), i));
        }
        // Most candidates lack a letter of the query: a byte scan rules them out before the matcher.
        let t = text(i);
        if !subsequence(folded.as_bytes(), t.as_bytes()) {
            return None;
        }
        // An actor's names each on their own: `diarra` is not `d`, `i`, `a`
        // of `sadio camara` and `rra` of an alias after it.
        let forms: &mut dyn Iterator<Item = &str> =
            if mode == 'a' { &mut t.split(NAMES_APART) } else { &mut std::iter::once(t) };
        let scores = forms.filter(|form| subsequence(folded.as_bytes(), form.as_bytes()));
        scores.filter_map(|form| score_of(&matcher, form, &folded)).max().map(|s| (s, weight(i), i))
    };
    let narrowing = previous.filter(|p| p.mode == mode && folded.starts_with(&p.query));
    // Scored on every core.
    let scored: Vec<(i64, Weight, usize)> = match narrowing {
        Some(p) => p.pool.par_iter().filter_map(|&i| score(i as usize)).collect(),
        None => (0..candidates.count(corpus, query)).into_par_iter().filter_map(score).collect(),
    };
    let pool = scored.iter().map(|&(_, _, i)| i as u32).collect();
    let total = scored.len();
    Matches { typed: query.to_string(), mode, query: folded, pool, ranked: best(scored, mode), total }
}

/// The score of `text` for `query`, the same whatever the matcher scored before.
///
/// fuzzy-matcher 0.3 keeps one score matrix per thread, and where `text`
/// has a query character twice in a row (`mm` of `committee` for `omm`) it
/// reads a cell that this text never wrote: `senate foreign relations
/// committee` got 55 or 59 by what came before it, and equal matches were
/// ranked differently from run to run. Those few texts get a matcher of
/// their own, whose matrix is new; the others read only what they wrote.
/// (Scored as for highlighting: `fuzzy_match`'s two-row matrix has more
/// such cells. `use_cache(false)` would do it for all but panics in 0.3.7.)
fn score_of(matcher: &SkimMatcherV2, text: &str, query: &str) -> Option<i64> {
    let matcher = if doubles_a_character_of(text, query) { &self::matcher() } else { matcher };
    matcher.fuzzy_indices(text, query).map(|(score, _)| score)
}

/// Whether `text` has a character of `query` twice in a row.
fn doubles_a_character_of(text: &str, query: &str) -> bool {
    if query.is_ascii() {
        // Most queries: two equal bytes below 0x80 are two equal characters.
        let query = query.as_bytes();
        text.as_bytes().windows(2).any(|pair| pair[0] == pair[1] && query.contains(&pair[0]))
    } else {
        text.chars().zip(text.chars().skip(1)).any(|(a, b)| a == b && query.contains(a))
    }
}

/// The matcher for folded text. Query and candidates are both lower case,
/// so it need not fold case itself (a tenth faster on the longer queries).
fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// Whether the bytes of `needle` occur in `haystack` in order: true of
/// every text the matcher accepts (both are folded to lower case).
fn subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack;
    for &b in needle {
        if b == b' ' {
            continue; // the matcher may skip spaces of the query
        }
        match memchr::memchr(b, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

/// The best [`RANKED`] in order: by score, then (actors) by how often
/// mentioned, then first found. A partial selection, not a full sort.
/// What ranks equal scores: in events first, then more mentions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Weight {
    in_events: bool,
    mentions: usize,
}

fn best(mut scored: Vec<(i64, Weight, usize)>, mode: char) -> Vec<Target> {
    let order = |&(s, w, i): &(i64, Weight, usize)| {
        (std::cmp::Reverse(w.in_events), std::cmp::Reverse(s), std::cmp::Reverse(w.mentions), i)
    };
    if scored.len() > RANKED {
        scored.select_nth_unstable_by_key(RANKED, order);
        scored.truncate(RANKED);
    }
    scored.par_sort_unstable_by_key(order);
    let target = |i: usize| match mode {
        '@' => Target::Source(i.into()),
        _ => Target::Entity(i.into()),
    };
    scored.into_iter().map(|(_, _, i)| target(i)).collect()
}

/// Which characters of `text` the query matches, as char indices, for highlighting.
pub fn highlights(text: &str, query: &str) -> Vec<usize> {
    if let Some(words) = query.strip_prefix('#') {
        return super::event_words::highlights(text, words);
    }
    let q = fold(query.trim_start_matches('@').trim());
    if q.is_empty() {
        return Vec::new();
    }
    let folded: String = text.chars().map(crate::text::fold_lower).collect();
    matcher().fuzzy_indices(&folded, &q).map(|(_, idx)| idx).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const AQIM: &str = "al-qaeda in the islamic maghreb | aqim | al q'aida in the lands of the islamic maghreb | al qa'ida in the islamic maghreb";
    const SENATE: &str = "senate foreign relations committee | senate foreign relations subcommittee on africa";

    #[test]
    fn a_doubled_query_character_is_scored_on_a_new_matrix() {
        let shared = matcher();
        let alone = matcher().fuzzy_indices(SENATE, "omm").map(|(s, _)| s);
        shared.fuzzy_indices(AQIM, "omm");
        // The library's own answer depends on what came before; ours does not.
        assert_ne!(shared.fuzzy_indices(SENATE, "omm").map(|(s, _)| s), alone);
        shared.fuzzy_indices(AQIM, "omm");
        assert_eq!(score_of(&shared, SENATE, "omm"), alone);
    }

    proptest::proptest! {
        /// Whatever a thread scored before, a text scores as on a new matcher.
        /// (Three letters and a space, so that letters come twice in a row
        /// often: without the check for them, several cases of 256 fail.)
        #[test]
        fn a_score_does_not_depend_on_what_was_scored_before(
            before in proptest::collection::vec("[moö ]{0,90}", 1..4),
            text in "[moö ]{0,90}",
            query in "[moö]{1,5}",
        ) {
            let shared = matcher();
            for earlier in &before {
                score_of(&shared, earlier, &query);
            }
            let alone = matcher().fuzzy_indices(&text, &query).map(|(s, _)| s);
            proptest::prop_assert_eq!(score_of(&shared, &text, &query), alone);
        }
    }
}
