//! Every export format on the bundled corpus, parsed back and checked
//! against the model: the same events and claims, every byte span the
//! model's, every quote the source's text at that span. Each output is
//! also a reviewed snapshot.

use crate::common;

use annals::export::{annotations, csv, json, markdown, select, timelinejs};
use annals::model::{Corpus, EventId};
use serde_json::Value;

type Writer = fn(&Corpus, &[EventId], &mut Vec<u8>) -> std::io::Result<()>;

fn render(corpus: &Corpus, events: &[EventId], write: Writer) -> String {
    let mut out = Vec::new();
    write(corpus, events, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn all(corpus: &Corpus) -> Vec<EventId> {
    corpus.events.keys().collect()
}

/// The model's claims in export order: (event id, raw span, clean text).
fn model_claims(corpus: &Corpus) -> Vec<(String, usize, usize, String)> {
    let mut out = Vec::new();
    for e in &corpus.events {
        for &c in &e.claims {
            let claim = &corpus.claims[c];
            let span = corpus.claim_bytes(claim);
            let text = corpus.sources[claim.source].clean_of_raw(span.clone()).trim().to_string();
            out.push((e.id.to_string(), span.start, span.end, text));
        }
    }
    out
}

#[test]
fn json_round_trips() {
    let corpus = common::bundled();
    let v: Value = serde_json::from_str(&render(&corpus, &all(&corpus), |c, e, o| json::write(c, e, o))).unwrap();
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), corpus.events.len());
    let claims: Vec<_> = events
        .iter()
        .flat_map(|e| {
            e["claims"].as_array().unwrap().iter().map(move |c| {
                let n = |k: &str| c[k].as_u64().unwrap() as usize;
                (
                    e["id"].as_str().unwrap().to_string(),
                    n("start"),
                    n("end"),
                    c["text"].as_str().unwrap().trim().to_string(),
                )
            })
        })
        .collect();
    assert_eq!(claims, model_claims(&corpus));
}

#[test]
fn timelinejs_follows_the_format_and_the_model() {
    let corpus = common::bundled();
    let text = render(&corpus, &all(&corpus), |c, e, o| timelinejs::write(c, e, o));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(v["title"]["text"]["headline"].is_string());
    let slides = v["events"].as_array().unwrap();
    assert_eq!(slides.len(), corpus.events.len());
    let mut ids = std::collections::HashSet::new();
    for (slide, event) in slides.iter().zip(&corpus.events) {
        // TimelineJS3 needs a numeric year; month and day only when the date has them.
        let start = &slide["start_date"];
        assert!(start["year"].is_i64(), "{slide}");
        match event.date.precision.as_str() {
            "day" | "fiscal-year" => assert!(start["day"].is_u64() && start["month"].is_u64(), "{slide}"),
            "month" => assert!(start["month"].is_u64() && start.get("day").is_none(), "{slide}"),
            "year" => assert!(start.get("month").is_none() && start.get("day").is_none(), "{slide}"),
            _ => assert!(slide["end_date"]["year"].is_i64(), "a range has an end: {slide}"),
        }
        assert!(slide["text"]["headline"].is_string() && slide["text"]["text"].is_string());
        assert_eq!(slide["group"], event.kind.as_str());
        assert!(ids.insert(slide["unique_id"].as_str().unwrap().to_string()), "unique ids");
        let html = slide["text"]["text"].as_str().unwrap();
        assert_eq!(html.matches("<blockquote>").count(), event.claims.len());
        for &c in &event.claims {
            let claim = &corpus.claims[c];
            let quote = html_escape::encode_text(corpus.claim_text(claim).trim()).into_owned();
            assert!(html.contains(&format!("<blockquote>{quote}</blockquote>")), "{quote}");
            let span = corpus.claim_bytes(claim);
            assert!(html.contains(&format!("bytes {}–{}", span.start, span.end)));
        }
        if matches!(event.date.precision.as_str(), "range" | "fiscal-year") {
            assert_eq!(slide["display_date"], event.date.display().as_str());
        }
    }
    insta::assert_snapshot!("timelinejs", text);
}

