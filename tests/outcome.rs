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
    use infobip_codes::{ErrorCode, MessageError, MessageStatus, Outcome, StatusCode};
    use proptest::prelude::*;
    use serde_json::{json, Value};

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

    /// The status groups the page describes, by id and name, written out from the page.
    const STATUS_GROUPS: [(i64, &str); 5] = [
        (1, "PENDING"),
        (2, "UNDELIVERABLE"),
        (3, "DELIVERED"),
        (4, "EXPIRED"),
        (5, "REJECTED"),
    ];

    /// The error groups the page describes, by id and name (ids are scoped per channel).
    const ERROR_GROUPS: [(i64, &str); 11] = [
        (0, "OK"),
        (1, "HANDSET_ERRORS"),
        (2, "USER_ERRORS"),
        (3, "OPERATOR_ERRORS"),
        (1, "Registration error"),
        (3, "Cloud error"),
        (1, "Dropped"),
        (2, "Bounced"),
        (3, "System Error"),
        (1, "Client error"),
        (2, "Provider error"),
    ];

    /// A group name's letters and digits in upper case: `Handset errors` and
    /// `HANDSET_ERRORS` are one name.
    fn key(name: &str) -> String {
        name.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    }

    /// The groups of `table` that an object's group fields agree on: those with the
    /// `groupName` and the `groupId`, where each names any; a field that names no group
    /// of the table is left out. `None` when no field names one, or when no group has
    /// both.
    fn agreed<'t>(object: &Value, table: &'t [(i64, &'static str)]) -> Option<Vec<&'t str>> {
        let id = object.get("groupId").and_then(Value::as_i64);
        let name = object.get("groupName").and_then(Value::as_str).map(key);
        let by_id: Vec<_> = table.iter().filter(|g| Some(g.0) == id).collect();
        let by_name: Vec<_> = table
            .iter()
            .filter(|g| name.as_deref() == Some(key(g.1).as_str()))
            .collect();
        let groups: Vec<&str> = table
            .iter()
            .filter(|g| by_id.is_empty() || by_id.contains(g))
            .filter(|g| by_name.is_empty() || by_name.contains(g))
            .map(|g| g.1)
            .collect();
        let said = !(by_id.is_empty() && by_name.is_empty());
        (said && !groups.is_empty()).then_some(groups)
    }

    /// What a status whose group fields agree on `group` may mean: PENDING is never
    /// failed (nor delivered), DELIVERED never failed, the failed groups never delivered
    /// (nor pending: the page calls them final).
    fn allowed(group: &str) -> &'static [Outcome] {
        match group {
            "PENDING" => &[Outcome::Pending],
            "DELIVERED" => &[Outcome::Delivered, Outcome::Pending],
            _ => &[Outcome::RetryLater, Outcome::FailedPermanent],
        }
    }

    /// The errors a status goes with in the checks: none, temporary, permanent, none.
    fn errors() -> [Option<MessageError>; 4] {
        [
            None,
            Some(MessageError::from(ErrorCode::EcAbsentSubscriber)),
            Some(MessageError::from(ErrorCode::EcUnknownSubscriber)),
            Some(MessageError::from(ErrorCode::NoError)),
        ]
    }

    /// Checks that the outcome of a status object, with each of [`errors`], never
    /// contradicts its group fields where they agree; returns the group they agree on.
    fn check_status(object: &Value) -> Result<Option<&'static str>, String> {
        let status: MessageStatus =
            serde_json::from_value(object.clone()).map_err(|e| format!("{object}: {e}"))?;
        let Some(groups) = agreed(object, &STATUS_GROUPS) else {
            return Ok(None);
        };
        let [group] = groups[..] else {
            return Err(format!("status groups have one id each: {groups:?}"));
        };
        let group = STATUS_GROUPS.iter().find(|g| g.1 == group).map(|g| g.1);
        let group = group.ok_or("a group of the table")?;
        for error in errors() {
            let outcome = Outcome::from_wire(Some(&status), error.as_ref());
            if !allowed(group).contains(&outcome) {
                return Err(format!(
                    "{object} says {group}, and is {outcome} with {:?}",
                    error.map(|e| e.to_string())
                ));
            }
        }
        Ok(Some(group))
    }

    /// Checks that an error object without a status reads as its group fields say where
    /// they agree: OK is no failure, any other group a failure, permanent when the
    /// payload says so.
    fn check_error(object: &Value) -> Result<(), String> {
        let error: MessageError =
            serde_json::from_value(object.clone()).map_err(|e| format!("{object}: {e}"))?;
        let Some(groups) = agreed(object, &ERROR_GROUPS) else {
            return Ok(());
        };
        let outcome = Outcome::from_wire(None, Some(&error));
        let expected: &[Outcome] = if groups.iter().all(|g| *g == "OK") {
            &[Outcome::Pending]
        } else if !groups.contains(&"OK") {
            match object.get("permanent").and_then(Value::as_bool) {
                Some(true) => &[Outcome::FailedPermanent],
                Some(false) => &[Outcome::RetryLater],
                None => &[Outcome::RetryLater, Outcome::FailedPermanent],
            }
        } else {
            return Ok(());
        };
        if expected.contains(&outcome) {
            Ok(())
        } else {
            Err(format!("{object} says {groups:?}, and is {outcome}"))
        }
    }

    /// Objects that other public projects send, receive and test with (Infobip's SDKs,
    /// community SDKs, webhook handlers, recorded responses; `fixtures/payloads/`
    /// records where each was read), none of them used to write the rules: every one
    /// decodes, writes back the same fields, and reads as its group fields say.
    #[test]
    fn real_objects_from_other_projects_never_contradict_their_groups() {
        let entries: Vec<Value> =
            serde_json::from_str(include_str!("fixtures/payloads/objects.json")).unwrap();
        let mut repos = std::collections::BTreeSet::new();
        let mut checked = std::collections::BTreeMap::<&str, usize>::new();
        for entry in &entries {
            let object = &entry["object"];
            let repo = entry["repo"].as_str().unwrap();
            let kind = entry["kind"].as_str().unwrap();
            if !object.is_object() {
                // Infobip's legacy API sent a bare status number: refused, not a panic.
                assert!(serde_json::from_value::<MessageStatus>(object.clone()).is_err());
                continue;
            }
            let back = match kind {
                "status" => {
                    let group = check_status(object).unwrap();
                    if let Some(group) = group {
                        *checked.entry(group).or_default() += 1;
                        repos.insert(repo);
                    }
                    serde_json::to_value(
                        serde_json::from_value::<MessageStatus>(object.clone()).unwrap(),
                    )
                }
                _ => {
                    check_error(object).unwrap();
                    serde_json::to_value(
                        serde_json::from_value::<MessageError>(object.clone()).unwrap(),
                    )
                }
            };
            assert_eq!(&back.unwrap(), object, "{repo}: written back");
        }
        // The check is not vacuous: statuses of every group, from many projects, beyond
        // those where the disagreements were first seen.
        let named = [
            "infobip/infobip-api-java-client",
            "infobip/infobip-api-php-client",
            "infobip/infobip-api-go-client",
            "infobip-community/infobip-api-python-sdk",
            "pnlinh/laravel-infobip-sms",
            "JorgeMadson/quite-stack",
        ];
        let others: Vec<_> = repos.iter().filter(|r| !named.contains(r)).collect();
        assert!(others.len() >= 15, "{others:?}");
        let groups: Vec<&str> = checked.keys().copied().collect();
        assert_eq!(
            groups,
            [
                "DELIVERED",
                "EXPIRED",
                "PENDING",
                "REJECTED",
                "UNDELIVERABLE"
            ]
        );
        assert!(checked.values().sum::<usize>() >= 100, "{checked:?}");
    }

    /// One field of a documented object, altered.
    #[derive(Clone, Debug)]
    enum Alter {
        Remove(&'static str),
        Int(&'static str, i64),
        Text(&'static str, String),
    }

    /// One field altered: removed, or given a value of another code or group of the
    /// page (`names`, `ids`) in any letter case, or any other value.
    fn alter(names: Vec<String>, ids: Vec<i64>) -> impl Strategy<Value = Alter> {
        let field = prop::sample::select(&["groupId", "groupName", "id", "name"][..]);
        let names: Vec<String> = names
            .into_iter()
            .chain(["MESSAGE_ACCEPTED", "Ok", "string", ""].map(String::from))
            .collect();
        let text = prop_oneof![
            prop::sample::select(names.clone()),
            prop::sample::select(names).prop_map(|n| n.to_lowercase()),
            "[A-Za-z_ ]{0,12}",
        ];
        let int = prop_oneof![prop::sample::select(ids), -2_i64..70, any::<i64>()];
        prop_oneof![
            field.clone().prop_map(Alter::Remove),
            (field.clone(), int).prop_map(|(f, v)| Alter::Int(f, v)),
            (field, text).prop_map(|(f, v)| Alter::Text(f, v)),
        ]
    }

    fn altered<T: serde::Serialize>(object: T, alters: &[Alter]) -> Value {
        let mut v = serde_json::to_value(object).unwrap();
        let map = v.as_object_mut().unwrap();
        for alter in alters {
            match alter {
                Alter::Remove(f) => {
                    map.remove(*f);
                }
                Alter::Int(f, n) => {
                    map.insert((*f).to_owned(), Value::from(*n));
                }
                Alter::Text(f, t) => {
                    map.insert((*f).to_owned(), Value::from(t.as_str()));
                }
            }
        }
        v
    }

    fn alter_status() -> impl Strategy<Value = Alter> {
        let names = StatusCode::ALL.iter().map(|c| c.name().to_owned());
        let groups = STATUS_GROUPS.iter().map(|g| g.1.to_owned());
        let ids = StatusCode::ALL.iter().map(|c| i64::from(c.id()));
        let group_ids = STATUS_GROUPS.iter().map(|g| g.0);
        alter(
            names.chain(groups).collect(),
            ids.chain(group_ids).collect(),
        )
    }

    fn alter_error() -> impl Strategy<Value = Alter> {
        let names = ErrorCode::ALL.iter().map(|c| c.name().to_owned());
        let groups = ERROR_GROUPS.iter().map(|g| g.1.to_owned());
        let ids = ErrorCode::ALL.iter().map(|c| i64::from(c.id()));
        let group_ids = ERROR_GROUPS.iter().map(|g| g.0);
        alter(
            names.chain(groups).collect(),
            ids.chain(group_ids).collect(),
        )
    }

    proptest! {
        // Failing cases print their input; nothing is written beside the tests.
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        /// Start from a documented status, alter one field: the outcome never
        /// contradicts the group fields where they still agree with each other.
        #[test]
        fn one_altered_status_field_never_contradicts_agreeing_groups(
            code in prop::sample::select(StatusCode::ALL),
            alter in alter_status(),
        ) {
            let object = altered(MessageStatus::from(code), &[alter]);
            check_status(&object).map_err(TestCaseError::fail)?;
        }

        /// The id and the name of another documented code (or its id, and no name),
        /// under the group fields of the first: `{"groupId":1,"groupName":"PENDING",
        /// "id":8}`. One altered field leaves the code's group in the payload's; this
        /// takes it out, and the payload's group must still win.
        #[test]
        fn another_codes_id_and_name_never_contradict_agreeing_groups(
            code in prop::sample::select(StatusCode::ALL),
            other in prop::sample::select(StatusCode::ALL),
            name in prop_oneof![Just(None), Just(Some(false)), Just(Some(true))],
        ) {
            let mut alters = vec![Alter::Int("id", i64::from(other.id()))];
            alters.push(match name {
                None => Alter::Remove("name"),
                Some(lower) => Alter::Text(
                    "name",
                    if lower { other.name().to_lowercase() } else { other.name().to_owned() },
                ),
            });
            let object = altered(MessageStatus::from(code), &alters);
            check_status(&object).map_err(TestCaseError::fail)?;
        }

        /// Two altered fields of any kind.
        #[test]
        fn two_altered_status_fields_never_contradict_agreeing_groups(
            code in prop::sample::select(StatusCode::ALL),
            alters in [alter_status(), alter_status()],
        ) {
            let object = altered(MessageStatus::from(code), &alters);
            check_status(&object).map_err(TestCaseError::fail)?;
        }

        /// The group fields of another documented code (or one of them) on a documented
        /// code: the payload's group, where its fields agree, decides.
        #[test]
        fn another_codes_group_fields_never_contradict_them(
            status in prop::sample::select(StatusCode::ALL),
            error in prop::sample::select(ErrorCode::ALL),
            other_status in prop::sample::select(StatusCode::ALL),
            other_error in prop::sample::select(ErrorCode::ALL),
            keep in prop::sample::select(&["groupId", "groupName", ""][..]),
        ) {
            let groups = |object: Value| {
                let mut alters = Vec::new();
                for field in ["groupId", "groupName"].into_iter().filter(|f| *f != keep) {
                    alters.push(match &object[field] {
                        Value::Number(n) => Alter::Int(field, n.as_i64().unwrap()),
                        v => Alter::Text(field, v.as_str().unwrap().to_owned()),
                    });
                }
                alters
            };
            let alters = groups(serde_json::to_value(MessageStatus::from(other_status)).unwrap());
            let object = altered(MessageStatus::from(status), &alters);
            check_status(&object).map_err(TestCaseError::fail)?;
            let alters = groups(serde_json::to_value(MessageError::from(other_error)).unwrap());
            let object = altered(MessageError::from(error), &alters);
            check_error(&object).map_err(TestCaseError::fail)?;
        }

        /// The same for a documented error, without a status: OK is no failure, another
        /// group a failure.
        #[test]
        fn altered_error_fields_never_contradict_agreeing_groups(
            code in prop::sample::select(ErrorCode::ALL),
            alters in prop::collection::vec(alter_error(), 1..=2),
        ) {
            let object = altered(MessageError::from(code), &alters);
            check_error(&object).map_err(TestCaseError::fail)?;
        }
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
