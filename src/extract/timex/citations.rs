//! A year that cites a work, not a time: `(Huntington 1957; Finer 1962)`,
//! `(Powell 2017, p. 45)`, `Savage and Caverley (2017) show`, `Smith et
//! al. (2019)`. An analysis cites its sources by their years; those years
//! are when a work appeared, not when anything it tells happened. So is
//! the year of a numbered resolution: `resolution 2690 (2023)`.

/// Whether the year between `before` and `after` is a citation's (a name
/// right before a year, `(Huntington 1957`, is no date already).
pub fn is_citation(before: &str, after: &str) -> bool {
    let before = before.trim_end_matches(' ');
    match before.strip_suffix('(') {
        // `Wing (2016) argues`: an author, then the year alone in brackets.
        Some(outside) => {
            let outside = outside.trim_end_matches(' ');
            let word = last_word(outside);
            if let Some(numbered) = resolution_number(outside, word) {
                return numbered;
            }
            let named = word.starts_with(char::is_uppercase) || word == "al.";
            named && (word == "al." || cites_a_page(after) || reported(after))
        }
        // `(Smith et al. 2019)`
        None => last_word(before) == "al.",
    }
}

/// Whether a number ending `outside` (its last word is `word`) numbers a
/// resolution (`resolution 2690`, `S/RES/2100`); `None` if no number
/// ends it.
fn resolution_number(outside: &str, word: &str) -> Option<bool> {
    let prefix = word.trim_end_matches(|c: char| c.is_ascii_digit());
    if prefix.len() == word.len() {
        return None;
    }
    if !prefix.is_empty() {
        return Some(prefix.ends_with("RES/"));
    }
    let before = last_word(outside[..outside.len() - word.len()].trim_end());
    Some(before.eq_ignore_ascii_case("resolution") || before.eq_ignore_ascii_case("resolutions"))
}

fn last_word(text: &str) -> &str {
    text.rsplit(char::is_whitespace).next().unwrap_or("")
}

/// `, p. 45`, `, pp. 12-14`, `: 45` after the year.
fn cites_a_page(after: &str) -> bool {
    let after = after.strip_prefix(['a', 'b', 'c']).unwrap_or(after);
    if let Some(page) = after.strip_prefix(':') {
        return page.trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    let Some(rest) = after.strip_prefix(',') else {
        return false;
    };
    let rest = rest.trim_start();
    ["p. ", "pp. ", "p.", "pp."].iter().any(|p| rest.starts_with(p))
}

/// `) show`, `) argues`, `), however, found`: a verb that reports a work.
fn reported(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(['a', 'b', 'c']).unwrap_or(after).strip_prefix(')') else {
        return false;
    };
    // Past an aside between commas (`), however, found`).
    let rest = match rest.strip_prefix(',') {
        Some(aside) => aside.split_once(',').map_or(aside, |(_, verb)| verb),
        None => rest,
    };
    let verb = rest.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    REPORTING
        .iter()
        .any(|stem| verb.strip_prefix(stem).is_some_and(|ending| ["", "s", "d", "ed", "es", "ing"].contains(&ending)))
        || matches!(verb, "found" | "wrote" | "shown" | "identified" | "identifies" | "noted")
}

/// The stems of the verbs that report what a work says.
const REPORTING: &[&str] = &[
    "argue",
    "show",
    "find",
    "note",
    "suggest",
    "observe",
    "claim",
    "contend",
    "write",
    "report",
    "demonstrate",
    "describe",
    "document",
    "estimate",
    "conclude",
    "emphasise",
    "emphasize",
    "highlight",
    "examine",
    "explain",
    "propose",
    "posit",
    "maintain",
    "warn",
    "stress",
    "point",
    "define",
    "trace",
    "analyse",
    "analyze",
    "identify",
];

#[cfg(test)]
mod tests {
    use super::is_citation;

    fn cites(text: &str) -> bool {
        let year = text.find("YEAR").expect("a year's place");
        is_citation(&text[..year], &text[year + 4..])
    }

    #[test]
    fn citations_are_told_from_dates() {
        for text in [
            "in several countries (Smith et al. YEAR).",
            "As Savage and Caverley (YEAR) show, foreign training",
            "Wing (YEAR) argues that",
            "Smith et al. (YEAR) found",
            "as Bøås (YEAR: 12) put it",
            "Wing (YEARa), however, found",
            "adopting resolution 2690 (YEAR) under Chapter VII",
            "Adopting Resolution 2690 (YEAR)",
            "in S/RES/2100 (YEAR), the Council",
        ] {
            assert!(cites(text), "{text}");
        }
        for text in [
            "(YEAR) independence",
            "relations in YEAR, following",
            "the Algiers Accord (YEAR) set out",
            "Mali (YEAR) and Niger",
            "elections (in YEAR) were",
            "the coup (YEAR)",
            "(In YEAR, the army",
            "(see page 4) in YEAR)",
            "(In YEAR)",
            "the 5,100 soldiers (YEAR) left",
            "Article 12 (YEAR)",
        ] {
            assert!(!cites(text), "{text}");
        }
    }
}
