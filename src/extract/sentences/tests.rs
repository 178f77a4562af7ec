//! Sentences: where they end, what they keep, and lines joined.

use super::*;

fn seg() -> Segmenter {
    let abbr = ["U.S.", "Gen.", "Dr.", "Mr.", "Jan.", "E.O."].map(String::from);
    Segmenter::new(&abbr, &["The".to_string()])
}

fn texts(s: &str) -> Vec<&str> {
    seg().split(s).ranges.into_iter().map(|r| &s[r]).collect()
}

proptest::proptest! {
    #[test]
    fn sentences_spared_the_trimming_search_have_nothing_to_trim(s in "[a.1 \t\u{b}\u{a0}\\[\\]()A/•¶]{0,12}") {
        proptest::prop_assert!(may_lead(&s) || LEADING.find(&s).is_none());
        proptest::prop_assert!(may_trail(&s) || TRAILING.find(&s).is_none());
    }
}

#[test]
fn abbreviations_and_initials_do_not_end_sentences() {
    let s = "The U.S. Government agreed. Gen. Ward met Dr. Brown on Jan. 5. William E. Ward left.";
    assert_eq!(
        texts(s),
        ["The U.S. Government agreed.", "Gen. Ward met Dr. Brown on Jan. 5.", "William E. Ward left."]
    );
}

/// A page's paragraphs joined without a space are still two sentences;
/// an address, a decimal, an initial and a word in capitals are not cut.
#[test]
fn sentences_glued_at_a_full_stop_are_two() {
    let s = "ECOWAS cut financial aid.The Malian authorities called it illegal.In November 2021, talks stalled.";
    assert_eq!(
        texts(s),
        ["ECOWAS cut financial aid.", "The Malian authorities called it illegal.", "In November 2021, talks stalled."]
    );
    let s = "See www.state.Gov or news.bbc.Africa for 2.5 million. The U.S.Army and J.Smith.Then ok.";
    assert_eq!(
        texts(s),
        ["See www.state.Gov or news.bbc.Africa for 2.5 million.", "The U.S.Army and J.Smith.Then ok."]
    );
}

#[test]
fn a_spaced_initial_does_not_end_a_sentence() {
    let s = "the Ambassador met General William E . ( \" Kip \" ) Ward and ATT . The next day .";
    assert_eq!(texts(s), ["the Ambassador met General William E . ( \" Kip \" ) Ward and ATT .", "The next day ."]);
}

#[test]
fn a_line_broken_after_an_initial_goes_on() {
    let s =
        "( S ) On November 27 the Ambassador met General William E . \n( \" Kip \" ) Ward met ATT .\nPlan B.\nthe end.";
    assert_eq!(
        texts(s),
        ["On November 27 the Ambassador met General William E . \n( \" Kip \" ) Ward met ATT .", "Plan B.", "the end."]
    );
}

#[test]
fn abbreviation_before_a_sentence_starter_ends_one() {
    assert_eq!(texts("aid from the U.S. The next year"), ["aid from the U.S.", "The next year"]);
}

#[test]
fn footnote_marks_end_sentences_and_are_trimmed() {
    let s = "[121] The UK did so on 15 March 1961[34] Both countries agreed on 24 September 1960[18] The agenda.";
    assert_eq!(
        texts(s),
        ["The UK did so on 15 March 1961", "Both countries agreed on 24 September 1960", "The agenda."]
    );
    assert_eq!(texts("in states,[11] but Mali"), ["in states,[11] but Mali"]);
    let s = "A drone hub since 2013.[47][48][49] Drones flew from it.";
    assert_eq!(texts(s), ["A drone hub since 2013.", "Drones flew from it."], "marks in a row");
    // After characters of several bytes.
    let s = "Le pays de Touré’[2] Ensuite Goïta”[3] Puis";
    assert_eq!(texts(s), ["Le pays de Touré’", "Ensuite Goïta”", "Puis"]);
}

#[test]
fn cable_lines_lose_portion_marks_and_anchors() {
    let s = "( S ) On November 27 the Ambassador met ATT .\nThe Salafists will get. ¶5 .\n( U ) General Ward cleared this message .";
    assert_eq!(
        texts(s),
        ["On November 27 the Ambassador met ATT .", "The Salafists will get.", "General Ward cleared this message ."]
    );
}

