//! Recognisers for the syntaxes the cleaner removes. Each looks at the text
//! from the current position and says how many bytes the construct takes.

use super::clean::HintLabel;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

// Long runs are bounded after matching (`MAX_MARKUP`, `at_most`), not in the pattern:
// `[^<>]{0,2000}` compiles two thousand copies of a Unicode class, which
// cost a tenth of a second at every start.
static TAG: LazyLock<Regex> = LazyLock::new(|| re(r"^<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})(?:\s[^<>]*)?/?>"));
static DECLARATION: LazyLock<Regex> = LazyLock::new(|| re(r"^<[!?][^<>]*>"));
static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"));
static CABLE_HINT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\[(?<label>PER|ORG|LOC|MISC) (?<body>[^\[\]\n]+?)(?<close>\s*)\]"));
static LINK: LazyLock<Regex> = LazyLock::new(|| re(r#"^\[([^\[\]\n]+)\]\([^()\s]*(?:\s+"[^"\n]*")?\)"#));

/// The longest tag, declaration or link target read as markup, in bytes;
/// longer ones are text.
const MAX_MARKUP: usize = 2048;
/// The longest cable hint's or link's text, in characters.
const MAX_BRACKETED: usize = 300;
static ATTRIBUTES: LazyLock<Regex> = LazyLock::new(|| re(r"^\{[#.]([^{}\n]*)\}"));
const MAX_ATTRIBUTES: usize = 200;
static LINE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:[ ]{0,3}#{1,6}[ \t]+|[ ]{0,3}(?:[-*_][ \t]*){3,}(?:$|\n)|[ \t]*[-*+][ \t]+|[ ]{0,3}>[ ]?)")
});
static TITLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?is)<title[^>]*>(.*?)</title>"));
const MAX_TITLE: usize = 500;

