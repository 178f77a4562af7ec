//! The browser: a state machine. Keys and mouse become [`Action`]s,
//! [`update`] changes the [`State`], [`view::draw`] draws it. The terminal is
//! restored on every way out: quit, error and panic.

pub mod action;
mod annotate;
pub mod colors;
pub mod config;
pub mod correct;
pub mod editor;
pub mod event_words;
mod index;
pub mod key;
pub mod keymap;
pub mod layout;
mod load;
pub mod notebook;
pub mod palette;
pub mod passage;
pub mod place;
pub mod reload;
pub mod scorer;
pub mod search;
mod settle;
pub mod state;
pub mod update;
pub mod view;

pub use action::Action;
pub use state::State;
pub use update::{update, Ctx};

use crate::model::Corpus;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    KeyboardEnhancementFlags, MouseEventKind, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use ratatui::crossterm::execute;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The action for a terminal event: a key as the key map resolves it in
/// the state's mode and pane (the first keys of a chord wait in
/// [`State::chord`]), a click, the wheel, a resize.
pub fn translate(event: Event, keys: &keymap::KeyMap, state: &mut State) -> Option<Action> {
    if let Event::Key(key) = event {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        state.chord.push(key::Key::of(key));
        let pressed = keys.press(&state.chord, state.mode.scope(), state.focus);
        if pressed != keymap::Pressed::Wait {
            state.chord.clear();
        }
        return match pressed {
            keymap::Pressed::Run(action) => Some(action),
            keymap::Pressed::Wait | keymap::Pressed::Nothing => None,
        };
    }
    state.chord.clear();
    match event {
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::Drag(_) => Some(Action::Drag(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(3, m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3, m.column, m.row)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// The user's configuration (read once), and what was wrong with the
/// file, if anything.
fn configured() -> &'static (config::Config, Option<String>) {
    static CONFIG: std::sync::OnceLock<(config::Config, Option<String>)> = std::sync::OnceLock::new();
    CONFIG.get_or_init(config::load)
}

/// A test switch: with `ANNALS_TEST_PANIC` set, the browser panics after its
/// first frame, so a test can watch the terminal being restored. Tests run
/// the release build (it shares the artefacts of `cargo run --release`).
fn forced_panic_for_tests() -> bool {
    std::env::var_os("ANNALS_TEST_PANIC").is_some()
}

fn restore() {
    let _ = execute!(io::stdout(), PopKeyboardEnhancementFlags, DisableMouseCapture);
    ratatui::restore();
}

/// How browsing a corpus that had to be loaded ended.
pub enum Browsed<T> {
    /// Loaded (and browsed, if `browse` found something to).
    Done(T),
    /// Cancelled at the gauge.
    Cancelled,
    /// The preview was quit before the whole corpus was read.
    QuitWhileReading,
}

/// Loads on another thread while a gauge shows how far it has come (after
/// a moment, so a small corpus opens without it), then browses what `browse`
/// finds in the result, if anything. A corpus still loading after a couple
/// of seconds is browsed in part meanwhile, and the browser moves on to the
/// whole, keeping its place, when that is ready. With `reload`, it moves
/// the same way to the corpus built again whenever its files change.
/// `shown` is told when a loaded corpus is first on the screen (what can
/// wait, such as keeping it in the cache, waits until then).
pub fn load_and_run<T: Send + 'static>(
    total: usize,
    load: impl FnOnce(&crate::pipeline::Watch) -> T + Send + 'static,
    browse: impl Fn(&T) -> Option<(&Corpus, Option<String>)>,
    shown: impl Fn(&T),
    reload: Option<reload::Reload<T>>,
    mut notebook: notebook::Notebook,
) -> io::Result<Browsed<T>> {
    let notebook = &mut notebook;
    with_terminal(|terminal, stop| {
        let mut loading = load::Loading::start(total, load);
        let (mut loaded, mut place) = match wait_for(terminal, &mut loading, stop)? {
            Waited::Cancelled => return Ok(Browsed::Cancelled),
            Waited::Loaded(loaded) => (loaded, None),
            Waited::Preview(preview) => {
                match event_loop(terminal, &preview, Start::default(), Some(&mut loading), None, notebook, stop)? {
                    Ended::Quit => return Ok(Browsed::QuitWhileReading),
                    Ended::Loaded(loaded, place) => (loaded, Some(place)),
                }
            }
        };
        let mut changed: Option<String> = None;
        while let Some((corpus, notice)) = browse(&loaded) {
            let notice = match (&place, notice, changed.take()) {
                (_, notice, Some(changes)) => Some(notice.map_or(changes.clone(), |n| format!("{changes} · {n}"))),
                (Some(_), None, None) => Some(format!("all {} documents read", corpus.sources.len())),
                (_, notice, None) => notice,
            };
            let this = &loaded;
            let shown: Box<dyn FnOnce() + '_> = Box::new(|| shown(this));
            let start = Start { notice: notice.filter(|n| !n.is_empty()), place, shown: Some(shown) };
            match event_loop(terminal, corpus, start, None, reload.as_ref(), notebook, stop)? {
                Ended::Quit => break,
                Ended::Loaded(again, at) => match browse(&again) {
                    Some((new, _)) => {
                        changed = Some(reload::changes(corpus, new));
                        (loaded, place) = (again, Some(at));
                    }
                    // A folder emptied while open: what was read stays until a document is back.
                    None => {
                        changed = Some(reload::GONE.to_string());
                        place = Some(at);
                    }
                },
            }
        }
        Ok(Browsed::Done(loaded))
    })
}

/// Takes over the terminal for `body`, and gives it back however `body`
/// ends: returning, failing or panicking, or on SIGTERM/SIGHUP.
fn with_terminal<R>(body: impl FnOnce(&mut ratatui::DefaultTerminal, &AtomicBool) -> io::Result<R>) -> io::Result<R> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    // Terminals that know the kitty keyboard protocol then tell Ctrl-i from Tab;
    // the others ignore the request.
    let flags = KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES;
    let result = execute!(io::stdout(), EnableMouseCapture, PushKeyboardEnhancementFlags(flags))
        .and_then(|()| stop_on_signals())
        .and_then(|stop| body(&mut terminal, &stop));
    restore();
    result
}

/// SIGTERM and SIGHUP set the flag the loops watch, so the terminal is restored.
fn stop_on_signals() -> io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    // When the terminal itself is gone, crossterm can spin reading it and never
    // come back to a loop; a watchdog then ends the process.
    let watched = Arc::clone(&stop);
    std::thread::spawn(move || {
        while !watched.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_secs(1));
        restore();
        std::process::exit(1);
    });
    Ok(stop)
}