#[test]
fn over_long_runs_are_cut_at_clause_marks_then_spaces() {
    let clause = "on 12 March 2014 the United States and Mali met in Bamako, ";
    let run = clause.repeat(2000);
    let split = seg().split(&run);
    assert!(split.ranges.len() >= run.len() / MAX_SENTENCE, "{} pieces", split.ranges.len());
    assert_eq!(split.over_long.len(), 1);
    for piece in &split.ranges {
        assert!(split.is_piece(piece));
        assert!(piece.len() <= MAX_SENTENCE);
        assert!(run[piece.clone()].starts_with("on 12 March"), "cut inside a clause: {:?}", &run[piece.clone()][..20]);
    }
    let words = "word ".repeat(2000);
    assert!(seg().split(&words).ranges.iter().all(|p| p.len() <= MAX_SENTENCE && words[p.clone()].ends_with("word")));
    let wide = "é".repeat(5000);
    let pieces = seg().split(&wide).ranges;
    assert_eq!(pieces.iter().map(|p| wide[p.clone()].len()).sum::<usize>(), wide.len());
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let line = "word ".repeat(13);
    let s = format!("{line}\n{line}\n{line}end.\n\n{line}\n{line}\n{line}\n{line}done.\n");
    let got = seg().split(&s);
    assert_eq!(got.ranges.len(), 2, "{got:?}");
    assert!(got.over_long.is_empty());
}

/// In wrapped lines, a full stop that ends a line ends its sentence too
/// (the next line's capital opens the next one).
#[test]
fn a_full_stop_at_a_wrapped_line_s_end_ends_the_sentence() {
    let s = "If the current attempt stands, Niger will be the sixth country in\n\
             Africa where the military has seized power since the year 2020.\n\
             Landlocked and arid, Niger is among the poorest countries of the\n\
             world, and the envoy of the United Nations said so on the day to\n\
             the reporters who had gathered in the small town on the river to\n\
             hear what the envoy of the United Nations would say to them all.\n";
    let got = texts(s);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].ends_with("since the year 2020."), "{got:?}");
}

/// Text taken from a PDF: a note's number set right after a full stop
/// belongs to neither sentence. A decimal is no note.
#[test]
fn a_note_number_after_an_end_mark_ends_the_sentence() {
    let s = "Keïta resigned the following day.1 In May 2021, the junta took power.";
    assert_eq!(texts(s), ["Keïta resigned the following day.", "In May 2021, the junta took power."]);
    let s = "They overthrew Touré on March 22, 2012.4 France intervened.";
    assert_eq!(texts(s), ["They overthrew Touré on March 22, 2012.", "France intervened."]);
    assert_eq!(texts("The report said so.”12 He left."), ["The report said so.”", "He left."]);
    for whole in ["Aid grew by 2.5 Million dollars.", "See Section 7008.1 The act.", "It was 10.30 Then."] {
        assert_eq!(texts(whole), [whole]);
    }
    assert_eq!(texts("Aid from the U.S. in 2012.1 2 3."), ["Aid from the U.S. in 2012.1 2 3."]);
}

/// A section's heading set right above its wrapped lines, as a PDF's
/// text has it: a unit of its own, and the paragraph still joined.
#[test]
fn a_heading_above_wrapped_lines_is_a_unit_of_its_own() {
    let s = "Background\n\
             Mali gained independence from France on September 22, 1960. Moussa Traoré\n\
             seized power in a coup in November 1968 and ruled until 1991, when a popular\n\
             uprising and a second coup ended his regime. Alpha Oumar Konaré won the\n\
             country's first multiparty presidential election in 1992.\n";
    let got: Vec<String> = texts(s).iter().map(|t| t.replace('\n', " ")).collect();
    assert_eq!(got[0], "Background");
    assert!(got[2].starts_with("Moussa Traoré seized power") && got[2].ends_with("ended his regime."), "{got:?}");
    assert_eq!(got.len(), 4, "{got:?}");
    // A paragraph's short last line is no heading; nor is a line that a sentence goes on from.
    let s = "The first line of a paragraph runs on as wide as the\n\
             next lines do, and the one after it runs on as the first,\n\
             as does the third of them, to its end mark.\n";
    assert_eq!(texts(s).len(), 1);
}

