//! The current layout of the page (status codes and error codes on two pages), vendored
//! into a copy of the package: People API 40404, documented under two names, is two codes
//! that the lookups and the wire type tell apart, and `description()` reads as plain text.
//! Builds a copy of the package in a temporary folder with cargo.

mod support;

const PROBE: &str = r#"use infobip_codes::{Channel, ErrorCode, MessageError};
fn main() {
    println!("{:?}", ErrorCode::from_id_all(40404));
    println!("{:?}", ErrorCode::from_channel_id(Channel::PeopleApi, 40404));
    println!("{:?}", ErrorCode::from_id(40404));
    for name in [
        "ADDITIONAL_FIELD_DOES_NOT_EXIST",
        "CUSTOM_ATTRIBUTE_DOES_NOT_EXIST",
        "custom_attribute_does_not_exist",
        "NOT_DOCUMENTED",
    ] {
        let mut error = MessageError::default();
        error.id = Some(40404);
        error.name = Some(name.into());
        println!("{name} -> {:?}", error.code());
    }
    let mut unnamed = MessageError::default();
    unnamed.id = Some(40404);
    println!("no name -> {:?}", unnamed.code());
    println!("{}", ErrorCode::PersonNotFound.description());
    println!("{:?}", ErrorCode::EcAbsentSubscriber.description());
}
"#;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pages/current")
            .join(name),
    )
    .unwrap()
}

#[test]
fn one_id_under_two_names_is_two_codes_and_descriptions_are_plain_text() {
    let copy = support::Copy::new("current-layout", PROBE);
    copy.docs_source(&[("status-codes.md", &fixture("status-codes.md"))]);
    copy.write_generated();

    // Vendoring the error page beside the status page (`--add`), which lists 40404
    // twice, succeeds: a warning, no error.
    let page = copy.dir.join("error-codes.md");
    std::fs::write(&page, fixture("error-codes.md")).unwrap();
    let (code, out, err) = copy.codes(&[
        "vendor",
        &page.to_string_lossy(),
        "--add",
        "--canonical-url",
        "https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("/docs-source/error-codes.md (a new page; "),
        "{out}"
    );
    assert!(
        out.contains("\nadded beside the other pages (--add)\n"),
        "{out}"
    );
    assert!(
        out.contains("0 code(s) no longer on the page kept as deprecated"),
        "{out}"
    );
    for page in ["error-codes.md", "status-codes.md"] {
        assert!(copy.dir.join("docs-source").join(page).is_file(), "{page}");
    }
    for added in [
        "  + error 40404 ADDITIONAL_FIELD_DOES_NOT_EXIST (people-api)  ErrorCode::AdditionalFieldDoesNotExist\n",
        "  + error 40404 CUSTOM_ATTRIBUTE_DOES_NOT_EXIST (people-api)  ErrorCode::CustomAttributeDoesNotExist\n",
    ] {
        assert!(out.contains(added), "{added} in:\n{out}");
    }

    let (ok, stdout, stderr) = copy.probe(&["serde"]);
    assert!(ok, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "[AdditionalFieldDoesNotExist, CustomAttributeDoesNotExist]",
            "Some(AdditionalFieldDoesNotExist)",
            "Some(AdditionalFieldDoesNotExist)",
            "ADDITIONAL_FIELD_DOES_NOT_EXIST -> Some(AdditionalFieldDoesNotExist)",
            "CUSTOM_ATTRIBUTE_DOES_NOT_EXIST -> Some(CustomAttributeDoesNotExist)",
            "custom_attribute_does_not_exist -> Some(CustomAttributeDoesNotExist)",
            "NOT_DOCUMENTED -> Some(AdditionalFieldDoesNotExist)",
            "no name -> Some(AdditionalFieldDoesNotExist)",
            // Page text `No person has this \*identifier\*: check `externalId`, or see
            // [managing people](/docs/people/manage-people).`
            "No person has this *identifier*: check externalId, or see managing people (https://www.infobip.com/docs/people/manage-people).",
            "\"The handset is switched off or out of coverage.\\nTry again later.\"",
        ]
    );
}
