//! The real binary in a pseudo-terminal, driven as a person would: every
//! byte it writes is recorded, the screen is read with a terminal emulator,
//! and the terminal's mode is read back from the pseudo-terminal itself.

use portable_pty::{native_pty_system, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What U+FFFD is shown as in [`Session::parser`]'s screen.
pub const REPLACEMENT_STAND_IN: char = '\u{E000}';

pub struct Session {
    pub rows: u16,
    pub cols: u16,
    pub output: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// The bundled corpus at `rows` × `cols`.
    pub fn start(rows: u16, cols: u16) -> Session {
        Session::with(rows, cols, &[], &[])
    }

    pub fn with(rows: u16, cols: u16, args: &[&str], env: &[(&str, &str)]) -> Session {
        let pair = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_annals"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        for (k, v) in super::HERMETIC.iter() {
            cmd.env(k, v);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("annals starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session { rows, cols, output, writer, child, master: pair.master }
    }

    pub fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes()).into_owned()
    }

    /// The screen as a terminal emulator shows it now. The vt100 crate
    /// drops U+FFFD instead of printing it, so it is fed U+E000 in its place
    /// ([`REPLACEMENT_STAND_IN`]), which takes one cell as U+FFFD does.
    pub fn parser(&self) -> vt100::Parser {
        let mut parser = vt100::Parser::new(self.rows, self.cols, 0);
        let bytes = self.bytes();
        let mut fed = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i..].starts_with("\u{FFFD}".as_bytes()) {
                fed.extend_from_slice(REPLACEMENT_STAND_IN.encode_utf8(&mut [0; 4]).as_bytes());
                i += 3;
            } else {
                fed.push(bytes[i]);
                i += 1;
            }
        }
        parser.process(&fed);
        parser
    }

    /// The screen once output has stopped for a moment: a frame is never read
    /// half drawn. A screen that keeps changing (a progress line) fails the
    /// test after a minute rather than hanging it.
    pub fn settled(&self) -> vt100::Parser {
        let start = Instant::now();
        let mut seen = self.len();
        loop {
            std::thread::sleep(Duration::from_millis(100));
            let now = self.len();
            if now == seen {
                return self.parser();
            }
            assert!(start.elapsed() < Duration::from_secs(60), "the screen never settled:\n{}", self.screen());
            seen = now;
        }
    }

    pub fn screen(&self) -> String {
        self.parser().screen().contents()
    }

    pub fn wait_for(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if needles.iter().all(|n| screen.contains(n)) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(60), "waited for {needles:?}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends keys, then waits for what they draw: until output has come and
    /// stopped for 50 ms, or for 150 ms at most (a key that changes nothing
    /// draws nothing).
    pub fn send(&mut self, bytes: &[u8]) {
        let before = self.len();
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        let start = Instant::now();
        let (mut seen, mut since) = (before, start);
        while start.elapsed() < Duration::from_millis(150) {
            std::thread::sleep(Duration::from_millis(10));
            let now = self.len();
            if now != seen {
                (seen, since) = (now, Instant::now());
            } else if now > before && since.elapsed() >= Duration::from_millis(50) {
                return;
            }
        }
    }

    fn len(&self) -> usize {
        self.output.lock().unwrap().len()
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader catch the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "annals did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Quits with `q`: annals exits 0 and leaves the terminal as it found it.
    pub fn quit(&mut self) {
        self.send(b"q");
        assert!(self.wait_exit().success());
        self.assert_restored();
    }

    /// Whether the terminal is in raw mode: no line editing, no echo.
    pub fn raw_mode(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("a unix pty");
        let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills the struct on success, which is checked.
        let termios = unsafe {
            assert_eq!(libc::tcgetattr(fd, termios.as_mut_ptr()), 0, "tcgetattr");
            termios.assume_init()
        };
        termios.c_lflag & (libc::ICANON | libc::ECHO) == 0
    }

    /// The terminal is as annals found it: alternate screen left after it
    /// was entered, cursor shown, mouse capture off, raw mode off.
    pub fn assert_restored(&self) {
        let text = self.text();
        let entered = text.rfind("\x1b[?1049h").expect("entered the alternate screen");
        let left = text.rfind("\x1b[?1049l").expect("left the alternate screen");
        assert!(left > entered, "left the alternate screen last");
        assert!(text[entered..].contains("\x1b[?25h"), "cursor shown again");
        assert!(text[entered..].contains("\x1b[?1000l"), "mouse capture turned off");
        assert!(!self.raw_mode(), "raw mode turned off");
    }
}
