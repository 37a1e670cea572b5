//! The bounds of a fetch, against loopback servers that misbehave: a redirect loop, a
//! page exactly at the size limit and one byte over it, a server that never stops
//! sending (fast: the size limit ends it; slow: the timeout does), and redirects that
//! lead nowhere. `cargo codes vendor` over such a server changes nothing and says why.

use infobip_codes_codegen::vendor::{
    fetch, fetch_with, FetchError, FetchOptions, MAX_PAGE_BYTES, MAX_REDIRECTS,
};
use server::Answer;
use std::process::Command;
use std::time::Duration;

#[path = "../../tests/support/server.rs"]
mod server;

mod support;

/// Long enough that only the limit under test can end a fetch.
const PATIENT: Duration = Duration::from_secs(60);

const PAGE: &str = "## Status codes\n\n| Group ID | Id | Name | Description |\n";

fn serve() -> String {
    let limit = usize::try_from(MAX_PAGE_BYTES).unwrap();
    server::serve(vec![
        ("/page.md", Answer::ok("text/markdown", PAGE)),
        ("/hop/1", Answer::redirect("/hop/2")),
        ("/hop/2", Answer::redirect("../page.md")),
        ("/loop/a", Answer::redirect("/loop/b")),
        ("/loop/b", Answer::redirect("/loop/a")),
        ("/to-missing", Answer::redirect("/missing.md")),
        ("/to-file", Answer::redirect("file:///etc/passwd")),
        (
            "/no-location",
            Answer {
                status: "302 Found",
                ..Answer::ok("text/html", "moved")
            },
        ),
        (
            "/at-limit.md",
            Answer::ok("text/markdown", vec![b'a'; limit]),
        ),
        (
            "/over-limit.md",
            Answer::ok("text/markdown", vec![b'a'; limit + 1]),
        ),
        (
            "/endless.md",
            Answer::endless("text/markdown", vec![b'a'; 64 * 1024], Duration::ZERO),
        ),
        (
            "/trickle.md",
            Answer::endless("text/markdown", "a", Duration::from_millis(20)),
        ),
    ])
}

fn patient() -> FetchOptions {
    FetchOptions::new(PATIENT)
}

#[test]
fn redirects_are_followed_and_reported() {
    let base = serve();
    let source = format!("{base}/hop/1");
    let got = fetch_with(&source, &patient()).unwrap();
    assert_eq!(got.page.bytes, PAGE.as_bytes());
    // The page keeps the address it was asked for; the redirects say where it came from.
    assert_eq!(got.page.origin, source);
    assert_eq!(
        got.redirects,
        [format!("{base}/hop/2"), format!("{base}/page.md")]
    );
    assert_eq!(got.final_url(), format!("{base}/page.md"));

    let direct = fetch_with(&format!("{base}/page.md"), &patient()).unwrap();
    assert!(direct.redirects.is_empty());
    assert_eq!(direct.final_url(), format!("{base}/page.md"));

    // With fewer redirects allowed than the route takes, it stops there.
    let strict = FetchOptions {
        max_redirects: 1,
        ..patient()
    };
    let err = fetch_with(&source, &strict).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("fetching {source} was redirected more than 1 time(s): {source} -> {base}/hop/2 -> {base}/page.md")
    );
}

#[test]
fn a_redirect_loop_ends_at_the_limit_and_names_the_route() {
    let base = serve();
    let source = format!("{base}/loop/a");
    let err = fetch_with(&source, &patient()).unwrap_err();
    let FetchError::TooManyRedirects { url, limit, chain } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(url, &source);
    assert_eq!(*limit, MAX_REDIRECTS);
    assert_eq!(chain.len(), MAX_REDIRECTS as usize + 1);
    for (i, hop) in chain.iter().enumerate() {
        let expected = if i % 2 == 0 { "/loop/b" } else { "/loop/a" };
        assert_eq!(hop, &format!("{base}{expected}"));
    }
    let message = err.to_string();
    assert!(
        message.starts_with(&format!(
            "fetching {source} was redirected more than 10 time(s): {source} -> {base}/loop/b -> {base}/loop/a -> "
        )),
        "{message}"
    );
    // The fetch that `cargo codes vendor` uses says the same.
    assert_eq!(fetch(&source, PATIENT).unwrap_err(), message);
}

#[test]
fn redirects_that_lead_nowhere() {
    let base = serve();
    let err = fetch_with(&format!("{base}/to-missing"), &patient()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("fetching {base}/to-missing answered HTTP 404 Not Found (at {base}/missing.md, where it was redirected)")
    );
    let err = fetch_with(&format!("{base}/to-file"), &patient()).unwrap_err();
    assert_eq!(
        err,
        FetchError::BadRedirect {
            url: format!("{base}/to-file"),
            status: "302 Found".to_owned(),
            location: Some("file:///etc/passwd".to_owned()),
        }
    );
    assert_eq!(
        err.to_string(),
        format!("fetching {base}/to-file answered HTTP 302 Found to `file:///etc/passwd`, which is not an address to follow")
    );
    let err = fetch_with(&format!("{base}/no-location"), &patient()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("fetching {base}/no-location answered HTTP 302 Found without a Location")
    );
}

#[test]
fn a_page_of_exactly_32_mib_is_read_and_one_byte_more_is_refused() {
    assert_eq!(MAX_PAGE_BYTES, 32 * 1024 * 1024);
    let base = serve();
    let got = fetch_with(&format!("{base}/at-limit.md"), &patient()).unwrap();
    assert_eq!(got.page.bytes.len() as u64, MAX_PAGE_BYTES);
    let url = format!("{base}/over-limit.md");
    let err = fetch_with(&url, &patient()).unwrap_err();
    assert_eq!(
        err,
        FetchError::TooLarge {
            url: url.clone(),
            limit: MAX_PAGE_BYTES
        }
    );
    assert_eq!(
        err.to_string(),
        format!("{url} is not a page: it is larger than 32 MiB (33554432 bytes)")
    );
}

#[test]
fn a_server_that_never_stops_sending_is_cut_off_at_the_size_limit() {
    let base = serve();
    let url = format!("{base}/endless.md");
    let err = fetch_with(&url, &patient()).unwrap_err();
    assert_eq!(
        err,
        FetchError::TooLarge {
            url,
            limit: MAX_PAGE_BYTES
        }
    );
}

#[test]
fn a_server_that_never_stops_sending_slowly_is_cut_off_by_the_timeout() {
    let base = serve();
    let url = format!("{base}/trickle.md");
    let err = fetch_with(&url, &FetchOptions::new(Duration::from_millis(500))).unwrap_err();
    assert_eq!(
        err,
        FetchError::Timeout {
            url: url.clone(),
            after: Duration::from_millis(500)
        }
    );
    assert_eq!(
        fetch(&url, Duration::from_millis(500)).unwrap_err(),
        format!("fetching {url} timed out after 0.5 s")
    );
}

#[test]
fn vendoring_from_a_redirect_loop_changes_nothing_and_says_where_it_went() {
    let base = serve();
    let dir = support::project_with_docs_source("fetch-loop");
    let docs = dir.join("docs-source");
    let read = || {
        let mut files: Vec<_> = std::fs::read_dir(&docs)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name(), std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    };
    let before = read();
    let source = format!("{base}/loop/a");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-codes"))
        .args(["vendor", &source, "--docs"])
        .arg(&docs)
        .current_dir(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "fetching {source} was redirected more than 10 time(s): {source} -> {base}/loop/b -> "
        )),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was changed"), "{stderr}");
    assert!(read() == before, "docs-source changed");
    let _ = std::fs::remove_dir_all(&dir);
}
