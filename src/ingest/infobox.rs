//! The readable values of a YAML front matter block (an infobox's `text:`,
//! a `date:`), so that what it says is read like the body: `4 October 2017`
//! under `date:`, `General Thomas D. Waldhauser` under `commander1:`.

use std::ops::Range;

/// Keys whose values are for machines: link targets, types, media.
const MACHINE_KEYS: &[&str] = &[
    "type",
    "page",
    "links",
    "link",
    "url",
    "href",
    "src",
    "image",
    "file",
    "id",
    "slug",
    "layout",
    "template",
    "map_type",
    "coordinates",
    "thumbtime",
    "lang",
    "language",
    "alt",
    "width",
    "height",
];
/// Keys that only wrap a value (`text:`): the key above names it.
const WRAPPER_KEYS: &[&str] = &["text", "value", "label"];

/// One value to read: the key that names it (`date`), when it should be
/// read before the value, and the lines of the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub key: Option<Range<usize>>,
    pub lines: Vec<Range<usize>>,
    /// A literal block (`|`): its lines are lines (a list of commanders), not one text.
    pub literal: bool,
}

/// The values of the block `s[block]`, in order.
pub fn values(s: &str, block: Range<usize>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut named: Option<Range<usize>> = None; // the last key that names what follows
    let mut scalar_indent: Option<usize> = None; // inside a `|-` or `>` block, its key's indent
    let mut skipped_indent: Option<usize> = None; // under a machine key, its indent
    let mut at = block.start;
    for line in s[block.clone()].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end();
        let indent = body.len() - body.trim_start().len();
        let content = start + indent..start + body.len();
        if content.is_empty() {
            // A blank line inside a block scalar ends a paragraph of it.
            if scalar_indent.is_some() && out.last().is_some_and(|v| !v.lines.is_empty()) {
                let literal = out.last().is_some_and(|v| v.literal);
                out.push(Value { key: None, lines: Vec::new(), literal });
            }
            continue;
        }
        if let Some(key_indent) = skipped_indent {
            if indent > key_indent {
                continue;
            }
            skipped_indent = None;
        }
        if let Some(key_indent) = scalar_indent {
            if indent > key_indent {
                if let (Some(last), Some(line)) = (out.last_mut(), readable(s, content)) {
                    last.lines.push(line);
                }
                continue;
            }
            scalar_indent = None;
        }
        let Some((key, value)) = key_and_value(s, content.clone()) else {
            // A plain value continued on the next line.
            if let (Some(last), Some(line)) = (out.last_mut().filter(|v| !v.lines.is_empty()), readable(s, content)) {
                last.lines.push(line);
            }
            continue;
        };
        let key_text = &s[key.clone()];
        if MACHINE_KEYS.contains(&key_text) {
            out.push(Value { key: None, lines: Vec::new(), literal: false }); // ends a continued value
            skipped_indent = Some(indent);
            continue;
        }
        let wrapper = WRAPPER_KEYS.contains(&key_text);
        if !wrapper {
            named = Some(key.clone());
        }
        let value_text = s[value.clone()].trim();
        if matches!(value_text, "|" | "|-" | "|+" | ">" | ">-" | ">+") {
            scalar_indent = Some(indent);
            out.push(Value { key: named.take(), lines: Vec::new(), literal: value_text.starts_with('|') });
        } else if let Some(value) = readable(s, value) {
            out.push(Value { key: named.take(), lines: vec![value], literal: false });
        } else {
            // A key with nothing to read here (a link, a nested block) still
            // ends the value above: the lines after it are not that value's.
            out.push(Value { key: None, lines: Vec::new(), literal: false });
        }
    }
    out.retain(|v| !v.lines.is_empty());
    out
}

