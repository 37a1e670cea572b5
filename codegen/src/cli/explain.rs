//! `cargo codes explain`: every code with an id or a name, and what the crate makes of it.

use super::folder::{self, Pages};
use super::{Context, Error, ExitStatus};
use crate::model::Kind;
use crate::Reading;
use std::io::Write;

const AFTER_HELP: &str = after_help!(
    "  cargo codes explain 27                    every status and error with id 27
  cargo codes explain ec_absent_subscriber  by name, in any case
  cargo codes explain VOICE                 every code whose name contains VOICE, when none is named so"
);

/// Print every code with an id or a name
///
/// For each code: its channel, group, permanence or finality, Rust path, source line
/// and description.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment, after_help = AFTER_HELP)]
pub(super) struct Args {
    /// An id, or a documented name (any case; else any name that contains it)
    #[arg(value_name = "ID|NAME")]
    query: String,
}

pub(super) fn run(args: &Args, cx: Context<'_>) -> Result<ExitStatus, Error> {
    let Context { docs_dir, out, .. } = cx;
    let reading = folder::read_clean(docs_dir, &Pages::default())?;
    Ok(explain(&reading, &args.query, out)?)
}

fn explain(reading: &Reading, query: &str, out: &mut dyn Write) -> std::io::Result<ExitStatus> {
    let c = &reading.catalog;
    let paths = reading.names().variant_paths();
    let q = query.trim();
    let by_id: Vec<_> = match q.parse::<u16>() {
        Ok(id) => paths.iter().filter(|(code, _)| code.id == id).collect(),
        Err(_) => Vec::new(),
    };
    let by_name: Vec<_> = paths
        .iter()
        .filter(|(code, _)| code.name.eq_ignore_ascii_case(q))
        .collect();
    let upper = q.to_ascii_uppercase();
    let fuzzy: Vec<_> = paths
        .iter()
        .filter(|(code, _)| !upper.is_empty() && code.name.to_ascii_uppercase().contains(&upper))
        .collect();
    let matches = [by_id, by_name, fuzzy]
        .into_iter()
        .find(|m| !m.is_empty())
        .unwrap_or_default();
    if matches.is_empty() {
        writeln!(out, "no code has the id or name `{q}`")?;
        return Ok(ExitStatus::Refused);
    }
    for (i, (code, path)) in matches.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{} {} {}", code.kind, code.id, code.name)?;
        let channel = c
            .channel(&code.channel)
            .map_or(code.channel.as_str(), |ch| ch.title.as_str());
        writeln!(out, "  channel:   {channel} ({})", code.channel)?;
        match &code.group {
            Some(g) => {
                let id =
                    g.id.map_or_else(|| "no id".to_owned(), |i| format!("id {i}"));
                writeln!(out, "  group:     {} ({id})", g.name)?;
            }
            None => writeln!(out, "  group:     none")?,
        }
        match code.kind {
            Kind::Error => writeln!(
                out,
                "  permanent: {}",
                code.permanent
                    .map_or("not documented", |p| if p { "yes" } else { "no" })
            )?,
            Kind::Status => writeln!(
                out,
                "  final:     {}",
                if code.is_final() { "yes" } else { "no" }
            )?,
        }
        writeln!(out, "  rust:      infobip_codes::{path}")?;
        if let Some(release) = &code.retired {
            writeln!(
                out,
                "  retired:   no longer on the page; kept as deprecated since {release}"
            )?;
        }
        writeln!(out, "  source:    {}", code.location)?;
        for line in code.description.lines() {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(ExitStatus::Success)
}
