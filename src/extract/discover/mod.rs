//! Finding entities the gazetteer does not know: acronym definitions, titled
//! people, organisational and programme names, bylines, web domains and the
//! cable's markup hints. Everything here is a candidate; the gazetteer wins
//! where they overlap.

mod acronyms;
mod bodies;
mod bylines;
mod listed;
mod titled;

use super::context::{ContextRules, FoldedWords};
use super::names::{self, is_capitalised, words};
use crate::assets::{Gazetteer, Rules};
use crate::ingest::clean::{Hint, HintLabel};
use crate::model::EntityKind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind};
use regex::Regex;
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub name: String,
    pub kind: EntityKind,
    pub why: Why,
}

/// Which rule found it; earlier rules win overlaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Why {
    Acronym,
    Title,
    Pattern,
    Byline,
    /// A designation list's entry (`DIARRA, Alou Boi, …; DOB …`).
    Listed,
    Domain,
    Hint,
    /// A compass word before a known place (`West Africa`).
    Compass,
    /// A place noun ending the name (`Tahoua Region`).
    PlaceNoun,
    /// A given name before a surname.
    GivenName,
    /// A particle of the region inside the name (`ag`, `ould`, `al-`).
    Particle,
    /// A role before the name or in an apposition after it.
    Apposition,
    /// The place list, after a preposition of place.
    PlaceList,
    /// A place by its context alone (`the village of X`, `near X`).
    PlaceCue,
    /// A name in capitals alone on a cable's last line (`BARLERIN`).
    Signature,
    /// An agreement named for a known place (`the Algiers peace accord`).
    Accord,
    /// A movement named with the Arabic article alone (`al-Mourabitoun`).
    Article,
    /// An acronym alone in running text, never spelled out (`the DGSE`).
    LoneAcronym,
}

/// Latin letters (ASCII, Latin-1, Latin Extended-A: `Keïta`, `Słowik`), for
/// a class: they compile in a fifteenth of the time of `\p{L}`. Extended-A's
/// capitals alternate with its small letters: [`LATIN_CAPITALS`] lets all in.
pub(super) const LATIN_LETTERS: &str = "A-Za-zÀ-ÖØ-öø-ž";
pub(super) const LATIN_CAPITALS: &str = "A-ZÀ-ÖØ-ÞĀ-ž";

/// A post by its city: `Embassy Bamako`, and in a cable's routing `AMEMBASSY
/// PARIS`. ASCII: it compiles in a fraction of the time of Unicode classes
/// (a city spelled otherwise is passed over, see [`Discoverer::posts`]).
/// Tried anchored, where a word of [`POST_WORDS`] begins.
static POST: LazyLock<regex_automata::meta::Regex> =
    LazyLock::new(|| regex_automata::meta::Regex::new(POST_PATTERN).expect("regex"));
const POST_PATTERN: &str = r"(?-u)\b(?:AMEMBASSY|AMCONSUL|EMBASSY|Embassy|Consulate)[ \t\n]+[A-Z][A-Za-z\-]*[A-Za-z]";
/// How far into a word of [`POST`] the literal of [`POST_WORDS`] it holds
/// may begin (`MBASSY` of `AMEMBASSY`).
const POST_WORD_REACH: usize = 3;
/// With ASCII word boundaries the regex runs on its fast engine over any
/// text; [`domains`] checks the Unicode ones (`éAbc.org` names no domain).
static DOMAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[A-Z][A-Za-z0-9\-]{2,}\.(?:org|com|net|info)(?-u:\b)").expect("regex"));

static DOMAIN_ENDINGS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new([".org", ".com", ".net", ".info"]).expect("literals"));
/// What every post's name holds (see [`POST`]).
static POST_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(["MBASSY", "mbassy", "CONSUL", "Consulate"]).expect("literals"));

/// Words that join the words of one name. Not `to`: `AACGB to the Malian
/// National Civil Aviation Authority` is two names. A `match`, not a list
/// searched word by word: asked of most words.
fn is_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "and" | "the" | "on" | "in" | "&" | "de" | "du" | "des")
}