enum Waited<T> {
    Cancelled,
    Loaded(T),
    Preview(Corpus),
}

/// Draws the gauge from the first tenth of a second on until the result
/// or a preview comes; q, Esc or Ctrl-c cancel.
fn wait_for<T: Send + 'static>(
    terminal: &mut ratatui::DefaultTerminal,
    loading: &mut load::Loading<T>,
    stop: &AtomicBool,
) -> io::Result<Waited<T>> {
    let theme = view::theme::Theme::from_env(&configured().0.colors);
    // A small corpus is ready before the gauge would show: browse at once.
    if let Some(loaded) = loading.finished(Duration::from_millis(100)) {
        return Ok(Waited::Loaded(loaded));
    }
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(Waited::Cancelled);
        }
        if let Some(preview) = loading.preview() {
            return Ok(Waited::Preview(preview));
        }
        terminal.draw(|frame| view::loading::draw(loading.progress(), theme, frame))?;
        if event::poll(Duration::from_millis(50))? && cancels(&event::read()?) {
            return Ok(Waited::Cancelled);
        }
        if let Some(loaded) = loading.finished(Duration::ZERO) {
            return Ok(Waited::Loaded(loaded));
        }
    }
}

fn cancels(event: &Event) -> bool {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
            ctrl_c || matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
        }
        _ => false,
    }
}

/// How the browser starts: a message for the status bar, and a place to
/// take up from a preview.
#[derive(Default)]
struct Start<'a> {
    notice: Option<String>,
    place: Option<Box<place::Place>>,
    /// Called once the corpus is on the screen.
    shown: Option<Box<dyn FnOnce() + 'a>>,
}

enum Ended<T> {
    Quit,
    /// What `loading` loaded, and where the user was in the preview.
    Loaded(T, Box<place::Place>),
}

/// Browses `corpus` until the user quits or, when it is a preview, until
/// the whole corpus is `loading` and the user is not typing.
fn event_loop<T: Send + 'static>(
    terminal: &mut ratatui::DefaultTerminal,
    corpus: &Corpus,
    start: Start,
    loading: Option<&mut load::Loading<T>>,
    reload: Option<&reload::Reload<T>>,
    notebook: &mut notebook::Notebook,
    stop: &AtomicBool,
) -> io::Result<Ended<T>> {
    let (config, config_notice) = configured();
    let theme = view::theme::Theme::from_env(&config.colors);
    // A bad configuration is said once, when browsing starts, not again at each reload.
    let config_notice = config_notice.clone().filter(|_| start.place.is_none());
    let mut state = match start.place {
        Some(place) => State::at(corpus, *place),
        None => State::new(corpus),
    };
    // `#` in the palette and `/` in the timeline share one index of event words.
    let candidates = palette::Candidates::sharing(corpus, std::sync::Arc::clone(&state.index.event_words));
    let ctx = Ctx { corpus, candidates: &candidates, keys: &config.keys };
    state.set_notes(corpus, notebook.layer(corpus, &state.index.claim_event));
    let notes_notice = notebook.notice.take().or_else(|| annotate::standing(&state));
    state.notice =
        [start.notice, config_notice, notes_notice].into_iter().flatten().reduce(|a, b| format!("{a} · {b}"));
    let panic_after_drawing = forced_panic_for_tests();
    let mut shown = start.shown;
    let mut incoming = Incoming { loading, reload, reloading: None, loaded: None };
    std::thread::scope(|scope| {
        let scorer = scorer::Scorer::start(scope, corpus, &candidates);
        // The events' words of a large corpus are indexed while the user
        // reads, not on the UI thread at the first `/` (2.4 s for a million
        // events); a `/` before then waits for what is left. Not for a
        // preview: the whole corpus would wait for it.
        if incoming.loading.is_none() && corpus.events.len() > palette::SCORED_AT_ONCE {
            let words = std::sync::Arc::clone(&state.index.event_words);
            scope.spawn(move || {
                words.get_or_init(|| event_words::EventWords::new(corpus));
            });
        }
        let mut asked: Option<String> = None;
        let mut dirty = true;
        while !state.quit && !stop.load(Ordering::Relaxed) {
            let (changed, arrived) = incoming.poll(&mut state);
            if let Some(result) = arrived {
                return Ok(Ended::Loaded(result, Box::new(state.place(corpus))));
            }
            if dirty || changed {
                draw(terminal, &mut state, corpus, ctx.keys, theme)?;
                if let Some(shown) = shown.take() {
                    shown();
                }
                if panic_after_drawing {
                    panic!("forced panic for testing (ANNALS_TEST_PANIC)");
                }
            }
            dirty = false;
            if event::poll(poll_wait(&state, incoming.reading()))? {
                if let Some(action) = translate(event::read()?, ctx.keys, &mut state) {
                    update(&mut state, &ctx, action);
                }
                notebook.follow(&mut state, corpus);
                dirty = true;
            }
            if score_in_background(&mut state, &scorer, &mut asked) {
                state.settle(corpus); // the palette's rows changed outside `update`
                dirty = true;
            }
        }
        Ok(Ended::Quit)
    })
}

