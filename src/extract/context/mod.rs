//! Names told by what stands around them: a given name before a surname, a
//! particle of the region (`ag`, `ould`), an apposition (`X Y, a senior
//! official`), a role before a name (`spokesman X Y`), a place noun
//! (`Tahoua Region`), a listed place after a preposition of place (`outside
//! Ouallam`) and a compass word before a known place (`West Africa`).

mod lexicon;

use super::discover::{Found, Why};
use super::lists::{GIVEN_NAMES, PLACES};
use super::names::{is_capitalised, stands_for_a_name, Word};
use crate::assets::{Gazetteer, Rules};
use crate::model::EntityKind;
use crate::text::fold;
pub use lexicon::FoldedWords;
use lexicon::{
    Lexicon, COMPASS, DEMONYM, HEAD, KNOWN_COUNTRY, KNOWN_GIVEN, KNOWN_PLACE, NOT_NAME, NOUN_AFTER, PARTICLE,
    PLACE_CUE, PLACE_HEAD, PLACE_NOUN, REGION, ROLE, STRONG_CUE, WEAK_PARTICLE,
};

/// Most words a personal name read from context has.
const MOST_NAME_WORDS: usize = 4;
/// Most words between an apposition's comma and its role (`, a senior …`).
const APPOSITION_REACH: usize = 5;
/// Verbs of saying: after an apposition's comma they open a clause whose
/// role is the speaker's (`…, says Council President`), not the name's.
const SAYING: &[&str] = &["says", "said", "told", "tells", "adds", "added", "according", "stated"];
/// Most words of a body's name between a role and its acronym.
const MOST_BODY_WORDS: usize = 12;

pub struct ContextRules {
    /// The rules' word lists, each word with the lists it is on.
    lexicon: Lexicon,
    /// Heads of several words (`air force`).
    head_phrases: Vec<String>,
}

thread_local! {
    /// [`ContextRules::place_reach`]'s words, folded.
    static PLACE_WORDS: std::cell::RefCell<FoldedWords> = std::cell::RefCell::new(FoldedWords::default());
}

/// How much a place name covers (see [`ContextRules::place_reach`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Town,
    Area,
}

/// A run of name words in a sentence: word indices `start..end`, and the
/// words folded (each folded once, whichever rule asks).
struct Run<'f> {
    start: usize,
    end: usize,
    folded: &'f FoldedWords,
}

impl ContextRules {
    pub fn new(rules: &Rules, gazetteer: &Gazetteer) -> Self {
        let mut lexicon = Lexicon::default();
        for e in &gazetteer.entities {
            match e.kind {
                EntityKind::Country | EntityKind::Place => {
                    let list = if e.kind == EntityKind::Country { KNOWN_PLACE | KNOWN_COUNTRY } else { KNOWN_PLACE };
                    lexicon.add(std::iter::once(&e.name).chain(&e.aliases).map(|n| fold(n)), list);
                    lexicon.add(e.demonyms.iter().map(|d| fold(d)), DEMONYM);
                }
                EntityKind::Person => lexicon.add(e.name.split(' ').next().map(fold), KNOWN_GIVEN),
                _ => {}
            }
        }
        let heads = (rules.organization_heads.iter().chain(&rules.program_heads))
            .chain(rules.group_words.iter().filter(|w| !w.contains(' ')))
            .map(|w| fold(w));
        lexicon.add(heads, HEAD);
        let head_phrases = (rules.organization_heads.iter().chain(&rules.program_heads))
            .filter(|h| h.contains(' '))
            .map(|h| fold(h))
            .collect();
        lexicon.add(rules.person_roles.iter().cloned(), ROLE);
        lexicon.add(rules.place_heads.iter().map(|w| fold(w)), PLACE_HEAD);
        lexicon.add(rules.place_cues.iter().cloned(), PLACE_CUE);
        lexicon.add(rules.strong_place_cues.iter().cloned(), STRONG_CUE);
        lexicon.add(rules.place_nouns.iter().cloned(), PLACE_NOUN);
        lexicon.add(rules.place_nouns_after.iter().cloned(), NOUN_AFTER);
        lexicon.add(rules.compass_words.iter().map(|w| fold(w)), COMPASS);
        lexicon.add(rules.region_names.iter().map(|w| fold(w)), REGION);
        lexicon.add(rules.strong_particles.iter().cloned(), PARTICLE);
        lexicon.add(rules.name_particles.iter().cloned(), WEAK_PARTICLE);
        lexicon.add(rules.not_names.iter().chain(&rules.function_words).map(|w| fold(w)), NOT_NAME);
        ContextRules { lexicon, head_phrases }
    }

