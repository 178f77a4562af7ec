//! The browser's hot paths: palette filtering per keystroke at 10 k, 100 k
//! and 1 M entities, and drawing a 200×60 frame on the bundled corpus and
//! on a 100 k-event corpus (which must not cost more).
//! `cargo bench --bench browser`.

use annals::model::*;
use annals::tui::config::Config;
use annals::tui::event_words::EventWords;
use annals::tui::palette::{self, Candidates};
use annals::tui::view::{self, theme::Theme};
use annals::tui::{update, Action, Ctx, State};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const FIRST: [&str; 8] = ["Amadou", "Ibrahim", "Assimi", "Moussa", "Modibo", "Alpha", "Choguel", "Bah"];
const LAST: [&str; 8] = ["Touré", "Keïta", "Goïta", "Traoré", "Konaré", "Maïga", "Diarra", "Coulibaly"];

fn entity(i: usize) -> Entity {
    let name = format!("{} {} {i}", FIRST[i % 8], LAST[(i / 8) % 8]);
    let folded = annals::text::fold(&name);
    let found_by = "gazetteer";
    Entity {
        id: format!("e{i}"),
        name,
        kind: EntityKind::Person,
        aliases: Vec::new(),
        mentions: Vec::new(),
        folded,
        found_by: found_by.into(),
    }
}

/// A corpus of `events` one-claim events in one source, and a few actors.
fn synthetic(events: usize, entities: usize) -> Corpus {
    let mut text = String::new();
    let mut claims = Vec::with_capacity(events);
    for i in 0..events {
        let start = text.len();
        let year = 1960 + (i % 64) as i32;
        text.push_str(&format!("In {year}, Mali and the United States signed agreement number {i}.\n"));
        let date = DateValue::year(year).unwrap();
        let sentence = start..text.len() - 1;
        claims.push(Claim {
            source: SourceId::default(),
            date_clean: start + 3..start + 7,
            sentence,
            date,
            resolved: Resolution::Absolute,
            actors: std::iter::once(EntityId::from(i % entities.max(1))).collect(),
            kind: "agreement".into(),
        });
    }
    let claims: TiVec<ClaimId, Claim> = claims.into();
    let mut order: Vec<ClaimId> = claims.keys().collect();
    order.sort_by_key(|&c| (claims[c].date.start, c));
    let events_out: TiVec<EventId, Event> = order
        .iter()
        .enumerate()
        .map(|(n, &c)| Event {
            id: format!("e{n}").into(),
            title: format!("Agreement {}", c.index()),
            kind: "agreement".into(),
            date: claims[c].date.clone(),
            actors: claims[c].actors.clone(),
            conflict: false,
            claims: vec![c],
        })
        .collect();
    let mut entity_events: TiVec<EntityId, Vec<EventId>> = vec![Vec::new(); entities].into();
    for (n, e) in events_out.iter_enumerated() {
        for a in &e.actors {
            entity_events[*a].push(n);
        }
    }
    let source = Source {
        id: "synthetic".into(),
        path: "synthetic.txt".into(),
        title: "Synthetic".into(),
        kind: SourceKind::Other,
        publisher: None,
        url: None,
        reliability: None,
        published: None,
        published_basis: None,
        raw_len: text.len(),
        body_start: 0,
        encoding: "UTF-8".into(),
        map: ChainedMap { outer: OffsetMap::identity(text.len(), 0), inner: None },
        text,
        repairs: 0,
        warnings: Vec::new(),
        rejected: Vec::new(),
    };
    Corpus {
        name: "synthetic".into(),
        sources: vec![source].into(),
        entities: (0..entities).map(entity).collect(),
        claims,
        events: events_out,
        entity_events,
    }
}