/// Whether `s` has at most `most` characters.
fn at_most(s: &str, most: usize) -> bool {
    s.len() <= most || s.chars().nth(most).is_none()
}

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];
/// Elements whose content is not text for a reader.
const SKIPPED_ELEMENTS: &[&str] = &["script", "style", "head", "noscript", "template", "svg"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tag {
    /// A comment, a declaration, or a whole element to leave out.
    Skip {
        through: usize,
    },
    Block {
        name: String,
        closing: bool,
        len: usize,
    },
    Inline {
        len: usize,
    },
}

impl Tag {
    /// How many bytes the tag (or skipped element) takes.
    pub fn byte_len(&self) -> usize {
        match self {
            Tag::Skip { through } => *through,
            Tag::Block { len, .. } | Tag::Inline { len } => *len,
        }
    }
}

pub fn tag(rest: &str) -> Option<Tag> {
    if let Some(body) = rest.strip_prefix("<!--") {
        // As a browser reads it, a comment never closed runs to the end: a
        // search for its close at each of many such openings would cost the
        // rest of the text each time.
        let through = memchr::memmem::find(body.as_bytes(), b"-->").map_or(rest.len(), |end| 4 + end + 3);
        return Some(Tag::Skip { through });
    }
    if let Some(m) = DECLARATION.find(rest).filter(|m| m.len() <= MAX_MARKUP) {
        return Some(Tag::Skip { through: m.end() });
    }
    let caps = TAG.captures(rest).filter(|c| c[0].len() <= MAX_MARKUP)?;
    let len = caps.get(0)?.end();
    let closing = !caps[1].is_empty();
    let name = caps[2].to_ascii_lowercase();
    if !closing && SKIPPED_ELEMENTS.contains(&name.as_str()) {
        let body = rest.get(len..)?;
        let end = find_close(body, &name)
            .map_or(body.len(), |at| at + body[at..].find('>').map_or(name.len() + 2, |gt| gt + 1));
        return Some(Tag::Skip { through: len + end });
    }
    if BLOCK_TAGS.contains(&name.as_str()) {
        return Some(Tag::Block { name, closing, len });
    }
    Some(Tag::Inline { len })
}

/// Where `</name` first stands in `body`, in any case, without copying it.
fn find_close(body: &str, name: &str) -> Option<usize> {
    memchr::memmem::find_iter(body.as_bytes(), b"</").find(|&at| {
        body.as_bytes().get(at + 2..at + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// An HTML entity and what it stands for.
pub fn entity(rest: &str) -> Option<(usize, String)> {
    let m = ENTITY.find(rest)?;
    let decoded = html_escape::decode_html_entities(m.as_str());
    (decoded != m.as_str()).then(|| (m.end(), decoded.into_owned()))
}

/// A cable's `[PER Name  ]`: the opener's length, the closing `  ]` (relative
/// to `rest`), and the label.
pub fn cable_hint(rest: &str) -> Option<(usize, Range<usize>, HintLabel)> {
    // The groups are read off the match, not asked of the regex: finding
    // the match costs a tenth of finding its groups (this runs at every `[`).
    let whole = CABLE_HINT.find(rest)?.as_str();
    let label_len = whole[1..].find(' ')?;
    let label = hint_label(&whole[1..1 + label_len]);
    let open = label_len + 2;
    let inner = &whole[open..whole.len() - 1];
    // The body is as short as it can be: the close takes all trailing space.
    let first_char = inner.chars().next().map_or(0, char::len_utf8);
    let body_len = inner.trim_end().len().max(first_char);
    if !at_most(&inner[..body_len], MAX_BRACKETED) {
        return None;
    }
    Some((open, open + body_len..whole.len(), label))
}

fn hint_label(label: &str) -> HintLabel {
    match label {
        "PER" => HintLabel::Person,
        "ORG" => HintLabel::Organization,
        "LOC" => HintLabel::Location,
        _ => HintLabel::Misc,
    }
}

/// A Markdown link `[text](url)`: where its text ends and the link ends.
pub fn link(rest: &str) -> Option<(usize, usize)> {
    let caps = LINK.captures(rest).filter(|c| at_most(&c[1], MAX_BRACKETED))?;
    let m = caps.get(0)?;
    let text_end = rest[..m.end()].find("](")?;
    if m.len() - text_end > MAX_MARKUP {
        return None;
    }
    Some((text_end, m.end()))
}

/// `[](target)`: a link or image with no text, and how many bytes it takes.
pub fn empty_link(rest: &str) -> Option<usize> {
    let target = rest.strip_prefix("[](")?;
    let close = target.bytes().take(MAX_MARKUP).position(|b| b == b')' || b == b'\n')?;
    (target.as_bytes()[close] == b')').then_some(3 + close + 1)
}

/// A footnote mark, `[^1]` or `[^note]`, and how many bytes it takes; with
/// the colon and spaces after it when `line_start` (a footnote's own line,
/// `[^1]: The source.`).
pub fn footnote_mark(rest: &str, line_start: bool) -> Option<usize> {
    let label = rest.strip_prefix("[^")?;
    let len = label.bytes().take(33).position(|b| b == b']')?;
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    if len == 0 || !label.as_bytes()[..len].iter().all(|&b| word(b)) {
        return None;
    }
    let mark = 2 + len + 1;
    let definition = rest[mark..].strip_prefix(':').filter(|_| line_start);
    Some(definition.map_or(mark, |after| rest.len() - after.trim_start_matches([' ', '\t']).len()))
}

pub fn attributes(rest: &str) -> Option<usize> {
    let caps = ATTRIBUTES.captures(rest).filter(|c| at_most(&c[1], MAX_ATTRIBUTES))?;
    caps.get(0).map(|m| m.end())
}

/// A Markdown heading mark, list bullet, rule or quote mark at a line start.
pub fn line_marker(rest: &str) -> Option<usize> {
    let m = LINE_MARKER.find(rest)?;
    Some(m.as_str().strip_suffix('\n').map_or(m.end(), str::len))
}

/// A pipe table's delimiter row (`|---|:--:|`) at a line start: its length
/// with its line break. It says nothing to a reader.
pub fn table_delimiter(rest: &str) -> Option<usize> {
    // Most lines start otherwise: not read to their end.
    if !rest.trim_start_matches(' ').starts_with(['|', '-', ':']) {
        return None;
    }
    let line_len = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |at| at + 1);
    let line = rest[..line_len].trim_end();
    let cells = line.trim_start_matches(' ');
    let only_delimiters = cells.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'));
    (only_delimiters && cells.contains('|') && cells.contains('-') && line.len() - cells.len() <= 3).then_some(line_len)
}

/// A pipe table row's opening (`| ` after at most three spaces): its length.
pub fn table_row(rest: &str) -> Option<usize> {
    let cells = rest.trim_start_matches(' ');
    let indent = rest.len() - cells.len();
    let after_pipe = cells.strip_prefix('|').filter(|_| indent <= 3)?;
    Some(rest.len() - after_pipe.trim_start_matches([' ', '\t']).len())
}

/// The length of a terminal escape sequence starting at `rest` (ESC or CSI).
pub fn escape_sequence(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let (mut i, kind) = match rest.chars().next() {
        Some('\u{9B}') => (2, b'['),
        _ => match bytes.get(1) {
            Some(&b) if (0x40..=0x5F).contains(&b) => (2, b),
            Some(&b) if b.is_ascii() && b >= 0x20 => return 2,
            _ => return 1,
        },
    };
    match kind {
        b'[' => {
            while i < bytes.len() && (0x20..0x40).contains(&bytes[i]) {
                i += 1;
            }
            if i < bytes.len() && (0x40..0x7F).contains(&bytes[i]) {
                i += 1;
            }
            i
        }
        b']' | b'P' | b'X' | b'^' | b'_' => {
            while i < bytes.len() {
                match bytes[i] {
                    0x07 => return i + 1,
                    0x1B if bytes.get(i + 1) == Some(&b'\\') => return i + 2,
                    b'\n' => return i,
                    _ => i += 1,
                }
            }
            while !rest.is_char_boundary(i) {
                i -= 1;
            }
            i
        }
        _ => i,
    }
}

/// A YAML front matter block at the very start.
pub struct FrontMatter {
    /// Its top-level `key: value` fields.
    pub fields: Vec<(String, String)>,
    /// The block between its `---` lines.
    pub block: Range<usize>,
    /// Where the body begins.
    pub end: usize,
}

/// The YAML front matter block at the very start, if there is one.
pub fn front_matter(s: &str) -> Option<FrontMatter> {
    let body = s.strip_prefix("---\n").or_else(|| s.strip_prefix("---\r\n"))?;
    let mut at = s.len() - body.len();
    for line in body.split_inclusive('\n').take(500) {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let block = s.len() - body.len()..at;
            let fields = yaml_fields(&s[block.clone()]).unwrap_or_else(|| plain_fields(&s[block.clone()]));
            return Some(FrontMatter { fields, block, end: at + line.len() });
        }
        at += line.len();
    }
    None
}

/// The top-level scalar fields of a YAML block, keys lowercased; quoted
/// values continued over several lines are read whole. `None` when the
/// block is not valid YAML.
fn yaml_fields(block: &str) -> Option<Vec<(String, String)>> {
    use yaml_rust2::{Yaml, YamlLoader};
    // The loader copies what an alias names: ten lines of nested aliases
    // would make billions of nodes. Front matter has no use for them.
    if ALIAS.is_match(block) || block.len() > MAX_FRONT_MATTER {
        return None;
    }
    let docs = YamlLoader::load_from_str(block).ok()?;
    let Some(Yaml::Hash(map)) = docs.into_iter().next() else {
        return Some(Vec::new());
    };
    let scalar = |v: &Yaml| match v {
        Yaml::String(s) | Yaml::Real(s) => Some(s.trim().to_string()),
        Yaml::Integer(n) => Some(n.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    };
    let fields = map.iter().filter_map(|(k, v)| {
        let key = k.as_str()?;
        let value = scalar(v).filter(|v| !v.is_empty())?;
        (!key.contains(' ')).then(|| (key.trim().to_ascii_lowercase(), value))
    });
    Some(fields.collect())
}

/// A YAML alias (`*name`) where a value may start.
static ALIAS: LazyLock<Regex> = LazyLock::new(|| re(r"(?m)(?:^|[\s\[{,:-])\*[^\s*]"));
/// The longest front matter read as YAML, in bytes.
const MAX_FRONT_MATTER: usize = 64 * 1024;

/// `key: value` lines, for a block that is not valid YAML (or has aliases).
fn plain_fields(block: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for line in block.lines().filter(|l| !l.starts_with([' ', '\t', '-', '#'])) {
        if let Some((key, value)) = line.trim_end().split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if !key.contains(' ') && !value.is_empty() {
                fields.push((key.trim().to_ascii_lowercase(), value.to_string()));
            }
        }
    }
    fields
}

/// An HTML page's headline: its `og:title` (or `twitter:title`) meta tag,
/// else its `<title>` without the site's names after ` | `
/// (`Mali junta expels envoy | World | Example Times`).
pub fn html_title(s: &str) -> Option<String> {
    if let Some(title) = meta_content(s, &["og:title", "twitter:title"]) {
        let title = crate::text::one_line(&html_escape::decode_html_entities(title));
        if !title.is_empty() {
            return Some(title);
        }
    }
    let title = title_element(s)?;
    match title.split_once(" | ") {
        Some((headline, _)) if headline.split_whitespace().nth(1).is_some() => Some(headline.to_string()),
        _ => Some(title),
    }
}

fn title_element(s: &str) -> Option<String> {
    // The first `<title>` whose text is short enough, as `.{0,500}?` would
    // find, without compiling five hundred copies of `.`.
    let mut from = 0;
    let caps = loop {
        let caps = TITLE.captures_at(s, from)?;
        if at_most(&caps[1], MAX_TITLE) {
            break caps;
        }
        from = caps.get(0)?.start() + 1;
    };
    let title = crate::text::one_line(&html_escape::decode_html_entities(caps.get(1)?.as_str()));
    (!title.is_empty()).then_some(title)
}

/// An HTML page's publication date from its `<meta>` tags (`article:published_time`,
/// `datePublished`, `DC.date`, …): the day of a date-time.
pub fn html_date(s: &str) -> Option<String> {
    let content = meta_content(s, PUBLISHED_NAMES)?.trim();
    // `2023-12-11T10:00:00Z`: the day.
    let day = content.get(..10).filter(|_| content.as_bytes().get(10) == Some(&b'T'));
    Some(day.unwrap_or(content).to_string())
}

/// The content of the first `<meta>` tag of the page's head named one of `names`.
fn meta_content<'s>(s: &'s str, names: &[&str]) -> Option<&'s str> {
    // Meta tags stand in the head: a page's first bytes.
    let head = &s[..crate::text::floor_boundary(s, HTML_HEAD)];
    META.find_iter(head).filter(|m| m.len() <= MAX_META).find_map(|m| {
        let value = |attribute: &Regex| {
            attribute.captures(m.as_str()).and_then(|c| c.get(1).or_else(|| c.get(2))).map(|v| v.as_str())
        };
        let named = value(&META_NAME).is_some_and(|n| names.iter().any(|p| p.eq_ignore_ascii_case(n)));
        value(&META_CONTENT).filter(|_| named)
    })
}

static META: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)<meta\b[^>]*>"));
static META_NAME: LazyLock<Regex> = LazyLock::new(|| re(r#"(?i)\b(?:property|name|itemprop)\s*=\s*["']([^"']*)["']"#));
/// Either quote may hold the other: `content="Mali's junta"`.
static META_CONTENT: LazyLock<Regex> = LazyLock::new(|| re(r#"(?i)\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')"#));
const HTML_HEAD: usize = 64 * 1024;
const MAX_META: usize = 1000;
const PUBLISHED_NAMES: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publish-date",
    "DC.date",
    "DC.date.issued",
    "dcterms.date",
    "dcterms.issued",
];

/// Compiles this module's patterns now rather than on first use (see
/// `Pipeline::new`).
pub fn compile_patterns() {
    LazyLock::force(&TAG);
    LazyLock::force(&DECLARATION);
    LazyLock::force(&ENTITY);
    LazyLock::force(&CABLE_HINT);
    LazyLock::force(&LINK);
    LazyLock::force(&ATTRIBUTES);
    LazyLock::force(&LINE_MARKER);
    LazyLock::force(&TITLE);
    LazyLock::force(&ALIAS);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The hint as the regex's groups give it.
    fn cable_hint_by_groups(rest: &str) -> Option<(usize, Range<usize>, HintLabel)> {
        let caps = CABLE_HINT.captures(rest).filter(|c| at_most(&c["body"], MAX_BRACKETED))?;
        let label = hint_label(&caps["label"]);
        Some((caps["label"].len() + 2, caps.name("close")?.start()..caps.get(0)?.end(), label))
    }

    #[test]
    fn cable_hints() {
        assert_eq!(cable_hint("[PER Amadou Touré  ] said"), Some((5, 18..21, HintLabel::Person)));
        assert_eq!(cable_hint("[MISC  \n ]"), Some((6, 7..10, HintLabel::Misc)));
        assert_eq!(cable_hint("[ORG ECOWAS\u{a0}\n]"), Some((5, 11..15, HintLabel::Organization)));
        assert_eq!(cable_hint("[LOC Gao\nMali]"), None);
        assert_eq!(cable_hint("[PER]"), None);
    }

    proptest! {
        /// Whatever a front matter holds, it is read or left, never a panic.
        #[test]
        fn any_front_matter_is_read_without_panic(block in r#"(?s)[a-z:\-\[\]{}"'|>&!%@`#*?,. \t\n\\0-9]{0,200}"#) {
            let _ = front_matter(&format!("---\n{block}\n---\nBody"));
        }

        #[test]
        fn cable_hints_read_off_the_match_are_the_regex_groups(
            label in "PER|ORG|LOC|MISC|PEX",
            rest in "[a-zé \u{a0}\n\\[\\]]{0,24}",
        ) {
            let text = format!("[{label} {rest}");
            prop_assert_eq!(cable_hint(&text), cable_hint_by_groups(&text));
        }
    }

    #[test]
    fn escape_sequences() {
        assert_eq!(escape_sequence("\u{1B}[31mX"), 5);
        assert_eq!(escape_sequence("\u{1B}]52;c;aGk=\u{7}X"), 12);
        assert_eq!(escape_sequence("\u{1B}"), 1);
        assert_eq!(escape_sequence("\u{9B}2JX"), 4);
    }

    #[test]
    fn tags() {
        assert_eq!(tag("<a href='x'>¶</a>"), Some(Tag::Inline { len: 12 }));
        assert_eq!(tag("<script>x<y</script>z"), Some(Tag::Skip { through: 20 }));
        assert_eq!(tag("<a href="), None);
        assert_eq!(tag("< 3"), None);
        assert_eq!(tag("<STYLE>a</Style >b"), Some(Tag::Skip { through: 17 }));
        assert_eq!(tag("<style>a</styl"), Some(Tag::Skip { through: 14 }));
        assert_eq!(tag("<!-- x -->y"), Some(Tag::Skip { through: 10 }));
        // Never closed, as a browser reads it: to the end.
        assert_eq!(tag("<!-- x <!-- y"), Some(Tag::Skip { through: 13 }));
    }

    #[test]
    fn an_html_page_is_dated_by_its_meta_tags() {
        let page = |meta: &str| format!("<html><head>{meta}</head><body>On 3 May 2001 it rained.</body></html>");
        let published = r#"<meta property="article:published_time" content="2023-12-11T10:00:00Z">"#;
        assert_eq!(html_date(&page(published)).as_deref(), Some("2023-12-11"));
        assert_eq!(html_date(&page(r#"<meta content='2021-05-26' name="DC.date">"#)).as_deref(), Some("2021-05-26"));
        assert_eq!(html_date(&page(r#"<meta name="viewport" content="width=device-width">"#)), None);
        let og =
            r#"<meta property="og:title" content="Mali&#39;s junta expels envoy"><title>Envoy | World | Times</title>"#;
        assert_eq!(html_title(&page(og)).as_deref(), Some("Mali's junta expels envoy"));
        let quoted = r#"<meta content="Mali's junta expels envoy" property="og:title">"#;
        assert_eq!(html_title(&page(quoted)).as_deref(), Some("Mali's junta expels envoy"));
        let titled = "<title>Mali junta expels envoy | World News | Example Times</title>";
        assert_eq!(html_title(&page(titled)).as_deref(), Some("Mali junta expels envoy"));
        assert_eq!(html_title(&page("<title>Sahel | Timeline</title>")).as_deref(), Some("Sahel | Timeline"));
        assert_eq!(html_date(&page("")), None);
    }

    #[test]
    fn bracketed_and_title_lengths_are_bounded() {
        let hint = |body: &str| cable_hint(&format!("[PER {body}  ] rest"));
        assert_eq!(hint(&"a".repeat(300)).map(|(open, close, _)| (open, close)), Some((5, 305..308)));
        assert_eq!(hint(&"a".repeat(301)), None);
        assert_eq!(link(&format!("[{}](http://x) y", "é".repeat(300))), Some((601, 612)));
        assert_eq!(link(&format!("[{}](http://x)", "é".repeat(301))), None);
        assert_eq!(attributes(&format!("{{#{}}} x", "a".repeat(200))), Some(203));
        assert_eq!(attributes(&format!("{{#{}}}", "a".repeat(201))), None);
        // A title too long to be one is passed over for the next.
        let long = format!("<title>{}</title>", "x".repeat(501));
        assert_eq!(html_title(&format!("{long}<title>Short</title>")).as_deref(), Some("Short"));
        assert_eq!(html_title(&long), None);
    }

    #[test]
    fn front_matter_reads_yaml_and_falls_back_to_lines() {
        let s = "---\ntitle: \"Remarks at the United\\\n  \\ Nations\"\ndate: '2019-03-08 10:30:04 +0000'\nyear: 2019\ninfobox:\n  capital: Niamey\n---\nBody";
        let FrontMatter { fields, end, .. } = front_matter(s).unwrap();
        assert_eq!(&s[end..], "Body");
        let field = |k: &str| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        assert_eq!(field("title"), Some("Remarks at the United Nations"));
        assert_eq!(field("date"), Some("2019-03-08 10:30:04 +0000"));
        assert_eq!(field("year"), Some("2019"));
        assert_eq!(field("infobox"), None, "a map is not a field");
        let laughs = "---\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\ntitle: Mali\n---\n";
        assert_eq!(front_matter(laughs).unwrap().fields.last(), Some(&("title".to_string(), "Mali".to_string())));
        let broken = "---\ntitle: Mali: a: b\n  - [x\n---\nBody";
        assert_eq!(front_matter(broken).unwrap().fields, [("title".to_string(), "Mali: a: b".to_string())]);
    }

    #[test]
    fn footnote_marks() {
        assert_eq!(footnote_mark("[^1] in 2018.", false), Some(4));
        assert_eq!(footnote_mark("[^note-2]: A footnote.", true), Some(11));
        assert_eq!(footnote_mark("[^1]: mid-line", false), Some(4));
        for not in ["[^]", "[^ 1]", "[^1", "[x]", "[^a b]", &format!("[^{}]", "a".repeat(40))] {
            assert_eq!(footnote_mark(not, true), None, "{not}");
        }
    }

    #[test]
    fn empty_links() {
        assert_eq!(empty_link("[](/sites/a.jpg) Mali"), Some(16));
        assert_eq!(empty_link("[](/sites/a.jpg\n)"), None);
        assert_eq!(empty_link("[Mali](/x)"), None);
    }

    #[test]
    fn line_markers() {
        assert_eq!(line_marker("## Title"), Some(3));
        assert_eq!(line_marker("- item"), Some(2));
        assert_eq!(line_marker("---\nnext"), Some(3));
        assert_eq!(line_marker("-5 degrees"), None);
    }
}
