//! `cargo codes refresh` (feature `cli`): the one command an unattended job runs. Every
//! page of `docs-source/provenance.json` is fetched from its canonical address (or from
//! `--from`), the new `docs-source/` is planned as `cargo codes vendor` plans it, and the
//! refresh ends in one of three ways:
//!
//! - **up to date**: the same bytes, or a change without meaning; nothing is written;
//! - **changed**: what `vendor` writes, plus the package version the verdict demands (in
//!   `Cargo.toml` and `Cargo.lock`) and a `CHANGELOG.md` section, put in place through a
//!   journal ([`journal`]), so that an interrupted refresh is completed by the next run;
//! - **refused**: the fetch failed, the page has located errors, or a guard says the page
//!   looks broken ([`Guards`]); nothing is written.

mod guards;
pub mod journal;
mod manifest;
mod pull_request;

pub use guards::{Guard, Guards};

use crate::diag::Diagnostics;
use crate::diff::{self, Diff, Level, Version};
use crate::docs_source::{self, DocFile, Provenance};
use crate::freshness::{self, sha256_hex};
use crate::vendor::{self, Fetched, Retrieved};
use crate::{read, Reading};
use std::fmt;
use std::path::{Path, PathBuf};

/// Where one page is fetched from instead of its canonical address (`--from`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The page's file name in `docs-source/`; `None` for the only page.
    pub page: Option<String>,
    /// A URL (`http` allowed) or a file path.
    pub location: String,
}

impl Source {
    /// Parses `--from`: `PAGE=URL` when the text before the first `=` names a page of
    /// `pages`, else a URL or path for the only page.
    pub fn parse(text: &str, pages: &[String]) -> Source {
        match text.split_once('=') {
            Some((page, location)) if pages.iter().any(|p| p == page) => Source {
                page: Some(page.to_owned()),
                location: location.to_owned(),
            },
            _ => Source {
                page: None,
                location: text.to_owned(),
            },
        }
    }
}

/// The options of a refresh.
#[derive(Clone, Debug)]
pub struct Options {
    /// `--from`: other places to fetch pages from; each keeps its canonical address.
    pub from: Vec<String>,
    /// When the pages are retrieved (`YYYY-MM-DD`, UTC).
    pub retrieved: String,
    /// What a page must pass to be taken.
    pub guards: Guards,
}

/// One page of `docs-source/` as the refresh fetched it.
#[derive(Clone, Debug)]
pub struct Page {
    /// Its file name in `docs-source/`.
    pub file: String,
    /// Its canonical address, as recorded.
    pub canonical: Option<String>,
    /// Where it was fetched from (`--from`, or the canonical address).
    pub fetched_from: String,
    /// The addresses redirects led to, in order (the last one answered).
    pub redirects: Vec<String>,
    /// The page as fetched.
    pub fetched: Fetched,
    /// The sha256 of the bytes fetched.
    pub sha256: String,
    /// Whether the bytes are those `docs-source/` holds.
    pub same_bytes: bool,
}

/// A refresh that changes the crate: everything it writes, and what it tells.
#[derive(Clone, Debug)]
pub struct Changes {
    /// The pages fetched.
    pub pages: Vec<Page>,
    /// The diff of meaning, from the committed catalog to the refreshed one.
    pub diff: Diff,
    /// The version in `Cargo.toml` before.
    pub from_version: Version,
    /// The version the verdict demands, written to `Cargo.toml`.
    pub version: Version,
    /// The files to write, by path relative to the repository root, in journal order.
    pub writes: Vec<(PathBuf, Vec<u8>)>,
    /// The files to remove (a page replaced under another name), relative to the root.
    pub removes: Vec<PathBuf>,
    /// The pull-request body.
    pub pr_body: String,
    /// The `key=value` lines for `$GITHUB_OUTPUT`.
    pub outputs: String,
}

/// How a refresh ends when it does not refuse.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// Nothing to write; why.
    UpToDate(String),
    /// The crate changes.
    Changed(Box<Changes>),
}

/// Why a refresh refused; nothing was written.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// `docs-source/provenance.json` records no page.
    NoPages,
    /// A `--from` names no page, or a bare `--from` with several pages.
    From(String),
    /// A page has no canonical address to fetch.
    NoAddress(String),
    /// A canonical address is not `https`.
    Insecure(String, String),
    /// A page could not be fetched, or is not a page: (file, message).
    Fetch(String, String),
    /// A page, or the folder it makes, has located errors.
    Page(String),
    /// A guard fired.
    Guard(Guard),
    /// The repository could not be read.
    Read(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NoPages => f.write_str(
                "docs-source/provenance.json records no page to refresh; vendor one with `cargo codes vendor URL`",
            ),
            Refusal::From(m) => f.write_str(m),
            Refusal::NoAddress(page) => write!(
                f,
                "no canonical address is recorded for {page} in provenance.json; give one with `cargo codes vendor URL --name {page}`, or fetch it with --from {page}=URL"
            ),
            Refusal::Insecure(page, url) => write!(
                f,
                "the canonical address of {page} is not https: {url}; a refresh fetches canonical addresses over https only (--from {page}=URL takes http or a file on purpose)"
            ),
            Refusal::Fetch(page, m) => write!(f, "cannot refresh {page}: {m}"),
            Refusal::Page(m) => f.write_str(m),
            Refusal::Guard(g) => write!(f, "{g}"),
            Refusal::Read(m) => f.write_str(m),
        }
    }
}

