//! The version gate's second half: what the generated code says, read back from the
//! source with syn, compared between the source committed at a revision and the one
//! committed now. A change of the generator shows there even where the page did not
//! change.

use infobip_codes_codegen::diff::Level;
use infobip_codes_codegen::facts::{compare, Comparison, Facts};
use std::path::{Path, PathBuf};

mod support;
use support::root;

fn committed() -> String {
    std::fs::read_to_string(root().join("src/generated.rs")).unwrap()
}

/// `source` with the `is_final` of `DELIVERED_TO_HANDSET`'s row set to `to`: what a
/// generator that changed its finality rule would write.
fn handset_final(source: &str, to: bool) -> String {
    let row = "        name: \"DELIVERED_TO_HANDSET\",";
    let at = source.find(row).unwrap();
    let end = at + source[at..].find("    },\n").unwrap();
    let (from, into) = if to {
        ("is_final: false,", "is_final: true,")
    } else {
        ("is_final: true,", "is_final: false,")
    };
    assert!(source[at..end].contains(from), "{}", &source[at..end]);
    format!(
        "{}{}{}",
        &source[..at],
        source[at..end].replace(from, into),
        &source[end..]
    )
}

/// Runs git in `dir` with a test identity; fails the test when git fails.
#[cfg(any(unix, feature = "cli"))]
fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "protocol.file.allow=always",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

#[test]
fn the_committed_source_reads_as_facts() {
    let facts = Facts::read(&committed()).unwrap();
    let get = |k: &str| facts.0.get(k).map(String::as_str);
    assert_eq!(get("StatusCode::DeliveredToHandset"), Some("variant"));
    assert_eq!(get("StatusCode::DeliveredToHandset.id"), Some("5"));
    assert_eq!(get("StatusCode::DeliveredToHandset.is_final"), Some("true"));
    assert_eq!(
        get("StatusCode::DeliveredToOperator.is_final"),
        Some("false")
    );
    assert_eq!(
        get("StatusCode::DeliveredToHandset.group"),
        Some("Some(StatusGroup::Delivered)")
    );
    assert_eq!(
        get("ErrorCode::EcAbsentSubscriber.permanent"),
        Some("Some(false)")
    );
    assert_eq!(
        get("StatusGroup::Rejected.channels"),
        Some("[Channel::General, Channel::Voice, Channel::Push]")
    );
    assert_eq!(
        get("StatusCode::from_id_all(5)"),
        Some("[StatusCode::DeliveredToHandset]")
    );
    assert_eq!(
        get("ErrorCode::from_name(\"EC_VOICE_ERROR_BAD_REQUEST\")"),
        Some("[ErrorCode::EcVoiceErrorBadRequest5400, ErrorCode::EcVoiceErrorBadRequest5403, ErrorCode::EcVoiceErrorBadRequest5408, ErrorCode::EcVoiceErrorBadRequest5487, ErrorCode::EcVoiceErrorBadRequest5491]")
    );
    assert_eq!(
        get("ErrorCode::from_name_ignore_case(\"EC_ABSENT_SUBSCRIBER\")"),
        Some("[ErrorCode::EcAbsentSubscriber]")
    );
    // A description is its value, however the source wraps it.
    assert_eq!(
        get("StatusCode::PendingWaitingDelivery.description"),
        Some("\"Message has been processed and sent to the next instance i.e. mobile operator with request acknowledgment from their platform. Delivery report has not yet been received, and is awaited thus the status is still pending.\"")
    );
    // 40 statuses and 149 errors, 5 channels, 5 + 11 groups: one fact per variant.
    let variants = facts
        .0
        .iter()
        .filter(|(k, v)| !k.contains(['.', '(']) && *v == "variant")
        .count();
    assert_eq!(variants, 40 + 149 + 5 + 5 + 11);
    assert_eq!(compare(&facts, &facts), Comparison::default());
}

#[test]
fn a_source_that_is_not_generated_is_an_error() {
    assert_eq!(
        Facts::read("fn main() {}").unwrap_err().to_string(),
        "no enum `Channel`"
    );
    assert!(Facts::read("fn main( {}")
        .unwrap_err()
        .to_string()
        .starts_with("not a Rust file: "));
    let no_rows = committed().replace(
        "pub(crate) const STATUS_DATA",
        "pub(crate) const STATUS_ROWS",
    );
    assert_eq!(
        Facts::read(&no_rows).unwrap_err().to_string(),
        "no const `STATUS_DATA`"
    );
}

#[test]
fn a_generator_that_makes_delivered_to_handset_non_final_changes_a_fact() {
    let old = Facts::read(&committed()).unwrap();
    let new = Facts::read(&handset_final(&committed(), false)).unwrap();
    assert_eq!(
        compare(&old, &new),
        Comparison {
            verdict: Level::Minor,
            changes: vec![(
                Level::Minor,
                "`StatusCode::DeliveredToHandset.is_final`: true -> false (behaviour change)"
                    .to_owned()
            )],
        }
    );
}

