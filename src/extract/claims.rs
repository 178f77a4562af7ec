//! Claims: a sentence and one of its dates, with the actors it names and an
//! event kind read from the lexicon's trigger words.

use crate::assets::EventKindRule;
use crate::text::{fold, fold_into};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_syntax::is_word_character;
use std::ops::Range;

thread_local! {
    /// [`KindClassifier::first_kind`]'s folded clause.
    static FOLDED_CLAUSE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

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
        // A DFA: a few hundred short triggers make a small one, and it is
        // read for every clause of every claim. Blind to ASCII case, so that
        // ASCII text is read as it is (see `first_kind`): folded text has no
        // capitals for it to match otherwise.
        let triggers = (AhoCorasick::builder().kind(Some(AhoCorasickKind::DFA)).ascii_case_insensitive(true))
            .build(&forms)
            .expect("trigger words build an automaton");
        KindClassifier { names, triggers, meaning }
    }

    /// The kind told by the clause around `date` in `sentence`, if one is.
    pub fn in_clause(&self, sentence: &str, date: Range<usize>) -> Option<&str> {
        self.first_kind(clause_around(sentence, date))
    }

    /// The kind told anywhere in `sentence`, else `other`: asked once per
    /// sentence, however many dates it holds.
    pub fn in_sentence(&self, sentence: &str) -> &str {
        self.first_kind(sentence).unwrap_or("other")
    }

    /// The earliest kind with a trigger standing as whole words in `text`.
    fn first_kind(&self, text: &str) -> Option<&str> {
        // Folding ASCII text only lowers its case (and turns a backquote
        // into an apostrophe), which the automaton does not heed: a copy of
        // every claim's clause spared.
        if text.is_ascii() && !text.contains('`') {
            return self.first_kind_folded(text);
        }
        // Other clauses folded into the thread's buffer, not a string each.
        FOLDED_CLAUSE.with_borrow_mut(|folded| {
            folded.clear();
            fold_into(text, folded);
            self.first_kind_folded(folded)
        })
    }

    fn first_kind_folded(&self, folded: &str) -> Option<&str> {
        let is_word_at = |c: Option<char>| c.is_some_and(is_word_character);
        self.triggers
            .find_overlapping_iter(folded)
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
fn clause_around(sentence: &str, date: Range<usize>) -> &str {
    &sentence[clause_range(sentence, date)]
}

/// Where the clause around `date` is in `sentence` (see `clause_around`), its spaces trimmed.
pub fn clause_range(sentence: &str, date: Range<usize>) -> Range<usize> {
    // The marks are ASCII: searched for as bytes (every claim of a run-on asks).
    let mark_after = |from: usize, to: usize| memchr::memchr3(b',', b';', b':', &sentence.as_bytes()[from..to]);
    let from = crate::text::floor_boundary(sentence, date.start.saturating_sub(CLAUSE_REACH));
    let to = crate::text::floor_boundary(sentence, date.end + CLAUSE_REACH).max(date.end);
    let before = &sentence.as_bytes()[from..date.start];
    let start = memchr::memrchr3(b',', b';', b':', before).map_or(from, |i| from + i + 1);
    let mut end = mark_after(date.end, to).map_or(to, |i| date.end + i);
    if fewer_words_than(&sentence[start..end], 6) && end < to {
        end = mark_after(end + 1, to).map_or(to, |i| end + 1 + i);
    }
    let clause = &sentence[start..end];
    let trimmed = clause.trim_start();
    let start = start + clause.len() - trimmed.len();
    start..start + trimmed.trim_end().len()
}

/// Whether `text` holds fewer than `n` words (split at white space), told
/// at the `n`th word's first character, not read to its end.
fn fewer_words_than(text: &str, n: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    let mut at = 0;
    while at < text.len() {
        // ASCII read as bytes (every claim of a run-on asks), the rest decoded.
        let (space, len) = match text.as_bytes()[at] {
            b if b.is_ascii() => (char::from(b).is_whitespace(), 1),
            _ => text[at..].chars().next().map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        at += len;
        if !space && !in_word {
            words += 1;
            if words == n {
                return false;
            }
        }
        in_word = !space;
    }
    true
}

/// Whether `sentence` is a line that only dates its document: besides its
/// `dates` (in order, not overlapping), it holds no word of two letters or
/// more but `dating_words` (`2008-01-14 16:09:00`, `R 141609Z JAN 08`,
/// `PUBLISHED: 10:52 EST, 3 May 2019`).
pub fn only_dates(sentence: &str, dates: &[Range<usize>], dating_words: &[impl AsRef<str>]) -> bool {
    let end = sentence.len()..sentence.len();
    let mut from = 0;
    // Loops, not a chain of iterators: every clause of a run-on asks, and
    // most answer at their second word.
    for d in dates.iter().chain([&end]) {
        let gap = sentence.get(from..d.start).unwrap_or("");
        from = d.end;
        for word in gap.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().nth(1).is_some()) {
            if !dating_words.iter().any(|d| d.as_ref().eq_ignore_ascii_case(word)) {
                return false;
            }
        }
    }
    true
}

/// The most words of a heading (`The First Tuareg Rebellion of 1985–1995`),
/// and the most bytes.
const HEADING_WORDS: usize = 12;
const HEADING_BYTES: usize = 160;

/// Whether `sentence` of `text` is a heading: a paragraph of one short line
/// (blank lines around it, or the text's ends) that ends without a mark
/// and holds no label's colon. It names what the section tells (`Second
/// Tuareg Rebellion (2007–2009)`); it tells nothing itself. Only the blanks
/// around the line are read: a text of one endless line asks at every
/// sentence.
pub fn is_heading(text: &str, sentence: Range<usize>) -> bool {
    let line = text[sentence.clone()].trim();
    // Short, unmarked and titled, asked in that order: most sentences are long.
    let short = || line.len() <= HEADING_BYTES && line.split_whitespace().nth(HEADING_WORDS).is_none();
    let unmarked = || !line.ends_with(['.', '!', '?', ':', ';', ',']) && !line.contains(':');
    let titled = || line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if !(short() && unmarked() && titled()) {
        return false;
    }
    // On each side only blanks, then a line end and a blank line, or the text's end.
    let before = text[..sentence.start].chars().rev();
    blank_line_beside(before) && blank_line_beside(text[sentence.end..].chars())
}

/// Whether `side`, the text read away from a line, holds only blanks, then
/// a line end and a blank line, or ends. Only its first blanks are read.
fn blank_line_beside(mut side: impl Iterator<Item = char>) -> bool {
    let mut line_ends = 0;
    loop {
        match side.next() {
            None => return true,
            Some(' ' | '\t' | '\r') => {}
            Some('\n') if line_ends == 1 => return true,
            Some('\n') => line_ends += 1,
            Some(_) => return false,
        }
    }
}

/// Words that may stand beside a date in a line that tells nothing else
/// (`In 2012`, `on 19 December`): with [`only_dates`], such a line is no claim.
pub const DATE_PREPOSITIONS: &[&str] = &["on", "in", "by", "since", "until", "from", "to", "of", "and", "or"];

/// Where a document's closing lists begin (a line `See also`, `References`
/// of `headings`, in its second half, alone or marked as a heading by
/// wiki text's `== See also ==`, or opening a line of what it lists, `See
/// also: 2012 Malian coup d'état`), or its end: what follows names articles
/// and sources, it tells no happening.
pub fn lists_start(text: &str, headings: &[String]) -> usize {
    let is_heading = |h: &str| headings.iter().any(|known| known.eq_ignore_ascii_case(h.trim()));
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let heading = line.trim().trim_matches(['=', '#']).trim().trim_end_matches(':').trim();
        if at >= text.len() / 2 && (is_heading(heading) || counts_replies(heading) || opens_a_list(heading, is_heading))
        {
            return at;
        }
        at += line.len();
    }
    text.len()
}

