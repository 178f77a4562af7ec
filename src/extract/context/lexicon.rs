//! The context rules' word lists as one table, and a run's words folded
//! and looked up in it once, whichever rule asks.

use rustc_hash::FxHashMap;

/// Which of the rules' word lists a word is on, as bits: one lookup
/// answers for all of them (a name's words were asked of up to six sets).
/// Lists of folded words hold folded keys; the others, words as written.
#[derive(Default)]
pub(super) struct Lexicon(FxHashMap<String, u16>);

/// Person roles (`spokesman`).
pub(super) const ROLE: u16 = 1;
/// Words that end a place's name (`region`), folded.
pub(super) const PLACE_HEAD: u16 = 1 << 1;
pub(super) const PLACE_CUE: u16 = 1 << 2;
/// Cues that make any capitalised word a place (`near`, `outside`).
pub(super) const STRONG_CUE: u16 = 1 << 3;
/// Nouns before `of` that make the next name a place (`the towns of`).
pub(super) const PLACE_NOUN: u16 = 1 << 4;
/// Nouns in lower case after a name that make it a place (`Tondibiah base`).
pub(super) const NOUN_AFTER: u16 = 1 << 5;
/// Compass words, folded.
pub(super) const COMPASS: u16 = 1 << 6;
pub(super) const PARTICLE: u16 = 1 << 7;
/// Particles that may also stand elsewhere (`de`, `von`, `al`).
pub(super) const WEAK_PARTICLE: u16 = 1 << 8;
/// Words that never stand in a name read from context (`However`, `June`), folded.
pub(super) const NOT_NAME: u16 = 1 << 9;
/// Words that end an organisation's or a programme's name, or make a group's, folded.
pub(super) const HEAD: u16 = 1 << 10;
/// Folded names of the gazetteer's countries and places.
pub(super) const KNOWN_PLACE: u16 = 1 << 11;
/// Folded first names of the gazetteer's people: given names the lists lack.
pub(super) const KNOWN_GIVEN: u16 = 1 << 12;
/// Folded names of the gazetteer's countries.
pub(super) const KNOWN_COUNTRY: u16 = 1 << 13;
/// Folded names of regions (`sahel`), not towns.
pub(super) const REGION: u16 = 1 << 14;
/// Folded adjectives of the gazetteer's countries and places (`algerian`).
pub(super) const DEMONYM: u16 = 1 << 15;

impl Lexicon {
    pub(super) fn add(&mut self, words: impl IntoIterator<Item = String>, list: u16) {
        for word in words {
            *self.0.entry(word).or_default() |= list;
        }
    }

    /// The lists `word` is on.
    pub(super) fn lists_of(&self, word: &str) -> u16 {
        self.0.get(word).copied().unwrap_or(0)
    }

    /// Whether `word` is on any of `lists`.
    pub(super) fn on(&self, word: &str, lists: u16) -> bool {
        self.lists_of(word) & lists != 0
    }
}

/// Words folded and joined by spaces, as the sets hold names: a word, or
/// the words from one on, is a slice of one string, not a copy.
#[derive(Default)]
pub struct FoldedWords {
    pub(super) joined: String,
    /// Where each word starts in `joined`.
    starts: Vec<usize>,
    /// Each word's lists in the lexicon, once [`FoldedWords::look_up`]:
    /// looked up once, however many rules ask.
    lists: Vec<u16>,
}

impl FoldedWords {
    pub(super) fn new<T: AsRef<str>>(words: &[T]) -> Self {
        let mut folded = FoldedWords::default();
        folded.fill(words);
        folded
    }

    /// Holds `words` instead: one buffer serves every run of a document
    /// (two allocations a run were a tenth of the context rules' cost).
    pub(super) fn fill<T: AsRef<str>>(&mut self, words: &[T]) {
        self.joined.clear();
        self.starts.clear();
        self.lists.clear();
        for w in words {
            if !self.starts.is_empty() {
                self.joined.push(' ');
            }
            self.starts.push(self.joined.len());
            crate::text::fold_into(w.as_ref(), &mut self.joined);
        }
    }

    /// Looks each word up in `lexicon`, for [`FoldedWords::on`].
    pub(super) fn look_up(&mut self, lexicon: &Lexicon) {
        let Self { joined, starts, lists } = self;
        lists.clear();
        lists.extend((0..starts.len()).map(|k| {
            let end = starts.get(k + 1).map_or(joined.len(), |next| next - 1);
            lexicon.lists_of(&joined[starts[k]..end])
        }));
    }

    /// Whether word `i` is on any of `lists` (once looked up).
    pub(super) fn on(&self, i: usize, lists: u16) -> bool {
        self.lists[i] & lists != 0
    }

    pub(super) fn len(&self) -> usize {
        self.starts.len()
    }

    pub(super) fn word(&self, i: usize) -> &str {
        let end = self.starts.get(i + 1).map_or(self.joined.len(), |next| next - 1);
        &self.joined[self.starts[i]..end]
    }

    /// The words from `i` on, joined (`i` at most the number of words).
    pub(super) fn joined_from(&self, i: usize) -> &str {
        self.starts.get(i).map_or("", |&at| &self.joined[at..])
    }

    /// Without its first `n` words.
    pub(super) fn drop_front(&mut self, n: usize) {
        let Some(&cut) = self.starts.get(n) else {
            return;
        };
        self.joined.drain(..cut);
        self.starts.drain(..n);
        self.lists.drain(..n.min(self.lists.len()));
        self.starts.iter_mut().for_each(|at| *at -= cut);
    }
}