/// The repository a refresh works on: its root (with `Cargo.toml`, `Cargo.lock`,
/// `CHANGELOG.md` and `src/generated.rs`) and its docs folder.
#[derive(Clone, Debug)]
pub struct Repo {
    /// The root.
    pub root: PathBuf,
    /// The docs folder (`docs-source/`).
    pub docs: PathBuf,
    /// How messages name the docs folder.
    pub shown: String,
}

/// How a refresh fetches: a URL or a path, and whether only https may answer (for a
/// canonical address, redirects included).
pub type Fetch<'a> = &'a dyn Fn(&str, bool) -> Result<Retrieved, String>;

/// Plans a refresh of `repo`, fetching each page with `fetch` (its canonical address with
/// https only; `--from`'s place as given). Nothing is written.
pub fn plan(repo: &Repo, options: &Options, fetch: Fetch<'_>) -> Result<Outcome, Refusal> {
    let files = docs_source::read_dir_files(&repo.docs)
        .map_err(|e| Refusal::Read(format!("cannot read {}: {e}", repo.docs.display())))?;
    let records = provenance(&files, &repo.shown);
    if records.is_empty() {
        return Err(Refusal::NoPages);
    }
    let pages = fetch_pages(&files, &records, options, fetch)?;
    let version = manifest::package_version(&repo.root).map_err(Refusal::Read)?;

    // Each page is vendored over the folder the previous one left. With several pages,
    // a second pass gives the codes they retire the release their verdict together
    // demands.
    let old = reading(&files, &repo.shown);
    let mut release = None;
    let (refreshed, new, diff) = loop {
        let refreshed = vendor_pages(repo, &files, &pages, options, &version, release.clone())?;
        let new = reading(&refreshed, &repo.shown);
        let diff = diff::diff(&old, &new);
        // The release only names the version in retired.json, which does not change the
        // verdict: the second pass is the last.
        if pages.len() == 1 || release.is_some() {
            break (refreshed, new, diff);
        }
        release = Some(diff::bump(&version, diff.verdict));
    };
    if diff.is_empty() {
        return Ok(Outcome::UpToDate(up_to_date(&pages)));
    }
    options
        .guards
        .check(&old.catalog, &new.catalog, &diff, &titles(&records, &pages))
        .map_err(Refusal::Guard)?;

    let next = diff::bump(&version, diff.verdict);
    let generated = vendor::generated_source(&refreshed).map_err(Refusal::Page)?;
    let sources: Vec<String> = pages
        .iter()
        .map(|p| {
            format!(
                "`{}/{}` (sha256 {})",
                freshness::DOCS_DIR,
                p.file,
                &p.sha256[..12]
            )
        })
        .collect();
    let changelog_section =
        crate::diff::report::changelog(&diff, Some(&next.to_string()), &sources);
    let mut writes =
        manifest::writes(&repo.root, &version, &next, &changelog_section).map_err(Refusal::Read)?;
    let docs_rel = repo
        .docs
        .strip_prefix(&repo.root)
        .map_or_else(|_| PathBuf::from(freshness::DOCS_DIR), Path::to_path_buf);
    for f in &refreshed {
        if files.iter().find(|o| o.name == f.name).map(|o| &o.bytes) != Some(&f.bytes) {
            writes.push((docs_rel.join(&f.name), f.bytes.clone()));
        }
    }
    let removes = files
        .iter()
        .filter(|o| !refreshed.iter().any(|f| f.name == o.name))
        .map(|o| docs_rel.join(&o.name))
        .collect();
    writes.push((
        PathBuf::from(freshness::GENERATED_FILE),
        generated.into_bytes(),
    ));
    writes.sort_by_key(|(path, _)| write_order(path));
    let pr_body = pull_request::body(&diff, &version, &next, &pages, &options.retrieved);
    let outputs = pull_request::outputs(Some(&diff), Some(&next));
    Ok(Outcome::Changed(Box::new(Changes {
        pages,
        diff,
        from_version: version,
        version: next,
        writes,
        removes,
        pr_body,
        outputs,
    })))
}

/// The order files are put in place: the release's text and version first, then the
/// docs folder as `vendor` orders it, the generated source last. With the journal, any
/// order completes; this one keeps the build stale until the generated source is in.
fn write_order(path: &Path) -> u8 {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if path == Path::new(freshness::GENERATED_FILE) {
        return 9;
    }
    match name {
        "CHANGELOG.md" => 0,
        "Cargo.toml" => 1,
        "Cargo.lock" => 2,
        crate::retired::FILE => 3,
        crate::overrides::FILE => 4,
        docs_source::PROVENANCE_FILE => 6,
        _ => 5,
    }
}

