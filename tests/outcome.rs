//! `Outcome` against every status the vendored page documents, and against real-shaped
//! delivery reports, unknown codes included. The expectations are written out here from
//! the page's groups and the rules in `Outcome`'s docs, not computed by the crate.

use infobip_codes::{Channel, ErrorCode, Outcome, StatusCode};

/// Every documented status: channel, id, name, and what its group means for the message.
/// `pending`: not final; `delivered`; `failed`: the error's permanence decides.
const STATUSES: [(&str, u16, &str, &str); 40] = [
    ("general", 2, "DELIVERED_TO_OPERATOR", "pending"), // intermediate, see the docs
    ("general", 3, "PENDING_WAITING_DELIVERY", "pending"),
    ("general", 4, "UNDELIVERABLE_REJECTED_OPERATOR", "failed"),
    ("general", 5, "DELIVERED_TO_HANDSET", "delivered"),
    ("general", 6, "REJECTED_NETWORK", "failed"),
    ("general", 7, "PENDING_ENROUTE", "pending"),
    ("general", 8, "REJECTED_PREFIX_MISSING", "failed"),
    ("general", 9, "UNDELIVERABLE_NOT_DELIVERED", "failed"),
    ("general", 10, "REJECTED_DND", "failed"),
    ("general", 11, "REJECTED_SOURCE", "failed"),
    ("general", 12, "REJECTED_NOT_ENOUGH_CREDITS", "failed"),
    ("general", 13, "REJECTED_SENDER", "failed"),
    ("general", 14, "REJECTED_DESTINATION", "failed"),
    ("general", 15, "EXPIRED_EXPIRED", "failed"),
    ("general", 17, "REJECTED_PREPAID_PACKAGE_EXPIRED", "failed"),
    (
        "general",
        18,
        "REJECTED_DESTINATION_NOT_REGISTERED",
        "failed",
    ),
    ("general", 19, "REJECTED_ROUTE_NOT_AVAILABLE", "failed"),
    ("general", 20, "REJECTED_FLOODING_FILTER", "failed"),
    ("general", 21, "REJECTED_SYSTEM_ERROR", "failed"),
    ("general", 23, "REJECTED_DUPLICATE_MESSAGE_ID", "failed"),
    ("general", 24, "REJECTED_INVALID_UDH", "failed"),
    ("general", 25, "REJECTED_MESSAGE_TOO_LONG", "failed"),
    ("general", 26, "PENDING_ACCEPTED", "pending"),
    ("general", 29, "EXPIRED_DLR_UNKNOWN", "failed"),
    ("general", 51, "MISSING_TO", "failed"),
    ("voice", 52, "REJECTED_INVALID_DESTINATION", "failed"),
    ("voice", 53, "REJECTED_INVALID_AUDIO_FILE_URL", "failed"),
    ("voice", 54, "REJECTED_UNSUPPORTED_LANGUAGE", "failed"),
    ("voice", 55, "REJECTED_MESSAGE_IS_EMPTY", "failed"),
    ("voice", 56, "REJECTED_INVALID_NOTIFY_URL", "failed"),
    (
        "voice",
        57,
        "REJECTED_INVALID_NOTIFY_CONTENT_TYPE",
        "failed",
    ),
    ("voice", 58, "REJECTED_INVALID_DTMF_SIGN", "failed"),
    ("voice", 59, "REJECTED_INVALID_DTMF_TIMEOUT", "failed"),
    ("voice", 60, "REJECTED_INVALID_RING_TIMEOUT", "failed"),
    ("voice", 61, "REJECTED_INVALID_CALL_TIMEOUT", "failed"),
    ("voice", 62, "REJECTED_INVALID_MACHINE_DETECTION", "failed"),
    ("voice", 63, "REJECTED_INVALID_ACTIONS", "failed"),
    ("voice", 64, "REJECTED_INVALID_ACTION_GROUPS", "failed"),
    ("push", 65, "REJECTED_NO_APPLICATION", "failed"),
    ("push", 66, "UNDELIVERABLE_NO_DESTINATION", "failed"),
];

