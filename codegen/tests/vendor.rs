//! `cargo codes vendor` from files and from a local HTTP server (127.0.0.1 only), the
//! failure cases that must change nothing, and the CI version gate on a git history.

use infobip_codes_codegen::{docs_source, freshness, vendor};
use server::Answer;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::Duration;

#[path = "../../tests/support/server.rs"]
mod server;

mod support;
use support::root;

fn vendored_page() -> String {
    std::fs::read_to_string(root().join("docs-source/response-status-and-error-codes.md")).unwrap()
}

/// A project folder with a copy of docs-source/, the committed src/generated.rs, and a
/// Cargo.toml at `version`.
struct Project(PathBuf);

impl Project {
    fn new(tag: &str, version: &str) -> Project {
        let dir = support::project_with_docs_source(&format!("vendor-{tag}"));
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::copy(
            root().join("src/generated.rs"),
            dir.join("src/generated.rs"),
        )
        .unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            format!("[package]\nname = \"infobip-codes\"\nversion = \"{version}\"\n"),
        )
        .unwrap();
        Project(dir)
    }

    /// The committed generated source records docs-source/ as it is, and is exactly what
    /// the generator writes from it.
    fn assert_fresh(&self) {
        assert_eq!(freshness::check(&self.0), Ok(()));
        let check = self.codes(&["generate", "--check"]);
        assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
        assert_eq!(stdout(&check), "src/generated.rs is fresh\n");
    }

    /// docs-source/ and src/generated.rs.
    fn state(&self) -> (Vec<(String, Vec<u8>)>, String) {
        let generated = std::fs::read_to_string(self.0.join("src/generated.rs")).unwrap();
        (self.snapshot(), generated)
    }

    fn docs(&self) -> PathBuf {
        self.0.join("docs-source")
    }

    fn codes(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_cargo-codes"))
            .args(args)
            .arg("--docs")
            .arg(self.docs())
            .current_dir(&self.0)
            .output()
            .unwrap()
    }

    /// `cargo codes vendor` of the refreshed page, from a file beside docs-source/.
    fn vendor_refreshed_file(&self) -> Output {
        let refreshed = self.0.join("refreshed.md");
        std::fs::write(&refreshed, refreshed_page()).unwrap();
        self.codes(&[
            "vendor",
            &refreshed.to_string_lossy(),
            "--name",
            "response-status-and-error-codes.md",
        ])
    }

    /// The page files of docs-source/, by name.
    fn pages(&self) -> Vec<String> {
        self.snapshot()
            .into_iter()
            .map(|(name, _)| name)
            .filter(|name| name.ends_with(".md") || name.ends_with(".html"))
            .collect()
    }

    /// The records of docs-source/provenance.json.
    fn records(&self) -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(self.docs().join("provenance.json")).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["pages"].as_array().unwrap().clone()
    }

    /// Replaces docs-source/ with `pages` and regenerates src/generated.rs from them.
    fn with_pages(&self, pages: &[(&str, &[u8])]) {
        std::fs::remove_dir_all(self.docs()).unwrap();
        std::fs::create_dir_all(self.docs()).unwrap();
        for (name, bytes) in pages {
            std::fs::write(self.docs().join(name), bytes).unwrap();
        }
        let out = self.codes(&["generate", "--write"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }

    /// Every file of docs-source/, to check that a failure changed nothing.
    fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(self.docs())
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    fn git(&self, args: &[&str]) {
        let out = Command::new("git")
            .args([
                "-c",
                "user.name=test",
                "-c",
                "user.email=test@example.invalid",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(&self.0)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The edited page a refresh brings: one new status, one flipped flag.
fn refreshed_page() -> String {
    vendored_page()
        .replacen(
            "|5|`DELIVERED_TO_HANDSET`",
            "|99|`DELIVERED_TO_MARS`<ul><li>Delivered to a handset on Mars.</li></ul>|\n|5|`DELIVERED_TO_HANDSET`",
            1,
        )
        .replacen("|27|false|`EC_ABSENT_SUBSCRIBER`", "|27|true|`EC_ABSENT_SUBSCRIBER`", 1)
}

/// The edited page of the issue that asked for refreshes: one `permanent` flag flipped,
/// one row added (status 99), one removed (error 5415).
fn edited_page() -> String {
    let page = vendored_page();
    let at = page.find("|5415|").unwrap();
    let end = at + page[at..].find('\n').unwrap() + 1;
    refreshed_page().replace(&page[at..end], "")
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures").join(path)).unwrap()
}

/// The address recorded for the vendored page.
const CANONICAL: &str = "https://dev.infobip.com/getting-started/response-status-and-error-codes";

/// Serves the pages of these tests on 127.0.0.1 for the life of the test process.
fn serve() -> String {
    let html = fixture("pages/response-status-and-error-codes.html");
    server::serve(vec![
        (
            "/docs/response-status-and-error-codes.md",
            Answer::ok("text/markdown; charset=utf-8", refreshed_page()),
        ),
        (
            "/docs/response-status-and-error-codes",
            Answer::ok("text/html; charset=utf-8", html),
        ),
        (
            "/edited/refreshed.md",
            Answer::ok("text/markdown", edited_page()),
        ),
        // The unchanged page, from a mirror.
        (
            "/mirror/response-status-and-error-codes.md",
            Answer::ok("text/markdown", vendored_page()),
        ),
        (
            "/docs/image.png",
            Answer::ok("image/png", b"\x89PNG\r\n\x1a\n\0\0\0".to_vec()),
        ),
        (
            "/docs/about.html",
            Answer::ok(
                "text/html",
                b"<html><body><h1>About us</h1><p>No codes here.</p></body></html>".to_vec(),
            ),
        ),
        (
            "/docs/slow.md",
            Answer::ok("text/markdown", refreshed_page()).after(Duration::from_secs(3)),
        ),
    ])
}

#[test]
fn vendoring_a_file_writes_the_page_provenance_pins_and_prints_the_diff() {
    let p = Project::new("file", "0.1.0");
    let out = p.vendor_refreshed_file();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("(replaced the page; sha256 "), "{text}");
    assert!(text.contains(
        "1 new variant name(s) pinned; 0 code(s) no longer on the page kept as deprecated"
    ));
    assert!(text.contains("the minor verdict needs version 0.1.1 or later (Cargo.toml has 0.1.0)"));
    assert!(text.contains("semver verdict: minor\nBEHAVIOUR CHANGE"));
    assert!(text.contains("+ status 99 DELIVERED_TO_MARS (general)  StatusCode::DeliveredToMars"));

    let page =
        std::fs::read_to_string(p.docs().join("response-status-and-error-codes.md")).unwrap();
    assert_eq!(page, refreshed_page());
    let provenance = std::fs::read_to_string(p.docs().join("provenance.json")).unwrap();
    let sha = infobip_codes_codegen::freshness::sha256_hex(page.as_bytes());
    assert!(
        provenance.contains(&format!("\"sha256\": \"{sha}\"")),
        "{provenance}"
    );
    // A file keeps the page's public address (relative links) from the record it replaces.
    assert!(provenance.contains(
        "\"url\": \"https://dev.infobip.com/getting-started/response-status-and-error-codes\""
    ));
    assert!(provenance.contains("\"retrieved\": \"20"));
    // One format for `retrieved`, a date; the notes name the file, not where it was.
    let record = &p.records()[0];
    let retrieved = record["retrieved"].as_str().unwrap();
    assert!(
        retrieved.len() == 10 && retrieved.as_bytes()[4] == b'-' && retrieved.as_bytes()[7] == b'-',
        "{retrieved}"
    );
    assert_eq!(
        record["notes"],
        "Vendored from the local file refreshed.md by `cargo codes vendor`."
    );
    assert!(
        !provenance.contains(&*std::env::temp_dir().to_string_lossy()),
        "{provenance}"
    );
    let overrides = std::fs::read_to_string(p.docs().join("overrides.json")).unwrap();
    assert!(overrides.contains("\"status/general/99\": \"DeliveredToMars\""));
    // The committed source follows: it has the new code, and records the new inputs.
    assert!(text.contains(&format!(
        "wrote {0}/retired.json, {0}/overrides.json, {0}/response-status-and-error-codes.md, {0}/provenance.json, src/generated.rs;",
        p.docs().display()
    )), "{text}");
    p.assert_fresh();
    let generated = std::fs::read_to_string(p.0.join("src/generated.rs")).unwrap();
    assert!(generated.contains("    DeliveredToMars,\n"));
    // The folder now reads cleanly, and a second identical vendoring changes nothing.
    let check = p.codes(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    // Every name pinned: after the warnings, no note of names to pin, only the result.
    let text = stdout(&check);
    let blocks: Vec<&str> = text
        .split("\n\n")
        .filter_map(|b| b.lines().next())
        .collect();
    assert_eq!(blocks[blocks.len() - 2], "1 warning(s):", "{text}");
    assert!(
        blocks[blocks.len() - 1].starts_with("ok: generated 53"),
        "{text}"
    );
    let again = p.vendor_refreshed_file();
    assert!(
        stdout(&again).contains("semver verdict: none\nno change in meaning"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn a_code_that_leaves_the_page_is_retired_not_removed() {
    let p = Project::new("retire", "0.1.0");
    let page = vendored_page();
    let at = page.find("|5415|").unwrap();
    let end = at + page[at..].find('\n').unwrap() + 1;
    let without = format!("{}{}", &page[..at], &page[end..]);
    let file = p.0.join("response-status-and-error-codes.md");
    std::fs::write(&file, &without).unwrap();
    let out = p.codes(&["vendor", &file.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("semver verdict: minor"), "{text}");
    assert!(text.contains("~ error 5415 EC_VOICE_UNSUPPORTED_MEDIA_TYPE (voice)  ErrorCode::EcVoiceUnsupportedMediaType"));
    let retired = std::fs::read_to_string(p.docs().join("retired.json")).unwrap();
    assert!(
        retired.contains("\"id\": 5415") && retired.contains("\"retired_in\": \"0.1.1\""),
        "{retired}"
    );
    // check counts it with the crate's codes, and says it is retired.
    let check = stdout(&p.codes(&["check"]));
    assert!(
        check.contains(
            "total                         40     149\nof which retired               0       1\n"
        ),
        "{check}"
    );
    let explain = p.codes(&["explain", "5415"]);
    assert!(stdout(&explain)
        .contains("retired:   no longer on the page; kept as deprecated since 0.1.1"));

    // The page brings it back: it leaves retired.json again.
    let back = p.0.join("back").join("response-status-and-error-codes.md");
    std::fs::create_dir_all(back.parent().unwrap()).unwrap();
    std::fs::write(&back, &page).unwrap();
    let out = p.codes(&["vendor", &back.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("+ error 5415"), "{}", stdout(&out));
    assert!(!std::fs::read_to_string(p.docs().join("retired.json"))
        .unwrap()
        .contains("5415"));
    p.assert_fresh();
}

#[test]
fn pinning_keeps_the_generated_source_fresh() {
    let p = Project::new("pin", "0.1.0");
    let overrides = std::fs::read_to_string(p.docs().join("overrides.json")).unwrap();
    let unpinned = overrides.replace("    \"status/general/5\": \"DeliveredToHandset\",\n", "");
    assert_ne!(unpinned, overrides);
    std::fs::write(p.docs().join("overrides.json"), unpinned).unwrap();
    assert!(freshness::check(&p.0).is_err());
    let check = p.codes(&["check"]);
    assert!(stdout(&check).contains("\nnote: 1 variant name(s) are not pinned yet; `cargo codes pin` records them in docs-source/overrides.json\n"), "{}", stdout(&check));
    let out = p.codes(&["pin"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("pinned 1 new variant name(s); 205 pinned in "));
    assert_eq!(
        std::fs::read_to_string(p.docs().join("overrides.json")).unwrap(),
        overrides
    );
    p.assert_fresh();
}

/// A vendoring killed between any two of its steps leaves either a consistent package
/// or one whose build fails as stale; running the vendoring again completes it, with
/// the very files an uninterrupted run writes. Whether the page keeps the name of the
/// page it replaces or takes another (then the old page and its record go).
#[test]
fn an_interrupted_vendoring_is_completed_by_running_it_again() {
    let source = std::env::temp_dir().join(format!("interrupted-{}.md", std::process::id()));
    // A removed code (retired.json), a new one (a pin), a flipped flag.
    std::fs::write(&source, edited_page()).unwrap();
    let fetched = vendor::fetch(&source.to_string_lossy(), Duration::from_secs(5)).unwrap();
    let cases = [
        (
            "same-name",
            "response-status-and-error-codes.md",
            "retired.json, overrides.json, the page, provenance.json, src/generated.rs",
        ),
        (
            "another-name",
            "codes.md",
            "retired.json, overrides.json, the page, provenance.json, the old page removed, src/generated.rs",
        ),
    ];
    for (case, name, steps) in cases {
        let options = vendor::Options {
            name: Some(name.into()),
            retrieved: "2026-12-01".into(),
            version: None,
            generated: true,
            ..vendor::Options::default()
        };
        let run = |p: &Project, steps: usize| {
            let files = docs_source::read_dir_files(&p.docs()).unwrap();
            let plan = vendor::plan(&files, "docs-source", &fetched, &options).unwrap();
            let generated = p.0.join("src/generated.rs");
            vendor::apply_interrupted(&p.docs(), Some(&generated), &plan, steps).unwrap();
            plan.steps()
        };

        let whole = Project::new(&format!("whole-{case}"), "0.1.0");
        let total = run(&whole, usize::MAX);
        assert_eq!(total, steps.split(", ").count(), "{case}: {steps}");
        whole.assert_fresh();
        assert_eq!(whole.pages(), [name], "{case}");
        let records = whole.records();
        assert_eq!(records.len(), 1, "{case}: {records:?}");
        assert_eq!(records[0]["file"], name);
        assert_eq!(records[0]["title"], "Response status and error codes");
        assert_eq!(records[0]["url"], CANONICAL);
        let expected = whole.state();

        for killed_after in 0..total {
            let p = Project::new(&format!("killed-{case}-{killed_after}"), "0.1.0");
            run(&p, killed_after);
            match freshness::check(&p.0) {
                // Nothing moved yet: the old, consistent package.
                Ok(()) => assert_eq!(killed_after, 0, "{case}"),
                Err(stale) => {
                    assert!(killed_after > 0, "{case}");
                    assert!(stale.to_string().contains("cargo codes generate --write"));
                }
            }
            run(&p, usize::MAX);
            p.assert_fresh();
            assert!(
                p.state() == expected,
                "{case}: killed after {killed_after} step(s), a second run left other files"
            );
        }
    }
    let _ = std::fs::remove_file(&source);
}

#[test]
fn vendoring_from_a_local_server_and_its_failures() {
    let base = serve();
    let p = Project::new("http", "0.1.0");
    let before = p.snapshot();
    let failures = [
        ("/docs/missing.md", "answered HTTP 404 Not Found"),
        (
            "/docs/image.png",
            "is not a page: its content type is image/png",
        ),
        ("/docs/about.html", "the page was refused:"),
        ("/docs/slow.md", "timed out after 0.5 s"),
    ];
    for (path, why) in failures {
        let url = format!("{base}{path}");
        let out = p.codes(&["vendor", &url, "--timeout", "0.5"]);
        assert_eq!(out.status.code(), Some(1), "{path}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(err.contains(why), "{path}: {err}");
        assert!(err.contains("nothing was changed"), "{path}: {err}");
        assert!(p.snapshot() == before, "{path} changed docs-source");
    }
    let no_codes = p.codes(&["vendor", &format!("{base}/docs/about.html")]);
    assert!(stderr(&no_codes).contains("no codes found in page"));

    // Markdown by URL: it refreshes the page; the address recorded for the page stays its
    // address (the base of its relative links), and the notes say where it came from.
    let url = format!("{base}/docs/response-status-and-error-codes.md");
    let out = p.codes(&["vendor", &url]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("semver verdict: minor"));
    let provenance = std::fs::read_to_string(p.docs().join("provenance.json")).unwrap();
    assert!(provenance.contains(&format!("\"url\": \"{CANONICAL}\"")));
    assert!(provenance.contains(&format!("Vendored from {url} by `cargo codes vendor`.")));

    // The rendered HTML page by an extensionless URL: read with the CLI's html reader,
    // named as the page it replaces with the extension of its form.
    let html_url = format!("{base}/docs/response-status-and-error-codes");
    let out = p.codes(&["vendor", &html_url, "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = p.docs().display().to_string();
    assert!(
        stdout(&out).contains(&format!(
            "as {docs}/response-status-and-error-codes.html (replaced {docs}/response-status-and-error-codes.md; sha256 "
        )),
        "{}",
        stdout(&out)
    );
    assert_eq!(p.pages(), ["response-status-and-error-codes.html"]);
    // Added as a second page, it would hold a second copy of every code.
    let before = p.snapshot();
    let out = p.codes(&["vendor", &url, "--add"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains(&format!("error: the page lists 189 code(s) that {docs}/response-status-and-error-codes.html lists too (the first: status 2 DELIVERED_TO_OPERATOR (general)), and docs-source never holds two copies of the same codes: refresh that page with this one (without --add; --name FILE chooses the page), or vendor a page without them\nnothing was changed\n")),
        "{}",
        stderr(&out)
    );
    assert!(p.snapshot() == before);
}

/// The refresh of the issue: an edited page served under another file name replaces
/// the page, reports the removed row as retired, and leaves one page.
#[test]
fn a_page_under_another_name_replaces_the_page_it_refreshes() {
    let base = serve();
    let url = format!("{base}/edited/refreshed.md");

    // By default the page keeps the name of the page it replaces.
    let p = Project::new("another-name", "0.1.0");
    let docs = p.docs().display().to_string();
    let out = p.codes(&["vendor", &url]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let sha = freshness::sha256_hex(edited_page().as_bytes());
    let head = format!(
        "vendored {url} as {docs}/response-status-and-error-codes.md (replaced the page; sha256 {sha})
it refreshes {docs}/response-status-and-error-codes.md, the only page (--name FILE names another; --add adds a page instead)
relative links resolve against {CANONICAL} (recorded for {docs}/response-status-and-error-codes.md; --canonical-url sets another)
wrote {docs}/retired.json, {docs}/overrides.json, {docs}/response-status-and-error-codes.md, {docs}/provenance.json, src/generated.rs; 1 new variant name(s) pinned; 1 code(s) no longer on the page kept as deprecated
the minor verdict needs version 0.1.1 or later (Cargo.toml has 0.1.0)

semver verdict: minor
"
    );
    assert!(text.starts_with(&head), "{text}");
    assert!(text.contains("\nretired from the page, kept as deprecated (1):\n  ~ error 5415 EC_VOICE_UNSUPPORTED_MEDIA_TYPE (voice)  ErrorCode::EcVoiceUnsupportedMediaType\n"), "{text}");
    assert!(!text.contains("listed again"), "{text}");
    assert!(!stderr(&out).contains("listed again"), "{}", stderr(&out));
    assert_eq!(p.pages(), ["response-status-and-error-codes.md"]);
    let records = p.records();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["title"], "Response status and error codes");
    assert_eq!(records[0]["url"], CANONICAL);
    assert_eq!(
        records[0]["retrieved"].as_str().unwrap().len(),
        "2026-12-01".len()
    );
    assert_eq!(records[0]["sha256"], sha.as_str());
    p.assert_fresh();

    // With --name, under that name: the old page and its record go.
    let p = Project::new("named", "0.1.0");
    let docs = p.docs().display().to_string();
    let out = p.codes(&["vendor", &url, "--name", "refreshed.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with(&format!("vendored {url} as {docs}/refreshed.md (replaced {docs}/response-status-and-error-codes.md; sha256 {sha})\n")), "{text}");
    assert!(text.contains(&format!(
        ", src/generated.rs; removed {docs}/response-status-and-error-codes.md; 1 new variant name(s) pinned; 1 code(s) no longer on the page kept as deprecated\n"
    )), "{text}");
    assert!(
        text.contains("  ~ error 5415 EC_VOICE_UNSUPPORTED_MEDIA_TYPE (voice)"),
        "{text}"
    );
    assert_eq!(p.pages(), ["refreshed.md"]);
    let records = p.records();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["file"], "refreshed.md");
    assert_eq!(records[0]["title"], "Response status and error codes");
    assert_eq!(records[0]["url"], CANONICAL);
    p.assert_fresh();
}

/// The same page from another host changes nothing: its links resolve against its
/// canonical address, not the address it was fetched from.
#[test]
fn the_unchanged_page_from_another_host_changes_nothing() {
    let base = serve();
    let p = Project::new("mirror", "0.1.0");
    let url = format!("{base}/mirror/response-status-and-error-codes.md");
    let out = p.codes(&["vendor", &url]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.ends_with("\nsemver verdict: none\nno change in meaning\n"),
        "{text}"
    );
    assert_eq!(p.records()[0]["url"], CANONICAL);
    // Rendered HTML from another host, by an extensionless URL: the same meaning too.
    let out = p.codes(&[
        "vendor",
        &format!("{base}/docs/response-status-and-error-codes"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("\nsemver verdict: none\nno change in meaning\n"),
        "{}",
        stdout(&out)
    );
    p.assert_fresh();

    // A page that comes from elsewhere is given its address with --canonical-url (--url
    // too): its relative links follow.
    let p = Project::new("canonical", "0.1.0");
    let elsewhere =
        "https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes";
    let out = p.codes(&["vendor", &url, "--canonical-url", elsewhere]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "\nrelative links resolve against {elsewhere} (--canonical-url)\n"
        )),
        "{text}"
    );
    assert!(text.contains("\nsemver verdict: patch\n"), "{text}");
    assert!(
        text.contains("  * status 65 REJECTED_NO_APPLICATION (push): description\n"),
        "{text}"
    );
    assert_eq!(p.records()[0]["url"], elsewhere);
    let again = p.codes(&["vendor", &url, "--url", elsewhere]);
    assert!(stdout(&again).ends_with("\nsemver verdict: none\nno change in meaning\n"));
}

/// With several pages, a refresh replaces the only one with the new page's title, or
/// else the only one with its kinds of codes; otherwise it refuses and says how to choose.
#[test]
fn with_several_pages_a_refresh_matches_by_title_or_kind_or_refuses() {
    let p = Project::new("several", "0.1.0");
    let status = fixture("pages/current/status-codes.md");
    let errors = fixture("pages/current/error-codes.md");
    p.with_pages(&[("status-codes.md", &status), ("error-codes.md", &errors)]);
    let docs = p.docs().display().to_string();
    let saved = p.0.join("saved");
    std::fs::create_dir_all(&saved).unwrap();
    let file = |name: &str, bytes: &[u8]| {
        let path = saved.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    };

    // By title: the HTML error page replaces the markdown one.
    let html = file(
        "error-codes.html",
        &fixture("pages/current/error-codes.html"),
    );
    let out = p.codes(&["vendor", &html]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "as {docs}/error-codes.html (replaced {docs}/error-codes.md; sha256 "
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "\nit refreshes {docs}/error-codes.md, the only page titled \"Response error codes\" ("
        )),
        "{text}"
    );
    assert!(
        text.contains(
            "\nrelative links stay relative: the page has no address (--canonical-url gives one)\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("\nsemver verdict: none\nno change in meaning\n"),
        "{text}"
    );
    assert_eq!(p.pages(), ["error-codes.html", "status-codes.md"]);

    // By kind: a status page without a title replaces the status page.
    let untitled =
        String::from_utf8(status.clone())
            .unwrap()
            .replacen("# Response status codes\n", "", 1);
    let out = p.codes(&["vendor", &file("statuses.md", untitled.as_bytes())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "\nit refreshes {docs}/status-codes.md, the only page of status codes ("
        )),
        "{}",
        stdout(&out)
    );
    assert_eq!(p.pages(), ["error-codes.html", "status-codes.md"]);
    p.assert_fresh();

    // Neither: a page of both kinds, without a title. Nothing changes.
    let before = p.snapshot();
    let both = file("codes.md", vendored_page().as_bytes());
    let out = p.codes(&["vendor", &both]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        "error: docs-source holds 2 pages, and none is the only one with the new page's title (none) or kinds of codes (status and error codes):
  error-codes.html: \"Response error codes\", error codes
  status-codes.md: no title, status codes
name the page it refreshes with --name FILE, or add it as another page with --add
nothing was changed
"
    );
    // Naming one of them would leave a second copy of the other's codes; so would --add.
    for args in [&["--name", "status-codes.md"][..], &["--add"][..]] {
        let out = p.codes(&[&["vendor", both.as_str()][..], args].concat());
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("and docs-source never holds two copies of the same codes"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // A name must fit the page's form.
    let out = p.codes(&["vendor", &both, "--name", "codes.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "error: `codes.html` does not fit the page, which is not HTML: name it `codes.md`\nnothing was changed\n"
    );
    assert!(p.snapshot() == before);

    // --add adds a page that shares no code.
    let extra = "# Response MMS error codes\n\n## MMS error codes\n\n### Delivery error / Group ID: 4\n\n| ID | Permanent | Error | Description |\n| --- | --- | --- | --- |\n| 9001 | true | EC_MMS_TOO_BIG | Too big. |\n";
    let out = p.codes(&[
        "vendor",
        &file("mms-error-codes.md", extra.as_bytes()),
        "--add",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "as {docs}/mms-error-codes.md (a new page; sha256 "
        )),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("\nadded beside the other pages (--add)\n"));
    assert_eq!(
        p.pages(),
        ["error-codes.html", "mms-error-codes.md", "status-codes.md"]
    );
    p.assert_fresh();
}

#[test]
fn the_version_gate_passes_only_when_the_version_moved_far_enough() {
    let p = Project::new("gate", "0.1.0");
    p.git(&["init", "-q"]);
    p.git(&["add", "-A"]);
    p.git(&["commit", "-q", "-m", "start"]);

    let unchanged = p.codes(&["diff", "--base", "HEAD", "--check-version"]);
    assert_eq!(unchanged.status.code(), Some(0), "{}", stderr(&unchanged));
    assert!(stderr(&unchanged).contains("version gate: no change in meaning since HEAD"));

    let out = p.vendor_refreshed_file();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    p.git(&["add", "-A"]);
    p.git(&["commit", "-q", "-m", "refresh without a bump"]);

    let fail = p.codes(&[
        "diff",
        "--base",
        "HEAD~1",
        "--check-version",
        "--format",
        "json",
    ]);
    assert_eq!(fail.status.code(), Some(2));
    assert!(stdout(&fail).starts_with("{\"verdict\":\"minor\",\"behaviour_change\":true"));
    assert!(
        stderr(&fail).contains("version gate: FAILED: docs-source changed since HEAD~1 with a minor verdict, so the version must move from 0.1.0 to at least 0.1.1; Cargo.toml has 0.1.0"),
        "{}",
        stderr(&fail)
    );

    std::fs::write(
        p.0.join("Cargo.toml"),
        "[package]\nname = \"infobip-codes\"\nversion = \"0.1.1\"\n",
    )
    .unwrap();
    p.git(&["commit", "-q", "-a", "-m", "bump"]);
    let pass = p.codes(&["diff", "--base", "HEAD~2", "--check-version"]);
    assert_eq!(pass.status.code(), Some(0), "{}", stderr(&pass));
    assert!(stderr(&pass).contains("version gate: ok: the minor change since HEAD~2 needs 0.1.1 or later after 0.1.0; Cargo.toml has 0.1.1"));

    let bad_rev = p.codes(&["diff", "--base", "no-such-rev"]);
    assert_eq!(bad_rev.status.code(), Some(1));
    assert!(stderr(&bad_rev).contains("`no-such-rev` is not a revision of the repository"));
    let fail_on = p.codes(&["diff", "--base", "HEAD~2", "--fail-on", "patch"]);
    assert_eq!(fail_on.status.code(), Some(2));
    let not_reached = p.codes(&["diff", "--base", "HEAD~2", "--fail-on", "major"]);
    assert_eq!(not_reached.status.code(), Some(0));
}

/// A refresh that changes the page's form never writes over another page of the name it
/// would take.
#[test]
fn a_refresh_does_not_write_over_another_page() {
    let p = Project::new("over", "0.1.0");
    p.with_pages(&[
        ("codes.md", &fixture("pages/current/status-codes.md")),
        ("codes.html", &fixture("pages/current/error-codes.html")),
    ]);
    let before = p.snapshot();
    let html = p.0.join("status-codes.html");
    std::fs::write(&html, fixture("pages/current/status-codes.html")).unwrap();
    let out = p.codes(&["vendor", &html.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        "error: the page would be written as codes.html, which is another page of docs-source: give it another name with --name FILE\nnothing was changed\n"
    );
    assert!(p.snapshot() == before);
    let out = p.codes(&[
        "vendor",
        &html.to_string_lossy(),
        "--name",
        "status-codes.html",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(p.pages(), ["codes.html", "status-codes.html"]);
    p.assert_fresh();
}

/// A page file of the current layout, as fetched from a file.
fn current_page(name: &str, text: String) -> vendor::Fetched {
    vendor::Fetched {
        bytes: text.into_bytes(),
        origin: name.to_owned(),
        is_url: false,
        is_html: false,
        suggested_name: name.to_owned(),
    }
}

/// `files` with the writes of `plan` in place.
fn after(files: &[docs_source::DocFile], plan: &vendor::Plan) -> Vec<docs_source::DocFile> {
    let mut files = files.to_vec();
    for w in &plan.writes {
        files.retain(|f| f.name != w.name);
        files.push(w.clone());
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

#[test]
fn a_current_page_with_one_id_under_two_names_vendors_both_codes_and_retires_one_that_leaves() {
    let current = |name: &str| {
        std::fs::read_to_string(root().join("tests/fixtures/pages/current").join(name)).unwrap()
    };
    let options = vendor::Options {
        canonical_url: Some("https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes".into()),
        retrieved: "2026-12-01".into(),
        version: Some(infobip_codes_codegen::diff::Version::parse("0.1.0").unwrap()),
        generated: true,
        ..vendor::Options::default()
    };
    let files = vec![docs_source::DocFile {
        name: "status-codes.md".into(),
        bytes: current("status-codes.md").into_bytes(),
    }];

    // The error page, with People API 40404 under two names, added beside the status
    // page (`--add`): vendored without errors.
    let plan = vendor::plan(
        &files,
        "docs-source",
        &current_page("error-codes.md", current("error-codes.md")),
        &vendor::Options {
            add: true,
            ..options.clone()
        },
    )
    .unwrap();
    assert!(!plan.warnings.has_errors(), "{}", plan.warnings);
    let pair_warning: Vec<String> = plan
        .warnings
        .warnings()
        .filter(|w| w.message.contains("40404"))
        .map(|w| w.to_string().lines().next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        pair_warning,
        ["docs-source/error-codes.md:56:1: warning: error id 40404 in channel people-api is documented under another name: `CUSTOM_ATTRIBUTE_DOES_NOT_EXIST` here, `ADDITIONAL_FIELD_DOES_NOT_EXIST` at docs-source/error-codes.md:55:1; both are kept as codes"]
    );
    let added: Vec<(u16, &str)> = plan
        .diff
        .added
        .iter()
        .filter(|e| e.id == 40404)
        .map(|e| (e.id, e.variant.as_str()))
        .collect();
    assert_eq!(
        added,
        [
            (40404, "ErrorCode::AdditionalFieldDoesNotExist"),
            (40404, "ErrorCode::CustomAttributeDoesNotExist"),
        ]
    );
    // Both are exported, and both generated; each pinned under a key with its name.
    let exported: Vec<String> = infobip_codes_codegen::export::json(&plan.new)
        .lines()
        .filter(|l| l.contains("\"id\":40404"))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        exported,
        [
            r#"  {"kind":"error","channel":"people-api","group":{"id":null,"name":"Not found"},"id":40404,"name":"ADDITIONAL_FIELD_DOES_NOT_EXIST","permanent":null,"description":"The additional field does not exist."},"#,
            r#"  {"kind":"error","channel":"people-api","group":{"id":null,"name":"Not found"},"id":40404,"name":"CUSTOM_ATTRIBUTE_DOES_NOT_EXIST","permanent":null,"description":"The custom attribute does not exist."}"#,
        ]
    );
    let generated = plan.generated.clone().unwrap();
    assert!(generated.contains("    AdditionalFieldDoesNotExist,\n"));
    assert!(generated.contains("    CustomAttributeDoesNotExist,\n"));
    let overrides = files_text(&after(&files, &plan), "overrides.json");
    assert!(overrides.contains("\"error/people-api/40404/ADDITIONAL_FIELD_DOES_NOT_EXIST\": \"AdditionalFieldDoesNotExist\""), "{overrides}");
    assert!(overrides.contains("\"error/people-api/40404/CUSTOM_ATTRIBUTE_DOES_NOT_EXIST\": \"CustomAttributeDoesNotExist\""), "{overrides}");

    // A refresh drops one of the names: that one is retired, kept as deprecated; the
    // other, alone with the id again, keeps its variant.
    let files = after(&files, &plan);
    let without = current("error-codes.md").replacen(
        "| 40404 | `CUSTOM_ATTRIBUTE_DOES_NOT_EXIST` | The custom attribute does not exist. |\n",
        "",
        1,
    );
    let plan = vendor::plan(
        &files,
        "docs-source",
        &current_page("error-codes.md", without),
        &vendor::Options {
            name: Some("error-codes.md".into()),
            ..options
        },
    )
    .unwrap();
    assert_eq!(plan.newly_retired, 1);
    let retired: Vec<(&str, &str)> = plan
        .diff
        .retired
        .iter()
        .map(|e| (e.name.as_str(), e.variant.as_str()))
        .collect();
    assert_eq!(
        retired,
        [(
            "CUSTOM_ATTRIBUTE_DOES_NOT_EXIST",
            "ErrorCode::CustomAttributeDoesNotExist"
        )]
    );
    assert!(plan.diff.removed.is_empty() && plan.diff.variants_removed.is_empty());
    assert!(plan.diff.changed.is_empty(), "{:?}", plan.diff.changed);
    assert_eq!(plan.diff.verdict, infobip_codes_codegen::diff::Level::Minor);
}

fn files_text(files: &[docs_source::DocFile], name: &str) -> String {
    files
        .iter()
        .find(|f| f.name == name)
        .map(|f| String::from_utf8(f.bytes.clone()).unwrap())
        .unwrap_or_default()
}

/// The vendored page as Infobip rewords its headings over the years: the same groups
/// (kind, channel, id) under re-cased and reworded headings, and an email code gone
/// from the reworded group.
fn reworded_headings_page() -> String {
    let page = vendored_page()
        .replace("###PENDING (group id: 1)", "###Pending (group id: 1)")
        .replace(
            "###HANDSET_ERRORS (group id: 1)",
            "###Handset errors (group id: 1)",
        )
        .replace(
            "###Registration error (group id: 1)",
            "###Registration errors (group id: 1)",
        )
        .replace(
            "###System Error (group id: 3) - email",
            "###System errors (group id: 3) - email",
        );
    let at = page.find("|6015|").unwrap();
    let end = at + page[at..].find('\n').unwrap() + 1;
    format!("{}{}", &page[..at], &page[end..])
}

#[test]
fn reworded_group_headings_keep_their_variants_and_retired_codes_follow_them() {
    let p = Project::new("reworded", "0.1.0");
    let file = p.0.join("response-status-and-error-codes.md");
    std::fs::write(&file, reworded_headings_page()).unwrap();
    let out = p.codes(&["vendor", &file.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("\nsemver verdict: minor\n"), "{text}");
    assert!(!text.contains("removed"), "{text}");
    assert!(
        text.contains(
            "groups renamed (5):
  ~ error group 1 (general): `HANDSET_ERRORS` is now `Handset errors`
  ~ error group 1 (push): `Registration error` is now `Registration errors`
  ~ error group 1 (voice): `HANDSET_ERRORS` is now `Handset errors`
  ~ error group 3 (email): `System Error` is now `System errors`
  ~ status group 1: `PENDING` is now `Pending`
"
        ),
        "{text}"
    );
    // The code that left the reworded group is retired, not refused.
    assert!(
        text.contains("~ error 6015 EC_GATEWAY_ERROR (email)  ErrorCode::EcGatewayError"),
        "{text}"
    );
    // Push's group keeps its variant: its new name is pinned to it, and the old name
    // stays pinned too, which makes it an alias.
    let overrides = std::fs::read_to_string(p.docs().join("overrides.json")).unwrap();
    for pin in [
        "\"error-group/1/REGISTRATIONERROR\": \"RegistrationError\"",
        "\"error-group/1/REGISTRATIONERRORS\": \"RegistrationError\"",
    ] {
        assert!(overrides.contains(pin), "{pin} in {overrides}");
    }
    // Email's `System Error` was one variant with Chat's, whose heading stayed: email's
    // reworded group is a variant of its own, and its codes' group() changes, which the
    // diff flags.
    assert!(
        text.contains("variant `ErrorGroup::SystemErrors` added"),
        "{text}"
    );
    assert!(
        text.contains("* error 6013 EC_TEMPORARY_SENDING_ERROR (email): group System Error (3) -> System errors (3)  [behaviour change]"),
        "{text}"
    );
    let generated = std::fs::read_to_string(p.0.join("src/generated.rs")).unwrap();
    assert!(
        generated
            .contains("name: \"Registration errors\",\n        key: \"REGISTRATIONERRORS\",\n        aliases: &[\"REGISTRATIONERROR\"],"),
        "the renamed group's row"
    );
    assert!(generated.contains("    RegistrationError,\n"));
    p.assert_fresh();

    // The same page again: nothing left to do.
    let again = p.codes(&["vendor", &file.to_string_lossy()]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("\nsemver verdict: none\n"),
        "{}",
        stdout(&again)
    );
}