fn provenance(files: &[DocFile], shown: &str) -> Vec<Provenance> {
    let text = files
        .iter()
        .find(|f| f.name == docs_source::PROVENANCE_FILE)
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned());
    let mut scratch = Diagnostics::default();
    docs_source::parse_provenance(
        &format!("{shown}/{}", docs_source::PROVENANCE_FILE),
        text.as_deref().unwrap_or("{}"),
        &mut scratch,
    )
}

/// Fetches every recorded page, from `--from` or its canonical address (https only).
fn fetch_pages(
    files: &[DocFile],
    records: &[Provenance],
    options: &Options,
    fetch: Fetch<'_>,
) -> Result<Vec<Page>, Refusal> {
    let names: Vec<String> = records.iter().map(|r| r.file.clone()).collect();
    let sources: Vec<Source> = options
        .from
        .iter()
        .map(|f| Source::parse(f, &names))
        .collect();
    if sources.iter().any(|s| s.page.is_none()) && records.len() > 1 {
        return Err(Refusal::From(format!(
            "docs-source has {} pages ({}): say which page each --from is for, as --from PAGE=URL",
            records.len(),
            names.join(", ")
        )));
    }
    let mut pages = Vec::new();
    for record in records {
        let from = sources
            .iter()
            .rev()
            .find(|s| s.page.as_deref().is_none_or(|p| p == record.file));
        let location = match (from, &record.url) {
            (Some(s), _) => s.location.clone(),
            (None, None) => return Err(Refusal::NoAddress(record.file.clone())),
            (None, Some(url)) if !url.starts_with("https://") => {
                return Err(Refusal::Insecure(record.file.clone(), url.clone()))
            }
            (None, Some(url)) => url.clone(),
        };
        let Retrieved {
            page: fetched,
            redirects,
        } = fetch(&location, from.is_none()).map_err(|m| Refusal::Fetch(record.file.clone(), m))?;
        let sha256 = sha256_hex(&fetched.bytes);
        let same_bytes = files
            .iter()
            .any(|f| f.name == record.file && f.bytes == fetched.bytes);
        pages.push(Page {
            file: record.file.clone(),
            canonical: record.url.clone(),
            fetched_from: location,
            redirects,
            fetched,
            sha256,
            same_bytes,
        });
    }
    Ok(pages)
}

/// The docs folder once every page is vendored over the one before.
fn vendor_pages(
    repo: &Repo,
    files: &[DocFile],
    pages: &[Page],
    options: &Options,
    version: &Version,
    release: Option<Version>,
) -> Result<Vec<DocFile>, Refusal> {
    let mut folder = files.to_vec();
    for page in pages {
        let vendor_options = vendor::Options {
            name: Some(page.file.clone()),
            add: false,
            canonical_url: page.canonical.clone(),
            retrieved: options.retrieved.clone(),
            version: Some(version.clone()),
            generated: false,
            release: release.clone(),
        };
        let plan = vendor::plan(&folder, &repo.shown, &page.fetched, &vendor_options)
            .map_err(|m| Refusal::Page(format!("{}: {m}", page.file)))?;
        folder = vendor::files_after(&folder, &plan);
    }
    Ok(folder)
}

fn reading(files: &[DocFile], shown: &str) -> Reading {
    let mut scratch = Diagnostics::default();
    read(&docs_source::inputs_from_files(files, shown, &mut scratch))
}

/// (file, title recorded, title now) of each page, for the title guard.
fn titles(records: &[Provenance], pages: &[Page]) -> Vec<(String, Option<String>, Option<String>)> {
    pages
        .iter()
        .map(|p| {
            let recorded = records
                .iter()
                .find(|r| r.file == p.file)
                .and_then(|r| r.title.clone());
            let now = vendor::page_title(&p.fetched.bytes, p.fetched.is_html);
            (p.file.clone(), recorded, now)
        })
        .collect()
}

/// The one line of an up-to-date refresh.
fn up_to_date(pages: &[Page]) -> String {
    let files: Vec<&str> = pages.iter().map(|p| p.file.as_str()).collect();
    if pages.iter().all(|p| p.same_bytes) {
        format!(
            "up to date: {} fetched with the same bytes; nothing written",
            files.join(", ")
        )
    } else {
        format!(
            "up to date: {} changed bytes but not meaning (the same codes, names, descriptions, flags and groups); nothing written",
            files.join(", ")
        )
    }
}

/// The `$GITHUB_OUTPUT` lines of a refresh that wrote nothing.
pub fn outputs_without_change(refused: bool) -> String {
    let mut s = pull_request::outputs(None, None);
    if refused {
        s = s.replace("outcome=up-to-date", "outcome=refused");
    }
    s
}

/// Whether a verdict lets the pull request merge without a review: a patch verdict
/// (descriptions only) without a behaviour change.
pub fn may_auto_merge(diff: &Diff) -> bool {
    diff.verdict == Level::Patch && !diff.has_behaviour_change()
}
