//! What is a claim and what is not, on whole documents: lines that only
//! date the document are its publication, lists at its end are no claims.

use crate::common;

use annals::ingest::Input;

fn corpus_of(name: &str, text: &str) -> annals::model::Corpus {
    common::build(vec![Input { path: name.into(), bytes: text.as_bytes().to_vec() }])
}

#[test]
fn a_see_also_list_gives_no_events() {
    let body =
        "Mali and the United States signed a compact in 2006. Their troops trained together in 2009.\n".repeat(3);
    let text = format!("# Relations\n\n{body}\n## See also\n\n- 2012 Malian coup d'état\n- 2020 in Mali\n");
    let corpus = corpus_of("relations.md", &text);
    let titles: Vec<&str> = corpus.events.iter().map(|e| e.title.as_str()).collect();
    assert!(titles.iter().all(|t| !t.contains("coup") && !t.contains("in Mali")), "{titles:?}");
    assert_eq!(corpus.events.len(), 2, "{titles:?}");
}

#[test]
fn a_heading_that_names_a_period_is_no_claim() {
    let text = "# Niger\n\nDomestic conflicts\n\nThe First Tuareg Rebellion of 1985–1995\n\n\
                From 1985 to 1995, the armed forces fought the Popular Front.\n\n\
                Second Tuareg Rebellion (2007–2009)\n\nIn 2007 a new group emerged\nin the north.\n";
    let corpus = corpus_of("niger.md", text);
    let told: Vec<&str> = corpus.claims.iter().map(|c| corpus.claim_text(c)).collect();
    // A paragraph's short first line, with more of the paragraph after it, is no heading.
    assert_eq!(told.len(), 2, "{told:?}");
    assert_eq!(told[0], "From 1985 to 1995, the armed forces fought the Popular Front.");
    assert!(told[1].starts_with("In 2007 a new group emerged"), "{told:?}");
}

#[test]
fn the_sentences_of_one_endless_line_are_no_headings() {
    let text = "In 2001 they met. ".repeat(20_000);
    let corpus = corpus_of("one-line.txt", &text);
    assert_eq!(corpus.claims.len(), 20_000);
}

#[test]
fn the_lines_that_date_a_cable_are_one_publication_event() {
    let text =
        "Identifier\nCreated\n08NIAMEY48\n2008-01-14 16:09:00\nSECRET\nCable title:\n\nNIGER: MEETING WITH GON\n\
                R 141609Z JAN 08\nFM AMEMBASSY NIAMEY\nSUBJECT: NIGER: MEETING WITH GON\n\n\
                1. (C) On January 10 the Ambassador met the Foreign Minister in Niamey.\n";
    let corpus = corpus_of("cable.txt", text);
    assert_eq!(corpus.sources.raw[0].title, "NIGER: MEETING WITH GON");
    let published: Vec<_> = corpus.events.iter().filter(|e| e.kind == "publication").collect();
    assert_eq!(published.len(), 1, "{:?}", corpus.events.iter().map(|e| &e.title).collect::<Vec<_>>());
    assert_eq!(published[0].title, "Cable “NIGER: MEETING WITH GON” sent");
    assert_eq!(published[0].claims.len(), 2, "the created time and the date-time group");
    assert!(corpus.events.iter().all(|e| !e.title.contains("16:09")));
}

#[test]
fn an_infobox_date_dates_the_document_subject() {
    let text = "---\ninfoboxes:\n  - conflict:\n      text: Tongo Tongo ambush\n    date:\n      text: |-\n        4 October 2017\n        11:40 to 14:58 (local time)\n---\n# Tongo Tongo ambush\n\nThe ambush was investigated in 2018 by the Department of Defense.\n";
    let corpus = corpus_of("ambush.md", text);
    let titles: Vec<(String, &str)> = corpus.events.iter().map(|e| (e.date.display(), e.title.as_str())).collect();
    assert!(titles.contains(&("2017-10-04".to_string(), "Tongo Tongo ambush")), "{titles:?}");
    assert_eq!(titles.len(), 2, "{titles:?}");
}

