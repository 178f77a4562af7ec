//! The analyst's corrections: of claims, `x` (not a claim, greyed in its
//! source) and `D` (another date, typed in a prompt); of entities, `R`
//! (another name, or a merge) and `H` (hidden). Each is written into the
//! folder's `annals.toml` and undone by `u`.

use super::*;
use annals::assets::corpus_file::RejectRule;
use annals::assets::Assets;
use annals::assets::CorpusFile;
use annals::pipeline::Pipeline;
use annals::tui::notebook::Notebook;
use std::path::PathBuf;

/// A folder's `annals.toml` (holding `own`, if any), and the browser on the
/// bundled corpus writing its corrections there.
fn correcting(own: Option<&str>) -> (tempfile::TempDir, PathBuf, Notebook, State) {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("annals.toml");
    if let Some(own) = own {
        std::fs::write(&toml, own).unwrap();
    }
    (dir, toml.clone(), Notebook::none().correcting(toml), State::new(&CORPUS))
}

/// The bundled corpus as the pipeline builds it with the corrections `correct` adds.
fn bundled_corrected(correct: impl FnOnce(&mut CorpusFile)) -> Corpus {
    let mut assets = Assets::bundled();
    correct(&mut assets.manifest);
    Pipeline::new(assets).build("bundled", annals::ingest::bundled_inputs(), Vec::new()).0
}

#[test]
fn d_gives_the_shown_claim_a_date_typed_and_u_takes_it_back() {
    let (_dir, toml, mut notebook, mut state) = correcting(Some("# my dates\n"));
    run(&mut state, &mut notebook, &[Action::Down(1), Action::Redate]);
    let Mode::Prompt(input) = &state.mode else { panic!("the prompt is open: {:?}", state.mode) };
    assert_eq!(input.typed, input.was, "it starts from the claim's date");
    let was = input.typed.clone();
    insta::assert_snapshot!("typing_a_date", text(&draw(&mut state, 80, 24)));
    let erase = vec![Action::Backspace; was.chars().count()];
    run(&mut state, &mut notebook, &erase);
    run(&mut state, &mut notebook, &typed("1960-09-22"));
    run(&mut state, &mut notebook, &[Action::Enter]);
    assert!(matches!(state.mode, Mode::Browse));
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("dated 1960-09-22")), "{:?}", state.notice);
    let written = std::fs::read_to_string(&toml).unwrap();
    assert!(written.starts_with("# my dates\n") && written.contains("[[redate]]"), "{written}");
    assert!(written.contains("to = \"1960-09-22\"") && written.contains(&format!("date = \"{was}\"")), "{written}");
    let file = annals::assets::CorpusFile::parse(&written, "annals.toml").unwrap();
    assert_eq!(file.redates.len(), 1, "annals reads what it wrote");
    run(&mut state, &mut notebook, &[Action::Undo]);
    assert_eq!(std::fs::read_to_string(&toml).unwrap(), "# my dates\n", "taken back");
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("has its date again")));
}

#[test]
fn a_date_that_is_none_is_refused_in_place_and_esc_leaves_the_date() {
    let (_dir, toml, mut notebook, mut state) = correcting(None);
    run(&mut state, &mut notebook, &[Action::Redate, Action::Backspace, Action::Backspace]);
    run(&mut state, &mut notebook, &typed("soon"));
    run(&mut state, &mut notebook, &[Action::Enter]);
    let Mode::Prompt(input) = &state.mode else { panic!("still open: {:?}", state.mode) };
    assert!(input.problem.as_deref().is_some_and(|p| p.contains("is not a date")), "{:?}", input.problem);
    assert!(text(&draw(&mut state, 80, 24)).contains("is not a date"));
    run(&mut state, &mut notebook, &[Action::Back]);
    assert!(matches!(state.mode, Mode::Browse));
    assert_eq!(state.notice.as_deref(), Some("as it was"));
    assert!(!toml.exists(), "nothing written");
    // Enter on the date as it is changes nothing either.
    run(&mut state, &mut notebook, &[Action::Redate, Action::Enter]);
    assert!(matches!(state.mode, Mode::Browse) && !toml.exists());
}

