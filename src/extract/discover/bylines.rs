//! People a document names as its authors: its byline (`By Jane Doe and
//! John Roe`, `Posted on … by iajohnson`, `From Jane Doe, Abuja`), a news
//! agency's credits (`Reporting by Tiemoko Diallo; Editing by Alex
//! Richardson`) and an e-mail's header (`From: Sullivan, Jacob J
//! <SullivanJJ@state.gov>`).

use super::names::{is_capitalised, person_name, Word};
use super::{Found, Why, LATIN_CAPITALS, LATIN_LETTERS};
use crate::model::EntityKind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Bylines. Lengths are checked after matching (see `bylines`): a bounded
/// repetition of a Unicode class compiles to one copy of it per count.
pub(super) static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let posted =
        r"^(?:Posted|Published|Written)\b(?<gap>[^\n]*?)\bby\s+(?<posted>[L][L0-9_.\-]+(?: [U][L\-]+){0,2})\s*$";
    let name = r"[U][L'\-]+(?: [U]\.?)?(?: [U][L'\-]+){1,2}";
    // `By`, or a piece's genre and `by` (`Commentary by Judd Devermont and …`).
    let genre = "Commentary|Analysis|Opinion|Essay|Report|Story|Interview|Words|Text";
    let by = format!(r"^(?:By|(?:{genre}) by)\s+(?<by>{name})(?: and (?<and>{name}))?\s*(?:$|[|,·—–-])");
    // A wire's byline in capitals ends where they do: `By BABA AHMED and SAM MEDNICK Associated Press`.
    let capitals = r"[U](?:[U]|['\-])+(?: [U]\.?)?(?: [U](?:[U]|['\-])+){1,2}";
    let by_capitals = format!(r"^By\s+(?<caps>{capitals})(?: and (?<capsand>{capitals}))?(?:\s|$)");
    // A correspondent and where they write from, on a line alone (`From
    // Aidoghie Paulinus, Abuja`): not a sentence (`From West Africa, troops …`).
    let from = format!(r"^From\s+(?<from>{name}),\s*[U][L\-]+(?: [U][L\-]+)?[ \t]*$");
    let classes =
        |p: &str| p.replace("[L", &format!("[{LATIN_LETTERS}")).replace("[U]", &format!("[{LATIN_CAPITALS}]"));
    let alternatives = [classes(posted), classes(&by), classes(&by_capitals), classes(&from)];
    Regex::new(&format!("(?m){}", alternatives.join("|"))).expect("regex")
});
/// At most this many characters between `Posted` and `by`, and in a
/// posted-by handle.
const BYLINE_GAP: usize = 60;
const HANDLE: usize = 41;
/// The words a credit's role begins with (`Reporting by`, `Additional
/// reporting by`): a sentence that opens with one is a line of credits.
const ROLES: &[&str] = &["Reporting", "Writing", "Editing", "Compiled", "Photo", "Photos"];

/// What a credit names before its people: `Editing by`, `; additional
/// reporting by`, its role written with a capital or not.
static CREDIT_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    let either_case = |role: &&str| format!("[{}{}]{}", &role[..1], role[..1].to_lowercase(), &role[1..]);
    let roles = ROLES.iter().map(either_case).collect::<Vec<_>>().join("|");
    Regex::new(&format!(r"(?:^|[;.,]\s*|\s+and\s+)\(?(?:[Aa]dditional )?(?:{roles}) by\s+")).expect("regex")
});

pub(super) fn bylines(text: &str, out: &mut Vec<Found>) {
    let short = |s: &str, most: usize| s.chars().nth(most).is_none();
    for caps in BYLINE.captures_iter(text) {
        let person = |m: regex::Match| Found {
            range: m.range(),
            name: m.as_str().to_string(),
            kind: EntityKind::Person,
            why: Why::Byline,
        };
        // A name in capitals is named as it is spoken: `Baba Ahmed`.
        let spoken = |m: regex::Match| Found { name: title_case(m.as_str()), ..person(m) };
        if let Some(m) = caps.name("caps") {
            out.push(spoken(m));
            out.extend(caps.name("capsand").map(spoken));
            continue;
        }
        let m = match (caps.name("posted"), caps.name("by")) {
            (Some(posted), _) => {
                let handle = posted.as_str().split(' ').next().unwrap_or_default();
                if !caps.name("gap").is_some_and(|gap| short(gap.as_str(), BYLINE_GAP)) || !short(handle, HANDLE) {
                    continue;
                }
                posted
            }
            (None, Some(by)) => by,
            (None, None) => match caps.name("from") {
                Some(from) => from,
                None => continue,
            },
        };
        out.push(person(m));
        out.extend(caps.name("and").map(person));
    }
}

