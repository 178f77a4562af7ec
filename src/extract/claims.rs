//! Claims: a sentence and one of its dates, with the actors it names and an
//! event kind read from the lexicon's trigger words.

use crate::assets::EventKindRule;
use crate::text::{fold, one_line};
use aho_corasick::AhoCorasick;
use regex::Regex;
use regex_syntax::is_word_character;
use std::sync::LazyLock;

/// Picks an event kind: the first kind of the lexicon whose trigger words
/// stand in the clause around the date, else in the sentence, else `other`.
/// One automaton finds every trigger of every kind: building it takes far
/// less than compiling a Unicode regex per kind, and one pass serves them all.
pub struct KindClassifier {
    names: Vec<String>,
    triggers: AhoCorasick,
    /// For each trigger: its kind (an index into `names`) and whether it is a
    /// stem (`coup*`, which may end inside a word).
    meaning: Vec<(usize, bool)>,
}

impl KindClassifier {
    pub fn new(rules: &[EventKindRule]) -> Self {
        let mut names = Vec::new();
        let mut forms = Vec::new();
        let mut meaning = Vec::new();
        for rule in rules.iter().filter(|k| !k.triggers.is_empty()) {
            for trigger in &rule.triggers {
                let (form, stem) = trigger.strip_suffix('*').map_or((trigger.as_str(), false), |s| (s, true));
                forms.push(fold(form));
                meaning.push((names.len(), stem));
            }
            names.push(rule.name.clone());
        }
        let triggers = AhoCorasick::new(&forms).expect("trigger words build an automaton");
        KindClassifier { names, triggers, meaning }
    }

    /// The kind told by the clause around `date` in `sentence`, if one is.
    pub fn in_clause(&self, sentence: &str, date: std::ops::Range<usize>) -> Option<&str> {
        self.first_kind(clause_around(sentence, date))
    }

    /// The kind told anywhere in `sentence`, else `other`: asked once per
    /// sentence, however many dates it holds.
    pub fn in_sentence(&self, sentence: &str) -> &str {
        self.first_kind(sentence).unwrap_or("other")
    }

    /// The earliest kind with a trigger standing as whole words in `text`.
    fn first_kind(&self, text: &str) -> Option<&str> {
        let folded = fold(text);
        let is_word_at = |c: Option<char>| c.is_some_and(is_word_character);
        self.triggers
            .find_overlapping_iter(folded.as_str())
            .filter(|m| {
                let (kind_stem, before, after) = (
                    self.meaning[m.pattern()],
                    folded[..m.start()].chars().next_back(),
                    folded[m.end()..].chars().next(),
                );
                !is_word_at(before) && (kind_stem.1 || !is_word_at(after))
            })
            .map(|m| self.meaning[m.pattern()].0)
            .min()
            .map(|kind| self.names[kind].as_str())
    }
}

/// The clause (between `,` `;` `:`) holding the date, with the next clause
/// when it is only a few words (`In 2006, the MCC signed …`), and no more
/// than [`CLAUSE_REACH`] bytes either side of the date: a sentence of
/// many dates and no commas is not read whole for each.
fn clause_around(sentence: &str, date: std::ops::Range<usize>) -> &str {
    let is_mark = |c: char| matches!(c, ',' | ';' | ':');
    let from = crate::text::floor_boundary(sentence, date.start.saturating_sub(CLAUSE_REACH));
    let to = crate::text::floor_boundary(sentence, date.end + CLAUSE_REACH).max(date.end);
    let sentence = &sentence[..to];
    let start = sentence[from..date.start].rfind(is_mark).map_or(from, |i| from + i + 1);
    let mut end = sentence[date.end..].find(is_mark).map_or(sentence.len(), |i| date.end + i);
    if sentence[start..end].split_whitespace().count() < 6 && end < sentence.len() {
        end = sentence[end + 1..].find(is_mark).map_or(sentence.len(), |i| end + 1 + i);
    }
    &sentence[start..end]
}

