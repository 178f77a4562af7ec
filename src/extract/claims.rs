//! Claims: a sentence and one of its dates, with the actors it names and an
//! event kind read from the lexicon's trigger words.

use crate::assets::EventKindRule;
use crate::text::{fold, shorten};
use regex::Regex;
use std::sync::LazyLock;

/// Picks an event kind: the first kind of the lexicon whose trigger words
/// stand in the clause around the date, else in the sentence, else `other`.
pub struct KindClassifier {
    kinds: Vec<(String, Regex)>,
}

impl KindClassifier {
    pub fn new(rules: &[EventKindRule]) -> Self {
        let kinds = rules
            .iter()
            .filter(|k| !k.triggers.is_empty())
            .map(|k| {
                let alternatives: Vec<String> = k
                    .triggers
                    .iter()
                    .map(|t| match t.strip_suffix('*') {
                        Some(stem) => format!(r"{}\w*", regex::escape(&fold(stem))),
                        None => regex::escape(&fold(t)),
                    })
                    .collect();
                let re = Regex::new(&format!(r"\b(?:{})\b", alternatives.join("|"))).expect("trigger regex");
                (k.name.clone(), re)
            })
            .collect();
        KindClassifier { kinds }
    }

    pub fn classify(&self, sentence: &str, date: std::ops::Range<usize>) -> String {
        let clause = clause_around(sentence, date);
        self.first_kind(clause).or_else(|| self.first_kind(sentence)).unwrap_or("other").to_string()
    }

    fn first_kind(&self, text: &str) -> Option<&str> {
        let folded = fold(text);
        self.kinds.iter().find(|(_, re)| re.is_match(&folded)).map(|(name, _)| name.as_str())
    }
}

/// The clause (between `,` `;` `:`) holding the date, with the next clause
/// when it is only a few words (`In 2006, the MCC signed …`).
fn clause_around(sentence: &str, date: std::ops::Range<usize>) -> &str {
    let is_mark = |c: char| matches!(c, ',' | ';' | ':');
    let start = sentence[..date.start].rfind(is_mark).map_or(0, |i| i + 1);
    let mut end = sentence[date.end..].find(is_mark).map_or(sentence.len(), |i| date.end + i);
    if sentence[start..end].split_whitespace().count() < 6 && end < sentence.len() {
        end = sentence[end + 1..].find(is_mark).map_or(sentence.len(), |i| end + 1 + i);
    }
    &sentence[start..end]
}

/// `NIAMEY, Niger — `: a news dateline.
static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Z .'-]{2,}(?:, [A-Z][\p{L} .'-]+)? [—–-] ").expect("regex"));

static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:however|furthermore|moreover|additionally|first and foremost|in addition|meanwhile|also|as a result|despite [^,]{0,60}|following [^,]{0,80}|after [^,]{0,80}|prior to [^,]{0,40}|as of [^,]{0,20}|in [^,]{0,40}|on [^,]{0,40}|since [^,]{0,40}|between [^,]{0,40}|by [^,]{0,40}),\s+").expect("regex")
});

/// A short, readable title from a claim's sentence: lead-in clauses and the
/// date itself dropped, cut at a clause boundary, at most `max` characters.
pub fn title(sentence: &str, date_text: &str, max: usize) -> String {
    let mut s = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(m) = DATELINE.find(&s) {
        s = s[m.end()..].to_string();
    }
    let date = date_text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut stripped = false;
    for prep in ["On ", "In ", "By ", "Since ", ""] {
        if let Some(rest) = s.strip_prefix(&format!("{prep}{date}")).filter(|_| !date.is_empty()) {
            s = rest.trim_start_matches([',', ' ']).to_string();
            stripped = true;
            break;
        }
    }
    if !stripped {
        if let Some(m) = LEAD_IN.find(&s) {
            if m.end() < s.len() / 2 + 20 {
                s = s[m.end()..].to_string();
            }
        }
    }
    // ` in 1992,` goes; `in 2020 and 2021` stays whole.
    for prep in ["on or about ", "in ", "on ", "since ", "by ", "for ", "of ", "from "] {
        let with = format!(" {prep}{date}");
        if let Some(at) = s.find(&with).filter(|_| !date.is_empty()) {
            let after = &s[at + with.len()..];
            if after.is_empty() || after.starts_with([',', '.', ';']) {
                s.replace_range(at..at + with.len(), "");
                break;
            }
        }
    }
    for cut in [", which ", "; ", " -- ", ", who ", ", while ", ", and ", ", but ", " that "] {
        if let Some(at) = s.find(cut) {
            if at > 30 {
                s.truncate(at);
            }
        }
    }
    let s = s.trim_end_matches(['.', ',', ';', ':', ' ']).trim();
    let mut chars = s.chars();
    let capitalised: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    shorten(&capitalised, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_short_and_dateless() {
        let t = title("After the 24 May 2021 military coup, the US suspended security assistance that benefits the Malian Security and Defense Forces.", "24 May 2021", 70);
        assert_eq!(t, "The US suspended security assistance");
        let t = title("In 1992, Mali moved from a one-party state to multiparty democracy.", "1992", 70);
        assert_eq!(t, "Mali moved from a one-party state to multiparty democracy");
        let t = title(
            "On November 27 the Ambassador and Commander of the U.S. Africa Command , General William E .",
            "November 27",
            70,
        );
        assert!(t.starts_with("The Ambassador and Commander"), "{t}");
    }
}
