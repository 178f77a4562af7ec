//! Claims: a sentence and one of its dates, with the actors it names and an
//! event kind read from the lexicon's trigger words.

use crate::assets::EventKindRule;
use crate::text::{fold, shorten};
use regex::Regex;
use std::sync::LazyLock;

/// Picks an event kind for a sentence: the kind with the most trigger words
/// in it, the earlier kind of the lexicon on a tie, `other` when none.
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

    pub fn classify(&self, sentence: &str) -> String {
        let folded = fold(sentence);
        let mut best: Option<(&str, usize)> = None;
        for (name, re) in &self.kinds {
            let n = re.find_iter(&folded).count();
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((name, n));
            }
        }
        best.map_or("other", |(n, _)| n).to_string()
    }
}

static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:however|furthermore|moreover|additionally|first and foremost|in addition|meanwhile|also|as a result|despite [^,]{0,60}|following [^,]{0,80}|after [^,]{0,80}|prior to [^,]{0,40}|as of [^,]{0,20}|in [^,]{0,40}|on [^,]{0,40}|since [^,]{0,40}|between [^,]{0,40}|by [^,]{0,40}),\s+").expect("regex")
});

/// A short, readable title from a claim's sentence: lead-in clauses and the
/// date itself dropped, cut at a clause boundary, at most `max` characters.
pub fn title(sentence: &str, date_text: &str, max: usize) -> String {
    let mut s = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(m) = LEAD_IN.find(&s) {
        if m.end() < s.len() / 2 + 20 {
            s = s[m.end()..].to_string();
        }
    }
    let date = date_text.split_whitespace().collect::<Vec<_>>().join(" ");
    for prep in ["On ", "In ", "By ", "Since ", ""] {
        if let Some(rest) = s.strip_prefix(&format!("{prep}{date}")).filter(|_| !date.is_empty()) {
            s = rest.trim_start_matches([',', ' ']).to_string();
            break;
        }
    }
    for prep in ["on or about ", "in ", "on ", "since ", "by ", "for ", "of ", "from ", ""] {
        let with = format!(" {prep}{date}");
        if !date.is_empty() && s.contains(&with) {
            s = s.replacen(&with, "", 1);
            break;
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
        let t = title("On November 27 the Ambassador and Commander of the U.S. Africa Command , General William E .", "November 27", 70);
        assert!(t.starts_with("The Ambassador and Commander"), "{t}");
    }
}
