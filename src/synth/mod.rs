//! A synthetic corpus of realistic documents of every bundled kind, with
//! dates, names, cable markup and mojibake, at a given size and seed: for
//! benchmarks and robustness tests. Deterministic for a seed.

use crate::extract::timex::MONTH_NAMES as MONTHS;
use crate::ingest::Input;

mod shapes;
pub use shapes::Shape;

const ACTORS: [&str; 12] = [
    "the United States",
    "Mali",
    "France",
    "ECOWAS",
    "the African Union",
    "USAID",
    "the Malian Armed Forces",
    "Algeria",
    "Niger",
    "the European Union",
    "MINUSMA",
    "Burkina Faso",
];
const PEOPLE: [&str; 8] = [
    "President Ibrahim Boubacar Keïta",
    "Colonel Assimi Goïta",
    "General Carter Ham",
    "Ambassador Mary Beth Leonard",
    "Foreign Minister Abdoulaye Diop",
    "President Macky Sall",
    "Senator Chris Coons",
    "Prime Minister Moctar Ouane",
];
const VERBS: [&str; 10] = [
    "signed an agreement with",
    "suspended assistance to",
    "met with",
    "condemned the coup against",
    "pledged $40 million to",
    "deployed 1,200 troops alongside",
    "held talks with",
    "announced sanctions on",
    "resumed aid to",
    "trained special forces with",
];

const TITLES: [&str; 8] =
    ["President", "Minister", "Ambassador", "General", "Colonel", "Governor", "Senator", "Deputy Minister"];
const GIVEN: [&str; 24] = [
    "Amadou",
    "Ibrahim",
    "Moussa",
    "Modibo",
    "Oumar",
    "Fatoumata",
    "Aminata",
    "Boubacar",
    "Soumaïla",
    "Cheick",
    "Mariam",
    "Issa",
    "Hamadoun",
    "Sidi",
    "Tiébilé",
    "Mahamadou",
    "John",
    "Susan",
    "Michael",
    "Linda",
    "Robert",
    "Karen",
    "David",
    "Helen",
];
const FAMILY: [&str; 24] = [
    "Touré",
    "Keïta",
    "Traoré",
    "Konaré",
    "Maïga",
    "Diarra",
    "Coulibaly",
    "Cissé",
    "Sidibé",
    "Dembélé",
    "Sangaré",
    "Diallo",
    "Kouyaté",
    "Doumbia",
    "Sylla",
    "Haidara",
    "Walker",
    "Bennett",
    "Harrison",
    "Fletcher",
    "Morgan",
    "Sullivan",
    "Whitman",
    "Caldwell",
];
const ORG_TOPICS: [&str; 12] = [
    "National",
    "Regional",
    "Sahel",
    "Water",
    "Health",
    "Education",
    "Security",
    "Agricultural",
    "Cotton",
    "Mining",
    "Electoral",
    "Justice",
];
const ORG_FORMS: [&str; 6] = ["Ministry", "Commission", "Council", "Agency", "Institute", "Fund"];
const PLACES: [&str; 12] = [
    "Bamako", "Timbuktu", "Gao", "Kidal", "Mopti", "Ségou", "Sikasso", "Kayes", "Ménaka", "Niamey", "Dakar", "Tessalit",
];
const SUBJECTS: [&str; 8] =
    ["Officials", "The embassy", "Analysts", "The report", "Local leaders", "Donors", "Observers", "The government"];
const REPORTING: [&str; 6] =
    ["noted that", "warned that", "argued that", "said that", "believed that", "stressed that"];
const FINDINGS: [&str; 12] = [
    "security in the north remained fragile",
    "food prices had risen sharply",
    "the transition timetable was uncertain",
    "donor funding for health programmes was under review",
    "armed groups controlled several rural roads",
    "cotton exports had recovered",
    "teachers had not been paid for months",
    "the army lacked vehicles and fuel",
    "displaced families were returning slowly",
    "local councils struggled to collect taxes",
    "trade across the border had fallen",
    "the opposition doubted the electoral roll",
];
const QUALIFIERS: [&str; 6] = [
    "according to several residents",
    "despite repeated promises",
    "as aid workers reported",
    "in spite of the rains",
    "while talks continued",
    "by most accounts",
];

/// splitmix64: enough randomness for varied text, and reproducible.
pub(crate) struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn date(rng: &mut Rng) -> String {
    let year = 1960 + rng.below(64);
    let month = rng.pick(&MONTHS);
    match rng.below(4) {
        0 => format!("{} {month} {year}", 1 + rng.below(28)),
        1 => format!("{month} {}, {year}", 1 + rng.below(28)),
        2 => format!("{month} {year}"),
        _ => format!("{year}"),
    }
}

/// A named person from a pool of a few thousand, so that entity counts grow
/// with the corpus as they do in real collections.
fn person(rng: &mut Rng) -> String {
    if rng.below(3) == 0 {
        return rng.pick(&PEOPLE).to_string();
    }
    format!("{} {} {}", rng.pick(&TITLES), rng.pick(&GIVEN), rng.pick(&FAMILY))
}

