//! The examples' logic, run as tests (the examples are built by `cargo test` too).

#[path = "../examples/explain.rs"]
mod explain;

use explain::explain;

#[test]
fn explain_finds_every_code_with_an_id_in_both_kinds() {
    let text = explain("5");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "status 5 DELIVERED_TO_HANDSET (general, group 3 DELIVERED): final: the message will not change state again"
    );
    assert_eq!(
        lines[1],
        "  Message has been successfully processed and delivered to recipient."
    );
    assert!(lines[2].starts_with(
        "error 5 EC_UNIDENTIFIED_SUBSCRIBER (general, group 1 HANDSET_ERRORS): temporary"
    ));
    assert_eq!(lines.len(), 4, "{text}");
}

#[test]
fn explain_reads_names_in_any_case_and_says_what_a_retry_does() {
    let text = explain(" ec_absent_subscriber ");
    assert!(text.starts_with(
        "error 27 EC_ABSENT_SUBSCRIBER (general, group 1 HANDSET_ERRORS): temporary: retrying may succeed\n  The subscriber is offline"
    ), "{text}");
    let pending = explain("PENDING_ENROUTE");
    assert!(
        pending.contains("not final: a later report will follow"),
        "{pending}"
    );
    let permanent = explain("EC_UNKNOWN_SUBSCRIBER");
    assert!(
        permanent.contains("permanent: retrying the same message fails the same way"),
        "{permanent}"
    );
}

#[test]
fn explain_is_empty_for_what_the_page_does_not_list() {
    assert_eq!(explain("60000"), "");
    assert_eq!(explain("NOT_A_CODE"), "");
    assert_eq!(explain(""), "");
}