#[test]
fn csv_rows_are_the_claims() {
    let corpus = common::bundled();
    let text = render(&corpus, &all(&corpus), |c, e, o| csv::write(c, e, o));
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), csv::COLUMNS);
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let unneutralised =
        |s: &str| s.strip_prefix('\'').filter(|r| r.starts_with(['=', '+', '-', '@'])).unwrap_or(s).to_string();
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            let event = r[0].rsplit_once('-').unwrap().0.to_string();
            (event, r[15].parse().unwrap(), r[16].parse().unwrap(), unneutralised(&r[14]))
        })
        .collect();
    assert_eq!(got, model_claims(&corpus));
    assert!(rows.iter().all(|r| ["1", "2", "3"].contains(&&r[2])));
    insta::assert_snapshot!("csv", text);
}

#[test]
fn annotations_reanchor_from_their_quotes_alone() {
    let corpus = common::bundled();
    let text = render(&corpus, &all(&corpus), |c, e, o| annotations::write(c, e, o));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), corpus.claims.len());
    let mut spans = Vec::new();
    for item in items {
        let target = &item["target"];
        let path = target["annals:path"].as_str().unwrap();
        assert_eq!(target["source"].as_str().unwrap(), format!("urn:annals:bundled:{path}"), "bundled: in the program");
        let source = corpus.sources.iter().find(|s| s.path == path).expect("a source file");
        // The file as any tool reads it: the bundled seeds are UTF-8, markup and all.
        let file = std::fs::read_to_string(path).unwrap();
        let selectors = target["selector"].as_array().unwrap();
        let quote = &selectors[0];
        let (exact, prefix, suffix) =
            (quote["exact"].as_str().unwrap(), quote["prefix"].as_str().unwrap(), quote["suffix"].as_str().unwrap());
        assert!(prefix.chars().count() <= annotations::CONTEXT && suffix.chars().count() <= annotations::CONTEXT);
        // Re-anchor in the file: the one place where prefix + exact + suffix occurs.
        let whole = format!("{prefix}{exact}{suffix}");
        let places: Vec<usize> = file.match_indices(&whole).map(|(i, _)| i + prefix.len()).collect();
        assert_eq!(places.len(), 1, "{exact:?} anchors once");
        let raw = places[0]..places[0] + exact.len();
        let data = &selectors[2];
        assert_eq!(
            (raw.start as u64, raw.end as u64),
            (data["start"].as_u64().unwrap(), data["end"].as_u64().unwrap())
        );
        let position = &selectors[1];
        let code_points = file[..raw.start].chars().count() as u64;
        assert_eq!(position["start"].as_u64().unwrap(), code_points);
        assert_eq!(position["end"].as_u64().unwrap(), code_points + exact.chars().count() as u64);
        let clean = source.clean_of_raw(raw.clone()).trim().to_string();
        let quoted = item["body"].as_array().unwrap().iter().find(|b| b["annals:quote"] == true).unwrap();
        assert_eq!(quoted["value"].as_str().unwrap(), clean, "the clean quote is in the body");
        spans.push((raw.start, raw.end, clean));
    }
    let model: Vec<_> = model_claims(&corpus).into_iter().map(|(_, s, e, t)| (s, e, t)).collect();
    assert_eq!(spans, model);
    insta::assert_snapshot!("annotations", text);
}

#[test]
fn markdown_brief_quotes_every_claim() {
    let corpus = common::bundled();
    let text = render(&corpus, &all(&corpus), |c, e, o| markdown::write(c, e, o));
    let years: Vec<i32> = corpus.events.iter().map(|e| e.date.year_of()).collect();
    for y in &years {
        assert!(text.contains(&format!("\n## {y}\n")), "a heading for {y}");
    }
    assert_eq!(text.matches("\n- **").count(), corpus.events.len());
    let quotes = text.lines().filter(|l| l.starts_with("  - > “")).count();
    let notes: Vec<&str> = text.lines().filter(|l| l.starts_with("[^")).collect();
    assert_eq!((quotes, notes.len()), (corpus.claims.len(), corpus.claims.len()));
    let spans: Vec<(usize, usize)> = notes
        .iter()
        .map(|n| {
            let bytes = n.split("bytes ").nth(1).unwrap().split(' ').next().unwrap();
            let (a, b) = bytes.split_once('–').unwrap();
            (a.parse().unwrap(), b.parse().unwrap())
        })
        .collect();
    let model: Vec<_> = model_claims(&corpus).into_iter().map(|(_, s, e, _)| (s, e)).collect();
    assert_eq!(spans, model);
    assert_eq!(text.matches("**Conflict:**").count(), corpus.events.iter().filter(|e| e.conflict).count());
    insta::assert_snapshot!("markdown", text);
}

