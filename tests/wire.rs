//! The status and error objects as real payloads carry them: typed where known,
//! lossless where not, errors (never panics) for what is not an object.

use infobip_codes::{ErrorCode, ErrorGroup, MessageError, MessageStatus, StatusCode, StatusGroup};
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
    assert_eq!(accepted.is_final(), Some(false));
    // A 200 response can still carry REJECTED.
    let rejected = &response.messages[1].status;
    assert_eq!(rejected.code(), Some(StatusCode::RejectedNetwork));
    assert_eq!(rejected.action(), Some("Contact account manager"));
    assert_eq!(rejected.is_final(), Some(true));
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
    assert_eq!(error.is_permanent(), Some(false));
    assert!(!error.is_no_error());
    assert_eq!(absent.rest["messageCount"], 1);
}

#[test]
fn unknown_ids_names_and_groups_are_kept() {
    let status = json!({"groupId": 6, "groupName": "SCHEDULED", "id": 2000, "name": "NEW_STATUS",
                        "description": "Invented later"});
    let s: MessageStatus = round_trip(&status);
    assert_eq!((s.code(), s.group(), s.is_final()), (None, None, None));
    assert_eq!((s.id, s.group_id), (Some(2000), Some(6)));

    let error = json!({"groupId": 9, "groupName": "QUANTUM_ERRORS", "id": 99999, "name": "EC_ENTANGLED",
                       "permanent": true});
    let e: MessageError = round_trip(&error);
    assert_eq!((e.code(), e.group()), (None, None));
    assert_eq!(e.is_permanent(), Some(true));

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
    assert_eq!(s.is_final(), Some(true));

    let empty: MessageStatus = round_trip(&json!({}));
    assert_eq!(empty, MessageStatus::default());
    assert_eq!(
        (empty.code(), empty.group(), empty.is_final()),
        (None, None, None)
    );
    let only_name: MessageError = round_trip(&json!({"name": "EC_UNKNOWN_SUBSCRIBER"}));
    assert_eq!(only_name.code(), Some(ErrorCode::EcUnknownSubscriber));
    assert_eq!(
        only_name.is_permanent(),
        Some(true),
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
        assert_eq!(e.is_permanent(), code.permanent());
    }
    for &code in StatusCode::ALL {
        let s = MessageStatus::from(code);
        assert_eq!(s.code(), Some(code));
        assert_eq!(s.group(), code.group());
        assert_eq!(s.is_final(), Some(code.is_final()));
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
        // The id decides the code; the page's name is printed.
        (
            json!({"groupId": 1, "id": 26, "name": "MESSAGE_ACCEPTED"}),
            "PENDING_ACCEPTED (26, PENDING, not final)",
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
    let parts = MessageError::from_parts(
        Some(1),
        Some("HANDSET_ERRORS".to_owned()),
        Some(27),
        Some("EC_ABSENT_SUBSCRIBER".to_owned()),
        Some("Absent Subscriber".to_owned()),
        Some(false),
    );
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
    let new = MessageError::from_parts(None, None, Some(9999), Some("EC_NEW".into()), None, None);
    assert_eq!(new.name.as_ref().and_then(|n| n.as_static()), None);
    let s = MessageStatus::from_parts(None, Some("delivered".to_owned()), None, None, None, None);
    assert_eq!((s.code(), s.group()), (None, Some(StatusGroup::Delivered)));
    assert_eq!(s.to_string(), "unknown (DELIVERED, final)");
    // An `action` is an extra field, from parts as from the wire.
    let parts = MessageStatus::from_parts(
        Some(5),
        None,
        Some(6),
        None,
        None,
        Some("Contact account manager".to_owned()),
    );
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