/// What the browser waits for while it runs: the whole corpus after a
/// preview, or a watched folder's corpus read again.
struct Incoming<'a, T> {
    loading: Option<&'a mut load::Loading<T>>,
    reload: Option<&'a reload::Reload<T>>,
    reloading: Option<load::Loading<T>>,
    loaded: Option<T>,
}

impl<T: Send + 'static> Incoming<'_, T> {
    /// Follows the reading (whether the screen changed), and gives the new
    /// corpus once it is read and the user is not typing: the whole corpus
    /// waits while the user types in the preview's palette or search.
    fn poll(&mut self, state: &mut State) -> (bool, Option<T>) {
        if let Some(loading) = self.loading.as_deref_mut() {
            let changed = follow_reading(state, loading, &mut self.loaded);
            return (changed, self.loaded.take_if(|_| !state.typing()));
        }
        let Some(reload) = self.reload else { return (false, None) };
        if self.reloading.is_none() {
            self.reloading = reload.poll();
        }
        let typing = state.typing();
        (false, self.reloading.as_mut().filter(|_| !typing).and_then(|r| r.finished(Duration::ZERO)))
    }

    fn reading(&self) -> bool {
        self.loading.is_some() || self.reloading.is_some()
    }
}

/// Draws the screen, laid out anew only when it changed size unseen
/// (drawing only reads).
fn draw(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut State,
    corpus: &Corpus,
    keys: &keymap::KeyMap,
    theme: view::theme::Theme,
) -> io::Result<()> {
    let size = terminal.size()?;
    let screen = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    if state.areas.screen != screen {
        state.resize(corpus, screen);
    }
    terminal.draw(|frame| view::draw(state, corpus, keys, theme, frame))?;
    Ok(())
}

/// How long to wait for a key: while the scorer works, its answer is
/// looked for often; while a corpus is read, its progress.
fn poll_wait(state: &State, reading: bool) -> Duration {
    let pending = state.palette().is_some_and(|p| p.pending);
    Duration::from_millis(match (pending, reading) {
        (true, _) => 10,
        (false, true) => 100,
        (false, false) => 200,
    })
}

/// Shows how far the whole corpus is read, and takes it when it is;
/// whether anything changed on screen.
fn follow_reading<T: Send + 'static>(
    state: &mut State,
    loading: &mut load::Loading<T>,
    loaded: &mut Option<T>,
) -> bool {
    if loaded.is_none() {
        *loaded = loading.finished(Duration::ZERO);
    }
    let progress = loading.progress();
    let reading = state::Reading { done: progress.done, total: progress.total, ready: loaded.is_some() };
    let changed = state.reading != Some(reading);
    state.reading = Some(reading);
    changed
}

/// Hands the palette's query to the scorer when it is not scored yet, and
/// takes what the scorer found; whether anything changed on screen.
fn score_in_background(state: &mut State, scorer: &scorer::Scorer, asked: &mut Option<String>) -> bool {
    let Some(p) = state.palette_mut() else {
        *asked = None;
        return false;
    };
    if p.pending && asked.as_deref() != Some(p.query.as_str()) {
        scorer.ask(&p.query, p.known.last().cloned());
        *asked = Some(p.query.clone());
    }
    let found = scorer.take();
    let changed = !found.is_empty();
    for matches in found {
        if asked.as_deref() == Some(matches.typed.as_str()) {
            *asked = None; // answered: the same query typed again is asked again
        }
        p.learn(matches);
    }
    changed
}
