//! The webhook example's router on 127.0.0.1, fed real-shaped delivery reports over HTTP.

#[path = "../examples/webhook.rs"]
mod webhook;

use infobip_codes::{ErrorCode, StatusCode};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

/// Starts the router on an ephemeral port of 127.0.0.1, in a thread of its own; returns
/// its address and the log lines it writes.
fn start() -> (SocketAddr, Arc<Mutex<Vec<String>>>) {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&lines);
    let log: webhook::Log = Arc::new(move |line| sink.lock().unwrap().push(line));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind 127.0.0.1");
            tx.send(listener.local_addr().expect("address")).unwrap();
            axum::serve(listener, webhook::router(log)).await.unwrap();
        });
    });
    (rx.recv().expect("the server started"), lines)
}

/// POSTs `body`; returns the status and the body.
fn post(addr: SocketAddr, body: &str) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .post(format!("http://{addr}/delivery-reports"))
        .content_type("application/json")
        .send(body)
        .expect("the request reached the server");
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

fn status(code: StatusCode) -> Value {
    json!({
        "groupId": code.group().map(|g| g.id()),
        "groupName": code.group().map(|g| g.name()),
        "id": code.id(),
        "name": code.name(),
        "description": code.description(),
    })
}

fn error(code: ErrorCode) -> Value {
    json!({
        "groupId": code.group().and_then(|g| g.id()),
        "groupName": code.group().map(|g| g.name()),
        "id": code.id(),
        "name": code.name(),
        "description": code.description(),
        "permanent": code.permanent(),
    })
}

fn result(i: usize, status: Value, error: Value) -> Value {
    json!({
        "bulkId": "BULK-1",
        "messageId": format!("MSG-{i:03}"),
        "to": "41793026727",
        "sentAt": "2019-11-09T16:00:00.000+0100",
        "doneAt": "2019-11-09T16:00:00.000+0100",
        "smsCount": 1,
        "price": {"pricePerMessage": 0.01, "currency": "EUR"},
        "status": status,
        "error": error,
        "mccMnc": "22801",
    })
}

