//! People a list names in its own form: a designation list's entry
//! (`DIARRA, Alou Boi, Bamako, Mali; DOB 01 Jan 1968; nationality Mali`),
//! surname first in capitals.

use super::bylines::title_case;
use super::{Found, Why};
use crate::model::EntityKind;
use regex::Regex;
use std::sync::LazyLock;

/// An entry's name: a surname of one or two words in capitals, a comma,
/// the given names capitalised, then the entry goes on (`,`, `;`, ` (a.k.a.`).
static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    let surname = r"[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?";
    let given = r"[A-Z][\p{Ll}'’-]+(?: [A-Z][\p{Ll}'’-]+){0,3}";
    Regex::new(&format!(r"(?:^[ \t]*|\(a\.k\.a\. |; a\.k\.a\. )({surname}), ({given})[,;) ]")).expect("regex")
});

/// What marks a line as a designation list's entry: its identifying fields.
const ENTRY_FIELDS: [&str; 6] = ["; DOB ", "; POB ", "(a.k.a. ", "; nationality ", "(individual)", "; Passport "];

/// The people of a designation list's entries, each named given names first.
pub(super) fn designated(text: &str, out: &mut Vec<Found>) {
    // Most documents hold no such field: one search spares them the lines.
    let holds = |field: &str| memchr::memmem::find(text.as_bytes(), field.as_bytes()).is_some();
    if !holds("; DOB ") && !holds("(individual)") {
        return;
    }
    for start in crate::text::line_starts(text) {
        let line = &text[start..memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |at| start + at)];
        // A line that does not open with two capitals is no entry: spared the regex and the fields.
        if !opens_with_capitals(line) {
            continue;
        }
        if !ENTRY_FIELDS.iter().any(|f| line.contains(f)) {
            continue;
        }
        // The entry's name, then those it is also known by (`(a.k.a. CAMARA, Sadio Cheick)`).
        for caps in ENTRY.captures_iter(line) {
            let (surname, given) = (caps.get(1).expect("a surname"), caps.get(2).expect("given names"));
            let surname_spoken = title_case(surname.as_str());
            // `KONE, Adama Kone`: the given names may end with the surname.
            let name = match given.as_str().ends_with(&format!(" {surname_spoken}")) {
                true => given.as_str().to_string(),
                false => format!("{} {surname_spoken}", given.as_str()),
            };
            let range = start + surname.start()..start + given.end();
            out.push(Found { range, name, kind: EntityKind::Person, why: Why::Listed });
        }
    }
}

fn opens_with_capitals(line: &str) -> bool {
    let b = line.trim_start_matches([' ', '\t']).as_bytes();
    b.len() > 2 && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase()
}

/// Compiles this module's pattern now rather than on first use.
pub(super) fn compile_patterns() {
    LazyLock::force(&ENTRY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_designation_lists_entries_name_people_given_names_first() {
        let text = "The following individuals were added:\n\n\
                    CAMARA, Sadio (a.k.a. CAMARA, Sadio Cheick), Bamako, Mali; DOB 1979; POB Kati, Mali.\n\n\
                    DIARRA, Alou Boi, Bamako, Mali; DOB 01 Jan 1968; nationality Mali (individual).\n\
                    KONE, Adama Kone; DOB 1975; nationality Mali.\n\
                    BAMAKO, Mali (AP) — Soldiers left. DOB\n";
        let mut found = Vec::new();
        designated(text, &mut found);
        let named: Vec<(&str, &str)> = found.iter().map(|f| (f.name.as_str(), &text[f.range.clone()])).collect();
        assert_eq!(
            named,
            [
                ("Sadio Camara", "CAMARA, Sadio"),
                ("Sadio Cheick Camara", "CAMARA, Sadio Cheick"),
                ("Alou Boi Diarra", "DIARRA, Alou Boi"),
                ("Adama Kone", "KONE, Adama Kone")
            ]
        );
    }
}