/// Whether a line is a closing list's heading and its items (`See also:
/// Mali, Niger`), not a sentence after a label (`Notes: the talks ended.`).
fn opens_a_list(line: &str, is_heading: impl Fn(&str) -> bool) -> bool {
    line.split_once(':').is_some_and(|(label, items)| is_heading(label) && !items.trim_end().ends_with(['.', '!', '?']))
}

/// A blog's count of its readers' comments (`12 thoughts on “…”`, `3
/// Responses to …`, `5 comments`).
fn counts_replies(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(4).collect();
    let count = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    let is = |w: &str, any: &[&str]| any.iter().any(|a| w.eq_ignore_ascii_case(a));
    match words.as_slice() {
        [n, what] => count(n) && is(what, &["comments", "comment", "replies", "reply"]),
        // `12 thoughts on “Mali after Serval”`: then the post's title.
        [n, what, on, title, ..] => {
            let titled = title.starts_with(|c: char| c.is_uppercase() || "\"“'‘".contains(c));
            count(n)
                && titled
                && ((is(what, &["thoughts", "thought"]) && is(on, &["on"]))
                    || (is(what, &["responses", "response"]) && is(on, &["to"])))
        }
        _ => false,
    }
}

/// A copyright notice (`© 2023 World News`, `Copyright 2021 …`): its year
/// dates no happening.
pub fn is_copyright(sentence: &str) -> bool {
    let s = sentence.trim_start();
    s.starts_with('©') || s.starts_with("(c) ") || s.starts_with("(C) ") || s.starts_with("Copyright")
}

