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

const TODAY_PROBE: &str = r#"use infobip_codes::{ErrorGroup, MessageError, MessageStatus, Outcome, StatusGroup};

fn status(group: (u16, &str), id: u16, name: &str) -> MessageStatus {
    let mut s = MessageStatus::default();
    s.group_id = Some(group.0.into());
    s.group_name = Some(group.1.into());
    s.id = Some(id.into());
    s.name = Some(name.into());
    s
}

fn error(group: (u16, &str), id: u16, name: &str) -> MessageError {
    let mut e = MessageError::default();
    e.group_id = Some(group.0.into());
    e.group_name = Some(group.1.into());
    e.id = Some(id.into());
    e.name = Some(name.into());
    e
}

fn main() {
    for name in ["PENDING", "Pending", "UNDELIVERABLE", "REJECTED"] {
        println!("status group {name}: {:?}", StatusGroup::from_name(name));
    }
    for name in ["HANDSET_ERRORS", "Handset errors", "REGISTRATION_ERROR", "Registration errors", "System Error", "CLOUD_ERROR"] {
        println!("error group {name}: {:?}", ErrorGroup::from_name(name));
    }
    println!("names: {} / {} / {}", StatusGroup::Pending.name(), ErrorGroup::HandsetErrors.name(), ErrorGroup::RegistrationError.name());
    let pending = status((1, "PENDING"), 7, "PENDING_ENROUTE");
    println!("PENDING: {:?} {:?}", pending.group(), Outcome::from_wire(Some(&pending), None));
    let undeliverable = status((2, "UNDELIVERABLE"), 4, "UNDELIVERABLE_NOT_DELIVERED");
    let absent = error((1, "HANDSET_ERRORS"), 27, "EC_ABSENT_SUBSCRIBER");
    println!("HANDSET_ERRORS: {:?} {:?}", absent.group(), Outcome::from_wire(Some(&undeliverable), Some(&absent)));
    let push = error((1, "Registration error"), 8001, "NOT_A_DOCUMENTED_NAME");
    println!("Registration error: {:?}", push.group());
}
"#;

/// Today's page (the status and error pages of `tests/fixtures/pages/current-full/` as
/// one page, as Infobip publishes it at one address) vendored over the shipped readme.io
/// page: every group heading is re-cased or reworded (`PENDING` is `Pending`,
/// `HANDSET_ERRORS` is `Handset errors`, `Registration error` is `Registration errors`),
/// email and chat codes leave reworded groups, seven channels arrive. The refresh goes
/// through below major, removes no variant, and payloads that send the API's group names
/// still find their groups.
#[test]
fn todays_page_vendored_over_the_shipped_page_keeps_every_variant_and_group() {
    let copy = support::Copy::new("todays-page", TODAY_PROBE);
    let full = |name: &str| {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/pages/current-full")
                .join(name),
        )
        .unwrap()
    };
    let errors = full("error-codes.md");
    let errors = errors.split_once('\n').unwrap().1; // one page, one title
    let page = copy.dir.join("response-status-and-error-codes.md");
    std::fs::write(&page, format!("{}\n{errors}", full("status-codes.md"))).unwrap();
    let (code, out, err) = copy.codes(&[
        "vendor",
        &page.to_string_lossy(),
        "--canonical-url",
        "https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("\nsemver verdict: minor\n"), "{out}");
    assert!(!out.contains("removed"), "{out}");
    assert!(!out.contains("major"), "{out}");
    for renamed in [
        "  ~ status group 1: `PENDING` is now `Pending`\n",
        "  ~ error group 1 (general): `HANDSET_ERRORS` is now `Handset errors`\n",
        "  ~ error group 1 (push): `Registration error` is now `Registration errors`\n",
        "  ~ error group 3 (email): `System Error` is now `System errors`\n",
        "  ~ error group 3 (chat): `System Error` is now `System errors`\n",
    ] {
        assert!(out.contains(renamed), "{renamed} in:\n{out}");
    }
    assert!(out.contains("\ngroups renamed (16):\n"), "{out}");
    assert!(out.contains("\nchannels added (7):\n"), "{out}");
    // The codes gone from email's reworded groups are retired, not refused.
    assert!(
        out.contains("  ~ error 6015 EC_GATEWAY_ERROR (email)  ErrorCode::EcGatewayError\n"),
        "{out}"
    );

    let (ok, stdout, stderr) = copy.probe(&["serde"]);
    assert!(ok, "{stderr}");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "status group PENDING: Some(Pending)",
            "status group Pending: Some(Pending)",
            "status group UNDELIVERABLE: Some(Undeliverable)",
            "status group REJECTED: Some(Rejected)",
            "error group HANDSET_ERRORS: Some(HandsetErrors)",
            "error group Handset errors: Some(HandsetErrors)",
            // A former heading is still a name of the group.
            "error group REGISTRATION_ERROR: Some(RegistrationError)",
            "error group Registration errors: Some(RegistrationError)",
            "error group System Error: Some(SystemError)",
            "error group CLOUD_ERROR: Some(CloudError)",
            "names: Pending / Handset errors / Registration errors",
            "PENDING: Some(Pending) Pending",
            "HANDSET_ERRORS: Some(HandsetErrors) RetryLater",
            "Registration error: Some(RegistrationError)",
        ]
    );
}