fn palette_filtering(c: &mut Criterion) {
    let mut group = c.benchmark_group("palette_keystroke");
    group.sample_size(10);
    for n in [10_000usize, 100_000, 1_000_000] {
        let corpus = Corpus { entities: (0..n).map(entity).collect(), ..Corpus::default() };
        let candidates = Candidates::new(&corpus);
        let opened = palette::filter(&corpus, &candidates, "");
        let keit = ["k", "ke", "kei", "keit"]
            .iter()
            .fold(opened.clone(), |previous, q| palette::narrow(&corpus, &candidates, Some(&previous), q));
        // Typing `keita` into the open palette: the first key scores everything,
        // the fifth only what `keit` matched; from scratch is a pasted query.
        group.bench_with_input(BenchmarkId::new("first_key", n), &n, |b, _| {
            b.iter(|| palette::narrow(&corpus, &candidates, Some(&opened), "k"))
        });
        group.bench_with_input(BenchmarkId::new("fifth_key", n), &n, |b, _| {
            b.iter(|| palette::narrow(&corpus, &candidates, Some(&keit), "keita"))
        });
        group.bench_with_input(BenchmarkId::new("from_scratch", n), &n, |b, _| {
            b.iter(|| palette::filter(&corpus, &candidates, "keita"))
        });
        // What the UI thread spends on a key: above SCORED_AT_ONCE candidates
        // the query goes to the scorer's thread, and input is never blocked.
        let ctx = Ctx { corpus: &corpus, candidates: &candidates, keys: &Config::defaults().keys };
        let mut state = State::new(&corpus);
        update(&mut state, &ctx, Action::OpenPalette);
        group.bench_with_input(BenchmarkId::new("ui_thread", n), &n, |b, _| {
            b.iter(|| {
                update(&mut state, &ctx, Action::Type('k'));
                update(&mut state, &ctx, Action::Backspace);
            })
        });
    }
    group.finish();
}

/// `#` queries: words looked up in the index of event words, so a key
/// costs the size of its answer (`#a`: every event; `#agreement 4242`: a
/// hundred), and the index built once, on the first `#`.
fn event_words(c: &mut Criterion) {
    let mut group = c.benchmark_group("event_words");
    group.sample_size(10);
    for n in [100_000usize, 1_000_000] {
        let corpus = synthetic(n, 1000);
        group.bench_with_input(BenchmarkId::new("build", n), &n, |b, _| b.iter(|| EventWords::new(&corpus)));
        let index = EventWords::new(&corpus);
        for query in ["a", "agreement mali", "agreement 4242", "zebra"] {
            let name = format!("{n}/{query}");
            group.bench_function(BenchmarkId::new("key", name), |b| b.iter(|| index.find(query)));
        }
    }
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_200x60");
    let bundled =
        annals::pipeline::Pipeline::bundled().build("bundled", annals::ingest::bundled_inputs(), Vec::new()).0;
    let large = synthetic(100_000, 1_000);
    let mut corpora = vec![("bundled".to_string(), bundled), ("100k_events".to_string(), large)];
    // A corpus of your own, as annals would read it: ANNALS_BENCH_DIR=/tmp/annals-scale/1G
    if let Some(dir) = std::env::var_os("ANNALS_BENCH_DIR") {
        let dir = std::path::PathBuf::from(dir);
        let (inputs, _) = annals::ingest::read_paths(std::slice::from_ref(&dir), annals::ingest::DEFAULT_MAX_BYTES);
        let corpus = annals::pipeline::Pipeline::bundled().build("dir", inputs, Vec::new()).0;
        corpora.push((dir.file_name().map_or("dir".into(), |n| n.to_string_lossy().into_owned()), corpus));
    }
    for (name, corpus) in &corpora {
        let mut state = State::new(corpus);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let theme = Theme::colored();
        group.bench_function(name.as_str(), |b| {
            b.iter(|| {
                state.timeline.selected = (state.timeline.selected + 7) % state.events.len();
                state.show_selected_event(corpus);
                state.resize(corpus, ratatui::layout::Rect::new(0, 0, 200, 60));
                terminal.draw(|f| view::draw(&state, corpus, &Config::defaults().keys, theme, f)).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, palette_filtering, event_words, frame);
criterion_main!(benches);
