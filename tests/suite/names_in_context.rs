//! People, places and organisations told by their context, in sentences of
//! the kinds real documents hold; and words that look like names but are not.

use crate::common;

use annals::ingest::Input;
use annals::model::EntityKind;

/// The entities annals finds in one sentence, as (name, kind), with a row
/// for each alias.
fn entities(sentence: &str) -> Vec<(String, EntityKind)> {
    let text = format!("{sentence}\n");
    let corpus = common::build(vec![Input { path: "doc.txt".into(), bytes: text.into_bytes() }]);
    let names =
        |e: &annals::model::Entity| std::iter::once(e.name.clone()).chain(e.aliases.clone()).collect::<Vec<_>>();
    corpus.entities.iter().flat_map(|e| names(e).into_iter().map(move |n| (n, e.kind))).collect()
}

fn has(sentence: &str, name: &str, kind: EntityKind) -> bool {
    entities(sentence).iter().any(|(n, k)| n == name && *k == kind)
}

const CREDITS: &str = "Aid arrived.\n\n(Reporting by Tiemoko Diallo and Fadimata Kontao in Bamako, additional \
                       reporting by John Irish in Paris; Editing by Alex Richardson)";

const COULIBALY: &str =
    "General Abdoulaye Coulibaly, Chief of the General Staff of the Malian Armed Forces (FAMa), left.";

