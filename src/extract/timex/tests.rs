//! The tagger: where dates may begin, and what is read around them.

use super::*;

proptest::proptest! {
    /// Texts of date-like pieces, in any case, with anything between:
    /// tried where they may begin, the patterns find what a search finds.
    #[test]
    fn dates_are_found_where_a_search_finds_them(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "5", "05", "2019", "1990s", "141609Z", "12345", "June", "Sept.", "may", "MAR", "Mayor", "of",
            "early", "mid-", "late", "the end of", "The Beginning of", "between", "From", "and", "to", "FY",
            "fiscal year", "'", "on", "Last", "this", "coming", "year", "month", "yesterday", "day", "date",
            "Monday", "in", "the same", "Z", "x", "_", "é", "–", "-", "/", ".", ",", " ", " ", " ", "\n",
            "Friday", "2010", "s", "—", "\u{a0}", "Sept", "1", "years", "days", "later", "4th", "th", "night",
            "weeks", "Week", "ago", "next", "Next",
            "mars", "août", "février", "Décembre", "1er", "juin", "aout", "fé",
        ]),
        0..60,
    ), upper in proptest::bool::ANY) {
        let text = parts.concat();
        let text = if upper { text.to_uppercase() } else { text };
        let tagger = Tagger::new(&["troops".to_string()]);
        proptest::prop_assert_eq!(tagger.find(&text), tagger.find_in(&text, &Tried::Anywhere));
    }
}

/// Every text of up to four of these pieces, which put what may follow
/// a day, a month, a year, `on` and `last` side by side: tried where
/// they may begin, the patterns find what a search finds.
#[test]
fn dates_of_few_pieces_are_found_where_a_search_finds_them() {
    const PIECES: [&str; 16] =
        ["5", "12 ", "2019", "1990", "June", "Sept.", " ", ", ", "\u{a0}", "–", "-", "/", "'s", "of ", "on ", "Friday"];
    let tagger = Tagger::new(&["troops".to_string()]);
    let mut text = String::new();
    for (length, n) in (0..=4).flat_map(|length| (0..PIECES.len().pow(length)).map(move |n| (length, n))) {
        text.clear();
        let mut k = n;
        for _ in 0..length {
            text.push_str(PIECES[k % PIECES.len()]);
            k /= PIECES.len();
        }
        assert_eq!(tagger.find(&text), tagger.find_in(&text, &Tried::Anywhere), "{text:?}");
    }
    for text in ["on 05.06.2019", "5/6/2019", "12-05-2019", "2012\u{a0}–\u{a0}13", "the 1990's", "last\tMonday"] {
        let found = tagger.find(text);
        assert_eq!(found.len(), 1, "{text:?}");
        assert_eq!(found, tagger.find_in(text, &Tried::Anywhere), "{text:?}");
    }
}

/// The places a date may begin are all the places a pattern matches:
/// tried there only, the patterns find the dates a search finds in
/// every bundled document.
#[test]
fn dates_are_found_where_they_may_begin() {
    let tagger = Tagger::new(&["troops".to_string()]);
    let seeds = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("the seeds");
    for path in seeds.map(|entry| entry.expect("a seed").path()) {
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("readable")).into_owned();
        let found = tagger.find(&text);
        assert!(!found.is_empty(), "{} has dates", path.display());
        assert_eq!(found, tagger.find_in(&text, &Tried::Anywhere), "{}", path.display());
    }
}

#[test]
fn a_weekday_dated_alone_is_not_drawn_into_the_date_after_it() {
    let tagger = Tagger::new(&[]);
    let text = "On Saturday from 2014 to 2022 it rained; on Thursday, January 10, 2008 it did not.";
    let dates: Vec<&str> = tagger.find(text).iter().map(|t| &text[t.range.clone()]).collect();
    assert_eq!(dates, ["Saturday", "from 2014 to 2022", "Thursday, January 10, 2008"]);
}
