//! The browser: a state machine. Keys and mouse become [`Action`]s,
//! [`update`] changes the [`State`], [`view::draw`] draws it. The terminal is
//! restored on every way out: quit, error and panic.

pub mod action;
pub mod keymap;
pub mod palette;
pub mod scorer;
pub mod search;
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
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The action for a terminal event, given whether text is being typed.
pub fn translate(event: Event, typing: bool) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            if typing && !ctrl {
                return match key.code {
                    KeyCode::Char(c) => Some(Action::Type(c)),
                    KeyCode::Backspace => Some(Action::Backspace),
                    _ => keymap::action_for(key),
                };
            }
            keymap::action_for(key)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(3, m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3, m.column, m.row)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// Debug builds (the ones tests run) panic after the first frame when
/// `ANNALS_TEST_PANIC` is set, so a test can watch the terminal being
/// restored on a panic. Release builds have no such switch.
fn forced_panic_for_tests() -> bool {
    cfg!(debug_assertions) && std::env::var_os("ANNALS_TEST_PANIC").is_some()
}

fn restore() {
    let _ = execute!(io::stdout(), PopKeyboardEnhancementFlags, DisableMouseCapture);
    ratatui::restore();
}

/// Loads on another thread while a gauge shows how far it has come (after
/// a moment, so a small corpus opens without it), then browses what `browse`
/// finds in the result, if anything. `None` when the user cancelled.
pub fn load_and_run<T: Send + 'static>(
    total: usize,
    load: impl FnOnce(&AtomicUsize) -> T + Send + 'static,
    browse: impl Fn(&T) -> Option<(&Corpus, Option<String>)>,
) -> io::Result<Option<T>> {
    with_terminal(|terminal, stop| {
        let Some(loaded) = wait_for(terminal, total, load, stop)? else {
            return Ok(None);
        };
        if let Some((corpus, notice)) = browse(&loaded) {
            event_loop(terminal, corpus, notice, stop)?;
        }
        Ok(Some(loaded))
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

/// Waits for `load` on its own thread, drawing the gauge from the first
/// tenth of a second on; q, Esc or Ctrl-c cancel.
fn wait_for<T: Send + 'static>(
    terminal: &mut ratatui::DefaultTerminal,
    total: usize,
    load: impl FnOnce(&AtomicUsize) -> T + Send + 'static,
    stop: &AtomicBool,
) -> io::Result<Option<T>> {
    let done = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&done);
    let (send, receive) = std::sync::mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = send.send(load(&counter));
    });
    let started = Instant::now();
    let theme = view::theme::Theme::from_env();
    // A small corpus is ready before the gauge would show: browse at once.
    let mut ready = receive.recv_timeout(Duration::from_millis(100)).ok();
    while ready.is_none() && !worker.is_finished() {
        if stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let progress =
            view::loading::Progress { done: done.load(Ordering::Relaxed), total, elapsed: started.elapsed() };
        terminal.draw(|frame| view::loading::draw(progress, theme, frame))?;
        if event::poll(Duration::from_millis(50))? && cancels(&event::read()?) {
            return Ok(None);
        }
        ready = receive.try_recv().ok();
    }
    match ready.or_else(|| receive.try_recv().ok()) {
        Some(loaded) => Ok(Some(loaded)),
        // The worker ended without an answer: it panicked, and the panic is the
        // main thread's now (the hook restores the terminal).
        None => std::panic::resume_unwind(worker.join().err().unwrap_or_else(|| Box::new("loading ended early"))),
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

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    corpus: &Corpus,
    notice: Option<String>,
    stop: &AtomicBool,
) -> io::Result<()> {
    let theme = view::theme::Theme::from_env();
    let candidates = palette::Candidates::new(corpus);
    let ctx = Ctx { corpus, candidates: &candidates };
    let mut state = State::new(corpus);
    state.notice = notice;
    let panic_after_drawing = forced_panic_for_tests();
    std::thread::scope(|scope| {
        let scorer = scorer::Scorer::start(scope, corpus, &candidates);
        let mut asked: Option<String> = None;
        let mut dirty = true;
        while !state.quit && !stop.load(Ordering::Relaxed) {
            if dirty {
                terminal.draw(|frame| view::draw(&mut state, corpus, theme, frame))?;
                if panic_after_drawing {
                    panic!("forced panic for testing (ANNALS_TEST_PANIC)");
                }
            }
            // While the scorer works, look for its answer often.
            let pending = state.palette.as_ref().is_some_and(|p| p.pending);
            let wait = Duration::from_millis(if pending { 10 } else { 200 });
            dirty = false;
            if event::poll(wait)? {
                let typing = state.palette.is_some() || state.search.as_ref().is_some_and(|s| s.editing);
                if let Some(action) = translate(event::read()?, typing) {
                    update(&mut state, &ctx, action);
                }
                dirty = true;
            }
            dirty |= score_in_background(&mut state, &scorer, &mut asked);
        }
        Ok(())
    })
}

/// Hands the palette's query to the scorer when it is not scored yet, and
/// takes what the scorer found; whether anything changed on screen.
fn score_in_background(state: &mut State, scorer: &scorer::Scorer, asked: &mut Option<String>) -> bool {
    let Some(p) = state.palette.as_mut() else {
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
