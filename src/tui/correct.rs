//! The analyst's corrections: of the claim shown, `x` (not a claim) and `D`
//! (another date); of the selected entity, `R` (another name, or another
//! entity's: a merge), `S` (one of its names split off) and `H` (hidden:
//! it is none). Each is written into
//! the folder's `annals.toml` by the notebook after the key; the folder's
//! watcher then builds the corpus again.

use super::action::Action;
use super::state::{Mode, Pane, Request, State};
use crate::assets::corpus_file::{HideRule, MergeRule, RedateRule, RejectRule, SplitRule};
use crate::model::{ClaimId, Corpus, DateValue, EntityId};
use crate::notes::Correction;
use crate::text::fold;

/// What a prompt gives a new value to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompted {
    Date(ClaimId),
    Name(EntityId),
    /// One of the names an entity is written as, to make an entity of its own.
    Split(EntityId),
}

/// A new date or name being typed.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub of: Prompted,
    /// The value as it is: what the input starts from.
    pub was: String,
    pub typed: String,
    /// Why the value typed was not taken, until the next key.
    pub problem: Option<String>,
}

/// What names a claim in `annals.toml`: its sentence's words, the words of
/// its date, its file's name.
fn named(corpus: &Corpus, claim: ClaimId) -> (String, Option<String>, Option<String>) {
    let claim = &corpus.claims[claim];
    let source = &corpus.sources[claim.source];
    let quote = crate::text::one_line(&source.text[claim.sentence.clone()]);
    let date = source.text.get(claim.date_clean.clone()).map(str::to_string);
    (quote, date, Some(crate::text::file_name(&source.path).to_string()))
}

/// `x`: the claim shown is not a claim: a `[[reject]]` of its sentence
/// (and date, and file).
pub fn reject(state: &mut State, corpus: &Corpus) {
    let Some(claim) = state.shown else { return };
    let (quote, date, file) = named(corpus, claim);
    state.requests.push(Request::Correct(Correction::Reject(RejectRule { quote, date, file })));
}

/// `D`: the prompt for the shown claim's new date, holding its date now.
pub fn open_redate(state: &mut State, corpus: &Corpus) {
    let Some(claim) = state.shown else { return };
    open(state, Prompted::Date(claim), corpus.claims[claim].date.value.to_string());
}

/// `R`: the prompt for the selected entity's new name, holding its name now.
pub fn open_rename(state: &mut State, corpus: &Corpus) {
    let Some(entity) = corrected_entity(state) else { return };
    open(state, Prompted::Name(entity), corpus.entities[entity].name.clone());
}

/// The entity `R`, `S` and `H` correct: the one selected in the sidebar
/// when it has the focus, else the one the timeline is filtered to (the
/// sidebar is not shown below 100 columns).
fn corrected_entity(state: &mut State) -> Option<EntityId> {
    let entity = if state.focus == Pane::Entities { state.selected_entity() } else { state.filter };
    if entity.is_none() {
        state.notice = Some("select an entity in the sidebar, or filter the timeline to one (Ctrl-p)".to_string());
    }
    entity
}

fn open(state: &mut State, of: Prompted, was: String) {
    state.mode = Mode::Prompt(Prompt { of, typed: was.clone(), was, problem: None });
}

/// `S`: the prompt for one of the names the selected entity is written
/// as, to make an entity of its own (`Traore` of `Moussa Traoré`, who is
/// someone else).
pub fn open_split(state: &mut State, corpus: &Corpus) {
    let Some(entity) = corrected_entity(state) else { return };
    if corpus.entities[entity].aliases.is_empty() {
        state.notice = Some("it is written only as its name: nothing to split (R renames it)".to_string());
        return;
    }
    open(state, Prompted::Split(entity), String::new());
}

/// `H`: the selected entity is none: a `[[hide]]` of its name.
pub fn hide(state: &mut State, corpus: &Corpus) {
    let Some(entity) = corrected_entity(state) else { return };
    let entity = corpus.entities[entity].name.clone();
    state.requests.push(Request::Correct(Correction::Hide(HideRule { entity })));
}

/// Keys while a prompt is open: Enter gives the value typed (a
/// `[[redate]]` or a `[[merge]]`), Esc keeps the value as it is.
pub fn prompting(state: &mut State, corpus: &Corpus, action: Action) {
    let Mode::Prompt(prompt) = &mut state.mode else { return };
    prompt.problem = None;
    match action {
        Action::Type(c) => prompt.typed.push(c),
        Action::Backspace => {
            prompt.typed.pop();
        }
        Action::Back => {
            state.mode = Mode::Browse;
            state.notice = Some("as it was".to_string());
        }
        Action::Enter => match correction(prompt, corpus) {
            Err(problem) => prompt.problem = Some(problem),
            Ok(correction) => {
                state.mode = Mode::Browse;
                match correction {
                    Some(correction) => state.requests.push(Request::Correct(correction)),
                    None => state.notice = Some("as it was".to_string()),
                }
            }
        },
        _ => {}
    }
}

/// The correction the value typed makes (none when it is the value as it
/// was), or why it makes none.
fn correction(prompt: &Prompt, corpus: &Corpus) -> Result<Option<Correction>, String> {
    let typed = crate::text::one_line(&prompt.typed);
    match prompt.of {
        Prompted::Date(claim) => {
            let date = DateValue::parse(&typed)
                .ok_or_else(|| format!("`{typed}` is not a date: 2009-11-30, 2012-03, 1960, FY2014 or 2016/2020"))?;
            if date.value == prompt.was {
                return Ok(None);
            }
            let (quote, date_words, file) = named(corpus, claim);
            Ok(Some(Correction::Redate(RedateRule { quote, date: date_words, file, to: date.value.to_string() })))
        }
        Prompted::Name(_) if typed.is_empty() => Err("a name is needed (H hides an entity that is none)".into()),
        Prompted::Name(_) if typed == prompt.was => Ok(None),
        Prompted::Name(_) => Ok(Some(Correction::Merge(MergeRule { into: typed, names: vec![prompt.was.clone()] }))),
        Prompted::Split(entity) => {
            let entity = &corpus.entities[entity];
            let written = entity.aliases.iter().find(|a| fold(a) == fold(&typed));
            let Some(written) = written else {
                return Err(format!("`{typed}` is not one of the names it is written as (above)"));
            };
            let names = vec![written.clone()];
            Ok(Some(Correction::Split(SplitRule { entity: entity.name.clone(), names })))
        }
    }
}