#[test]
fn each_kind_of_difference_has_its_level() {
    let old = Facts::read(&committed()).unwrap();
    let mut new = old.clone();
    new.0.insert(
        "StatusCode::DeliveredToHandset.description".into(),
        "\"Delivered.\"".into(),
    );
    assert_eq!(
        compare(&old, &new),
        Comparison {
            verdict: Level::Patch,
            changes: vec![(Level::Patch, "`StatusCode::DeliveredToHandset.description`: \"Message has been successfully processed and delivered to recipient.\" -> \"Delivered.\"".to_owned())],
        }
    );
    // A variant removed is major, and its line says all there is about it.
    let mut gone = old.clone();
    gone.0
        .retain(|k, _| !k.starts_with("StatusCode::ExpiredDlrUnknown"));
    gone.0.remove("StatusCode::from_id_all(29)");
    gone.0
        .remove("StatusCode::from_name(\"EXPIRED_DLR_UNKNOWN\")");
    gone.0
        .remove("StatusCode::from_name_ignore_case(\"EXPIRED_DLR_UNKNOWN\")");
    assert_eq!(
        compare(&old, &gone),
        Comparison {
            verdict: Level::Major,
            changes: vec![(
                Level::Major,
                "variant `StatusCode::ExpiredDlrUnknown` removed".to_owned()
            )],
        }
    );
    // A list field on one side only is no difference while it is empty (the source
    // before the generator added it); filled, it is.
    let key = "ErrorGroup::HandsetErrors.aliases";
    assert_eq!(old.0.get(key).map(String::as_str), Some("[]"));
    let mut before = old.clone();
    before.0.remove(key);
    assert_eq!(compare(&before, &old), Comparison::default());
    assert_eq!(compare(&old, &before), Comparison::default());
    let mut filled = old.clone();
    filled.0.insert(key.into(), "[\"HANDSETERROR\"]".into());
    assert_eq!(
        compare(&before, &filled).changes,
        [(
            Level::Minor,
            "`ErrorGroup::HandsetErrors.aliases`: absent -> [\"HANDSETERROR\"]".to_owned()
        )]
    );
    // Added is minor.
    assert_eq!(
        compare(&gone, &old).changes,
        [(
            Level::Minor,
            "variant `StatusCode::ExpiredDlrUnknown` added".to_owned()
        )]
    );
    // A lookup that returns another code, a variant deprecated, an id: minor.
    let mut other = old.clone();
    other.0.insert(
        "StatusCode::from_id_all(5)".into(),
        "[StatusCode::DeliveredToOperator]".into(),
    );
    other
        .0
        .insert("ErrorCode::EcAbsentSubscriber".into(), "deprecated".into());
    other
        .0
        .insert("ErrorCode::EcAbsentSubscriber.id".into(), "28".into());
    assert_eq!(
        compare(&old, &other),
        Comparison {
            verdict: Level::Minor,
            changes: vec![
                (
                    Level::Minor,
                    "`ErrorCode::EcAbsentSubscriber`: variant -> deprecated".to_owned()
                ),
                (
                    Level::Minor,
                    "`ErrorCode::EcAbsentSubscriber.id`: 27 -> 28".to_owned()
                ),
                (Level::Minor, "`StatusCode::from_id_all(5)`: [StatusCode::DeliveredToHandset] -> [StatusCode::DeliveredToOperator] (behaviour change)".to_owned()),
            ],
        }
    );
}

/// `cargo codes diff --base REV --check-version` on a git history of docs-source/,
/// src/generated.rs and Cargo.toml, where only the generated code changes.
#[cfg(feature = "cli")]
mod on_a_history {
    use super::*;
    use std::process::{Command, Output};

    /// A repository with a copy of docs-source/, src/generated.rs and a Cargo.toml at
    /// 0.1.0; removed on drop.
    struct Repo(PathBuf);

    impl Repo {
        fn new(tag: &str) -> Repo {
            let dir = crate::support::project_with_docs_source(&format!("gate-{tag}"));
            std::fs::create_dir_all(dir.join("src")).unwrap();
            let repo = Repo(dir);
            repo.version("0.1.0");
            repo.git(&["init", "-q"]);
            repo
        }

        fn version(&self, v: &str) {
            std::fs::write(
                self.0.join("Cargo.toml"),
                format!("[package]\nname = \"infobip-codes\"\nversion = \"{v}\"\n"),
            )
            .unwrap();
        }

        fn generated(&self, source: &str) {
            std::fs::write(self.0.join("src/generated.rs"), source).unwrap();
        }

        fn commit(&self, message: &str) {
            self.git(&["add", "-A"]);
            self.git(&["commit", "-q", "-m", message]);
        }

        fn git(&self, args: &[&str]) {
            git(&self.0, args);
        }

        fn gate(&self, base: &str) -> Output {
            Command::new(env!("CARGO_BIN_EXE_cargo-codes"))
                .args(["diff", "--base", base, "--check-version", "--docs"])
                .arg(self.0.join("docs-source"))
                .current_dir(&self.0)
                .output()
                .unwrap()
        }
    }

