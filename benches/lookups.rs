//! Lookup speed against the obvious alternatives, in one run: ids against a dense array
//! (the physical limit), std HashMap, a sorted slice and a linear scan; names against
//! std `HashMap<&str, _>`, a sorted slice and a linear scan; names in any case against a
//! `HashMap<&str, _>` of uppercased names probed with the key uppercased into a stack
//! buffer (no allocation, as the crate does). Every workload covers all codes plus 10%
//! misses, shuffled. Before timing, every candidate must return the same code as the
//! baseline for every key.
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
/// The first listing of a name wins, as in the crate.
/// The first listing of a name wins, as in the crate.
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

/// A candidate that looks every key up, and what it returned for each key.
struct Lookups<'a> {
    candidate: Candidate<'a>,
    results: Vec<u64>,
}

/// A candidate that looks every key up: errors (`true`) with `error`, statuses with
/// `status`. The key passes through `black_box`, so no lookup is folded away.
fn lookups<'a, K>(
    name: &str,
    keys: &'a [(bool, K)],
    status: impl Fn(&K) -> Option<StatusCode> + 'a,
    error: impl Fn(&K) -> Option<ErrorCode> + 'a,
) -> Lookups<'a> {
    let one = move |(e, k): &(bool, K)| {
        tag(if *e {
            error(k).map(Code::E)
        } else {
            status(k).map(Code::S)
        })
    };
    let results = keys.iter().map(&one).collect();
    Lookups {
        candidate: Candidate::new(name, move || {
            keys.iter().map(|key| one(black_box(key))).sum()
        }),
        results,
    }
}

/// Checks that every candidate returns what the baseline (the first) returns for every
/// key, then times them.
fn measure(
    title: &str,
    candidates: Vec<Lookups<'_>>,
    samples: usize,
    ops: usize,
) -> Vec<harness::Outcome> {
    let baseline = &candidates[0];
    for c in &candidates[1..] {
        if let Some(i) = (0..ops).find(|&i| c.results[i] != baseline.results[i]) {
            panic!(
                "{title}: `{}` returns {} for key {i}, the baseline `{}` {}",
                c.candidate.name, c.results[i], baseline.candidate.name, baseline.results[i]
            );
        }
    }
    compare(
        title,
        candidates.into_iter().map(|c| c.candidate).collect(),
        samples,
        ops,
    )
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

/// The first entry with `key` (the sort is stable, so the first listing wins).
fn search<K: Ord, C: Copy>(v: &[(K, C)], key: &K) -> Option<C> {
    let i = v.partition_point(|(k, _)| k < key);
    v.get(i).filter(|(k, _)| k == key).map(|(_, c)| *c)
}

/// The longest name the case-insensitive baseline uppercases into its stack buffer.
const MAX_NAME: usize = 64;

/// `name` in ASCII upper case in `buf`, without allocating; `None` when it is longer
/// than any name.
fn upper<'b>(name: &str, buf: &'b mut [u8; MAX_NAME]) -> Option<&'b str> {
    let out = buf.get_mut(..name.len())?;
    for (o, b) in out.iter_mut().zip(name.as_bytes()) {
        *o = b.to_ascii_uppercase();
    }
    std::str::from_utf8(out).ok()
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
    let outcomes = measure(
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
                "from_id_all (the id index's run), its first code",
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
    let phf_status = PhfMap::new(statuses.iter().map(|c| (c.name(), *c)));
    let phf_error = PhfMap::new(errors.iter().map(|c| (c.name(), *c)));
    let outcomes = measure(
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
    // The uppercased names live here; the maps borrow them, as the crate's tables hold
    // `&'static str`.
    let upper_names: Vec<String> = statuses
        .iter()
        .map(|c| c.name())
        .chain(errors.iter().map(|c| c.name()))
        .map(str::to_ascii_uppercase)
        .collect();
    assert!(upper_names.iter().all(|n| n.len() <= MAX_NAME));
    let (upper_status_names, upper_error_names) = upper_names.split_at(statuses.len());
    let upper_status: HashMap<&str, StatusCode> = statuses
        .iter()
        .zip(upper_status_names)
        .rev()
        .map(|(c, n)| (n.as_str(), *c))
        .collect();
    let upper_error: HashMap<&str, ErrorCode> = errors
        .iter()
        .zip(upper_error_names)
        .rev()
        .map(|(c, n)| (n.as_str(), *c))
        .collect();
    let outcomes = measure(
        &format!(
            "from_name ignoring ASCII case: {} lookups (half lowercased, 10% misses)",
            lowered.len()
        ),
        vec![
            lookups(
                "HashMap<&str, _>, uppercased on the stack (baseline)",
                &lowered,
                |n| upper(n, &mut [0; MAX_NAME]).and_then(|u| upper_status.get(u).copied()),
                |n| upper(n, &mut [0; MAX_NAME]).and_then(|u| upper_error.get(u).copied()),
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
        "from_name_ignore_case / HashMap<&str, _> uppercased on the stack",
        outcomes[1].ratio,
        1.0,
    );
}