/// A rejected claim leaves the timeline; its sentence stays in its source,
/// crossed out and dimmed.
#[test]
fn a_rejected_sentence_is_greyed_where_it_stands() {
    let quote = "Chief of Defense General Gabriel Poudiougou mentioned";
    let corpus = bundled_corrected(|manifest| {
        manifest.rejects.push(RejectRule { quote: quote.into(), date: None, file: None });
    });
    assert!(corpus.claims.iter().all(|c| !corpus.claim_text(c).contains(quote)), "out of the timeline");
    let (cable, source) = corpus.sources.iter_enumerated().find(|(_, s)| !s.rejected.is_empty()).expect("noted");
    let rejected = source.rejected[0].clone();
    assert!(source.text[rejected.clone()].starts_with(quote));
    // The event of the claim that follows it in its source.
    let next = (corpus.claims.iter_enumerated())
        .filter(|(_, c)| c.source == cable && c.sentence.start >= rejected.end)
        .min_by_key(|(_, c)| c.sentence.start)
        .map(|(id, _)| id)
        .unwrap();
    let event = corpus.claim_events()[next];
    let candidates = Candidates::new(&corpus);
    let ctx = Ctx { corpus: &corpus, candidates: &candidates, keys: &Config::defaults().keys };
    let mut state = State::new(&corpus);
    let at = state.events.iter().position(|&e| e == event).unwrap();
    update(&mut state, &ctx, Action::Down(at));
    update(&mut state, &ctx, Action::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| view::draw(&state, &corpus, ctx.keys, Theme::colored(), f)).unwrap();
    let buffer = terminal.backend().buffer();
    let area = state.areas.source;
    let crossed: String = (area.y..area.y + area.height)
        .flat_map(|y| (area.x..area.x + area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| buffer[(x, y)].modifier.contains(ratatui::style::Modifier::CROSSED_OUT))
        .map(|(x, y)| buffer[(x, y)].symbol().to_string())
        .collect();
    assert!(crossed.starts_with("Chief of Defense General"), "{crossed}");
}

#[test]
fn r_renames_the_selected_entity_and_h_hides_one_each_undone() {
    let (_dir, toml, mut notebook, mut state) = correcting(Some("[corpus]\nname = \"mine\"\n"));
    run(&mut state, &mut notebook, &[Action::FocusPrev]);
    assert_eq!(state.focus, Pane::Entities);
    let entity = state.selected_entity().unwrap();
    let name = CORPUS.entities[entity].name.clone();
    run(&mut state, &mut notebook, &[Action::Rename]);
    assert!(text(&draw(&mut state, 80, 24)).contains(&format!("Name · was {name}")));
    run(&mut state, &mut notebook, &vec![Action::Backspace; name.chars().count()]);
    run(&mut state, &mut notebook, &[Action::Enter]);
    assert!(matches!(state.mode, Mode::Prompt(_)), "an empty name is refused");
    run(&mut state, &mut notebook, &typed("Republic of Mali"));
    run(&mut state, &mut notebook, &[Action::Enter]);
    let written = std::fs::read_to_string(&toml).unwrap();
    assert!(written.contains(&format!("[[merge]]\ninto = \"Republic of Mali\"\nnames = [\"{name}\"]")), "{written}");
    let file = annals::assets::CorpusFile::parse(&written, "annals.toml").unwrap();
    assert_eq!(file.merges.len(), 1);
    // Drawn at 80 columns, the sidebar went and the focus with it.
    draw(&mut state, 120, 40);
    run(&mut state, &mut notebook, &[Action::FocusPrev, Action::Down(3), Action::Hide]);
    let hidden = CORPUS.entities[state.selected_entity().unwrap()].name.clone();
    let written = std::fs::read_to_string(&toml).unwrap();
    assert!(written.contains(&format!("[[hide]]\nentity = \"{hidden}\"")), "{written}");
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("hidden")));
    run(&mut state, &mut notebook, &[Action::Undo, Action::Undo]);
    assert_eq!(std::fs::read_to_string(&toml).unwrap(), "[corpus]\nname = \"mine\"\n", "both taken back");
}