thread_local! {
    /// [`Discoverer::kind_of`]'s folded name.
    static LOWER_NAME: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

pub struct Discoverer {
    rules: Rules,
    titles: AhoCorasick,
    /// The bytes titles begin with: only there is the automaton asked.
    title_first_bytes: [bool; 256],
    /// The first two bytes of titles, as a set of bits: the automaton is
    /// not asked of most capitalised words.
    title_first_pairs: Box<[u64; 1024]>,
    sets: WordSets,
    context: ContextRules,
    /// The gazetteer's names that are acronyms alone (`ECOWAS`, `FAMa`): no
    /// lone acronym of the text is asked about again (see `lone_acronyms`),
    /// and none is given a name guessed from the words before it.
    known_acronyms: FxHashSet<String>,
    /// The gazetteer's names and aliases of bodies not named for a place: a
    /// known body before `in` and a place is that body, where it is
    /// (`Wagner Group in Mali`).
    known_forms: FxHashSet<String>,
}

/// The rule lists asked of every word ("is this one of them?"), as sets.
struct WordSets {
    not_names: FxHashSet<String>,
    function_words: FxHashSet<String>,
    person_titles: FxHashSet<String>,
    name_heads: FxHashSet<String>,
    /// Organisations' heads of one word, and of several (`Air Force`).
    organization_heads: FxHashSet<String>,
    /// The longest head of one word, in bytes: no longer suffix is one.
    longest_organization_head: usize,
    organization_head_phrases: Vec<String>,
    program_heads: FxHashSet<String>,
    program_starts: FxHashSet<String>,
    organization_starts: FxHashSet<String>,
    /// The first words of `organization_starts`.
    organization_openers: FxHashSet<String>,
    event_nouns: FxHashSet<String>,
    /// Group words of one word, matched against words; longer ones, against
    /// text, by searchers made once (made for each name, they were a tenth
    /// of a name's kind).
    group_words: FxHashSet<String>,
    group_phrases: Vec<memchr::memmem::Finder<'static>>,
}

impl WordSets {
    fn new(rules: &Rules) -> Self {
        let set = |list: &[String]| list.iter().cloned().collect::<FxHashSet<String>>();
        let (phrases, words): (Vec<String>, Vec<String>) =
            rules.group_words.iter().cloned().partition(|g| g.contains(' '));
        let (head_phrases, heads): (Vec<String>, Vec<String>) =
            rules.organization_heads.iter().cloned().partition(|h| h.contains(' '));
        WordSets {
            not_names: set(&rules.not_names),
            function_words: set(&rules.function_words),
            person_titles: set(&rules.person_titles),
            name_heads: rules.organization_heads.iter().chain(&rules.program_heads).cloned().collect(),
            longest_organization_head: heads.iter().map(String::len).max().unwrap_or(0),
            organization_heads: heads.into_iter().collect(),
            organization_head_phrases: head_phrases,
            program_heads: set(&rules.program_heads),
            program_starts: set(&rules.program_starts),
            organization_starts: set(&rules.organization_starts),
            organization_openers: rules
                .organization_starts
                .iter()
                .filter_map(|s| s.split(' ').next())
                .map(String::from)
                .collect(),
            event_nouns: set(&rules.event_nouns),
            group_words: words.into_iter().collect(),
            group_phrases: phrases.iter().map(|p| memchr::memmem::Finder::new(p).into_owned()).collect(),
        }
    }
}

impl Discoverer {
    pub fn new(rules: &Rules, gazetteer: &Gazetteer) -> Self {
        let titles = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both) // anchored: is the next word a title too?
            .kind(Some(AhoCorasickKind::DFA)) // read over every byte of the text: the fastest kind
            .build(&rules.person_titles)
            .expect("titles build an automaton");
        let mut title_first_bytes = [false; 256];
        let mut title_first_pairs = Box::new([0u64; 1024]);
        for title in rules.person_titles.iter().map(String::as_bytes) {
            let Some(&first) = title.first() else { continue };
            title_first_bytes[usize::from(first)] = true;
            // A title of one byte is followed by anything.
            for second in title.get(1).map_or(0..=255, |&b| b..=b) {
                let pair = usize::from(first) << 8 | usize::from(second);
                title_first_pairs[pair / 64] |= 1 << (pair % 64);
            }
        }
        let context = ContextRules::new(rules, gazetteer);
        let sets = WordSets::new(rules);
        let forms = gazetteer.entities.iter().flat_map(|e| std::iter::once(&e.name).chain(&e.aliases));
        let known_acronyms = forms.filter(|f| acronyms::is_acronym_like(f)).cloned().collect();
        // Not of a body named for where it is: `African Union Mission` is
        // AMISOM's, and the `African Union Mission in Burundi` another.
        let placeless = gazetteer.entities.iter().filter(|e| !e.name.contains(" in "));
        let known_forms = placeless.flat_map(|e| std::iter::once(&e.name).chain(&e.aliases)).cloned().collect();
        Discoverer {
            rules: rules.clone(),
            titles,
            title_first_bytes,
            title_first_pairs,
            sets,
            context,
            known_acronyms,
            known_forms,
        }
    }

    /// Candidates in one document's clean text; `sentences` lets heading-like
    /// lines be skipped by the name patterns, except the front matter's
    /// fields (before `fields_end`), whose lines are names of a list.
    pub fn find(&self, text: &str, sentences: &[Range<usize>], hints: &[Hint], fields_end: usize) -> Vec<Found> {
        let mut found = Vec::new();
        self.acronyms(text, &mut found);
        self.titled(text, sentences, &mut found);
        self.speakers(text, &mut found);
        // One buffer for every sentence's words, one to fold them in.
        let (mut ws, mut folded) = (Vec::new(), FoldedWords::default());
        for s in sentences {
            ws.clear();
            // Read to two characters past the sentence, as deciding where a
            // word ends looks one past it: a word that runs on is seen to,
            // without reading the rest of it (a word of a megabyte, cut
            // into pieces, was read whole for each).
            let reach = crate::text::floor_boundary(text, s.end + 8);
            ws.extend(words(&text[..reach], s.start).take_while(|w| w.range.1 <= s.end));
            // Runs of capitalised words in a heading are its words, not a name's;
            // context rules ask more than capitals (a list of commanders is no heading).
            let heading =
                s.start >= fields_end && heading_like(&text[s.clone()]) && !self.names_a_body(&text[s.clone()]);
            if !heading {
                self.patterns(text, &ws, &mut found);
                self.lone_acronyms(&ws, &mut found);
                self.article_names(text, &ws, &mut found);
            }
            self.context.find(text, &ws, heading, &mut folded, &mut found);
            if bylines::opens_credits(&ws) {
                bylines::credits(text, s.clone(), &self.rules.name_particles, &mut found);
            }
        }
        bylines::bylines(text, &mut found);
        // `Africa` is a given name too, but a mailbox's word first.
        let given = |w: &str| self.context.is_given_name(w) && !self.context.is_place(&crate::text::fold(w));
        bylines::senders(text, &given, &mut found);
        listed::designated(text, &mut found);
        domains(text, &mut found);
        self.posts(text, &mut found);
        self.signature(text, &mut found);
        for h in hints {
            if let Some(f) = self.hint(text, h) {
                found.push(f);
            }
        }
        // A name broken over lines (`Hassan\nSheikh Mohamud`) is one line; a
        // word hyphenated at a line's end is whole (`Opportuni-\nty Act`).
        for f in found.iter_mut().filter(|f| f.name.contains(|c: char| c.is_whitespace() && c != ' ')) {
            f.name = crate::text::one_line(&crate::text::join_hyphenated(&f.name, false));
        }
        found
    }

    /// Whether a line in title case is a body's name alone (`Congressional
    /// Research Service` on a report's cover, `Bureau of African Affairs`
    /// under a title): it names its publisher, not a section.
    fn names_a_body(&self, line: &str) -> bool {
        let words: Vec<&str> = line.split_whitespace().collect();
        let named = |w: &&str| is_capitalised(w) || is_connector(w);
        let lower_case = line.chars().any(char::is_lowercase);
        (2..=8).contains(&words.len())
            && lower_case
            && words.iter().all(named)
            && words.last().is_some_and(|w| self.sets.organization_heads.contains(*w))
    }

    fn not_name(&self, name: &str) -> bool {
        self.sets.not_names.contains(name)
    }

    /// Asked of every body's name: folded into the thread's buffer, not
    /// into a fresh string for each.
    fn kind_of(&self, name: &str) -> EntityKind {
        let sets = &self.sets;
        let group = LOWER_NAME.with_borrow_mut(|lower| {
            lower.clear();
            crate::text::fold_into(name, lower);
            lower.split(' ').any(|w| sets.group_words.contains(w))
                || sets.group_phrases.iter().any(|g| g.find(lower.as_bytes()).is_some())
        });
        let last = &name[name.bytes().rposition(|b| b == b' ').map_or(0, |space| space + 1)..];
        let first = &name[..name.bytes().position(|b| b == b' ').unwrap_or(name.len())];
        if group {
            EntityKind::Group
        } else if sets.program_heads.contains(last) || sets.program_starts.contains(first) {
            EntityKind::Program
        } else {
            EntityKind::Organization
        }
    }

    /// The rules it reads (shared with the resolver, not copied twice).
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// `Embassy Bamako`, `AMEMBASSY NIAMEY`: an organisation, not its city.
    fn posts(&self, text: &str, out: &mut Vec<Found>) {
        // One literal scan finds where a post's word may begin; the regex is
        // tried there alone, not over the whole text (a text of thousands of
        // `the embassy` in small letters was searched whole).
        let mut starts: Vec<usize> = POST_WORDS
            .find_overlapping_iter(text)
            .flat_map(|hit| hit.start().saturating_sub(POST_WORD_REACH)..=hit.start())
            .filter(|&at| text.is_char_boundary(at))
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let mut searched_to = 0;
        for at in starts {
            if at < searched_to {
                continue; // within the post found last
            }
            let input = regex_automata::Input::new(text).range(at..).anchored(regex_automata::Anchored::Yes);
            let Some(m) = POST.search(&input) else { continue };
            searched_to = m.end();
            if text[m.end()..].starts_with(char::is_alphanumeric) {
                continue; // `Embassy Bogotá`: not all ASCII
            }
            let city = text[m.range()].rsplit(char::is_whitespace).next().unwrap_or("");
            if !self.sets.function_words.contains(city) && !self.not_name(city) {
                // `AMEMBASSY NIAMEY` is `Embassy Niamey`: one name for both spellings.
                let name = format!("Embassy {}{}", &city[..1], city[1..].to_ascii_lowercase());
                out.push(Found { range: m.range(), name, kind: EntityKind::Organization, why: Why::Pattern });
            }
        }
    }

    /// A cable signed by a name in capitals on its last line (`BARLERIN`).
    fn signature(&self, text: &str, out: &mut Vec<Found>) {
        let body = text.trim_end();
        let line = body.rsplit('\n').next().unwrap_or("").trim();
        let start = body.len() - line.len();
        let signed = line.chars().count() >= 4
            && line.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'')
            && line.chars().collect::<FxHashSet<char>>().len() > 1 // `NNNN` ends a cable's text
            && !self.not_name(line)
            && !self.sets.function_words.contains(line);
        if signed {
            out.push(Found {
                range: start..start + line.len(),
                name: line.to_string(),
                kind: EntityKind::Person,
                why: Why::Signature,
            });
        }
    }

    fn hint(&self, text: &str, h: &Hint) -> Option<Found> {
        let raw = text[h.clean.clone()].trim();
        let name = split_glued(raw);
        let start = h.clean.start
            + (raw.len() - name.len())
            + (text[h.clean.clone()].len() - text[h.clean.clone()].trim_start().len());
        let range = start..start + name.len();
        let unusable = name.is_empty()
            || self.not_name(name)
            || name.contains([':', '<', '>'])
            || name.chars().any(|c| c.is_ascii_digit())
            || name.split_whitespace().any(crate::extract::timex::is_month_name);
        if unusable {
            return None;
        }
        let last = name.rsplit(' ').next().unwrap_or("");
        let model_number = text[h.clean.end..].trim_start().starts_with(|c: char| c.is_ascii_digit());
        if h.label == HintLabel::Organization && model_number {
            return None; // `Boeing 727`: a product, not its maker
        }
        let kind = match h.label {
            HintLabel::Misc => return None,
            HintLabel::Person => EntityKind::Person,
            HintLabel::Location if self.sets.event_nouns.contains(last) => return None,
            HintLabel::Location => EntityKind::Place,
            HintLabel::Organization => self.kind_of(name),
        };
        if kind == EntityKind::Person && self.kind_of(name) == EntityKind::Group {
            return None;
        }
        let all_words_generic = name.split_whitespace().all(|w| self.not_name(w) || is_connector(w));
        (!all_words_generic).then(|| Found { range, name: dedupe_words(name), kind, why: Why::Hint })
    }
}