const FOUND: &[(&str, &str, EntityKind)] = &[
    // people: a given name, a particle, an apposition, a role before the name
    ("The convoy was led by Jeremiah Johnson and two other soldiers.", "Jeremiah Johnson", EntityKind::Person),
    ("Reporting from the capital, Amina Traoré said the talks had failed.", "Amina Traoré", EntityKind::Person),
    ("Thomas D. Waldhauser testified before the committee.", "Thomas D. Waldhauser", EntityKind::Person),
    // a given name after an initial
    ("The envoy for the Sahel, J. Peter Pham, told reporters the talks would resume.", "J. Peter Pham", EntityKind::Person),
    ("On 4 March 2021, T. Michael Smith met the minister in Bamako.", "T. Michael Smith", EntityKind::Person),
    ("The raid was led by Tinka ag Almouner and his men.", "Tinka ag Almouner", EntityKind::Person),
    ("Witnesses saw Mohamed ould Cheikh at the market.", "Mohamed ould Cheikh", EntityKind::Person),
    ("Talks with Alghabass Ag Intalla stalled in 2019.", "Alghabass Ag Intalla", EntityKind::Person),
    ("Sidi Brahim Ould Sidati was shot dead in Bamako.", "Sidi Brahim Ould Sidati", EntityKind::Person),
    // a titled name holds no other person's known surname
    (
        "Goïta named Choguel Kokalla Maïga prime minister, and Colonel Abdoulaye Maïga government spokesman.",
        "Abdoulaye Maïga",
        EntityKind::Person,
    ),
    // a byline of two
    ("Envoy expelled\nBy Aïssata Touré and Paul Martin\nThe talks failed.", "Aïssata Touré", EntityKind::Person),
    ("Envoy expelled\nBy Aïssata Touré and Paul Martin\nThe talks failed.", "Paul Martin", EntityKind::Person),
    ("Junta leader sworn in\n\nBy BABA AHMED and SAM MEDNICK Associated Press\n\nBAMAKO, Mali (AP) — It rained.", "Baba Ahmed", EntityKind::Person),
    ("Junta leader sworn in\n\nBy BABA AHMED and SAM MEDNICK Associated Press\n\nBAMAKO, Mali (AP) — It rained.", "Sam Mednick", EntityKind::Person),
    // a given name of the region, which the U.S. list lacks
    ("His successor, Yazid Mebrak, was named in November.", "Yazid Mebrak", EntityKind::Person),
    ("The talks were led by Seydou Traoré for the government.", "Seydou Traoré", EntityKind::Person),
    ("Doundou Chefou, a senior commander of the group, escaped.", "Doundou Chefou", EntityKind::Person),
    ("The claim was denied by spokesman Sidi Kone on Monday.", "Sidi Kone", EntityKind::Person),
    ("The first president of Niger Hamani Diori was overthrown.", "Hamani Diori", EntityKind::Person),
    (
        "Classified By: Political Counselor Peter Newman, Embassy Bamako, for reasons 1.4.",
        "Peter Newman",
        EntityKind::Person,
    ),
    ("The ambush was filmed by Jeremiah Johnson's helmet camera.", "Jeremiah Johnson", EntityKind::Person),
    ("He met Foreign Minister (FM) Mindaoudou on Thursday.", "Mindaoudou", EntityKind::Person),
    ("The escort was led by LCDR Smith in the boat.", "Smith", EntityKind::Person),
    ("The patrol was led by Sgt. First Class Brent Bartels that day.", "Brent Bartels", EntityKind::Person),
    (
        "Deputy Representative of the United Nations Office on Drugs and Crime (UNODC) Cyriaque Sobtafo spoke.",
        "Cyriaque Sobtafo",
        EntityKind::Person,
    ),
    // a person before a comma, and a body's known acronym after its name
    (COULIBALY, "Abdoulaye Coulibaly", EntityKind::Person),
    (COULIBALY, "FAMa", EntityKind::Organization),
    // a news agency's credits: each person, whatever their role
    (CREDITS, "Tiemoko Diallo", EntityKind::Person),
    (CREDITS, "Fadimata Kontao", EntityKind::Person),
    (CREDITS, "John Irish", EntityKind::Person),
    (CREDITS, "Alex Richardson", EntityKind::Person),
    // places: a place noun, a listed place after a preposition, a compass word, a strong cue
    ("Fighting spread across the Tahoua Region that spring.", "Tahoua Region", EntityKind::Place),
    ("The team was based outside Ouallam at the time.", "Ouallam", EntityKind::Place),
    ("Aid convoys left from Mogadishu every week.", "Mogadishu", EntityKind::Place),
    ("Drought struck West Africa hardest.", "West Africa", EntityKind::Place),
    // a country by its French name, as documents from the region write it
    ("Nigerien troops served in Liberia and Guinée-Bissau.", "Guinea-Bissau", EntityKind::Country),
    ("Le Tchad et la Mauritanie ont signé.", "Chad", EntityKind::Country),
    // a region told by its adjective, as a country is by its demonym
    ("On July 30, West African leaders announced sanctions.", "West Africa", EntityKind::Place),
    ("In the broader West African region, Mali's instability matters.", "West Africa", EntityKind::Place),
    ("Sahelian herders crossed the border.", "Sahel", EntityKind::Place),
    ("A raid took place in Northern Burkina Faso last year.", "Northern Burkina Faso", EntityKind::Place),
    ("The team reached the village of Tongo before dawn.", "Tongo", EntityKind::Place),
    ("Fighters attacked a customs post in Markoye, Burkina Faso, at night.", "Markoye", EntityKind::Place),
    ("Recruits are trained at Tondibiah base with others.", "Tondibiah", EntityKind::Place),
    ("Attacks rose in the Tahoua and Tillabéri regions of Niger.", "Tahoua", EntityKind::Place),
    ("Civilians were killed in Tchin-Tabaradene, Gharo and In-Gall in 1990.", "Gharo", EntityKind::Place),
    ("Civilians were killed in Tchin-Tabaradene, Gharo and In-Gall in 1990.", "In-Gall", EntityKind::Place),
    ("It is a Dakar, Senegal-based subsidiary of the firm.", "Dakar", EntityKind::Place),
    // organisations: an ordinal before the name, a domain word kept inside it
    ("Soldiers of the 3rd Special Forces Group trained there.", "3rd Special Forces Group", EntityKind::Organization),
    ("The Security Assistance Office handled the request.", "Security Assistance Office", EntityKind::Organization),
    ("Troops served in Rwanda (MINURCA) for a year.", "MINURCA", EntityKind::Organization),
    (
        "Niger sent a battalion to the UN Mission in Ivory Coast that year.",
        "UN Mission in Ivory Coast",
        EntityKind::Organization,
    ),
    (
        "Officers trained at the Royal Air Force School of Marrakech for years.",
        "Royal Air Force School of Marrakech",
        EntityKind::Organization,
    ),
    ("The clubs ASFAN, AS-FNIS and AS Police play in the league.", "AS Police", EntityKind::Organization),
    // an acronym alone in running text, never spelled out
    ("The clubs ASFAN, AS-FNIS and AS Police play in the league.", "ASFAN", EntityKind::Organization),
    ("The clubs ASFAN, AS-FNIS and AS Police play in the league.", "AS-FNIS", EntityKind::Organization),
    ("The inquiry was placed solely with the DGSE that week.", "DGSE", EntityKind::Organization),
    (
        "The raid was led by the Air Parachute Commando n° 10 at dawn.",
        "Air Parachute Commando n° 10",
        EntityKind::Organization,
    ),
    (
        "They are similar to the Internal Troops of the former Soviet Union.",
        "Internal Troops",
        EntityKind::Organization,
    ),
    ("The collapse of the Gaddafi regime armed the rebels.", "Gaddafi", EntityKind::Person),
    ("Aid rose under the Obama administration in 2013.", "Obama administration", EntityKind::Organization),
    (
        "The letters were from the Civil Aviation Agency in Guinea-Bissau (AACGB) in May.",
        "AACGB",
        EntityKind::Organization,
    ),
    ("Not even the Drug Brigade of the Malian Judiciary Police was told.", "Drug Brigade", EntityKind::Group),
    // a person of a body; a body named in French
    ("The study by Dr. Jane Smith of Georgetown University came out.", "Jane Smith", EntityKind::Person),
    ("The study by Dr. Jane Smith of Georgetown University came out.", "Georgetown University", EntityKind::Organization),
    ("Ousmane Diarra of the Université de Bamako wrote it.", "Ousmane Diarra", EntityKind::Person),
    ("He studied at the Université de Bamako for years.", "Université de Bamako", EntityKind::Organization),
    ("He taught at the University of California for years.", "University of California", EntityKind::Organization),
    ("It was the Department of the Treasury's second action.", "Department of the Treasury", EntityKind::Organization),
    ("Paris announced the withdrawal of Operation Barkhane on February 17.", "Operation Barkhane", EntityKind::Program),
    // an agreement named for where it was signed, or for what it settles
    ("In 2015 the parties signed the Algiers peace accord in Mali.", "Algiers peace accord", EntityKind::Program),
    ("The Ouagadougou Agreement of 2013 allowed elections.", "Ouagadougou Agreement", EntityKind::Program),
    ("The Treaty of Versailles was signed by Germany.", "Treaty of Versailles", EntityKind::Program),
    ("The Status of Forces Agreement was signed by Niger.", "Status of Forces Agreement", EntityKind::Program),
    (
        "Mali signed the Agreement on Peace and Reconciliation in Mali in 2015.",
        "Agreement on Peace and Reconciliation in Mali",
        EntityKind::Program,
    ),
    // a movement named for its cause
    (
        "MUJAO merged with al-Mourabitoun, which swore allegiance to al-Qaeda.",
        "al-Mourabitoun",
        EntityKind::Group,
    ),
    (
        "Efforts focused on the Algerian Group for Call and Combat which became AQMI.",
        "Algerian Group for Call and Combat",
        EntityKind::Organization,
    ),
    (
        "Two groups formed: the Front for the Liberation of Aïr and Azaouak and the Front for the Liberation of Tamoust.",
        "Front for the Liberation of Tamoust",
        EntityKind::Group,
    ),
    ("The Movement for Unity and Jihad in West Africa attacked Gao.", "Movement for Unity and Jihad in West Africa", EntityKind::Group),
    (
        "Not even the Drug Brigade of the Malian Judiciary Police was told.",
        "Malian Judiciary Police",
        EntityKind::Organization,
    ),
    ("The Supreme Council of the Armed Forces met.", "Supreme Council of the Armed Forces", EntityKind::Organization),
    (
        "The African Union Peace and Security Council met on June 1.",
        "African Union Peace and Security Council",
        EntityKind::Organization,
    ),
    (
        "FM AMEMBASSY NIAMEY\nTO SECSTATE WASHDC 0123\nThe Embassy Niamey met.",
        "AMEMBASSY NIAMEY",
        EntityKind::Organization,
    ),
    ("AACGB wrote to the Malian National Civil Aviation Authority (ANAC) in May.", "ANAC", EntityKind::Organization),
    (
        "Classified By: Political Counselor Peter Newman, Embassy Bamako, for reasons 1.4.",
        "Embassy Bamako",
        EntityKind::Organization,
    ),
    ("FM AMEMBASSY NIAMEY\nTO SECSTATE WASHDC 0123\nThe talks went on.", "AMEMBASSY NIAMEY", EntityKind::Organization),
    (
        "It is a subsidiary of Malaga, Spain-based West African Aviation, an agent.",
        "West African Aviation",
        EntityKind::Organization,
    ),
    (
        "AACGB wrote to the Malian National Civil Aviation Authority (ANAC) in May.",
        "Malian National Civil Aviation Authority",
        EntityKind::Organization,
    ),
    // a body or a place named for a person
    ("The wounded were taken to Gabriel Touré Hospital on 5 May 2022.", "Gabriel Touré Hospital", EntityKind::Organization),
    ("Crowds gathered at the Seydou Diarra Stadium in March 2021.", "Seydou Diarra Stadium", EntityKind::Place),
    ("Troops guarded the Selingue Dam in 2012.", "Selingue Dam", EntityKind::Place),
    ("The Crisis\n\nCommentary by Judd Devermont and Marielle Harris — Published January 14, 2021\n\nText.",
        "Marielle Harris", EntityKind::Person),
    // an apposition's role, whatever words come first (`States` is no verb of saying)
    ("A Nigerien official said that Jane Okafor, the then-United States Ambassador to Niger, asked for it.", "Jane Okafor", EntityKind::Person),
    // a correspondent and where they write from, on a line alone
    ("US backs ECOWAS sanctions\n\nFrom Aidoghie Paulinus, Abuja\n\nThe United States backed them.", "Aidoghie Paulinus", EntityKind::Person),
    // the region's states and rulers before the colonial era
    ("The Mali Empire reached its height under Mansa Musa in 1324.", "Mali Empire", EntityKind::Country),
    ("The Mali Empire reached its height under Mansa Musa in 1324.", "Mansa Musa", EntityKind::Person),
    ("Sonni Ali of the Songhai Empire took Timbuktu in 1468.", "Songhai Empire", EntityKind::Country),
    // a cover's line that is a body's name alone names its publisher
    ("Mali: Conflict and Transition\n\nCongressional Research Service\n\nMali had two coups since 2020.",
        "Congressional Research Service", EntityKind::Organization),
    // an e-mail's header names its sender and recipients
    (EMAIL, "Jacob J. Sullivan", EntityKind::Person),
    (EMAIL, "Cheryl D. Mills", EntityKind::Person),
    (EMAIL, "Victoria Nuland", EntityKind::Person),
    // an office of several words before the name, and a list of officials set with dashes
    ("Secretary of Homeland Security Janet Napolitano spoke in May 2012.", "Janet Napolitano", EntityKind::Person),
    ("Former Assistant Secretary of State for African Affairs Linda Mason visited Bamako.", "Linda Mason", EntityKind::Person),
    // a given name the lists do not know, after the office's portfolio
    ("Deputy Assistant Secretary of Defense for African Affairs Chidi Blyden spoke in May 2022.", "Chidi Blyden", EntityKind::Person),
    ("The Minister of Foreign Affairs of Mali Abdoulaye Diop spoke in May 2022.", "Abdoulaye Diop", EntityKind::Person),
    (OFFICIALS, "Andrew Young", EntityKind::Person),
    (OFFICIALS, "Rebecca Black", EntityKind::Person),
    (OFFICIALS, "Lassine Bouare", EntityKind::Person),
];

