//! Names of bodies in runs of capitalised words: a head word ending the
//! name (`Millennium Challenge Corporation`), a word opening it (`Ministry
//! of`, `Operation`), a head before a known place (`UN Mission in Ivory
//! Coast`); where one run holds two names; a unit's number.

use super::{is_connector, names, Discoverer, Found, Why};
use crate::extract::context::Reach;
use crate::model::EntityKind;
use names::is_capitalised;

/// Heads of a unit inside a body (`Drug Brigade of the … Police`), where
/// the `of` joins two names; a `Council of the Armed Forces` is one.
const UNIT_HEADS: &[&str] =
    &["Brigade", "Unit", "Squad", "Section", "Division", "Battalion", "Company", "Regiment", "Cell", "Detachment"];

/// The most words of a body's name, its connectors counted (`Office of
/// the United Nations High Commissioner for Refugees` has nine): a longer
/// run of capitals is a line in title case or a list, and as a name it
/// was searched for again all through its document.
pub(super) const MOST_WORDS: usize = 16;

impl Discoverer {
    /// `Millennium Challenge Corporation`, `Ministry of Defense`, `Operation Barkhane`.
    pub(super) fn patterns(&self, text: &str, ws: &[names::Word], out: &mut Vec<Found>) {
        let mut i = 0;
        while i < ws.len() {
            if !is_capitalised(ws[i].text) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < ws.len() && !possessive(ws[j].text) && self.continues_run(ws, j) {
                j += 1;
            }
            let end = j;
            // `the Internal Troops of the former …`: the run ends at its last name word.
            while j > i && is_connector(ws[j].text) {
                j -= 1;
            }
            // `3rd Special Forces Group`: an ordinal before the name is part of it.
            let from = if i > 0 && is_ordinal(ws[i - 1].text) { i - 1 } else { i };
            let run = &ws[from..=j];
            let parts = match self.two_names(run) {
                Some(at) => [&run[..at], &run[at + 1..]],
                None => [run, &run[..0]],
            };
            out.extend(parts.into_iter().filter_map(|part| self.organisation(text, part)).map(|f| numbered(text, f)));
            i = end + 1;
        }
    }

    /// Whether the word after `j` continues a run of capitalised words: a
    /// capitalised word, or a connector between two (`the` only after
    /// another connector: `Bank of the West`, not `Mali the Millennium …`).
    fn continues_run(&self, ws: &[names::Word], j: usize) -> bool {
        let next = ws[j + 1].text;
        if is_capitalised(next) {
            return true;
        }
        let connector = is_connector(next) && (next != "the" || is_connector(ws[j].text));
        // `X and the Y` is two names; `Front for the Liberation of Aïr and Azaouak` one.
        let the_may_follow = !matches!(next, "the" | "and" | "&");
        // `Operation Barkhane on February 17`: a date after the name.
        let dated = |w: &str| matches!(next, "on" | "in") && crate::extract::timex::is_month_name(w);
        connector
            && ws
                .get(j + 2)
                .is_some_and(|w| (is_capitalised(w.text) && !dated(w.text)) || (w.text == "the" && the_may_follow))
    }

