//! The README's key table says what the key map does: every key bound while
//! browsing is in the table, and every key the table names is bound.

use annals::tui::keymap::{Scope, BINDINGS};
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
    let browsing = BINDINGS.iter().filter(|b| matches!(b.scope, Scope::Browse | Scope::In(_) | Scope::Always));
    let bound: BTreeSet<String> = browsing.flat_map(|b| b.sends.iter().map(|(k, _)| k.to_string())).collect();
    let documented = readme_keys();
    let missing: Vec<&String> = bound.difference(&documented).collect();
    let unbound: Vec<&String> = documented.difference(&bound).collect();
    assert!(missing.is_empty(), "bound but not in the README's key table: {missing:?}");
    assert!(unbound.is_empty(), "in the README's key table but not bound: {unbound:?}");
}
