//! A small benchmark harness that measures candidates against a baseline in the same
//! run. Samples of the candidates are interleaved, round by round, so that noise on a
//! shared machine (another build, frequency changes) hits every candidate alike: the
//! ratios hold even when absolute times drift.
//!
//! Each sample times enough iterations to last about `SAMPLE_TARGET` (4 ms); a candidate's
//! figure is the median over samples of the time per iteration.

#![allow(dead_code)] // each bench uses its own part

use std::time::{Duration, Instant};

#[allow(unused_imports)]
pub use std::hint::black_box;

const SAMPLE_TARGET: Duration = Duration::from_millis(4);

/// One thing to time: a name and a closure returning a value (kept from being optimised
/// away).
pub struct Candidate<'a> {
    pub name: String,
    pub run: Box<dyn FnMut() -> u64 + 'a>,
}

impl<'a> Candidate<'a> {
    pub fn new(name: impl Into<String>, run: impl FnMut() -> u64 + 'a) -> Self {
        Candidate {
            name: name.into(),
            run: Box::new(run),
        }
    }
}

/// A candidate's result.
pub struct Outcome {
    pub name: String,
    /// Median time per operation, in seconds.
    pub median: f64,
    /// Median divided by the baseline's (the first candidate's).
    pub ratio: f64,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Times every candidate for `samples` interleaved samples; the first is the baseline.
/// Figures are per operation, an iteration doing `ops` of them.
pub fn compare(
    title: &str,
    mut candidates: Vec<Candidate<'_>>,
    samples: usize,
    ops: usize,
) -> Vec<Outcome> {
    settle_allocator();
    // Calibrate: iterations per sample so that a sample lasts about SAMPLE_TARGET.
    let iters: Vec<u64> = candidates
        .iter_mut()
        .map(|c| {
            let mut n = 1u64;
            loop {
                let t = Instant::now();
                for _ in 0..n {
                    std::hint::black_box((c.run)());
                }
                let e = t.elapsed();
                if e >= SAMPLE_TARGET / 4 || n >= 1 << 30 {
                    let per = e.as_secs_f64() / n as f64;
                    break ((SAMPLE_TARGET.as_secs_f64() / per).ceil() as u64).max(1);
                }
                n *= 2;
            }
        })
        .collect();
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(samples); candidates.len()];
    for round in 0..samples {
        // Rotate the order each round so that no candidate always runs first.
        for k in 0..candidates.len() {
            let i = (k + round) % candidates.len();
            let c = &mut candidates[i];
            let t = Instant::now();
            for _ in 0..iters[i] {
                std::hint::black_box((c.run)());
            }
            times[i].push(t.elapsed().as_secs_f64() / iters[i] as f64);
        }
    }
    let medians: Vec<f64> = times
        .into_iter()
        .map(|t| median(t) / ops.max(1) as f64)
        .collect();
    let base = medians[0];
    let outcomes: Vec<Outcome> = candidates
        .iter()
        .zip(&medians)
        .map(|(c, &m)| Outcome {
            name: c.name.clone(),
            median: m,
            ratio: m / base,
        })
        .collect();
    let unit = if ops > 1 { "median per op" } else { "median" };
    println!(
        "\n{title}\n  {:<52} {:>14} {:>8}",
        "candidate", unit, "ratio"
    );
    for o in &outcomes {
        println!(
            "  {:<52} {:>14} {:>8.2}",
            o.name,
            format_duration(o.median),
            o.ratio
        );
    }
    outcomes
}

/// Raises the allocator's threshold for handing large blocks to the kernel, before any
/// timing. glibc's malloc serves a block above 128 KiB with its own `mmap`, and raises
/// that threshold to the size of the largest such block freed so far (up to 32 MiB). So
/// without this, which candidate pays the kernel's page faults for a multi-megabyte
/// vector depended on which candidate had freed the largest one before: the same decode
/// measured 16% apart at 10,000 results, depending on its neighbours. One large block,
/// freed, makes every candidate reuse the heap's memory alike. (Other allocators ignore
/// it.)
fn settle_allocator() {
    let block: Vec<u8> = vec![1; 31 << 20];
    std::hint::black_box(&block);
}

/// Prints whether `ratio` meets `target` (a budget lives here, not in a timed test).
pub fn budget(what: &str, ratio: f64, target: f64) {
    let verdict = if ratio <= target { "met" } else { "MISSED" };
    println!("  budget: {what}: {ratio:.2} (target <= {target:.2}): {verdict}");
}

pub fn format_duration(secs: f64) -> String {
    let ns = secs * 1e9;
    if ns < 1e3 {
        format!("{ns:.1} ns")
    } else if ns < 1e6 {
        format!("{:.2} us", ns / 1e3)
    } else {
        format!("{:.2} ms", ns / 1e6)
    }
}

/// Samples per comparison: `BENCH_SAMPLES`, else `default`.
pub fn samples(default: usize) -> usize {
    std::env::var("BENCH_SAMPLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A deterministic pseudo-random sequence (xorshift64*), for shuffling workloads.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
