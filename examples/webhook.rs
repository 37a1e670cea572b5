//! A delivery-report webhook: Infobip POSTs `{"results": [...]}` here, and each result is
//! classified with `infobip_codes::Outcome` as delivered, still pending, failed for good,
//! or failed but worth retrying. One log line per result, and a 200 that lists the
//! outcomes.
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
use infobip_codes::{MessageError, MessageStatus, Outcome};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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

/// The log line for one result: its id, its outcome, and the status and error objects as
/// they print (what the payload said, for codes this version does not know), then the
/// fields that disagree with the page, if any, to search the logs for.
pub fn log_line(result: &ReportResult, outcome: Outcome) -> String {
    let status = result
        .status
        .as_ref()
        .map_or("no status".to_owned(), |s| format!("status {s}"));
    let error = result
        .error
        .as_ref()
        .map_or("no error object".to_owned(), |e| format!("error {e}"));
    let id = result.message_id.as_deref().unwrap_or("(no messageId)");
    let mut line = format!("{id} {outcome}: {status}; {error}");
    let conflicts = [
        (
            "status",
            result.status.as_ref().map(MessageStatus::conflicts),
        ),
        ("error", result.error.as_ref().map(MessageError::conflicts)),
    ];
    for (object, fields) in conflicts {
        if let Some(fields) = fields.filter(|f| !f.is_empty()) {
            line.push_str(&format!(" [{object} disagrees with the page: {fields}]"));
        }
    }
    line
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
            let outcome = Outcome::from_wire(result.status.as_ref(), result.error.as_ref());
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
