//! Finding entities the gazetteer does not know: acronym definitions, titled
//! people, organisational and programme names, bylines, web domains and the
//! cable's markup hints. Everything here is a candidate; the gazetteer wins
//! where they overlap.

mod acronyms;
mod bodies;
mod bylines;

use super::context::{ContextRules, FoldedWords};
use super::names::{self, is_capitalised, person_name, words};
use crate::assets::{Gazetteer, Rules};
use crate::ingest::clean::{Hint, HintLabel};
use crate::model::EntityKind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
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
static POST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b(?:AMEMBASSY|AMCONSUL|EMBASSY|Embassy|Consulate)[ \t\n]+[A-Z][A-Za-z\-]*[A-Za-z]")
        .expect("regex")
});
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
/// National Civil Aviation Authority` is two names.
const CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "in", "&", "de", "du", "des"];

/// After a title: `of Defense`, `to Mali,`, an acronym (`Foreign Minister
/// (FM) Mindaoudou`) and the space before the name, or a dash as a list
/// of officials sets it (`Deputy Chief of Mission--Andrew Young`). A word
/// may hold single hyphens (`Inter-Arme`), not a double one.
static AFTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"^(?:\s+of\s+(?:the\s+)?[A-Z][L](?:\s+(?:and|&)\s+[A-Z][L])?)?(?:\s+(?:to|of|for)\s+[A-Z][L](?:\s+[A-Z][L])?\s*,)?(?:\s+\([A-Z]{2,6}\))?(?:[ \t]*(?:--|—|–)[ \t]*|\s+)";
    let word = format!("[{LATIN_LETTERS}]+(?:-[{LATIN_LETTERS}]+)*");
    Regex::new(&pattern.replace("[L]", &word)).expect("regex")
});

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
        let named = |w: &&str| is_capitalised(w) || CONNECTORS.contains(w);
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

    /// Where the name after a title starting at `from` begins, if one may.
    fn after_title(&self, text: &str, title_end: usize) -> Option<usize> {
        if text[title_end..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let m = AFTER_TITLE.find(&text[title_end..])?;
        // A title ending a heading names no one below it (`Report of the
        // Secretary-General` above `I. Introduction`).
        let gap = &m.as_str()[m.as_str().trim_end().len()..];
        (gap.matches('\n').count() < 2).then_some(title_end + m.end())
    }

    /// Titles beginning a word, in order, none overlapping: the automaton
    /// is asked only where a word begins with a title's first byte, not
    /// run over every byte.
    fn titles_in<'t>(&'t self, text: &'t str) -> impl Iterator<Item = aho_corasick::Match> + 't {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(offset) = bytes[at..].iter().position(|&b| self.title_first_bytes[usize::from(b)]) {
                // A title's first byte begins a character: `start` is a boundary.
                let start = at + offset;
                at = start + 1;
                let pair = usize::from(bytes[start]) << 8 | usize::from(bytes.get(at).copied().unwrap_or(0));
                let opens = self.title_first_pairs[pair / 64] & (1 << (pair % 64)) != 0;
                if !opens || text[..start].ends_with(char::is_alphanumeric) {
                    continue;
                }
                let input = Input::new(text).span(start..text.len()).anchored(Anchored::Yes);
                if let Some(m) = self.titles.find(input) {
                    at = m.end();
                    return Some(m);
                }
            }
            None
        })
    }

    fn titled(&self, text: &str, sentences: &[Range<usize>], out: &mut Vec<Found>) {
        let (mut row_ends, mut read) = (FxHashMap::default(), Vec::new());
        let mut last_end = None;
        for m in self.titles_in(text) {
            let Some(after) = self.after_title(text, m.end()) else {
                continue;
            };
            let from = self.row_end(text, after, &mut row_ends, &mut read);
            let from =
                if text[m.end()..after].trim_start().starts_with("of") { self.past_office(text, from) } else { from };
            // The titles of one row lead to one name: it is read once.
            if last_end.replace(from) == Some(from) {
                continue;
            }
            let particles = &self.rules.name_particles;
            // A name ends with its sentence: a list's next line is another's.
            let at = sentences.partition_point(|s| s.end <= from);
            let end = sentences.get(at).filter(|s| s.start <= from).map_or(text.len(), |s| s.end);
            let Some(range) = person_name(&text[..end], from, particles, &|w| self.not_name(w)) else {
                continue;
            };
            let name = split_glued(&text[range.clone()]);
            let range = range.end - name.len()..range.end;
            // `Chief of Staff of the Air Force`, `Director of the Directorate`: no
            // person; nor is the office addressed in `Mr. Chairman`, `Madam Speaker`.
            let office = self.sets.person_titles.contains(name);
            // A headline in title case names no one: `President Resigns After Coup`.
            let headline = name.split(' ').skip(1).any(|w| self.sets.function_words.contains(w));
            if self.not_name(name)
                || office
                || headline
                || name.chars().count() < 2
                || self.ends_with_organization_head(name)
            {
                continue;
            }
            out.push(Found { range, name: name.to_string(), kind: EntityKind::Person, why: Why::Title });
        }
    }

    /// Where the name begins after an office of several words (`Minister of
    /// Foreign Affairs Abdoulaye Diop`, `Assistant Secretary of State for
    /// African Affairs Tibor Nagy`): at the first given name among the next
    /// capitalised words and the words that join them; else at `from`.
    fn past_office(&self, text: &str, from: usize) -> usize {
        let mut capitalised = 0;
        for w in words(text, from).take(8) {
            if matches!(w.text, "for" | "of" | "the" | "and" | "&") {
                continue;
            }
            if !is_capitalised(w.text) || capitalised == 4 {
                break;
            }
            if self.context.is_given_name(w.text) {
                return w.range.0;
            }
            capitalised += 1;
        }
        from
    }

    /// Where a row of titles read from `from` ends (`Director Colonel Frank
    /// Childress`, `Advisor Dr. Raymond L. Brown`): only a title right here
    /// is asked (searching on would read to the next one, however far).
    /// Each place is read once, its end kept in `ends`: every title of a
    /// row (`Minister Minister …`) leads to the same end, and reading the
    /// rest of the row again from each was its square. `read` is a buffer
    /// for the places read, one for all of a document's titles.
    fn row_end(&self, text: &str, from: usize, ends: &mut FxHashMap<usize, usize>, read: &mut Vec<usize>) -> usize {
        read.clear();
        let mut at = from;
        let end = loop {
            if let Some(&end) = ends.get(&at) {
                break end;
            }
            read.push(at);
            #[cfg(test)]
            tests::ROW_PLACES_READ.with(|read| read.set(read.get() + 1));
            let Some(next) = self.titles.find(Input::new(&text[at..]).anchored(Anchored::Yes)) else {
                break at;
            };
            match self.after_title(text, at + next.end()) {
                Some(after) => at = after,
                None => break at,
            }
        };
        read.iter().for_each(|&at| {
            ends.insert(at, end);
        });
        end
    }

    /// Whether `name` ends with an organisation's head (`Bank` of `Xbank`
    /// too): a head of one word is a suffix of the last word, looked up,
    /// those no longer than the longest head only (a word of a megabyte
    /// has a megabyte of suffixes).
    fn ends_with_organization_head(&self, name: &str) -> bool {
        let last = &name[name.rfind(' ').map_or(0, |space| space + 1)..];
        let shortest = last.len().saturating_sub(self.sets.longest_organization_head);
        let mut suffixes = last.char_indices().filter(|&(at, _)| at >= shortest);
        suffixes.any(|(at, _)| self.sets.organization_heads.contains(&last[at..]))
            || self.sets.organization_head_phrases.iter().any(|h| name.ends_with(h.as_str()))
    }

    /// `Embassy Bamako`, `AMEMBASSY NIAMEY`: an organisation, not its city.
    fn posts(&self, text: &str, out: &mut Vec<Found>) {
        // Most documents name no post: one literal scan spares them the regex.
        if !POST_WORDS.is_match(text) {
            return;
        }
        for m in POST.find_iter(text) {
            if text[m.end()..].starts_with(char::is_alphanumeric) {
                continue; // `Embassy Bogotá`: not all ASCII
            }
            let city = m.as_str().rsplit(char::is_whitespace).next().unwrap_or("");
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
        let all_words_generic = name.split_whitespace().all(|w| self.not_name(w) || CONNECTORS.contains(&w));
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
    LazyLock::force(&AFTER_TITLE);
    LazyLock::force(&DOMAIN_ENDINGS);
    LazyLock::force(&POST_WORDS);
}

#[cfg(test)]
mod tests;
