//! The status and error objects as real payloads carry them: typed where known,
//! lossless where not, errors (never panics) for what is not an object.

use infobip_codes::wire::{Conflicts, ErrorParts, Field, StatusParts};
use infobip_codes::{
    ErrorCode, ErrorGroup, MessageError, MessageStatus, Outcome, StatusCode, StatusGroup,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Decodes `v` as `T`, re-encodes it, and checks that nothing changed.
fn round_trip<T: Serialize + for<'de> Deserialize<'de>>(v: &Value) -> T {
    let decoded: T = serde_json::from_value(v.clone()).unwrap();
    let encoded = serde_json::to_value(&decoded).unwrap();
    assert_eq!(
        &encoded, v,
        "serializing must give back the same fields and values"
    );
    decoded
}

#[test]
fn sms_send_response() {
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct SendResponse {
        bulk_id: String,
        messages: Vec<SentMessage>,
    }
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct SentMessage {
        to: String,
        message_id: String,
        status: MessageStatus,
    }
    let body = json!({
        "bulkId": "2034072219640523072",
        "messages": [
            {"to": "41793026727", "messageId": "2250be2d4219-3af1-78856-aabe-1362af1edfd2",
             "status": {"groupId": 1, "groupName": "PENDING", "id": 26, "name": "MESSAGE_ACCEPTED",
                        "description": "Message sent to next instance"}},
            {"to": "41793026834", "messageId": "3350be2d4219-3af1-23343-bbbb-1362af1edfca",
             "status": {"groupId": 5, "groupName": "REJECTED", "id": 6, "name": "REJECTED_NETWORK",
                        "description": "Network is forbidden", "action": "Contact account manager"}}
        ]
    });
    let response: SendResponse = round_trip(&body);
    let accepted = &response.messages[0].status;
    // The id is authoritative: the API's name for 26 differs from the page's.
    assert_eq!(accepted.code(), Some(StatusCode::PendingAccepted));
    assert_eq!(accepted.name.as_deref(), Some("MESSAGE_ACCEPTED"));
    assert_eq!(accepted.group(), Some(StatusGroup::Pending));
    assert!(!accepted.is_final());
    // A 200 response can still carry REJECTED.
    let rejected = &response.messages[1].status;
    assert_eq!(rejected.code(), Some(StatusCode::RejectedNetwork));
    assert_eq!(rejected.action(), Some("Contact account manager"));
    assert!(rejected.is_final());
}

#[test]
fn delivery_report_with_price_and_offset_timestamps() {
    #[derive(Serialize, Deserialize)]
    struct Report {
        results: Vec<ReportResult>,
    }
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct ReportResult {
        message_id: String,
        done_at: String,
        status: MessageStatus,
        error: Option<MessageError>,
        #[serde(flatten)]
        rest: serde_json::Map<String, Value>,
    }
    let body = json!({"results": [
        {"bulkId": "BULK-ID-123-xyz", "messageId": "c9823180-94d4-4ea0-9bf3-ec907e7534a6",
         "to": "41793026731", "sentAt": "2019-11-09T16:00:00.000+0100", "doneAt": "2019-11-09T16:00:00.000+0100",
         "smsCount": 1, "mccMnc": "22801", "callbackData": "DLR callback data",
         "price": {"pricePerMessage": 0.01, "currency": "EUR"},
         "status": {"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET",
                    "description": "Message delivered to handset"},
         "error": {"groupId": 0, "groupName": "Ok", "id": 0, "name": "NO_ERROR", "description": "No Error",
                   "permanent": false}},
        {"bulkId": "BULK-ID-123-xyz", "messageId": "12db39c3-7822-4e72-a3ec-c87442c0ffc5",
         "to": "41793026700", "sentAt": "2019-11-09T17:00:00.000+0100", "doneAt": "2019-11-09T17:00:01.000+0100",
         "messageCount": 1, "price": {"pricePerMessage": 0, "currency": "EUR"},
         "status": {"groupId": 2, "groupName": "UNDELIVERABLE", "id": 9, "name": "UNDELIVERABLE_NOT_DELIVERED",
                    "description": "Message sent not delivered"},
         "error": {"groupId": 1, "groupName": "HANDSET_ERRORS", "id": 27, "name": "EC_ABSENT_SUBSCRIBER",
                   "description": "Absent Subscriber", "permanent": false}}
    ]});
    let report: Report = round_trip(&body);
    let [delivered, absent] = &report.results[..] else {
        panic!()
    };
    assert_eq!(delivered.done_at, "2019-11-09T16:00:00.000+0100");
    assert_eq!(
        delivered.status.code(),
        Some(StatusCode::DeliveredToHandset)
    );
    let ok = delivered.error.as_ref().unwrap();
    assert_eq!(
        ok.group(),
        Some(ErrorGroup::Ok),
        "group names arrive as \"Ok\" too"
    );
    assert!(ok.is_no_error());
    assert_eq!(absent.status.group(), Some(StatusGroup::Undeliverable));
    let error = absent.error.as_ref().unwrap();
    assert_eq!(error.code(), Some(ErrorCode::EcAbsentSubscriber));
    assert!(!error.is_permanent());
    assert!(!error.is_no_error());
    assert_eq!(absent.rest["messageCount"], 1);
}

#[test]
fn unknown_ids_names_and_groups_are_kept() {
    let status = json!({"groupId": 6, "groupName": "SCHEDULED", "id": 2000, "name": "NEW_STATUS",
                        "description": "Invented later"});
    let s: MessageStatus = round_trip(&status);
    assert_eq!((s.code(), s.group(), s.is_final()), (None, None, false));
    assert_eq!((s.id, s.group_id), (Some(2000), Some(6)));

    let error = json!({"groupId": 9, "groupName": "QUANTUM_ERRORS", "id": 99999, "name": "EC_ENTANGLED",
                       "permanent": true});
    let e: MessageError = round_trip(&error);
    assert_eq!((e.code(), e.group()), (None, None));
    assert!(e.is_permanent());

    // Known id, unknown group id: the group comes from the code.
    let s: MessageStatus = round_trip(&json!({"groupId": 42, "id": 15}));
    assert_eq!(s.group(), Some(StatusGroup::Expired));
}

#[test]
fn group_names_in_any_case_and_missing_fields() {
    let e: MessageError = round_trip(&json!({"groupName": "handset_errors"}));
    assert_eq!(e.group(), Some(ErrorGroup::HandsetErrors));
    let e: MessageError = round_trip(&json!({"groupName": "Registration error", "groupId": 1}));
    assert_eq!(e.group(), Some(ErrorGroup::RegistrationError));
    let s: MessageStatus = round_trip(&json!({"groupName": "Delivered"}));
    assert_eq!(s.group(), Some(StatusGroup::Delivered));
    assert!(s.is_final());

    let empty: MessageStatus = round_trip(&json!({}));
    assert_eq!(empty, MessageStatus::default());
    assert_eq!(
        (empty.code(), empty.group(), empty.is_final()),
        (None, None, false)
    );
    let only_name: MessageError = round_trip(&json!({"name": "EC_UNKNOWN_SUBSCRIBER"}));
    assert_eq!(only_name.code(), Some(ErrorCode::EcUnknownSubscriber));
    assert!(
        only_name.is_permanent(),
        "the page's flag when the payload has none"
    );
    // Error group ids alone are ambiguous across channels.
    let ambiguous: MessageError = round_trip(&json!({"groupId": 1}));
    assert_eq!(ambiguous.group(), None);
    let unique: MessageError = round_trip(&json!({"groupId": 0}));
    assert_eq!(unique.group(), Some(ErrorGroup::Ok));
}

#[test]
fn extra_fields_and_oddly_typed_values_survive() {
    let text = r#"{"id": "5", "groupId": null, "description": 17, "name": "DELIVERED_TO_HANDSET",
        "traceId": "abc", "nested": {"a": [1, -2, 1.5, true, null, "s"], "b": {}},
        "big": 18446744073709551615, "permanent": true}"#;
    let s: MessageStatus = serde_json::from_str(text).unwrap();
    round_trip::<MessageStatus>(&serde_json::from_str(text).unwrap());
    assert_eq!(
        (s.id, s.group_id, s.description.as_deref()),
        (None, None, None)
    );
    let extra: Vec<&str> = s.extra.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        extra,
        [
            "id",
            "groupId",
            "description",
            "traceId",
            "nested",
            "big",
            "permanent"
        ]
    );
    // Extra fields serialize back in arrival order, after the known ones.
    let back = serde_json::to_string(&s).unwrap();
    assert_eq!(
        back,
        r#"{"name":"DELIVERED_TO_HANDSET","id":"5","groupId":null,"description":17,"traceId":"abc","nested":{"a":[1,-2,1.5,true,null,"s"],"b":{}},"big":18446744073709551615,"permanent":true}"#
    );
    // Without an id, the name still finds the code.
    assert_eq!(s.code(), Some(StatusCode::DeliveredToHandset));

    let e: MessageError = round_trip(&json!({"permanent": "yes", "action": "retry", "id": -3}));
    assert_eq!((e.permanent, e.id, e.code()), (None, Some(-3), None));

    // Another field named twice is kept twice, as it came (a known one is an error).
    let twice = r#"{"id":5,"traceId":1,"traceId":2}"#;
    let s: MessageStatus = serde_json::from_str(twice).unwrap();
    assert_eq!(s.extra.len(), 2);
    let first = s
        .extra
        .get("traceId")
        .and_then(infobip_codes::wire::Value::as_i64);
    assert_eq!(first, Some(1));
    assert_eq!(serde_json::to_string(&s).unwrap(), twice);
}

