//! A command-line lookup built on the crate alone: every status and error code with a
//! given id or name, with its channel, group, meaning and what it implies for a retry.
//!
//! ```text
//! $ cargo run --example explain -- 27
//! error 27 EC_ABSENT_SUBSCRIBER (general, group 1 HANDSET_ERRORS): temporary: retrying may succeed
//!   The subscriber is offline in the network, as confirmed by the handset's paging response. [...]
//! $ cargo run --example explain -- ec_absent_subscriber     # names in any letter case
//! ```

use infobip_codes::{Channel, ErrorCode, StatusCode};
use std::fmt::Write as _;
use std::process::ExitCode;

/// Every code with `query` as its id or (in any letter case) its name, described; empty
/// when there is none.
pub fn explain(query: &str) -> String {
    let query = query.trim();
    let (statuses, errors): (Vec<StatusCode>, Vec<ErrorCode>) = match query.parse::<u16>() {
        Ok(id) => (
            StatusCode::from_id_all(id).to_vec(),
            ErrorCode::from_id_all(id).to_vec(),
        ),
        Err(_) => (
            StatusCode::from_name_ignore_case(query)
                .into_iter()
                .collect(),
            ErrorCode::from_name_ignore_case(query)
                .into_iter()
                .collect(),
        ),
    };
    let mut out = String::new();
    for s in statuses {
        let meaning = if s.is_final() {
            "final: the message will not change state again"
        } else {
            "not final: a later report will follow"
        };
        let group = s.group().map(|g| (g.id(), g.to_string()));
        line(
            &mut out,
            "status",
            s.id(),
            s.name(),
            s.channel(),
            group,
            meaning,
            s.description(),
        );
    }
    for e in errors {
        let meaning = match e.permanent() {
            Some(true) => "permanent: retrying the same message fails the same way",
            Some(false) => "temporary: retrying may succeed",
            None => "the page does not say whether it is permanent",
        };
        let group = e.group().map(|g| (g.id(), g.to_string()));
        line(
            &mut out,
            "error",
            e.id(),
            e.name(),
            e.channel(),
            group,
            meaning,
            e.description(),
        );
    }
    out
}

/// One code: a summary line, then its description, indented.
#[allow(clippy::too_many_arguments)]
fn line(
    out: &mut String,
    kind: &str,
    id: u16,
    name: &str,
    channel: Channel,
    group: Option<(Option<u16>, String)>,
    meaning: &str,
    description: &str,
) {
    let group = match group {
        Some((Some(id), name)) => format!("group {id} {name}"),
        Some((None, name)) => format!("group {name}"),
        None => "no group".to_owned(),
    };
    let _ = writeln!(out, "{kind} {id} {name} ({channel}, {group}): {meaning}");
    let _ = writeln!(out, "  {description}");
}

#[allow(dead_code)] // the tests include this file for `explain` alone
fn main() -> ExitCode {
    let Some(query) = std::env::args().nth(1) else {
        eprintln!(
            "usage: explain ID|NAME   (for example `explain 27` or `explain ec_absent_subscriber`)"
        );
        return ExitCode::from(2);
    };
    let text = explain(&query);
    if text.is_empty() {
        eprintln!("no status or error code has the id or name `{query}`");
        return ExitCode::FAILURE;
    }
    print!("{text}");
    ExitCode::SUCCESS
}