/// Whether `sentence` is a line that only dates its document: besides its
/// `dates` (in order, not overlapping), it holds no word of two letters or
/// more but `dating_words` (`2008-01-14 16:09:00`, `R 141609Z JAN 08`,
/// `PUBLISHED: 10:52 EST, 3 May 2019`).
pub fn only_dates(sentence: &str, dates: &[std::ops::Range<usize>], dating_words: &[String]) -> bool {
    let end = sentence.len()..sentence.len();
    let mut from = 0;
    let gaps = dates.iter().chain([&end]).map(|d| {
        let gap = sentence.get(from..d.start).unwrap_or("");
        from = d.end;
        gap
    });
    let mut words = gaps.flat_map(|gap| gap.split(|c: char| !c.is_alphabetic())).filter(|w| w.chars().count() >= 2);
    words.all(|w| dating_words.iter().any(|d| d.eq_ignore_ascii_case(w)))
}

/// Where a document's closing lists begin (a line `See also`, `References`
/// of `headings`, in its second half), or its end: what follows names
/// articles and sources, it tells no happening.
pub fn lists_start(text: &str, headings: &[String]) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let heading = line.trim().trim_end_matches(':').trim();
        if at >= text.len() / 2 && headings.iter().any(|h| h.eq_ignore_ascii_case(heading)) {
            return at;
        }
        at += line.len();
    }
    text.len()
}

/// How far a clause reaches either side of its date, in bytes: three times
/// the longest clause around a date in the gold sets.
const CLAUSE_REACH: usize = 400;

/// `NIAMEY, Niger — `: a news dateline.
static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Z .'-]{2,}(?:, [A-Z][\p{L} .'-]+)? [—–-] ").expect("regex"));

/// `However,`, `After the coup,`: a lead-in clause. An open lead-in's words
/// are bounded after matching (`LEAD_IN_WORDS`): bounds inside the pattern
/// compile one copy of `[^,]` per count.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:however|furthermore|moreover|additionally|first and foremost|in addition|meanwhile|also|as a result|(?<open>despite|following|after|prior to|as of|in|on|since|between|by) (?<rest>[^,]*)),\s+").expect("regex")
});

/// The most characters an open lead-in may run to before its comma.
fn lead_in_length(open: &str) -> usize {
    match open.to_ascii_lowercase().as_str() {
        "despite" => 60,
        "following" | "after" => 80,
        "as of" => 20,
        _ => 40,
    }
}

/// Where a lead-in clause ends, if `s` opens with one.
fn lead_in(s: &str) -> Option<usize> {
    let caps = LEAD_IN.captures(s)?;
    if let (Some(open), Some(rest)) = (caps.name("open"), caps.name("rest")) {
        if rest.as_str().chars().nth(lead_in_length(open.as_str())).is_some() {
            return None;
        }
    }
    caps.get(0).map(|m| m.end())
}

/// A short, readable title from a claim's sentence: lead-in clauses and the
/// date itself dropped, cut at a clause boundary; whole (views fit it).
pub fn title(sentence: &str, date_text: &str) -> String {
    let mut s = close_up_punctuation(&one_line(sentence));
    if let Some(m) = DATELINE.find(&s) {
        s = s[m.end()..].to_string();
    }
    let date = close_up_punctuation(&one_line(date_text));
    let mut stripped = false;
    for prep in ["On ", "In ", "By ", "Since ", ""] {
        let rest = s.strip_prefix(prep).and_then(|s| s.strip_prefix(date.as_str()));
        if let Some(rest) = rest.filter(|_| !date.is_empty()) {
            s = rest.trim_start_matches([',', ' ']).to_string();
            stripped = true;
            break;
        }
    }
    if !stripped {
        if let Some(end) = lead_in(&s) {
            if end < s.len() / 2 + 20 {
                s = s[end..].to_string();
            }
        }
    }
    // ` in 1992,` goes; `in 2020 and 2021` stays whole.
    // Most titles no longer hold their date: one search spares the eight.
    let holds_date = !date.is_empty() && s.contains(date.as_str());
    for prep in
        ["on or about ", "in ", "on ", "since ", "by ", "for ", "of ", "from "].into_iter().filter(|_| holds_date)
    {
        let with = format!(" {prep}{date}");
        if let Some(at) = s.find(&with) {
            let after = &s[at + with.len()..];
            if after.is_empty() || after.starts_with([',', '.', ';']) {
                s.replace_range(at..at + with.len(), "");
                break;
            }
        }
    }
    cut_clauses(&mut s);
    let s = s.trim_end_matches(['.', ',', ';', ':', ' ']).trim();
    let mut chars = s.chars();
    let mut capitalised = String::with_capacity(s.len() + 2);
    capitalised.extend(chars.next().into_iter().flat_map(char::to_uppercase));
    capitalised.push_str(chars.as_str());
    capitalised
}

