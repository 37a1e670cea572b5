//! `cargo codes ...`: the maintainer CLI, run as a process from the repository.

use infobip_codes_codegen::diag::Diagnostics;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn codes(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-codes"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_prints_the_source_and_a_summary() {
    let out = codes(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("infobip-codes is generated from:\n  docs-source/response-status-and-error-codes.md (markdown, sha256 "));
    for line in [
        "channel                   status   error",
        "general                       25      86",
        "voice                         13      23",
        "push                           2      12",
        "email                          0      15",
        "chat                           0      13",
        "total                         40     149",
        "status groups (5): 1 PENDING, 2 UNDELIVERABLE, 3 DELIVERED, 4 EXPIRED, 5 REJECTED",
        "1 warning(s):",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing `{line}` in:\n{text}"
        );
    }
    assert!(text.contains("docs-source/response-status-and-error-codes.md:102:5: warning: name `REJECTED_NO_APPLICATION `"));
    assert!(text.lines().last().unwrap().starts_with("ok: generated "));
}

#[test]
fn check_finds_the_docs_from_a_subdirectory() {
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-codes"))
        .arg("check")
        .current_dir(root().join("codegen/src"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The repository's docs-source/, named as from the root.
    assert!(
        stdout(&out).starts_with(
            "infobip-codes is generated from:\n  docs-source/response-status-and-error-codes.md (markdown, sha256 "
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(stdout(&out), stdout(&codes(&["check"])));
}

#[test]
fn check_of_a_bad_page_exits_1_with_located_errors() {
    let dir = std::env::temp_dir().join(format!("infobip-codes-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("bad.md");
    std::fs::write(
        &page,
        "## Voice error codes\n### OK (group id: 0) - voice error codes\n|Id|Permanent|Error|\n|-|-|-|\n|5000|maybe|`VOICE_ANSWERED`|\n",
    )
    .unwrap();
    let path = page.to_string_lossy().into_owned();
    let out = codes(&["check", &path]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{path}:5:7: error: permanent value `maybe` is not true or false"
        )),
        "{err}"
    );
    assert!(err.contains("= hint: write `true`"), "{err}");
    assert!(
        err.trim_end()
            .ends_with("error: the page was refused: 1 error(s), 0 warning(s)"),
        "{err}"
    );
}

#[test]
fn export_json_has_the_documented_shape() {
    let out = codes(&["export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes = v["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 189);
    assert_eq!(
        codes[0],
        serde_json::json!({"kind": "status", "channel": "general", "group": {"id": 3, "name": "DELIVERED"},
            "id": 2, "name": "DELIVERED_TO_OPERATOR", "permanent": null,
            "description": "Message has been successfully sent and delivered to the operator."})
    );
    let push = codes.iter().find(|c| c["id"] == 8001).unwrap();
    assert_eq!(
        push["group"],
        serde_json::json!({"id": 1, "name": "Registration error"})
    );
    assert_eq!(push["permanent"], true);
    // Sorted by kind (statuses first), channel, id.
    let keys: Vec<(String, String, u64)> = codes
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().into(),
                c["channel"].as_str().unwrap().into(),
                c["id"].as_u64().unwrap(),
            )
        })
        .collect();
    let rank = |k: &str, ch: &str| {
        (
            ["status", "error"].iter().position(|x| *x == k).unwrap(),
            ["general", "voice", "push", "email", "chat"]
                .iter()
                .position(|x| *x == ch)
                .unwrap(),
        )
    };
    assert!(keys
        .windows(2)
        .all(|w| (rank(&w[0].0, &w[0].1), w[0].2) < (rank(&w[1].0, &w[1].1), w[1].2)));
}

#[test]
fn export_csv() {
    let out = codes(&["export", "--format=csv"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("kind,channel,group_id,group_name,id,name,permanent,description")
    );
    assert_eq!(
        lines.next(),
        Some("status,general,3,DELIVERED,2,DELIVERED_TO_OPERATOR,,Message has been successfully sent and delivered to the operator.")
    );
    assert_eq!(text.matches("\r\n").count(), 190);
}

#[test]
fn explain_by_id_and_by_name() {
    let out = codes(&["explain", "5"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("status 5 DELIVERED_TO_HANDSET\n  channel:   General (general)\n  group:     DELIVERED (id 3)\n  final:     yes\n  rust:      infobip_codes::StatusCode::DeliveredToHandset\n"), "{text}");
    assert!(text.contains("\nerror 5 EC_UNIDENTIFIED_SUBSCRIBER\n"));

    let text = stdout(&codes(&["explain", "ec_voice_error_bad_request"]));
    assert_eq!(text.matches("error 54").count(), 5, "{text}");
    assert!(text.contains("rust:      infobip_codes::ErrorCode::EcVoiceErrorBadRequest5487"));
    assert!(text.contains("permanent: no"));

    let out = codes(&["explain", "NOPE_NOT_A_CODE"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "no code has the id or name `NOPE_NOT_A_CODE`\n"
    );
}

#[test]
fn generate_prints_what_the_build_script_writes() {
    let out = codes(&["generate"]);
    assert_eq!(out.status.code(), Some(0));
    let mut diags = Diagnostics::default();
    let inputs = infobip_codes_codegen::docs_source::load_dir(
        &root().join("docs-source"),
        "docs-source",
        &mut diags,
    );
    let expected = infobip_codes_codegen::build(&inputs).unwrap().source;
    assert!(stdout(&out) == expected);
}

#[test]
fn usage_errors_exit_2() {
    for (args, first) in [
        (
            &[][..],
            "error: 'cargo codes' requires a subcommand but one was not provided",
        ),
        (
            &["frobnicate"][..],
            "error: unrecognized subcommand 'frobnicate'",
        ),
        (
            &["export", "--format", "xml"][..],
            "error: invalid value 'xml' for '--format <FORMAT>'",
        ),
        (
            &["check", "--bogus"][..],
            "error: unexpected argument '--bogus' found",
        ),
        (
            &["explain"][..],
            "error: the following required arguments were not provided:",
        ),
    ] {
        let out = codes(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().next(), Some(first), "{args:?}: {err}");
        assert!(
            err.ends_with("\n\nFor more information, try '--help'.\n"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(codes(&["--help"]).status.code(), Some(0));
}

#[test]
fn check_deny_warnings_refuses_a_page_with_warnings_and_passes_a_clean_one() {
    // The vendored page has one warning (a name with a trailing space).
    let out = codes(&["check", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("docs-source/response-status-and-error-codes.md:102:5: warning: name `REJECTED_NO_APPLICATION `"));
    assert_eq!(
        stderr(&out),
        "\nerror: the page was refused: 0 error(s), 1 warning(s); --deny-warnings counts warnings as errors\n"
    );
    assert_eq!(codes(&["check"]).status.code(), Some(0));

    let dir = std::env::temp_dir().join(format!("infobip-codes-deny-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("clean.md");
    std::fs::write(
        &page,
        "## Voice error codes\n### OK (group id: 0) - voice error codes\n|Id|Permanent|Error|\n|-|-|-|\n|5000|false|`VOICE_ANSWERED`|\n",
    )
    .unwrap();
    let out = codes(&["check", "--deny-warnings", &page.to_string_lossy()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("warning"));
}

#[test]
fn deny_warnings_is_an_option_of_check_only() {
    let out = codes(&["export", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: unexpected argument '--deny-warnings' found\n"),
        "{err}"
    );
    assert!(
        err.contains("Usage: cargo codes export [OPTIONS] [PAGE]..."),
        "{err}"
    );
}

/// `cargo codes ARGS` in this process: (exit status, what it wrote to `out`, to `err`).
fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = infobip_codes_codegen::cli::run(&args, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

const COMMANDS: [&str; 7] = [
    "check", "export", "explain", "generate", "pin", "vendor", "diff",
];

#[test]
fn help_comes_from_clap_and_shows_examples_and_exit_statuses() {
    let out = codes(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("Usage: cargo codes [OPTIONS] <COMMAND>"),
        "{text}"
    );
    for command in COMMANDS {
        assert!(
            text.contains(&format!("\n  {command} ")),
            "{command}: {text}"
        );
    }
    assert!(text.contains("Examples:\n  cargo codes check "), "{text}");
    assert!(
        text.contains("Exit status:\n  0  success\n  1  refused input"),
        "{text}"
    );
    assert!(stderr(&out).is_empty());

    for command in COMMANDS {
        for args in [
            &[command, "--help"][..],
            &[command, "-h"][..],
            &["help", command][..],
        ] {
            let out = codes(args);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let text = stdout(&out);
            assert!(
                text.contains(&format!("Usage: cargo codes {command} ")),
                "{args:?}: {text}"
            );
            assert!(
                text.contains(&format!("Examples:\n  cargo codes {command}")),
                "{args:?}: {text}"
            );
            assert!(text.contains("\nExit status:\n"), "{args:?}: {text}");
            assert!(text.contains("--docs <DIR>"), "{args:?}: {text}");
        }
    }
}

#[test]
fn help_version_and_errors_go_to_the_writers_given() {
    let (code, out, err) = run(&["vendor", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--timeout <SECS>"), "{out}");
    assert!(out.contains("[default: 30]"), "{out}");
    assert_eq!(err, "");

    for flag in ["-V", "--version"] {
        let (code, out, err) = run(&[flag]);
        assert_eq!(code, 0);
        assert_eq!(
            out,
            format!("infobip-codes-codegen {}\n", env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(err, "");
    }

    let (code, out, err) = run(&["explain", "27", "28"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.starts_with("error: unexpected argument '28' found\n"),
        "{err}"
    );
    assert!(
        err.contains("Usage: cargo codes explain [OPTIONS] <ID|NAME>"),
        "{err}"
    );
}

#[test]
fn exit_statuses_are_0_ok_1_refused_2_verdict_or_usage() {
    use infobip_codes_codegen::cli::ExitStatus;
    let docs = root().join("docs-source");
    let docs = docs.to_string_lossy();
    assert_eq!(ExitStatus::Success.code(), 0);
    assert_eq!(ExitStatus::Refused.code(), 1);
    assert_eq!(ExitStatus::Verdict.code(), 2);
    assert_eq!(ExitStatus::Usage.code(), 2);

    // 0: it did what it was asked.
    let (code, out, _) = run(&["explain", "27", "--docs", &docs]);
    assert_eq!(code, 0);
    assert!(out.starts_with("error 27 EC_ABSENT_SUBSCRIBER\n"), "{out}");

    // 1: nothing matches; a page that cannot be read; a folder that is not there.
    let (code, out, _) = run(&["explain", "NOPE_NOT_A_CODE", "--docs", &docs]);
    assert_eq!(
        (code, out.as_str()),
        (1, "no code has the id or name `NOPE_NOT_A_CODE`\n")
    );
    let (code, _, err) = run(&["export", "no-such-page.md", "--docs", &docs]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("no-such-page.md:1:1: error: cannot read page: "),
        "{err}"
    );
    assert!(
        err.ends_with("error: the page was refused: 1 error(s), 0 warning(s)\n"),
        "{err}"
    );
    let (code, _, err) = run(&["vendor", "no-such-page.md", "--docs", "no-such-folder"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: cannot read no-such-page.md: No such file or directory (os error 2); nothing was changed\n"
    );

    // 2: a verdict reached.
    let dir = std::env::temp_dir().join(format!("infobip-codes-status-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = |id: u16| {
        format!("## Voice error codes\n### OK (group id: 0) - voice error codes\n|Id|Permanent|Error|\n|-|-|-|\n|{id}|false|`VOICE_ANSWERED`|\n")
    };
    let (old, new) = (dir.join("old.md"), dir.join("new.md"));
    std::fs::write(&old, page(5000)).unwrap();
    std::fs::write(&new, page(5001)).unwrap();
    let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
    let (code, out, err) = run(&["diff", &old, &new, "--fail-on", "minor"]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.starts_with("semver verdict: major\n"), "{out}");
    assert_eq!(err, "the verdict `major` reaches --fail-on minor\n");

    // 2: usage errors.
    for (args, first) in [
        (
            &["diff", "--fail-on", "huge", "a", "b"][..],
            "error: invalid value 'huge' for '--fail-on <LEVEL>'",
        ),
        (
            &["diff", "a", "b", "--base", "HEAD"][..],
            "error: the argument '[OLD]' cannot be used with '--base <REV>'",
        ),
        (
            &["diff", "a", "b", "--check-version"][..],
            "error: the argument '[OLD]' cannot be used with '--check-version'",
        ),
        (
            &["generate", "--write", "--check"][..],
            "error: the argument '--write' cannot be used with '--check'",
        ),
        (
            &["generate", "page.md", "--write"][..],
            "error: the argument '[PAGE]...' cannot be used with '--write'",
        ),
        (
            &["pin", "page.md"][..],
            "error: unexpected argument 'page.md' found",
        ),
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert_eq!(err.lines().next(), Some(first), "{args:?}: {err}");
        assert_eq!(out, "", "{args:?}");
    }
}

#[test]
fn a_bad_timeout_is_a_usage_error_not_a_panic() {
    for (secs, why) in [
        ("1e300", "more seconds than a timeout can hold"),
        ("-1", "a timeout is a number of seconds above 0"),
        ("0", "a timeout is a number of seconds above 0"),
        ("nan", "a timeout is a number of seconds above 0"),
        ("inf", "more seconds than a timeout can hold"),
        ("soon", "not a number of seconds"),
    ] {
        let (code, out, err) = run(&["vendor", "page.md", "--timeout", secs]);
        assert_eq!(code, 2, "--timeout {secs}: {out}{err}");
        assert!(
            err.starts_with(&format!(
                "error: invalid value '{secs}' for '--timeout <SECS>': {why}\n"
            )),
            "--timeout {secs}: {err}"
        );
    }
    // As a process too: the exit status, not a panic's 101.
    let out = codes(&["vendor", "page.md", "--timeout", "1e300"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("more seconds than a timeout can hold"));
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error_not_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-codes"))
        .arg("explain")
        .arg(std::ffi::OsStr::from_bytes(b"EC_\xff"))
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: an argument is not UTF-8: EC_\u{fffd}\n"
    );
}

/// A temporary folder, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("infobip-codes-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Writes `text` to `rel` (creating its folders); its path as a string.
    fn file(&self, rel: &str, text: &str) -> String {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Two pages outside docs-source: the text report gives the verdict's reasons, and the
/// verdict once the refresh goes through `cargo codes vendor` (which keeps the removed
/// code as deprecated) beside the verdict for a raw edit.
#[test]
fn a_text_diff_gives_the_reasons_and_the_verdict_through_vendor() {
    let page =
        std::fs::read_to_string(root().join("docs-source/response-status-and-error-codes.md"))
            .unwrap();
    let at = page.find("|5415|").unwrap();
    let end = at + page[at..].find('\n').unwrap() + 1;
    let edited = format!("{}{}", &page[..at], &page[end..])
        .replacen(
            "|5|`DELIVERED_TO_HANDSET`",
            "|99|`DELIVERED_TO_MARS`<ul><li>Delivered to a handset on Mars.</li></ul>|\n|5|`DELIVERED_TO_HANDSET`",
            1,
        )
        .replacen("|27|false|`EC_ABSENT_SUBSCRIBER`", "|27|true|`EC_ABSENT_SUBSCRIBER`", 1);
    let dir = Scratch::new("text-diff");
    let (old, new) = (dir.file("old.md", &page), dir.file("new.md", &edited));
    let out = codes(&["diff", &old, &new]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "semver verdict: major
through `cargo codes vendor`: minor (it keeps every existing variant name, and the 1 code(s) gone from the page as deprecated variants)
BEHAVIOUR CHANGE: 1 behaviour change(s): retry and finality logic read `permanent` and the group

added (1):
  + status 99 DELIVERED_TO_MARS (general)  StatusCode::DeliveredToMars

removed (1):
  - error 5415 EC_VOICE_UNSUPPORTED_MEDIA_TYPE (voice)  ErrorCode::EcVoiceUnsupportedMediaType

changed (1):
  * error 27 EC_ABSENT_SUBSCRIBER (general): permanent false -> true  [behaviour change]

why major:
  major: variant `ErrorCode::EcVoiceUnsupportedMediaType` removed
  minor: variant `StatusCode::DeliveredToMars` added
  minor: error 27 `EC_ABSENT_SUBSCRIBER` (general): permanent changed (behaviour change)

why minor through `cargo codes vendor`:
  minor: variant `StatusCode::DeliveredToMars` added
  minor: variant `ErrorCode::EcVoiceUnsupportedMediaType` deprecated (retired from the page)
  minor: error 27 `EC_ABSENT_SUBSCRIBER` (general): permanent changed (behaviour change)
"
    );
    let json = stdout(&codes(&["diff", &old, &new, "--format", "json"]));
    assert!(
        json.contains(",\"through_vendor\":{\"verdict\":\"minor\",\"retired\":1,\"reasons\":[{\"level\":\"minor\",\"rule\":\"addition\","),
        "{json}"
    );
    let markdown = stdout(&codes(&["diff", &old, &new, "--format", "markdown"]));
    assert!(markdown.contains("**Semver verdict: major**\n\n**Through `cargo codes vendor`: minor (it keeps every existing variant name, and the 1 code(s) gone from the page as deprecated variants)**\n"), "{markdown}");

    // When vendor changes nothing of the verdict, the line says so.
    let flipped = page.replacen(
        "|27|false|`EC_ABSENT_SUBSCRIBER`",
        "|27|true|`EC_ABSENT_SUBSCRIBER`",
        1,
    );
    let out = codes(&["diff", &old, &dir.file("flipped.md", &flipped)]);
    assert!(stdout(&out).starts_with("semver verdict: minor\nthrough `cargo codes vendor`: minor as well (it keeps every existing variant name)\n"), "{}", stdout(&out));
}

/// `cargo codes pin` works on docs-source only: a page elsewhere is not told to pin.
#[test]
fn check_speaks_of_pinning_for_docs_source_only() {
    let page =
        std::fs::read_to_string(root().join("docs-source/response-status-and-error-codes.md"))
            .unwrap();
    let dir = Scratch::new("check-outside");
    let copy = dir.file("copy.md", &page);
    let out = codes(&["check", &copy]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains("pin"), "{text}");
    assert!(
        text.lines().last().unwrap().starts_with("ok: generated "),
        "{text}"
    );
}

const VOICE_OLD: &str = "## Voice error codes\n### OK (group id: 0) - voice error codes\nFine.\n|Id|Permanent|Error|\n|-|-|-|\n|5000|false|`VOICE_ANSWERED`<ul><li>Answered.</li></ul>|\n";
const VOICE_NEW: &str = "## Voice error codes\n### OK (group id: 0) - voice error codes\nFine.\n|Id|Permanent|Error|\n|-|-|-|\n|5000|true|`VOICE_ANSWERED`<ul><li>Answered.</li></ul>|\n|5001|false|`VOICE_BUSY`<ul><li>Busy, call again.</li></ul>|\n";

#[test]
fn pin_records_the_variant_names_and_keeps_the_generated_source_fresh() {
    let tmp = Scratch::new("pin");
    tmp.file(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\n",
    );
    tmp.file("docs-source/p.md", VOICE_OLD);
    tmp.file("src/generated.rs", "// stale\n");
    let docs = tmp.0.join("docs-source");
    let docs = docs.to_string_lossy();

    let (code, out, err) = run(&["check", "--docs", &docs]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("\n\nnote: 2 variant name(s) are not pinned yet; `cargo codes pin` records them in docs-source/overrides.json\n\nok: generated "),
        "{out}"
    );

    let (code, out, err) = run(&["pin", "--docs", &docs]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        format!("pinned 2 new variant name(s); 2 pinned in {docs}/overrides.json\n")
    );
    assert_eq!(
        std::fs::read_to_string(tmp.0.join("docs-source/overrides.json")).unwrap(),
        "{\n  \"variants\": {\n    \"error-group/0/OK\": \"Ok\",\n    \"error/voice/5000\": \"VoiceAnswered\"\n  },\n  \"duplicates\": []\n}\n"
    );
    // The generated source records overrides.json's digest: pin rewrote it.
    assert_eq!(
        run(&["generate", "--check", "--docs", &docs]),
        (0, "src/generated.rs is fresh\n".to_owned(), String::new())
    );

    // Pinned: check has no note, and a second pin adds nothing.
    let (code, out, _) = run(&["check", "--docs", &docs]);
    assert_eq!(code, 0);
    assert!(
        out.contains("\nerror groups (1): voice:0 OK\n\nok: generated 268 lines (")
            && out.ends_with(" bytes) of Rust from 1 page(s)\n"),
        "{out}"
    );
    let (code, out, _) = run(&["pin", "--docs", &docs]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!("pinned 0 new variant name(s); 2 pinned in {docs}/overrides.json\n")
    );

    // A new code is pinned next to the names already there.
    tmp.file("docs-source/p.md", VOICE_NEW);
    let (code, out, _) = run(&["pin", "--docs", &docs]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!("pinned 1 new variant name(s); 3 pinned in {docs}/overrides.json\n")
    );
}

#[test]
fn diff_of_two_pages_and_of_two_folders_as_a_changelog_section() {
    let tmp = Scratch::new("diff-pages");
    let old = tmp.file("old/p.md", VOICE_OLD);
    let new = tmp.file("new/p.md", VOICE_NEW);
    let section = |heading: &str, page: &str| {
        format!("## [{heading}] - page refresh\n\nGenerated from `{page}` (sha256 534d615c1a48).\n\n### Added\n\n- `ErrorCode::VoiceBusy`: error 5001 `VOICE_BUSY` (voice)\n\n### Changed\n\n- **Behaviour change:** `ErrorCode::VoiceAnswered`: error 5000 `VOICE_ANSWERED` (voice): permanent false -> true\n\nSemver: minor, by these rules of \"The semver verdict\" in MAINTAINING.md:\n\n- new codes, groups or channels, or a retired code back on the page (the enums are `#[non_exhaustive]`): minor\n- a `permanent` flag or a group: minor\n")
    };
    let (code, out, err) = run(&["diff", &old, &new, "--format", "changelog"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, section("Unreleased", &new));
    let (code, out, err) = run(&[
        "diff",
        &old,
        &new,
        "--format",
        "changelog",
        "--release",
        "0.2.0",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, section("0.2.0", &new));

    // Two folders: every page of each.
    let (old_dir, new_dir) = (tmp.0.join("old"), tmp.0.join("new"));
    let (code, out, err) = run(&[
        "diff",
        &old_dir.to_string_lossy(),
        &new_dir.to_string_lossy(),
        "--format",
        "changelog",
        "--release",
        "0.2.0",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        section("0.2.0", &format!("{}/p.md", new_dir.display()))
    );

    // The same page on both sides: no change in meaning.
    let (code, out, _) = run(&[
        "diff",
        &old,
        &old,
        "--format",
        "changelog",
        "--release",
        "0.1.1",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "## [0.1.1] - page refresh\n\nGenerated from `".to_owned()
            + &old
            + "` (sha256 a91bb076c370).\n\nNo change in meaning.\n"
    );
}

/// What `vendor` finds in the folder as it is reaches the maintainer: a page it replaces
/// that was edited by hand since it was vendored is a warning on the error output, and
/// an unusable entry of overrides.json, which rewriting the file would drop, refuses the
/// vendoring and changes nothing.
#[test]
fn vendor_prints_what_it_finds_in_the_folder_it_replaces_files_of() {
    let tmp = Scratch::new("vendor-warnings");
    tmp.file("docs-source/p.md", VOICE_OLD);
    tmp.file(
        "docs-source/provenance.json",
        &format!(
            "{{\"pages\": [{{\"file\": \"p.md\", \"url\": \"https://x.example/p\", \"retrieved\": \"2026-01-01\", \"sha256\": \"{}\"}}]}}\n",
            "0".repeat(64)
        ),
    );
    let new = tmp.file("new.md", VOICE_NEW);
    let docs = tmp.0.join("docs-source");
    let docs = docs.to_string_lossy();

    let (code, out, err) = run(&["vendor", &new, "--docs", &docs, "--name", "p.md"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("vendored "), "{out}");
    assert!(
        err.contains(&format!(
            "{docs}/p.md:1:1: warning: page differs from the vendored one (sha256 "
        )),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(tmp.0.join("docs-source/p.md")).unwrap(),
        VOICE_NEW
    );

    // A pin that is no identifier: the folder as it is is refused, not rewritten without it.
    let overrides =
        "{\"variants\": {\"error/voice/5000\": \"not an identifier\"}, \"duplicates\": []}\n";
    tmp.file("docs-source/overrides.json", overrides);
    let before = std::fs::read(tmp.0.join("docs-source/provenance.json")).unwrap();
    let (code, _, err) = run(&["vendor", &new, "--docs", &docs, "--name", "p.md"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("{docs}/overrides.json:1:"))
            && err.contains(
                "error: pinned variant for `error/voice/5000` is not an UpperCamelCase identifier"
            ),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(tmp.0.join("docs-source/overrides.json")).unwrap(),
        overrides
    );
    assert_eq!(
        std::fs::read(tmp.0.join("docs-source/provenance.json")).unwrap(),
        before
    );
}