#[test]
fn an_event_is_titled_by_a_claim_about_its_own_date() {
    let text = "In 2022, Mali expelled the last French troops following the 2021 coup.\n\n\
                Mali's politics has been tumultuous since the military coups in 2020 and 2021.\n\n\
                In February 2013, a senator visited Mali since France sent a force there, on January 11, 2013, to halt an offensive.\n";
    let corpus = corpus_of("politics.txt", text);
    let title_of = |date: &str| {
        let event = corpus.events.iter().find(|e| e.date.value == date);
        event.map(|e| e.title.as_str()).unwrap_or_else(|| panic!("no event at {date}"))
    };
    assert!(title_of("2021").contains("coups in 2020 and 2021"), "{}", title_of("2021"));
    assert!(title_of("2022").starts_with("Mali expelled"));
    assert_eq!(title_of("2013-01-11"), "France sent a force there to halt an offensive");
    assert!(title_of("2013-02").starts_with("A senator visited Mali"), "{}", title_of("2013-02"));
}

/// A quoted message's header dates that message, not a happening.
#[test]
fn a_quoted_mails_dating_line_is_no_happening() {
    let text = "From: Sarah Kline\nSent: Tuesday, February 8, 2022 9:14 AM\nSubject: RE: Mali\n\n\
                The minister confirmed on 7 February 2022 that the charter will be revised.\n\n\
                -----Original Message-----\nFrom: Mark Olsen\nSent: Monday, February 7, 2022 5:40 PM\n\
                Subject: Mali\n\nAny news on the charter?\n";
    let corpus = corpus_of("mail.txt", text);
    let titles: Vec<&str> = corpus.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.iter().all(|t| !t.contains("Sent")), "{titles:?}");
}

/// A year's claim merged into its day's event tells it less than the day's own.
#[test]
fn an_event_is_titled_by_a_claim_of_its_own_precision() {
    let text = "In 2012, soldiers overthrew President Amadou Toumani Touré in a coup.\n\n\
                On 22 March 2012, mutinous soldiers led by Amadou Sanogo overthrew President Amadou Toumani Touré in a coup.\n";
    let corpus = corpus_of("coup.txt", text);
    let event = corpus.events.iter().find(|e| e.claims.len() == 2).expect("one event told twice");
    assert_eq!(event.date.value, "2012-03-22");
    assert!(event.title.starts_with("Mutinous soldiers led by Amadou Sanogo"), "{}", event.title);
}

#[test]
fn a_claim_of_a_run_no_full_stop_ends_is_the_clause_around_its_date() {
    let clauses = [
        "on 12 March 2014 the United States met Algeria in Bamako",
        "on 3 June 2015 France met Niger in Gao",
        "after the coup on 4 May 2016 ECOWAS met MINUSMA in Mopti",
    ];
    // Cut off where the file ends: a date alone tells nothing.
    let text = format!("{}, ", clauses.join(", ")).repeat(30) + "on 19 December";
    let corpus = corpus_of("run.txt", &text);
    let actors = |c: &annals::model::Claim| -> Vec<&str> {
        c.actors.iter().map(|&e| corpus.entities[e].name.as_str()).collect()
    };
    assert_eq!(corpus.claims.len(), 90, "one claim per clause");
    assert!(corpus.events.iter().all(|e| !e.title.is_empty()));
    for claim in &corpus.claims {
        let said = corpus.claim_text(claim);
        assert!(clauses.contains(&said), "not a clause: {said:?}");
        assert!(actors(claim).len() <= 2, "{said:?} has {:?}", actors(claim));
    }
    let coup = corpus.claims.iter().find(|c| corpus.claim_text(c).contains("4 May 2016")).expect("a claim");
    assert_eq!(coup.kind, "coup", "the kind of its own clause");
    let (gao, claim) =
        corpus.claims.iter_enumerated().find(|(_, c)| corpus.claim_text(c).contains("3 June 2015")).expect("a claim");
    assert_eq!(actors(claim), ["France", "Niger"]);
    let event = corpus.events.iter().find(|e| e.claims.contains(&gao)).expect("an event");
    assert_eq!(event.title, "France met Niger in Gao", "titled by its clause, its date dropped");
}

