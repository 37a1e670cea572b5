//! `cargo codes export`: the catalog as data, sorted by kind, channel and id.

use super::folder::{self, Pages};
use super::{Error, ExitStatus};
use crate::emit;
use std::io::Write;
use std::path::Path;

const AFTER_HELP: &str = concat!(
    "\
Examples:
  cargo codes export > codes.json           every code of docs-source/ as JSON
  cargo codes export --format csv           the same as CSV, one code a line

",
    exit_status!()
);

/// `export`'s arguments.
#[derive(clap::Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub(super) struct Args {
    #[command(flatten)]
    pages: Pages,
    /// The form of the data
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

/// The forms of `export`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum Format {
    /// JSON: `{"codes": [...]}`
    Json,
    /// CSV with a header row, lines ending in CRLF
    Csv,
}

pub(super) fn run(
    args: &Args,
    docs: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitStatus, Error> {
    let reading = folder::read_clean(docs, &args.pages)?;
    let text = match args.format {
        Format::Json => emit::export::json(&reading.catalog),
        Format::Csv => emit::export::csv(&reading.catalog),
    };
    out.write_all(text.as_bytes())?;
    Ok(ExitStatus::Success)
}
