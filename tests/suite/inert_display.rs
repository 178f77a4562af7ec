//! Documents never drive the terminal: the real binary in a pseudo-terminal
//! walks the timeline and the source viewer over every hostile fixture, and
//! every byte it wrote is searched for what those documents carry (escape
//! sequences, C1 controls, bidi and zero-width characters). What was there
//! shows as a visible `␛`, and each claim is highlighted exactly.

use crate::common;

use annals::ingest::{self, DEFAULT_MAX_BYTES};
use common::pty::Session;

/// Characters a document may hold that must never reach the terminal.
fn forbidden(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{9F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{7}'
    )
}

/// Sequences found in the fixtures that annals itself never writes.
const PAYLOADS: &[&[u8]] = &[
    b"\x1b]",            // OSC: window title, clipboard (OSC 52)
    b"\x1bP",            // DCS
    b"\x1b_",            // APC
    b"\x1b^",            // PM
    b"\x1b[31;1m",       // the fixture's colour
    b"\x1b[10;10Hgone",  // the fixture's cursor move
    b"\x1b[0m Then",     // the fixture's reset, followed by its text
    b"PWNED window",     // an OSC title's payload
    b"cm0gLXJmIH4vCg==", // an OSC 52 clipboard payload
];

#[test]
fn hostile_documents_reach_the_terminal_inertly() {
    let folder = common::fixtures().join("hostile");
    let (inputs, _) = ingest::read_paths(std::slice::from_ref(&folder), DEFAULT_MAX_BYTES);
    let corpus = common::build(inputs);
    let mut s = Session::with(40, 140, &[folder.to_str().unwrap()], &[]);
    s.wait_for(&["Timeline"]);
    let mut highlighted = Vec::new();
    for (step, event) in corpus.events.iter().enumerate() {
        if step > 0 {
            s.send(b"j");
        }
        for k in 0..event.claims.len() {
            if k > 0 {
                s.send(b"]");
            }
            highlighted.push(claim_on_screen(&s.settled()));
        }
        // Read the whole source: focus it, to its end and back, then back to the timeline.
        s.send(b"\t");
        s.send(b"G");
        s.send(b"g");
        s.send(b"\x1b[Z");
    }
    s.send(b"q");
    s.wait_exit();
    s.assert_restored();

    let bytes = s.bytes();
    for payload in PAYLOADS {
        let at = bytes.windows(payload.len()).position(|w| w == *payload);
        assert_eq!(at, None, "{:?} reached the terminal", String::from_utf8_lossy(payload));
    }
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("\x1b[?1049l").count(), 1, "only annals leaves the alternate screen, once");
    let bad: Vec<String> = text.chars().filter(|&c| forbidden(c)).map(|c| format!("U+{:04X}", c as u32)).collect();
    assert!(bad.is_empty(), "forbidden characters reached the terminal: {bad:?}");
    assert!(text.contains('␛'), "escape sequences are shown as ␛");

    for (claim, date) in &highlighted {
        let claim_matches = corpus
            .claims
            .iter()
            .find(|c| squash(corpus.claim_text(c)) == *claim && squash(corpus.date_text(c)) == *date);
        assert!(claim_matches.is_some(), "highlighted {claim:?} with date {date:?} is not a claim of the corpus");
    }
    assert_eq!(highlighted.len(), corpus.claims.len());
}

/// The highlighted claim and its date, as read off the screen.
fn claim_on_screen(parser: &vt100::Parser) -> (String, String) {
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let (mut claim, mut date) = (String::new(), String::new());
    for row in 0..rows {
        for col in 0..cols {
            let Some(cell) = screen.cell(row, col) else { continue };
            if cell.bgcolor() == vt100::Color::Rgb(90, 70, 0) {
                claim.push_str(cell.contents());
                if cell.bold() && cell.underline() {
                    date.push_str(cell.contents());
                }
            }
        }
        claim.push(' ');
        date.push(' ');
    }
    (squash(&claim), squash(&date))
}

fn squash(s: &str) -> String {
    let s = s.replace(common::pty::REPLACEMENT_STAND_IN, "\u{FFFD}");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
