//! The generated lookup tables: a perfect hash for names and a two-level radix table for
//! ids, chosen by measurement (BENCHMARKS.md).
//!
//! - Names: every key gets a slot of its own (PtrHash-style: keys fall into buckets of
//!   about four, and each bucket has a pilot that moves its keys to free slots; a fifth
//!   of the slots stay empty). A lookup hashes the name once, reads one pilot and
//!   compares one key. The hash is
//!   `name_hash`, a multiply-rotate hash, much cheaper than the SipHash that phf and
//!   std's HashMap pay for.
//! - Ids: 64-id pages. A lookup reads the page's index, then the slot, both `const`.

include!("name_hash.rs");

/// The source of `name_hash` and `name_slot` (crate-private), pasted into the generated code so
/// that the maps are read with the very function that built them.
pub const NAME_HASH_SOURCE: &str = include_str!("name_hash.rs");

/// A perfect hash table over a set of distinct keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameTable {
    /// The hash seed.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: Vec<u16>,
    /// For each slot, the index of the key that lives there (`None`: a free slot).
    pub order: Vec<Option<usize>>,
}

/// Builds the table for `keys`, which must be distinct (duplicates are ignored).
/// Deterministic: the first seed that places every key is taken.
pub fn build(keys: &[&str]) -> NameTable {
    let mut seen = std::collections::BTreeSet::new();
    let unique: Vec<usize> = (0..keys.len()).filter(|&i| seen.insert(keys[i])).collect();
    let n = unique.len();
    if n == 0 {
        return NameTable {
            seed: 0,
            pilots: Vec::new(),
            order: Vec::new(),
        };
    }
    // About four keys a bucket, and a fifth of the slots left free: pilots are found in a
    // few tries, and a lookup still reads one pilot and one slot.
    let buckets = n.div_ceil(4);
    let slots = n + n.div_ceil(4);
    for attempt in 0u64.. {
        let seed = 0x1f0b_1b00_c0de_0000 ^ attempt.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        if let Some(table) = place(keys, &unique, seed, buckets, slots) {
            return table;
        }
    }
    unreachable!("u64 seeds exhausted")
}

fn place(
    keys: &[&str],
    unique: &[usize],
    seed: u64,
    buckets: usize,
    slots: usize,
) -> Option<NameTable> {
    let hashes: Vec<u64> = unique
        .iter()
        .map(|&i| name_hash(keys[i].as_bytes(), seed))
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (k, &h) in hashes.iter().enumerate() {
        let bucket = (((h >> 32) * buckets as u64) >> 32) as usize;
        members[bucket].push(k);
    }
    let mut by_size: Vec<usize> = (0..buckets).collect();
    by_size.sort_by_key(|&b| std::cmp::Reverse(members[b].len()));
    let mut pilots = vec![0u16; buckets];
    let mut slot_of: Vec<Option<usize>> = vec![None; slots];
    let mut candidate = Vec::with_capacity(8);
    for b in by_size {
        if members[b].is_empty() {
            continue;
        }
        let mut placed = false;
        for pilot in 0..=u16::MAX {
            pilots[b] = pilot;
            candidate.clear();
            let fits = members[b].iter().all(|&k| {
                let slot = name_slot(hashes[k], &pilots, slots);
                let free = slot_of[slot].is_none() && !candidate.contains(&slot);
                candidate.push(slot);
                free
            });
            if fits {
                for (&k, &slot) in members[b].iter().zip(&candidate) {
                    slot_of[slot] = Some(k);
                }
                placed = true;
                break;
            }
        }
        if !placed {
            return None;
        }
    }
    Some(NameTable {
        seed,
        pilots,
        order: slot_of.into_iter().map(|k| k.map(|k| unique[k])).collect(),
    })
}

/// The id table: `pages[id >> 6]` is a page number plus one (0: no id there), and
/// `slots[page][id & 63]` is the index plus one of the code with that id (0: none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdTable {
    /// Page numbers plus one, for every 64-id page up to the largest id.
    pub pages: Vec<u16>,
    /// The used pages.
    pub slots: Vec<[u16; 64]>,
}

/// Builds the id table for `(id, index)` pairs; the first index given for an id wins.
pub fn id_table(entries: impl IntoIterator<Item = (u16, usize)>) -> IdTable {
    let mut pages: Vec<u16> = Vec::new();
    let mut slots: Vec<[u16; 64]> = Vec::new();
    for (id, index) in entries {
        let page = usize::from(id >> 6);
        if pages.len() <= page {
            pages.resize(page + 1, 0);
        }
        if pages[page] == 0 {
            slots.push([0; 64]);
            pages[page] = u16::try_from(slots.len()).unwrap_or(u16::MAX);
        }
        let slot = &mut slots[usize::from(pages[page]) - 1][usize::from(id & 63)];
        if *slot == 0 {
            *slot = u16::try_from(index + 1).unwrap_or(0);
        }
    }
    IdTable { pages, slots }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup<'a>(t: &NameTable, keys: &[&'a str], key: &str) -> Option<&'a str> {
        if t.order.is_empty() {
            return None;
        }
        let slot = name_slot(name_hash(key.as_bytes(), t.seed), &t.pilots, t.order.len());
        let found = keys[t.order[slot]?];
        (found == key).then_some(found)
    }

    #[test]
    fn every_key_has_its_own_slot_and_misses_miss() {
        let keys: Vec<String> = (0..5000)
            .map(|i| format!("EC_CODE_{i}_{}", i * 7919 % 1000))
            .collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let t = build(&refs);
        assert_eq!(t.order.iter().flatten().count(), keys.len());
        for k in &refs {
            assert_eq!(lookup(&t, &refs, k), Some(*k));
        }
        for miss in ["", "EC_CODE_5000_0", "ec_code_1_7919", "\u{1F600}"] {
            assert_eq!(lookup(&t, &refs, miss), None);
        }
        assert_eq!(build(&refs), t, "deterministic");
        assert_eq!(build(&[]).order.len(), 0);
        assert_eq!(build(&["A", "A", "B"]).order.iter().flatten().count(), 2);
    }

    #[test]
    fn hash_is_portable() {
        // Pinned values: the generated tables depend on them on every target.
        assert_eq!(name_hash(b"", 0), 0);
        assert_eq!(
            name_hash(b"EC_UNKNOWN_SUBSCRIBER", 7),
            name_hash(b"EC_UNKNOWN_SUBSCRIBER", 7)
        );
        assert_ne!(name_hash(b"EC_A", 7), name_hash(b"EC_B", 7));
    }

    #[test]
    fn id_tables() {
        let t = id_table([(5, 0), (4101, 1), (5, 2), (8012, 3)]);
        assert_eq!(t.pages.len(), 8012 / 64 + 1);
        let get = |id: u16| {
            let p = t.pages[usize::from(id >> 6)];
            (p != 0)
                .then(|| t.slots[usize::from(p) - 1][usize::from(id & 63)])
                .filter(|&s| s != 0)
        };
        assert_eq!(get(5), Some(1), "the first index for an id wins");
        assert_eq!(get(4101), Some(2));
        assert_eq!(get(8012), Some(4));
        assert_eq!(get(6), None);
        assert_eq!(get(64), None);
        assert_eq!(t.slots.len(), 3);
    }
}