/// A reference's note of when it was read or kept (`Retrieved 12 March
/// 2020.`, `Archived from the original on 5 May 2013.`, `Accessed …`): a
/// reader's date, not a happening's.
pub fn is_access_note(sentence: &str) -> bool {
    let s = sentence.trim_start();
    ["Retrieved ", "Accessed ", "Archived ", "Last accessed ", "Last retrieved ", "Last visited "]
        .iter()
        .any(|note| crate::text::strip_prefix_ignore_ascii_case(s, note).is_some())
}

/// Whether the date after `before` identifies someone rather than tells
/// what happened: a designation list's `DOB 01 Jan 1968`, a form's `Date
/// of birth:` (`born on 1 January 1968` tells a birth).
pub fn is_identifying(before: &str) -> bool {
    let label = before.trim_end().trim_end_matches(':').trim_end();
    // Asked of every date: the last letter rules out most at once.
    matches!(label.as_bytes().last(), Some(b'B' | b'.' | b'h'))
        && ["DOB", "D.O.B.", "Date of birth", "Date of Birth", "date of birth"].iter().any(|l| label.ends_with(l))
}

/// A citation of a source, as a note or a list of references gives it: a
/// quoted title, then its fields, its date last (`1 "Mali's President
/// Resigns After Coup," Reuters, August 19, 2020.`, `Alexis Arieff,
/// "Mali," CRS In Focus, May 2021.`). The date is the source's, as a
/// footnote's is; a quotation's (`"We will leave," the minister said on 5
/// May.`) is not mistaken for one: its words are told, not listed.
pub fn is_citation(sentence: &str, dates: &[Range<usize>]) -> bool {
    let Some(date) = dates.last() else {
        return false;
    };
    // Asked first, as it reads only the sentence's end: most sentences go on past their last date.
    if !sentence[date.end..].trim_end().bytes().all(|b| matches!(b, b'.' | b')' | b']')) {
        return false;
    }
    let Some((open, quote)) = sentence.char_indices().find(|&(_, c)| c == '"' || c == '“') else {
        return false;
    };
    let before = sentence[..open].trim();
    let numbered = before.bytes().all(|b| b.is_ascii_digit());
    let authored = before.ends_with(',') && before.split_whitespace().count() <= 6;
    let title_at = open + quote.len_utf8();
    let Some((close, quote)) = sentence[title_at..].char_indices().find(|&(_, c)| c == '"' || c == '”') else {
        return false;
    };
    let close = title_at + close;
    if !(numbered || authored) || close > date.start {
        return false;
    }
    let after = &sentence[close + quote.len_utf8()..date.start];
    let titled = sentence[..close].ends_with(',') || after.starts_with(',');
    let fields = after.trim_start_matches(',').trim();
    let listed = |word: &str| {
        word.starts_with(|c: char| !c.is_lowercase())
            || ["of", "the", "and", "for", "in", "on", "no.", "vol.", "pp.", "p."].contains(&word)
    };
    titled
        && (fields.is_empty() || fields.ends_with(','))
        && fields.split_whitespace().count() <= 12
        && fields.split_whitespace().all(listed)
}

/// How far a clause reaches either side of its date, in bytes: three times
/// the longest clause around a date in the gold sets.
const CLAUSE_REACH: usize = 400;

