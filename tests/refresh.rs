//! `cargo codes refresh` end to end, in a scratch git repository holding a copy of the
//! package, against pages served on 127.0.0.1 (`--from`, which keeps the canonical
//! address): up to date, changed (the release prepared, the version gate passing, the
//! crate building), and refused with nothing written. No GitHub and no internet.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;
use support::server::{self, Answer};

fn vendored_page() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs-source/response-status-and-error-codes.md"),
    )
    .unwrap()
}

/// The row of `page` that starts with `prefix`, with its line break.
fn row<'a>(page: &'a str, prefix: &str) -> &'a str {
    let at = page.find(prefix).unwrap();
    let end = at + page[at..].find('\n').unwrap() + 1;
    &page[at..end]
}

/// The vendored page edited: a `permanent` flag flipped, a status added, an error removed.
fn edited_page() -> String {
    let page = vendored_page();
    page.replacen(
        "|5|`DELIVERED_TO_HANDSET`",
        "|99|`DELIVERED_TO_MARS`<ul><li>Delivered to a handset on Mars.</li></ul>|\n|5|`DELIVERED_TO_HANDSET`",
        1,
    )
    .replacen("|27|false|`EC_ABSENT_SUBSCRIBER`", "|27|true|`EC_ABSENT_SUBSCRIBER`", 1)
    .replacen(row(&page, "|5415|"), "", 1)
}

/// The vendored page with 60% of its code rows gone (three rows of every five), every
/// channel keeping some: what a half-rendered page looks like.
fn most_rows_gone() -> String {
    let mut n = 0;
    vendored_page()
        .split_inclusive('\n')
        .filter(|line| {
            let is_row =
                line.starts_with('|') && line[1..].starts_with(|c: char| c.is_ascii_digit());
            if !is_row {
                return true;
            }
            n += 1;
            n % 5 >= 3
        })
        .collect()
}

/// The vendored page without its Chat section: every code of a channel gone.
fn without_chat() -> String {
    let page = vendored_page();
    let at = page.find("##Chat error codes").unwrap();
    page[..at].to_owned()
}

/// The pages of these tests, served on 127.0.0.1 for the life of the test process.
fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let page = vendored_page();
        server::serve(vec![
            ("/unchanged.md", Answer::ok("text/markdown", page.clone())),
            // The same page with every line break turned into a space: a reflow.
            ("/reflowed.md", Answer::ok("text/markdown", page.replace('\n', " "))),
            ("/edited.md", Answer::ok("text/markdown", edited_page())),
            ("/moved/edited.md", Answer::redirect("/edited.md")),
            ("/most-rows-gone.md", Answer::ok("text/markdown", most_rows_gone())),
            (
                "/located-error.md",
                Answer::ok(
                    "text/markdown",
                    page.replacen("|27|false|`EC_ABSENT_SUBSCRIBER`", "|27|false|", 1),
                ),
            ),
            (
                "/login.html",
                Answer::ok(
                    "text/html",
                    "<html><head><title>Sign in | Infobip</title></head><body><h1>Sign in</h1><form>Email</form></body></html>",
                ),
            ),
            (
                "/without-chat.md",
                Answer::ok("text/markdown", without_chat()),
            ),
            (
                "/retitled.md",
                Answer::ok("text/markdown", format!("# Status codes, redesigned\n\n{}", edited_page())),
            ),
            (
                "/image.png",
                Answer::ok("image/png", b"\x89PNG\r\n\x1a\n\0\0\0".to_vec()),
            ),
            (
                "/slow.md",
                Answer::ok("text/markdown", page).after(Duration::from_secs(4)),
            ),
        ])
    })
}