fn actor(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("the {} {}", rng.pick(&ORG_TOPICS), rng.pick(&ORG_FORMS)),
        1 => person(rng),
        _ => rng.pick(&ACTORS).to_string(),
    }
}

/// A sentence with a date: what becomes a claim.
fn dated_sentence(rng: &mut Rng) -> String {
    let (actor, other, verb) = (actor(rng), actor(rng), rng.pick(&VERBS));
    match rng.below(3) {
        0 => format!("In {}, {actor} {verb} {other}.", date(rng)),
        1 => format!("{actor} {verb} {other} on {}.", date(rng)),
        _ => format!("On {}, {actor} {verb} {other} in {}.", date(rng), rng.pick(&PLACES)),
    }
}

/// Context without a date, as most sentences of real documents are.
fn undated_sentence(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!("{} {} {}.", rng.pick(&SUBJECTS), rng.pick(&REPORTING), rng.pick(&FINDINGS)),
        1 => format!(
            "{} has worked with {} for more than {} years, the statement said.",
            actor(rng),
            actor(rng),
            2 + rng.below(60)
        ),
        _ => format!("In {}, {} {}.", rng.pick(&PLACES), rng.pick(&FINDINGS), rng.pick(&QUALIFIERS)),
    }
}

/// About one sentence in six carries a date, near the bundled corpus's density.
fn sentence(rng: &mut Rng) -> String {
    if rng.below(6) == 0 {
        dated_sentence(rng)
    } else {
        undated_sentence(rng)
    }
}

fn cable_line(rng: &mut Rng) -> String {
    let month = rng.pick(&MONTHS).to_uppercase();
    if rng.below(3) > 0 {
        return format!("[ORG ATT  ] told [PER {}  ] that {} . ", person(rng), rng.pick(&FINDINGS));
    }
    match rng.below(3) {
        0 => format!("( S ) On {} {} the Ambassador met with [MISC Malian  ] President [PER Amadou Toumani Toure  ] ( [ORG ATT  ] ) in [LOC Bamako  ] . ", rng.pick(&MONTHS), 1 + rng.below(28)),
        1 => format!("[ORG ATT  ] said the [ORG AQIM  ] threat in [LOC Northern Mali  ] is growing , REF {month} 2008 [ORG BAMAKO  ] {} . ", rng.below(900)),
        _ => format!("General [PER Ward  ] thanked the President for [LOC Mali  ] 's support . <a id='par{0}' href='#par{0}'>¶</a>{0} . ", rng.below(20)),
    }
}

/// One document of a kind chosen by the seed, about `target` bytes long.
fn document(rng: &mut Rng, index: usize, target: usize) -> Input {
    let kind = rng.below(5);
    let mut text = match kind {
        0 => format!("Mali - US Relations {index}\n\n"),
        1 => format!("US and Malian Relations\n\nPosted on {} by analyst{index}\n\n", date(rng)),
        2 => format!("---\ntitle: Mali relations {index}\ndate: 2019-0{}-1{}\n---\n\n# Overview\n\n", 1 + rng.below(9), rng.below(9)),
        3 => format!("<code><pre>S E C R E T SECTION 01 OF 02 [ORG BAMAKO  ] 000{index} SIPDIS E.O. 12958: [LOC DECL:  ] 11/30/2019 TAGS: PREL\n"),
        _ => format!("**Mali: Strategic Analysis {index}**\n\n### **Preface**\n\n"),
    };
    while text.len() < target {
        let line = if kind == 3 { cable_line(rng) } else { sentence(rng) };
        text.push_str(&line);
        text.push(if kind == 3 || rng.below(4) == 0 { '\n' } else { ' ' });
        if kind == 0 && rng.below(10) == 0 {
            text.push_str("The countryís transition and Maliís partners ďagreedĒ. ");
        }
    }
    if kind == 0 {
        text.push_str("\n\nPage last modified: 14-09-2021 15:43:31 ZULU");
    }
    let ext = if kind == 2 { "md" } else { "txt" };
    Input { path: format!("synthetic/{index:06}.{ext}"), bytes: text.into_bytes() }
}

/// Documents of about `doc_bytes` each, adding up to about `total_bytes`.
pub fn corpus(total_bytes: usize, doc_bytes: usize, seed: u64) -> Vec<Input> {
    let mut size = 0;
    documents(doc_bytes, seed)
        .take_while(|doc| {
            let more = size < total_bytes;
            size += doc.bytes.len();
            more
        })
        .collect()
}

/// An endless, reproducible stream of documents of about `doc_bytes` each,
/// so that a gigabyte can be written without holding it.
pub fn documents(doc_bytes: usize, seed: u64) -> impl Iterator<Item = Input> {
    let mut rng = Rng(seed);
    (0..).map(move |index| document(&mut rng, index, doc_bytes))
}