/// Below 100 columns there is no sidebar: `R`, `S` and `H` act on the
/// entity the timeline is filtered to, and say how when there is none.
#[test]
fn entity_corrections_reach_the_filtered_entity_without_the_sidebar() {
    let (_dir, _toml, mut notebook, mut state) = correcting(None);
    draw(&mut state, 80, 24);
    assert!(!state.areas.shows(Pane::Entities));
    run(&mut state, &mut notebook, &[Action::Rename]);
    assert!(matches!(state.mode, Mode::Browse));
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("filter the timeline to one")), "{:?}", state.notice);
    run(&mut state, &mut notebook, &[Action::OpenPalette]);
    run(&mut state, &mut notebook, &typed("ward"));
    run(&mut state, &mut notebook, &[Action::Enter]);
    let ward = state.filter.expect("filtered to Ward");
    run(&mut state, &mut notebook, &[Action::Rename]);
    let name = &CORPUS.entities[ward].name;
    assert!(text(&draw(&mut state, 80, 24)).contains(&format!("Name · was {name}")));
}

/// What `R` and `H` write, as the pipeline reads it: the entity renamed,
/// the hidden one gone from every list.
#[test]
fn a_renamed_entity_and_a_hidden_one_as_the_corpus_has_them() {
    let corpus = bundled_corrected(|manifest| {
        let merge =
            "[[merge]]\ninto = \"General Kip Ward\"\nnames = [\"William E. Ward\"]\n[[hide]]\nentity = \"Al-Qaeda\"\n";
        let file = annals::assets::CorpusFile::parse(merge, "annals.toml").unwrap();
        manifest.merges.extend(file.merges);
        manifest.hides.extend(file.hides);
    });
    let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"General Kip Ward") && !names.contains(&"William E. Ward"), "{names:?}");
    assert!(!names.contains(&"Al-Qaeda"), "hidden: {names:?}");
    let ward = corpus.entities.iter().position(|e| e.name == "General Kip Ward").unwrap();
    assert!(!corpus.entity_events[annals::model::EntityId::from(ward)].is_empty(), "with the events it had");
}

/// Read again after a correction, the browser stays where it was: claims
/// are found by their file and place, not by ids that the correction
/// shifted; the rejected claim's place goes to the next claim of its file.
#[test]
fn the_place_is_kept_across_a_rejection() {
    let mut state = State::new(&CORPUS);
    let ward = state.events.iter().position(|&e| CORPUS.events[e].date.value == "2009-11-27").unwrap();
    apply(&mut state, &[Action::Down(ward), Action::FocusNext]);
    let shown = state.shown.unwrap();
    let text = |corpus: &Corpus, c| corpus.claim_text(&corpus.claims[c]).to_string();
    // The first claim of the corpus (of another file) rejected: every later id shifts.
    let first = &CORPUS.claims.raw[0];
    let corrected = bundled_corrected(|manifest| {
        let quote = CORPUS.claim_text(first).to_string();
        manifest.rejects.push(RejectRule { quote, date: None, file: None });
    });
    assert!(corrected.claims.len() < CORPUS.claims.len());
    let moved = State::at(&corrected, state.place(&CORPUS));
    assert_eq!(text(&corrected, moved.shown.unwrap()), text(&CORPUS, shown), "the same claim");
    assert_eq!(moved.focus, state.focus);
    // The shown claim itself rejected: the next claim of its file.
    let corrected = bundled_corrected(|manifest| {
        manifest.rejects.push(RejectRule { quote: text(&CORPUS, shown), date: None, file: None });
    });
    let moved = State::at(&corrected, state.place(&CORPUS));
    let next = &corrected.claims[moved.shown.unwrap()];
    let was = &CORPUS.claims[shown];
    assert_eq!(corrected.sources[next.source].path, CORPUS.sources[was.source].path, "in its file");
    assert!(next.sentence.start >= was.sentence.end, "after it: {}", corrected.claim_text(next));
}