/// A scratch git repository with a copy of the package, its CHANGELOG.md and its CI
/// scripts, committed.
struct Scratch {
    copy: support::Copy,
}

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let copy = support::Copy::new(&format!("refresh-{tag}"), "fn main() {}\n");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(root.join("CHANGELOG.md"), copy.dir.join("CHANGELOG.md")).unwrap();
        std::fs::create_dir_all(copy.dir.join(".ci")).unwrap();
        std::fs::copy(root.join(".ci/semver"), copy.dir.join(".ci/semver")).unwrap();
        std::fs::write(copy.dir.join(".gitignore"), "/target\n").unwrap();
        let s = Scratch { copy };
        s.git(&["init", "-q"]);
        s.git(&["add", "-A"]);
        s.git(&["commit", "-q", "-m", "start"]);
        s
    }

    fn dir(&self) -> &Path {
        &self.copy.dir
    }

    fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(self.dir())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// `git status --porcelain`: empty when nothing changed.
    fn status(&self) -> String {
        self.git(&["status", "--porcelain"])
    }

    /// `cargo codes refresh --from BASE/PATH ARGS`: (exit status, stdout, stderr).
    fn refresh(&self, path: &str, args: &[&str]) -> (i32, String, String) {
        let from = format!("{}{path}", base());
        let mut all = vec!["refresh", "--from", from.as_str()];
        all.extend(args);
        self.copy.codes(&all)
    }

    /// Every file outside `.git` and `target`, by path: the tree to compare.
    fn tree(&self) -> Vec<(PathBuf, Vec<u8>)> {
        fn walk(dir: &Path, root: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let path = e.unwrap().path();
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                if rel == Path::new(".git") || rel == Path::new("target") {
                    continue;
                }
                if path.is_dir() {
                    walk(&path, root, out);
                } else {
                    out.push((rel, std::fs::read(&path).unwrap()));
                }
            }
        }
        let mut out = Vec::new();
        walk(self.dir(), self.dir(), &mut out);
        out.sort();
        out
    }

    /// The paths whose bytes differ between this tree and `other` (or that only one has).
    fn differs_from(&self, other: &[(PathBuf, Vec<u8>)]) -> Vec<PathBuf> {
        let mine = self.tree();
        let mut paths: Vec<PathBuf> = mine
            .iter()
            .filter(|f| !other.contains(f))
            .chain(other.iter().filter(|f| !mine.contains(f)))
            .map(|(p, _)| p.clone())
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.dir().join(path)).unwrap()
    }
}

#[test]
fn the_unchanged_page_and_a_reflow_are_up_to_date_and_write_nothing() {
    let s = Scratch::new("unchanged");
    let outputs = s.dir().join("target-outputs.txt");
    let (code, out, err) = s.refresh(
        "/unchanged.md",
        &["--github-output", &outputs.to_string_lossy()],
    );
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            0,
            "up to date: response-status-and-error-codes.md fetched with the same bytes; nothing written\n",
            ""
        )
    );
    assert_eq!(
        std::fs::read_to_string(&outputs).unwrap(),
        "outcome=up-to-date\nverdict=none\nversion=\nbehaviour-change=false\nauto-merge=false\nlabels=\n"
    );
    std::fs::remove_file(&outputs).unwrap();
    assert_eq!(s.status(), "");

    let (code, out, _) = s.refresh("/reflowed.md", &[]);
    assert_eq!(
        (code, out.as_str()),
        (0, "up to date: response-status-and-error-codes.md changed bytes but not meaning (the same codes, names, descriptions, flags and groups); nothing written\n")
    );
    assert_eq!(s.status(), "");
}

