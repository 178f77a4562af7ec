//! The real binary in a pseudo-terminal, driven as a person would: Ctrl-p,
//! `ward`, Enter, read the screen, `q`, and check the terminal was restored.

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Session {
    output: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(rows: u16, cols: u16) -> Session {
        let pair = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_annals"));
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("annals starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let _keep_master_open = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session { output, writer, child }
    }

    fn screen(&self, rows: u16, cols: u16) -> String {
        let mut parser = vt100::Parser::new(rows, cols, 0);
        parser.process(&self.output.lock().unwrap());
        parser.screen().contents()
    }

    fn wait_for(&self, rows: u16, cols: u16, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(rows, cols);
            if needles.iter().all(|n| screen.contains(n)) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "waited for {needles:?}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "annals did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn jump_to_ward_then_quit_restores_the_terminal() {
    let (rows, cols) = (40, 120);
    let mut s = Session::start(rows, cols);
    s.wait_for(rows, cols, &["Timeline", "Entities"]);
    s.send(b"\x10");
    s.wait_for(rows, cols, &["Jump to"]);
    s.send(b"ward");
    s.wait_for(rows, cols, &["William E. Ward"]);
    s.send(b"\r");
    let screen = s.wait_for(rows, cols, &["filter: William E. Ward", "2009-11-27"]);
    assert!(screen.contains("On November 27 the Ambassador"), "{screen}");
    assert!(screen.contains("Africa Command"), "{screen}");
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    std::thread::sleep(Duration::from_millis(200));
    let out = s.output.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&out);
    let entered = text.rfind("\x1b[?1049h").expect("entered the alternate screen");
    let left = text.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(left > entered);
    assert!(text[left..].contains("\x1b[?25h") || text[entered..].contains("\x1b[?25h"), "cursor shown again");
    assert!(text.contains("\x1b[?1000l"), "mouse capture turned off");
}

#[test]
fn ctrl_c_quits_and_restores() {
    let (rows, cols) = (24, 80);
    let mut s = Session::start(rows, cols);
    s.wait_for(rows, cols, &["Timeline"]);
    s.send(b"\x03");
    assert!(s.wait_exit().success());
    let out = String::from_utf8_lossy(&s.output.lock().unwrap()).into_owned();
    assert!(out.rfind("\x1b[?1049l") > out.rfind("\x1b[?1049h"));
}

#[test]
fn sigterm_restores_the_terminal() {
    let (rows, cols) = (24, 80);
    let mut s = Session::start(rows, cols);
    s.wait_for(rows, cols, &["Timeline"]);
    let pid = s.child.process_id().expect("a pid");
    let killed = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    assert!(killed.success());
    s.wait_exit();
    std::thread::sleep(Duration::from_millis(200));
    let out = String::from_utf8_lossy(&s.output.lock().unwrap()).into_owned();
    assert!(out.rfind("\x1b[?1049l") > out.rfind("\x1b[?1049h"), "left the alternate screen");
    assert!(out.contains("\x1b[?1000l"), "mouse capture turned off");
}