#[test]
fn filters_keep_what_they_say() {
    let corpus = common::bundled();
    let ward = select::find_actor(&corpus, "william ward").unwrap();
    let from = select::date_bound("2012", false).unwrap();
    let to = select::date_bound("2013-06", true).unwrap();
    let filter = select::Filter { actor: None, from: Some(from), to: Some(to), kinds: vec!["coup".into()] };
    let kept = filter.events(&corpus);
    assert!(!kept.is_empty());
    for &e in &kept {
        let event = &corpus.events[e];
        assert_eq!(event.kind, "coup");
        assert!(event.date.end >= from && event.date.start <= to);
    }
    let by_actor = select::Filter { actor: Some(ward), ..Default::default() }.events(&corpus);
    assert!(!by_actor.is_empty() && by_actor.iter().all(|&e| corpus.events[e].actors.contains(&ward)));
    assert!(select::find_actor(&corpus, "keita").unwrap_err().contains("names 2 entities"));
    assert_eq!(
        select::find_actor(&corpus, "nobody at all").unwrap_err(),
        "no entity named `nobody at all` in this corpus"
    );
    let typo = select::find_actor(&corpus, "Keitaa").unwrap_err();
    assert!(typo.ends_with("did you mean Modibo Keïta, Ibrahim Boubacar Keïta?"), "{typo}");
    let typo = select::find_actor(&corpus, "amadu toumani").unwrap_err();
    assert!(typo.contains("did you mean Amadou Toumani Touré"), "{typo}");
    assert!(select::date_bound("March", false).is_err());
    // The filtered JSON holds those events and the entities they name.
    let v: Value = serde_json::from_str(&render(&corpus, &by_actor, |c, e, o| json::write(c, e, o))).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), by_actor.len());
    assert!(v["entities"].as_array().unwrap().iter().any(|e| e["name"] == "William E. Ward"));
}

/// The analyst's corrections travel in the annotations as `editing`: a
/// claim they dated, among the events exported, and a sentence they said
/// is no claim, each on its words as the file has them.
#[test]
fn annotations_carry_the_corrections() {
    use annals::assets::corpus_file::{RedateRule, RejectRule};
    let bundled = common::bundled();
    let first = &bundled.claims.raw[0];
    let rejected = bundled.claim_text(first).trim().to_string();
    let second = bundled
        .events
        .iter()
        .flat_map(|e| &e.claims)
        .map(|&c| &bundled.claims[c])
        .find(|c| c.sentence != first.sentence)
        .unwrap();
    let redated = bundled.claim_text(second).trim().to_string();
    let mut assets = annals::assets::Assets::bundled();
    assets.manifest.rejects.push(RejectRule { quote: rejected.clone(), date: None, file: None });
    assets.manifest.redates.push(RedateRule { quote: redated.clone(), date: None, file: None, to: "1999-12".into() });
    let corpus =
        annals::pipeline::Pipeline::new(assets).build("bundled", annals::ingest::bundled_inputs(), Vec::new()).0;
    let v: Value =
        serde_json::from_str(&render(&corpus, &all(&corpus), |c, e, o| annotations::write(c, e, o))).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(v["total"].as_u64().unwrap() as usize, items.len());
    let editing: Vec<&Value> = items.iter().filter(|i| i["motivation"] == "editing").collect();
    let said: Vec<&str> = editing.iter().map(|i| i["body"]["value"].as_str().unwrap()).collect();
    assert_eq!(
        said,
        ["dated 1999-12 by the analyst ([[redate]] in annals.toml)", "not a claim ([[reject]] in annals.toml)"]
    );
    for (item, quote) in editing.iter().zip([&redated, &rejected]) {
        let path = item["target"]["annals:path"].as_str().unwrap();
        let file = std::fs::read_to_string(path).unwrap();
        let data = &item["target"]["selector"].as_array().unwrap()[2];
        let raw = data["start"].as_u64().unwrap() as usize..data["end"].as_u64().unwrap() as usize;
        let source = corpus.sources.iter().find(|s| s.path == path).unwrap();
        assert_eq!(source.clean_of_raw(raw.clone()).trim(), quote.as_str(), "on its words");
        assert_eq!(item["target"]["selector"][0]["exact"].as_str().unwrap(), &file[raw], "as the file has them");
    }
    assert!(editing[0]["annals:event"].is_string(), "the dated claim's event");
}
