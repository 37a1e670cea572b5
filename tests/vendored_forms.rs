//! Any form of the page vendors into a crate that builds with default features: each
//! form (markdown, rendered HTML, flattened text) is served on a loopback address, by a
//! URL with an extension and by one without, vendored into a copy of the package with
//! `cargo codes vendor`, and the copy is built and run with cargo, offline.

mod support;

use infobip_codes_codegen::{committed, freshness};
use support::server::{self, Answer};

/// Prints the page the copy was generated from and how many codes it has.
const PROBE: &str = r#"fn main() {
    let page = &infobip_codes::source::PAGES[0];
    println!(
        "{} {} {:?} {} {}",
        infobip_codes::source::PAGES.len(),
        page.path(),
        page.url(),
        infobip_codes::StatusCode::ALL.len(),
        infobip_codes::ErrorCode::ALL.len()
    );
}
"#;

#[test]
fn every_form_vendored_from_any_url_builds_with_default_features() {
    let copy = support::Copy::new("vendored-forms", PROBE);
    let page = std::fs::read(
        copy.dir
            .join("docs-source/response-status-and-error-codes.md"),
    )
    .unwrap();
    let html = std::fs::read(
        copy.dir
            .join("tests/fixtures/pages/response-status-and-error-codes.html"),
    )
    .unwrap();
    let flat: Vec<u8> = page
        .iter()
        .map(|b| if *b == b'\n' { b' ' } else { *b })
        .collect();
    let base = server::serve(vec![
        ("/forms/codes.md", Answer::ok("text/markdown", page.clone())),
        ("/forms/codes-md", Answer::ok("text/markdown", page)),
        ("/forms/codes.html", Answer::ok("text/html", html.clone())),
        ("/forms/codes", Answer::ok("text/html; charset=utf-8", html)),
        ("/forms/codes.txt", Answer::ok("text/plain", flat.clone())),
        ("/forms/codes-flat", Answer::ok("text/plain", flat)),
    ]);
    let canonical = "https://dev.infobip.com/getting-started/response-status-and-error-codes";
    // In an order that changes the page's form at every step but one: each refresh
    // replaces the page the last one left, under the name its form needs.
    for (path, file) in [
        ("/forms/codes", "response-status-and-error-codes.html"),
        ("/forms/codes.md", "response-status-and-error-codes.md"),
        ("/forms/codes.html", "response-status-and-error-codes.html"),
        ("/forms/codes.txt", "response-status-and-error-codes.md"),
        ("/forms/codes-flat", "response-status-and-error-codes.md"),
        ("/forms/codes-md", "response-status-and-error-codes.md"),
    ] {
        let url = format!("{base}{path}");
        let (code, out, err) = copy.codes(&["vendor", &url]);
        assert_eq!(code, 0, "{path}: {out}{err}");
        assert!(
            out.contains(&format!(
                " as {}/{file} (",
                copy.dir.join("docs-source").display()
            )),
            "{path}: {out}"
        );
        // The same page in another form, from another host: no change in meaning.
        assert!(
            out.ends_with("\nsemver verdict: none\nno change in meaning\n"),
            "{path}: {out}"
        );
        let pages: Vec<String> = std::fs::read_dir(copy.dir.join("docs-source"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| freshness::is_page(n))
            .collect();
        assert_eq!(pages, [file], "{path}");

        // The committed source is what the generator writes, and records the inputs.
        assert_eq!(freshness::check(&copy.dir), Ok(()), "{path}");
        let (outcome, _) = committed::ensure(&copy.dir, committed::Mode::Check).unwrap();
        assert_eq!(outcome, committed::Ensured::Fresh, "{path}");
        // And the crate builds and runs with default features.
        let (ok, stdout, stderr) = copy.probe(&[]);
        assert!(ok, "{path}: {stderr}");
        assert_eq!(
            stdout,
            format!("1 docs-source/{file} Some(\"{canonical}\") 40 149\n"),
            "{path}"
        );
    }
}
