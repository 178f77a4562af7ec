//! Folding, words and runs, blobs, sizes, boundaries and one-line text.

use super::*;

#[test]
fn a_word_hyphenated_at_a_line_end_is_whole() {
    let unhyphenated = |s| join_hyphenated(s, false);
    assert_eq!(unhyphenated("African Growth and Opportuni-\n  ty Act"), "African Growth and Opportunity Act");
    assert_eq!(unhyphenated("Franco-\nAfrican Council"), "Franco-\nAfrican Council");
    assert_eq!(unhyphenated("Guinea-Bissau"), "Guinea-Bissau");
    assert_eq!(unhyphenated("Mid-\n2023 Forum"), "Mid-\n2023 Forum");
}

#[test]
fn folds_accents_and_case() {
    assert_eq!(fold("Amadou Toumani Touré"), "amadou toumani toure");
    assert_eq!(fold("Assimi Goïta"), "assimi goita");
    assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
}

#[test]
fn counts_are_singular_for_one() {
    assert_eq!(count(1, "mention"), "1 mention");
    assert_eq!(count(0, "source"), "0 sources");
    assert_eq!(count(2, "entity"), "2 entities");
    assert_eq!(count(1, "file"), "1 file");
}

/// The runs read byte by byte, as [`blobs`] finds them by probes.
fn blobs_byte_by_byte(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, &b) in text.as_bytes().iter().enumerate().chain([(text.len(), &b' ')]) {
        if !b.is_ascii_graphic() {
            if at - start > LONGEST_TOKEN {
                out.push(start..at);
            }
            start = at + 1;
        }
    }
    out
}

proptest::proptest! {
    #[test]
    fn blobs_found_by_probes_are_those_read_byte_by_byte(runs in proptest::collection::vec((proptest::prop_oneof![0usize..140, 62usize..70], "[ é\n]{1,3}"), 0..12)) {
        let text: String = runs.iter().map(|(n, gap)| format!("{}{gap}", "x".repeat(*n))).collect();
        proptest::prop_assert_eq!(blobs(&text), blobs_byte_by_byte(&text));
    }

    #[test]
    fn text_on_one_line_is_left_as_it_is(
        text in proptest::prop_oneof!["[a é\t\n\u{a0}\u{2003}\u{2019}\u{3000}\u{85}]{0,30}", "[a é]{0,12}"],
    ) {
        let words: Vec<&str> = text.split_whitespace().collect();
        proptest::prop_assert_eq!(one_line(&text), words.join(" "));
    }

    #[test]
    fn folded_in_runs_as_character_by_character(text in "[a-zA-Z`' éÉïß\u{2019}\u{130}\u{1E9E}\u{300}]{0,30}") {
        let by_character: String = text.chars().flat_map(|c| fold_char(c).to_lowercase()).collect();
        proptest::prop_assert_eq!(fold(&text), by_character);
    }

    /// Eight bytes at a time, a run ends where its table says, for
    /// every byte (each value drawn, and often those at the edges of the
    /// ranges) wherever it falls among the eight.
    #[test]
    fn ascii_runs_read_eight_at_a_time_end_where_the_tables_say(
        bytes in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::num::u8::ANY,
                proptest::sample::select(b"/09:@AZ[`az{_^\x7f\x80\xc3\xff".to_vec()),
                proptest::sample::select(b"aZ5".to_vec()),
            ],
            0..40,
        ),
    ) {
        type OneByOne = fn(&u8) -> bool;
        let tables: [(&[bool; 256], OneByOne); 2] = [
            (&ASCII_ALNUM, u8::is_ascii_alphanumeric),
            (&ASCII_WORD, |b| b.is_ascii_alphanumeric() || *b == b'_'),
        ];
        for (table, contains) in tables {
            for from in 0..bytes.len() {
                let one_by_one = bytes[from..].iter().position(|b| !contains(b)).unwrap_or(bytes.len() - from);
                proptest::prop_assert_eq!(ascii_run_len(&bytes[from..], table), one_by_one);
            }
        }
    }

    #[test]
    fn alphanumeric_runs_are_what_splitting_at_other_characters_leaves(text in "[a-z0-9_ .'é²٣ß·\u{300}-]{0,40}") {
        let split: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        proptest::prop_assert_eq!(alphanumeric_runs(&text).collect::<Vec<_>>(), split);
    }
}

#[test]
fn blobs_are_long_runs_without_spaces() {
    let blob = "QUJD/UK+".repeat(10);
    let text = format!("The UK said so. {blob} Then the EU did.\n{}", "x".repeat(64));
    let found = blobs(&text);
    assert_eq!(found.len(), 1, "64 bytes is still a word");
    assert_eq!(&text[found[0].clone()], blob);
    let uk = text.find("UK").unwrap();
    assert!(!in_blob(&found, &(uk..uk + 2)));
    let inside = found[0].start + 4;
    assert!(in_blob(&found, &(inside..inside + 2)));
    assert!(blobs(&"é".repeat(100)).is_empty(), "not ASCII: a script without spaces");
}

#[test]
fn one_line_squeezes_white_space() {
    assert_eq!(one_line("  General\tWilliam \n\u{a0}E.  Ward "), "General William E. Ward");
    assert_eq!(one_line(" \n "), "");
}

#[test]
fn slugs() {
    assert_eq!(slug("Amadou Toumani Touré"), "amadou-toumani-toure");
    assert_eq!(slug("Côte d'Ivoire"), "cote-divoire");
    assert_eq!(slug("U.S. Africa Command"), "us-africa-command");
}

#[test]
fn shortens_at_words() {
    assert_eq!(shorten("one two three four", 12), "one two…");
    assert_eq!(shorten("short", 12), "short");
    let columns = |c: char| if c.is_ascii() { 1 } else { 2 };
    assert_eq!(shorten_by("北京 上海 广州", 7, columns), "北京…");
    assert_eq!(shorten_by("北京上海", 8, columns), "北京上海");
    assert_eq!(shorten_by("北京上海", 7, columns), "北京上…");
}
