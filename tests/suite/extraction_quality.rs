//! Extraction measured against the gold annotation of the seeds (a copy of
//! ../shared/eval/gold/seeds.json) and of the two development sets of real
//! documents (`tests/fixtures/dev-gov`, `dev-wiki`, with their sources and
//! licences), scored the way the eval's scorer does: claims strictly
//! (overlapping sentence, equal value), entities by name or alias after
//! folding. A regression guard: the floors are the scores reached so far.

use crate::common;

use serde_json::Value;
use std::collections::{HashMap, HashSet};

fn gold() -> Value {
    read_json(&common::fixtures().join("gold/seeds.json"))
}

fn read_json(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `FY2014` == `2014`; `2016/2020` a pair; one-sided ranges collapse.
fn norm_value(v: &str) -> Vec<String> {
    let mut parts: Vec<String> = v.split('/').map(|p| p.trim_start_matches("FY").to_string()).collect();
    if parts.len() == 2 && parts[0] == parts[1] {
        parts.pop();
    }
    parts
}

fn name_key(name: &str) -> String {
    let folded: String = annals::text::fold(name)
        .chars()
        .map(|c| if c == '-' || c == '/' || c == '_' { ' ' } else { c })
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    folded.split_whitespace().filter(|w| *w != "the").collect::<Vec<_>>().join(" ")
}

fn f1(tp: usize, pred: usize, gold: usize) -> f64 {
    let (p, r) = (tp as f64 / pred.max(1) as f64, tp as f64 / gold.max(1) as f64);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn overlap(a: (u64, u64), b: (u64, u64)) -> u64 {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// File, sentence span, date span, value.
type PredictedClaim = (String, (u64, u64), (u64, u64), Vec<String>);

fn claim_f1(export: &Value, gold: &Value) -> (f64, usize, usize, usize) {
    let file_of: HashMap<&str, String> = export["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string()))
        .collect();
    let preds: Vec<PredictedClaim> = export["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["claims"].as_array().unwrap().iter())
        .map(|c| {
            let file = file_of[c["source"].as_str().unwrap()].clone();
            let span = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
            let timex = (c["date_start"].as_u64().unwrap(), c["date_end"].as_u64().unwrap());
            (file, span, timex, norm_value(c["date"].as_str().unwrap()))
        })
        .collect();
    let golds = gold["claims"].as_array().unwrap();
    let mut pairs = Vec::new();
    for (pi, (file, span, timex, value)) in preds.iter().enumerate() {
        for (gi, g) in golds.iter().enumerate() {
            let gs = (g["sentence"]["start"].as_u64().unwrap(), g["sentence"]["end"].as_u64().unwrap());
            let gt = (g["timex"]["start"].as_u64().unwrap(), g["timex"]["end"].as_u64().unwrap());
            if g["file"].as_str().unwrap() != file || norm_value(g["value"].as_str().unwrap()) != *value {
                continue;
            }
            let so = overlap(*span, gs);
            if so > 0 {
                let to = overlap(*timex, gt);
                pairs.push(((to > 0, to, so), pi, gi));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut used_p, mut used_g, mut tp) = (HashSet::new(), HashSet::new(), 0);
    for (_, p, g) in pairs {
        if !used_p.contains(&p) && !used_g.contains(&g) {
            used_p.insert(p);
            used_g.insert(g);
            tp += 1;
        }
    }
    (f1(tp, preds.len(), golds.len()), tp, preds.len(), golds.len())
}

/// Maximum one-to-one matching (Kuhn's algorithm).
fn max_matching(adj: &[Vec<usize>], n_gold: usize) -> usize {
    fn augment(p: usize, adj: &[Vec<usize>], seen: &mut [bool], owner: &mut [Option<usize>]) -> bool {
        for &g in &adj[p] {
            if !seen[g] {
                seen[g] = true;
                if owner[g].is_none_or(|q| augment(q, adj, seen, owner)) {
                    owner[g] = Some(p);
                    return true;
                }
            }
        }
        false
    }
    let mut owner = vec![None; n_gold];
    (0..adj.len()).filter(|&p| augment(p, adj, &mut vec![false; n_gold], &mut owner)).count()
}

fn entity_f1(export: &Value, gold: &Value) -> (f64, usize, usize, usize) {
    let keys = |e: &Value| -> HashSet<String> {
        let mut names = vec![e["name"].as_str().unwrap().to_string()];
        names.extend(e["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()));
        names.iter().map(|n| name_key(n)).filter(|k| !k.is_empty()).collect()
    };
    let golds: Vec<HashSet<String>> = gold["entities"].as_array().unwrap().iter().map(keys).collect();
    let preds: Vec<HashSet<String>> = export["entities"].as_array().unwrap().iter().map(keys).collect();
    let adj: Vec<Vec<usize>> =
        preds.iter().map(|p| (0..golds.len()).filter(|&g| !p.is_disjoint(&golds[g])).collect()).collect();
    let tp = max_matching(&adj, golds.len());
    (f1(tp, preds.len(), golds.len()), tp, preds.len(), golds.len())
}

#[test]
fn seeds_meet_the_issue_thresholds() {
    let export = annals::export::json::to_value(&common::bundled());
    let gold = gold();
    let (claims, ctp, cpred, cgold) = claim_f1(&export, &gold);
    let (entities, etp, epred, egold) = entity_f1(&export, &gold);
    println!("claim strict F1 {claims:.3} ({ctp}/{cpred}/{cgold}); entity F1 {entities:.3} ({etp}/{epred}/{egold})");
    assert!(claims >= 0.95, "claim strict F1 {claims:.3} ({ctp} of {cpred} predicted, {cgold} gold)");
    assert!(entities >= 0.90, "entity F1 {entities:.3} ({etp} of {epred} predicted, {egold} gold)");
}

/// A development set's claim strict F1, entity F1 and entity precision, its
/// documents read as a user's folder.
fn dev_set(name: &str) -> (f64, f64, f64) {
    let folder = common::fixtures().join(name);
    let (inputs, failures) = annals::ingest::read_paths(&[folder.join("docs")], annals::ingest::DEFAULT_MAX_BYTES);
    assert!(failures.is_empty(), "{failures:?}");
    let export = annals::export::json::to_value(&common::build(inputs));
    let gold = read_json(&folder.join("gold.json"));
    let ((claims, ctp, cpred, cgold), (entities, etp, epred, egold)) =
        (claim_f1(&export, &gold), entity_f1(&export, &gold));
    println!(
        "{name}: claim strict F1 {claims:.3} ({ctp}/{cpred}/{cgold}); entity F1 {entities:.3} ({etp}/{epred}/{egold})"
    );
    (claims, entities, etp as f64 / epred.max(1) as f64)
}

#[test]
fn development_sets_hold_their_scores() {
    // Issue 21 asks claims ≥ 0.92, entities ≥ 0.88 and entity precision ≥ 0.90; the guards hold what was reached.
    for (name, least_claims, least_entities) in [("dev-gov", 0.99, 0.95), ("dev-wiki", 0.98, 0.93)] {
        let (claims, entities, precision) = dev_set(name);
        assert!(claims >= least_claims, "{name}: claim strict F1 {claims:.3} < {least_claims}");
        assert!(entities >= least_entities, "{name}: entity F1 {entities:.3} < {least_entities}");
        assert!(precision >= 0.90, "{name}: entity precision {precision:.3} < 0.90");
    }
}
