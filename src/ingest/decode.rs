//! Bytes to text: BOMs, UTF-8, UTF-16, detected legacy encodings, and
//! binary files refused. Every decoded character keeps its raw byte range.

use crate::model::OffsetMap;
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Decoded text and, unless it is the file's own bytes, its map to them.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// `None` when `text` is byte for byte the file.
    pub map: Option<OffsetMap>,
    pub warnings: Vec<String>,
}

/// Why a file is not text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("binary file ({0})")]
    Binary(&'static str),
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"GIF8", "GIF image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"\x7FELF", "executable"),
];

pub fn decode(raw: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = raw.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(utf8(rest, 3, "UTF-8 (BOM)"));
    }
    if raw.starts_with(b"\xFF\xFE") {
        return Ok(with_encoding(raw, 2, UTF_16LE));
    }
    if raw.starts_with(b"\xFE\xFF") {
        return Ok(with_encoding(raw, 2, UTF_16BE));
    }
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| raw.starts_with(m)) {
        return Err(DecodeError::Binary(what));
    }
    // A stray NUL in text is dropped later; many of them mean binary data.
    let nuls = count(raw, |b| b == 0);
    if nuls * 100 > raw.len() {
        return Err(DecodeError::Binary("NUL bytes"));
    }
    // Text has line breaks and tabs, and at most a few other control bytes
    // (an escape sequence or two); noise has one byte in ten.
    let controls = count(raw, is_control);
    if controls > 16 && controls * 100 > raw.len() {
        return Err(DecodeError::Binary("control characters"));
    }
    if std::str::from_utf8(raw).is_ok() {
        return Ok(utf8(raw, 0, "UTF-8"));
    }
    if mostly_utf8(raw) {
        return Ok(utf8(raw, 0, "UTF-8 (invalid bytes replaced)"));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(raw, true);
    let encoding = detector.guess(None, false);
    Ok(with_encoding(raw, 0, encoding))
}

/// How many bytes of `raw` are `such`: counted in bytes, 255 at a time, so
/// that the compiler compares many at once (a filtered count, or a checked
/// sum, goes byte by byte).
pub(super) fn count(raw: &[u8], such: impl Fn(u8) -> bool) -> usize {
    raw.chunks(255).map(|chunk| chunk.iter().fold(0u8, |n, &b| n.wrapping_add(u8::from(such(b)))) as usize).sum()
}

/// A control byte other than the tab, line breaks, form feed and escape
/// that text has (compared, not searched for: every byte is asked).
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r' && b != 0x0c && b != 0x1b) || b == 0x7f
}

/// UTF-8 with a few broken bytes, rather than a legacy encoding: it has
/// valid multi-byte sequences and the invalid bytes are rare.
fn mostly_utf8(raw: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in raw.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    valid_multibyte > 0 && invalid <= 4 * valid_multibyte
}

/// UTF-8 from `offset` on; invalid bytes become U+FFFD, each mapped to them.
fn utf8(bytes: &[u8], offset: usize, name: &'static str) -> Decoded {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let map = (offset > 0).then(|| OffsetMap::identity(text.len(), offset));
        return Decoded { text: text.to_string(), encoding: name, map, warnings: vec![] };
    }
    let mut text = String::with_capacity(bytes.len());
    let mut map = OffsetMap::default();
    let mut at = offset;
    let mut bad = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        map.push(at..at + valid.len(), valid.len());
        text.push_str(valid);
        at += valid.len();
        let invalid = chunk.invalid().len();
        if invalid > 0 {
            map.push(at..at + invalid, '\u{FFFD}'.len_utf8());
            text.push('\u{FFFD}');
            at += invalid;
            bad += invalid;
        }
    }
    let warnings = vec![format!("{bad} invalid UTF-8 byte(s) shown as \u{FFFD}")];
    Decoded { text, encoding: name, map: Some(map), warnings }
}

