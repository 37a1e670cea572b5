//! `cargo codes refresh`: fetch every page of `docs-source/provenance.json` from its
//! canonical address, and end up to date, changed (the release prepared), or refused.
//! The one command an unattended job runs; see `crate::refresh`.

use super::folder::Folder;
use super::vendor::timeout;
use super::{Context, Error, ExitStatus};
use crate::refresh::{self, journal, Guards, Outcome, Repo};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

const AFTER_HELP: &str = "Examples:
  cargo codes refresh
  cargo codes refresh --pr-body pr-body.md --github-output \"$GITHUB_OUTPUT\"
  cargo codes refresh --from saved-page.html
  cargo codes refresh --from status-codes.md=https://mirror.example/status.md
  cargo codes refresh --max-retired 60        accept a page that retires up to 60% of the codes

Exit status:
  0  up to date: the same bytes, or a change without meaning; nothing was written
  1  refused: a fetch failed, a page has located errors, or a guard fired (the page looks
     broken); nothing was written, and the message says which and how to accept it
  2  a usage error
  3  changed: docs-source/, src/generated.rs, the version in Cargo.toml and Cargo.lock,
     and a CHANGELOG.md section were written (and --pr-body, --github-output)";

/// Refresh every vendored page from its canonical address, and prepare the release
///
/// Each page recorded in docs-source/provenance.json is fetched from its canonical
/// address (https only), or from --from, and vendored as `cargo codes vendor` does. Then:
///
///   up to date  the same bytes, or a change without meaning: nothing is written (exit 0)
///   changed     docs-source/ and src/generated.rs as vendor writes them, the package
///               version moved to the lowest one the verdict demands (Cargo.toml and
///               Cargo.lock), a CHANGELOG.md section, and the pull-request body (exit 3)
///   refused     the fetch failed, a page has located errors, or a guard fired: it would
///               retire more than --max-retired percent of the codes, or every code of a
///               channel, or a page's title changed (exit 1); nothing is written
///
/// The files are put in place through a journal (.cargo-codes-refresh.json): a refresh
/// interrupted after it decided is completed by the next `cargo codes refresh`.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment, after_help = AFTER_HELP)]
pub(super) struct Args {
    /// Fetch from URL (http, https) or a file instead of the canonical address, which is
    /// kept; with several pages, PAGE=URL (PAGE: its file name in docs-source/)
    #[arg(long, value_name = "URL|PAGE=URL")]
    from: Vec<String>,
    /// Write the pull-request body (markdown) to FILE when the page changed
    #[arg(long, value_name = "FILE")]
    pr_body: Option<PathBuf>,
    /// Append outcome, verdict, version, behaviour-change, auto-merge and labels to FILE,
    /// as key=value lines ($GITHUB_OUTPUT in a GitHub workflow)
    #[arg(long, value_name = "FILE")]
    github_output: Option<PathBuf>,
    /// Refuse a page that would retire or remove more than PERCENT of the codes
    #[arg(long, value_name = "PERCENT", default_value = "20", value_parser = percent)]
    max_retired: f64,
    /// Accept a page that retires every code of a channel
    #[arg(long)]
    allow_channel_removal: bool,
    /// Accept a page whose title changed
    #[arg(long)]
    allow_title_change: bool,
    /// Give up fetching a page after SECS seconds
    #[arg(
        long,
        value_name = "SECS",
        default_value = "30",
        value_parser = timeout,
        allow_negative_numbers = true
    )]
    timeout: Duration,
}

fn percent(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err("a share of the codes, from 0 to 100".to_owned()),
    }
}

