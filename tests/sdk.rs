//! The official community SDK, `infobip_sdk` 0.6 (`model::sms`): its own delivery-report
//! and send-response shapes, decoded by the SDK, then turned into the crate's wire
//! objects in one line each through `StatusParts` and `ErrorParts`, without JSON.

use infobip_codes::wire::{ErrorParts, StatusParts};
use infobip_codes::{ErrorCode, ErrorGroup, MessageError, MessageStatus, Outcome, StatusCode};
use infobip_sdk::model::sms::{DeliveryReportsResponseBody, Error, SendResponseBody, Status};

/// The crate's status object for the SDK's. The fields' names are the SDK's: destructured
/// with the shorthand, a field cannot land in another one.
fn status(s: Status) -> MessageStatus {
    let Status {
        group_id,
        group_name,
        id,
        name,
        description,
        action,
    } = s;
    MessageStatus::from(StatusParts {
        group_id,
        group_name,
        id,
        name,
        description,
        action,
    })
}

/// The crate's error object for the SDK's: one expression, each field named.
fn error(e: Error) -> MessageError {
    MessageError::from(ErrorParts {
        group_id: e.group_id,
        group_name: e.group_name,
        id: e.id,
        name: e.name,
        description: e.description,
        permanent: e.permanent,
    })
}

/// The SDK's own delivery-report test payload (`src/api/tests/sms.rs` in infobip_sdk
/// 0.6.1), with a second result that failed and a third with codes newer than this crate.
const REPORT: &str = r#"
{
  "results": [
    {
      "bulkId": "BULK-ID-123-xyz",
      "messageId": "MESSAGE-ID-123-xyz",
      "to": "41793026727",
      "sentAt": "2019-11-09T16:00:00.000+0000",
      "doneAt": "2019-11-09T16:00:00.000+0000",
      "smsCount": 1,
      "price": {"pricePerMessage": 0.01, "currency": "EUR"},
      "status": {"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET",
                 "description": "Message delivered to handset"},
      "error": {"groupId": 0, "groupName": "Ok", "id": 0, "name": "NO_ERROR",
                "description": "No Error", "permanent": false}
    },
    {
      "bulkId": "BULK-ID-123-xyz",
      "messageId": "12db39c3-7822-4e72-a3ec-c87442c0ffc5",
      "to": "41793026834",
      "sentAt": "2019-11-09T17:00:00.000+0000",
      "doneAt": "2019-11-09T17:00:00.000+0000",
      "smsCount": 1,
      "price": {"pricePerMessage": 0.01, "currency": "EUR"},
      "status": {"groupId": 2, "groupName": "UNDELIVERABLE", "id": 9,
                 "name": "UNDELIVERABLE_NOT_DELIVERED", "description": "Message sent not delivered"},
      "error": {"groupId": 1, "groupName": "HANDSET_ERRORS", "id": 27, "name": "EC_ABSENT_SUBSCRIBER",
                "description": "Absent Subscriber", "permanent": false}
    },
    {
      "messageId": "MSG-NEW",
      "status": {"groupId": 5, "groupName": "REJECTED", "id": 9001, "name": "REJECTED_NEW"},
      "error": {"groupId": 77, "groupName": "BRAND_NEW", "id": 9999, "name": "EC_NEW", "permanent": true}
    }
  ]
}"#;

#[test]
fn the_sdks_delivery_reports_convert_in_one_line() {
    let body: DeliveryReportsResponseBody = serde_json::from_str(REPORT).unwrap();
    let lines: Vec<String> = body
        .results
        .unwrap()
        .into_iter()
        .map(|r| {
            let status = r.status.map(status);
            let error = r.error.map(error);
            let outcome = Outcome::from_wire(status.as_ref(), error.as_ref());
            format!("{outcome}: {}; {}", status.unwrap(), error.unwrap())
        })
        .collect();
    assert_eq!(
        lines,
        [
            "delivered: DELIVERED_TO_HANDSET (5, DELIVERED, final); NO_ERROR (0, OK, temporary)",
            "retry_later: UNDELIVERABLE_NOT_DELIVERED (9, UNDELIVERABLE, final); EC_ABSENT_SUBSCRIBER (27, HANDSET_ERRORS, temporary)",
            "failed_permanent: REJECTED_NEW (9001, REJECTED, final); EC_NEW (9999, BRAND_NEW, permanent)",
        ]
    );
}

#[test]
fn converted_objects_equal_the_decoded_ones_and_keep_the_fallbacks() {
    let body: DeliveryReportsResponseBody = serde_json::from_str(REPORT).unwrap();
    let raw: serde_json::Value = serde_json::from_str(REPORT).unwrap();
    for (i, r) in body.results.unwrap().into_iter().enumerate() {
        let decoded: MessageStatus =
            serde_json::from_value(raw["results"][i]["status"].clone()).unwrap();
        assert_eq!(status(r.status.unwrap()), decoded, "status {i}");
        let decoded: MessageError =
            serde_json::from_value(raw["results"][i]["error"].clone()).unwrap();
        assert_eq!(error(r.error.unwrap()), decoded, "error {i}");
    }
    // The SDK leaves out what the payload left out: the code resolves by name, the group
    // by name in any letter case, and the flag from the page.
    let sparse = Error {
        group_name: Some("handset_errors".to_owned()),
        name: Some("EC_UNKNOWN_SUBSCRIBER".to_owned()),
        ..Error::default()
    };
    let e = error(sparse);
    assert_eq!(e.code(), Some(ErrorCode::EcUnknownSubscriber));
    assert_eq!(e.group(), Some(ErrorGroup::HandsetErrors));
    assert!(e.is_permanent());
}

#[test]
fn the_sdks_send_responses_convert_too() {
    // The SDK's own send-response test payload.
    let body: SendResponseBody = serde_json::from_str(
        r#"{"bulkId": "2034072219640523073", "messages": [
            {"messageId": "41793026727", "to": "2033247207850523791",
             "status": {"description": "Message sent to next instance", "groupId": 1,
                        "groupName": "PENDING", "id": 26, "name": "MESSAGE_ACCEPTED"}}]}"#,
    )
    .unwrap();
    let sent = body.messages.unwrap().remove(0);
    let s = status(sent.status.unwrap());
    assert_eq!(s.code(), Some(StatusCode::PendingAccepted));
    assert_eq!(s.name.as_deref(), Some("MESSAGE_ACCEPTED"));
    assert_eq!(Outcome::from_wire(Some(&s), None), Outcome::Pending);
    // The API's name for 26 is not the page's: the line shows both.
    assert_eq!(
        s.to_string(),
        "PENDING_ACCEPTED (26, PENDING, not final; sent name MESSAGE_ACCEPTED)"
    );
}
