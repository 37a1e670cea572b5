//! `cargo codes vendor`: refresh a page of the docs folder (or, with `--add`, add one)
//! from a file or URL, with its provenance, pins and retired codes, regenerate
//! `src/generated.rs`, and print the diff of meaning. A page that is refused changes
//! nothing.

use super::diff::{source_line, ReportFormat};
use super::folder::Folder;
use super::{Context, Error, ExitStatus};
use crate::vendor::UrlFrom;
use crate::{committed, docs_source, freshness};
use std::time::Duration;

const AFTER_HELP: &str = after_help!(
    "  cargo codes vendor https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes
  cargo codes vendor saved.html --name response-status-and-error-codes.html
  cargo codes vendor http://localhost:8000/codes.md --canonical-url https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes
  cargo codes vendor https://example.com/error-codes.md --add
  cargo codes vendor https://example.com/page.md --timeout 60 --format markdown"
);

/// Refresh a page of the docs folder, regenerate, and print the diff of meaning
///
/// SOURCE is a file path or an http(s) URL: markdown, flattened text or rendered HTML,
/// stored as fetched. The page is checked before anything is written. It replaces the
/// page it refreshes: the only page of the docs folder, or else the one --name names, or
/// else the only one with its title, or else the only one with its kinds of codes
/// (status, error); if none is, nothing is written. --add adds it as another page
/// instead. A refresh never leaves two copies of the same codes.
///
/// Then the page goes into the docs folder with its provenance (its canonical address,
/// the base of its relative links; the date; the sha256 of the bytes fetched), pins for
/// the names of new codes and the codes that left it, and src/generated.rs is
/// regenerated. A page that is refused changes nothing.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment, after_help = AFTER_HELP)]
pub(super) struct Args {
    /// The page: a file path or an http(s) URL, markdown, flattened text or HTML
    source: String,
    /// The page's file name in the docs folder; in a refresh, also the page it replaces
    /// when there is one of that name [default: the name of the page it replaces, or with
    /// --add from SOURCE]
    #[arg(long, value_name = "FILE")]
    name: Option<String>,
    /// Add the page beside the others instead of refreshing one
    #[arg(long)]
    add: bool,
    /// Give up fetching after SECS seconds
    #[arg(
        long,
        value_name = "SECS",
        default_value = "30",
        value_parser = timeout,
        allow_negative_numbers = true
    )]
    timeout: Duration,
    /// The page's canonical address on the docs site, the base of its relative links
    /// [default: the address recorded for the page it replaces, or else SOURCE's URL]
    #[arg(long, visible_alias = "url", value_name = "URL")]
    canonical_url: Option<String>,
    /// The form of the diff of meaning
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
}

/// Parses `--timeout`: a finite number of seconds above 0 that a [`Duration`] holds.
pub(super) fn timeout(text: &str) -> Result<Duration, String> {
    let secs: f64 = text
        .trim()
        .parse()
        .map_err(|_| "not a number of seconds".to_owned())?;
    if secs.is_nan() || secs <= 0.0 {
        return Err("a timeout is a number of seconds above 0".to_owned());
    }
    Duration::try_from_secs_f64(secs).map_err(|_| "more seconds than a timeout can hold".to_owned())
}

pub(super) fn run(args: &Args, cx: Context<'_>) -> Result<ExitStatus, Error> {
    let Context { docs_dir, out, err } = cx;
    let folder = Folder::locate(docs_dir)?;
    let shown = &folder.shown;
    let fetched = crate::vendor::fetch(&args.source, args.timeout).map_err(Error::Fetch)?;
    let files = docs_source::read_dir_files(&folder.dir)
        .map_err(|e| Error::ReadFolder(folder.dir.clone(), e))?;
    // The package's committed generated source, when it has one, follows the page.
    let root = folder.root();
    let generated_file = Some(committed::path(&root)).filter(|p| p.is_file());
    let version = folder.package_version();
    let options = crate::vendor::Options {
        name: args.name.clone(),
        add: args.add,
        canonical_url: args.canonical_url.clone(),
        retrieved: crate::vendor::today_utc(),
        version: version.clone(),
        generated: generated_file.is_some(),
        release: None,
    };
    let plan = crate::vendor::plan(&files, shown, &fetched, &options).map_err(Error::Plan)?;
    crate::vendor::apply(&folder.dir, generated_file.as_deref(), &plan)
        .map_err(|e| Error::Write(folder.dir.clone(), e))?;

    let sha = plan
        .new
        .sources
        .iter()
        .find(|s| s.path.ends_with(&format!("/{}", plan.name)))
        .map_or(String::new(), |s| s.sha256.clone());
    let what = match &plan.replaces {
        Some(r) if r.file == plan.name => "replaced the page".to_owned(),
        Some(r) => format!("replaced {shown}/{}", r.file),
        None => "a new page".to_owned(),
    };
    writeln!(
        out,
        "vendored {} as {shown}/{} ({what}; sha256 {sha})",
        fetched.origin, plan.name
    )?;
    match &plan.replaces {
        Some(r) => writeln!(
            out,
            "it refreshes {shown}/{}, {} (--name FILE names another; --add adds a page instead)",
            r.file, r.why
        )?,
        None if args.add => writeln!(out, "added beside the other pages (--add)")?,
        None => writeln!(out, "added: {shown} had no page")?,
    }
    match &plan.canonical_url {
        Some((url, from)) => {
            let from = match from {
                UrlFrom::Option => "--canonical-url".to_owned(),
                UrlFrom::Record(file) => {
                    format!("recorded for {shown}/{file}; --canonical-url sets another")
                }
                UrlFrom::Fetched => {
                    "where it was fetched; --canonical-url sets the address on the docs site"
                        .to_owned()
                }
            };
            writeln!(out, "relative links resolve against {url} ({from})")?;
        }
        None => writeln!(
            out,
            "relative links stay relative: the page has no address (--canonical-url gives one)"
        )?,
    }
    let mut written: Vec<String> = plan
        .writes
        .iter()
        .map(|f| format!("{shown}/{}", f.name))
        .collect();
    if generated_file.is_some() {
        written.push(freshness::GENERATED_FILE.to_owned());
    }
    let removed: String = plan
        .removes
        .iter()
        .map(|name| format!("; removed {shown}/{name}"))
        .collect();
    writeln!(
        out,
        "wrote {}{removed}; {} new variant name(s) pinned; {} code(s) no longer on the page kept as deprecated",
        written.join(", "),
        plan.newly_pinned,
        plan.newly_retired
    )?;
    if let (Some(old), Some(next)) = (&version, &plan.next_version) {
        if next != old {
            writeln!(
                out,
                "the {} verdict needs version {next} or later (Cargo.toml has {old})",
                plan.diff.verdict
            )?;
        }
    }
    for w in &plan.warnings.0 {
        writeln!(err, "{w}")?;
    }
    writeln!(out)?;
    let sources = [source_line(&format!("{shown}/{}", plan.name), &sha)];
    let release = plan.next_version.as_ref().map(ToString::to_string);
    let text = args.format.render(&plan.diff, release.as_deref(), &sources);
    out.write_all(text.as_bytes())?;
    Ok(ExitStatus::Success)
}