/// A Markdown timeline: its title and its year headings tell no happening
/// (`## 2012` was the document's publication, near its top); its items do,
/// each dated by the year its own sentence names before the day.
#[test]
fn a_markdown_timeline_is_dated_by_its_items_not_its_headings() {
    let text = "---\ntitle: \"Timeline: Mali since 2012\"\ndate: 2023-08-15\n---\n\n# Timeline: Mali since 2012\n\n\
                ## 2012\n\n- **March 22, 2012** – Captain Amadou Sanogo leads a coup in Bamako.\n\n## 2015\n\n\
                1. 2015: The Algiers Accord is signed in Bamako on 20 June.\n";
    let corpus = corpus_of("timeline.md", text);
    let dated: Vec<(String, &str)> =
        corpus.claims.iter().map(|c| (c.date.value.to_string(), corpus.claim_text(c))).collect();
    let values: Vec<&str> = dated.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(values, ["2012-03-22", "2015", "2015-06-20", "2023-08-15"], "{dated:?}");
    assert!(dated.iter().all(|(_, text)| !text.contains("Timeline")), "{dated:?}");
}

/// A chronology's days without a year take the year of the heading they
/// stand under, not the document's; a heading of another kind ends it.
#[test]
fn a_chronology_dates_its_days_by_their_year_heading() {
    let text =
        "---\ndate: 2024-04-02\n---\n\n# Timeline\n\n## 2012\n\n- **March 22** — Soldiers depose President Touré.\n\n\
                == 2013 ==\n\n* January 11 – France launches Operation Serval; aid resumes in September.\n\n\
                ## Analysis\n\nOn March 3, officials met in Bamako.\n";
    let corpus = corpus_of("chronology.md", text);
    let values: Vec<String> = corpus.claims.iter().map(|c| c.date.value.to_string()).collect();
    assert_eq!(values, ["2012-03-22", "2013-01-11", "2013-09", "2024-03-03", "2024-04-02"], "{values:?}");
}

/// A question asks whether something happened: it tells nothing.
#[test]
fn a_question_is_no_claim() {
    let text = "Briefing\n\nApril 20, 2021\n\nGEN. TOWNSEND: On April 12, we conducted a strike near Ménaka.\n\n\
                Q: General, can you say more about the strike on April 12?\n\nQ: Was it on \"April 13?\"\n";
    let corpus = corpus_of("briefing.txt", text);
    let told: Vec<&str> = corpus.claims.iter().map(|c| corpus.claim_text(c)).collect();
    assert_eq!(told, ["GEN. TOWNSEND: On April 12, we conducted a strike near Ménaka.", "April 20, 2021"]);
}

/// A reference's access date is its reader's, not a happening's.
#[test]
fn a_reference_read_or_archived_tells_nothing() {
    let text = "Mali coup\n\nSoldiers seized power on 22 March 2012 in Bamako.\n\n\
                ^ \"Mali coup\". BBC News. Retrieved 12 March 2020. Archived from the original on 5 May 2013.\n\
                accessed 3 June 2021.\n";
    let corpus = corpus_of("mali.txt", text);
    let told: Vec<&str> = corpus.claims.iter().map(|c| corpus.claim_text(c)).collect();
    assert_eq!(told, ["Soldiers seized power on 22 March 2012 in Bamako."]);
}

