//! The browser: a state machine. Keys and mouse become [`Action`]s,
//! [`update`] changes the [`State`], [`view::draw`] draws it. The terminal is
//! restored on every way out: quit, error and panic.

pub mod action;
pub mod keymap;
pub mod palette;
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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

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

/// Runs the browser until the user quits; `notice` shows in the status
/// bar until the first key.
pub fn run(corpus: &Corpus, notice: Option<String>) -> io::Result<()> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    // Terminals that know the kitty keyboard protocol then tell Ctrl-i from Tab;
    // the others ignore the request.
    let flags = KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES;
    execute!(io::stdout(), EnableMouseCapture, PushKeyboardEnhancementFlags(flags))?;
    let result = event_loop(&mut terminal, corpus, notice);
    restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, corpus: &Corpus, notice: Option<String>) -> io::Result<()> {
    // SIGTERM and SIGHUP end the loop like `q`, so the terminal is restored.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    // When the terminal itself is gone, crossterm can spin reading it and never
    // come back to this loop; a watchdog then ends the process.
    let watched = Arc::clone(&stop);
    std::thread::spawn(move || {
        while !watched.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_secs(1));
        restore();
        std::process::exit(1);
    });
    let theme = view::theme::Theme::from_env();
    let candidates = palette::Candidates::new(corpus);
    let ctx = Ctx { corpus, candidates: &candidates };
    let mut state = State::new(corpus);
    state.notice = notice;
    let panic_after_drawing = forced_panic_for_tests();
    let mut dirty = true;
    while !state.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|frame| view::draw(&mut state, corpus, theme, frame))?;
            if panic_after_drawing {
                panic!("forced panic for testing (ANNALS_TEST_PANIC)");
            }
        }
        dirty = event::poll(Duration::from_millis(200))?;
        if !dirty {
            continue;
        }
        let typing = state.palette.is_some() || state.search.as_ref().is_some_and(|s| s.editing);
        if let Some(action) = translate(event::read()?, typing) {
            update(&mut state, &ctx, action);
        }
    }
    Ok(())
}