    /// Whether `folded` names a place the gazetteer or the place list knows.
    pub fn is_place(&self, folded: &str) -> bool {
        self.lexicon.on(folded, KNOWN_PLACE) || PLACES.contains(folded)
    }

    /// Whether `word` is a given name the lists or the gazetteer know.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_folded(&fold(word))
    }

    /// [`Self::is_given_name`] of a word folded already.
    fn given_folded(&self, folded: &str) -> bool {
        GIVEN_NAMES.contains(folded) || self.lexicon.on(folded, KNOWN_GIVEN)
    }

    /// Whether `word` is a known place's adjective (`Algerian`).
    pub fn is_demonym(&self, word: &str) -> bool {
        self.lexicon.on(&fold(word), DEMONYM)
    }

    /// Whether `words`, folded and joined, name such a place (`Ivory Coast`).
    pub fn names_place<T: AsRef<str>>(&self, words: &[T]) -> bool {
        self.place_reach(words).is_some()
    }

    /// What place `words` name, if any: a town, or more than a town (a
    /// country, a region or a place with a compass word: `Niger`, `the
    /// Sahel`, `West Africa`; not `Gao`). Folded once for both questions.
    pub fn place_reach<T: AsRef<str>>(&self, words: &[T]) -> Option<Reach> {
        // Folded into the thread's buffer: a run-on of bodies `in Bamako` asks at each.
        PLACE_WORDS.with_borrow_mut(|folded| {
            folded.fill(words);
            if !self.is_place(&folded.joined) {
                return None;
            }
            folded.look_up(&self.lexicon);
            let compass = (0..folded.len()).any(|k| folded.on(k, COMPASS));
            let area = compass || self.lexicon.on(&folded.joined, KNOWN_COUNTRY | REGION);
            Some(if area { Reach::Area } else { Reach::Town })
        })
    }

    /// Names in one sentence's words `ws`. In a heading (`Frank Narrative`)
    /// a given name is not enough to make a person. `folded` is a buffer to
    /// fold them in, kept from one sentence to the next.
    pub fn find(&self, text: &str, ws: &[Word], heading: bool, folded: &mut FoldedWords, out: &mut Vec<Found>) {
        let mut i = 0;
        // Where the last place found ends: `in A, B and C` names three.
        let mut place_end = None;
        while i < ws.len() {
            let listed_after_place = i > 0 && place_end == Some(i - 1) && matches!(ws[i - 1].text, "," | "and" | "or");
            let (end, run) = self.run_at(ws, i, listed_after_place, folded);
            // Past the whole run, named or not: each word is read once.
            let Some(run) = run else {
                i = end;
                continue;
            };
            if let Some(found) = self.leader(text, ws, &run) {
                out.push(found);
                i = run.end + 1;
                continue;
            }
            let person = self.person(text, ws, &run, heading);
            if let Some(found) = person.or_else(|| self.place(text, ws, &run, listed_after_place)) {
                if found.kind == EntityKind::Place {
                    place_end = Some(run.end);
                }
                out.push(found);
            }
            i = run.end;
        }
    }

    /// The run of name words from `i`: capitalised words and initials, with
    /// particles between them (`Tinka ag Almouner`, `Cédric de Pierrepont`).
    /// A lone word with nothing around it that makes a place is passed over
    /// before its words are folded: most capitalised words are such.
    /// Where the run ends, and the run if it may be a name.
    fn run_at<'f>(
        &self,
        ws: &[Word],
        i: usize,
        listed_after_place: bool,
        folded: &'f mut FoldedWords,
    ) -> (usize, Option<Run<'f>>) {
        let name_word = |w: &Word| is_capitalised(w.text) && !w.text.chars().any(|c| c.is_ascii_digit());
        if !name_word(&ws[i]) {
            return (i + 1, None);
        }
        let mut end = i + 1;
        while let Some(w) = ws.get(end) {
            if name_word(w) || hyphen_particle(w.text) {
                end += 1;
            } else if ws.get(end + 1).is_some_and(name_word) && self.is_particle(w.text) {
                // Looked up only before a name word: most runs end at a word that is neither.
                end += 2;
            } else {
                break;
            }
        }
        let led = i > 0 && ws[i - 1].text.eq_ignore_ascii_case("the") && led_by(ws, end).is_some();
        if end == i + 1 && !listed_after_place && !led && !self.may_be_place(ws, i) {
            return (end, None);
        }
        folded.fill(&ws[i..end]);
        folded.look_up(&self.lexicon);
        // A sentence's first words (`However`, `The`) are not part of a name;
        // a compass word may be (`Northern Burkina Faso`).
        let Some(skip) = (0..folded.len()).position(|k| !folded.on(k, NOT_NAME) || folded.on(k, COMPASS)) else {
            return (end, None);
        };
        folded.drop_front(skip);
        (end, Some(Run { start: i + skip, end, folded }))
    }

    /// `the Gaddafi regime`: the leader; `the Obama administration`: the
    /// government that bears the leader's name, a body of its own; `the
    /// Algiers peace accord`: an agreement named for where it was signed.
    fn leader(&self, text: &str, ws: &[Word], run: &Run) -> Option<Found> {
        let the = run.start > 0 && ws[run.start - 1].text.eq_ignore_ascii_case("the");
        if !the {
            return None;
        }
        if let Some(end) = self.accord_end(ws, run) {
            return Some(found(text, &ws[run.start..end], EntityKind::Program, Why::Accord));
        }
        let noun = led_by(ws, run.end)?;
        let named = (0..run.folded.len()).all(|k| !run.folded.on(k, NOT_NAME | HEAD));
        if !named || run.folded.len() > 3 || self.is_place(&run.folded.joined) {
            return None;
        }
        let words = &ws[run.start..run.end];
        match noun {
            Led::Regime => Some(found(text, words, EntityKind::Person, Why::Apposition)),
            Led::Administration => Some(found(text, &ws[run.start..=run.end], EntityKind::Organization, Why::Pattern)),
            Led::Accord(_) => None,
        }
    }

    /// Where an agreement named for a known place ends: after the run in
    /// capitals (`Ouagadougou Agreement`, `Algiers Peace Accord`) or after
    /// the words in small letters that follow it (`Algiers peace accord`).
    fn accord_end(&self, ws: &[Word], run: &Run) -> Option<usize> {
        let folded = &run.folded;
        let n = folded.len();
        if n >= 2 && is_accord(folded.word(n - 1)) {
            let peace = usize::from(n >= 3 && folded.word(n - 2) == "peace");
            return self.names_place(&ws[run.start..run.end - 1 - peace]).then_some(run.end);
        }
        match led_by(ws, run.end)? {
            Led::Accord(words) if self.is_place(&folded.joined) => Some(run.end + words),
            _ => None,
        }
    }

    /// Whether the lone word `i` has what [`Self::place`] asks for: a cue
    /// before it (a lower-case word, as cues are) or a comma after it.
    fn may_be_place(&self, ws: &[Word], i: usize) -> bool {
        let before = i.checked_sub(1).map(|k| ws[k].text);
        let cued = before.is_some_and(|w| self.lexicon.on(w, PLACE_CUE | STRONG_CUE));
        cued || ws.get(i + 1).is_some_and(|w| w.text == "," || self.place_noun_follows(ws, i + 1))
    }

    /// `Tahoua region`, `Tondibiah base`, `the Tahoua and Tillabéri regions`:
    /// a place noun in lower case at `at`, or after `and` and a name.
    fn place_noun_follows(&self, ws: &[Word], at: usize) -> bool {
        let noun = |k: usize| ws.get(k).is_some_and(|w| self.lexicon.on(w.text, NOUN_AFTER));
        noun(at) || (ws.get(at).is_some_and(|w| w.text == "and") && noun(at + 2))
    }

    fn is_particle(&self, word: &str) -> bool {
        self.lexicon.on(word, PARTICLE | WEAK_PARTICLE)
    }

    fn person(&self, text: &str, ws: &[Word], run: &Run, heading: bool) -> Option<Found> {
        // `president of Niger Hamani Diori`: a place before the name is not part of it.
        let folded = &run.folded;
        let skip = (0..folded.len()).take_while(|&k| folded.on(k, KNOWN_PLACE)).count();
        let role_of_place = skip > 0 && self.role_of(ws, run.start);
        // `Political Counselor Peter Newman`: a title of several words, then the name.
        let titled = (skip..folded.len()).rev().find(|&k| folded.on(k, ROLE));
        let titled = titled.filter(|&k| k + 1 < folded.len());
        let first_word = titled.map_or(skip, |k| k + 1);
        let start = run.start + first_word;
        let words = &ws[start..run.end];
        if !(2..=MOST_NAME_WORDS + 1).contains(&words.len()) {
            return None;
        }
        let joined = folded.joined_from(first_word);
        let unlikely = (first_word..folded.len()).any(|k| folded.on(k, NOT_NAME | HEAD))
            || (first_word + 1..folded.len()).any(|k| folded.on(k, KNOWN_PLACE | PLACE_HEAD))
            || self.lexicon.on(joined, KNOWN_PLACE)
            || self.head_phrases.iter().any(|h| joined.ends_with(h.as_str()));
        if unlikely {
            return None;
        }
        // `J. Peter Pham`: the given name may follow an initial or two.
        let initials = words.iter().take(2).take_while(|w| stands_for_a_name(w.text)).count();
        let given_at = if initials + 1 < words.len() { initials } else { 0 };
        // `DE RUEHNM`: words in capitals are a code or a heading, not a given name.
        let spelled = words[given_at].text.chars().skip(1).any(char::is_lowercase);
        let given = spelled && self.given_folded(folded.word(first_word + given_at));
        let why = if given && !heading {
            Why::GivenName
        } else if (first_word..folded.len()).any(|k| folded.on(k, PARTICLE))
            || words.iter().any(|w| hyphen_particle(w.text))
        {
            Why::Particle
        } else if titled.is_some()
            || role_of_place
            || self.role_before(ws, start)
            || self.role_of_body(ws, start)
            || self.apposition_after(ws, run.end)
        {
            Why::Apposition
        } else {
            return None;
        };
        Some(found(text, words, EntityKind::Person, why))
    }

    /// `spokesman X Y`, `Political Officer X Y`: a role right before.
    fn role_before(&self, ws: &[Word], start: usize) -> bool {
        start > 0 && self.lexicon.on(&folded_word(ws[start - 1].text), ROLE)
    }

    /// `president of Niger X Y`: a role of the place before `at`.
    fn role_of(&self, ws: &[Word], at: usize) -> bool {
        at >= 2 && ws[at - 1].text == "of" && self.lexicon.on(&folded_word(ws[at - 2].text), ROLE)
    }

    /// `Representative of the United Nations Office on Drugs and Crime
    /// (UNODC) X Y`: a role of a body named with its acronym before `at`.
    fn role_of_body(&self, ws: &[Word], at: usize) -> bool {
        if at < 4 || ws[at - 1].text != ")" || ws[at - 3].text != "(" {
            return false;
        }
        let joining = |w: &str| matches!(w, "of" | "the" | "and" | "on" | "for" | "in" | "against");
        for k in (1..at - 3).rev().take(MOST_BODY_WORDS) {
            let w = ws[k].text;
            if w == "of" && self.lexicon.on(&fold(ws[k - 1].text), ROLE) {
                return true;
            }
            if !is_capitalised(w) && !joining(w) {
                return false;
            }
        }
        false
    }

    /// `X Y, a senior official of …`, `X Y, director of …`.
    fn apposition_after(&self, ws: &[Word], end: usize) -> bool {
        if ws.get(end).map(|w| w.text) != Some(",") {
            return false;
        }
        // `, the then-United States Ambassador`: other words may come first.
        let after = ws.iter().skip(end + 1).take(APPOSITION_REACH);
        for w in after {
            let word = folded_word(w.text);
            // `…Consent Untenable, Says Council President`: the role is the
            // speaker's, and what comes before the comma what was said.
            if SAYING.contains(&word.as_ref()) {
                return false;
            }
            if self.lexicon.on(&word, ROLE) {
                return true;
            }
            if !w.text.starts_with(char::is_alphanumeric) {
                return false;
            }
        }
        false
    }

    fn place(&self, text: &str, ws: &[Word], run: &Run, listed_after_place: bool) -> Option<Found> {
        let (words, folded) = (&ws[run.start..run.end], &run.folded);
        let last = folded.len().checked_sub(1)?;
        // `Air Base` alone is the head of a name, not one.
        let only_a_head = self.lexicon.on(folded.joined.as_str(), PLACE_HEAD);
        if words.len() >= 2 && folded.on(last, PLACE_HEAD) && !only_a_head {
            return Some(found(text, words, EntityKind::Place, Why::PlaceNoun));
        }
        let known = |name: &str| self.lexicon.on(name, KNOWN_PLACE) || PLACES.contains(name);
        if words.len() >= 2 && folded.on(0, COMPASS) && known(folded.joined_from(1)) {
            return Some(found(text, words, EntityKind::Place, Why::Compass));
        }
        let whole = folded.joined.as_str();
        // `Western nations`: a compass word alone (and a region's name, `Western`) names no place here.
        let compass_only = words.len() == 1 && folded.on(last, COMPASS);
        if self.lexicon.on(whole, KNOWN_PLACE) || folded.on(last, HEAD) || words.len() > 3 || compass_only {
            return None;
        }
        let before = |back: usize| run.start.checked_sub(back).map(|k| folded_word(ws[k].text));
        let cued = before(1).is_some_and(|w| self.lexicon.on(&w, PLACE_CUE));
        if PLACES.contains(whole) && cued {
            return Some(found(text, words, EntityKind::Place, Why::PlaceList));
        }
        // An unlisted place needs more: `the village of X`, `near X`, `X, Burkina Faso`.
        // A capitalised noun begins a body's name: `Department of State`.
        let lower_at = |back: usize| ws[run.start - back].text.starts_with(char::is_lowercase);
        let strongly_cued = match (before(2).as_deref(), before(1).as_deref()) {
            (Some(noun), Some("of")) => {
                self.lexicon.on(noun, COMPASS) || (self.lexicon.on(noun, PLACE_NOUN) && lower_at(2))
            }
            (_, Some(w)) => self.lexicon.on(w, STRONG_CUE),
            _ => false,
        };
        // `Malaga, Spain-based`: the country may lead a compound.
        let a_place = |w: &Word| {
            let f = fold(w.text);
            self.lexicon.on(f.split('-').next().unwrap_or(&f), KNOWN_PLACE) || self.lexicon.on(&f, KNOWN_PLACE)
        };
        let in_country = ws.get(run.end).is_some_and(|w| w.text == ",")
            && ws.get(run.end + 1).is_some_and(|w| a_place(w) || self.country_starts(ws, run.end + 1));
        if PLACES.contains(whole) && (in_country || listed_after_place) {
            return Some(found(text, words, EntityKind::Place, Why::PlaceList));
        }
        // `in Tchin-Tabaradene`: a name of hyphened capitals after a preposition of place.
        let compound = words.len() == 1 && words[0].text.split('-').all(|p| p.starts_with(char::is_uppercase));
        let hyphened = compound && words[0].text.contains('-') && cued;
        let given = self.given_folded(folded.word(0));
        let context = strongly_cued || (in_country && cued) || listed_after_place || hyphened;
        // `the broader West African region`: an adjective of a place, not a place.
        let adjective = whole.strip_suffix('n').is_some_and(known);
        let noun_follows = self.place_noun_follows(ws, run.end) && !adjective;
        ((context || noun_follows) && !given).then(|| found(text, words, EntityKind::Place, Why::PlaceCue))
    }

    /// Whether a known place of two or three words starts at word `at` (`Burkina Faso`).
    fn country_starts(&self, ws: &[Word], at: usize) -> bool {
        (2..=3).any(|n| ws.get(at..at + n).is_some_and(|w| self.lexicon.on(&fold_joined(w), KNOWN_PLACE)))
    }
}

