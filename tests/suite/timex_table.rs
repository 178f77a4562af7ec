//! Table tests for the temporal tagger: what is a date, what it stands for,
//! and what is not a date. Each row: text, document date, expected
//! (expression, value) pairs in order.

use annals::extract::timex::{resolve, Tagger};
use annals::model::DateValue;

fn tag(text: &str, doc: Option<&str>) -> Vec<(String, String)> {
    let counts: Vec<String> = ["troops", "people", "miles", "years", "soldiers", "km"].map(String::from).to_vec();
    let tagger = Tagger::new(&counts);
    let found = tagger.find(text);
    let doc = doc.and_then(DateValue::parse);
    let sentences = annals::extract::sentences::Segmenter::new(&[], &[]).split(text).ranges;
    let layout = annals::extract::timex::Layout { text, sentences: &sentences, headings: &[] };
    let values = resolve(&found, doc.as_ref(), &layout);
    found
        .iter()
        .zip(values)
        .filter_map(|(t, v)| v.map(|(v, _)| (text[t.range.clone()].to_string(), v.value.to_string())))
        .collect()
}

/// Text, document date, expected (expression, value) pairs.
type Case = (&'static str, Option<&'static str>, &'static [(&'static str, &'static str)]);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // days
    ("After the 24 May 2021 military coup", None, &[("24 May 2021", "2021-05-24")]),
    ("On October 9, 2015, the U.S. signed", None, &[("October 9, 2015", "2015-10-09")]),
    ("on 17 November 1972 when", None, &[("17 November 1972", "1972-11-17")]),
    ("inauguration on September 4, 2013 the mission", None, &[("September 4, 2013", "2013-09-04")]),
    ("signed on the 4th of July 2013", None, &[("4th of July 2013", "2013-07-04")]),
    ("on March 3rd, 2021 officials", None, &[("March 3rd, 2021", "2021-03-03")]),
    ("dated 2020-08-18 in", None, &[("2020-08-18", "2020-08-18")]),
    ("stored on 2014/01/05 in", None, &[("2014/01/05", "2014-01-05")]),
    ("* 2021-05-24/25: Goïta arrests Ndaw.", None, &[("2021-05-24/25", "2021-05-24/2021-05-25")]),
    ("* 2021-05-25/24: a slip.", None, &[("2021-05-25", "2021-05-25")]),
    ("Page last modified: 14-09-2021 15:43:31 ZULU", None, &[("14-09-2021", "2021-09-14")]),
    ("memo of 11/30/2009 says", None, &[("11/30/2009", "2009-11-30")]),
    ("issued 30/11/2009 here", None, &[("30/11/2009", "2009-11-30")]),
    ("121530Z JAN 09 FM AMEMBASSY", None, &[("121530Z JAN 09", "2009-01-12")]),
    ("Posted on February 26, 2013 by iajohnson", None, &[("February 26, 2013", "2013-02-26")]),
    ("on Sept. 11, 2001 the attacks", None, &[("Sept. 11, 2001", "2001-09-11")]),
    ("on 2–3 June 2015 talks", None, &[("2–3 June 2015", "2015-06-02/2015-06-03")]),
    // a night's two days, as British news writes them
    ("on the night of 2/3 March 2016 the", None, &[("2/3 March 2016", "2016-03-02/2016-03-03")]),
    ("memo of 2/3/2016 says", None, &[("2/3/2016", "2016-02-03")]),
    // spans of days whose year is the document's
    ("Between 1 April and 31 May, MINUSMA documented", Some("2023-06-01"), &[("Between 1 April and 31 May", "2023-04-01/2023-05-31")]),
    ("talks ran from 5 to 9 June in Algiers", Some("2023-06-20"), &[("from 5 to 9 June", "2023-06-05/2023-06-09")]),
    ("from June 5 to July 2 the team", Some("2023-08-01"), &[("from June 5 to July 2", "2023-06-05/2023-07-02")]),
    ("leave from 20 December to 5 January", Some("2023-01-10"), &[("from 20 December to 5 January", "2022-12-20/2023-01-05")]),
    // weekdays: news writes them bare
    ("the junta said Monday it had foiled", Some("2022-05-17"), &[("Monday", "2022-05-16")]),
    ("on Friday, the talks ended", Some("2022-05-17"), &[("Friday", "2022-05-13")]),
    ("after Friday prayers in Bamako", Some("2022-05-17"), &[]),
    ("open Monday through Friday", Some("2022-05-17"), &[]),
    ("market day every Sunday", Some("2022-05-17"), &[]),
    ("Monday marked a turn; Sunday may too", Some("2022-05-17"), &[("Monday", "2022-05-16"), ("Sunday", "2022-05-15")]),
    ("a statement Monday, May 16, 2022 said", Some("2022-05-17"), &[("Monday, May 16, 2022", "2022-05-16")]),
    ("The vote took place on Sunday 29 July 2018.", Some("2016-03-15"), &[("Sunday 29 July 2018", "2018-07-29")]),
    ("met on Thursday, January 10, 2008, and", Some("2008-01-14"), &[("Thursday, January 10, 2008", "2008-01-10")]),
    ("met on Thursday, January 10 and", Some("2008-01-14"), &[("Thursday, January 10", "2008-01-10")]),
    ("said Monday it had foiled", None, &[]),
    ("We expect a decision next Friday.", Some("2013-01-15"), &[("next Friday", "2013-01-18")]),
    // a weekday written with its day pins the year
    ("The junta ended the 2015 accord on Thursday, January 25.", Some("2024-01-28"),
        &[("2015", "2015"), ("Thursday, January 25", "2024-01-25")]),
    ("It ended on 26 January 2024. The 2015 accord had ended on Thursday, January 25.", None,
        &[("26 January 2024", "2024-01-26"), ("2015", "2015"), ("Thursday, January 25", "2024-01-25")]),
    ("In 2015, the accord was signed on Saturday, June 20.", Some("2024-01-28"),
        &[("2015", "2015"), ("Saturday, June 20", "2015-06-20")]),
    ("The 2015 accord ended on Friday, January 25.", None, &[("2015", "2015")]),
    ("They meet again next Tuesday.", Some("2013-01-15"), &[("next Tuesday", "2013-01-22")]),
    ("Cooperation with Niger has intensified post 9/11 as part of the war on terror.", None, &[("9/11", "2001-09-11")]),
    ("The 9/11 Commission reported in 2004.", None, &[("2004", "2004")]),
    ("killing.[51] submachine gun, 1988]] In 1996, a former officer staged a coup.", None, &[("1996", "1996")]),
    ("It was signed on 9/11/2012.", None, &[("9/11/2012", "2012-09-11")]),
    // a weekday after a future in its sentence is ahead of the document's day
    ("The delegations would sign the accord by Friday.", Some("2015-03-03"), &[("Friday", "2015-03-06")]),
    ("Voters will go to the polls on Sunday.", Some("2015-03-03"), &[("Sunday", "2015-03-08")]),
    ("The summit is expected to open Monday in Accra.", Some("2015-03-03"), &[("Monday", "2015-03-09")]),
    ("He said Monday that he would resign.", Some("2015-03-03"), &[("Monday", "2015-03-02")]),
    ("It will rain. The rebels left on Friday.", Some("2015-03-03"), &[("Friday", "2015-02-27")]),
    ("They met last Tuesday.", Some("2013-01-17"), &[("last Tuesday", "2013-01-15")]),
    ("on the night of May 11-12, the spokesman", Some("2022-05-17"), &[("May 11-12", "2022-05-11/2022-05-12")]),
    ("talks on 3–4 March in Niamey", Some("2022-05-17"), &[("3–4 March", "2022-03-03/2022-03-04")]),
    ("raids on the night of 9/10 May in Mopti", Some("2022-05-17"), &[("9/10 May", "2022-05-09/2022-05-10")]),
    ("from 12-3 May on", Some("2022-05-17"), &[("3 May", "2022-05-03")]),
    // a count of days beside the date it comes to says it once
    ("In 2016 it began. Three days later, on March 18, the mission left.", None, &[("2016", "2016"), ("March 18", "2016-03-18")]),
    ("On 2 May 2016 it began. The next day (3 May) it ended.", None, &[("2 May 2016", "2016-05-02"), ("3 May", "2016-05-03")]),
    ("On 2 May 2016 it began. The next day it ended, and on 9 May it resumed.", None,
        &[("2 May 2016", "2016-05-02"), ("The next day", "2016-05-03"), ("9 May", "2016-05-09")]),
    ("on 1 April and 31 May the team", Some("2023-06-01"), &[("1 April", "2023-04-01"), ("31 May", "2023-05-31")]),
    ("from March 3 to 40 percent", Some("2023-06-01"), &[("March 3", "2023-03-03")]),
    // months
    ("In March 2012, Mali's government", None, &[("March 2012", "2012-03")]),
    ("On february 2013, Senator Coons", None, &[("february 2013", "2013-02")]),
    ("on january, 2013, to halt", None, &[("january, 2013", "2013-01")]),
    ("by July 2013.", None, &[("July 2013", "2013-07")]),
    ("in Dec. 2018 at", None, &[("Dec. 2018", "2018-12")]),
    ("in March of 2012", None, &[("March of 2012", "2012-03")]),
    ("early March 2012 saw", None, &[("early March 2012", "2012-03")]),
    ("from the beginning of November 2009 on", None, &[("the beginning of November 2009", "2009-11")]),
    ("by late June 2015", None, &[("late June 2015", "2015-06")]),
    // years
    ("established relations in 1960, following", None, &[("1960", "1960")]),
    ("In 1992, Mali moved", None, &[("1992", "1992")]),
    ("Except for during the 2012 crisis", None, &[("2012", "2012")]),
    ("As of 2023, the situation", None, &[("2023", "2023")]),
    ("coups in 2020 and 2021 have", None, &[("2020", "2020"), ("2021", "2021")]),
    ("(1960) independence", None, &[("1960", "1960")]),
    ("which began in 2017.", None, &[("2017", "2017")]),
    ("in mid-2012 the", None, &[("mid-2012", "2012")]),
    ("early 2013 French troops", None, &[("early 2013", "2013")]),
    ("by the end of 2014 it", None, &[("the end of 2014", "2014")]),
    // ranges and fiscal years
    ("more than $135.4 million in FY 2014 with", None, &[("FY 2014", "FY2014")]),
    ("requested for FY 2015.", None, &[("FY 2015", "FY2015")]),
    ("investment for FY 2016-2020 will", None, &[("FY 2016-2020", "FY2016/FY2020")]),
    ("in FY2019 the", None, &[("FY2019", "FY2019")]),
    ("in fiscal year 2012 the", None, &[("fiscal year 2012", "FY2012")]),
    ("for FY14 funds", None, &[("FY14", "FY2014")]),
    ("Between 2000 and 2010, crop production", None, &[("Between 2000 and 2010", "2000/2010")]),
    ("from 1968 to 1991 Traoré ruled", None, &[("from 1968 to 1991", "1968/1991")]),
    ("the 2016–2020 strategy", None, &[("2016–2020", "2016/2020")]),
    ("during 1960-68 Keita ruled", None, &[("1960-68", "1960/1968")]),
    ("in the 1990s, multiparty", None, &[("1990s", "1990/1999")]),
    ("in the early 1990s, protests", None, &[("early 1990s", "1990/1993")]),
    ("the 2019/20 season saw", None, &[("2019/20", "2019/2020")]),
    ("the 2019/2020 budget was", None, &[("2019/2020", "2019/2020")]),
    // a quarter or a half, by its year as `early 2013` is
    ("attacks spiked in Q3 2019 in Mopti", None, &[("Q3 2019", "2019")]),
    ("growth slowed in H1 2020.", None, &[("H1 2020", "2020")]),
    // relative to the document date
    ("On November 27 the Ambassador", Some("2009-11-30"), &[("November 27", "2009-11-27")]),
    ("the fourth meeting is scheduled for December 15 in Tessalit", Some("2009-11-30"), &[("December 15", "2009-12-15")]),
    ("now possibly in January .", Some("2009-11-30"), &[("January", "2010-01")]),
    ("on or about October 30 may have", Some("2009-11-30"), &[("October 30", "2009-10-30")]),
    ("after Tabaski ( November 28 ) , he", Some("2009-11-30"), &[("November 28", "2009-11-28")]),
    ("left Bamako November 26 after", Some("2009-11-30"), &[("November 26", "2009-11-26")]),
    ("27 November the envoy left", Some("2009-11-30"), &[("27 November", "2009-11-27")]),
    ("elections scheduled for July.", Some("2013-02-26"), &[("July", "2013-07")]),
    ("Last year, the junta", Some("2023-08-05"), &[("Last year", "2022")]),
    ("last month the", Some("2023-08-05"), &[("last month", "2023-07")]),
    ("Last week the European Union pledged new funds.", Some("2015-03-03"), &[("Last week", "2015-02-23/2015-03-01")]),
    ("The talks resume next week in Algiers.", Some("2015-03-03"), &[("next week", "2015-03-09/2015-03-15")]),
    ("last week the", Some("2015-03"), &[]),
    // 2022-05-16 is a Monday; 2022-05-15 a Sunday
    ("The junta said it foiled a coup over the weekend.", Some("2022-05-16"), &[("over the weekend", "2022-05-14/2022-05-15")]),
    ("Fighting resumed over the weekend.", Some("2022-05-15"), &[("over the weekend", "2022-05-14/2022-05-15")]),
    ("Talks resume this weekend in Lomé.", Some("2022-05-16"), &[("this weekend", "2022-05-21/2022-05-22")]),
    ("Voters go to the polls next weekend.", Some("2022-05-16"), &[("next weekend", "2022-05-28/2022-05-29")]),
    ("Troops took over the weekly patrols in 2013.", None, &[("2013", "2013")]),
    ("next year elections", Some("2023-08-05"), &[("next year", "2024")]),
    ("this year alone", Some("2023-08-05"), &[("this year", "2023")]),
    ("The U.S. on Friday paused aid", Some("2023-08-05"), &[("Friday", "2023-08-04")]),
    ("officials said yesterday", Some("2023-08-05"), &[("yesterday", "2023-08-04")]),
    ("Last March, a coup toppled the government.", Some("2013-02-14"), &[("Last March", "2012-03")]),
    ("as it did last February and last January", Some("2013-02-14"), &[("last February", "2012-02"), ("last January", "2013-01")]),
    ("elections next June, not next February", Some("2013-02-14"), &[("next June", "2013-06"), ("next February", "2014-02")]),
    // French months, day first
    ("Le 22 mars 2012, des militaires", None, &[("22 mars 2012", "2012-03-22")]),
    ("le 1er août 2020 à Bamako", None, &[("1er août 2020", "2020-08-01")]),
    ("En juin 2015, le gouvernement", None, &[("juin 2015", "2015-06")]),
    ("le 11 février 2013 et le 3 Décembre 2013", None, &[("11 février 2013", "2013-02-11"), ("3 Décembre 2013", "2013-12-03")]),
    ("le 18 aout 2020", None, &[("18 aout 2020", "2020-08-18")]),
    ("Le 6 avril, le MNLA", Some("2012-05-01"), &[("6 avril", "2012-04-06")]),
    ("the row mars 2 rounds of talks", None, &[]),
    // a French weekday is part of its date, and pins its year
    ("ce lundi 7 juin 2021 à Bamako", None, &[("lundi 7 juin 2021", "2021-06-07")]),
    ("En septembre 2020, il jura. Ce lundi 7 juin, il revint.", None, &[("septembre 2020", "2020-09")]),
    ("En septembre 2020, il jura. Ce dimanche 7 juin, il revint.", None, &[("septembre 2020", "2020-09"), ("dimanche 7 juin", "2020-06-07")]),
    // under a year heading, the heading's year
    ("2012\nOn March 22, soldiers deposed the president.", Some("2024-04-02"), &[("2012", "2012"), ("March 22", "2012-03-22")]),
    ("== 2013 ==\n* January 11 – France launched Serval.", Some("2024-04-02"), &[("2013", "2013"), ("January 11", "2013-01-11")]),
    ("--2012--\n\n  • March 22: Soldiers deposed the president.", Some("2013-08-13"), &[("2012", "2012"), ("March 22", "2012-03-22")]),
    // a page's counters are no year heading, nor a year at all
    ("1623\n0\n\nThe council voted on June 30.", None, &[]),
    ("**March 2012**\n\nOn the 22nd, and on April 6, the MNLA", Some("2024-04-02"), &[("March 2012", "2012-03"), ("the 22nd", "2012-03-22"), ("April 6", "2012-04-06")]),
    ("The accord of 2015 held.\nOn March 22, soldiers rioted.", Some("2024-04-02"), &[("2015", "2015"), ("March 22", "2024-03-22")]),
    ("The year was\n2015 when, on March 22, soldiers rioted.", Some("2024-04-02"), &[("2015", "2015"), ("March 22", "2015-03-22")]),
    ("last month the", Some("2023"), &[]),
    ("On November 27 the Ambassador", None, &[]),
    ("in January the talks", None, &[]),
    // relative to the narrative
    ("A peace agreement signed in June 2015. Support the June 20 peace accord.", Some("2021-09-14"),
        &[("June 2015", "2015-06"), ("June 20", "2015-06-20")]),
    ("In March 2009 talks began. On March 12 they ended.", None, &[("March 2009", "2009-03"), ("March 12", "2009-03-12")]),
    ("In 2013 French troops arrived. On June 5 they left.", None, &[("2013", "2013"), ("June 5", "2013-06-05")]),
    // the narrative year: the latest year named before, not an older date of the same month
    ("It began on 2 September 2016. It lasted until March 2017, and was renewed on 18 September.", None,
        &[("2 September 2016", "2016-09-02"), ("March 2017", "2017-03"), ("18 September", "2017-09-18")]),
    ("In May 2015 talks opened. In 2017 they failed, and on 4 May the army left.", None,
        &[("May 2015", "2015-05"), ("2017", "2017"), ("4 May", "2017-05-04")]),
    // negatives: the June of `the June 20 accord` refers back; a document's own date wins where it has one
    ("The accord of June 2015 held. In 2017 the June 20 accord was cited.", None,
        &[("June 2015", "2015-06"), ("2017", "2017"), ("June 20", "2015-06-20")]),
    ("In 2005 the plan began. On November 27 the Ambassador met ATT.", Some("2009-11-30"),
        &[("2005", "2005"), ("November 27", "2009-11-27")]),
    // but a year before it in its own sentence wins over the document's
    ("2015: the accord is signed in Bamako on 20 June.", Some("2023-08-15"), &[("2015", "2015"), ("20 June", "2015-06-20")]),
    ("In 2020 Colonel Goïta seized power on 18 August.", Some("2023-08-15"), &[("2020", "2020"), ("18 August", "2020-08-18")]),
    ("On 18 September the army left.", None, &[]),
    // parts of months without a year, two months, ranges across months
    ("In March 2017 it began. By mid-April it had stopped.", None, &[("March 2017", "2017-03"), ("April", "2017-04")]),
    ("In 2017 it began. At the beginning of June it stopped.", None, &[("2017", "2017"), ("June", "2017-06")]),
    ("In 2016 it rained. In June and July the camps flooded.", None, &[("2016", "2016"), ("June and July", "2016-06/2016-07")]),
    // a bare month needs its cue word right before it (`in`, `the end of`, `mid-`)
    ("In 2016 it began. Work slowed from March until June and stopped.", None,
        &[("2016", "2016"), ("March until June", "2016-03/2016-06")]),
    ("In 2016 it began. Rains came in March, and then June until October.", None,
        &[("2016", "2016"), ("March", "2016-03"), ("October", "2016-10")]),
    ("In 2016 it began. By the end of\n  September it stopped; mid- October it resumed.", None,
        &[("2016", "2016"), ("September", "2016-09"), ("October", "2016-10")]),
    ("In 2016 it began. March was calm, and June hot.", None, &[("2016", "2016")]),
    ("held from 5 May to 2 June 2019 by", None, &[("5 May to 2 June 2019", "2019-05-05/2019-06-02")]),
    ("On 3 and 4 March 2014, talks were held.", None, &[("3 and 4 March 2014", "2014-03-03/2014-03-04")]),
    ("On March 3-4, 2014, talks were held.", None, &[("March 3-4, 2014", "2014-03-03/2014-03-04")]),
    ("On March 3 and 4, 2014, talks were held.", None, &[("March 3 and 4, 2014", "2014-03-03/2014-03-04")]),
    ("on 5 May and 2 June 2019 the talks", None, &[("2 June 2019", "2019-06-02")]),
    // month ranges
    ("From March to June 2018 the mission paused.", None, &[("From March to June 2018", "2018-03/2018-06")]),
    ("Between June 2018 and March 2019 the army regrouped.", None,
        &[("Between June 2018 and March 2019", "2018-06/2019-03")]),
    ("the March–June 2018 offensive", None, &[("March–June 2018", "2018-03/2018-06")]),
    ("from November to February 2019 it rained", None, &[("from November to February 2019", "2018-11/2019-02")]),
    ("Between June 2019 and March 2018 it was calm.", None, &[("June 2019", "2019-06"), ("March 2018", "2018-03")]),
    ("on 9 – 10 May 2019 the", None, &[("9 – 10 May 2019", "2019-05-09/2019-05-10")]),
    // days the narrative just named
    ("On 2 October 2017 the team left. The next day it returned.", None,
        &[("2 October 2017", "2017-10-02"), ("The next day", "2017-10-03")]),
    ("It crashed on November 2. On the same date the agency wrote.", Some("2009-11-30"),
        &[("November 2", "2009-11-02"), ("the same date", "2009-11-02")]),
    ("It was signed in March 2012. The following day they met.", None, &[("March 2012", "2012-03")]),
    ("On 2 October 2017 the team left. The day after, it returned.", None,
        &[("2 October 2017", "2017-10-02"), ("The day after", "2017-10-03")]),
    // set beside a date, it tells of that date
    ("We suspended aid on March 23, 2012, the day after the coup.", None, &[("March 23, 2012", "2012-03-23")]),
    ("Later that day the team left.", None, &[]),
    ("On 4 October 2017 the team left Tiloa. That night it camped.", None,
        &[("4 October 2017", "2017-10-04"), ("That night", "2017-10-04")]),
    ("On 4 October 2017 the team left Tiloa. The next morning it was ambushed.", None,
        &[("4 October 2017", "2017-10-04"), ("The next morning", "2017-10-05")]),
    ("The ambush began on 4 October 2017; the night before, the team camped.", None,
        &[("4 October 2017", "2017-10-04"), ("the night before", "2017-10-03")]),
    ("In March 2017 it began. That night nothing moved.", None, &[("March 2017", "2017-03")]),
    ("Every morning in 2017 the team trained.", None, &[("2017", "2017")]),
    ("The ambush was on 4 October 2017. In the day preceding the ambush the team searched.", None,
        &[("4 October 2017", "2017-10-04"), ("the day preceding", "2017-10-03")]),
    ("In February 2013 a base opened. In that month 150 troops arrived.", None,
        &[("February 2013", "2013-02"), ("that month", "2013-02")]),
    ("Later that month the talks failed.", None, &[]),
    ("Every month the talks go on.", None, &[]),
    // counted from the narrative's last date, of any precision
    ("Tandja was elected in 1999 and deposed ten years later by a coup.", None,
        &[("1999", "1999"), ("ten years later", "2009")]),
    ("The coup was on 18 February 2010. Two years later, Tandja was freed.", None,
        &[("18 February 2010", "2010-02-18"), ("Two years later", "2012")]),
    ("The accord was signed in March 2015. Three months later the mission grew.", None,
        &[("March 2015", "2015-03"), ("Three months later", "2015-06")]),
    ("In May 2014 the rebels took Kidal. A month earlier, talks had failed.", None,
        &[("May 2014", "2014-05"), ("A month earlier", "2014-04")]),
    ("On 3 October 2017 the team left. 2 days later it returned.", None,
        &[("3 October 2017", "2017-10-03"), ("2 days later", "2017-10-05")]),
    ("The war lasted from 1914 to 1918. Two years later, peace held.", None,
        &[("from 1914 to 1918", "1914/1918"), ("Two years later", "1920")]),
    ("In 2005 the plan began; the following year it ended.", None, &[("2005", "2005"), ("the following year", "2006")]),
    ("In 2005 the plan began. The next year it ended.", Some("2023-08-05"), &[("2005", "2005"), ("The next year", "2006")]),
    ("In 2005 the plan began. The previous month, in December, talks failed.", None,
        &[("2005", "2005"), ("December", "2005-12")]),
    ("In March 2012 the army seized power. The previous month, ECOWAS met.", None,
        &[("March 2012", "2012-03"), ("The previous month", "2012-02")]),
    ("In March 2012 the army seized power. Later that year, ECOWAS met.", None,
        &[("March 2012", "2012-03"), ("Later that year", "2012")]),
    ("On 3 October 2017 the team left. Through the night of the 4th, it moved north.", None,
        &[("3 October 2017", "2017-10-03"), ("the 4th", "2017-10-04")]),
    ("On 3 October 2017 the team left. A week later it returned.", None,
        &[("3 October 2017", "2017-10-03"), ("A week later", "2017-10-10")]),
    // counted back from the document's date
    ("Two days ago, Goïta met the mediator.", Some("2024-03-14"), &[("Two days ago", "2024-03-12")]),
    ("Three weeks ago, sanctions were announced.", Some("2024-03-14"), &[("Three weeks ago", "2024-02-22")]),
    ("Two months ago, Russia delivered helicopters.", Some("2024-03-14"), &[("Two months ago", "2024-01")]),
    ("The junta expelled him a year ago.", Some("2024-03-14"), &[("a year ago", "2023")]),
    ("The junta expelled him two years ago.", Some("2024"), &[("two years ago", "2022")]),
    // ...not when there is nothing to count from, or the count is approximate
    ("Ten years later the talks resumed.", None, &[]),
    ("Two days ago, Goïta met the mediator.", None, &[]),
    ("Two days ago, Goïta met the mediator.", Some("2024-03"), &[]),
    ("About two years ago, the junta expelled him.", Some("2024-03-14"), &[]),
    ("Many years ago, it began; 800 years ago, Mansa Musa ruled.", Some("2024-03-14"), &[]),
    ("In 2010 it began. About two years later, it ended.", None, &[("2010", "2010")]),
    ("In 2010 it began. More than a year later, it ended.", None, &[("2010", "2010")]),
    ("In 2010 it began. Several years later, it ended.", None, &[("2010", "2010")]),
    ("In March 2012 it began. Two days later it ended.", None, &[("March 2012", "2012-03")]),
    ("In 2010 it began. On the 4th, nothing.", None, &[("2010", "2010")]),
    ("In May 2019 the 1st Marine Infantry Parachute Regiment led the 4th raid.", None, &[("May 2019", "2019-05")]),
    ("In 2010 the years of war began, two years in all.", None, &[("2010", "2010")]),
    // `since`: to the document's year, or the year alone when it has none
    ("Five coups have happened since 2020 in the region.", Some("2023-07-31"), &[("since 2020", "2020/2023")]),
    ("A drone hub has been used since 2013 by France.", None, &[("since 2013", "2013")]),
    ("It has held since 2023 at least.", Some("2023-07-31"), &[("since 2023", "2023")]),
    // years before 1600: a history's
    ("Mansa Musa made his pilgrimage to Mecca in 1324.", None, &[("1324", "1324")]),
    ("The empire was founded c. 1235 by Sundiata Keita.", None, &[("1235", "1235")]),
    ("In 1591, a Moroccan army defeated the Songhai.", None, &[("1591", "1591")]),
    // not dates
    ("REF: A. STATE 1087 B. STATE 1102", None, &[]),
    ("some 1200 soldiers and 1450 km", None, &[]),
    ("foreign assistance of $130 million officially", None, &[]),
    ("the last 2,400 troops of", None, &[]),
    ("about 1500 soldiers", None, &[]),
    // an approximate year after a date's preposition
    ("In about 1325, Mansa Musa passed through Cairo.", None, &[("1325", "1325")]),
    ("The town was founded in around 1100 by traders.", None, &[("1100", "1100")]),
    ("They lived there from about 1900 until the war.", None, &[("1900", "1900")]),
    ("The aid reached about 1500 villages in 2013.", None, &[("2013", "2013")]),
    ("It was found in about 1500 villages.", None, &[]),
    ("2000 troops were sent", None, &[]),
    ("approximately 65 miles outside of Bamako", None, &[]),
    ("for more than 40 years", None, &[]),
    ("[167] This military intervention", None, &[]),
    ("REF: A. BAMAKO 754 B. 2008 BAMAKO 217 Classified", None, &[]),
    ("E.O. 12958: DECL: 11/30/2019 TAGS: PREL", None, &[]),
    ("see https://www.state.gov/2019/report.html today", None, &[]),
    ("see https://www.whitehouse.gov/briefing-room/2022/11/10/remarks today", None, &[]),
    ("the 2018/20 plan", None, &[("2018", "2018")]),
    ("file mali_2012.png attached", None, &[]),
    ("the impact of COVID-19 on", None, &[]),
    ("ranking of 178 out of 189 countries", None, &[]),
    ("the Boeing 727 which", None, &[]),
    ("the Vision 2030 plan", None, &[]),
    // citations: the year a work appeared
    ("noted this pattern (Huntington 1957; Finer 1962).", None, &[]),
    ("training programmes (Powell 2017, p. 45).", None, &[]),
    ("in several countries (Smith et al. 2019).", None, &[]),
    ("unanimously adopting resolution 2690 (2023) under Chapter VII", None, &[]),
    ("created by resolution 2100 (2013) in April 2013", None, &[("April 2013", "2013-04")]),
    ("As Savage and Caverley (2017) show, training", None, &[]),
    ("Wing (2016) argues that the coup of 2012 was", None, &[("2012", "2012")]),
    ("the Algiers Accord (2015) set out", None, &[("2015", "2015")]),
    ("(In 2012) the army", None, &[("2012", "2012")]),
    ("increased 150% thanks", None, &[]),
    ("a 5-year compact", None, &[]),
    ("They may march in the streets.", None, &[]),
    ("SECTION 01 OF 03 BAMAKO 000776", None, &[]),
    ("up 2019% overall", None, &[]),
    ("about 2,000 people", None, &[]),
    ("it was 1.4 ( b ) ( d )", None, &[]),
    ("in recent years and today", Some("2021-09-14"), &[]),
    ("June 31, 2015 is not a day", None, &[("2015", "2015")]),
];

#[test]
fn the_table() {
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for (text, doc, expected) in CASES {
        let got = tag(text, *doc);
        let want: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        if got != want {
            failures.push(format!("{text:?} (doc {doc:?})\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}