    /// Where a run of capitalised words holds two names, the word between
    /// them: `Drug Brigade of the Malian Judiciary Investigation Police` (a
    /// unit of a body, each named in full), `Jane Smith of Georgetown
    /// University` (a person and a body), `AS-FNIS and AS Police` (an
    /// acronym, then another name), `School of Marrakech and Algeria`.
    fn two_names(&self, run: &[names::Word]) -> Option<usize> {
        let acronym = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '-');
        if run.len() >= 3 && run[1].text == "and" && acronym(run[0].text) {
            return Some(1);
        }
        // `School of Marrakech and Algeria`: a name, and a place.
        let and = run.iter().rposition(|w| w.text == "and").filter(|&at| at >= 2 && run.len() - at <= 3);
        if let Some(at) = and.filter(|&at| self.context.names_place(&run[at + 1..])) {
            return Some(at);
        }
        let of = run.iter().position(|w| w.text == "of").filter(|&of| of >= 2)?;
        let body = &run[of + 1..];
        let body = &body[usize::from(body.first()?.text == "the")..];
        let named = body.len() >= 2 && (self.sets.name_heads.contains(body.last()?.text) || self.starts_org(body, 0));
        // `Jane Smith of Georgetown University`: a person, then where they are.
        let titled = usize::from(self.sets.person_titles.contains(run[0].text));
        let person = of - titled == 2 && self.context.is_given_name(run[titled].text);
        ((UNIT_HEADS.contains(&run[of - 1].text) || person) && named).then_some(of)
    }

    /// `Royal Air Force School of Marrakech`, `UN Mission in Ivory Coast`:
    /// a head, then `of` or `in` and a place the lists know, ending the name.
    /// A town after `in` is where the body is, not its name (`the European
    /// Union in Gao`), as is any place after a body the gazetteer knows
    /// (`Wagner Group in Mali`).
    pub(super) fn head_of_place<T: AsRef<str>>(&self, words: &[T]) -> bool {
        let Some(at) = words.iter().rposition(|w| matches!(w.as_ref(), "of" | "in")) else { return false };
        let place = &words[at + 1..];
        let place = &place[usize::from(place.first().is_some_and(|w| w.as_ref() == "the"))..];
        let headed = at >= 1 && self.sets.name_heads.contains(words[at - 1].as_ref());
        if !headed || !(1..=3).contains(&place.len()) {
            return false;
        }
        let Some(reach) = self.context.place_reach(place) else { return false };
        let known = || {
            let body: Vec<&str> = words[..at].iter().map(AsRef::as_ref).collect();
            self.known_forms.contains(&body.join(" "))
        };
        words[at].as_ref() == "of" || (reach == Reach::Area && !known())
    }

    fn organisation(&self, text: &str, run: &[names::Word]) -> Option<Found> {
        // A name takes two words, and the run only shrinks below: most runs
        // are one capitalised word.
        if run.len() < 2 {
            return None;
        }
        // `Superior Commander of the National Gendarmerie`: the organisation after the office.
        // `Chief of Staff Office`, though, is one name: the office's is short.
        let office = run.windows(2).rposition(|w| w[1].text == "of" && self.sets.person_titles.contains(w[0].text));
        let office = office.filter(|&at| run.get(at + 2).is_some_and(|w| w.text == "the") || run.len() - at - 2 >= 3);
        let run = office.map_or(run, |at| &run[at + 2..]);
        // Only words that open a sentence are dropped (`However`, `In`): the
        // `Security` of `Security Assistance Office` stays.
        // `Spain-based`, `French-led`: an adjective before the name.
        let adjective = |w: &str| w.rsplit_once('-').is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase));
        let generic = |at: usize| {
            let w = run[at].text;
            let opener = self.sets.function_words.contains(w) || is_connector(w) || adjective(w);
            opener && !self.starts_org(run, at)
        };
        let skip = (0..run.len()).take_while(|&at| generic(at)).count();
        let run = &run[skip.min(run.len())..];
        let titled = run.first().is_some_and(|w| self.sets.person_titles.contains(w.text));
        if !(2..=MOST_WORDS).contains(&run.len()) || titled {
            return None;
        }
        // `the Department of the Treasury's Office`: the name ends before its `'s`.
        let last = run.last()?.text;
        let last = last.strip_suffix("'s").or_else(|| last.strip_suffix("’s")).unwrap_or(last);
        // `French Air Force`: a head of two words, with a word before it.
        let by_phrase = || {
            let before_last = run.len().checked_sub(2).filter(|_| run.len() >= 3).map(|at| run[at].text);
            (self.sets.organization_head_phrases.iter())
                .any(|h| h.rsplit_once(' ').is_some_and(|(first, end)| end == last && before_last == Some(first)))
        };
        let by_head = self.sets.name_heads.contains(last) || by_phrase() || self.head_of_place(run);
        // `Algerian Group for Call and Combat`: a country's adjective may come first.
        let of_country = run.len() >= 4 && self.starts_org(run, 1) && self.context.is_demonym(run[0].text);
        let by_start = (self.starts_org(run, 0) && run.len() >= 3) || of_country;
        if !(by_head || by_start) {
            return None;
        }
        let range = run[0].range.0..run.last()?.range.0 + last.len();
        let name = &text[range.clone()];
        if self.sets.event_nouns.contains(last) {
            return None;
        }
        Some(Found { range, name: name.to_string(), kind: self.kind_of(name), why: Why::Pattern })
    }

    /// `al-Mourabitoun`, `al-Shabaab`: a movement named with the Arabic
    /// article, standing alone (after a given name it is a person's,
    /// `Ayman al-Zawahiri`; after one alone, see `Resolver::add_found`).
    pub(super) fn article_names(&self, text: &str, ws: &[names::Word], out: &mut Vec<Found>) {
        for (i, w) in ws.iter().enumerate() {
            // Asked of every word: its third byte rules out most at once.
            if w.text.as_bytes().get(2) != Some(&b'-') {
                continue;
            }
            let named = ["al-", "Al-"].iter().any(|a| w.text.strip_prefix(a).is_some_and(is_capitalised));
            let after_name =
                |before: &names::Word| is_capitalised(before.text) && !self.sets.function_words.contains(before.text);
            if named && !(i > 0 && after_name(&ws[i - 1])) && !possessive(w.text) {
                let range = w.range.0..w.range.1;
                out.push(Found {
                    name: text[range.clone()].to_string(),
                    range,
                    kind: EntityKind::Group,
                    why: Why::Article,
                });
            }
        }
    }

    /// Whether word `at` of the run begins a name (`Ministry of`, `Operation`).
    fn starts_org(&self, run: &[names::Word], at: usize) -> bool {
        let w = &run[at];
        let sets = &self.sets;
        // Only a word that can start a name is worth joining to the next.
        let two =
            || run.get(at + 1).is_some_and(|n| sets.organization_starts.contains(&format!("{} {}", w.text, n.text)));
        sets.program_starts.contains(w.text) || (sets.organization_openers.contains(w.text) && two())
    }
}

/// `3rd`, `433rd`, `1er` (French).
fn is_ordinal(word: &str) -> bool {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th" | "er" | "e")
}

fn possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// `Air Parachute Commando n° 10`, `Task Force 121`: a unit's number is
/// part of its name (a year is not: `Army 2012`).
fn numbered(text: &str, mut f: Found) -> Found {
    let after = &text[f.range.end..];
    let Some(rest) = after.strip_prefix(' ') else { return f };
    let marked = ["n° ", "No. ", "no. ", "# "].iter().find_map(|m| rest.strip_prefix(m));
    let number = marked.unwrap_or(rest);
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let ends = !number[digits..].starts_with(|c: char| c.is_alphanumeric());
    let year = digits == 4 && matches!(number.as_bytes()[0], b'1' | b'2');
    if (1..=4).contains(&digits) && ends && !year {
        f.range.end += after.len() - number.len() + digits;
        f.name = text[f.range.clone()].to_string();
    }
    f
}
