//! Decoding delivery reports: the typed `MessageStatus` / `MessageError` (lossless, with
//! code lookups available) against two baselines, with the same serde_json call and the
//! same payloads, for Infobip's default batch of 100 results and for 10,000:
//!
//! - plain structs with integer and `String` fields, what a user would write by hand;
//! - the official SDK's report structs (`infobip_sdk::model::sms`, `Option` fields).
//!
//! `cargo bench --bench decode --features serde`

mod harness;

use harness::{budget, compare, samples, Candidate};
use infobip_codes::{ErrorCode, MessageError, MessageStatus, Outcome, StatusCode};
use infobip_sdk::model::sms::DeliveryReportsResponseBody as SdkReport;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Price {
    #[allow(dead_code)]
    price_per_message: f64,
    #[allow(dead_code)]
    currency: String,
}

macro_rules! report {
    ($report:ident, $result:ident, $status:ty, $error:ty) => {
        #[derive(Deserialize)]
        struct $report {
            results: Vec<$result>,
        }

        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        #[allow(dead_code)]
        struct $result {
            bulk_id: String,
            message_id: String,
            to: String,
            sent_at: String,
            done_at: String,
            sms_count: u32,
            price: Price,
            status: $status,
            error: $error,
        }
    };
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainStatus {
    group_id: i32,
    group_name: String,
    id: i32,
    name: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainError {
    group_id: i32,
    group_name: String,
    id: i32,
    name: String,
    description: String,
    permanent: bool,
}

report!(TypedReport, TypedResult, MessageStatus, MessageError);
report!(PlainReport, PlainResult, PlainStatus, PlainError);

/// A delivery report with `n` results, cycling through the documented codes. Every third
/// error's group name is spelled `Ok` (a spelling test that, on errors of another group,
/// makes the object disagree with itself), unless `agree`: then only the OK group's.
fn report_json(n: usize, agree: bool) -> String {
    let mut results = Vec::with_capacity(n);
    for i in 0..n {
        let status = StatusCode::ALL[i % StatusCode::ALL.len()];
        let error = ErrorCode::ALL[(i * 7) % ErrorCode::ALL.len()];
        let group = |name: Option<&str>| name.unwrap_or("NONE").to_owned();
        let status_group = group(status.group().map(|g| g.name()));
        // Group names arrive in other letter cases too.
        let ok = error.group().is_some_and(|g| g.name() == "OK");
        let error_group = if i % 3 == 0 && (ok || !agree) {
            "Ok".to_owned()
        } else {
            group(error.group().map(|g| g.name()))
        };
        results.push(format!(
            r#"{{"bulkId":"BULK-{i}","messageId":"c9823180-94d4-4ea0-9bf3-{i:012}","to":"4179302{i:04}","sentAt":"2019-11-09T16:00:00.000+0100","doneAt":"2019-11-09T16:00:01.000+0100","smsCount":1,"price":{{"pricePerMessage":0.01,"currency":"EUR"}},"status":{{"groupId":{},"groupName":"{status_group}","id":{},"name":"{}","description":"{}"}},"error":{{"groupId":{},"groupName":"{error_group}","id":{},"name":"{}","description":"{}","permanent":{}}}}}"#,
            status.group().and_then(|g| g.id()).unwrap_or(0),
            status.id(),
            status.name(),
            "Message delivered to handset",
            error.group().and_then(|g| g.id()).unwrap_or(0),
            error.id(),
            error.name(),
            "No Error",
            error.is_permanent(),
        ));
    }
    format!(r#"{{"results":[{}]}}"#, results.join(","))
}

/// What a webhook reads of a result: the codes, the groups, the flags and the outcome.
fn read(status: &MessageStatus, error: &MessageError) -> usize {
    usize::from(status.code().is_some())
        + usize::from(status.group().is_some())
        + usize::from(error.code().is_some())
        + usize::from(error.group().is_some())
        + usize::from(status.is_final())
        + usize::from(error.is_permanent())
        + Outcome::from_wire(Some(status), Some(error)) as usize
}

fn main() {
    // BENCH_ONLY=plain|sdk|typed N: decode the 100-result report N times, untimed, for an
    // instruction counter (`benches/instructions.sh` runs it under callgrind).
    // BENCH_ONLY=read N: decode it once, then read every result N times with the
    // accessors a webhook calls.
    if let Ok(only) = std::env::var("BENCH_ONLY") {
        // BENCH_AGREE=1: every object's group fields agree with its code.
        let json = report_json(100, std::env::var_os("BENCH_AGREE").is_some());
        let times: usize = std::env::var("BENCH_TIMES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(20);
        let mut total = 0;
        if only == "read" {
            let report: TypedReport = serde_json::from_str(&json).unwrap();
            for _ in 0..times {
                for x in std::hint::black_box(&report.results) {
                    total += read(&x.status, &x.error);
                }
            }
            println!("{only}: {total}");
            return;
        }
        for _ in 0..times {
            total += match only.as_str() {
                "plain" => serde_json::from_str::<PlainReport>(&json)
                    .map(|r| r.results.len())
                    .unwrap_or(0),
                "sdk" => serde_json::from_str::<SdkReport>(&json)
                    .map(|r| r.results.map_or(0, |r| r.len()))
                    .unwrap_or(0),
                _ => serde_json::from_str::<TypedReport>(&json)
                    .map(|r| r.results.len())
                    .unwrap_or(0),
            };
        }
        println!("{only}: decoded {total} results");
        return;
    }
    let n = samples(31);
    for size in [100, 10_000] {
        let json = report_json(size, false);
        let json = json.as_str();
        let outcomes = compare(
            &format!(
                "decode a delivery report of {size} results ({} KiB) with serde_json::from_str",
                json.len() / 1024
            ),
            vec![
                Candidate::new(
                    "plain structs, integer and String fields (baseline)",
                    || {
                        let r: PlainReport = serde_json::from_str(json).unwrap();
                        r.results.len() as u64
                    },
                ),
                Candidate::new("infobip_sdk's report structs (baseline 2)", || {
                    let r: SdkReport = serde_json::from_str(json).unwrap();
                    r.results.map_or(0, |r| r.len()) as u64
                }),
                Candidate::new("MessageStatus / MessageError", || {
                    let r: TypedReport = serde_json::from_str(json).unwrap();
                    r.results.len() as u64
                }),
                Candidate::new(
                    "MessageStatus / MessageError, then code() and group()",
                    || {
                        let r: TypedReport = serde_json::from_str(json).unwrap();
                        r.results
                            .iter()
                            .map(|x| {
                                u64::from(x.status.code().is_some())
                                    + u64::from(x.error.group().is_some())
                                    + u64::from(x.error.is_permanent())
                            })
                            .sum()
                    },
                ),
            ],
            n,
            1,
        );
        let typed = &outcomes[2];
        budget(&format!("typed / plain at {size}"), typed.ratio, 0.9);
        budget(
            &format!("typed / infobip_sdk at {size}"),
            typed.median / outcomes[1].median,
            0.9,
        );
    }
}