pub(super) fn run(args: &Args, cx: Context<'_>) -> Result<ExitStatus, Error> {
    let Context { docs_dir, out, err } = cx;
    let folder = Folder::locate(docs_dir)?;
    let repo = Repo {
        root: folder.root(),
        docs: folder.dir.clone(),
        shown: folder.shown.clone(),
    };
    if let Some(done) =
        journal::resume(&repo.root).map_err(|e| Error::Write(repo.root.clone(), e))?
    {
        writeln!(
            out,
            "completed a refresh that was interrupted; it had decided:"
        )?;
        out.write_all(done.report.as_bytes())?;
        write_results(args, &done.pr_body, &done.outputs)?;
        return Ok(ExitStatus::Changed);
    }
    let options = refresh::Options {
        from: args.from.clone(),
        retrieved: crate::vendor::today_utc(),
        guards: Guards {
            max_retired_percent: args.max_retired,
            allow_channel_removal: args.allow_channel_removal,
            allow_title_change: args.allow_title_change,
        },
    };
    let fetch = |location: &str, https_only: bool| {
        let options = crate::vendor::FetchOptions {
            https_only,
            ..crate::vendor::FetchOptions::new(args.timeout)
        };
        crate::vendor::fetch_with(location, &options).map_err(|e| e.to_string())
    };
    match refresh::plan(&repo, &options, &fetch) {
        Err(refusal) => {
            if let Some(path) = &args.github_output {
                append(path, &refresh::outputs_without_change(true))?;
            }
            writeln!(err, "refused: {refusal}")?;
            Err(Error::Refresh)
        }
        Ok(Outcome::UpToDate(line)) => {
            if let Some(path) = &args.github_output {
                append(path, &refresh::outputs_without_change(false))?;
            }
            writeln!(out, "{line}")?;
            Ok(ExitStatus::Success)
        }
        Ok(Outcome::Changed(changes)) => {
            let report = report(&repo, &changes, args.pr_body.as_deref());
            journal::apply(&repo.root, &changes, &report)
                .map_err(|e| Error::Write(repo.root.clone(), e))?;
            out.write_all(report.as_bytes())?;
            write_results(args, &changes.pr_body, &changes.outputs)?;
            Ok(ExitStatus::Changed)
        }
    }
}

/// What a refresh that changed the crate prints: where each page came from, what was
/// written, the version, then the diff of meaning.
fn report(repo: &Repo, changes: &refresh::Changes, pr_body: Option<&Path>) -> String {
    let mut s = String::new();
    for p in &changes.pages {
        let from = match &p.canonical {
            Some(url) if *url == p.fetched_from => String::new(),
            Some(url) => format!(" (its canonical address {url} kept)"),
            None => String::new(),
        };
        let redirected = match p.redirects.last() {
            Some(to) => format!(", redirected to {to}"),
            None => String::new(),
        };
        s.push_str(&format!(
            "refreshed {}/{} from {}{redirected}{from}; sha256 {}\n",
            repo.shown, p.file, p.fetched_from, p.sha256
        ));
    }
    let written: Vec<String> = changes
        .writes
        .iter()
        .map(|(path, _)| path.to_string_lossy().replace('\\', "/"))
        .chain(
            changes
                .removes
                .iter()
                .map(|p| format!("removed {}", p.to_string_lossy().replace('\\', "/"))),
        )
        .collect();
    s.push_str(&format!("wrote {}\n", written.join(", ")));
    s.push_str(&format!(
        "version {} -> {} (the {} verdict)\n",
        changes.from_version, changes.version, changes.diff.verdict
    ));
    if let Some(path) = pr_body {
        s.push_str(&format!("pull-request body: {}\n", path.display()));
    }
    s.push('\n');
    s.push_str(&crate::diff::report::text(&changes.diff));
    s
}

fn write_results(args: &Args, pr_body: &str, outputs: &str) -> Result<(), Error> {
    if let Some(path) = &args.pr_body {
        std::fs::write(path, pr_body).map_err(|e| Error::Write(path.clone(), e))?;
    }
    if let Some(path) = &args.github_output {
        append(path, outputs)?;
    }
    Ok(())
}

fn append(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| Error::Write(path.to_path_buf(), e))
}
