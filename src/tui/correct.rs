//! The analyst's corrections of the claim shown: `x` says it is not a
//! claim, `D` gives it another date. Both are written into the folder's
//! `annals.toml` by the notebook after the key; the folder's watcher then
//! builds the corpus again.

use super::action::Action;
use super::state::{Mode, Request, State};
use crate::assets::corpus_file::{RedateRule, RejectRule};
use crate::model::{ClaimId, Corpus, DateValue};
use crate::notes::Correction;

/// A claim's new date being typed.
#[derive(Debug, Clone)]
pub struct DateInput {
    pub claim: ClaimId,
    /// The claim's date as it is: what the input starts from.
    pub was: String,
    pub typed: String,
    /// Why the date typed was not taken, until the next key.
    pub problem: Option<String>,
}

/// What names a claim in `annals.toml`: its sentence's words, the words of
/// its date, its file's name.
fn named(corpus: &Corpus, claim: ClaimId) -> (String, Option<String>, Option<String>) {
    let claim = &corpus.claims[claim];
    let source = &corpus.sources[claim.source];
    let quote = source.text[claim.sentence.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
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
    let was = corpus.claims[claim].date.value.to_string();
    state.mode = Mode::Redate(DateInput { claim, typed: was.clone(), was, problem: None });
}

/// Keys while a date is typed: Enter gives it to the claim (a
/// `[[redate]]`), Esc leaves the date as it is.
pub fn redating(state: &mut State, corpus: &Corpus, action: Action) {
    let Mode::Redate(input) = &mut state.mode else { return };
    input.problem = None;
    match action {
        Action::Type(c) => input.typed.push(c),
        Action::Backspace => {
            input.typed.pop();
        }
        Action::Back => {
            state.mode = Mode::Browse;
            state.notice = Some("the date is as it was".to_string());
        }
        Action::Enter => {
            let typed = input.typed.trim();
            match DateValue::parse(typed) {
                None => {
                    input.problem =
                        Some(format!("`{typed}` is not a date: 2009-11-30, 2012-03, 1960, FY2014 or 2016/2020"));
                }
                Some(date) if date.value == input.was => {
                    state.mode = Mode::Browse;
                    state.notice = Some("the date is as it was".to_string());
                }
                Some(date) => {
                    let (quote, date_words, file) = named(corpus, input.claim);
                    let rule = RedateRule { quote, date: date_words, file, to: date.value.to_string() };
                    state.requests.push(Request::Correct(Correction::Redate(rule)));
                    state.mode = Mode::Browse;
                }
            }
        }
        _ => {}
    }
}
