//! A source's clean text as the cache keeps it: only what is not the
//! file's own bytes. Most of a clean text is the file's bytes where its
//! offset map says they came from; the rest (a dropped tag's newline, a
//! decoded entity, a repaired character, a transcoded file's whole text)
//! is kept, and the text is rebuilt from the file when read. A document's
//! entry so does not hold the document a second time: at a gigabyte, its
//! entries are 0.5 GB instead of 1.5 GB, written while documents are read.

use crate::model::{ChainedMap, OffsetMap};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

/// What rebuilds a clean text from its file's bytes.
#[derive(Debug, Serialize, Deserialize)]
pub struct Recipe {
    /// A hash of the file's bytes: from a file changed since (even under
    /// the same stamp) nothing is rebuilt.
    raw: u64,
    kept: Kept,
}

#[derive(Debug, Serialize, Deserialize)]
enum Kept {
    /// The pieces of the offset map whose text is not the file's bytes
    /// where the piece points, by index, with their text; every other
    /// piece is the file's bytes.
    Pieces(Vec<(u32, String)>),
    /// The whole text: a transcoded file's text is not in its bytes.
    Whole(String),
}

impl Recipe {
    /// What rebuilds `text`, cleaned from `raw` as `map` says.
    pub fn of(text: &str, map: &ChainedMap, raw: &[u8]) -> Recipe {
        let pieces = if map.inner.is_none() && map.outer.out_len() == text.len() {
            own_pieces(text.as_bytes(), &map.outer, raw)
        } else {
            None
        };
        let kept = pieces.map_or_else(|| Kept::Whole(text.to_owned()), Kept::Pieces);
        Recipe { raw: xxh3_64(raw), kept }
    }

    /// The text again, from the file's bytes `raw`; none if they are not
    /// the bytes it was made from, or if the recipe does not fit `map`.
    pub fn rebuild(&self, map: &ChainedMap, raw: &[u8]) -> Option<String> {
        if xxh3_64(raw) != self.raw {
            return None;
        }
        let own = match &self.kept {
            Kept::Whole(text) => return Some(text.clone()),
            Kept::Pieces(own) => own,
        };
        if map.inner.is_some() {
            return None;
        }
        let out_len = map.outer.out_len();
        let mut text = Vec::with_capacity(out_len);
        let mut own = own.iter().peekable();
        for (i, (out, src)) in map.outer.pieces().enumerate() {
            if text.len() != out.start {
                return None;
            }
            match own.next_if(|(at, _)| *at as usize == i) {
                Some((_, kept)) => text.extend_from_slice(kept.as_bytes()),
                None if out.len() == src.len() => text.extend_from_slice(raw.get(src)?),
                None => return None,
            }
        }
        (own.next().is_none() && text.len() == out_len).then_some(())?;
        String::from_utf8(text).ok()
    }
}

