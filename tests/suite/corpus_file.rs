//! `annals.toml` in a corpus folder: metadata and reliability, extra
//! entities and aliases, merges, splits, ignored files, and an error
//! message for each kind of mistake, with file, line and column.

use crate::common;

use common::Run;
use std::path::Path;
use std::time::Duration;

const CABLE: &str = "On 27 November 2009 the Ambassador met President Amadou Toumani Toure in Bamako.\n\
On 12 December 2009 Colonel Tiefing Konate briefed the Embassy on the operation.\n\
Konate said in January 2010 that the army would move north.\n\
On 3 February 2010 AT2 spoke to the press.\n";

fn corpus(toml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cable.txt"), CABLE).unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join("drafts/old.txt"), "A draft about the 1991 coup in Mali.\n").unwrap();
    std::fs::write(dir.path().join("annals.toml"), toml).unwrap();
    dir
}

fn run(args: &[&str], dir: &Path) -> Run {
    let path = dir.to_str().unwrap();
    common::annals_within(&[args, &[path]].concat(), Duration::from_secs(60))
}

fn export(dir: &Path) -> serde_json::Value {
    let r = run(&["export"], dir);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

fn entity<'a>(v: &'a serde_json::Value, name: &str) -> Option<&'a serde_json::Value> {
    v["entities"].as_array().unwrap().iter().find(|e| e["name"] == name)
}

#[test]
fn source_metadata_and_reliability() {
    let dir = corpus(
        r#"
[corpus]
name = "Konate file"

[[source]]
file = "cable.txt"
title = "Embassy Bamako cable"
kind = "cable"
publisher = "U.S. Embassy Bamako"
url = "https://example.org/cable"
published = "2009-12-15"
reliability = "B2"
"#,
    );
    let check = run(&["check"], dir.path());
    assert_eq!(check.code, Some(0), "{}", check.stderr);
    assert!(check.stdout.contains("title      Embassy Bamako cable (cable)"), "{}", check.stdout);
    assert!(check.stdout.contains("grade      B2  (Admiralty: source usually reliable, information probably true)"));
    assert!(check.stdout.contains("published  2009-12-15  (manifest)"));
    let v = export(dir.path());
    let source = &v["sources"].as_array().unwrap().iter().find(|s| s["title"] == "Embassy Bamako cable").unwrap();
    assert_eq!(
        (source["reliability"].as_str(), source["url"].as_str()),
        (Some("B2"), Some("https://example.org/cable"))
    );
    let csv = run(&["export", "--format", "csv"], dir.path()).stdout;
    assert!(csv.lines().any(|l| l.starts_with("e0002-1,2009-11-27,1,day") && l.contains(",B2,")), "{csv}");
    let md = run(&["export", "--format", "markdown"], dir.path()).stdout;
    assert!(md.starts_with("# Chronology: Konate file") && md.contains("graded B2"), "{md}");
}

#[test]
fn ignored_files_are_not_read() {
    let dir = corpus("ignore = [\"drafts/**\"]\n");
    let check = run(&["check"], dir.path());
    assert!(!check.stdout.contains("old.txt"), "{}", check.stdout);
    assert!(check.stdout.contains("1 loaded, 0 failed"), "{}", check.stdout);
    let without = corpus("");
    assert!(run(&["check"], without.path()).stdout.contains("2 loaded, 0 failed"));
}

#[test]
fn extra_entities_and_aliases() {
    let dir = corpus(
        r#"
[[entity]]
name = "Tiefing Konaté"
kind = "person"
aliases = ["Colonel Konate"]
short = ["Konate"]

[[alias]]
entity = "Amadou Toumani Touré"
aliases = ["AT2"]
"#,
    );
    let v = export(dir.path());
    let konate = entity(&v, "Tiefing Konaté").expect("the extra entity is found");
    assert_eq!(konate["kind"], "person");
    assert!(konate["mentions"].as_array().unwrap().len() >= 2, "{konate}");
    let att = entity(&v, "Amadou Toumani Touré").unwrap();
    assert!(att["aliases"].as_array().unwrap().iter().any(|a| a == "AT2"), "{att}");
    assert_eq!(att["mentions"].as_array().unwrap().len(), 2, "{att}");
}

