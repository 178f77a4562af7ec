//! Maps and sets keyed by what documents say. FxHash (used elsewhere, for
//! numbers and trusted lists) is the same in every process, so a document
//! could be crafted whose words all land in one bucket, and every insert
//! would then walk them all; these are seeded at random in each process.
//! Nothing may depend on their order.

pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type Set<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn each_map_hashes_with_a_seed_of_its_own() {
        let (a, b) = (Map::<&str, ()>::default(), Set::<&str>::default());
        let words = ["mali", "bamako", "keita", "coup", "2012"];
        assert!(words.iter().any(|w| a.hasher().hash_one(w) != b.hasher().hash_one(w)), "a fixed hasher");
    }
}