/// Compiles this module's patterns now rather than on first use (see
/// `Pipeline::new`).
pub fn compile_patterns() {
    super::titles::compile_patterns();
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn text_is_classified_as_its_folded_form(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["Coup", "COUPS", "coup", "Élection", "vote", "met", "With", "`", "'", " ", ",", "é", "x"]),
                0..12,
            ),
        ) {
            let classifier = KindClassifier::new(&crate::assets::Assets::bundled().lexicon.kinds);
            let text = parts.concat();
            proptest::prop_assert_eq!(classifier.first_kind(&text), classifier.first_kind(&fold(&text)));
        }

        #[test]
        fn words_are_counted_as_white_space_splits_them(text in "[ a\t\n\r\u{b}\u{a0}\u{2003}é.]{0,24}", n in 1usize..8) {
            proptest::prop_assert_eq!(fewer_words_than(&text, n), text.split_whitespace().count() < n);
        }
    }

    #[test]
    fn citations_are_told_from_quotations() {
        let citation = |s: &str| {
            let dates: Vec<_> = ["August 19, 2020", "May 25, 2021", "May 2021", "5 May 2022"]
                .iter()
                .filter_map(|d| s.find(d).map(|at| at..at + d.len()))
                .collect();
            is_citation(s, &dates)
        };
        assert!(citation("1 \"Mali's President Resigns After Coup,\" Reuters, August 19, 2020."));
        assert!(citation("2 “Mali Junta Ousts Interim Leaders,” BBC News, May 25, 2021."));
        assert!(citation("Alexis Arieff, \"Mali,\" CRS In Focus IF10116, May 2021."));
        assert!(citation("\"Mali and the Sahel\", Journal of Democracy, no. 4, May 2021."));
        assert!(!citation("\"We will leave,\" the minister said on 5 May 2022."));
        assert!(!citation("\"We will leave,\" Goïta said, 5 May 2022."));
        assert!(!citation("The accord, \"a new chapter,\" was signed on 5 May 2022."));
        assert!(!citation("\"Mali,\" Reuters, May 2021, reported the coup."));
        assert!(!citation("Reuters reported \"a coup,\" May 2021."));
    }

    #[test]
    fn closing_lists_start_at_their_heading_in_the_second_half() {
        let headings: Vec<String> = ["see also", "references"].map(String::from).into();
        let body = "Mali held elections in 2013.\n".repeat(4);
        let text = format!("{body}See also\n2012 Malian coup d'état\n2020 in Mali\n");
        assert_eq!(lists_start(&text, &headings), body.len());
        let early = format!("References:\n{body}");
        assert_eq!(lists_start(&early, &headings), early.len(), "not in the first half");
        assert_eq!(lists_start(&body, &headings), body.len());
        let wiki = format!("{body}== See also ==\n* 2012 Malian coup d'état\n");
        assert_eq!(lists_start(&wiki, &headings), body.len(), "a wiki text's heading");
        let inline = format!("{body}See also: 2012 Malian coup d'état, 2020 in Mali\n");
        assert_eq!(lists_start(&inline, &headings), body.len(), "a line of its items");
        let noted = format!("{body}References: the talks of 2012 were noted.\n");
        assert_eq!(lists_start(&noted, &headings), noted.len(), "a sentence after a label");
        let blog = format!("{body}12 thoughts on “Mali after Serval”\nAmadou says:\nApril 3, 2014 at 9:14 am\n");
        assert_eq!(lists_start(&blog, &headings), body.len(), "a blog's comments");
        for told in ["12 soldiers died.", "3 responses to the crisis were weighed.", "2 comments followed"] {
            let text = format!("{body}{told}\n");
            assert_eq!(lists_start(&text, &headings), text.len(), "{told}");
        }
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
        let bare = |s: &str, date: &str| {
            only_dates(s, &[s.find(date).map(|at| at..at + date.len()).unwrap()], DATE_PREPOSITIONS)
        };
        assert!(bare("on 19 December", "19 December"));
        assert!(bare("In 2012, and", "2012"));
        assert!(!bare("on 19 December Mali voted", "19 December"));
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
        assert_eq!(kind("Exports grew, according to the ministry."), "other", "`according to` is no accord");
        assert_eq!(kind("The Algiers Accord was reached."), "agreement");
        assert_eq!(kind("France intervened militarily to halt the advance."), "military");
    }
}