#[test]
fn s_splits_off_a_name_the_entity_is_written_as() {
    let (_dir, toml, mut notebook, mut state) = correcting(None);
    run(&mut state, &mut notebook, &[Action::FocusPrev]);
    let entity = &CORPUS.entities[state.selected_entity().unwrap()];
    let alias = entity.aliases.last().expect("the first entity is written several ways").clone();
    run(&mut state, &mut notebook, &[Action::Split]);
    run(&mut state, &mut notebook, &typed("Bamako"));
    run(&mut state, &mut notebook, &[Action::Enter]);
    let Mode::Prompt(prompt) = &state.mode else { panic!("still open: {:?}", state.mode) };
    assert!(prompt.problem.as_deref().is_some_and(|p| p.contains("`Bamako` is not one")), "{prompt:?}");
    assert!(text(&draw(&mut state, 120, 30)).contains(&format!("written as {}", entity.aliases.join(", "))));
    run(&mut state, &mut notebook, &[Action::Backspace; 6]);
    run(&mut state, &mut notebook, &typed(&alias.to_uppercase()));
    run(&mut state, &mut notebook, &[Action::Enter]);
    let written = std::fs::read_to_string(&toml).unwrap();
    let expected = format!("[[split]]\nentity = \"{}\"\nnames = [\"{alias}\"]", entity.name);
    assert!(written.contains(&expected), "as it is written, whatever the case typed: {written}");
    // As the pipeline reads it: the name split off is an entity of its own.
    let corpus = bundled_corrected(|manifest| {
        let file = annals::assets::CorpusFile::parse(&written, "annals.toml").unwrap();
        manifest.splits.extend(file.splits);
    });
    assert!(corpus.entities.iter().any(|e| e.name == alias), "{alias} on its own");
    run(&mut state, &mut notebook, &[Action::Undo]);
    assert!(!std::fs::read_to_string(&toml).unwrap().contains("[[split]]"));
}

/// A correction names its claim by a quote: when the sentence is touched
/// up, the correction follows it and the source says so; when it is
/// rewritten, the correction applies to nothing and the source says that.
#[test]
fn corrections_follow_an_edited_sentence_or_say_they_name_nothing() {
    let reject = |quote: &str| RejectRule {
        quote: quote.into(),
        date: Some("12 March 2014".into()),
        file: Some("memo.txt".into()),
    };
    let build = |text: &str, rules: Vec<RejectRule>| {
        let mut assets = Assets::bundled();
        assets.manifest.rejects = rules;
        let input = annals::ingest::Input { path: "notes/memo.txt".into(), bytes: text.as_bytes().to_vec() };
        Pipeline::new(assets).build("memo", vec![input], Vec::new()).0
    };
    let quote = "On 12 March 2014 the United States and Mali signed a defence agreement in Bamako.";
    let dated = |corpus: &Corpus| corpus.claims.iter().filter(|c| c.date.value == "2014-03-12").count();
    let warnings = |corpus: &Corpus| corpus.sources[annals::model::SourceId::from(0)].warnings.clone();
    let other = "On 3 May 2011 aid resumed.";
    let cases = [
        (format!("{quote} {other}"), 0, None),
        (format!("{} {other}", quote.replace("defence", "defense")), 0, Some("as it reads now")),
        (
            format!("On 12 March 2014 nothing at all happened in the capital. {other}"),
            1,
            Some("names no claim any more"),
        ),
        (other.to_string(), 0, Some("names no claim any more")),
    ];
    for (text, left, said) in cases {
        let corpus = build(&text, vec![reject(quote)]);
        assert_eq!(dated(&corpus), left, "{text}");
        let told: Vec<String> = warnings(&corpus).into_iter().filter(|w| w.starts_with("annals.toml")).collect();
        match said {
            None => assert!(told.is_empty(), "{told:?}"),
            Some(said) => assert!(told.len() == 1 && told[0].contains(said), "{text}: {told:?}"),
        }
        assert_eq!(corpus.claims.iter().filter(|c| c.date.value == "2011-05-03").count(), 1, "the other claim stays");
    }
    // A rule of no file names claims by their words alone, anywhere, and says nothing when none reads them.
    let anywhere = RejectRule { file: None, ..reject(quote) };
    let corpus = build(&format!("{} {other}", quote.replace("defence", "defense")), vec![anywhere]);
    assert_eq!(dated(&corpus), 1);
    assert!(warnings(&corpus).iter().all(|w| !w.starts_with("annals.toml")));
}