/// An e-mail as a released archive prints it.
const EMAIL: &str = "From: Sullivan, Jacob J <SullivanJJ@state.gov>\nSent: Tuesday, January 15, 2013 8:12 AM\n\
                     To: H; Africa Desk <desk@state.gov>\nCc: Mills, Cheryl D; Victoria Nuland\nSubject: Mali update\n\nFrench forces struck Gao.\n";

/// A Background Note's list of officials: a title, a dash, a name, a line each.
const OFFICIALS: &str = "Principal U.S. Officials\nDeputy Chief of Mission--Andrew Young\nUSAID Mission \
                         Director--Rebecca Black\nMinister of Economy — Lassine Bouare\n";

#[test]
fn names_told_by_their_context_are_found() {
    let misses: Vec<String> = FOUND
        .iter()
        .filter(|(sentence, name, kind)| !has(sentence, name, *kind))
        .map(|(sentence, name, _)| format!("{name:?} in {sentence:?}: found {:?}", entities(sentence)))
        .collect();
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

const NOT_NAMES: &[(&str, &str)] = &[
    ("Still, the talks went on for a week.", "Still"),
    ("However Mali refused the offer.", "However"),
    ("In June Barkhane withdrew.", "June"),
    ("Conflict Resolution And Peace\nThe talks went on.", "Conflict Resolution"),
    ("Will Mali accept the offer?", "Will Mali"),
    ("They met in Bamako and then in Paris.", "Bamako and"),
    ("The Ministry of Defense and the National Guard met.", "Ministry of Defense and the National Guard"),
    ("ECOWAS and the African Union Commission met in Accra.", "ECOWAS and the African Union Commission"),
    ("He spoke in English to the crowd.", "English"),
    ("Grace periods were extended in May.", "Grace"),
    ("DE RUEHNM #0048 0141609\nThe talks went on.", "DE RUEHNM"),
    ("REF: A. BAMAKO 754\nPARIS FOR AF WATCHER\nThe talks went on.", "BAMAKO"),
    ("The clubs ASFAN, AS-FNIS and AS Police play in the league.", "AS-FNIS and AS Police"),
    ("The air force has a Chief of Staff Office and two squadrons.", "Staff Office"),
    ("The Army 2012 plan was shelved.", "Army 2012"),
    ("Fighting broke out near the Soviet regime's last bases.", "Soviet"),
    ("REF: A. BAMAKO 754\nPARIS FOR AF WATCHER\nThe talks went on.", "PARIS"),
    ("Frank Narrative\nThe talks went on.", "Frank Narrative"),
    ("Western nations were concerned.", "Western"),
    ("Brent Bartels (WIA) was flown out.", "WIA"),
    ("THE INQUIRY WAS PLACED WITH THE DGSE THAT WEEK.", "DGSE"),
    ("The talks, reported in BAMAKO 754, went on for a week.", "BAMAKO"),
    ("The page was last changed at 15:43 ZULU by the editors.", "ZULU"),
    ("The escort was led by LCDR Smith in the boat.", "LCDR"),
    ("The talks resumed in NOVEMBER after the long rains.", "NOVEMBER"),
    ("In 2015 the parties signed the Algiers peace accord in Mali.", "Algiers"),
    (CREDITS, "Ireland"),
    ("I met with the Foreign\nMinister (FM) Mindaoudou on Thursday.", "Foreign\nMinister"),
    ("I met with the Foreign\nMinister (FM) Mindaoudou on Thursday.", "Foreign Minister"),
    ("The escort was led by LCDR Smith in the boat.", "LCDR Smith"),
    (
        "AACGB wrote to the Malian National Civil Aviation Authority (ANAC) in May.",
        "AACGB to the Malian National Civil Aviation Authority",
    ),
    // an acronym of another language names no more than its side of a comma,
    // and a known one's name is the gazetteer's
    (COULIBALY, "General Abdoulaye Coulibaly, Chief of the General Staff of the Malian Armed Forces"),
    (COULIBALY, "Chief of the General Staff of the Malian Armed Forces"),
    ("The General Staff met in Bamako.", "Staff"),
    // a heading's title names no one below it; a transcript's speaker is no body
    ("Report of the Secretary-General\n\nI. Introduction\n\nThe talks went on.", "I. Introduction"),
    ("QUESTION: Ned, does the United States still support the sanctions on Mali?", "QUESTION"),
    // a capitalised `Department of` begins a body, not a place's name
    ("It was cut under the Department of State, Foreign Operations, and Related Programs Act.", "Foreign Operations"),
    ("Air Base 201 became operational in November 2019.", "Air Base"),
    // an office addressed is no one's name
    ("Ms. BASS. Thank you, Mr. Chairman. We agree.", "Chairman"),
    ("Mr. Speaker, I yield the floor.", "Speaker"),
    // a name ends before its possessive, before a date and before where a known body is
    ("It was the Department of the Treasury's second action.", "Department of the Treasury's"),
    ("Paris announced the withdrawal of Operation Barkhane on February 17.", "Operation Barkhane on February 17"),
    ("The government hired the Wagner Group in Mali to train troops.", "Wagner Group in Mali"),
    (EMAIL, "H"),
    (EMAIL, "Tuesday"),
    (EMAIL, "Africa Desk"),
    // a name ends with its line in a list
    (OFFICIALS, "Andrew Young USAID Mission"),
    (OFFICIALS, "Young"),
    // a role after `says` is the speaker's, in a headline's title case too
    (
        "Maintaining Peacekeepers without Consent Untenable, Says Council President\n\nThe council voted.",
        "Consent Untenable",
    ),
    ("Peace Talks Are Over, said Foreign Minister Abdoulaye Diop.", "Peace Talks Are Over"),
];

#[test]
fn words_that_look_like_names_are_not() {
    let wrong: Vec<String> = NOT_NAMES
        .iter()
        .filter_map(|(sentence, bad)| {
            let found = entities(sentence);
            found.iter().any(|(n, _)| n == bad).then(|| format!("{bad:?} in {sentence:?}: {found:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// `From` opens a correspondent's line only on a line alone, and a known
/// place is no correspondent: a sentence from a place names no person.
#[test]
fn a_sentence_from_a_place_names_no_correspondent() {
    let cases = [
        ("From Burkina Faso, Niger\nTroops moved north.", "Burkina Faso", EntityKind::Country),
        ("From West Africa, troops moved north.", "West Africa", EntityKind::Place),
    ];
    for (text, place, kind) in cases {
        let people: Vec<(String, EntityKind)> =
            entities(text).into_iter().filter(|(_, k)| *k == EntityKind::Person).collect();
        assert!(people.is_empty(), "{text:?}: {people:?}");
        assert!(has(text, place, kind), "{text:?}");
    }
}

#[test]
fn a_surname_alone_is_the_person_named_before() {
    let text = "Cyriaque Sobtafo, an official of the agency, met us. Later Sobtafo added that the plane burned.\n";
    let corpus = common::build(vec![Input { path: "doc.txt".into(), bytes: text.as_bytes().to_vec() }]);
    let people: Vec<_> = corpus.entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
    assert_eq!(people.len(), 1, "one person, named twice");
    assert_eq!((people[0].name.as_str(), people[0].mentions.len()), ("Cyriaque Sobtafo", 2));
}

#[test]
fn an_acronym_alone_is_the_name_it_was_defined_for() {
    let text = "The Direction Generale de la Securite Exterieure (DGSE) took the case. Later the DGSE kept it.\n";
    let corpus = common::build(vec![Input { path: "doc.txt".into(), bytes: text.as_bytes().to_vec() }]);
    let named: Vec<(&str, usize)> = corpus.entities.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect();
    assert_eq!(named, [("Direction Generale de la Securite Exterieure", 3)]);
}

/// Spelled out another way (transliterated, mistyped by OCR) before an
/// acronym the gazetteer knows, a name is the known body's.
#[test]
fn a_name_spelled_out_before_a_known_acronym_is_the_known_body() {
    for spelled in ["Jama’at Nusrat al-Islam wal Muslimeen", "Centers for Disease Co ntrol"] {
        let acronym = if spelled.starts_with("Jama") { "JNIM" } else { "CDC" };
        let text = format!("Officials said the {spelled} ({acronym}) had claimed it. The {acronym} denied it.\n");
        let corpus = common::build(vec![Input { path: "doc.txt".into(), bytes: text.into_bytes() }]);
        let named: Vec<(&str, usize, &[String])> =
            corpus.entities.iter().map(|e| (e.name.as_str(), e.mentions.len(), e.aliases.as_slice())).collect();
        assert_eq!(named.len(), 1, "{named:?}");
        assert_eq!(named[0].1, 3, "the name and both acronyms: {named:?}");
        assert!(named[0].2.iter().any(|a| a == spelled), "{named:?}");
    }
}

#[test]
fn a_name_and_its_acronym_on_two_lines_are_one() {
    let text = "Talks covered the Status of Forces Agreement\n(SOFA), and the SOFA holds.\n";
    let corpus = common::build(vec![Input { path: "doc.txt".into(), bytes: text.as_bytes().to_vec() }]);
    let named: Vec<(&str, usize)> = corpus.entities.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect();
    assert_eq!(named, [("Status of Forces Agreement", 3)]);
}

#[test]
fn a_surname_with_the_arabic_article_is_a_person_named_before() {
    let text = "Abu Bakr al-Baghdadi led the group. In 2019 al-Baghdadi was killed by al-Shabaab.\n";
    let corpus = common::build(vec![Input { path: "doc.txt".into(), bytes: text.as_bytes().to_vec() }]);
    let named: Vec<(&str, EntityKind)> = corpus.entities.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    assert!(!named.iter().any(|(n, _)| *n == "al-Baghdadi"), "{named:?}");
    assert!(named.iter().any(|(_, k)| *k == EntityKind::Group), "al-Shabaab is a group: {named:?}");
}

#[test]
fn a_cable_is_signed_by_the_name_on_its_last_line() {
    let text = "1. (C) The plane burned on November 2.\nBARLERIN\n";
    let corpus = common::build(vec![Input { path: "cable.txt".into(), bytes: text.as_bytes().to_vec() }]);
    let people: Vec<&str> =
        corpus.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
    assert_eq!(people, ["BARLERIN"]);
    let unsigned = common::build(vec![Input { path: "c.txt".into(), bytes: b"It burned.\nNNNN\n".to_vec() }]);
    assert!(unsigned.entities.iter().all(|e| e.kind != EntityKind::Person));
}

fn build(path: &str, text: &str) -> annals::model::Corpus {
    common::build(vec![Input { path: path.into(), bytes: text.as_bytes().to_vec() }])
}

#[test]
fn a_middle_name_alone_is_the_person_named_before() {
    let corpus = build("doc.txt", "In 1996 Ibrahim Baré Maïnassara seized power. President Baré was killed in 1999.\n");
    let people: Vec<_> = corpus.entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
    assert_eq!(people.len(), 1, "one person, named twice: {people:?}");
    assert_eq!((people[0].name.as_str(), people[0].mentions.len()), ("Ibrahim Baré Maïnassara", 2));
}

#[test]
fn a_body_named_with_and_without_its_country_is_one() {
    let text = "The Ministry of Defense of Niger bought drones. The Nigerien Defense Ministry confirmed it. \
                The Ministry of Defense gave no price. The Government of Niger agreed.\n";
    let corpus = build("doc.txt", text);
    let orgs: Vec<_> = corpus.entities.iter().filter(|e| e.kind == EntityKind::Organization).collect();
    assert_eq!(orgs.len(), 1, "{orgs:?}");
    assert_eq!((orgs[0].name.as_str(), orgs[0].mentions.len()), ("Ministry of Defense of Niger", 3));
    let niger = corpus.entities.iter().find(|e| e.name == "Niger").expect("Niger");
    assert!(niger.aliases.iter().any(|a| a == "Government of Niger"), "{niger:?}");
}

#[test]
fn bodies_of_two_countries_stay_apart() {
    let text =
        "The Senegalese Navy and the French Navy met in Dakar. The Navy of Senegal left first. The Navy stayed.\n";
    let corpus = build("doc.txt", text);
    let mut orgs: Vec<&str> =
        (corpus.entities.iter()).filter(|e| e.kind == EntityKind::Organization).map(|e| e.name.as_str()).collect();
    orgs.sort();
    assert_eq!(orgs, ["French Navy", "Senegalese Navy"]);
}

#[test]
fn an_infobox_list_of_units_names_them_without_their_icons() {
    let text = "---\ntitle: A raid\nunits1:\n  text: >-\n    Logo du Commandement (COS).svg Special Operations\n    Command\n\n    *Insigne du 1er régiment.svg 1st Marine Infantry Parachute Regiment\n---\nThe raid took place in 2019.\n";
    let corpus = build("raid.md", text);
    let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Special Operations Command"), "{names:?}");
    assert!(names.contains(&"1st Marine Infantry Parachute Regiment"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Commandement") || n.contains("Insigne")), "{names:?}");
}

/// An acronym after a list (`State, Foreign Operations, and Related
/// Programs (SFOPS)`) is not its last item's, nor the whole list's.
#[test]
fn an_acronym_after_a_list_names_no_item() {
    let text = "The Department of State, Foreign Operations, and Related Programs (SFOPS) act restricts aid.\n";
    let corpus = common::build(vec![Input { path: "doc.txt".into(), bytes: text.as_bytes().to_vec() }]);
    let sfops = corpus.entities.iter().find(|e| e.name == "SFOPS" || e.aliases.iter().any(|a| a == "SFOPS"));
    assert_eq!(sfops.map(|e| (e.name.as_str(), e.aliases.len())), Some(("SFOPS", 0)), "{:?}", corpus.entities);
}