#[test]
fn what_is_not_an_object_is_an_error() {
    for bad in [
        "[]",
        "5",
        "\"x\"",
        "null",
        "{\"id\":5,\"id\":6}",
        // A field named twice, its first value kept raw (an unexpected type), or both.
        "{\"id\":\"5\",\"id\":6}",
        "{\"id\":5,\"id\":\"6\"}",
        "{\"name\":null,\"traceId\":1,\"name\":\"NO_ERROR\"}",
        "{\"groupName\":1,\"groupName\":[]}",
        "{\"id\":",
        "{\"id\" 5}",
        "{\"name\":\"\\ud800\"}",
    ] {
        assert!(
            serde_json::from_str::<MessageStatus>(bad).is_err(),
            "accepted {bad}"
        );
        assert!(
            serde_json::from_str::<MessageError>(bad).is_err(),
            "accepted {bad}"
        );
    }
    let dup = serde_json::from_str::<MessageError>(r#"{"permanent":true,"permanent":false}"#)
        .unwrap_err();
    assert_eq!(
        dup.to_string(),
        "duplicate field `permanent` at line 1 column 29"
    );
    // Deep nesting in an extra field is refused by the JSON reader, not a stack overflow.
    let deep = format!("{{\"x\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(serde_json::from_str::<MessageStatus>(&deep).is_err());
}

#[test]
fn objects_built_from_codes_match_the_page() {
    let s = MessageStatus::from(StatusCode::DeliveredToHandset);
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        json!({"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET",
               "description": "Message has been successfully processed and delivered to recipient."})
    );
    for &code in ErrorCode::ALL {
        let e = MessageError::from(code);
        assert_eq!(e.code(), Some(code));
        assert_eq!(e.group(), code.group());
        assert_eq!(e.is_permanent(), code.is_permanent());
        assert!(e.conflicts().is_empty(), "{code:?}");
    }
    for &code in StatusCode::ALL {
        let s = MessageStatus::from(code);
        assert_eq!(s.code(), Some(code));
        assert_eq!(s.group(), code.group());
        assert_eq!(s.is_final(), code.is_final());
        assert!(s.conflicts().is_empty(), "{code:?}");
    }
}

#[test]
fn objects_print_on_one_line() {
    let cases = [
        (
            json!({"groupId": 1, "groupName": "HANDSET_ERRORS", "id": 27, "name": "EC_ABSENT_SUBSCRIBER", "permanent": false}),
            "EC_ABSENT_SUBSCRIBER (27, HANDSET_ERRORS, temporary)",
        ),
        // The page's name and group for a known code, whatever the payload spells.
        (
            json!({"groupName": "handset_errors", "name": "ec_unknown_subscriber"}),
            "EC_UNKNOWN_SUBSCRIBER (1, HANDSET_ERRORS, permanent)",
        ),
        // Unknown codes: what the payload said.
        (
            json!({"groupId": 77, "groupName": "BRAND_NEW", "id": 9999, "name": "EC_NEW", "permanent": true}),
            "EC_NEW (9999, BRAND_NEW, permanent)",
        ),
        (json!({"groupId": 1, "id": 9998}), "unknown (9998, group 1)"),
        (json!({"name": "EC_LINE\nBREAK"}), "EC_LINE\\nBREAK"),
        (json!({}), "unknown"),
    ];
    for (error, expected) in cases {
        let e: MessageError = serde_json::from_value(error).unwrap();
        assert_eq!(e.to_string(), expected);
    }
    let cases = [
        (
            json!({"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET"}),
            "DELIVERED_TO_HANDSET (5, DELIVERED, final)",
        ),
        // The id decides the code; the page's name is printed, and the payload's after.
        (
            json!({"groupId": 1, "id": 26, "name": "MESSAGE_ACCEPTED"}),
            "PENDING_ACCEPTED (26, PENDING, not final; sent name MESSAGE_ACCEPTED)",
        ),
        (
            json!({"groupId": 6, "groupName": "SCHEDULED", "id": 2000, "name": "NEW_STATUS"}),
            "NEW_STATUS (2000, SCHEDULED)",
        ),
        (
            json!({"groupName": "Rejected", "id": 9001}),
            "unknown (9001, REJECTED, final)",
        ),
    ];
    for (status, expected) in cases {
        let s: MessageStatus = serde_json::from_value(status).unwrap();
        assert_eq!(s.to_string(), expected);
    }
}

#[test]
fn ids_convert_in_one_call_without_truncating() {
    // The wire's i32 to a code: checked, in one call.
    assert_eq!(
        StatusCode::from_wire_id(5),
        Some(StatusCode::DeliveredToHandset)
    );
    assert_eq!(StatusCode::from_wire_id(65536 + 5), None);
    assert_eq!(StatusCode::from_wire_id(-5), None);
    assert_eq!(
        ErrorCode::from_wire_id(27),
        Some(ErrorCode::EcAbsentSubscriber)
    );
    // A code to the wire's i32, and to u16: lossless.
    assert_eq!(i32::from(ErrorCode::EcAbsentSubscriber), 27);
    assert_eq!(u16::from(ErrorCode::EcAbsentSubscriber), 27);
    // An id beyond i32 is kept, raw, not wrapped into the typed field.
    let s: MessageStatus = round_trip(&json!({"id": 4294967301_i64}));
    assert_eq!((s.id, s.code()), (None, None));
    assert_eq!(s.extra[0].0, "id");
}

#[test]
fn documented_names_and_groups_are_the_crates_own_strings() {
    let e: MessageError = round_trip(&json!({"groupId": 0, "groupName": "Ok", "id": 0,
        "name": "NO_ERROR", "description": "No Error", "permanent": false}));
    assert_eq!(
        e.name.as_ref().and_then(|n| n.as_static()),
        Some("NO_ERROR")
    );
    assert_eq!(
        e.group_name.as_ref().and_then(|n| n.as_static()),
        Some("Ok")
    );
    assert_eq!(e.description.as_deref(), Some("No Error"));
    // A name as sent that the page does not spell so stays as sent.
    let s: MessageStatus = round_trip(&json!({"id": 26, "name": "MESSAGE_ACCEPTED"}));
    assert_eq!(s.name.as_deref(), Some("MESSAGE_ACCEPTED"));
    assert_eq!(s.name.as_ref().and_then(|n| n.as_static()), None);
}

#[test]
fn objects_from_parts_resolve_like_decoded_ones() {
    let parts = MessageError::from(ErrorParts {
        group_id: Some(1),
        group_name: Some("HANDSET_ERRORS".to_owned()),
        id: Some(27),
        name: Some("EC_ABSENT_SUBSCRIBER".to_owned()),
        description: Some("Absent Subscriber".to_owned()),
        permanent: Some(false),
    });
    let decoded: MessageError = serde_json::from_value(json!({"groupId": 1, "groupName": "HANDSET_ERRORS",
        "id": 27, "name": "EC_ABSENT_SUBSCRIBER", "description": "Absent Subscriber", "permanent": false}))
    .unwrap();
    assert_eq!(parts, decoded);
    // Documented names are the crate's own strings, from parts as from the wire.
    for name in [
        &parts.name,
        &parts.group_name,
        &decoded.name,
        &decoded.group_name,
    ] {
        assert!(
            name.as_ref().and_then(|n| n.as_static()).is_some(),
            "{name:?}"
        );
    }
    assert!("EC_ABSENT_SUBSCRIBER" == *parts.name.as_ref().unwrap());
    let group = String::from("HANDSET_ERRORS");
    assert!(group == *parts.group_name.as_ref().unwrap());
    let new = MessageError::from(ErrorParts {
        id: Some(9999),
        name: Some("EC_NEW".into()),
        ..ErrorParts::default()
    });
    assert_eq!(new.name.as_ref().and_then(|n| n.as_static()), None);
    assert_eq!(
        new,
        serde_json::from_value(json!({"id": 9999, "name": "EC_NEW"})).unwrap()
    );
    let s = MessageStatus::from(StatusParts {
        group_name: Some("delivered".to_owned()),
        ..StatusParts::default()
    });
    assert_eq!((s.code(), s.group()), (None, Some(StatusGroup::Delivered)));
    assert_eq!(s.to_string(), "unknown (DELIVERED, final)");
    // An `action` is an extra field, from parts as from the wire.
    let parts = MessageStatus::from(StatusParts {
        group_id: Some(5),
        id: Some(6),
        action: Some("Contact account manager".to_owned()),
        ..StatusParts::default()
    });
    let decoded: MessageStatus =
        serde_json::from_value(json!({"groupId": 5, "id": 6, "action": "Contact account manager"}))
            .unwrap();
    assert_eq!(parts, decoded);
    assert_eq!(parts.action(), Some("Contact account manager"));
    assert_eq!(
        serde_json::to_value(&parts).unwrap(),
        json!({"groupId": 5, "id": 6, "action": "Contact account manager"})
    );
    let odd: MessageStatus = serde_json::from_value(json!({"action": 7})).unwrap();
    assert_eq!(odd.action(), None);
    assert_eq!(
        odd.extra.get("action"),
        Some(&infobip_codes::wire::Value::I64(7))
    );
}

/// A status object, its outcome without an error and with a temporary and a permanent
/// one, and its line.
fn read_status(v: Value) -> (MessageStatus, [Outcome; 3], String) {
    let s: MessageStatus = round_trip(&v);
    let temporary = MessageError::from(ErrorCode::EcAbsentSubscriber);
    let permanent = MessageError::from(ErrorCode::EcUnknownSubscriber);
    let outcomes = [
        Outcome::from_wire(Some(&s), None),
        Outcome::from_wire(Some(&s), Some(&temporary)),
        Outcome::from_wire(Some(&s), Some(&permanent)),
    ];
    let line = s.to_string();
    (s, outcomes, line)
}

fn fields(c: Conflicts) -> Vec<Field> {
    c.iter().collect()
}

const PENDING: [Outcome; 3] = [Outcome::Pending; 3];
const FAILED: [Outcome; 3] = [
    Outcome::RetryLater,
    Outcome::RetryLater,
    Outcome::FailedPermanent,
];

/// The shapes of real payloads whose fields disagree with the page or with each other:
/// every field takes part in choosing the code, the payload's agreeing group fields
/// decide what the report means, and the line shows what the payload sent.
#[test]
fn payload_fields_that_disagree() {
    // A public SDK's example response, and a Laravel package's README: 8 is
    // REJECTED_PREFIX_MISSING (REJECTED) on the page; the name, the group and the
    // description say PENDING_ENROUTE.
    let (s, outcomes, line) = read_status(json!({"groupId": 1, "groupName": "PENDING", "id": 8,
        "name": "PENDING_ENROUTE", "description": "Message sent to next instance"}));
    assert_eq!(s.code(), Some(StatusCode::PendingEnroute));
    assert_eq!(fields(s.conflicts()), [Field::Id]);
    assert_eq!(
        (s.group(), s.is_final()),
        (Some(StatusGroup::Pending), false)
    );
    assert_eq!(outcomes, PENDING);
    assert_eq!(line, "PENDING_ENROUTE (7, PENDING, not final; sent id 8)");

    // Infobip's SDK tests: 51 is MISSING_TO on the page, REJECTED_DESTINATION is 14. Both
    // are REJECTED, so the group does not choose, and the name does.
    for v in [
        json!({"id": 51, "name": "REJECTED_DESTINATION", "groupId": 5}),
        json!({"groupId": 5, "groupName": "REJECTED", "id": 51, "name": "REJECTED_DESTINATION",
               "description": "Invalid destination number"}),
    ] {
        let (s, outcomes, line) = read_status(v);
        assert_eq!(s.code(), Some(StatusCode::RejectedDestination));
        assert_eq!(fields(s.conflicts()), [Field::Id]);
        assert_eq!(outcomes, FAILED);
        assert_eq!(
            line,
            "REJECTED_DESTINATION (14, REJECTED, final; sent id 51)"
        );
    }

    // PENDING_ACCEPTED is 26 on the page; 7 is PENDING_ENROUTE. Without a group, and with
    // one that both have, the name decides.
    for (v, expected) in [
        (
            json!({"id": 7, "name": "PENDING_ACCEPTED"}),
            "PENDING_ACCEPTED (26, PENDING, not final; sent id 7)",
        ),
        (
            json!({"groupId": 1, "groupName": "PENDING", "id": 7, "name": "PENDING_ACCEPTED",
                   "description": "Message accepted, pending for delivery."}),
            "PENDING_ACCEPTED (26, PENDING, not final; sent id 7)",
        ),
    ] {
        let (s, outcomes, line) = read_status(v);
        assert_eq!(s.code(), Some(StatusCode::PendingAccepted));
        assert_eq!(fields(s.conflicts()), [Field::Id]);
        assert_eq!(outcomes, PENDING);
        assert_eq!(line, expected);
    }

    // The API's name for 26, which the page does not list: the id decides, and the line
    // shows the payload's name.
    let (s, outcomes, line) = read_status(json!({"groupId": 1, "groupName": "PENDING", "id": 26,
        "name": "MESSAGE_ACCEPTED", "description": "Message sent to next instance"}));
    assert_eq!(s.code(), Some(StatusCode::PendingAccepted));
    assert_eq!(fields(s.conflicts()), [Field::Name]);
    assert_eq!(outcomes, PENDING);
    assert_eq!(
        line,
        "PENDING_ACCEPTED (26, PENDING, not final; sent name MESSAGE_ACCEPTED)"
    );

    // Infobip's voice SDK tests: 5003 EC_VOICE_NO_ANSWER is in OPERATOR_ERRORS on the
    // page, the payload puts it under OK. The code stays; the payload's group, which
    // agrees with itself, decides that the object reports no error.
    let e: MessageError = round_trip(&json!({"groupId": 0, "groupName": "OK", "id": 5003,
        "name": "EC_VOICE_NO_ANSWER", "description": "User was notified, but did not answer call",
        "permanent": true}));
    assert_eq!(e.code(), Some(ErrorCode::EcVoiceNoAnswer));
    assert_eq!(fields(e.conflicts()), [Field::GroupId, Field::GroupName]);
    assert_eq!(e.group(), Some(ErrorGroup::Ok));
    assert!(e.is_no_error() && e.is_permanent());
    assert_eq!(
        e.to_string(),
        "EC_VOICE_NO_ANSWER (5003, OK, permanent; page group OPERATOR_ERRORS)"
    );
    assert_eq!(Outcome::from_wire(None, Some(&e)), Outcome::Pending);
    let undelivered = MessageStatus::from(StatusCode::UndeliverableNotDelivered);
    assert_eq!(
        Outcome::from_wire(Some(&undelivered), Some(&e)),
        Outcome::FailedPermanent
    );

    // A captured email report: 6012 is EC_HARD_BOUNCE in the email group Bounced (2) on
    // the page; the payload names another error and HANDSET_ERRORS (1).
    let e: MessageError = round_trip(&json!({"id": 6012, "name": "EC_SENDER_ADDRESS_INVALID",
        "description": "Sending address invalid, possible syntax error", "groupId": 1,
        "groupName": "HANDSET_ERRORS", "permanent": true}));
    assert_eq!(e.code(), Some(ErrorCode::EcHardBounce));
    assert_eq!(
        fields(e.conflicts()),
        [Field::GroupId, Field::GroupName, Field::Name]
    );
    assert_eq!(e.group(), Some(ErrorGroup::HandsetErrors));
    assert!(!e.is_no_error() && e.is_permanent());
    assert_eq!(
        e.to_string(),
        "EC_HARD_BOUNCE (6012, HANDSET_ERRORS, permanent; sent name EC_SENDER_ADDRESS_INVALID, page group Bounced)"
    );
    assert_eq!(Outcome::from_wire(None, Some(&e)), Outcome::FailedPermanent);
}

/// Each rule of `code()` in turn, and the payload's group against the page's.
#[test]
fn the_rules_that_choose_the_code() {
    let status = |v: Value| round_trip::<MessageStatus>(&v);
    // 1. The code with both the id and the name wins, whatever the group fields say; the
    //    payload's group then decides what the report means.
    let s =
        status(json!({"groupId": 1, "groupName": "PENDING", "id": 6, "name": "REJECTED_NETWORK"}));
    assert_eq!(s.code(), Some(StatusCode::RejectedNetwork));
    assert_eq!(fields(s.conflicts()), [Field::GroupId, Field::GroupName]);
    assert_eq!(Outcome::from_wire(Some(&s), None), Outcome::Pending);
    assert_eq!(
        s.to_string(),
        "REJECTED_NETWORK (6, PENDING, not final; page group REJECTED)"
    );
    // 2. Else the group: both group fields name the id's code's group, none the name's.
    let s =
        status(json!({"groupId": 5, "groupName": "REJECTED", "id": 8, "name": "PENDING_ENROUTE"}));
    assert_eq!(s.code(), Some(StatusCode::RejectedPrefixMissing));
    assert_eq!(fields(s.conflicts()), [Field::Name]);
    // One group field is enough to separate them.
    let s = status(json!({"groupId": 1, "id": 8, "name": "PENDING_ENROUTE"}));
    assert_eq!(s.code(), Some(StatusCode::PendingEnroute));
    let s = status(json!({"groupName": "rejected", "id": 8, "name": "PENDING_ENROUTE"}));
    assert_eq!(s.code(), Some(StatusCode::RejectedPrefixMissing));
    // 3. Else the name over the id.
    let s = status(json!({"groupId": 42, "id": 8, "name": "pending_enroute"}));
    assert_eq!(s.code(), Some(StatusCode::PendingEnroute));
    assert_eq!(fields(s.conflicts()), [Field::GroupId, Field::Id]);
    // An id alone, with a group the page does not give it: the code is the id's, the
    // group and the outcome the payload's.
    let s = status(json!({"groupId": 1, "id": 8}));
    assert_eq!(s.code(), Some(StatusCode::RejectedPrefixMissing));
    assert_eq!(fields(s.conflicts()), [Field::GroupId]);
    assert_eq!(
        (s.group(), s.is_final()),
        (Some(StatusGroup::Pending), false)
    );
    assert_eq!(Outcome::from_wire(Some(&s), None), Outcome::Pending);
    assert_eq!(
        s.to_string(),
        "REJECTED_PREFIX_MISSING (8, PENDING, not final; page group REJECTED)"
    );
    // The group fields disagree with each other: the code's group decides, and the line
    // shows the field that lost.
    let s = status(json!({"groupId": 4, "groupName": "UNDELIVERABLE", "id": 9}));
    assert_eq!(s.group(), Some(StatusGroup::Undeliverable));
    assert_eq!(fields(s.conflicts()), [Field::GroupId]);
    assert_eq!(
        s.to_string(),
        "UNDELIVERABLE_NOT_DELIVERED (9, UNDELIVERABLE, final; sent group id 4)"
    );
    // Without a code, they conflict with each other, and groupName's group is read.
    let s = status(
        json!({"groupId": 4, "groupName": "UNDELIVERABLE", "id": 7010, "name": "EC_NO_SESSION"}),
    );
    assert_eq!(
        (s.code(), s.group()),
        (None, Some(StatusGroup::Undeliverable))
    );
    assert_eq!(fields(s.conflicts()), [Field::GroupId, Field::GroupName]);
    assert_eq!(
        s.to_string(),
        "EC_NO_SESSION (7010, UNDELIVERABLE, final; sent group id 4)"
    );
    // A group field that names no group the page describes neither chooses nor
    // conflicts with the other, but it is not the code's group.
    let s = status(json!({"groupId": 1, "groupName": "Group 1", "id": 7}));
    assert_eq!(
        (s.code(), s.group()),
        (Some(StatusCode::PendingEnroute), Some(StatusGroup::Pending))
    );
    assert_eq!(fields(s.conflicts()), [Field::GroupName]);
    assert_eq!(
        s.to_string(),
        "PENDING_ENROUTE (7, PENDING, not final; sent group Group 1)"
    );
    // Error group ids are scoped per channel: group 1 of the Push channel is not
    // EC_UNKNOWN_SUBSCRIBER's HANDSET_ERRORS. (tests/shared_ids.rs has codes that share
    // an id, which the group then chooses between.)
    let e: MessageError = round_trip(&json!({"groupId": 1, "id": 1}));
    assert_eq!(e.code(), Some(ErrorCode::EcUnknownSubscriber));
    assert!(e.conflicts().is_empty());
    let e: MessageError =
        round_trip(&json!({"groupId": 1, "groupName": "Registration error", "id": 1}));
    assert_eq!(e.code(), Some(ErrorCode::EcUnknownSubscriber));
    assert_eq!(fields(e.conflicts()), [Field::GroupName]);
    assert_eq!(e.group(), Some(ErrorGroup::RegistrationError));
}