#[test]
fn every_documented_status_with_no_temporary_and_permanent_errors() {
    assert_eq!(
        StatusCode::ALL.len(),
        STATUSES.len(),
        "the table lists every status"
    );
    for (channel, id, name, class) in STATUSES {
        let channel: Channel = channel.parse().unwrap();
        let status = StatusCode::from_channel_id(channel, id).expect(name);
        assert_eq!(status.name(), name);
        // The page lists every status of this version under a group (`group()` docs).
        assert!(status.group().is_some(), "{name}");
        let [none, temporary, permanent] = match class {
            "pending" => ["pending"; 3],
            "delivered" => ["delivered"; 3],
            _ => ["retry_later", "retry_later", "failed_permanent"],
        };
        let with = |error| Outcome::from_codes(status, error).to_string();
        assert_eq!(with(None), none, "{name} without an error");
        assert_eq!(
            with(Some(ErrorCode::EcAbsentSubscriber)),
            temporary,
            "{name} with a temporary error"
        );
        assert_eq!(
            with(Some(ErrorCode::EcUnknownSubscriber)),
            permanent,
            "{name} with a permanent error"
        );
        // NO_ERROR is no failure: the status alone decides.
        assert_eq!(with(Some(ErrorCode::NoError)), none, "{name} with NO_ERROR");
    }
}

#[test]
fn outcomes_print_parse_and_say_whether_they_are_final() {
    let names: Vec<String> = Outcome::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(
        names,
        ["delivered", "pending", "failed_permanent", "retry_later"]
    );
    for outcome in Outcome::ALL {
        assert_eq!(outcome.as_str().parse::<Outcome>(), Ok(*outcome));
    }
    assert_eq!(
        "RetryLater".parse::<Outcome>().unwrap_err().to_string(),
        "unknown outcome name"
    );
    assert_eq!(format!("[{:>9}]", Outcome::Pending), "[  pending]");
    let finals: Vec<bool> = Outcome::ALL.iter().map(|o| o.is_final()).collect();
    assert_eq!(finals, [true, false, true, true]);
}

#[cfg(feature = "serde")]
mod wire {
    use infobip_codes::{MessageError, MessageStatus, Outcome};
    use serde_json::json;