/// What a line says for people: nothing if it is a link, and what follows
/// a media file's name (`Logo of X.svg Special Operations Command` says
/// `Special Operations Command`; `Footage, October 2017.webm` nothing).
fn readable(s: &str, line: Range<usize>) -> Option<Range<usize>> {
    let text = &s[line.clone()];
    if text.contains("://") {
        return None;
    }
    let mut start = 0;
    let mut at = 0;
    for word in text.split_inclusive(' ') {
        at += word.len();
        let ext = word.trim_end().rsplit_once('.').map(|(name, ext)| (name, ext.to_ascii_lowercase()));
        if ext.is_some_and(|(name, ext)| !name.is_empty() && MEDIA.contains(&ext.as_str())) {
            start = at;
        }
    }
    let rest = &text[start..];
    let start = line.start + start + (rest.len() - rest.trim_start().len());
    (start < line.end).then_some(start..line.end)
}

const MEDIA: &[&str] = &["webm", "jpg", "jpeg", "png", "gif", "svg", "ogg", "ogv", "mp3", "mp4", "pdf", "tif", "tiff"];

/// `- key: value` → the key's range and the value's (empty when none).
fn key_and_value(s: &str, line: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let text = &s[line.clone()];
    let dash = if text.starts_with("- ") { 2 } else { 0 };
    let colon = text.find(": ").or_else(|| text.ends_with(':').then(|| text.len() - 1))?;
    let key = &text[dash..colon];
    let is_key = colon > dash && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if !is_key {
        return None;
    }
    let value_start = (colon + 1 + text[colon + 1..].len() - text[colon + 1..].trim_start().len()).min(text.len());
    Some((line.start + dash..line.start + colon, line.start + value_start..line.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<(Option<&str>, Vec<&str>)> {
        values(s, 0..s.len())
            .into_iter()
            .map(|v| (v.key.map(|k| &s[k]), v.lines.into_iter().map(|l| &s[l]).collect()))
            .collect()
    }

    #[test]
    fn an_infobox_reads_as_keyed_lines() {
        let s = "infoboxes:\n  - conflict:\n      text: Tongo Tongo ambush\n    date:\n      text: |-\n        4 October 2017\n        11:40 to 14:58\n    partof:\n      text: Operation Juniper Shield, and the insurgency\n        in Niger\n      links:\n        - type: internal\n          page: Operation Juniper Shield\n";
        assert_eq!(
            read(s),
            [
                (Some("conflict"), vec!["Tongo Tongo ambush"]),
                (Some("date"), vec!["4 October 2017", "11:40 to 14:58"]),
                (Some("partof"), vec!["Operation Juniper Shield, and the insurgency", "in Niger"]),
            ]
        );
    }

    #[test]
    fn flat_fields_and_machine_keys() {
        let s = "title: A speech\ndate: '2022-11-10'\nurl: https://example.org/x\nlayout: post\nimage:\n  text: Footage\ncaption: Footage, October 2017.webm\n";
        assert_eq!(read(s), [(Some("title"), vec!["A speech"]), (Some("date"), vec!["'2022-11-10'"])]);
    }

    #[test]
    fn a_key_without_a_readable_value_ends_the_value_above() {
        let s = "ed_from: 2000\nul: https://example.org\nas\n    - text: Ub\n";
        assert_eq!(read(s), [(Some("ed_from"), vec!["2000"]), (Some("ul"), vec!["Ub"])]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

        /// The cleaner maps each piece to the text in turn: keys and lines
        /// must come in the block's order, none overlapping another.
        #[test]
        fn pieces_come_in_order(
            lines in proptest::collection::vec(
                proptest::sample::select(vec!["a: 1", "ul: x://y", "b", "- text: t", "d:", "  c: |-", "    e"]),
                0..9,
            ),
        ) {
            let block = lines.join("\n");
            let pieces = values(&block, 0..block.len()).into_iter().flat_map(|v| v.key.into_iter().chain(v.lines));
            let mut end = 0;
            for piece in pieces {
                proptest::prop_assert!(piece.start >= end, "{:?} before {} in {:?}", piece, end, block);
                end = piece.end;
            }
        }
    }

    #[test]
    fn a_media_file_s_name_is_not_read() {
        let s = "units1:\n  text: >-\n    Logo du Commandement (COS).svg Special Operations\n    Command\n\n    *Emblème.PNG Commandos Marine\n    Map.svg\n";
        assert_eq!(
            read(s),
            [(Some("units1"), vec!["Special Operations", "Command"]), (None, vec!["Commandos Marine"])]
        );
    }
}
