//! `cargo codes vendor` from files and from a local HTTP server (127.0.0.1 only), the
//! failure cases that must change nothing, and the CI version gate on a git history.

use infobip_codes_codegen::{docs_source, freshness, vendor};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn vendored_page() -> String {
    std::fs::read_to_string(root().join("docs-source/response-status-and-error-codes.md")).unwrap()
}

/// A project folder with a copy of docs-source/, the committed src/generated.rs, and a
/// Cargo.toml at `version`.
struct Project(PathBuf);

impl Project {
    fn new(tag: &str, version: &str) -> Project {
        let dir =
            std::env::temp_dir().join(format!("infobip-codes-vendor-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("docs-source")).unwrap();
        for entry in std::fs::read_dir(root().join("docs-source")).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(
                entry.path(),
                dir.join("docs-source").join(entry.file_name()),
            )
            .unwrap();
        }
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

/// Serves canned answers on 127.0.0.1 for the life of the test process.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                let _ = reader.read_line(&mut request);
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                }
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
                let (status, ctype, body): (&str, &str, Vec<u8>) = match path.as_str() {
                    "/docs/response-status-and-error-codes.md" => (
                        "200 OK",
                        "text/markdown; charset=utf-8",
                        refreshed_page().into_bytes(),
                    ),
                    "/docs/response-status-and-error-codes" => (
                        "200 OK",
                        "text/html; charset=utf-8",
                        std::fs::read(
                            root()
                                .join("tests/fixtures/pages/response-status-and-error-codes.html"),
                        )
                        .unwrap(),
                    ),
                    "/docs/image.png" => {
                        ("200 OK", "image/png", b"\x89PNG\r\n\x1a\n\0\0\0".to_vec())
                    }
                    "/docs/about.html" => (
                        "200 OK",
                        "text/html",
                        b"<html><body><h1>About us</h1><p>No codes here.</p></body></html>"
                            .to_vec(),
                    ),
                    "/docs/slow.md" => {
                        std::thread::sleep(Duration::from_secs(3));
                        ("200 OK", "text/markdown", refreshed_page().into_bytes())
                    }
                    _ => ("404 Not Found", "text/plain", b"not found".to_vec()),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            });
        }
    });
    format!("http://{addr}")
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
        blocks[blocks.len() - 1].starts_with("ok: generated 51"),
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
    let out = p.codes(&["pin"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("pinned 1 new variant name(s); 205 pinned in "));
    assert_eq!(
        std::fs::read_to_string(p.docs().join("overrides.json")).unwrap(),
        overrides
    );
    p.assert_fresh();
}

/// A vendoring killed between any two of its writes leaves either a consistent package
/// or one whose build fails as stale; running the vendoring again completes it, with
/// the very files an uninterrupted run writes.
#[test]
fn an_interrupted_vendoring_is_completed_by_running_it_again() {
    let source = std::env::temp_dir().join(format!("interrupted-{}.md", std::process::id()));
    // A removed code (retired.json), a new one (a pin), a flipped flag.
    let page = vendored_page();
    let at = page.find("|5415|").unwrap();
    let end = at + page[at..].find('\n').unwrap() + 1;
    let refreshed = refreshed_page().replace(&page[at..end], "");
    std::fs::write(&source, &refreshed).unwrap();
    let fetched = vendor::fetch(&source.to_string_lossy(), Duration::from_secs(5)).unwrap();
    let options = vendor::Options {
        name: Some("response-status-and-error-codes.md".into()),
        retrieved: "2026-12-01T00:00:00Z".into(),
        version: None,
        generated: true,
        ..vendor::Options::default()
    };
    let run = |p: &Project, renames: usize| {
        let files = docs_source::read_dir_files(&p.docs()).unwrap();
        let plan = vendor::plan(&files, "docs-source", &fetched, &options).unwrap();
        let generated = p.0.join("src/generated.rs");
        vendor::apply_interrupted(&p.docs(), Some(&generated), &plan, renames).unwrap();
        plan.writes.len() + usize::from(plan.generated.is_some())
    };

    let whole = Project::new("whole", "0.1.0");
    let writes = run(&whole, usize::MAX);
    assert_eq!(
        writes, 5,
        "retired.json, overrides.json, the page, provenance.json, src/generated.rs"
    );
    whole.assert_fresh();
    let expected = whole.state();

    for killed_after in 0..writes {
        let p = Project::new(&format!("killed-{killed_after}"), "0.1.0");
        run(&p, killed_after);
        match freshness::check(&p.0) {
            // Nothing moved yet: the old, consistent package.
            Ok(()) => assert_eq!(killed_after, 0),
            Err(stale) => {
                assert!(killed_after > 0);
                assert!(stale.to_string().contains("cargo codes generate --write"));
            }
        }
        run(&p, usize::MAX);
        p.assert_fresh();
        assert!(
            p.state() == expected,
            "killed after {killed_after} write(s), a second run left other files"
        );
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

    // Markdown by URL: the URL is recorded as the page's address.
    let url = format!("{base}/docs/response-status-and-error-codes.md");
    let out = p.codes(&["vendor", &url]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("semver verdict: minor"));
    let provenance = std::fs::read_to_string(p.docs().join("provenance.json")).unwrap();
    assert!(provenance.contains(&format!("\"url\": \"{url}\"")));
    assert!(provenance.contains(&format!("Vendored from {url} by `cargo codes vendor`.")));

    // The rendered HTML page by URL, as a second page: it is read with the CLI's html
    // reader, named from the URL, and merged (same codes, so no change for users).
    let html_url = format!("{base}/docs/response-status-and-error-codes");
    let out = p.codes(&["vendor", &html_url, "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("a new page"), "{}", stdout(&out));
    assert!(p
        .docs()
        .join("response-status-and-error-codes.html")
        .is_file());
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