#[test]
fn merge_and_split() {
    let merged = corpus("[[merge]]\ninto = \"Tiefing Konaté\"\nnames = [\"Tiefing Konate\", \"Konate\"]\n");
    let v = export(merged.path());
    let konate = entity(&v, "Tiefing Konaté").expect("merged under the given name");
    assert_eq!(konate["mentions"].as_array().unwrap().len(), 2, "{konate}");
    assert!(entity(&v, "Tiefing Konate").is_none() && entity(&v, "Konate").is_none());

    let split = corpus("[[split]]\nentity = \"Amadou Toumani Touré\"\nnames = [\"Amadou Toumani Toure\"]\n");
    let v = export(split.path());
    let split_off = entity(&v, "Amadou Toumani Toure").expect("the split name is its own entity");
    assert_eq!(split_off["kind"], "person");
    assert!(entity(&v, "Amadou Toumani Touré").is_none(), "no mention is left to the old entity");
}

#[test]
fn each_kind_of_error_names_file_line_and_column() {
    let cases: &[(&str, &str)] = &[
        ("[[source]]\nfile = \"cable.txt\"\ntitel = \"x\"\n", ":3:1: unknown field `titel`, expected one of"),
        (
            "[[source]]\nfile = \"cable.txt\"\nreliability = \"G7\"\n",
            ":3:15: `G7` is not an Admiralty grade: expected a source grade A–F and an information grade 1–6",
        ),
        (
            "[[source]]\nfile = \"cable.txt\"\npublished = \"last year\"\n",
            ":3:13: `last year` is not a date: expected a date such as",
        ),
        ("[[source]]\nfile = \"cable.txt\"\nkind = \"tweet\"\n", ":3:8: unknown variant `tweet`, expected one of"),
        (
            "[[alias]]\nentity = \"Nobody Known\"\naliases = [\"x\"]\n",
            ":2:10: no entity `Nobody Known` in the gazetteer",
        ),
        ("ignore = [\"drafts/[\"]\n", ":1:11: `drafts/[` is not a glob pattern"),
        ("[[entity]]\nname = \"X\"\n", ":1:1: missing field `kind`"),
        ("[corpus\nname = 1\n", ":1:8: "),
    ];
    for (toml, expected) in cases {
        let dir = corpus(toml);
        let check = run(&["check"], dir.path());
        let file = dir.path().join("annals.toml").display().to_string();
        assert_eq!(check.code, Some(1), "{toml}");
        assert!(check.stderr.contains(&format!("annals: {file}{expected}")), "{toml}\n{}", check.stderr);
        assert!(check.stderr.contains("(the file is not applied)"));
        assert!(check.stdout.contains("cable.txt"), "the documents still load");
    }
}

#[test]
fn the_bundled_manifest_is_the_same_format() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/manifest.toml")).unwrap();
    let file = annals::assets::CorpusFile::parse(&text, "assets/manifest.toml").unwrap();
    assert_eq!(file.sources.len(), 5);
    assert!(file.sources.iter().all(|s| s.reliability().is_some()));
}

#[test]
fn an_alias_may_name_an_entity_of_the_same_file() {
    let dir = corpus("[[entity]]\nname = \"Tiefing Konaté\"\nkind = \"person\"\n\n[[alias]]\nentity = \"Tiefing Konaté\"\naliases = [\"Konate\"]\n");
    let v = export(dir.path());
    let konate = entity(&v, "Tiefing Konaté").expect("the file's own entity");
    assert!(konate["mentions"].as_array().unwrap().len() >= 2, "{konate}");
}
