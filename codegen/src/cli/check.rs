//! `cargo codes check`: read, validate and generate in memory; print what the crate is
//! generated from, a summary per channel and kind, and every warning and error.

use super::folder::{self, Folder, Pages};
use super::{refusal, Context, Error, ExitStatus};
use crate::model::{Catalog, Kind};
use crate::{committed, freshness, Reading};

const AFTER_HELP: &str = after_help!(
    "  cargo codes check                         read docs-source/, print what the crate is generated from
  cargo codes check --deny-warnings         as CI runs it: a warning refuses the pages too
  cargo codes check saved-page.html         read one page on its own"
);

/// Read, validate and generate in memory; print a summary and any warnings
///
/// Print the pages read, the codes per channel and kind, the groups, and every warning.
/// Errors go to standard error, each located at path:line:col with a hint.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment, after_help = AFTER_HELP)]
pub(super) struct Args {
    #[command(flatten)]
    pages: Pages,
    /// Refuse the pages (exit 1) when they have warnings, as when they have errors
    #[arg(long)]
    deny_warnings: bool,
}

pub(super) fn run(args: &Args, cx: Context<'_>) -> Result<ExitStatus, Error> {
    let Context { docs_dir, out, err } = cx;
    let reading = folder::read_pages(docs_dir, &args.pages)?;
    let c = &reading.catalog;
    writeln!(out, "infobip-codes is generated from:")?;
    for s in &c.sources {
        writeln!(
            out,
            "  {} ({}, sha256 {})",
            s.path,
            s.form.as_str(),
            s.sha256
        )?;
        if let Some(url) = &s.url {
            let when = s
                .retrieved
                .as_deref()
                .map_or_else(String::new, |r| format!(", retrieved {r}"));
            writeln!(out, "    from {url}{when}")?;
        }
    }
    writeln!(out)?;
    write!(out, "{}", summary_table(c))?;
    let errors: Vec<_> = reading.diagnostics.errors().collect();
    let warnings: Vec<_> = reading.diagnostics.warnings().collect();
    if !warnings.is_empty() {
        writeln!(out, "\n{} warning(s):", warnings.len())?;
        for w in &warnings {
            writeln!(out, "{w}")?;
        }
    }
    let denied = args.deny_warnings && !warnings.is_empty();
    if !errors.is_empty() || denied {
        if !errors.is_empty() {
            writeln!(err)?;
        }
        for e in &errors {
            writeln!(err, "{e}")?;
        }
        let why = if denied {
            "; --deny-warnings counts warnings as errors"
        } else {
            ""
        };
        writeln!(err, "\nerror: {}{why}", refusal(&reading.diagnostics))?;
        return Ok(ExitStatus::Refused);
    }
    // Names are pinned in the docs folder only: a page elsewhere has its names pinned
    // when it is vendored.
    let new_names = unpinned(&reading);
    if new_names > 0 && args.pages.of_docs_folder(docs_dir) {
        writeln!(
            out,
            "\nnote: {new_names} variant name(s) are not pinned yet; `cargo codes pin` records them in docs-source/overrides.json"
        )?;
    }
    let source = folder::source(&reading)?;
    if args.pages.pages.is_empty() && docs_dir.is_none() {
        if let Ok(folder) = Folder::locate(None) {
            let committed = std::fs::read_to_string(committed::path(&folder.root()));
            let file = freshness::GENERATED_FILE;
            match committed {
                Ok(text) if text == source => writeln!(out, "\n{file} is fresh")?,
                Ok(_) => writeln!(
                    out,
                    "\n{file} is stale: `cargo codes generate --write` rewrites it"
                )?,
                Err(_) => {}
            }
        }
    }
    writeln!(
        out,
        "\nok: generated {} lines ({} bytes) of Rust from {} page(s)",
        source.lines().count(),
        source.len(),
        c.sources.len()
    )?;
    Ok(ExitStatus::Success)
}

/// The variant names that `cargo codes pin` would add.
fn unpinned(reading: &Reading) -> usize {
    reading
        .names()
        .pins()
        .keys()
        .filter(|k| !reading.overrides.variants.contains_key(*k))
        .count()
}

/// Codes per channel and kind, and the groups, as `cargo codes check` prints them.
pub fn summary_table(c: &Catalog) -> String {
    let mut s = format!("{:<24}{:>8}{:>8}\n", "channel", "status", "error");
    for ch in &c.channels {
        let count = |k: Kind| c.codes_of(k).filter(|x| x.channel == ch.slug).count();
        s.push_str(&format!(
            "{:<24}{:>8}{:>8}\n",
            ch.slug,
            count(Kind::Status),
            count(Kind::Error)
        ));
    }
    s.push_str(&format!(
        "{:<24}{:>8}{:>8}\n",
        "total",
        c.codes_of(Kind::Status).count(),
        c.codes_of(Kind::Error).count()
    ));
    // Retired codes are in the counts above (the crate keeps them, deprecated), but no
    // longer on the page: say how many.
    let retired = |k: Kind| c.codes_of(k).filter(|x| x.retired.is_some()).count();
    if retired(Kind::Status) + retired(Kind::Error) > 0 {
        s.push_str(&format!(
            "{:<24}{:>8}{:>8}\n",
            "of which retired",
            retired(Kind::Status),
            retired(Kind::Error)
        ));
    }
    for kind in [Kind::Status, Kind::Error] {
        let groups: Vec<String> = c
            .groups
            .iter()
            .filter(|g| g.kind == kind)
            .map(|g| {
                let id = g.key.id.map_or_else(|| "-".to_owned(), |i| i.to_string());
                match &g.channel {
                    Some(ch) => format!("{ch}:{id} {}", g.key.name),
                    None => format!("{id} {}", g.key.name),
                }
            })
            .collect();
        s.push_str(&format!(
            "\n{kind} groups ({}): {}",
            groups.len(),
            groups.join(", ")
        ));
    }
    s.push('\n');
    s
}