/// A period and a day or month inside it are two events, even told by one
/// source, unless their words say they are one.
#[test]
fn a_period_does_not_take_in_what_happened_during_it() {
    let text =
        "Briefing\n\nApril 20, 2021\n\nSince 2013, AFRICOM has supported French operations in Mali with airlift. \
                Air Base 201 in Niger became operational in November 2019.\n";
    let corpus = corpus_of("briefing.txt", text);
    let events: Vec<(String, usize)> =
        corpus.events.iter().map(|e| (e.date.value.to_string(), e.claims.len())).collect();
    assert_eq!(events, [("2013/2021".to_string(), 1), ("2019-11".to_string(), 1), ("2021-04-20".to_string(), 1)]);
}

/// A news page's date is in its head; its copyright line and its list of
/// related stories tell no happening.
#[test]
fn a_news_page_is_dated_by_its_head_and_not_by_its_furniture() {
    let text = "<html><head><title>UN mission ends | News</title>\
                <meta property=\"article:published_time\" content=\"2023-12-11T10:00:00Z\"></head><body>\
                <p>The United Nations ended its mission in Mali in 2023, ten years after it began.</p>\
                <p>The last convoy left Timbuktu on 25 October, officials said.</p>\
                <p>MINUSMA was set up in April 2013 by the Security Council.</p>\
                <h2>Related</h2><ul><li>Mali junta delays 2024 elections</li></ul>\
                <p>© 2023 World News. All rights reserved.</p></body></html>";
    let corpus = corpus_of("page.html", text);
    let source = corpus.sources.iter().next().expect("the page");
    assert_eq!(source.published.as_ref().map(|d| d.value.to_string()).as_deref(), Some("2023-12-11"));
    let told: Vec<(String, &str)> =
        corpus.claims.iter().map(|c| (c.date.value.to_string(), corpus.claim_text(c))).collect();
    let values: Vec<&str> = told.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(values, ["2013-04", "2023", "2023-10-25"], "{told:?}");
}

/// A table's row of years near the top of a report is no dating line of
/// the document: not its publication, whatever its date.
#[test]
fn a_row_of_years_is_no_publication() {
    let text = "Mali: Conflict, Coups, and U.S. Policy\n\nUpdated May 10, 2023\n\n\
                Aid rose after the 2020 coup, as the table shows.\n\n\
                FY2019   FY2020   FY2021   FY2022   FY2023\n 145      152      160      170      165\n";
    let corpus = corpus_of("report.txt", text);
    let published: Vec<String> =
        corpus.events.iter().filter(|e| e.kind == "publication").map(|e| e.date.value.to_string()).collect();
    assert_eq!(published, ["2023-05-10"]);
    let undated = corpus_of("table.txt", "Aid to Mali\n\nFY2019   FY2020   FY2021\n 145      152      160\n");
    assert!(undated.events.iter().all(|e| e.kind != "publication"), "{:?}", undated.events);
}

/// A Markdown footnote cites a source: the dates it gives are the
/// source's, not happenings of the text's (`[^2]: Press statement,
/// September 6, 2013.`).
#[test]
fn a_footnote_tells_no_happening() {
    let text = "# Notes\n\nThe U.S. resumed aid after the election in August 2013.[^1] Aid grew in 2014.[^2]\n\n\
                [^1]: State Department press statement, September 6, 2013.\n\
                [^2]: See CRS Report R42664, updated 2015. It was revised in 2016.\n";
    let corpus = corpus_of("notes.md", text);
    let values: Vec<String> = corpus.claims.iter().map(|c| c.date.value.to_string()).collect();
    assert_eq!(values, ["2013-08", "2014"]);
}

#[test]
fn a_dateline_opening_the_first_sentence_dates_the_story_as_its_publication() {
    let text = "Mali talks resume in Algiers\n\n\
                BAMAKO, March 3, 2015 — On 1 March 2015 the government of Mali sent a delegation to Algiers.\n";
    let corpus = corpus_of("story.txt", text);
    let titles: Vec<(&str, &str)> = corpus.events.iter().map(|e| (e.kind.as_str(), e.title.as_str())).collect();
    assert_eq!(
        titles,
        [
            ("diplomatic", "The government of Mali sent a delegation to Algiers"),
            ("publication", "“Mali talks resume in Algiers” published")
        ]
    );
    // The dateline alone tells the publication, and names no actor.
    let published = &corpus.events.raw[1];
    assert_eq!(corpus.claim_text(&corpus.claims[published.claims[0]]), "BAMAKO, March 3, 2015");
    assert!(published.actors.is_empty());
}