/// Decodes with a non-UTF-8 encoding one input byte at a time, so that each
/// character knows the raw bytes it came from. Broken sequences are read
/// from the decoder's own report of where they lie: a replacement comes out
/// with the character after it (`\x83` then `2`), and each keeps its bytes.
fn with_encoding(raw: &[u8], offset: usize, encoding: &'static Encoding) -> Decoded {
    if encoding == UTF_8 {
        return utf8(&raw[offset..], offset, "UTF-8 (invalid bytes replaced)");
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(raw.len());
    let mut map = OffsetMap::default();
    // The first raw byte that no character is mapped to yet.
    let mut pending_from = offset;
    let mut buf = [0u8; 16];
    for i in offset..raw.len() {
        let last = i + 1 == raw.len();
        let mut input = &raw[i..=i];
        loop {
            let (result, read, written) = decoder.decode_to_utf8_without_replacement(input, &mut buf, last);
            input = &input[read..];
            let consumed = i + 1 - input.len();
            let broken = match result {
                DecoderResult::Malformed(bad, after) => {
                    let end = consumed.saturating_sub(usize::from(after)).max(pending_from);
                    Some(end.saturating_sub(usize::from(bad)).max(pending_from)..end)
                }
                _ => None,
            };
            if written > 0 {
                let to = broken.as_ref().map_or(consumed, |b| b.start);
                let s = std::str::from_utf8(&buf[..written]).unwrap_or("\u{FFFD}");
                map.push(pending_from..to, s.len());
                text.push_str(s);
                pending_from = to;
            }
            if let Some(bytes) = broken {
                map.push(pending_from..bytes.end, '\u{FFFD}'.len_utf8());
                text.push('\u{FFFD}');
                pending_from = bytes.end;
            }
            if result == DecoderResult::InputEmpty {
                break;
            }
        }
    }
    let warnings = vec![format!("decoded as {}", encoding.name())];
    Decoded { text, encoding: encoding.name(), map: Some(map), warnings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ops::Range;

    #[test]
    fn utf8_is_identity() {
        let d = decode("Touré".as_bytes()).unwrap();
        assert_eq!(d.text, "Touré");
        assert!(d.map.is_none());
    }

    #[test]
    fn bom_is_skipped_and_mapped() {
        let d = decode(b"\xEF\xBB\xBFabc").unwrap();
        assert_eq!(d.text, "abc");
        assert_eq!(d.map.unwrap().range(0..3), 3..6);
    }

    #[test]
    fn utf16_maps_each_character() {
        let raw = b"\xFF\xFEa\x00\xe9\x00";
        let d = decode(raw).unwrap();
        assert_eq!(d.text, "aé");
        let map = d.map.unwrap();
        assert_eq!(map.range(1..3), 4..6);
    }

    #[test]
    fn latin1_is_detected() {
        let raw = b"Le pr\xe9sident du Mali a visit\xe9 la r\xe9gion de Kidal en d\xe9cembre.";
        let d = decode(raw).unwrap();
        assert!(d.text.contains("président"), "{}", d.text);
        let map = d.map.unwrap();
        assert_eq!(map.range(5..7), 5..6);
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"\x89PNG\r\n").unwrap_err(), DecodeError::Binary("PNG image"));
        assert!(decode(b"ab\0cd").is_err());
    }

    #[test]
    fn a_stray_nul_in_text_is_not_binary() {
        let mut raw = b"Mali gained independence in 1960. ".repeat(4);
        raw.insert(10, 0);
        assert_eq!(decode(&raw).unwrap().encoding, "UTF-8");
    }

    #[test]
    fn noise_is_not_text() {
        let mut state = 7u64;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (state >> 56) as u8
            })
            .collect();
        assert_eq!(decode(&noise).err(), Some(DecodeError::Binary("control characters")));
        // A few escape sequences and form feeds in text are text.
        let text = format!("Mali\u{1b}[31m red\x0c{}\x07 bell", "word ".repeat(100));
        assert!(decode(text.as_bytes()).is_ok());
    }

    /// A broken sequence's replacement and the character after it come out
    /// of the decoder together; each maps to its own bytes.
    #[test]
    fn a_character_after_a_broken_sequence_keeps_its_bytes() {
        let mut raw = b"\xb5\xb5".repeat(19);
        raw.extend_from_slice(b"\x832013");
        let d = with_encoding(&raw, 0, encoding_rs::EUC_KR);
        let map = d.map.unwrap();
        let year = d.text.find("2013").unwrap();
        assert_eq!(map.range(year..year + 4), 39..43, "{}", d.text);
        assert_eq!(map.range(year - 3..year), 38..39);
        // GB18030: a four-byte sequence broken at its last byte; the three
        // after its first are read again (`0`, then `啊`).
        let d = with_encoding(b"\x810\xb0\xa1", 0, encoding_rs::GB18030);
        assert_eq!(d.text, "\u{FFFD}0啊");
        let map = d.map.unwrap();
        assert_eq!((map.range(0..3), map.range(3..7)), (0..1, 1..4));
        // UTF-16: a lone high surrogate, then `2`.
        let d = with_encoding(b"\xFF\xFE\x00\xD8\x32\x00", 2, UTF_16LE);
        assert_eq!(d.text, "\u{FFFD}2");
        let map = d.map.unwrap();
        assert_eq!((map.range(0..3), map.range(3..4)), (2..4, 4..6));
    }

    /// Encodings whose characters decode alone, from their own bytes.
    const STATELESS: [&Encoding; 8] = [
        encoding_rs::EUC_KR,
        encoding_rs::GB18030,
        encoding_rs::SHIFT_JIS,
        encoding_rs::GBK,
        encoding_rs::BIG5,
        encoding_rs::EUC_JP,
        encoding_rs::WINDOWS_1252,
        UTF_16LE,
    ];

    proptest::proptest! {
        /// The text is the decoder's own; each run of it between
        /// replacements decodes, alone, from the raw bytes it is mapped to,
        /// and each replacement's bytes decode to replacements alone.
        #[test]
        fn each_character_maps_to_the_bytes_it_came_from(
            raw in proptest::collection::vec(proptest::prop_oneof![
                0x80u8..=0xff,
                0x20u8..0x80,
                // Leads, trails and surrogates that meet often enough to break.
                proptest::sample::select(vec![0x00, 0x32, 0x81, 0x83, 0x8e, 0xa1, 0xb1, 0xb5, 0xd8, 0xdc]),
            ], 0..48),
            which in 0..STATELESS.len(),
        ) {
            let encoding = STATELESS[which];
            let d = with_encoding(&raw, 0, encoding);
            proptest::prop_assert_eq!(&d.text, &encoding.decode_without_bom_handling(&raw).0);
            let map = d.map.unwrap();
            proptest::prop_assert_eq!(map.out_len(), d.text.len());
            let alone = |out: Range<usize>| encoding.decode_without_bom_handling(&raw[map.range(out)]).0.into_owned();
            let mut run_start = 0;
            for (at, c) in d.text.char_indices().filter(|&(_, c)| c == '\u{FFFD}') {
                proptest::prop_assert_eq!(alone(run_start..at), &d.text[run_start..at], "{:?}", raw);
                let replaced = alone(at..at + 3);
                proptest::prop_assert!(!replaced.is_empty() && replaced.chars().all(|r| r == c), "{:?}", raw);
                run_start = at + 3;
            }
            proptest::prop_assert_eq!(alone(run_start..d.text.len()), &d.text[run_start..], "{:?}", raw);
        }
    }

    #[test]
    fn broken_utf8_keeps_the_rest() {
        let d = decode("Goïta \u{2014} ".as_bytes().iter().chain(b"\xff ok").copied().collect::<Vec<_>>().as_slice())
            .unwrap();
        assert!(d.text.ends_with("\u{FFFD} ok"));
    }
}
