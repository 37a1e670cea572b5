//! `cargo codes generate`: print the generated Rust source, or rewrite or check the
//! committed `src/generated.rs`.

use super::folder::{self, Folder, Pages};
use super::{Context, Error, ExitStatus};
use crate::committed::{self, Ensured, Mode};
use crate::freshness::{DOCS_DIR, GENERATED_FILE};

const AFTER_HELP: &str = after_help!(
    "  cargo codes generate                      print what docs-source/ generates
  cargo codes generate --write              rewrite src/generated.rs, then commit it with docs-source/
  cargo codes generate --check              exit 1, showing the first lines that differ, unless it is fresh"
);

/// Print the generated source, or rewrite or check src/generated.rs
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment, after_help = AFTER_HELP)]
pub(super) struct Args {
    #[command(flatten)]
    pages: Pages,
    /// Rewrite src/generated.rs from the docs folder (only when it changes)
    #[arg(long, conflicts_with_all = ["pages", "check"])]
    write: bool,
    /// Exit 1, showing the first lines that differ, unless src/generated.rs is what the
    /// docs folder generates
    #[arg(long, conflicts_with = "pages")]
    check: bool,
}

pub(super) fn run(args: &Args, cx: Context<'_>) -> Result<ExitStatus, Error> {
    let Context { docs_dir, out, err } = cx;
    let mode = match (args.write, args.check) {
        (true, _) => Mode::Write,
        (false, true) => Mode::Check,
        (false, false) => {
            let reading = folder::read_clean(docs_dir, &args.pages)?;
            out.write_all(folder::source(&reading)?.as_bytes())?;
            return Ok(ExitStatus::Success);
        }
    };
    let root = Folder::locate(docs_dir)?.root();
    match committed::ensure(&root, mode)?.0 {
        Ensured::Fresh => {
            writeln!(out, "{GENERATED_FILE} is fresh")?;
            Ok(ExitStatus::Success)
        }
        Ensured::Written => {
            writeln!(out, "wrote {GENERATED_FILE}; commit it with {DOCS_DIR}/")?;
            Ok(ExitStatus::Success)
        }
        Ensured::Stale(difference) => {
            writeln!(
                err,
                "{GENERATED_FILE} is stale: `cargo codes generate --write` rewrites it\n{difference}"
            )?;
            Ok(ExitStatus::Refused)
        }
    }
}