/// The people of an e-mail's header, when the text opens with one (`From:`
/// first, up to its blank line): each of its `From:`, `To:` and `Cc:`
/// fields' names, split at `;`, without their addresses. `Sullivan, Jacob J`
/// is named `Jacob J. Sullivan`; a name of one word (`H`, `Jake`) is none,
/// nor is a mailbox's (`Africa Desk`): written first to last, a name opens
/// with a `given` name.
pub(super) fn senders(text: &str, given: &dyn Fn(&str) -> bool, out: &mut Vec<Found>) {
    let Some(header) = crate::extract::metadata::email_header(text) else {
        return;
    };
    let mut line_start = header.start;
    for line in text[header].split_inclusive('\n') {
        let field = ["From:", "To:", "Cc:", "CC:", "Bcc:"].iter().find(|f| line.starts_with(*f));
        if let Some(field) = field {
            let mut at = line_start + field.len();
            for part in line[field.len()..].split(';') {
                let name = part.split('<').next().unwrap_or("");
                let lead = name.len() - name.trim_start().len();
                let range = at + lead..at + lead + name.trim().len();
                out.extend(sender_name(&text[range.clone()], given).map(|name| Found {
                    range: range.clone(),
                    name,
                    kind: EntityKind::Person,
                    why: Why::Byline,
                }));
                at += part.len() + 1;
            }
        }
        line_start += line.len();
    }
}

/// A person's name as a header writes it: `Last, First M` or `First Last`,
/// each word capitalised, in the order it is spoken.
fn sender_name(written: &str, given: &dyn Fn(&str) -> bool) -> Option<String> {
    let capitalised = |w: &str| is_capitalised(w) && !w.contains('@');
    let (first, last) = match written.split_once(',') {
        Some((last, first)) => (first.trim(), last.trim()),
        None => match written.rsplit_once(' ') {
            Some((first, last)) if first.split_whitespace().next().is_some_and(given) => (first.trim(), last.trim()),
            _ => return None,
        },
    };
    let words: Vec<&str> = first.split_whitespace().chain(last.split_whitespace()).collect();
    if first.is_empty() || last.is_empty() || words.len() > 4 || !words.iter().all(|w| capitalised(w)) {
        return None;
    }
    // An initial without its full stop: `Jacob J` is `Jacob J.`.
    let first: Vec<String> = first
        .split_whitespace()
        .map(|w| if w.chars().count() == 1 { format!("{w}.") } else { w.to_string() })
        .collect();
    Some(format!("{} {last}", first.join(" ")))
}

/// `BABA AHMED` as `Baba Ahmed`, `MCCAIN-FEINGOLD` as `Mccain-Feingold`,
/// `O'BRIEN` as `O'Brien`.
pub(super) fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut after_letter = false;
    for c in name.chars() {
        if after_letter {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        after_letter = c.is_alphabetic();
    }
    out
}

/// Whether the words `ws` of a sentence open a line of credits
/// (`(Reporting by`, `Additional reporting by`).
pub(super) fn opens_credits(ws: &[Word]) -> bool {
    let ws = &ws[usize::from(ws.first().is_some_and(|w| w.text == "("))..];
    let by = |at: usize| ws.get(at).is_some_and(|w| w.text == "by");
    match ws.first().map(|w| w.text) {
        Some("Additional") => ws.get(1).is_some_and(|w| w.text == "reporting") && by(2),
        Some(first) => ROLES.contains(&first) && by(1),
        None => false,
    }
}

/// The people of each credit in the sentence `line` of credits: after
/// each role, names joined by `,` or `and`, each ending where a name does
/// (`Tiemoko Diallo in Bamako`).
pub(super) fn credits(text: &str, line: Range<usize>, particles: &[String], out: &mut Vec<Found>) {
    let (line_start, line_end) = (line.start, line.end);
    for role in CREDIT_ROLE.find_iter(&text[line]) {
        let mut at = line_start + role.end();
        while let Some(range) = person_name(&text[..line_end], at, particles, &|_| false) {
            let name = &text[range.clone()];
            if name.contains(' ') {
                out.push(Found {
                    range: range.clone(),
                    name: name.to_string(),
                    kind: EntityKind::Person,
                    why: Why::Byline,
                });
            }
            // The next name follows `,`, `and` or `, and`.
            let rest = text[range.end..line_end].trim_start();
            let (comma, rest) = rest.strip_prefix(',').map_or((false, rest), |r| (true, r.trim_start()));
            let next = match rest.strip_prefix("and ") {
                Some(after_and) => after_and,
                None if comma => rest,
                None => break,
            };
            at = line_end - next.len();
        }
    }
}
