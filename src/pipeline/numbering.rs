//! Claims' content words as numbers, for merging. Numbered in order of
//! first use in date order (merging breaks ties of rarity by number), but
//! worked out where the text lies: sentences are folded in claim order, a
//! chunk per core with a vocabulary of its own; each word's first use is
//! found in its chunk, and only the corpus's distinct words are numbered
//! on one core. Visiting millions of sentences in date order, one cache
//! miss after another, took more than a second at a gigabyte.

use crate::extract::events::{fold_content_word, written_words};
use crate::model::{Claim, ClaimId, Corpus};
use crate::seeded;
use rayon::prelude::*;
use std::ops::Range;
use typed_index_collections::TiVec;

/// Sentences folded together: enough that a chunk's vocabulary is worth
/// its hashing, few enough that both cores have several.
const CHUNK: usize = 16_384;

/// The content words of the claims in `order` as numbers, in one list, and
/// where each claim's are in it: sorted, once each. A word's number is its
/// rank by first use: the first claim in `order` whose sentence reads it,
/// then its place in that sentence. Claims of one sentence share its
/// words, folded once. Last, each number's word as a hash of its text.
pub(super) fn numbered_words(corpus: &Corpus, order: &[ClaimId]) -> (Vec<u32>, Vec<Range<usize>>, Vec<u64>) {
    let (sentence_of, firsts) = sentences(&corpus.claims);
    let text = |c: ClaimId| corpus.claim_text(&corpus.claims[c]);
    number(&sentence_of, firsts, order, CHUNK, &text)
}

/// [`numbered_words`] of sentences read by `text` (of a claim), folded
/// `chunk` sentences at a time.
fn number<'t>(
    sentence_of: &TiVec<ClaimId, u32>,
    firsts: Vec<ClaimId>,
    order: &[ClaimId],
    chunk: usize,
    text: &(dyn Fn(ClaimId) -> &'t str + Sync),
) -> (Vec<u32>, Vec<Range<usize>>, Vec<u64>) {
    let first_read = first_read(sentence_of, firsts.len(), order);
    let chunks: Vec<Chunk> = firsts.par_chunks(chunk).map(|firsts| Chunk::fold(firsts, text)).collect();
    drop(firsts);
    let first_uses: Vec<Vec<u64>> =
        chunks.par_iter().enumerate().map(|(k, c)| c.first_uses(&first_read[k * chunk..])).collect();
    let (numbers, hashes) = numbers_by_first_use(&chunks, &first_uses);
    let parts: Vec<Sentences> = chunks.par_iter().map(|chunk| chunk.numbered(&numbers)).collect();
    drop(numbers);
    drop(chunks);
    // Laid out as merging reads them, in date order: read in claim order,
    // each claim's words were a cache miss, and merging took longer.
    let in_chunks = |s: usize| parts[s / chunk].get(s % chunk);
    let (mut words, mut spans) = (Vec::new(), vec![0..0; first_read.len()]);
    for (at, &c) in order.iter().enumerate() {
        let s = sentence_of[c] as usize;
        if first_read[s] == at as u32 {
            let sentence = in_chunks(s);
            spans[s] = words.len()..words.len() + sentence.len();
            words.extend_from_slice(sentence);
        }
    }
    drop(parts);
    let claim_spans = order.iter().map(|&c| spans[sentence_of[c] as usize].clone()).collect();
    (words, claim_spans, hashes)
}

/// For each sentence, the first place in `order` of a claim of it.
fn first_read(sentence_of: &TiVec<ClaimId, u32>, sentences: usize, order: &[ClaimId]) -> Vec<u32> {
    let mut place: TiVec<ClaimId, u32> = vec![0; sentence_of.len()].into();
    for (at, &c) in order.iter().enumerate() {
        place[c] = at as u32;
    }
    let mut first = vec![u32::MAX; sentences];
    for (c, &s) in sentence_of.iter_enumerated() {
        first[s as usize] = first[s as usize].min(place[c]);
    }
    first
}

/// Every distinct word's number: its rank by first use in the corpus (the
/// earliest of its first uses in the chunks). No two words share a first
/// use: it is a place in a sentence. And by number, a hash of each word.
fn numbers_by_first_use<'a>(chunks: &'a [Chunk], first_uses: &[Vec<u64>]) -> (seeded::Map<&'a str, u32>, Vec<u64>) {
    let mut earliest: seeded::Map<&str, u64> = seeded::Map::default();
    for (chunk, uses) in chunks.iter().zip(first_uses) {
        for (word, &first) in chunk.vocabulary.iter().zip(uses) {
            let known = earliest.entry(word).or_insert(first);
            *known = (*known).min(first);
        }
    }
    let mut by_use: Vec<(u64, &str)> = earliest.into_iter().map(|(word, first)| (first, word)).collect();
    by_use.sort_unstable();
    let hashes = by_use.iter().map(|(_, word)| xxhash_rust::xxh3::xxh3_64(word.as_bytes())).collect();
    (by_use.into_iter().enumerate().map(|(number, (_, word))| (word, number as u32)).collect(), hashes)
}

/// Each claim's sentence as a number, counted in claim order, and the
/// first claim of each. The claims of one sentence are made one after
/// another, so a scan numbers them (a map of millions of sentences took a
/// second at a gigabyte); a sentence whose claims were apart would be
/// numbered twice, and its words, folded twice, numbered the same.
fn sentences(claims: &TiVec<ClaimId, Claim>) -> (TiVec<ClaimId, u32>, Vec<ClaimId>) {
    let mut last = None;
    let mut firsts = Vec::new();
    let numbers = (claims.iter_enumerated())
        .map(|(c, claim)| {
            let sentence = Some((claim.source, claim.sentence.clone()));
            if sentence != last {
                last = sentence;
                firsts.push(c);
            }
            firsts.len() as u32 - 1
        })
        .collect();
    (numbers, firsts)
}

