//! A delivery-report webhook: Infobip POSTs `{"results": [...]}` here, and each result is
//! classified with infobip-codes as delivered, still pending, failed for good, or failed
//! but worth retrying. One log line per result, and a 200 that lists the outcomes.
//!
//! ```text
//! $ cargo run --example webhook --features serde -- 127.0.0.1:8080
//! $ curl -d @report.json -H 'content-type: application/json' http://127.0.0.1:8080/delivery-reports
//! ```
//!
//! A body that is not a delivery report gets a 400 that says why; the service stays up.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode as Http;
use axum::routing::post;
use axum::{Json, Router};
use infobip_codes::{ErrorGroup, MessageError, MessageStatus, StatusGroup};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What to do about one message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Delivered: nothing to do.
    Delivered,
    /// Still on its way: a later report will say more.
    Pending,
    /// Failed, and sending it again would fail the same way (the error is permanent).
    FailedPermanent,
    /// Failed for a reason that may pass (the handset was off, a network hiccup): retry later.
    RetryLater,
}

/// A delivery report, as Infobip posts it. Fields this service does not read are ignored.
#[derive(Debug, Deserialize)]
pub struct Report {
    /// One entry per message.
    pub results: Vec<ReportResult>,
}

/// One message's entry in a report. Every field may be missing.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportResult {
    /// The message's id.
    pub message_id: Option<String>,
    /// Where the message stands.
    pub status: Option<MessageStatus>,
    /// Why it failed, or `NO_ERROR`.
    pub error: Option<MessageError>,
}

/// The outcome of one result: the status group decides, and for a failure the error's
/// permanence decides whether to retry. A status this version does not know falls back on
/// the error, and on "pending" when there is none.
pub fn classify(status: Option<&MessageStatus>, error: Option<&MessageError>) -> Outcome {
    let failed = || match error.and_then(MessageError::is_permanent) {
        Some(true) => Outcome::FailedPermanent,
        _ => Outcome::RetryLater,
    };
    match status.and_then(MessageStatus::group) {
        Some(StatusGroup::Delivered) => Outcome::Delivered,
        Some(StatusGroup::Pending) => Outcome::Pending,
        Some(StatusGroup::Undeliverable | StatusGroup::Expired | StatusGroup::Rejected) => failed(),
        _ => match error {
            Some(e) if !e.is_no_error() => failed(),
            _ => Outcome::Pending,
        },
    }
}

/// A status or error for the log: the documented name and description when the code is
/// known, else what the payload said of it (id, name, and the group, which is what
/// classified it).
fn describe(
    known: Option<(&str, &str)>,
    id: Option<i64>,
    name: Option<&str>,
    group: Option<String>,
) -> String {
    if let Some((name, description)) = known {
        return format!("{name} ({description})");
    }
    let said: Vec<String> = [
        id.map(|id| format!("id {id}")),
        name.map(|name| format!("name `{name}`")),
        group.map(|group| format!("group {group}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if said.is_empty() {
        "unknown (no id, name or group)".to_owned()
    } else {
        format!("unknown ({})", said.join(", "))
    }
}

/// The group for the log: the crate's when it resolved one, else the payload's name or id
/// as received (an error group id alone is ambiguous across channels).
fn payload_group(resolved: Option<&str>, name: &Option<String>, id: Option<i64>) -> Option<String> {
    resolved
        .or(name.as_deref())
        .map(str::to_owned)
        .or_else(|| id.map(|id| format!("id {id}")))
}

/// The log line for one result.
pub fn log_line(result: &ReportResult, outcome: Outcome) -> String {
    let status = result.status.as_ref().map_or("no status".to_owned(), |s| {
        let known = s.code().map(|c| (c.name(), c.description()));
        let group = payload_group(s.group().map(StatusGroup::name), &s.group_name, s.group_id);
        describe(known, s.id, s.name.as_deref(), group)
    });
    let error = result
        .error
        .as_ref()
        .map_or("no error object".to_owned(), |e| {
            let known = e.code().map(|c| (c.name(), c.description()));
            let group = payload_group(e.group().map(ErrorGroup::name), &e.group_name, e.group_id);
            describe(known, e.id, e.name.as_deref(), group)
        });
    format!(
        "{} {outcome:?}: status {status}; error {error}",
        result.message_id.as_deref().unwrap_or("(no messageId)")
    )
}

/// Where log lines go (stdout in the service, a buffer in tests).
pub type Log = Arc<dyn Fn(String) + Send + Sync>;

/// One result's outcome, in the response.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Classified {
    /// The message's id, as sent.
    pub message_id: Option<String>,
    /// What to do about it.
    pub outcome: Outcome,
}

async fn delivery_reports(
    State(log): State<Log>,
    body: Bytes,
) -> Result<Json<Vec<Classified>>, (Http, String)> {
    let report: Report = serde_json::from_slice(&body).map_err(|e| {
        (
            Http::BAD_REQUEST,
            format!("not a delivery report (expected {{\"results\": [...]}}): {e}\n"),
        )
    })?;
    let classified = report
        .results
        .into_iter()
        .map(|result| {
            let outcome = classify(result.status.as_ref(), result.error.as_ref());
            log(log_line(&result, outcome));
            Classified {
                message_id: result.message_id,
                outcome,
            }
        })
        .collect();
    Ok(Json(classified))
}

/// The service: `POST /delivery-reports`.
pub fn router(log: Log) -> Router {
    Router::new()
        .route("/delivery-reports", post(delivery_reports))
        .with_state(log)
}

#[allow(dead_code)] // the tests include this file for `router` alone
#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!(
        "listening on http://{}/delivery-reports",
        listener.local_addr()?
    );
    let log: Log = Arc::new(|line| println!("{line}"));
    axum::serve(listener, router(log)).await
}
