//! `cargo codes export`: the catalog as data, sorted by kind, channel and id.

use super::folder::{self, Pages};
use super::{Context, Error, ExitStatus};
use crate::emit;

const AFTER_HELP: &str = after_help!(
    "  cargo codes export > codes.json           every code of docs-source/ as JSON
  cargo codes export --format csv           the same as CSV, one code a line"
);

/// Print the catalog as JSON or CSV
///
/// Every code the pages list, sorted by kind, channel and id.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment, after_help = AFTER_HELP)]
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

pub(super) fn run(args: &Args, cx: Context<'_>) -> Result<ExitStatus, Error> {
    let Context { docs_dir, out, .. } = cx;
    let reading = folder::read_clean(docs_dir, &args.pages)?;
    let text = match args.format {
        Format::Json => emit::export::json(&reading.catalog),
        Format::Csv => emit::export::csv(&reading.catalog),
    };
    out.write_all(text.as_bytes())?;
    Ok(ExitStatus::Success)
}
