//! Discovery's rules, and reading that stays linear in a document's shape.

use super::*;

thread_local! {
    /// The places [`Discoverer::row_end`] has read on this thread.
    pub static ROW_PLACES_READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn discoverer() -> (Discoverer, crate::assets::Assets) {
    let assets = crate::assets::Assets::bundled();
    (Discoverer::new(&assets.lexicon.rules, &assets.gazetteer), assets)
}

/// `Minister Minister … Frank Childress`: each title of the row leads
/// to the one name, and each place of the row is read once.
/// The first two bytes of titles rule out no title: each is found where
/// it stands, as the automaton alone finds it.
#[test]
fn every_title_is_found_after_its_first_two_bytes() {
    let (discoverer, assets) = discoverer();
    for title in &assets.lexicon.rules.person_titles {
        for text in [format!("{title} Frank"), format!("met {title}"), title.clone()] {
            let found: Vec<_> = discoverer.titles_in(&text).map(|m| m.range()).collect();
            let at = text.find(title.as_str()).expect("the title");
            let input = Input::new(&text).span(at..text.len()).anchored(Anchored::Yes);
            let alone = discoverer.titles.find(input).map(|m| m.range());
            assert_eq!(found.first().cloned(), alone, "{text:?}");
        }
    }
}

#[test]
fn a_row_of_titles_is_read_once() {
    let (discoverer, _) = discoverer();
    let text = format!("{}Frank Childress met Mali.", "Minister ".repeat(20_000));
    ROW_PLACES_READ.with(|read| read.set(0));
    let mut found = Vec::new();
    discoverer.titled(&text, &mut found);
    let read = ROW_PLACES_READ.with(|read| read.get());
    assert!(read <= 20_001, "{read} places read for a row of 20 000 titles");
    let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["Frank Childress"]);
}

#[test]
fn domains_stand_on_unicode_word_boundaries() {
    let found = |text: &str| {
        let mut out = Vec::new();
        domains(text, &mut out);
        out.into_iter().map(|f| f.name).collect::<Vec<_>>()
    };
    assert_eq!(found("from GlobalSecurity.org, and Reuters.com."), ["GlobalSecurity.org", "Reuters.com"]);
    assert!(found("éGlobalSecurity.org").is_empty());
    assert!(found("GlobalSecurity.orgé").is_empty());
    assert_eq!(found("éFoo-Bar.org"), ["Bar.org"]);
}

#[test]
fn glued_names_are_split() {
    assert_eq!(split_glued("PresidencyDiango Cissoko"), "Diango Cissoko");
    assert_eq!(split_glued("McDonald Smith"), "McDonald Smith");
    assert_eq!(split_glued("iPhone"), "iPhone");
}

/// A word of a megabyte is cut into a thousand sentences; each reads
/// no further into it than it needs to see that the word runs on.
#[test]
fn a_word_longer_than_a_sentence_is_read_once() {
    let (discoverer, assets) = discoverer();
    let rules = &assets.lexicon.rules;
    let text = format!("On 3 May 2019 Minister A{}bank met Mali.", "b".repeat(1 << 20));
    let sentences =
        crate::extract::sentences::Segmenter::new(&rules.abbreviations, &rules.sentence_starters).split(&text).ranges;
    assert!(sentences.len() > 500);
    names::WORD_BYTES_READ.with(|read| read.set(0));
    discoverer.find(&text, &sentences, &[], 0);
    let read = names::WORD_BYTES_READ.with(|read| read.get());
    assert!(read < 4 * text.len(), "{read} bytes of words read in {} bytes", text.len());
}

#[test]
fn headings() {
    assert!(heading_like("Strategic Resources and Economic Partnerships:"));
    assert!(!heading_like("The Millennium Challenge Corporation signed a compact."));
}

#[test]
fn a_repeated_word_is_named_once() {
    assert_eq!(dedupe_words("MILOVANOVIC MILOVANOVIC"), "MILOVANOVIC");
    assert_eq!(dedupe_words(" Ould  Ould\tAbdallah Ould "), "Ould Abdallah Ould");
    assert_eq!(dedupe_words(""), "");
}

proptest::proptest! {
    /// An infobox's field is told by reading its key from the start, as by
    /// seeking the first `: ` and asking what came before it.
    #[test]
    fn a_field_is_told_as_by_seeking_its_colon(s in "[aB1_é.]{0,4}(: |:| )?[aB :]{0,6}") {
        let sought = s.split_once(": ").is_some_and(|(key, _)| {
            key.starts_with(|c: char| c.is_ascii_lowercase()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
        proptest::prop_assert_eq!(field_value(&s), sought, "{:?}", s);
    }
}
