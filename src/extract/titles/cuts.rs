//! Where a title is cut: at the clause after which it tells no more.

use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Where a title is cut, when past its thirtieth byte: at the first place
/// of each, in this order, in what the ones before it left.
pub(super) const CUTS: [&str; 8] = [", which ", "; ", " -- ", ", who ", ", while ", ", and ", ", but ", " that "];

/// The cut ` that `, which opens a relative clause (`assistance that
/// benefits the army`) but also what was said (`told reporters on Monday
/// that the ambassador had left`): that is the news, and is kept.
const THAT: usize = 7;

/// Verbs of saying, after which ` that ` opens what was said (within
/// [`SAID_REACH`] words: `said on Feb. 17 that`, `told reporters on 2 March
/// 2021 that`).
const SAYING: &str = "said says told tells announced announces stated declared warned added noted confirmed \
                      reported claimed insisted argued stressed acknowledged denied agreed mentioned explained \
                      revealed indicated";

fn is_saying(word: &str) -> bool {
    SAYING.split_whitespace().any(|verb| verb == word)
}

/// How many words before ` that ` a verb of saying is looked for.
const SAID_REACH: usize = 7;

pub(super) static CUT_FINDER: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(CUTS).expect("cuts build an automaton"));

/// Cuts `s` at [`CUTS`], all found in one pass (eight searches were a
/// fifth of a title's time). A cut's first place in the whole title is its
/// first in what is left of it, if it fits there; if not, it has none there.
/// No cut is made before `dated_to` (the clause of the title's date), nor
/// at a ` that ` after a verb of saying.
pub(super) fn cut_clauses(s: &str, dated_to: usize) -> &str {
    // Every cut holds a comma, a semicolon, ` -- ` or ` that `: a title
    // with none (most) is spared the automaton.
    let may_cut = memchr::memchr2(b',', b';', s.as_bytes()).is_some() || s.contains(" that ") || s.contains(" -- ");
    if !may_cut {
        return s;
    }
    let mut first = [usize::MAX; CUTS.len()];
    for m in CUT_FINDER.find_overlapping_iter(s) {
        let k = m.pattern().as_usize();
        first[k] = first[k].min(m.start());
    }
    if first[THAT] != usize::MAX && follows_saying(&s[..first[THAT]]) {
        first[THAT] = usize::MAX;
    }
    let mut len = s.len();
    for (cut, at) in CUTS.iter().zip(first) {
        if at > 30 && at >= dated_to && at.saturating_add(cut.len()) <= len {
            len = at;
        }
    }
    &s[..len]
}

/// Whether one of the last words of `before` is a verb of saying.
pub(super) fn follows_saying(before: &str) -> bool {
    before.rsplit(' ').take(SAID_REACH).any(is_saying)
}