#[test]
fn an_edited_page_prepares_the_release_that_the_gate_accepts_and_the_crate_builds() {
    let s = Scratch::new("edited");
    let body = s.dir().join("target-pr-body.md");
    let outputs = s.dir().join("target-outputs.txt");
    let (code, out, err) = s.refresh(
        "/edited.md",
        &[
            "--pr-body",
            &body.to_string_lossy(),
            "--github-output",
            &outputs.to_string_lossy(),
        ],
    );
    assert_eq!(code, 3, "{out}{err}");
    assert!(
        out.contains("\nwrote CHANGELOG.md, Cargo.toml, Cargo.lock, docs-source/retired.json, docs-source/overrides.json, docs-source/response-status-and-error-codes.md, docs-source/provenance.json, src/generated.rs\nversion 0.1.0 -> 0.1.1 (the minor verdict)\n"),
        "{out}"
    );
    assert!(out.contains("(its canonical address https://dev.infobip.com/getting-started/response-status-and-error-codes kept)"), "{out}");
    std::fs::remove_file(&outputs).ok();
    let pr = std::fs::read_to_string(&body).unwrap();
    std::fs::remove_file(&body).unwrap();

    // The files a release needs changed, and nothing else.
    let mut changed: Vec<String> = s.status().lines().map(|l| l[3..].to_owned()).collect();
    changed.sort();
    assert_eq!(
        changed,
        [
            "CHANGELOG.md",
            "Cargo.lock",
            "Cargo.toml",
            "docs-source/overrides.json",
            "docs-source/provenance.json",
            "docs-source/response-status-and-error-codes.md",
            "docs-source/retired.json",
            "src/generated.rs",
        ]
    );
    assert!(s
        .read("Cargo.toml")
        .contains("\nname = \"infobip-codes\"\nversion = \"0.1.1\"\n"));
    assert!(s
        .read("Cargo.lock")
        .contains("\nname = \"infobip-codes\"\nversion = \"0.1.1\"\n"));
    let changelog = s.read("CHANGELOG.md");
    let section = changelog.find("## [0.1.1] - page refresh").unwrap();
    assert!(section < changelog.find("## [0.1.0]").unwrap());
    assert!(section > changelog.find("## [Unreleased]").unwrap());
    assert!(changelog.contains("- **Behaviour change:** `ErrorCode::EcAbsentSubscriber`: error 27 `EC_ABSENT_SUBSCRIBER` (general): permanent false -> true\n"));
    assert!(changelog
        .contains("- `StatusCode::DeliveredToMars`: status 99 `DELIVERED_TO_MARS` (general)\n"));

    // The pull-request body: the verdict, the behaviour change first, the codes, the
    // merge policy and the provenance.
    assert!(
        pr.starts_with("## Refresh of Infobip's status and error codes: minor (0.1.0 -> 0.1.1)\n"),
        "{pr}"
    );
    assert!(
        pr.contains("> **Behaviour change.** 1 change(s) alter what retry and finality logic read"),
        "{pr}"
    );
    let why = pr.find("### Why minor\n\n- **minor: error 27 `EC_ABSENT_SUBSCRIBER` (general): permanent changed (behaviour change)**\n").unwrap();
    assert!(
        why < pr
            .find("variant `StatusCode::DeliveredToMars` added")
            .unwrap()
    );
    assert!(pr.contains("| added | status | 99 | `DELIVERED_TO_MARS` | general | `StatusCode::DeliveredToMars` |"), "{pr}");
    assert!(pr.contains("| retired | error | 5415 |"), "{pr}");
    assert!(pr.contains("This change waits for a review"), "{pr}");
    let sha = infobip_codes_codegen::freshness::sha256_hex(edited_page().as_bytes());
    assert!(pr.contains(&format!("| `docs-source/response-status-and-error-codes.md` | https://dev.infobip.com/getting-started/response-status-and-error-codes | {}/edited.md | ", base())), "{pr}");
    assert!(pr.contains(&format!("| `{sha}` |")), "{pr}");

    // The version gate of CI, on the commit the pull request would make: `.ci/semver`
    // runs `cargo codes diff --base HEAD~1 --check-version`, here in this process.
    assert!(s
        .read(".ci/semver")
        .contains("cargo --locked codes diff --base \"$base\" --check-version\n"));
    s.git(&["add", "-A"]);
    s.git(&["commit", "-q", "-m", "refresh"]);
    let (code, _, err) = s
        .copy
        .codes(&["diff", "--base", "HEAD~1", "--check-version"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.ends_with("Cargo.toml has 0.1.1\n"), "{err}");

    // The crate builds with default features from what the refresh wrote.
    let build = s.copy.cargo(&["build", "--quiet"], &[]);
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );

    // A second run against the same page: up to date, nothing written.
    let (code, out, _) = s.refresh("/edited.md", &[]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(s.status(), "");
}

#[test]
fn a_failed_fetch_or_a_page_that_is_not_one_is_refused_and_writes_nothing() {
    let s = Scratch::new("refused");
    for (path, args, why) in [
        ("/missing.md", &[][..], "answered HTTP 404 Not Found"),
        ("/slow.md", &["--timeout", "1"][..], "timed out after 1 s"),
        ("/image.png", &[][..], "is not a page"),
    ] {
        let (code, out, err) = s.refresh(path, args);
        assert_eq!((code, out.as_str()), (1, ""), "{path}: {err}");
        assert!(
            err.starts_with("refused: cannot refresh response-status-and-error-codes.md: ")
                && err.contains(why)
                && err.ends_with("error: the refresh was refused; nothing was changed\n"),
            "{path}: {err}"
        );
        assert_eq!(s.status(), "", "{path}");
    }
    // A login wall served with status 200 has no codes.
    let (code, _, err) = s.refresh("/login.html", &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("/login.html:1:1: error: no codes found in page\n"),
        "{err}"
    );
    assert_eq!(s.status(), "");
    // A redesign that still parses: the title guard, until it is loosened.
    let (code, _, err) = s.refresh("/retitled.md", &[]);
    assert_eq!(code, 1);
    assert!(err.starts_with("refused: the page looks broken or redesigned: response-status-and-error-codes.md was titled \"Response status and error codes\" and is now titled \"Status codes, redesigned\" (guard: the title); check the page by hand, then accept it deliberately with --allow-title-change\n"), "{err}");
    assert_eq!(s.status(), "");
    let (code, out, err) = s.refresh("/retitled.md", &["--allow-title-change"]);
    assert_eq!(code, 3, "{out}{err}");
}

#[test]
fn a_page_with_most_rows_gone_is_refused_until_the_guard_is_loosened() {
    let s = Scratch::new("most-gone");
    let outputs = s.dir().join("target-outputs.txt");
    let (code, out, err) = s.refresh(
        "/most-rows-gone.md",
        &["--github-output", &outputs.to_string_lossy()],
    );
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(
        err.starts_with("refused: the page looks broken: it would retire 113 of the crate's 189 codes (59.8%), more than the 20% a refresh may (guard --max-retired)"),
        "{err}"
    );
    assert!(
        err.contains("accept it deliberately with --max-retired 60"),
        "{err}"
    );
    assert!(std::fs::read_to_string(&outputs)
        .unwrap()
        .starts_with("outcome=refused\n"));
    std::fs::remove_file(&outputs).unwrap();
    assert_eq!(s.status(), "");

    let (code, out, err) = s.refresh("/most-rows-gone.md", &["--max-retired", "60"]);
    assert_eq!(code, 3, "{out}{err}");
    assert!(
        out.contains("\nretired from the page, kept as deprecated (113):\n"),
        "{out}"
    );
    assert!(s.read("Cargo.toml").contains("\nversion = \"0.1.1\"\n"));
}

#[test]
fn a_page_with_a_located_error_is_refused_and_the_error_is_shown() {
    let s = Scratch::new("located");
    let (code, out, err) = s.refresh("/located-error.md", &[]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(
        err.contains(&format!(
            "{}/located-error.md:129:11: error: row without a name\n",
            base()
        )),
        "{err}"
    );
    assert_eq!(s.status(), "");
}

#[test]
fn an_interrupted_refresh_is_completed_by_the_next_one() {
    use infobip_codes_codegen::refresh::{self, journal, Guards, Outcome, Repo};
    // The tree an uninterrupted refresh leaves.
    let done = Scratch::new("interrupt-done");
    assert_eq!(done.refresh("/edited.md", &[]).0, 3);
    let after = done.tree();

    let plan = |s: &Scratch| {
        let repo = Repo {
            root: s.dir().to_path_buf(),
            docs: s.dir().join("docs-source"),
            shown: "docs-source".into(),
        };
        let options = refresh::Options {
            from: vec![format!("{}/edited.md", base())],
            retrieved: infobip_codes_codegen::vendor::today_utc(),
            guards: Guards::default(),
        };
        let fetch = |l: &str, https_only: bool| {
            let options = infobip_codes_codegen::vendor::FetchOptions {
                https_only,
                ..infobip_codes_codegen::vendor::FetchOptions::new(Duration::from_secs(10))
            };
            infobip_codes_codegen::vendor::fetch_with(l, &options).map_err(|e| e.to_string())
        };
        match refresh::plan(&repo, &options, &fetch) {
            Ok(Outcome::Changed(c)) => c,
            other => panic!("{other:?}"),
        }
    };
    let s = Scratch::new("interrupt");
    let before = s.tree();
    let changes = plan(&s);
    // 8 files, no removal, then the journal's removal.
    let steps = changes.writes.len() + changes.removes.len() + 1;
    assert_eq!(steps, 9);
    for k in 0..steps {
        journal::apply_interrupted(s.dir(), &changes, "the report\n", k).unwrap();
        assert!(s.dir().join(journal::FILE).is_file(), "step {k}");
        assert!(!s.differs_from(&before).is_empty(), "step {k}");
        // The release's files come first; once a file of docs-source/ is in place, the
        // build sees a stale generated source until the generated source is in too.
        let first_docs = changes
            .writes
            .iter()
            .position(|(p, _)| p.starts_with("docs-source"))
            .unwrap();
        let stale = first_docs < k && k < changes.writes.len();
        assert_eq!(
            infobip_codes_codegen::freshness::check(s.dir()).is_err(),
            stale,
            "step {k}"
        );
        // The next refresh completes it and tells what it decided.
        let (code, out, err) = s.refresh("/edited.md", &[]);
        assert_eq!(code, 3, "step {k}: {err}");
        assert_eq!(
            out,
            "completed a refresh that was interrupted; it had decided:\nthe report\n"
        );
        assert_eq!(s.differs_from(&after), Vec::<PathBuf>::new(), "step {k}");
        // Back to the start for the next step.
        s.git(&["checkout", "-q", "--", "."]);
        s.git(&["clean", "-fdq"]);
        assert_eq!(s.differs_from(&before), Vec::<PathBuf>::new());
    }
}

#[test]
fn a_canonical_address_is_fetched_over_https_only() {
    let s = Scratch::new("insecure");
    let provenance = s.dir().join("docs-source/provenance.json");
    let text = std::fs::read_to_string(&provenance).unwrap().replace(
        "\"url\": \"https://dev.infobip.com/",
        "\"url\": \"http://dev.infobip.com/",
    );
    std::fs::write(&provenance, text).unwrap();
    s.git(&["commit", "-qam", "an http address"]);
    let (code, out, err) = s.copy.codes(&["refresh"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "refused: the canonical address of response-status-and-error-codes.md is not https: http://dev.infobip.com/getting-started/response-status-and-error-codes; a refresh fetches canonical addresses over https only (--from response-status-and-error-codes.md=URL takes http or a file on purpose)\nerror: the refresh was refused; nothing was changed\n"
    );
    // --from takes http on purpose, and keeps the recorded address.
    let (code, out, _) = s.refresh("/unchanged.md", &[]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(s.status(), "");
}

#[test]
fn a_page_that_drops_a_whole_channel_is_refused_until_the_guard_is_loosened() {
    let s = Scratch::new("channel-gone");
    let (code, out, err) = s.refresh("/without-chat.md", &[]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(
        err.starts_with("refused: the page looks broken: every code of channel(s) chat would be retired (guard: a whole channel); if Infobip really dropped them, accept it deliberately with --allow-channel-removal\n"),
        "{err}"
    );
    assert_eq!(s.status(), "");
    let (code, out, err) = s.refresh("/without-chat.md", &["--allow-channel-removal"]);
    assert_eq!(code, 3, "{out}{err}");
    assert!(
        out.contains("\nretired from the page, kept as deprecated (13):\n"),
        "{out}"
    );
}

#[test]
fn where_a_redirect_led_is_in_the_report_and_the_pull_request_body() {
    let s = Scratch::new("redirected");
    let body = s.dir().join("target-pr-body.md");
    let (code, out, err) = s.refresh("/moved/edited.md", &["--pr-body", &body.to_string_lossy()]);
    assert_eq!(code, 3, "{out}{err}");
    let from = format!(
        "/response-status-and-error-codes.md from {0}/moved/edited.md, redirected to {0}/edited.md (its canonical address",
        base()
    );
    assert!(
        out.starts_with("refreshed ") && out.contains(&from),
        "{out}"
    );
    let pr = std::fs::read_to_string(&body).unwrap();
    assert!(
        pr.contains(&format!(
            " | {0}/moved/edited.md, redirected to {0}/edited.md | ",
            base()
        )),
        "{pr}"
    );
}
