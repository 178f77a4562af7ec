//! Claims' content words as numbers, for merging: folded where the text
//! lies (in claim order, a chunk of sentences per core, each chunk with a
//! vocabulary of its own), then numbered corpus-wide in date order.

use crate::extract::events::{content_words, Vocabulary};
use crate::model::{Claim, ClaimId, Corpus};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::ops::Range;
use typed_index_collections::TiVec;

/// Sentences folded together: enough that a chunk's vocabulary is worth
/// its hashing, few enough that both cores have several.
const CHUNK: usize = 16_384;

/// The content words of the claims in `order` as numbers, in one list, and
/// where each claim's are in it: sorted, once each, numbered in order of
/// first use in `order` (merging breaks ties of rarity by number). Claims
/// of one sentence share its words, folded once.
pub(super) fn numbered_words(corpus: &Corpus, order: &[ClaimId]) -> (Vec<u32>, Vec<Range<usize>>) {
    let (sentence_of, firsts) = sentences(&corpus.claims);
    let chunks: Vec<Chunk> = firsts.par_chunks(CHUNK).map(|chunk| Chunk::fold(corpus, chunk)).collect();
    drop(firsts);
    let mut vocabulary = Vocabulary::default();
    let mut numbers: Vec<Vec<u32>> = chunks.iter().map(|c| vec![u32::MAX; c.vocabulary.len()]).collect();
    let mut placed = vec![u32::MAX; sentence_of.last().map_or(0, |&s| s as usize + 1)];
    let (mut words, mut spans, mut sentence) = (Vec::new(), Vec::new(), Vec::new());
    let claim_spans: Vec<u32> = order
        .iter()
        .map(|&c| {
            let s = sentence_of[c] as usize;
            if placed[s] == u32::MAX {
                let (chunk, numbers) = (&chunks[s / CHUNK], &mut numbers[s / CHUNK]);
                sentence.clear();
                for &local in chunk.sentence(s % CHUNK) {
                    let number = &mut numbers[local as usize];
                    if *number == u32::MAX {
                        *number = vocabulary.id(&chunk.vocabulary[local as usize]);
                    }
                    sentence.push(*number);
                }
                sentence.sort_unstable();
                sentence.dedup();
                placed[s] = spans.len() as u32;
                spans.push(words.len()..words.len() + sentence.len());
                words.extend_from_slice(&sentence);
            }
            placed[s]
        })
        .collect();
    drop((chunks, numbers, placed, sentence_of));
    words.shrink_to_fit();
    (words, claim_spans.into_iter().map(|s| spans[s as usize].clone()).collect())
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
            let sentence = Some((claim.source, claim.sentence.start));
            if sentence != last {
                last = sentence;
                firsts.push(c);
            }
            firsts.len() as u32 - 1
        })
        .collect();
    (numbers, firsts)
}

/// The content words of a chunk of sentences, as numbers of the chunk's
/// own vocabulary, in the order the sentences read them.
struct Chunk {
    /// The chunk's words, by their number in it.
    vocabulary: Vec<String>,
    words: Vec<u32>,
    /// Where each sentence's words end in `words`.
    ends: Vec<u32>,
}

impl Chunk {
    fn fold(corpus: &Corpus, firsts: &[ClaimId]) -> Self {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let (mut words, mut ends) = (Vec::new(), Vec::with_capacity(firsts.len()));
        for &c in firsts {
            let folded = content_words(corpus.claim_text(&corpus.claims[c]));
            for word in folded.lines() {
                let id = match ids.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = ids.len() as u32;
                        ids.insert(word.to_string(), id);
                        id
                    }
                };
                words.push(id);
            }
            ends.push(words.len() as u32);
        }
        let mut vocabulary = vec![String::new(); ids.len()];
        for (word, id) in ids {
            vocabulary[id as usize] = word;
        }
        Chunk { vocabulary, words, ends }
    }

    fn sentence(&self, at: usize) -> &[u32] {
        let start = at.checked_sub(1).map_or(0, |i| self.ends[i] as usize);
        &self.words[start..self.ends[at] as usize]
    }
}