impl Why {
    /// The rule in a few words, for the entity card (`☺ person (given name)`)
    /// and `annals check --verbose`.
    pub fn label(self) -> &'static str {
        match self {
            Why::Acronym => "acronym defined",
            Why::Title => "title before it",
            Why::Pattern => "name's head word",
            Why::Byline => "byline",
            Why::Listed => "designation list",
            Why::Domain => "web domain",
            Why::Hint => "document markup",
            Why::Compass => "compass + place",
            Why::PlaceNoun => "place noun",
            Why::GivenName => "given name",
            Why::Particle => "name particle",
            Why::Apposition => "role beside it",
            Why::PlaceList => "place list + cue",
            Why::PlaceCue => "place cue",
            Why::Signature => "signature",
            Why::Accord => "place + agreement",
            Why::Article => "article al-",
            Why::LoneAcronym => "acronym alone",
        }
    }
}

/// `PresidencyDiango Cissoko` (two words run together by the markup): the name.
fn split_glued(name: &str) -> &str {
    let first = name.split(' ').next().unwrap_or("");
    // `Mc`, `Mac`, `De` prefixes are part of a name; a run-together word is longer.
    let glued = first.char_indices().skip(4).find(|&(i, c)| {
        let head = &first[..i];
        c.is_uppercase() && head.chars().skip(1).all(char::is_lowercase)
    });
    match glued {
        Some((i, _)) if name.contains(' ') => &name[i..],
        _ => name,
    }
}