/// Words folded and joined by spaces, as the place sets hold names.
fn fold_joined<T: AsRef<str>>(words: &[T]) -> String {
    FoldedWords::new(words).joined
}

/// A word folded, without a copy when it is already (`of`, `near`: the
/// words asked for around a name mostly are).
fn folded_word(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase() || (!b.is_ascii_alphabetic() && b.is_ascii() && b != b'`')) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(fold(word))
    }
}

/// `al-Baghdadi`, `ag-Ghaly`: a particle joined to a name.
fn hyphen_particle(word: &str) -> bool {
    // Asked of every word of a run: most have no hyphen where a particle's would be.
    if !word.as_bytes().iter().take(4).any(|&b| b == b'-') {
        return false;
    }
    ["al-", "el-", "ag-", "ad-", "as-", "ash-", "an-", "ar-"]
        .iter()
        .any(|p| word.strip_prefix(p).is_some_and(|rest| rest.starts_with(char::is_uppercase)))
}

/// What the words after a name say of it (see [`led_by`]).
enum Led {
    /// A leader's (`the Gaddafi regime`).
    Regime,
    /// A government's (`the Obama administration`).
    Administration,
    /// An agreement's, of this many words (`the Algiers peace accord`).
    Accord(usize),
}

/// What the words at `at` say of the name before them.
fn led_by(ws: &[Word], at: usize) -> Option<Led> {
    let next_is = |f: fn(&str) -> bool| ws.get(at + 1).is_some_and(|w| f(w.text));
    match ws.get(at)?.text {
        "regime" => Some(Led::Regime),
        "administration" => Some(Led::Administration),
        w if is_accord(w) => Some(Led::Accord(1)),
        "peace" if next_is(|w| is_accord(w) || w == "deal") => Some(Led::Accord(2)),
        _ => None,
    }
}

/// Nouns that name an agreement after the place it was signed in.
fn is_accord(word: &str) -> bool {
    matches!(word, "accord" | "accords" | "agreement" | "agreements" | "treaty")
}

fn found(text: &str, words: &[Word], kind: EntityKind, why: Why) -> Found {
    let last = words[words.len() - 1].text;
    // `Jeremiah Johnson's helmet`: the name without its possessive.
    let possessive = ["'s", "’s"].iter().find(|p| last.ends_with(*p)).map_or(0, |p| p.len());
    let range = words[0].range.0..words[words.len() - 1].range.1 - possessive;
    Found { name: text[range.clone()].to_string(), range, kind, why }
}
