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

fn main() {
    let n = samples(31);
    let mut rng = Rng::new(0x1b1b_c0de);

    // ---- ids ----
    let mut ids: Vec<(bool, u16)> = StatusCode::ALL
        .iter()
        .map(|c| (false, c.id()))
        .chain(ErrorCode::ALL.iter().map(|c| (true, c.id())))
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

    let dense = |all: &mut dyn Iterator<Item = (u16, Code)>| {
        let mut v: Vec<Option<Code>> = Vec::new();
        for (id, c) in all {
            if v.len() <= id as usize {
                v.resize(id as usize + 1, None);
            }
            if v[id as usize].is_none() {
                v[id as usize] = Some(c);
            }
        }
        v
    };
    let dense_status = dense(&mut StatusCode::ALL.iter().map(|c| (c.id(), Code::S(*c))));
    let dense_error = dense(&mut ErrorCode::ALL.iter().map(|c| (c.id(), Code::E(*c))));
    let hash_status: HashMap<u16, StatusCode> =
        StatusCode::ALL.iter().rev().map(|c| (c.id(), *c)).collect();
    let hash_error: HashMap<u16, ErrorCode> =
        ErrorCode::ALL.iter().rev().map(|c| (c.id(), *c)).collect();
    let mut sorted_status: Vec<(u16, StatusCode)> =
        StatusCode::ALL.iter().map(|c| (c.id(), *c)).collect();
    sorted_status.sort_by_key(|(id, _)| *id);
    let mut sorted_error: Vec<(u16, ErrorCode)> =
        ErrorCode::ALL.iter().map(|c| (c.id(), *c)).collect();
    sorted_error.sort_by_key(|(id, _)| *id);
    let ids = &ids;
    let outcomes = compare(
        &format!(
            "from_id: {} lookups ({} documented ids + 10% misses, statuses and errors)",
            ids.len(),
            documented
        ),
        vec![
            Candidate::new("dense array indexed by id (baseline)", || {
                ids.iter()
                    .map(|&(e, id)| {
                        let table = if e { &dense_error } else { &dense_status };
                        tag(table.get(black_box(id) as usize).copied().flatten())
                    })
                    .sum()
            }),
            Candidate::new("StatusCode::from_id / ErrorCode::from_id", || {
                ids.iter()
                    .map(|&(e, id)| {
                        let id = black_box(id);
                        tag(if e {
                            ErrorCode::from_id(id).map(Code::E)
                        } else {
                            StatusCode::from_id(id).map(Code::S)
                        })
                    })
                    .sum()
            }),
            Candidate::new("generated match on the id (from_id_all)", || {
                ids.iter()
                    .map(|&(e, id)| {
                        let id = black_box(id);
                        tag(if e {
                            ErrorCode::from_id_all(id).first().copied().map(Code::E)
                        } else {
                            StatusCode::from_id_all(id).first().copied().map(Code::S)
                        })
                    })
                    .sum()
            }),
            Candidate::new("std HashMap<u16, _>", || {
                ids.iter()
                    .map(|&(e, id)| {
                        let id = black_box(id);
                        tag(if e {
                            hash_error.get(&id).copied().map(Code::E)
                        } else {
                            hash_status.get(&id).copied().map(Code::S)
                        })
                    })
                    .sum()
            }),
            Candidate::new("sorted slice, binary search", || {
                ids.iter()
                    .map(|&(e, id)| {
                        let id = black_box(id);
                        tag(if e {
                            sorted_error
                                .binary_search_by_key(&id, |(k, _)| *k)
                                .ok()
                                .map(|i| Code::E(sorted_error[i].1))
                        } else {
                            sorted_status
                                .binary_search_by_key(&id, |(k, _)| *k)
                                .ok()
                                .map(|i| Code::S(sorted_status[i].1))
                        })
                    })
                    .sum()
            }),
            Candidate::new("linear scan over ALL", || {
                ids.iter()
                    .map(|&(e, id)| {
                        let id = black_box(id);
                        tag(if e {
                            ErrorCode::ALL
                                .iter()
                                .find(|c| c.id() == id)
                                .copied()
                                .map(Code::E)
                        } else {
                            StatusCode::ALL
                                .iter()
                                .find(|c| c.id() == id)
                                .copied()
                                .map(Code::S)
                        })
                    })
                    .sum()
            }),
        ],
        n,
        ids.len(),
    );
    budget("from_id / dense array", outcomes[1].ratio, 1.5);

    // ---- names ----
    let mut names: Vec<(bool, String)> = StatusCode::ALL
        .iter()
        .map(|c| (false, c.name().to_owned()))
        .chain(ErrorCode::ALL.iter().map(|c| (true, c.name().to_owned())))
        .collect();
    let documented = names.len();
    for i in 0..documented / 10 {
        names.push((i % 2 == 0, format!("EC_NOT_DOCUMENTED_{i}")));
    }
    rng.shuffle(&mut names);
    let map_status: HashMap<&str, StatusCode> = StatusCode::ALL
        .iter()
        .rev()
        .map(|c| (c.name(), *c))
        .collect();
    let map_error: HashMap<&str, ErrorCode> = ErrorCode::ALL
        .iter()
        .rev()
        .map(|c| (c.name(), *c))
        .collect();
    let mut by_name_status: Vec<(&str, StatusCode)> = StatusCode::ALL
        .iter()
        .rev()
        .map(|c| (c.name(), *c))
        .collect();
    by_name_status.sort_by_key(|(k, _)| *k);
    let mut by_name_error: Vec<(&str, ErrorCode)> = ErrorCode::ALL
        .iter()
        .rev()
        .map(|c| (c.name(), *c))
        .collect();
    by_name_error.sort_by_key(|(k, _)| *k);
    let phf_status = PhfMap::new(StatusCode::ALL.iter().rev().map(|c| (c.name(), *c)));
    let phf_error = PhfMap::new(ErrorCode::ALL.iter().rev().map(|c| (c.name(), *c)));
    let names = &names;
    let outcomes = compare(
        &format!(
            "from_name, exact: {} lookups ({} documented names + 10% misses)",
            names.len(),
            documented
        ),
        vec![
            Candidate::new("std HashMap<&str, _> (baseline)", || {
                names
                    .iter()
                    .map(|(e, n)| {
                        let n = black_box(n.as_str());
                        tag(if *e {
                            map_error.get(n).copied().map(Code::E)
                        } else {
                            map_status.get(n).copied().map(Code::S)
                        })
                    })
                    .sum()
            }),
            Candidate::new("StatusCode::from_name / ErrorCode::from_name", || {
                names
                    .iter()
                    .map(|(e, n)| {
                        let n = black_box(n.as_str());
                        tag(if *e {
                            ErrorCode::from_name(n).map(Code::E)
                        } else {
                            StatusCode::from_name(n).map(Code::S)
                        })
                    })
                    .sum()
            }),
            Candidate::new("phf map (SipHash-1-3), the crate's first strategy", || {
                names
                    .iter()
                    .map(|(e, n)| {
                        let n = black_box(n.as_str());
                        tag(if *e {
                            phf_error.get(n).map(Code::E)
                        } else {
                            phf_status.get(n).map(Code::S)
                        })
                    })
                    .sum()
            }),
            Candidate::new("sorted slice, binary search", || {
                names
                    .iter()
                    .map(|(e, n)| {
                        let n = black_box(n.as_str());
                        tag(if *e {
                            by_name_error
                                .binary_search_by_key(&n, |(k, _)| *k)
                                .ok()
                                .map(|i| Code::E(by_name_error[i].1))
                        } else {
                            by_name_status
                                .binary_search_by_key(&n, |(k, _)| *k)
                                .ok()
                                .map(|i| Code::S(by_name_status[i].1))
                        })
                    })
                    .sum()
            }),
            Candidate::new("linear scan over ALL", || {
                names
                    .iter()
                    .map(|(e, n)| {
                        let n = black_box(n.as_str());
                        tag(if *e {
                            ErrorCode::ALL
                                .iter()
                                .find(|c| c.name() == n)
                                .copied()
                                .map(Code::E)
                        } else {
                            StatusCode::ALL
                                .iter()
                                .find(|c| c.name() == n)
                                .copied()
                                .map(Code::S)
                        })
                    })
                    .sum()
            }),
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
    let upper_status: HashMap<String, StatusCode> = StatusCode::ALL
        .iter()
        .rev()
        .map(|c| (c.name().to_ascii_uppercase(), *c))
        .collect();
    let upper_error: HashMap<String, ErrorCode> = ErrorCode::ALL
        .iter()
        .rev()
        .map(|c| (c.name().to_ascii_uppercase(), *c))
        .collect();
    let lowered = &lowered;
    let outcomes = compare(
        &format!(
            "from_name ignoring ASCII case: {} lookups (half lowercased, 10% misses)",
            lowered.len()
        ),
        vec![
            Candidate::new(
                "std HashMap<String, _> of uppercased names (baseline)",
                || {
                    lowered
                        .iter()
                        .map(|(e, n)| {
                            let n = black_box(n.as_str()).to_ascii_uppercase();
                            tag(if *e {
                                upper_error.get(&n).copied().map(Code::E)
                            } else {
                                upper_status.get(&n).copied().map(Code::S)
                            })
                        })
                        .sum()
                },
            ),
            Candidate::new("from_name_ignore_case (stack buffer)", || {
                lowered
                    .iter()
                    .map(|(e, n)| {
                        let n = black_box(n.as_str());
                        tag(if *e {
                            ErrorCode::from_name_ignore_case(n).map(Code::E)
                        } else {
                            StatusCode::from_name_ignore_case(n).map(Code::S)
                        })
                    })
                    .sum()
            }),
            Candidate::new("linear scan with eq_ignore_ascii_case", || {
                lowered
                    .iter()
                    .map(|(e, n)| {
                        let n = black_box(n.as_str());
                        tag(if *e {
                            ErrorCode::ALL
                                .iter()
                                .find(|c| c.name().eq_ignore_ascii_case(n))
                                .copied()
                                .map(Code::E)
                        } else {
                            StatusCode::ALL
                                .iter()
                                .find(|c| c.name().eq_ignore_ascii_case(n))
                                .copied()
                                .map(Code::S)
                        })
                    })
                    .sum()
            }),
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
