//! First frame on the bundled corpus: from process start to the browser's
//! first draw, the real release binary in a pseudo-terminal; and the same
//! inside one process (build the corpus, draw to a test backend).
//! `cargo bench --bench startup`.

use annals::tui::config::Config;
use annals::tui::view::{self, theme::Theme};
use annals::tui::State;
use criterion::{criterion_group, criterion_main, Criterion};
use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::io::Read;
use std::time::{Duration, Instant};

/// Starts annals in a 200×60 pseudo-terminal and returns the time until the
/// timeline's title has been written.
fn first_draw() -> Duration {
    let size = PtySize { rows: 60, cols: 200, pixel_width: 0, pixel_height: 0 };
    let pair = native_pty_system().openpty(size).expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_annals"));
    cmd.env("TERM", "xterm-256color");
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("annals starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let (mut seen, mut buf) = (Vec::new(), [0u8; 65536]);
    let elapsed = loop {
        let n = reader.read(&mut buf).expect("annals draws");
        assert!(n > 0, "annals ended before drawing");
        seen.extend_from_slice(&buf[..n]);
        if seen.windows(8).any(|w| w == b"Timeline") {
            break started.elapsed();
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    elapsed
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("first_frame");
    group.sample_size(20);
    group.bench_function("process_start_to_first_draw", |b| b.iter_custom(|n| (0..n).map(|_| first_draw()).sum()));
    group.bench_function("build_and_draw_in_process", |b| {
        b.iter(|| {
            let pipeline = annals::pipeline::Pipeline::bundled();
            let corpus = pipeline.build("bundled", annals::ingest::bundled_inputs(), Vec::new()).0;
            let mut state = State::new(&corpus);
            state.resize(&corpus, ratatui::layout::Rect::new(0, 0, 200, 60));
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
            terminal.draw(|f| view::draw(&state, &corpus, &Config::defaults().keys, Theme::colored(), f)).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