/// A UN report's cover: rows of columns and indented short lines are no
/// wrapped prose, so they stay lines; and a line that runs on goes on
/// into the next when it opens in lower case.
#[test]
fn a_cover_stays_lines_and_a_lower_case_line_goes_on() {
    let s = "United Nations                                                    S/2023/402\n\
             Security Council                                     Distr.: General\n\
             \x20                                                    1 June 2023\n\n\
             \x20      3.   On 16 June, the Minister for Foreign Affairs, Abdoulaye Diop, requested\n\
             before the Council the withdrawal of MINUSMA.\n\n\
             Mali: Political Crisis and U.S. Policy\n\
             Updated March 14, 2023\n";
    let got = texts(s);
    assert_eq!(got[2], "1 June 2023", "{got:?}");
    assert!(got[4].starts_with("On 16 June") && got[4].ends_with("of MINUSMA."), "{got:?}");
    assert_eq!(got[5..], ["Mali: Political Crisis and U.S. Policy", "Updated March 14, 2023"]);
}

/// A cable: a header of short lines, then a body wrapped at 60
/// columns. The body's sentences run across its lines; the header's
/// lines and a list's items stay apart.
#[test]
fn a_wrapped_paragraph_below_short_lines_is_joined() {
    let header = "SIPDIS\n\nNOFORN\n\nTAGS: PREL MARR\n\nSUBJECT: NIGER: MEETING\n\nREF: A. STATE 1087\n\n";
    let body = "1. (C) Summary. I met with Government of Niger (GON) Foreign\n\
                Minister (FM) Mindaoudou on Thursday, January 10, 2008, and\n\
                discussed the status of Niger,s MCC Threshold Program.\n\n";
    let list = "- a first item of the list that runs on for forty letters\n\
                - a second item of the list that runs on for forty letters\n";
    let text = format!("{header}{body}{list}");
    let got = texts(&text);
    assert!(got.contains(&"SIPDIS") && got.contains(&"SUBJECT: NIGER: MEETING"), "{got:?}");
    let met = got.iter().find(|s| s.starts_with("I met")).expect("the sentence");
    assert!(met.ends_with("MCC Threshold Program."), "{met:?}");
    assert!(got.iter().any(|s| s.contains("a second item") && !s.contains("a first item")), "{got:?}");
    let titled = "Security Sector Reform in Mali: Lessons Learned\nCongressional Research Service, updated 2022\n";
    assert_eq!(texts(titled).len(), 2, "a title and its subtitle are two lines");
}

/// A testimony's header: lines of moderate length without end marks,
/// each short where its line ends, not where a width made it end.
#[test]
fn a_header_of_moderate_lines_is_not_a_wrapped_paragraph() {
    let header = "STATEMENT OF THE HONORABLE ROBERT P. JACKSON\n\
                  PRINCIPAL DEPUTY ASSISTANT SECRETARY, BUREAU OF AFRICAN AFFAIRS\n\
                  BEFORE THE SENATE FOREIGN RELATIONS COMMITTEE\n\
                  SUBCOMMITTEE ON AFRICA AND GLOBAL HEALTH POLICY\n\
                  JUNE 29, 2016\n\nChairman Flake, thank you.\n";
    let got = texts(header);
    assert_eq!(got.len(), 6, "{got:?}");
    assert_eq!(got[4], "JUNE 29, 2016");
}

#[test]
fn a_date_cut_by_a_line_break_is_one_sentence() {
    let s = "Thank you. I want to ask about the March 22,\n2012 coup. When did it end?";
    assert_eq!(texts(s), ["Thank you.", "I want to ask about the March 22,\n2012 coup.", "When did it end?"]);
    assert_eq!(texts("The coup of March\n2012 ended it."), ["The coup of March\n2012 ended it."]);
    assert_eq!(texts("The coup of 22 March\n2012 ended it."), ["The coup of 22 March\n2012 ended it."]);
    // A chronology's rows stay apart.
    assert_eq!(texts("Talks resumed in March.\n2013 Elections"), ["Talks resumed in March.", "2013 Elections"]);
    assert_eq!(texts("The coup\n2012 Elections"), ["The coup", "2012 Elections"]);
}
