//! Lookup speed against the obvious alternatives, in one run: ids against a dense array
//! (the physical limit), std HashMap, a sorted slice and a linear scan; names against
//! std `HashMap<&str, _>`, a sorted slice and a linear scan. Every workload covers all
//! codes plus 10% misses, shuffled.
//!
//! `cargo bench --bench lookups` (BENCH_SAMPLES=N for more samples).

mod harness;

use harness::{budget, compare, samples, Candidate, Rng};
use infobip_codes::{ErrorCode, StatusCode};
use std::collections::HashMap;
use std::hint::black_box;

#[derive(Clone, Copy)]
enum Code {
    S(StatusCode),
    E(ErrorCode),
}

fn tag(c: Option<Code>) -> u64 {
    match c {
        Some(Code::S(s)) => s as u64 + 1,
        Some(Code::E(e)) => e as u64 + 1000,
        None => 0,
    }
}

/// phf's lookup path (what `phf::Map::get` does), over tables built by phf_generator.
struct PhfMap<T> {
    key: u64,
    disps: Vec<(u32, u32)>,
    entries: Vec<(&'static str, T)>,
}

impl<T: Copy> PhfMap<T> {
    fn new(items: impl Iterator<Item = (&'static str, T)>) -> Self {
        let mut seen = std::collections::HashSet::new();
        let items: Vec<(&'static str, T)> = items.filter(|(k, _)| seen.insert(*k)).collect();
        let keys: Vec<&str> = items.iter().map(|(k, _)| *k).collect();
        let state = phf_generator::generate_hash(&keys);
        PhfMap {
            key: state.key,
            disps: state.disps,
            entries: state.map.iter().map(|&i| items[i]).collect(),
        }
    }

    fn get(&self, name: &str) -> Option<T> {
        let hashes = phf_shared::hash(name, &self.key);
        let index = phf_shared::get_index(&hashes, &self.disps, self.entries.len()) as usize;
        let (k, v) = self.entries[index];
        (k == name).then_some(v)
    }
}

/// A candidate that looks every key up: errors (`true`) with `error`, statuses with
/// `status`. The key passes through `black_box`, so no lookup is folded away.
fn lookups<'a, K>(
    name: &str,
    keys: &'a [(bool, K)],
    status: impl Fn(&K) -> Option<StatusCode> + 'a,
    error: impl Fn(&K) -> Option<ErrorCode> + 'a,
) -> Candidate<'a> {
    Candidate::new(name, move || {
        keys.iter()
            .map(|(e, k)| {
                let k = black_box(k);
                tag(if *e {
                    error(k).map(Code::E)
                } else {
                    status(k).map(Code::S)
                })
            })
            .sum()
    })
}

/// A table from `key` to code, built from `ALL` so that the first listing of a key wins,
/// as in the crate.
fn table<C: Copy, K, T: FromIterator<(K, C)>>(all: &[C], key: impl Fn(&C) -> K) -> T {
    all.iter().rev().map(|c| (key(c), *c)).collect()
}

/// `table`, sorted by key for binary search.
fn sorted<C: Copy, K: Ord>(all: &[C], key: impl Fn(&C) -> K) -> Vec<(K, C)> {
    let mut v: Vec<(K, C)> = all.iter().map(|c| (key(c), *c)).collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn at<C: Copy>(v: &[Option<C>], id: u16) -> Option<C> {
    v.get(usize::from(id)).copied().flatten()
}

fn search<K: Ord, C: Copy>(v: &[(K, C)], key: &K) -> Option<C> {
    v.binary_search_by(|(k, _)| k.cmp(key)).ok().map(|i| v[i].1)
}

/// An array indexed by id (the first code with an id wins).
fn dense<C: Copy>(all: &[C], id: impl Fn(&C) -> u16) -> Vec<Option<C>> {
    let mut v: Vec<Option<C>> = Vec::new();
    for c in all {
        let i = usize::from(id(c));
        if v.len() <= i {
            v.resize(i + 1, None);
        }
        v[i] = v[i].or(Some(*c));
    }
    v
}

fn main() {
    let n = samples(31);
    let mut rng = Rng::new(0x1b1b_c0de);
    let (statuses, errors) = (StatusCode::ALL, ErrorCode::ALL);

    // ---- ids ----
    let mut ids: Vec<(bool, u16)> = statuses
        .iter()
        .map(|c| (false, c.id()))
        .chain(errors.iter().map(|c| (true, c.id())))
        .collect();
    let documented = ids.len();
    while ids.len() < documented + documented / 10 {
        let id = (rng.next_u64() % 9000) as u16;
        let error = rng.next_u64() % 2 == 0;
        let known = if error {
            ErrorCode::from_id(id).is_some()
        } else {
            StatusCode::from_id(id).is_some()
        };
        if !known {
            ids.push((error, id));
        }
    }
    rng.shuffle(&mut ids);
    let (dense_status, dense_error) = (dense(statuses, |c| c.id()), dense(errors, |c| c.id()));
    let hash_status: HashMap<u16, StatusCode> = table(statuses, |c| c.id());
    let hash_error: HashMap<u16, ErrorCode> = table(errors, |c| c.id());
    let (sorted_status, sorted_error) = (sorted(statuses, |c| c.id()), sorted(errors, |c| c.id()));
    let outcomes = compare(
        &format!(
            "from_id: {} lookups ({documented} documented ids + 10% misses, statuses and errors)",
            ids.len(),
        ),
        vec![
            lookups(
                "dense array indexed by id (baseline)",
                &ids,
                |&id| at(&dense_status, id),
                |&id| at(&dense_error, id),
            ),
            lookups(
                "StatusCode::from_id / ErrorCode::from_id",
                &ids,
                |&id| StatusCode::from_id(id),
                |&id| ErrorCode::from_id(id),
            ),
            lookups(
                "generated match on the id (from_id_all)",
                &ids,
                |&id| StatusCode::from_id_all(id).first().copied(),
                |&id| ErrorCode::from_id_all(id).first().copied(),
            ),
            lookups(
                "std HashMap<u16, _>",
                &ids,
                |id| hash_status.get(id).copied(),
                |id| hash_error.get(id).copied(),
            ),
            lookups(
                "sorted slice, binary search",
                &ids,
                |id| search(&sorted_status, id),
                |id| search(&sorted_error, id),
            ),
            lookups(
                "linear scan over ALL",
                &ids,
                |&id| statuses.iter().find(|c| c.id() == id).copied(),
                |&id| errors.iter().find(|c| c.id() == id).copied(),
            ),
        ],
        n,
        ids.len(),
    );
    budget("from_id / dense array", outcomes[1].ratio, 1.5);

    // ---- names ----
    let mut names: Vec<(bool, String)> = statuses
        .iter()
        .map(|c| (false, c.name().to_owned()))
        .chain(errors.iter().map(|c| (true, c.name().to_owned())))
        .collect();
    let documented = names.len();
    for i in 0..documented / 10 {
        names.push((i % 2 == 0, format!("EC_NOT_DOCUMENTED_{i}")));
    }
    rng.shuffle(&mut names);
    let map_status: HashMap<&str, StatusCode> = table(statuses, |c| c.name());
    let map_error: HashMap<&str, ErrorCode> = table(errors, |c| c.name());
    let (by_name_status, by_name_error) =
        (sorted(statuses, |c| c.name()), sorted(errors, |c| c.name()));
    let phf_status = PhfMap::new(statuses.iter().rev().map(|c| (c.name(), *c)));
    let phf_error = PhfMap::new(errors.iter().rev().map(|c| (c.name(), *c)));
    let outcomes = compare(
        &format!(
            "from_name, exact: {} lookups ({documented} documented names + 10% misses)",
            names.len(),
        ),
        vec![
            lookups(
                "std HashMap<&str, _> (baseline)",
                &names,
                |n| map_status.get(n.as_str()).copied(),
                |n| map_error.get(n.as_str()).copied(),
            ),
            lookups(
                "StatusCode::from_name / ErrorCode::from_name",
                &names,
                |n| StatusCode::from_name(n),
                |n| ErrorCode::from_name(n),
            ),
            lookups(
                "phf map (SipHash-1-3), the crate's first strategy",
                &names,
                |n| phf_status.get(n),
                |n| phf_error.get(n),
            ),
            lookups(
                "sorted slice, binary search",
                &names,
                |n| search(&by_name_status, &n.as_str()),
                |n| search(&by_name_error, &n.as_str()),
            ),
            lookups(
                "linear scan over ALL",
                &names,
                |n| statuses.iter().find(|c| c.name() == n).copied(),
                |n| errors.iter().find(|c| c.name() == n).copied(),
            ),
        ],
        n,
        names.len(),
    );
    budget("from_name / HashMap<&str, _>", outcomes[1].ratio, 1.0);

    // ---- names, ignoring ASCII case ----
    let lowered: Vec<(bool, String)> = names
        .iter()
        .enumerate()
        .map(|(i, (e, n))| {
            (
                *e,
                if i % 2 == 0 {
                    n.to_ascii_lowercase()
                } else {
                    n.clone()
                },
            )
        })
        .collect();
    let upper_status: HashMap<String, StatusCode> =
        table(statuses, |c| c.name().to_ascii_uppercase());
    let upper_error: HashMap<String, ErrorCode> = table(errors, |c| c.name().to_ascii_uppercase());
    let outcomes = compare(
        &format!(
            "from_name ignoring ASCII case: {} lookups (half lowercased, 10% misses)",
            lowered.len()
        ),
        vec![
            lookups(
                "std HashMap<String, _> of uppercased names (baseline)",
                &lowered,
                |n| upper_status.get(&n.to_ascii_uppercase()).copied(),
                |n| upper_error.get(&n.to_ascii_uppercase()).copied(),
            ),
            lookups(
                "from_name_ignore_case (stack buffer)",
                &lowered,
                |n| StatusCode::from_name_ignore_case(n),
                |n| ErrorCode::from_name_ignore_case(n),
            ),
            lookups(
                "linear scan with eq_ignore_ascii_case",
                &lowered,
                |n| {
                    statuses
                        .iter()
                        .find(|c| c.name().eq_ignore_ascii_case(n))
                        .copied()
                },
                |n| {
                    errors
                        .iter()
                        .find(|c| c.name().eq_ignore_ascii_case(n))
                        .copied()
                },
            ),
        ],
        n,
        lowered.len(),
    );
    budget(
        "from_name_ignore_case / HashMap<String, _>",
        outcomes[1].ratio,
        1.0,
    );
}