/// `MILOVANOVIC MILOVANOVIC` → `MILOVANOVIC`.
fn dedupe_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut last = None;
    for w in name.split_whitespace() {
        if last.replace(w) != Some(w) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// A heading or label: short, no closing full stop, mostly capitalised words.
/// Asked of every sentence: most end with a full stop and are told at once.
pub fn heading_like(s: &str) -> bool {
    if s.trim_end().ends_with(['.', '?', '!', ';']) || field_value(s) {
        return false;
    }
    let (mut words, mut capitalised) = (0, 0);
    for word in s.split_whitespace() {
        words += 1;
        if words > 24 {
            return false;
        }
        capitalised += usize::from(is_capitalised(word));
    }
    capitalised * 2 >= words
}

/// `units1: Special Operations Command`: an infobox's value after its key,
/// which is a name's field, not a heading.
///
/// The key is read from the start, not sought: a sentence of a thousand
/// words without `: ` was read whole.
fn field_value(s: &str) -> bool {
    let key = s.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    s.starts_with(|c: char| c.is_ascii_lowercase()) && s[key..].starts_with(": ")
}

fn domains(text: &str, out: &mut Vec<Found>) {
    // Most documents name no web domain: one literal scan spares them the regex.
    if !DOMAIN_ENDINGS.is_match(text) {
        return;
    }
    let word = regex_syntax::is_word_character;
    let mut from = 0;
    while let Some(m) = DOMAIN.find_at(text, from) {
        let bounded = !text[..m.start()].ends_with(word) && !text[m.end()..].starts_with(word);
        if !bounded {
            from = m.start() + 1; // an ASCII capital: the next byte starts a character
            continue;
        }
        out.push(Found {
            range: m.range(),
            name: m.as_str().to_string(),
            kind: EntityKind::Organization,
            why: Why::Domain,
        });
        from = m.end();
    }
}

/// Compiles this module's patterns now rather than on first use (see
/// `Pipeline::new`).
pub fn compile_patterns() {
    LazyLock::force(&acronyms::ACRONYM);
    LazyLock::force(&bylines::BYLINE);
    LazyLock::force(&DOMAIN);
    titled::compile_patterns();
    listed::compile_patterns();
    LazyLock::force(&DOMAIN_ENDINGS);
    LazyLock::force(&POST_WORDS);
}

#[cfg(test)]
mod tests;