/// `Tarkint , in`, `( November 28 )`: the cable's text is tokenised, with
/// punctuation standing between spaces; a title reads it as prose. Takes
/// text on one line (single spaces).
fn close_up_punctuation(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut after_opening = false;
    for token in s.split(' ') {
        let closing = matches!(token, "," | "." | ";" | ":" | ")" | "!" | "?");
        if !out.is_empty() && !closing && !after_opening {
            out.push(' ');
        }
        out.push_str(token);
        after_opening = token == "(";
    }
    out
}

/// Where a title is cut, when past its thirtieth byte: at the first place
/// of each, in this order, in what the ones before it left.
const CUTS: [&str; 8] = [", which ", "; ", " -- ", ", who ", ", while ", ", and ", ", but ", " that "];

static CUT_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(CUTS).expect("cuts build an automaton"));

/// Cuts `s` at [`CUTS`], all found in one pass (eight searches were a
/// fifth of a title's time). A cut's first place in the whole title is its
/// first in what is left of it, if it fits there; if not, it has none there.
fn cut_clauses(s: &mut String) {
    let mut first = [usize::MAX; CUTS.len()];
    for m in CUT_FINDER.find_overlapping_iter(s.as_str()) {
        let k = m.pattern().as_usize();
        first[k] = first[k].min(m.start());
    }
    let mut len = s.len();
    for (cut, at) in CUTS.iter().zip(first) {
        if at > 30 && at.saturating_add(cut.len()) <= len {
            len = at;
        }
    }
    s.truncate(len);
}

