//! Discovery's rules, and reading that stays linear in a document's shape.

use super::*;
use aho_corasick::{Anchored, Input};

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
    discoverer.titled(&text, &[], &mut found);
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

/// The kinds as they were read before the thread's buffer: a fresh
/// folded string split by `split(' ')`.
fn kind_as_split(discoverer: &Discoverer, name: &str) -> EntityKind {
    let last = name.rsplit(' ').next().unwrap_or("");
    let first = name.split(' ').next().unwrap_or("");
    let lower = crate::text::fold(name);
    let sets = &discoverer.sets;
    if lower.split(' ').any(|w| sets.group_words.contains(w))
        || sets.group_phrases.iter().any(|g| g.find(lower.as_bytes()).is_some())
    {
        EntityKind::Group
    } else if sets.program_heads.contains(last) || sets.program_starts.contains(first) {
        EntityKind::Program
    } else {
        EntityKind::Organization
    }
}

proptest::proptest! {
    /// Names of the lists' words, in any case, spaced and accented any way.
    #[test]
    fn a_kind_is_read_as_by_splitting(picks in proptest::collection::vec((0usize..1000, 0usize..4, 0usize..4), 0..5)) {
        let (discoverer, assets) = discoverer();
        let rules = &assets.lexicon.rules;
        let lists = [&rules.group_words, &rules.program_heads, &rules.program_starts, &rules.organization_heads];
        let mut name = String::new();
        for (pick, list, gap) in picks {
            let list = lists[list];
            let word = &list[pick % list.len()];
            let word = if pick % 3 == 0 { word.to_uppercase() } else { word.replace('e', "é") };
            name.push_str(&word);
            name.push_str(["", " ", "  ", "\n"][gap]);
        }
        proptest::prop_assert_eq!(discoverer.kind_of(&name), kind_as_split(&discoverer, &name), "{:?}", name);
    }
}

/// A body's name is a few words; a longer run of capitals ending in a
/// head word (a line in title case, a list) names none.
#[test]
fn a_run_of_capitals_longer_than_a_name_names_no_body() {
    let (discoverer, assets) = discoverer();
    let rules = &assets.lexicon.rules;
    let segmenter = crate::extract::sentences::Segmenter::new(&rules.abbreviations, &rules.sentence_starters);
    let bodies = |words: usize| {
        let name: Vec<&str> = (1..words).map(|i| ["Kora", "Bani"][i % 2]).chain(["Council"]).collect();
        let name = name.join(" ");
        let text = format!("In Bamako, officials met the {name}.");
        let found = discoverer.find(&text, &segmenter.split(&text).ranges, &[], 0);
        found.into_iter().filter(|f| f.why == Why::Pattern).map(|f| f.name).collect::<Vec<_>>()
    };
    assert_eq!(bodies(2), ["Bani Council"]);
    assert_eq!(bodies(bodies::MOST_WORDS).len(), 1);
    assert!(bodies(bodies::MOST_WORDS + 1).is_empty());
    assert!(bodies(120).is_empty());
}

/// After `in`, a country or a region ends a body's name; a town is only
/// where the body is, and so is any place after a body the gazetteer knows.
#[test]
fn a_town_after_in_is_where_a_body_is_not_its_name() {
    let (discoverer, _) = discoverer();
    let headed = |name: &str| discoverer.head_of_place(&name.split(' ').collect::<Vec<_>>());
    for name in [
        "UN Mission in Ivory Coast",
        "African Union Mission in Somalia",
        "EU Training Mission in Mali",
        "UN Mission in the Sahel",
        "UN Office in West Africa",
        "Royal Air Force School of Marrakech",
    ] {
        assert!(headed(name), "{name}");
    }
    for name in
        ["European Union in Gao", "Water Agency in Bamako", "Security Council in New York", "Wagner Group in Mali"]
    {
        assert!(!headed(name), "{name}");
    }
}

