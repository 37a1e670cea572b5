//! Editing the vendored page regenerates the crate; a broken edit fails the build with a
//! located error; an HTML page needs the `html` feature. Builds copies of the package
//! in a temporary folder with cargo.

mod support;

const PROBE: &str = r#"fn main() {
    let mars = infobip_codes::StatusCode::from_name("DELIVERED_TO_MARS");
    let facts = mars.map(|c| (c.id(), c.description(), c.group()));
    println!("{} {facts:?}", infobip_codes::StatusCode::ALL.len());
}
"#;

#[test]
fn an_edited_page_gives_an_edited_crate() {
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

    let (ok, stdout, stderr) = copy.probe(&[]);
    assert!(ok, "{stderr}");
    assert_eq!(
        stdout.trim(),
        "41 Some((99, \"Delivered to a handset on Mars.\", Some(Delivered)))"
    );

    let line = edited[..line_end].lines().count() + 1;
    std::fs::write(
        &page_path,
        edited.replace("|99|`DELIVERED_TO_MARS`", "|9x9|`DELIVERED_TO_MARS`"),
    )
    .unwrap();
    let (ok, _, stderr) = copy.probe(&[]);
    assert!(!ok, "a broken page must fail the build");
    let expected = format!(
        "docs-source/response-status-and-error-codes.md:{line}:2: error: non-numeric id `9x9`"
    );
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in:\n{stderr}"
    );
}

#[test]
fn an_html_page_needs_the_html_feature() {
    let copy = support::Copy::new("html-page", PROBE);
    let html = std::fs::read(
        copy.dir
            .join("tests/fixtures/pages/response-status-and-error-codes.html"),
    )
    .unwrap();
    copy.docs_source(&[("response-status-and-error-codes.html", &html)]);
    let (ok, _, stderr) = copy.probe(&[]);
    assert!(!ok);
    assert!(
        stderr.contains("docs-source/response-status-and-error-codes.html:1:1: error: reading HTML pages needs the `html` feature"),
        "{stderr}"
    );
    let (ok, stdout, stderr) = copy.probe(&["html"]);
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
