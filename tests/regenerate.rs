//! The crate follows its page: an edited page fails the default build until the
//! committed source is regenerated, a `regenerate` build compiles the edit at once, and a
//! broken edit fails at its row. Builds copies of the package in a temporary folder with
//! cargo.

mod support;

const PROBE: &str = r#"fn main() {
    let mars = infobip_codes::StatusCode::from_name("DELIVERED_TO_MARS");
    let facts = mars.map(|c| (c.id(), c.description(), c.group()));
    println!("{} {facts:?}", infobip_codes::StatusCode::ALL.len());
}
"#;

#[test]
fn an_edited_page_fails_a_stale_build_until_it_is_regenerated() {
    let copy = support::Copy::new("regenerate", PROBE);
    let (ok, stdout, stderr) = copy.probe(&[]);
    assert!(ok, "{stderr}");
    assert_eq!(stdout.trim(), "40 None");

    let page_path = copy
        .dir
        .join("docs-source/response-status-and-error-codes.md");
    let page = std::fs::read_to_string(&page_path).unwrap();
    let anchor = "|5|`DELIVERED_TO_HANDSET`";
    let at = page.find(anchor).unwrap();
    let line_end = at + page[at..].find('\n').unwrap() + 1;
    let row = "|99|`DELIVERED_TO_MARS`<ul><li>Delivered to a handset on Mars.</li></ul>|\n";
    let edited = format!("{}{row}{}", &page[..line_end], &page[line_end..]);
    std::fs::write(&page_path, &edited).unwrap();
    let mars = "41 Some((99, \"Delivered to a handset on Mars.\", Some(Delivered)))";

    // 1. The default build refuses the stale committed file, and says what to do.
    let (ok, _, stderr) = copy.probe(&[]);
    assert!(!ok, "a stale generated file must not compile");
    let message = "infobip-codes: src/generated.rs is stale: it was generated from other inputs than docs-source/ holds now
    changed: docs-source/response-status-and-error-codes.md
  Regenerate it and commit it with docs-source/:
      cargo codes generate --write
  or generate the code at build time with the feature `regenerate`:
      cargo build --features regenerate";
    assert!(
        stderr.contains(message),
        "expected\n{message}\nin:\n{stderr}"
    );

    // 2. A `regenerate` build generates the edited code.
    let (ok, stdout, stderr) = copy.probe(&["regenerate"]);
    assert!(ok, "{stderr}");
    assert_eq!(stdout.trim(), mars);

    // 3. Once the file is regenerated, the default build compiles the edit too.
    copy.write_generated();
    let (ok, stdout, stderr) = copy.probe(&[]);
    assert!(ok, "{stderr}");
    assert_eq!(stdout.trim(), mars);

    // A broken edit: `regenerate` fails at the row, and so does `cargo codes generate`.
    let line = edited[..line_end].lines().count() + 1;
    std::fs::write(
        &page_path,
        edited.replace("|99|`DELIVERED_TO_MARS`", "|9x9|`DELIVERED_TO_MARS`"),
    )
    .unwrap();
    let expected = format!(
        "docs-source/response-status-and-error-codes.md:{line}:2: error: non-numeric id `9x9`"
    );
    let (ok, _, stderr) = copy.probe(&["regenerate"]);
    assert!(!ok, "a broken page must fail the build");
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in:\n{stderr}"
    );
    let (code, _, stderr) = copy.codes(&["generate", "--write"]);
    assert_eq!(code, 1);
    assert!(stderr.contains(&expected), "{stderr}");
}

#[test]
fn an_html_page_builds_by_default_once_generated() {
    let copy = support::Copy::new("html-page", PROBE);
    let html = std::fs::read(
        copy.dir
            .join("tests/fixtures/pages/response-status-and-error-codes.html"),
    )
    .unwrap();
    copy.docs_source(&[("response-status-and-error-codes.html", &html)]);
    // Generating at build time needs the HTML reader.
    let (ok, _, stderr) = copy.probe(&["regenerate"]);
    assert!(!ok);
    assert!(
        stderr.contains("docs-source/response-status-and-error-codes.html:1:1: error: reading HTML pages needs the `html` feature"),
        "{stderr}"
    );
    let (ok, stdout, stderr) = copy.probe(&["html"]);
    assert!(ok, "{stderr}");
    assert_eq!(stdout.trim(), "40 None");
    // The committed file does not: the default build has no HTML parser and needs none.
    copy.write_generated();
    let (ok, stdout, stderr) = copy.probe(&[]);
    assert!(ok, "{stderr}");
    assert_eq!(stdout.trim(), "40 None");
}

#[test]
fn a_retired_code_stays_as_a_deprecated_variant() {
    let probe = r#"fn main() {
    let code = infobip_codes::ErrorCode::from_id(5415).expect("retired codes still resolve");
    println!("{} {} {:?}", code.name(), code.is_permanent(), code.group());
    let named = infobip_codes::ErrorCode::EcVoiceUnsupportedMediaType;
    println!("{}", named == code);
}
"#;
    let copy = support::Copy::new("retired", probe);
    let page_path = copy
        .dir
        .join("docs-source/response-status-and-error-codes.md");
    let page = std::fs::read_to_string(&page_path).unwrap();
    let at = page.find("|5415|").unwrap();
    let end = at + page[at..].find('\n').unwrap() + 1;
    std::fs::write(&page_path, format!("{}{}", &page[..at], &page[end..])).unwrap();
    std::fs::write(
        copy.dir.join("docs-source/retired.json"),
        r#"{"codes": [{"kind": "error", "channel": "voice", "id": 5415, "name": "EC_VOICE_UNSUPPORTED_MEDIA_TYPE", "group": {"id": 3, "name": "OPERATOR_ERRORS"}, "permanent": false, "description": "Format of the file is not supported.", "retired_in": "0.1.1"}]}"#,
    )
    .unwrap();
    copy.write_generated();
    let (ok, stdout, stderr) = copy.probe(&[]);
    assert!(ok, "{stderr}");
    assert_eq!(
        stdout,
        "EC_VOICE_UNSUPPORTED_MEDIA_TYPE false Some(OperatorErrors)\ntrue\n"
    );
    assert!(
        stderr.contains("use of deprecated unit variant `infobip_codes::ErrorCode::EcVoiceUnsupportedMediaType`: no longer on Infobip's page; kept as deprecated since infobip-codes 0.1.1"),
        "{stderr}"
    );
}