/// The pieces of `map` whose text is not `raw`'s bytes where they point;
/// none if one of them does not hold whole characters.
fn own_pieces(text: &[u8], map: &OffsetMap, raw: &[u8]) -> Option<Vec<(u32, String)>> {
    let mut own = Vec::new();
    for (i, (out, src)) in map.pieces().enumerate() {
        let clean = text.get(out.clone())?;
        if out.len() != src.len() || raw.get(src) != Some(clean) {
            own.push((u32::try_from(i).ok()?, String::from_utf8(clean.to_vec()).ok()?));
        }
    }
    Some(own)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{self, Input};
    use proptest::prelude::*;

    impl Recipe {
        /// How many bytes of text it keeps (the rest is the file's).
        fn kept_bytes(&self) -> usize {
            match &self.kept {
                Kept::Pieces(own) => own.iter().map(|(_, text)| text.len()).sum(),
                Kept::Whole(text) => text.len(),
            }
        }
    }

    /// The clean text of `raw` as a document, its map, and its recipe.
    fn cleaned(name: &str, raw: &[u8]) -> Option<(String, ChainedMap, Recipe)> {
        let loaded = ingest::load(Input { path: name.into(), bytes: raw.to_vec() }).ok()?;
        let recipe = Recipe::of(&loaded.cleaned.text, &loaded.map, raw);
        Some((loaded.cleaned.text, loaded.map, recipe))
    }

    #[test]
    fn plain_text_keeps_nothing_of_its_own() {
        let raw = "On 12 March 2014 the United States and Mali met in Bamako.\n".repeat(20);
        let (text, map, recipe) = cleaned("a.txt", raw.as_bytes()).expect("loads");
        assert_eq!(recipe.kept_bytes(), 0);
        assert_eq!(recipe.rebuild(&map, raw.as_bytes()).as_deref(), Some(text.as_str()));
    }

    #[test]
    fn markup_keeps_only_what_replaced_it() {
        let raw = "<html><body><h1>Mali &amp; the U.S.</h1><p>On 12 March 2014 they met.</p>\
                   <p>Caf\u{e9} talks resumed on 3 May 2015.</p></body></html>";
        let (text, map, recipe) = cleaned("a.html", raw.as_bytes()).expect("loads");
        assert!(recipe.kept_bytes() < 10, "kept {} of {} bytes", recipe.kept_bytes(), text.len());
        assert_eq!(recipe.rebuild(&map, raw.as_bytes()).as_deref(), Some(text.as_str()));
    }

    #[test]
    fn a_transcoded_file_keeps_its_whole_text() {
        let raw: Vec<u8> = b"Caf\xe9 talks in Bamako on 12 March 2014, again and again and again.".to_vec();
        let (text, map, recipe) = cleaned("a.txt", &raw).expect("loads");
        assert_eq!(recipe.kept_bytes(), text.len());
        assert_eq!(recipe.rebuild(&map, &raw).as_deref(), Some(text.as_str()));
    }

    #[test]
    fn other_bytes_rebuild_nothing() {
        let raw = b"On 12 March 2014 the United States and Mali met in Bamako.";
        let (_, map, recipe) = cleaned("a.txt", raw).expect("loads");
        let mut changed = raw.to_vec();
        changed[3] = b'2';
        assert_eq!(recipe.rebuild(&map, &changed), None);
        assert_eq!(recipe.rebuild(&map, &raw[..20]), None);
    }

    #[test]
    fn a_map_it_was_not_made_for_rebuilds_nothing() {
        let raw = b"<p>On 12 March 2014 they met.</p><p>Then &amp; again.</p>";
        let (_, map, recipe) = cleaned("a.html", raw).expect("loads");
        let other = ChainedMap { outer: OffsetMap::identity(raw.len(), 0), inner: None };
        assert!(recipe.rebuild(&map, raw).is_some());
        assert_eq!(recipe.rebuild(&other, raw), None);
    }

    proptest! {
        /// Whatever the document (markup, entities, controls, mojibake,
        /// other encodings), the text is rebuilt exactly.
        #[test]
        fn every_text_is_rebuilt_exactly(
            parts in proptest::collection::vec(prop_oneof![
                Just("<p>".to_string()), Just("</p>".to_string()), Just("&amp;".to_string()),
                Just("&#233;".to_string()), Just("\u{1b}[31m".to_string()), Just("\r\n".to_string()),
                Just("Ã©".to_string()), Just("# ".to_string()), Just("[x](http://a.b)".to_string()),
                Just("\u{feff}".to_string()), "[a-zA-Z0-9 .,é]{0,30}",
            ], 1..40),
            html in any::<bool>(),
            latin1 in any::<bool>(),
        ) {
            let joined = parts.concat();
            let raw: Vec<u8> = if latin1 {
                joined.chars().map(|c| if (c as u32) < 256 { c as u8 } else { b'?' }).collect()
            } else {
                joined.into_bytes()
            };
            let name = if html { "a.html" } else { "a.md" };
            if let Some((text, map, recipe)) = cleaned(name, &raw) {
                prop_assert_eq!(recipe.rebuild(&map, &raw), Some(text));
            }
        }
    }
}