/// Sentences' words, one sentence after another.
#[derive(Default)]
struct Sentences {
    words: Vec<u32>,
    /// Where each sentence's words end in `words`.
    ends: Vec<u32>,
}

impl Sentences {
    fn push(&mut self, words: impl IntoIterator<Item = u32>) {
        self.words.extend(words);
        self.ends.push(self.words.len() as u32);
    }

    fn get(&self, at: usize) -> &[u32] {
        let start = at.checked_sub(1).map_or(0, |i| self.ends[i] as usize);
        &self.words[start..self.ends[at] as usize]
    }

    fn iter(&self) -> impl Iterator<Item = &[u32]> {
        (0..self.ends.len()).map(|at| self.get(at))
    }
}

/// The content words of a chunk of sentences, as numbers of the chunk's
/// own vocabulary, in the order the sentences read them.
struct Chunk {
    /// The chunk's words, by their number in it.
    vocabulary: Vec<String>,
    sentences: Sentences,
}

impl Chunk {
    fn fold<'t>(firsts: &[ClaimId], text: &(dyn Fn(ClaimId) -> &'t str + Sync)) -> Self {
        let mut ids: seeded::Map<String, u32> = seeded::Map::default();
        // A word as written to its number, or none for a stop word: a
        // chunk's words are mostly met again as written, and are then
        // neither copied nor folded again.
        let mut written: seeded::Map<&'t str, Option<u32>> = seeded::Map::default();
        let (mut sentences, mut folded) = (Sentences::default(), String::new());
        for &c in firsts {
            sentences.push(written_words(text(c)).filter_map(|word| {
                *written.entry(word).or_insert_with(|| {
                    folded.clear();
                    fold_content_word(word, &mut folded).then(|| match ids.get(folded.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = ids.len() as u32;
                            ids.insert(folded.clone(), id);
                            id
                        }
                    })
                })
            }));
        }
        let mut vocabulary = vec![String::new(); ids.len()];
        for (word, id) in ids {
            vocabulary[id as usize] = word;
        }
        Chunk { vocabulary, sentences }
    }

    /// Each word's first use in the chunk: when its sentence is first read
    /// (`first_read`, from the chunk's first sentence on), then its place
    /// in the sentence, in one number that orders both.
    fn first_uses(&self, first_read: &[u32]) -> Vec<u64> {
        let mut first = vec![u64::MAX; self.vocabulary.len()];
        for (sentence, &read) in self.sentences.iter().zip(first_read) {
            for (place, &word) in sentence.iter().enumerate() {
                let at = u64::from(read) << 32 | place as u64;
                first[word as usize] = first[word as usize].min(at);
            }
        }
        first
    }

    /// The chunk's sentences with the corpus's numbers, each sorted and
    /// once each.
    fn numbered(&self, numbers: &seeded::Map<&str, u32>) -> Sentences {
        let local: Vec<u32> = self.vocabulary.iter().map(|word| numbers[word.as_str()]).collect();
        let mut out = Sentences::default();
        let mut numbered = Vec::new();
        for sentence in self.sentences.iter() {
            numbered.clear();
            numbered.extend(sentence.iter().map(|&w| local[w as usize]));
            numbered.sort_unstable();
            numbered.dedup();
            out.push(numbered.iter().copied());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words written in more ways than one, and a stop word.
    const WORDS: [&str; 12] =
        ["mali", "Mali", "MALI", "niger", "coup", "troops", "bamako", "accord", "junta", "The", "élection", "Élection"];

    proptest! {
        /// However the sentences fall into chunks, a word's number is its
        /// rank by first use in date order, as numbering the sentences one
        /// by one in that order gives it.
        #[test]
        fn words_are_numbered_by_first_use_in_date_order(
            sentences in proptest::collection::vec(
                proptest::collection::vec(prop::sample::select(WORDS.to_vec()), 0..6),
                1..12,
            ),
            claims_of in proptest::collection::vec(1usize..4, 12),
            seed in any::<u64>(),
            chunk in 1usize..5,
        ) {
            let texts: Vec<String> = sentences.iter().map(|words| words.join(" ")).collect();
            let sentence_of: TiVec<ClaimId, u32> =
                (0..texts.len()).flat_map(|s| std::iter::repeat_n(s as u32, claims_of[s])).collect();
            let firsts: Vec<ClaimId> = (0..texts.len())
                .map(|s| ClaimId::from(sentence_of.iter().position(|&t| t == s as u32).expect("a claim")))
                .collect();
            let mut order: Vec<ClaimId> = sentence_of.keys().collect();
            let mut state = seed;
            for i in (1..order.len()).rev() {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                order.swap(i, (state >> 33) as usize % (i + 1));
            }
            let text = |c: ClaimId| texts[sentence_of[c] as usize].as_str();
            let (words, spans, _) = number(&sentence_of, firsts, &order, chunk, &text);
            let mut numbers: Vec<String> = Vec::new();
            for (at, &c) in order.iter().enumerate() {
                let mut expected: Vec<u32> = crate::extract::events::content_words(text(c))
                    .lines()
                    .map(|w| match numbers.iter().position(|n| n == w) {
                        Some(n) => n as u32,
                        None => {
                            numbers.push(w.to_string());
                            numbers.len() as u32 - 1
                        }
                    })
                    .collect();
                expected.sort_unstable();
                expected.dedup();
                prop_assert_eq!(&words[spans[at].clone()], expected.as_slice());
            }
        }
    }
}