    impl Drop for Repo {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }

    #[test]
    fn a_generator_change_with_the_page_unchanged_fails_the_gate_until_the_version_moves() {
        let repo = Repo::new("generator");
        repo.generated(&committed());
        repo.commit("start");
        let same = repo.gate("HEAD");
        assert_eq!(same.status.code(), Some(0), "{}", text(&same.stderr));
        assert_eq!(
            text(&same.stderr),
            "version gate: no change in meaning since HEAD\n"
        );

        // The generator now makes DELIVERED_TO_HANDSET non-final; docs-source is as it was.
        repo.generated(&handset_final(&committed(), false));
        repo.commit("generator: DELIVERED_TO_HANDSET is not final");
        let out = repo.gate("HEAD~1");
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout),
            "semver verdict: none\nno change in meaning\n"
        );
        assert_eq!(
            text(&out.stderr),
            "version gate: the generated code changed beyond the page since HEAD~1 (1 change(s)):\n  minor: `StatusCode::DeliveredToHandset.is_final`: true -> false (behaviour change)\nversion gate: FAILED: the generated code changed since HEAD~1 with a minor verdict, so the version must move from 0.1.0 to at least 0.1.1; Cargo.toml has 0.1.0\n"
        );

        repo.version("0.1.1");
        repo.commit("bump");
        let out = repo.gate("HEAD~2");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(text(&out.stderr).ends_with("version gate: ok: the minor change since HEAD~2 needs 0.1.1 or later after 0.1.0; Cargo.toml has 0.1.1\n"));
    }

    #[test]
    fn a_base_without_generated_code_fails_the_gate() {
        let repo = Repo::new("no-generated");
        repo.commit("docs only");
        repo.generated(&committed());
        repo.commit("generated");
        let out = repo.gate("HEAD~1");
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(
            err.starts_with("version gate: FAILED: cannot compare the generated code: HEAD~1 has no src/generated.rs to compare with (git show HEAD~1:src/generated.rs failed: "),
            "{err}"
        );
    }
}

/// `.ci/semver`, CI's gate, in a repository whose history it cannot compare with: it
/// fails, except on the repository's first commit. These cases stop before cargo runs.
#[cfg(unix)]
mod ci_script {
    use super::*;
    use std::process::Command;

    /// Runs the script in `dir` with `CODES_BASE` set to `base` (unset for `None`):
    /// (exit status, standard output).
    fn semver(dir: &Path, base: Option<&str>) -> (Option<i32>, String) {
        let mut cmd = Command::new("bash");
        cmd.arg(".ci/semver")
            .current_dir(dir)
            .env_remove("CODES_BASE");
        if let Some(base) = base {
            cmd.env("CODES_BASE", base);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    #[test]
    fn a_missing_base_fails_the_gate_outside_the_first_commit() {
        let dir = std::env::temp_dir().join(format!("infobip-codes-semver-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let origin = dir.join("origin");
        std::fs::create_dir_all(origin.join(".ci")).unwrap();
        std::fs::copy(root().join(".ci/semver"), origin.join(".ci/semver")).unwrap();
        git(&origin, &["init", "-q"]);
        git(&origin, &["add", "-A"]);
        git(&origin, &["commit", "-q", "-m", "first"]);

        // The first commit: nothing before it, and nothing to check.
        assert_eq!(
            semver(&origin, None),
            (Some(0), "semver gate: HEAD is the repository's first commit; nothing before it to compare with\n".to_owned())
        );
        // A base that is not there fails, even on the first commit.
        assert_eq!(
            semver(&origin, Some("0123abc")),
            (
                Some(1),
                "semver gate: FAILED: the base revision 0123abc is not in this clone\n".to_owned()
            )
        );
        let zeros = "0000000000000000000000000000000000000000";
        assert_eq!(
            semver(&origin, Some(zeros)),
            (Some(1), "semver gate: FAILED: the base revision is all zeros (GitHub's `before` of a push that created the branch), so there is nothing to compare with; set CODES_BASE to a revision of this clone, or leave it unset for HEAD~1\n".to_owned())
        );

        // A second commit, cloned with a depth of 1: its parent is not in the clone.
        std::fs::write(origin.join("README"), "second\n").unwrap();
        git(&origin, &["add", "-A"]);
        git(&origin, &["commit", "-q", "-m", "second"]);
        let url = format!("file://{}", origin.display());
        git(&dir, &["clone", "-q", "--depth", "1", &url, "shallow"]);
        let shallow = "semver gate: FAILED: the base revision HEAD~1 is not in this clone (this clone is shallow: fetch the history, e.g. actions/checkout with fetch-depth: 0)\n";
        assert_eq!(
            semver(&dir.join("shallow"), None),
            (Some(1), shallow.to_owned())
        );
        assert_eq!(
            semver(&dir.join("shallow"), Some("HEAD~1")),
            (Some(1), shallow.to_owned())
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