/// A wire's dateline tells the story's day where its date was read from
/// another line (`08/13/2013 10:02 GMT`): no event of the sentence's kind
/// on the day the wire wrote.
#[test]
fn a_wire_s_dateline_of_the_story_s_day_tells_its_publication() {
    let text = "Mali: From coup to concession\n\n08/13/2013 10:02 GMT\n\n\
                BAMAKO, August 13, 2013 (AFP) - Key events in Mali since the coup of March 2012.\n";
    let corpus = corpus_of("wire.txt", text);
    let told: Vec<(&str, &str)> = corpus
        .claims
        .iter()
        .map(|c| (c.date.value.as_str(), corpus.claim_text(c)))
        .filter(|(value, _)| *value == "2013-08-13")
        .collect();
    assert_eq!(told, [("2013-08-13", "08/13/2013 10:02 GMT"), ("2013-08-13", "BAMAKO, August 13, 2013 (AFP)")]);
    let kinds: Vec<&str> =
        corpus.events.iter().filter(|e| e.date.value == "2013-08-13").map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["publication"]);
}

#[test]
fn a_papers_citations_end_no_sentence_and_title_nothing() {
    let text = "Security assistance and the Malian state\n\n\
                The Partnership replaced the Pan-Sahel Initiative in 2005 (Warner 2014, p. 12). \
                Assistance grew again in 2009 (Lecocq et al. 2013; see Bøås and Torheim 2013).\n";
    let corpus = corpus_of("paper.txt", text);
    let told: Vec<(&str, &str)> =
        corpus.events.iter().map(|e| (corpus.claim_text(&corpus.claims[e.claims[0]]), e.title.as_str())).collect();
    assert_eq!(
        told,
        [
            (
                "The Partnership replaced the Pan-Sahel Initiative in 2005 (Warner 2014, p. 12).",
                "The Partnership replaced the Pan-Sahel Initiative"
            ),
            ("Assistance grew again in 2009 (Lecocq et al. 2013; see Bøås and Torheim 2013).", "Assistance grew again"),
        ]
    );
}

#[test]
fn a_designation_lists_dates_of_birth_are_no_happenings() {
    let text = "Treasury Sanctions Malian Officials\n\nJuly 24, 2023\n\n\
                In late 2021, the minister traveled to Russia.\n\n\
                DIARRA, Alou Boi, Bamako, Mali; DOB 01 Jan 1968; nationality Mali; Gender Male (individual) [CAR-EO13667].\n";
    let corpus = corpus_of("ofac.txt", text);
    let dates: Vec<&str> = corpus.events.iter().map(|e| e.date.value.as_str()).collect();
    assert_eq!(dates, ["2021", "2023-07-24"]);
    let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Alou Boi Diarra"), "{names:?}");
    assert!(!names.contains(&"Central African Republic"), "{names:?}");
}

#[test]
fn a_table_row_s_claim_ends_at_its_words_not_inside_a_separator() {
    let text = "| 12 March 2014 | France and Mali signed a defence pact. ||\n| ch 2012 ||\n";
    let inputs = vec![Input { path: "row.txt".into(), bytes: text.as_bytes().to_vec() }];
    let corpus = common::build(inputs.clone());
    common::assert_provenance(&corpus, &inputs);
    let told: Vec<&str> = corpus.claims.iter().map(|c| corpus.claim_text(c)).collect();
    assert!(told.iter().all(|t| t.ends_with("ch 2012")), "{told:?}");
}