/// A headline quoted in title case: its capitals name no one after a title.
#[test]
fn a_title_case_headline_names_no_person() {
    let (discoverer, _) = discoverer();
    let names = |text: &str| {
        let mut found = Vec::new();
        discoverer.titled(text, &[], &mut found);
        found.into_iter().map(|f| f.name).collect::<Vec<_>>()
    };
    assert!(names("1 \"Mali's President Resigns After Coup,\" Reuters.").is_empty());
    assert!(names("\"General Quits Over Wagner Deal\"").is_empty());
    assert_eq!(names("President Ibrahim Boubacar Keïta resigned after the coup."), ["Ibrahim Boubacar Keïta"]);
    assert_eq!(names("Minister Abdoulaye Diop, In Bamako"), ["Abdoulaye Diop"]);
}

#[test]
fn a_transcripts_speakers_are_people_named_in_title_case() {
    let (discoverer, _) = discoverer();
    let text = "Senator FLAKE. This hearing will come to order.\n\nAmbassador ROBERTS. Thank you.\n\
                MR PRICE: Good afternoon.\n  Mr. O'BRIEN-SMITH: Yes.\nMr. PRESIDENT. The floor is yours.\n\
                The SENATE. voted\nSenator Flake said NATO: no.\n";
    let mut found = Vec::new();
    discoverer.speakers(text, &mut found);
    let named: Vec<(&str, &str)> = found.iter().map(|f| (f.name.as_str(), &text[f.range.clone()])).collect();
    assert_eq!(
        named,
        [("Flake", "FLAKE"), ("Roberts", "ROBERTS"), ("Price", "PRICE"), ("O'Brien-Smith", "O'BRIEN-SMITH")]
    );
    assert!(found.iter().all(|f| f.kind == EntityKind::Person && f.why == Why::Title));
}

#[test]
fn a_body_named_by_a_head_of_two_words_is_found() {
    let (discoverer, _) = discoverer();
    let text = "In 2013 the French Air Force struck targets while the Air Force of Niger waited.";
    let found = discoverer.find(text, std::slice::from_ref(&(0..text.len())), &[], 0);
    let names: Vec<&str> = found.iter().filter(|f| f.why == Why::Pattern).map(|f| f.name.as_str()).collect();
    assert!(names.contains(&"French Air Force"), "{names:?}");
    assert!(!names.contains(&"Air Force"), "{names:?}");
}

/// Posts as the regex searched over the whole text found them.
fn posts_searched_whole(discoverer: &Discoverer, text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for m in regex::Regex::new(POST_PATTERN).expect("regex").find_iter(text) {
        let city = m.as_str().rsplit(char::is_whitespace).next().unwrap_or("");
        let passed = text[m.end()..].starts_with(char::is_alphanumeric)
            || discoverer.sets.function_words.contains(city)
            || discoverer.not_name(city);
        if !passed {
            let name = format!("Embassy {}{}", &city[..1], city[1..].to_ascii_lowercase());
            out.push(Found { range: m.range(), name, kind: EntityKind::Organization, why: Why::Pattern });
        }
    }
    out
}

proptest::proptest! {
    /// Tried only where a post's word begins, posts are those a search of
    /// the whole text finds.
    #[test]
    fn posts_are_found_as_a_whole_search_finds_them(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "Embassy", "EMBASSY", "AMEMBASSY", "AMCONSUL", "Consulate", "embassy", "CONSUL", "AM", "E",
                " ", "\n", "Bamako", "NIAMEY", "-", "x", "Paris", "é", "the", ",", "9", "Bogot", "á",
            ]),
            0..24,
        ),
    ) {
        let (discoverer, _) = discoverer();
        let text = parts.concat();
        let mut found = Vec::new();
        discoverer.posts(&text, &mut found);
        proptest::prop_assert_eq!(found, posts_searched_whole(&discoverer, &text), "{:?}", text);
    }
}

#[test]
fn a_header_field_of_white_space_names_no_one() {
    let text = "From: ; Smith, Jane\nSent: Tuesday, January 15, 2013 8:12 AM\nTo:  \nSubject: Mali\n\nBody.\n";
    let mut found = Vec::new();
    bylines::senders(text, &|w| w == "Jane", &mut found);
    let names: Vec<&str> = found.iter().map(|f| &text[f.range.clone()]).collect();
    assert_eq!(names, ["Smith, Jane"]);
}
