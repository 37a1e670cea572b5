//! The generator's cost: read (parse + merge), validate and emit Rust for the vendored
//! page, and for synthetic pages 10 and 100 times larger (the vendored page's sections
//! repeated under new channel names), to show that the cost grows linearly: the figure
//! is the median time per code, and the ratio to the 1x page stays near 1.
//!
//! `cargo bench --bench generator`

mod harness;

use harness::{compare, format_duration, samples, Candidate};
use infobip_codes_codegen::diag::Diagnostics;
use infobip_codes_codegen::{build, docs_source, Inputs, PageInput};
use std::path::Path;

/// The vendored page with its codes sections repeated `copies` times, each copy's
/// channels renamed (`General 7 status codes`), so that every code is distinct.
fn scaled_page(page: &str, copies: usize) -> String {
    let start = page.find("##General status codes").expect("sections");
    let (intro, sections) = page.split_at(start);
    let mut out = String::from(intro);
    for k in 0..copies {
        for line in sections.lines() {
            if let Some(rest) = line.strip_prefix("##").filter(|r| !r.starts_with('#')) {
                for kind in [" status codes", " error codes"] {
                    if let Some(at) = rest.find(kind) {
                        out.push_str(&format!("##{} {k}{}\n", &rest[..at], &rest[at..]));
                        break;
                    }
                }
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

fn main() {
    let n = samples(11);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs-source");
    let mut diags = Diagnostics::default();
    let vendored = docs_source::load_dir(&dir, "docs-source", &mut diags);
    // BENCH_ONLY=generate: run the pipeline on the vendored page BENCH_TIMES times,
    // untimed, for an instruction counter (`benches/instructions.sh`).
    if std::env::var("BENCH_ONLY").is_ok_and(|m| m == "generate") {
        let times: usize = std::env::var("BENCH_TIMES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1);
        let bytes: usize = (0..times)
            .map(|_| build(&vendored).map(|g| g.source.len()).unwrap_or(0))
            .sum();
        println!("{bytes}");
        return;
    }
    let page = String::from_utf8(vendored.pages[0].bytes.clone()).unwrap();
    let url = vendored.pages[0].options.page_url.clone();
    let inputs_for = |copies: usize| {
        let mut p = PageInput::new("page.md", scaled_page(&page, copies));
        p.options.page_url = url.clone();
        Inputs::pages(vec![p])
    };
    let sizes = [1usize, 10, 100];
    let inputs: Vec<Inputs> = sizes.iter().map(|&k| inputs_for(k)).collect();
    let codes: Vec<usize> = inputs
        .iter()
        .map(|i| build(i).expect("valid synthetic page").catalog.codes.len())
        .collect();
    println!("synthetic pages: {:?} codes", codes);

    // The vendored folder as `cargo codes generate` and a `regenerate` build read it (pins
    // and all), formatting included: the budget figure.
    let outcomes = compare(
        "read + validate + emit + format the vendored docs-source (`cargo codes generate`)",
        vec![Candidate::new(
            "infobip_codes_codegen::build(docs-source)",
            || build(&vendored).map(|g| g.source.len() as u64).unwrap_or(0),
        )],
        n,
        1,
    );
    let t = outcomes[0].median;
    println!(
        "  budget: generator on the vendored page: {} (target <= 100 ms): {}",
        format_duration(t),
        if t <= 0.100 { "met" } else { "MISSED" }
    );

    let candidates = sizes
        .iter()
        .zip(&inputs)
        .zip(&codes)
        .map(|((k, i), c)| {
            Candidate::new(format!("{k}x page ({c} codes)"), move || {
                build(i).map(|g| g.source.len() as u64).unwrap_or(0)
            })
        })
        .collect();
    // Per-code figures: divide each candidate's time by its own code count.
    let outcomes = compare(
        "scaling: total time at 1x, 10x and 100x (ratios to the 1x page)",
        candidates,
        n,
        1,
    );
    println!("  per code (ratio ~1 or below means linear):");
    let base = outcomes[0].median / codes[0] as f64;
    for (o, c) in outcomes.iter().zip(&codes) {
        let per = o.median / *c as f64;
        println!(
            "    {:<44} total {:>10}  per code {:>10}  ratio {:.2}",
            o.name,
            format_duration(o.median),
            format_duration(per),
            per / base
        );
    }
}
