//! What a corpus is built from: files, read when a core is free for them,
//! or documents already in memory; and how a corpus read from the cache
//! gets its texts back from them.

use super::cache::Recipe;
use crate::ingest::{self, Failure, Input};
use crate::model::Corpus;
use crate::seeded;
use rayon::prelude::*;
use std::borrow::Cow;
use std::path::PathBuf;

/// A document to build a corpus from.
pub(super) trait Item: Send + Sync {
    /// Its path, as its source has it.
    fn path(&self) -> Cow<'_, str>;
    /// Its bytes as they are now, if they can be read.
    fn bytes(&self) -> Option<Cow<'_, [u8]>>;
    /// Read, to be extracted.
    fn read(self) -> Result<Input, Failure>;
}

impl Item for Input {
    fn path(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.path)
    }

    fn bytes(&self) -> Option<Cow<'_, [u8]>> {
        Some(Cow::Borrowed(&self.bytes))
    }

    fn read(self) -> Result<Input, Failure> {
        Ok(self)
    }
}

/// A file, read up to a size limit.
pub(super) struct File {
    pub path: PathBuf,
    pub max_bytes: u64,
}

impl Item for File {
    fn path(&self) -> Cow<'_, str> {
        Cow::Owned(self.path.display().to_string())
    }

    fn bytes(&self) -> Option<Cow<'_, [u8]>> {
        ingest::read_file(&self.path, self.max_bytes).ok().map(|input| Cow::Owned(input.bytes))
    }

    fn read(self) -> Result<Input, Failure> {
        ingest::read_file(&self.path, self.max_bytes)
    }
}

/// Gives each source of a corpus read from the cache its text again,
/// rebuilt by its recipe from its document's bytes, on all cores; false
/// (and the corpus is to be built) when a document is not as its source
/// was: changed under the same stamp, or unreadable now.
pub(super) fn restore_texts(corpus: &mut Corpus, recipes: &[Recipe], items: &[impl Item]) -> bool {
    let sources = &corpus.sources.raw;
    if recipes.len() != sources.len() {
        return false;
    }
    let at: seeded::Map<&str, usize> = sources.iter().enumerate().map(|(i, s)| (s.path.as_str(), i)).collect();
    let texts: Option<Vec<(usize, String)>> = items
        .par_iter()
        .filter_map(|item| {
            // A document that has no source failed to load before too.
            let &i = at.get(&*item.path())?;
            let text = item.bytes().and_then(|raw| recipes[i].rebuild(&sources[i].map, raw));
            Some(text.map(|text| (i, text)))
        })
        .collect();
    drop(at);
    let Some(texts) = texts else { return false };
    for (i, text) in texts {
        corpus.sources.raw[i].text = text;
    }
    // A clean text is never empty: one still is, if its document was not among the items.
    corpus.sources.iter().all(|s| !s.text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Cache, Pipeline};

    fn documents() -> Vec<Input> {
        let document = |path: &str, text: &str| Input { path: path.into(), bytes: text.as_bytes().to_vec() };
        vec![
            document("a.md", "# Mali\n\nOn 12 March 2014 *the United States* and Mali met in Bamako.\n"),
            document("b.html", "<p>On 3 May 2015 talks &amp; more talks resumed in Bamako.</p>"),
            document("c.txt", "On 1 June 2016 the embassy in Bamako reopened.\n"),
        ]
    }

    /// The corpus kept in `root`'s cache, as read back: without its texts.
    fn kept(root: &std::path::Path, pipeline: &Pipeline) -> (Corpus, Vec<Recipe>) {
        let namespace = std::fs::read_dir(root).unwrap().next().unwrap().unwrap().path();
        let folders = std::fs::read_dir(namespace).unwrap().map(|f| f.unwrap().path());
        let mut files = folders.flat_map(|f| std::fs::read_dir(f).unwrap().map(|f| f.unwrap().path()));
        let entry = files.find(|p| p.extension().is_some_and(|e| e == "corpus")).expect("kept");
        let (corpus, _, recipes) = pipeline.cache().unwrap().get_corpus(&entry).expect("whole");
        (corpus, recipes)
    }

    #[test]
    fn texts_come_back_only_from_the_bytes_they_were_made_from() {
        let root = tempfile::tempdir().unwrap();
        let pipeline = Pipeline::bundled().with_cache(Cache::new(root.path().to_path_buf(), 7, u64::MAX));
        let inputs = documents();
        let (built, _) = pipeline.build("test", inputs.clone(), Vec::new());

        let (mut corpus, recipes) = kept(root.path(), &pipeline);
        assert!(corpus.sources.iter().all(|s| s.text.is_empty()), "the entry holds no texts");
        assert!(restore_texts(&mut corpus, &recipes, &inputs));
        let texts = |c: &Corpus| c.sources.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&corpus), texts(&built));

        let mut changed = inputs.clone();
        changed[2].bytes[3] = b'2'; // "On 2 June …": the same length, other bytes
        let (mut corpus, recipes) = kept(root.path(), &pipeline);
        assert!(!restore_texts(&mut corpus, &recipes, &changed), "a changed document");
        let (mut corpus, recipes) = kept(root.path(), &pipeline);
        assert!(!restore_texts(&mut corpus, &recipes, &inputs[..2]), "a document gone");
    }
}