/// Posts a report and returns each message's outcome, in order.
fn outcomes(addr: SocketAddr, results: Vec<Value>) -> Vec<String> {
    let (code, body) = post(addr, &json!({ "results": results }).to_string());
    assert_eq!(code, 200, "{body}");
    let answer: Vec<Value> = serde_json::from_str(&body).unwrap();
    answer
        .iter()
        .map(|r| r["outcome"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_batch_of_100_is_classified_result_by_result() {
    let (addr, lines) = start();
    let no_error = error(ErrorCode::NoError);
    // Six kinds of result, cycled: each with the outcome it must get.
    let kinds = [
        (
            status(StatusCode::DeliveredToHandset),
            no_error.clone(),
            "delivered",
        ),
        (
            status(StatusCode::PendingEnroute),
            no_error.clone(),
            "pending",
        ),
        (
            status(StatusCode::UndeliverableNotDelivered),
            error(ErrorCode::EcUnknownSubscriber),
            "failed_permanent",
        ),
        (
            status(StatusCode::ExpiredExpired),
            error(ErrorCode::EcAbsentSubscriber),
            "retry_later",
        ),
        (
            status(StatusCode::RejectedNetwork),
            error(ErrorCode::EcUnknownSubscriber),
            "failed_permanent",
        ),
        // In the DELIVERED group, but not final: a handset report may follow.
        (
            status(StatusCode::DeliveredToOperator),
            no_error.clone(),
            "pending",
        ),
    ];
    let results: Vec<Value> = (0..100)
        .map(|i| {
            let (s, e, _) = &kinds[i % kinds.len()];
            result(i, s.clone(), e.clone())
        })
        .collect();
    let got = outcomes(addr, results);
    assert_eq!(got.len(), 100);
    for (i, outcome) in got.iter().enumerate() {
        assert_eq!(outcome, kinds[i % kinds.len()].2, "result {i}");
    }
    let lines = lines.lock().unwrap();
    assert_eq!(lines.len(), 100);
    assert_eq!(
        lines[5],
        "MSG-005 pending: status DELIVERED_TO_OPERATOR (2, DELIVERED, not final); error NO_ERROR (0, OK, temporary)",
    );
    assert_eq!(
        lines[3],
        "MSG-003 retry_later: status EXPIRED_EXPIRED (15, EXPIRED, final); error EC_ABSENT_SUBSCRIBER (27, HANDSET_ERRORS, temporary)",
    );
    // What the service logged (`cargo test --features serde --test webhook -- --nocapture`).
    for line in lines.iter() {
        println!("{line}");
    }
}

#[test]
fn unknown_codes_mixed_case_groups_and_missing_fields() {
    let (addr, lines) = start();
    let results = vec![
        // An id and a group this version has never seen, with the payload's own flag.
        result(
            0,
            json!({"groupId": 5, "groupName": "REJECTED", "id": 9001, "name": "REJECTED_NEW"}),
            json!({"groupId": 77, "groupName": "BRAND_NEW", "id": 9999, "name": "EC_NEW", "permanent": true}),
        ),
        // An unknown status group with a temporary unknown error: retry.
        result(
            1,
            json!({"groupId": 42, "groupName": "SOMETHING_NEW", "id": 9002}),
            json!({"groupId": 1, "id": 9998, "permanent": false}),
        ),
        // An unknown status group and no error at all: wait for a later report.
        result(
            2,
            json!({"groupId": 42, "id": 9003}),
            json!({"groupId": 0, "groupName": "Ok", "id": 0}),
        ),
        // Group names in other letter cases, no group ids.
        result(
            3,
            json!({"groupName": "delivered", "id": 5, "name": "DELIVERED_TO_HANDSET"}),
            json!({"groupName": "Ok", "id": 0, "name": "NO_ERROR", "permanent": false}),
        ),
        result(
            4,
            json!({"groupName": "Undeliverable", "id": 9004}),
            json!({"groupName": "handset_errors", "id": 27}),
        ),
        // Missing fields: no error object, no name or group, no messageId.
        json!({"messageId": "MSG-005", "status": {"id": 7}}),
        json!({"messageId": "MSG-006", "status": {"groupId": 2}, "error": {"id": 1}}),
        json!({"status": {"groupId": 3}}),
        json!({}),
        // Fields that disagree with the page: the payload's group decides, and the line
        // says which fields disagree.
        result(
            9,
            json!({"groupId": 1, "groupName": "PENDING", "id": 8, "name": "PENDING_ENROUTE"}),
            json!({"groupId": 0, "groupName": "OK", "id": 5003, "name": "EC_VOICE_NO_ANSWER", "permanent": true}),
        ),
    ];
    assert_eq!(
        outcomes(addr, results),
        [
            "failed_permanent",
            "retry_later",
            "pending",
            "delivered",
            "retry_later",
            "pending",
            "failed_permanent",
            "delivered",
            "pending",
            "pending",
        ]
    );
    let lines = lines.lock().unwrap();
    assert_eq!(
        lines[0],
        "MSG-000 failed_permanent: status REJECTED_NEW (9001, REJECTED, final); \
         error EC_NEW (9999, BRAND_NEW, permanent)"
    );
    assert_eq!(
        lines[1],
        "MSG-001 retry_later: status unknown (9002, SOMETHING_NEW); \
         error unknown (9998, group 1, temporary)"
    );
    assert_eq!(
        lines[5],
        "MSG-005 pending: status PENDING_ENROUTE (7, PENDING, not final); no error object"
    );
    assert_eq!(
        lines[7],
        "(no messageId) delivered: status unknown (DELIVERED, final); no error object"
    );
    assert_eq!(
        lines[8],
        "(no messageId) pending: no status; no error object"
    );
    assert_eq!(
        lines[9],
        "MSG-009 pending: status PENDING_ENROUTE (7, PENDING, not final; sent id 8); \
         error EC_VOICE_NO_ANSWER (5003, OK, permanent; page group OPERATOR_ERRORS) \
         [status disagrees with the page: id] [error disagrees with the page: groupId, groupName]"
    );
    for line in lines.iter() {
        println!("{line}");
    }
}

#[test]
fn a_malformed_body_is_a_400_and_the_service_stays_up() {
    let (addr, lines) = start();
    for body in [
        "{\"results\": [",
        "not json",
        "[1, 2]",
        "{\"results\": 5}",
        "",
    ] {
        let (code, text) = post(addr, body);
        assert_eq!(code, 400, "{body:?}: {text}");
        assert!(
            text.starts_with("not a delivery report (expected {\"results\": [...]}): "),
            "{body:?}: {text}"
        );
    }
    assert!(lines.lock().unwrap().is_empty());
    // Still serving.
    let ok = outcomes(
        addr,
        vec![result(
            0,
            status(StatusCode::DeliveredToHandset),
            error(ErrorCode::NoError),
        )],
    );
    assert_eq!(ok, ["delivered"]);
}
