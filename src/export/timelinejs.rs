//! TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format.html):
//! one slide per event, dates holding only the parts they really have,
//! each claim quoted with its source in the slide's HTML text.

use super::Stream;
use crate::model::{Corpus, DateValue, Event, EventId, Precision};
use chrono::Datelike;
use html_escape::encode_text as html;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Timeline<E> {
    title: Slide,
    events: E,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    unique_id: String,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

/// A TimelineJS date: a year, and a month and day only when known.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

/// The parts of a date's start and end it really has, and what to show
/// when TimelineJS cannot say it (ranges and fiscal years).
pub fn dates(d: &DateValue) -> (Date, Option<Date>, Option<String>) {
    let day = |n: chrono::NaiveDate| Date { year: n.year(), month: Some(n.month()), day: Some(n.day()) };
    let month = |n: chrono::NaiveDate| Date { year: n.year(), month: Some(n.month()), day: None };
    let year = |n: chrono::NaiveDate| Date { year: n.year(), month: None, day: None };
    match d.precision {
        Precision::Day => (day(d.start), None, None),
        Precision::Month => (month(d.start), None, None),
        Precision::Year => (year(d.start), None, None),
        Precision::FiscalYear => (day(d.start), Some(day(d.end)), Some(d.display())),
        Precision::Range => {
            // Each end keeps the precision it was written with (`2016/2020`, `2012-03-01/2012-03-10`).
            let part = |text: Option<&str>, n| match text.and_then(DateValue::parse).map(|v| v.precision) {
                Some(Precision::Year) => year(n),
                Some(Precision::Month) => month(n),
                _ => day(n),
            };
            let (a, b) = d.value.split_once('/').unzip();
            (part(a, d.start), Some(part(b, d.end)), Some(d.display()))
        }
    }
}

fn slide(corpus: &Corpus, id: EventId) -> Slide {
    let event = &corpus.events[id];
    let (start, end, display) = dates(&event.date);
    let actors: Vec<&str> = event.actors.iter().map(|&a| corpus.entities[a].name.as_str()).collect();
    let mut text = String::new();
    if !actors.is_empty() {
        text.push_str(&format!("<p><strong>Actors:</strong> {}</p>", html(&actors.join(", "))));
    }
    if event.conflict {
        text.push_str("<p><strong>Conflict:</strong> the sources date this differently.</p>");
    }
    for &c in &event.claims {
        let claim = &corpus.claims[c];
        let source = &corpus.sources[claim.source];
        let published = source.published.as_ref().map_or("undated".to_string(), |d| d.display());
        let span = corpus.claim_bytes(claim);
        text.push_str(&format!(
            "<blockquote>{}</blockquote><p>— <cite>{}</cite>, {}; dated {}; bytes {}–{} of {}</p>",
            html(corpus.claim_text(claim).trim()),
            html(&source.title),
            html(&published),
            html(&claim.date.display()),
            span.start,
            span.end,
            html(&source.path),
        ));
    }
    Slide {
        start_date: Some(start),
        end_date: end,
        display_date: display,
        text: Text { headline: headline(event), text },
        group: Some(event.kind.to_string()),
        unique_id: event.id.to_string(),
    }
}

/// A slide's headline: the event's title, or what it is and when where the
/// title is empty (TimelineJS shows an empty headline as a blank slide).
fn headline(event: &Event) -> String {
    match event.title.trim() {
        "" => format!("{} · {}", event.kind, event.date.display()),
        title => html(title).into_owned(),
    }
}

pub fn write(corpus: &Corpus, events: &[EventId], out: impl Write) -> io::Result<()> {
    let sources = corpus.sources.len();
    let title = Slide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: Text {
            headline: html(&corpus.name).into_owned(),
            text: format!(
                "<p>{} events from {sources} sources, each quoted from its source. Made with annals.</p>",
                events.len()
            ),
        },
        group: None,
        unique_id: "title".to_string(),
    };
    let timeline = Timeline { title, events: Stream(|| events.iter().map(|&e| slide(corpus, e))) };
    let mut out = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &timeline)?;
    writeln!(out)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_headline_is_empty() {
        let date = DateValue::parse("2012-12-27").unwrap();
        let event = |title: &str| Event {
            id: "e0001".into(),
            title: title.into(),
            kind: "other".into(),
            date: date.clone(),
            actors: crate::model::Actors::new(),
            conflict: false,
            claims: Vec::new(),
        };
        assert_eq!(headline(&event(" ")), "other · 2012-12-27");
        assert_eq!(headline(&event("A & B")), "A &amp; B");
    }

    #[test]
    fn only_the_parts_a_date_has() {
        let (s, e, d) = dates(&DateValue::parse("2012-03").unwrap());
        assert_eq!((s, e, d), (Date { year: 2012, month: Some(3), day: None }, None, None));
        let (s, e, d) = dates(&DateValue::parse("FY2014").unwrap());
        assert_eq!(s, Date { year: 2013, month: Some(10), day: Some(1) });
        assert_eq!(e, Some(Date { year: 2014, month: Some(9), day: Some(30) }));
        assert_eq!(d.as_deref(), Some("FY2014"));
        let (s, e, _) = dates(&DateValue::parse("2016/2020").unwrap());
        assert_eq!((s.month, e.unwrap().year), (None, 2020));
    }
}
