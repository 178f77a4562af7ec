//! The README's key table says what the key map does: every key bound while
//! browsing is in the table, and every key the table names is bound.

use annals::tui::config::Config;
use annals::tui::keymap::Scope;
use std::collections::BTreeSet;

/// The keys (`code` spans) of the first column of the README's key table.
fn readme_keys() -> BTreeSet<String> {
    let readme = include_str!("../../README.md");
    let table = readme.split("| key | does |").nth(1).expect("the README has a key table");
    let rows = table.lines().skip(2).take_while(|l| l.starts_with('|'));
    let mut keys = BTreeSet::new();
    for row in rows {
        let first = row.split('|').nth(1).expect("a key column");
        keys.extend(first.split('`').skip(1).step_by(2).map(str::to_string));
    }
    keys
}

#[test]
fn the_readme_key_table_matches_the_key_map() {
    let bindings = Config::defaults().keys.bindings();
    let browsing = bindings.iter().filter(|b| matches!(b.scope, Scope::Browse | Scope::In(_) | Scope::Always));
    let bound: BTreeSet<String> = browsing.map(|b| b.label()).collect();
    let documented = readme_keys();
    let missing: Vec<&String> = bound.difference(&documented).collect();
    let unbound: Vec<&String> = documented.difference(&bound).collect();
    assert!(missing.is_empty(), "bound but not in the README's key table: {missing:?}");
    assert!(unbound.is_empty(), "in the README's key table but not bound: {unbound:?}");
}

#[test]
fn the_readme_key_example_reads_as_it_says() {
    let readme = include_str!("../../README.md");
    let example = readme.split("```toml\n").nth(1).and_then(|rest| rest.split("```").next()).expect("a TOML example");
    let keys = annals::tui::config::parse(example, "README.md").unwrap_or_else(|e| panic!("{e}")).keys;
    let rows = keys.rows();
    let row = |desc: &str| rows.iter().find(|r| r.desc == desc).map(|r| r.keys.join(" "));
    assert_eq!(row("move down").as_deref(), Some("j ↓ Ctrl-n"));
    assert_eq!(row("first, as in vim").as_deref(), Some("g g"));
    assert_eq!(row("first").as_deref(), Some("Home"), "`g` taken from the defaults");
    assert_eq!(row("two sources side by side"), None, "`s` unbound");
}

#[test]
fn the_readme_annals_toml_example_is_read_by_annals() {
    let readme = include_str!("../../README.md");
    let example =
        readme.split("```toml\n").nth(2).and_then(|rest| rest.split("```").next()).expect("an annals.toml example");
    let file = annals::assets::CorpusFile::parse(example, "README.md").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.rejects.len(), 1);
    assert_eq!(file.redates.len(), 1);
    assert_eq!(file.hides.len(), 1);
    assert!(!file.ignore.is_empty() && !file.splits.is_empty());
}
