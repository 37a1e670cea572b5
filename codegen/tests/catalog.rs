//! The catalog read from the vendored page, checked against a list extracted
//! independently of the parser (tests/fixtures/expected-catalog.tsv).

use infobip_codes_codegen::diag::{Diagnostics, Severity};
use infobip_codes_codegen::model::{Catalog, Kind};
use infobip_codes_codegen::{docs_source, read, Inputs, PageInput, Reading};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn vendored() -> Reading {
    let mut diags = Diagnostics::default();
    let inputs = docs_source::load_dir(&root().join("docs-source"), "docs-source", &mut diags);
    assert!(!diags.has_errors(), "{diags}");
    read(&inputs)
}

#[path = "../../tests/support/expected_catalog.rs"]
mod expected_catalog;
use expected_catalog::Row;

fn expected() -> Vec<Row> {
    let tsv = std::fs::read_to_string(root().join("tests/fixtures/expected-catalog.tsv")).unwrap();
    let mut rows = expected_catalog::rows(&tsv);
    rows.sort();
    rows
}

/// The text of clean markdown: links to their text, autolinks to their address,
/// escapes resolved, backticks dropped, whitespace collapsed.
fn text_of(markdown: &str) -> String {
    let mut out = String::new();
    let mut chars = markdown.chars().peekable();
    let mut in_link_target = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '`' | '<' | '>' | '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                chars.next();
                in_link_target = true;
            }
            ')' if in_link_target => in_link_target = false,
            _ if in_link_target => {}
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn actual_rows(catalog: &Catalog) -> Vec<Row> {
    let mut rows: Vec<Row> = catalog
        .codes
        .iter()
        .map(|c| {
            let g = c
                .group
                .as_ref()
                .expect("every code of this page has a group");
            Row {
                kind: c.kind.as_str().into(),
                channel: c.channel.clone(),
                group_id: g.id.expect("every group of this page has an id"),
                group_name: g.name.clone(),
                id: c.id,
                permanent: c.permanent,
                name: c.name.clone(),
                text: text_of(&c.description),
            }
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn vendored_page_gives_exactly_the_independent_list() {
    let reading = vendored();
    assert!(!reading.diagnostics.has_errors(), "{}", reading.diagnostics);
    let actual = actual_rows(&reading.catalog);
    let expected = expected();
    assert_eq!(actual.len(), 189);
    for (a, e) in actual.iter().zip(&expected) {
        assert_eq!(a, e);
    }
    assert_eq!(actual, expected);
}

#[test]
fn counts_per_channel_and_kind() {
    let c = vendored().catalog;
    let count = |k: Kind, ch: &str| c.codes_of(k).filter(|x| x.channel == ch).count();
    let table: Vec<(usize, usize)> = ["general", "voice", "push", "email", "chat"]
        .iter()
        .map(|ch| (count(Kind::Status, ch), count(Kind::Error, ch)))
        .collect();
    assert_eq!(table, [(25, 86), (13, 23), (2, 12), (0, 15), (0, 13)]);
    let slugs: Vec<&str> = c.channels.iter().map(|ch| ch.slug.as_str()).collect();
    assert_eq!(slugs, ["general", "voice", "push", "email", "chat"]);
}

#[test]
fn the_capture_gives_the_identical_catalog() {
    let vendored = vendored();
    let capture =
        std::fs::read(root().join("tests/fixtures/response-status-and-error-codes.capture.txt"))
            .unwrap();
    let mut page = PageInput::new("capture.txt", capture);
    page.options.page_url = vendored.catalog.sources[0].url.clone();
    let from_capture = read(&Inputs::pages(vec![page]));
    assert!(
        !from_capture.diagnostics.has_errors(),
        "{}",
        from_capture.diagnostics
    );
    assert_eq!(from_capture.catalog.sources[0].form.as_str(), "capture");
    assert_eq!(from_capture.catalog.meaning(), vendored.catalog.meaning());
    // The same single warning, pointing into each file.
    let warnings = |r: &Reading| -> Vec<String> {
        r.diagnostics
            .warnings()
            .map(|d| d.message.clone())
            .collect()
    };
    assert_eq!(warnings(&from_capture), warnings(&vendored));
}

#[test]
fn vendored_markdown_is_the_capture_body_with_its_line_breaks_restored() {
    let md = std::fs::read_to_string(root().join("docs-source/response-status-and-error-codes.md"))
        .unwrap();
    let capture = std::fs::read_to_string(
        root().join("tests/fixtures/response-status-and-error-codes.capture.txt"),
    )
    .unwrap();
    let body = capture.lines().max_by_key(|l| l.len()).unwrap().trim();
    let restored = md.strip_suffix('\n').unwrap();
    assert_eq!(
        restored.replace('\n', " "),
        body,
        "only spaces may have become newlines"
    );
    assert!(restored.lines().count() > 300);

    let provenance = std::fs::read_to_string(root().join("docs-source/provenance.json")).unwrap();
    let sha = infobip_codes_codegen::freshness::sha256_hex(md.as_bytes());
    assert!(
        provenance.contains(&sha),
        "provenance.json must record sha256 {sha}"
    );
    let capture_sha = infobip_codes_codegen::freshness::sha256_hex(capture.as_bytes());
    assert!(provenance.contains(&capture_sha));
}

#[test]
fn quirks_of_the_page_are_kept_as_data() {
    let reading = vendored();
    let c = &reading.catalog;
    let find = |kind: Kind, channel: &str, id: u16| {
        c.codes
            .iter()
            .find(|x| x.kind == kind && x.channel == channel && x.id == id)
            .unwrap()
    };
    // The trailing space is trimmed, with a warning at the cell.
    let no_app = find(Kind::Status, "push", 65);
    assert_eq!(no_app.name, "REJECTED_NO_APPLICATION");
    let w: Vec<_> = reading.diagnostics.warnings().collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].severity, Severity::Warning);
    assert_eq!(
        w[0].to_string().lines().next().unwrap(),
        "docs-source/response-status-and-error-codes.md:102:5: warning: name `REJECTED_NO_APPLICATION ` has surrounding spaces; using `REJECTED_NO_APPLICATION`"
    );
    // One name, five ids.
    let bad_request: Vec<u16> = c
        .codes
        .iter()
        .filter(|x| x.name == "EC_VOICE_ERROR_BAD_REQUEST")
        .map(|x| x.id)
        .collect();
    assert_eq!(bad_request, [5400, 5403, 5408, 5487, 5491]);
    // Voice's OK group holds answered calls marked permanent.
    let answered = find(Kind::Error, "voice", 5000);
    assert_eq!(
        (answered.name.as_str(), answered.permanent),
        ("VOICE_ANSWERED", Some(true))
    );
    // Error groups are per channel; status groups are shared.
    let push_group = find(Kind::Error, "push", 8001).group.clone().unwrap();
    assert_eq!(
        (push_group.id, push_group.name.as_str()),
        (Some(1), "Registration error")
    );
    let status_groups: Vec<_> = c.groups.iter().filter(|g| g.kind == Kind::Status).collect();
    assert_eq!(status_groups.len(), 5);
    assert!(status_groups.iter().all(|g| g.channel.is_none()));
    // A status and an error share id 5.
    assert_eq!(
        find(Kind::Status, "general", 5).name,
        "DELIVERED_TO_HANDSET"
    );
    assert_eq!(
        find(Kind::Error, "general", 5).name,
        "EC_UNIDENTIFIED_SUBSCRIBER"
    );
    // Misspellings are data.
    assert!(find(Kind::Status, "general", 19)
        .description
        .starts_with("Mesage has been received"));
}

#[test]
fn descriptions_are_clean_markdown_with_absolute_links() {
    let c = vendored().catalog;
    let by_name = |n: &str| {
        c.codes
            .iter()
            .find(|x| x.name == n)
            .unwrap()
            .description
            .clone()
    };
    assert_eq!(
        by_name("REJECTED_INVALID_NOTIFY_URL"),
        "Native to Voice services, this status is returned in case the notifyUrl parameter is not formatter properly. Please revisit the documentation [here](https://dev.infobip.com/docs/fully-featured-voice-messages)."
    );
    assert!(by_name("REJECTED_INVALID_UDH").ends_with(
        "for clarification.\n\nhttps://en.wikipedia.org/wiki/User_Data_Header\n\nhttps://en.wikipedia.org/wiki/Concatenated_SMS"
    ));
    assert!(by_name("UNDELIVERABLE_NO_DESTINATION")
        .contains("doesn't resolve any `pushRegistrationIds` as destinations"));
    assert!(by_name("UNDELIVERABLE_NO_DESTINATION")
        .ends_with("[iOS](https://github.com/infobip/mobile-messaging-sdk-ios/wiki/User-data) and [Android](https://github.com/infobip/mobile-messaging-sdk-android/wiki/User-data)"));
    assert!(by_name("REJECTED_NO_APPLICATION")
        .ends_with("Or check configuration [here](https://dev.infobip.com/push/applications)."));
    assert_eq!(
        by_name("EC_VOICE_SERVICE_UNAVAILABLE"),
        "The service failed to complete the request."
    );
    for code in &c.codes {
        assert!(
            !code.description.contains('<') || code.description.contains("<http"),
            "{}",
            code.description
        );
        assert!(
            !code.description.contains("](/"),
            "relative link left in {}",
            code.name
        );
    }
}

#[test]
fn generation_is_byte_identical_and_names_its_inputs() {
    let reading = vendored();
    let a = reading.source().unwrap();
    let b = vendored().source().unwrap();
    assert_eq!(a, b);
    assert!(a.starts_with(&format!(
        "// @generated by infobip-codes-codegen {} from docs-source/. Do not edit.\n",
        env!("CARGO_PKG_VERSION")
    )));
    let digest = |name: &str| {
        let bytes = std::fs::read(root().join("docs-source").join(name)).unwrap();
        infobip_codes_codegen::freshness::sha256_hex(&bytes)
    };
    let recorded = infobip_codes_codegen::freshness::recorded_inputs(&a).unwrap();
    let listed: Vec<(&str, &str)> = recorded
        .iter()
        .map(|i| (i.path.as_str(), i.sha256.as_str()))
        .collect();
    let expected: Vec<(String, String)> = [
        "overrides.json",
        "provenance.json",
        "response-status-and-error-codes.md",
    ]
    .iter()
    .map(|n| (format!("docs-source/{n}"), digest(n)))
    .collect();
    let expected: Vec<(&str, &str)> = expected
        .iter()
        .map(|(p, s)| (p.as_str(), s.as_str()))
        .collect();
    assert_eq!(listed, expected);
}