    /// Real-shaped `status` and `error` objects of delivery reports, and their outcome.
    #[test]
    fn real_shaped_reports_including_unknown_codes() {
        let ok = json!({"groupId": 0, "groupName": "Ok", "id": 0, "name": "NO_ERROR",
                        "description": "No Error", "permanent": false});
        let absent = json!({"groupId": 1, "groupName": "HANDSET_ERRORS", "id": 27,
                            "name": "EC_ABSENT_SUBSCRIBER", "description": "Absent Subscriber",
                            "permanent": false});
        let unknown_subscriber = json!({"groupId": 1, "groupName": "HANDSET_ERRORS", "id": 1,
                                        "name": "EC_UNKNOWN_SUBSCRIBER", "permanent": true});
        let cases = [
            // Documented codes.
            (
                json!({"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET",
                    "description": "Message delivered to handset"}),
                Some(ok.clone()),
                "delivered",
            ),
            (
                json!({"groupId": 3, "groupName": "DELIVERED", "id": 2, "name": "DELIVERED_TO_OPERATOR"}),
                Some(ok.clone()),
                "pending",
            ),
            (
                json!({"groupId": 1, "groupName": "PENDING", "id": 26, "name": "MESSAGE_ACCEPTED",
                    "description": "Message sent to next instance"}),
                None,
                "pending",
            ),
            (
                json!({"groupId": 2, "groupName": "UNDELIVERABLE", "id": 9,
                    "name": "UNDELIVERABLE_NOT_DELIVERED"}),
                Some(absent.clone()),
                "retry_later",
            ),
            (
                json!({"groupId": 2, "groupName": "UNDELIVERABLE", "id": 9}),
                Some(unknown_subscriber.clone()),
                "failed_permanent",
            ),
            (
                json!({"groupId": 4, "groupName": "EXPIRED", "id": 15, "name": "EXPIRED_EXPIRED"}),
                Some(absent.clone()),
                "retry_later",
            ),
            (
                json!({"groupId": 5, "groupName": "REJECTED", "id": 6, "name": "REJECTED_NETWORK"}),
                Some(unknown_subscriber.clone()),
                "failed_permanent",
            ),
            // The payload's flag comes before the page's.
            (
                json!({"groupId": 2, "id": 9}),
                Some(json!({"groupId": 1, "id": 27, "permanent": true})),
                "failed_permanent",
            ),
            (
                json!({"groupId": 2, "id": 9}),
                Some(json!({"groupId": 1, "id": 1, "permanent": false})),
                "retry_later",
            ),
            // The page's flag when the payload has none.
            (
                json!({"groupId": 2, "id": 9}),
                Some(json!({"id": 1})),
                "failed_permanent",
            ),
            // The code comes before the payload's group: DELIVERED_TO_OPERATOR stays pending.
            (json!({"groupId": 3, "id": 2}), None, "pending"),
            // Unknown statuses fall back to their group, by id or by name in any case.
            (
                json!({"groupId": 3, "id": 9000, "name": "DELIVERED_TO_MARS"}),
                Some(ok.clone()),
                "delivered",
            ),
            (json!({"groupName": "pending", "id": 9001}), None, "pending"),
            (
                json!({"groupId": 5, "groupName": "REJECTED", "id": 9002, "name": "REJECTED_NEW"}),
                Some(
                    json!({"groupId": 77, "groupName": "BRAND_NEW", "id": 9999, "permanent": true}),
                ),
                "failed_permanent",
            ),
            (
                json!({"groupName": "Expired", "id": 9003}),
                Some(json!({"id": 9998})),
                "retry_later",
            ),
            // An unknown group: the error decides, and no error means wait.
            (
                json!({"groupId": 42, "groupName": "SOMETHING_NEW", "id": 9004}),
                Some(json!({"groupId": 1, "id": 9998, "permanent": false})),
                "retry_later",
            ),
            (
                json!({"groupId": 42, "id": 9005}),
                Some(json!({"groupId": 1, "id": 1})),
                "failed_permanent",
            ),
            (
                json!({"groupId": 42, "id": 9006}),
                Some(ok.clone()),
                "pending",
            ),
            (json!({"groupId": 42, "id": 9007}), None, "pending"),
            // Missing fields.
            (json!({}), None, "pending"),
            (json!({"id": 7}), None, "pending"),
            (json!({"name": "delivered_to_handset"}), None, "delivered"),
            (json!({"groupId": 3}), None, "delivered"),
        ];
        for (i, (status, error, expected)) in cases.into_iter().enumerate() {
            let status: MessageStatus = serde_json::from_value(status).unwrap();
            let error: Option<MessageError> = error.map(|e| serde_json::from_value(e).unwrap());
            let outcome = Outcome::from_wire(Some(&status), error.as_ref());
            assert_eq!(outcome.as_str(), expected, "case {i}: {status}; {error:?}");
        }
        // No status object at all: the error alone.
        let error: MessageError = serde_json::from_value(absent).unwrap();
        assert_eq!(Outcome::from_wire(None, Some(&error)), Outcome::RetryLater);
        assert_eq!(Outcome::from_wire(None, None), Outcome::Pending);
    }

    #[test]
    fn outcomes_serialize_as_their_names() {
        assert_eq!(
            serde_json::to_string(&Outcome::FailedPermanent).unwrap(),
            "\"failed_permanent\""
        );
        let back: Outcome = serde_json::from_str("\"retry_later\"").unwrap();
        assert_eq!(back, Outcome::RetryLater);
        assert!(serde_json::from_str::<Outcome>("\"lost\"").is_err());
    }
}
