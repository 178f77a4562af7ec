//! Cleaning: what is kept, what goes, and where each kept byte came from.

use super::*;

fn plain(s: &str) -> Cleaned {
    clean(s, Syntax::default())
}

/// Every output character maps back to input that cleans to it.
fn assert_mapped(input: &str, c: &Cleaned) {
    for (i, ch) in c.text.char_indices() {
        let r = c.map.range(i..i + ch.len_utf8());
        assert!(r.end <= input.len() && input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
    }
}

#[test]
fn cable_markup_becomes_hints() {
    let s = "met with [MISC Malian  ] President [PER Amadou Toumani Toure  ] ( [ORG ATT  ] ) .";
    let c = plain(s);
    assert_eq!(c.text, "met with Malian President Amadou Toumani Toure ( ATT ) .");
    let names: Vec<_> = c.hints.iter().map(|h| &c.text[h.clean.clone()]).collect();
    assert_eq!(names, ["Malian", "Amadou Toumani Toure", "ATT"]);
    let att = &c.hints[2];
    assert_eq!(&s[c.map.range(att.clean.clone())], "ATT");
    assert_mapped(s, &c);
}

#[test]
fn markup_inside_a_date_stays_in_its_span() {
    let s = "left [ORG Bamako November  ] 26 after";
    let c = plain(s);
    assert_eq!(c.text, "left Bamako November 26 after");
    let at = c.text.find("November").unwrap();
    assert_eq!(&s[c.map.range(at..at + "November 26".len())], "November  ] 26");
}

#[test]
fn html_tags_and_entities() {
    let s = "<code><pre>A &amp; B <a id='p1' href='#p1'>¶</a>1 .</pre>";
    let c = plain(s);
    assert_eq!(c.text, "A & B ¶1 .\n");
    assert_mapped(s, &c);
}

#[test]
fn ligatures_are_their_letters() {
    let s = "the Oﬃce of the Spokesperson ﬁnanced the Paciﬁc Fund";
    let c = plain(s);
    assert_eq!(c.text, "the Office of the Spokesperson financed the Pacific Fund");
    let at = c.text.find("Office").unwrap();
    assert_eq!(&s[c.map.range(at..at + "Office".len())], "Oﬃce");
    assert_mapped(s, &c);
}

#[test]
fn unterminated_markup_is_text() {
    let c = plain("a [PER Name and <a href= b");
    assert_eq!(c.text, "a [PER Name and <a href= b");
    assert!(c.hints.is_empty());
}

#[test]
fn markdown_syntax() {
    let s = "### **Preface**\n\nSee [the page](http://x.y/1999.html) and ![map](m.png){.wide} *now*.\n- item\n---\n";
    let c = plain(s);
    assert_eq!(c.text, "Preface\n\nSee the page and map now.\nitem\n\n");
    assert_mapped(s, &c);
}

#[test]
fn markdown_escapes_breaks_and_empty_links() {
    let s = "It cost \\$400 \\*only\\*,\\\nthen more.[](/sites/a.jpg) ![](/b.png)Done\\ now.";
    let c = plain(s);
    assert_eq!(c.text, "It cost $400 *only*,\nthen more. Done\\ now.");
    assert_mapped(s, &c);
}

#[test]
fn footnote_marks_are_not_text() {
    let s = "Troops left in 2018.[^1] More[^note-2] came.\n\n[^1]: The source.\n[^note-2]:  Another.";
    let c = plain(s);
    assert_eq!(c.text, "Troops left in 2018. More came.\n\nThe source.\nAnother.");
    let notes: Vec<&str> = c.notes.iter().map(|&at| &c.text[at..at + 3]).collect();
    assert_eq!(notes, ["The", "Ano"], "where each note's text begins");
    assert_mapped(s, &c);
}

#[test]
fn pipe_tables_read_as_rows_of_cells() {
    let s = "| Date | Event |\n|------|:-----:|\n| 2015 | France left. |\n|a|b \\| c|\n\nA | pipe in prose.";
    let c = plain(s);
    assert_eq!(c.text, "Date · Event \n2015 · France left. \na · b | c\n\nA | pipe in prose.");
    let at = c.text.find("France").unwrap();
    assert_eq!(&s[c.map.range(at - 2..at)], "| ", "a separator stands for its pipe");
    assert_mapped(s, &c);
}

#[test]
fn front_matter_is_metadata_and_its_values_are_read() {
    let s = "---\ntitle: \"Mali\"\ndate: 2020-08-18\n---\nBody text.";
    let c = plain(s);
    assert_eq!(c.text, "title: \"Mali\"\n\ndate: 2020-08-18\n\nBody text.");
    assert_eq!(c.front_matter[0], ("title".into(), "Mali".into()));
    let body = c.text.find("Body").unwrap();
    assert_eq!(&s[c.map.range(body..body + 4)], "Body");
    let date = c.text.find("2020").unwrap();
    let raw = c.map.range(date..date + 10);
    assert_eq!(&s[raw.clone()], "2020-08-18");
    assert_eq!(c.map.out_start(raw.start)..c.map.out_end(raw.end), date..date + 10, "and back");
    assert_mapped(s, &c);
}

#[test]
fn controls_never_pass() {
    let s = "a\u{1B}[31mred\u{1B}]0;title\u{7}\u{202E}b\u{200B}c\td\r\ne\u{9B}2Jf";
    let c = plain(s);
    assert_eq!(c.text, "a\u{241B}red\u{241B}bc d\ne\u{241B}f");
    assert_eq!((c.escapes, c.invisible), (3, 2));
    assert_mapped(s, &c);
}

#[test]
fn mojibake_is_repaired_and_counted() {
    let s = "the coup díetat in Mali. Maliís transition. goal: ďMalians secureĒ. Touré, Goïta.";
    let c = plain(s);
    assert_eq!(
        c.text,
        "the coup d\u{2019}etat in Mali. Mali\u{2019}s transition. goal: \u{201C}Malians secure\u{201D}. Touré, Goïta."
    );
    assert_eq!(c.repairs, 4);
    assert_mapped(s, &c);
}

#[test]
fn html_mode_joins_lines_and_breaks_blocks() {
    let s = "<html><head><title>T</title></head><body><p>One\ntwo</p><p>Three</p></body></html>";
    let c = clean(s, Syntax { html: true });
    assert_eq!(c.text.trim(), "One two\nThree");
    assert_eq!(c.html_title.as_deref(), Some("T"));
}