/// Compiles this module's patterns now rather than on first use (see
/// `Pipeline::new`).
pub fn compile_patterns() {
    LazyLock::force(&DATELINE);
    LazyLock::force(&LEAD_IN);
    LazyLock::force(&CUT_FINDER);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn closing_lists_start_at_their_heading_in_the_second_half() {
        let headings: Vec<String> = ["see also", "references"].map(String::from).into();
        let body = "Mali held elections in 2013.\n".repeat(4);
        let text = format!("{body}See also\n2012 Malian coup d'état\n2020 in Mali\n");
        assert_eq!(lists_start(&text, &headings), body.len());
        let early = format!("References:\n{body}");
        assert_eq!(lists_start(&early, &headings), early.len(), "not in the first half");
        assert_eq!(lists_start(&body, &headings), body.len());
    }

    #[test]
    fn lines_that_only_date_their_document() {
        let words: Vec<String> = ["created", "published", "updated", "mon", "est"].map(String::from).into();
        let only = |s: &str, dates: &[&str]| {
            let ranges: Vec<_> = dates.iter().map(|d| s.find(d).map(|at| at..at + d.len()).unwrap()).collect();
            only_dates(s, &ranges, &words)
        };
        assert!(only("2008-01-14 16:09:00", &["2008-01-14"]));
        assert!(only("R 141609Z JAN 08", &["141609Z JAN 08"]));
        assert!(only("Mon Feb 01 00:00:00 +0100 2010", &["Feb 01", "2010"]));
        assert!(only("PUBLISHED: 10:52 EST, 3 May 2019", &["3 May 2019"]));
        assert!(!only("Mali became independent in 1960", &["1960"]));
        assert!(!only("Elections on 3 May 2019", &["3 May 2019"]));
    }

    /// One search per cut, each in what the ones before left.
    fn cut_one_by_one(mut s: String) -> String {
        for cut in CUTS {
            if let Some(at) = s.find(cut) {
                if at > 30 {
                    s.truncate(at);
                }
            }
        }
        s
    }

    #[test]
    fn a_cut_the_one_before_cut_through_is_not_made() {
        // ` -- ` cuts first, through the space `, who ` needs.
        let s = "The ambassador met the general in Bamako, who -- as planned -- left.";
        let mut cut = s.to_string();
        cut_clauses(&mut cut);
        assert_eq!(cut, "The ambassador met the general in Bamako, who");
        assert_eq!(cut, cut_one_by_one(s.to_string()));
    }

    proptest! {
        #[test]
        fn clauses_are_cut_as_one_search_per_cut_would(parts in proptest::collection::vec(
            prop::sample::select(vec![
                "word", "é", " ", ",", ";", "-", "th", "at ", "wh", "ich ", ", which ", "; ", " -- ", ", who ",
                ", while ", ", and ", ", but ", " that ",
            ]),
            0..40,
        )) {
            let s = parts.concat();
            let mut cut = s.clone();
            cut_clauses(&mut cut);
            prop_assert_eq!(cut, cut_one_by_one(s));
        }
    }

    #[test]
    fn kinds_are_whole_trigger_words_earliest_kind_first() {
        let classifier = KindClassifier::new(&crate::assets::Assets::bundled().lexicon.kinds);
        let kind =
            |sentence: &str| classifier.in_clause(sentence, 0..0).unwrap_or_else(|| classifier.in_sentence(sentence));
        assert_eq!(kind("The coups of 2012 ended it."), "coup", "a stem takes endings");
        assert_eq!(kind("The aided recovery began."), "other", "a whole word does not");
        assert_eq!(kind("A préélection rally."), "other", "nor does a stem inside a word");
        assert_eq!(kind("Élections were held."), "election", "accents fold");
        assert_eq!(kind("The embassy signed it."), "agreement", "the lexicon's order breaks ties");
        assert_eq!(kind("Talks; then the coup."), "coup", "the clause with the date comes first");
    }

    #[test]
    fn lead_ins_are_bounded() {
        let after = |words: usize| {
            format!(
                "After {}, the US suspended aid to the government of Mali in that year",
                "x ".repeat(words).trim_end()
            )
        };
        assert!(title(&after(3), "").starts_with("The US suspended"));
        // Past eighty characters it is not a lead-in but the sentence.
        assert!(title(&after(41), "").starts_with("After x x"));
    }

    #[test]
    fn titles_are_whole() {
        let long = format!("In 2012, Mali {}.", "and the United States met again ".repeat(5));
        let t = title(&long, "2012");
        assert!(!t.ends_with('…') && t.ends_with("met again"), "{t}");
    }

    #[test]
    fn titles_are_short_and_dateless() {
        let t = title("After the 24 May 2021 military coup, the US suspended security assistance that benefits the Malian Security and Defense Forces.", "24 May 2021");
        assert_eq!(t, "The US suspended security assistance");
        let t = title("In 1992, Mali moved from a one-party state to multiparty democracy.", "1992");
        assert_eq!(t, "Mali moved from a one-party state to multiparty democracy");
        let t = title(
            "On November 27 the Ambassador and Commander of the U.S. Africa Command , General William E .",
            "November 27",
        );
        assert!(t.starts_with("The Ambassador and Commander"), "{t}");
        let t =
            title("On November 27 ( S ) Tarkint , in Gao , saw it ; ATT ( the president ) said so .", "November 27");
        assert_eq!(t, "(S) Tarkint, in Gao, saw it; ATT (the president) said so");
    }

    #[test]
    fn punctuation_standing_alone_is_closed_up_and_other_text_kept() {
        assert_eq!(close_up_punctuation("General William E ."), "General William E.");
        assert_eq!(close_up_punctuation("( ( x ) ) , y"), "((x)), y");
        assert_eq!(close_up_punctuation("U.S. , A.B .C ( S) 1 - 2"), "U.S., A.B .C (S) 1 - 2");
        assert_eq!(close_up_punctuation(", lead"), ", lead");
        assert_eq!(close_up_punctuation(""), "");
    }
}
