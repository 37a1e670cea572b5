//! Vendoring an updated page (feature `cli`): fetch it, check it, plan the new
//! `docs-source/` (page, provenance, pins, retired codes), report the diff of meaning,
//! and write everything or nothing.

use crate::diag::Diagnostics;
use crate::diff::{self, Diff, Level, Version};
use crate::docs::{self, DocFile, Provenance};
use crate::freshness::{self, sha256_hex};
use crate::model::{pair_codes, pair_codes_by_name, Catalog, Code};
use crate::{overrides, read, retired, Inputs, PageInput};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A page as fetched, before it is checked.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// The page's bytes.
    pub bytes: Vec<u8>,
    /// Where it came from: the URL, or the path as given.
    pub origin: String,
    /// Whether `origin` is a URL.
    pub is_url: bool,
    /// A file name for it in `docs-source/`.
    pub suggested_name: String,
}

/// Fetches `source`: an `http(s)` URL, or a file path.
pub fn fetch(source: &str, timeout: Duration) -> Result<Fetched, String> {
    let is_url = source.starts_with("http://") || source.starts_with("https://");
    let bytes = if is_url {
        fetch_url(source, timeout)?
    } else {
        std::fs::read(source).map_err(|e| format!("cannot read {source}: {e}"))?
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| format!("{source} is not a page: its content is not UTF-8 text"))?;
    if text.trim().is_empty() {
        return Err(format!("{source} is not a page: it is empty"));
    }
    Ok(Fetched {
        suggested_name: suggested_name(source, text),
        bytes,
        origin: source.to_owned(),
        is_url,
    })
}

fn fetch_url(url: &str, timeout: Duration) -> Result<Vec<u8>, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::Timeout(_) => {
            format!("fetching {url} timed out after {} s", timeout.as_secs_f32())
        }
        other => format!("cannot fetch {url}: {other}"),
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!(
            "fetching {url} answered HTTP {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        ));
    }
    if let Some(ct) = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
    {
        let mime = ct
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let page = mime.starts_with("text/") || mime == "application/xhtml+xml" || mime.is_empty();
        if !page {
            return Err(format!("{url} is not a page: its content type is {mime}"));
        }
    }
    response
        .body_mut()
        .with_config()
        .limit(32 * 1024 * 1024)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => {
                format!("fetching {url} timed out after {} s", timeout.as_secs_f32())
            }
            other => format!("cannot read the answer from {url}: {other}"),
        })
}

fn suggested_name(source: &str, text: &str) -> String {
    let path = source
        .split(['?', '#'])
        .next()
        .unwrap_or(source)
        .trim_end_matches('/');
    let last = path.rsplit(['/', '\\']).next().unwrap_or("page");
    let last = if last.is_empty() || last.contains(':') {
        "page"
    } else {
        last
    };
    if docs::is_page(last) {
        return last.to_owned();
    }
    let head = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    let html =
        head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body");
    format!("{last}.{}", if html { "html" } else { "md" })
}

/// Everything a vendoring would change, computed before anything is written.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The page's file name in `docs-source/`.
    pub name: String,
    /// Whether it replaces a page of that name.
    pub replaced: bool,
    /// The files to write, with their new contents.
    pub writes: Vec<DocFile>,
    /// The catalog before.
    pub old: Catalog,
    /// The catalog after.
    pub new: Catalog,
    /// What changes for users.
    pub diff: Diff,
    /// The version the crate needs for this change, when the current one is known.
    pub next_version: Option<Version>,
    /// Codes newly kept as deprecated.
    pub newly_retired: usize,
    /// Variant names newly pinned.
    pub newly_pinned: usize,
    /// Warnings about the new folder.
    pub warnings: Diagnostics,
    /// The new contents of the committed generated source, when the options asked for it.
    pub generated: Option<String>,
}

/// Options of a vendoring.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// File name in `docs-source/` (default: from the source).
    pub name: Option<String>,
    /// The page's public address, when the source is a file (for its relative links).
    pub url: Option<String>,
    /// When the page was retrieved (an ISO 8601 UTC time).
    pub retrieved: String,
    /// The crate's current version.
    pub version: Option<Version>,
    /// Whether to regenerate the committed generated source too (the package commits
    /// one).
    pub generated: bool,
}

/// Plans vendoring `page` into the folder whose files are `files`. Fails, with the
/// reason, when the page or the resulting folder is refused.
pub fn plan(
    files: &[DocFile],
    display_dir: &str,
    page: &Fetched,
    options: &Options,
) -> Result<Plan, String> {
    let name = options
        .name
        .clone()
        .unwrap_or_else(|| page.suggested_name.clone());
    if name.contains(['/', '\\']) || !docs::is_page(&name) {
        return Err(format!(
            "`{name}` is not a page file name: use a name ending in .md, .markdown, .html or .htm"
        ));
    }
    let mut scratch = Diagnostics::default();
    let old_inputs = docs::inputs_from_files(files, display_dir, &mut scratch);
    let old = read(&old_inputs).catalog;

    // The page on its own must be a codes page.
    let url = if page.is_url {
        Some(page.origin.clone())
    } else {
        options.url.clone().or_else(|| {
            old_inputs
                .pages
                .iter()
                .find(|p| p.path.ends_with(&format!("/{name}")))
                .and_then(|p| p.options.page_url.clone())
        })
    };
    let mut alone = PageInput::new(format!("{display_dir}/{name}"), page.bytes.clone());
    alone.options.page_url = url.clone();
    let checked = read(&Inputs::pages(vec![alone]));
    if checked.diagnostics.has_errors() {
        return Err(format!("the page was refused:\n{}", checked.diagnostics));
    }

    let replaced = files.iter().any(|f| f.name == name);
    let mut new_files: Vec<DocFile> = files.iter().filter(|f| f.name != name).cloned().collect();
    new_files.push(DocFile {
        name: name.clone(),
        bytes: page.bytes.clone(),
    });
    let text_of = |name: &str| {
        files
            .iter()
            .find(|f| f.name == name)
            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
    };
    let record = Provenance {
        file: name.clone(),
        url,
        retrieved: Some(options.retrieved.clone()),
        sha256: Some(sha256_hex(&page.bytes)),
    };
    let notes = if page.is_url {
        format!("Vendored from {} by `cargo codes vendor`.", page.origin)
    } else {
        format!(
            "Vendored from the file {} by `cargo codes vendor`.",
            page.origin
        )
    };
    let provenance =
        docs::provenance_with(text_of(docs::PROVENANCE_FILE).as_deref(), &record, &notes);
    set_file(
        &mut new_files,
        docs::PROVENANCE_FILE,
        provenance.clone().into_bytes(),
    );

    // Codes that leave the page stay, deprecated; codes that come back leave retired.json.
    let mut diags = Diagnostics::default();
    let mut inputs = docs::inputs_from_files(&new_files, display_dir, &mut diags);
    let page_catalog = read(&Inputs {
        retired: Vec::new(),
        ..inputs.clone()
    })
    .catalog;
    let mut retired: Vec<Code> = pair_codes_by_name(&inputs.retired, &page_catalog.codes)
        .old_only
        .into_iter()
        .cloned()
        .collect();
    let live: Vec<Code> = old
        .codes
        .iter()
        .filter(|c| c.retired.is_none())
        .cloned()
        .collect();
    let gone = pair_codes(&live, &page_catalog.codes).old_only;
    let newly_retired: Vec<Code> =
        pair_codes_by_name(&gone.into_iter().cloned().collect::<Vec<_>>(), &retired)
            .old_only
            .into_iter()
            .map(|c| Code {
                retired: Some(String::new()),
                ..c.clone()
            })
            .collect();
    retired.extend(newly_retired.iter().cloned());
    inputs.retired = retired.clone();
    let provisional = read(&inputs).catalog;
    let verdict = diff::diff(&old, &provisional).verdict;
    let next_version = options.version.as_ref().map(|v| v.bump(verdict));
    let release = next_version
        .as_ref()
        .map_or_else(|| "the next release".to_owned(), |v| v.to_string());
    for c in retired
        .iter_mut()
        .filter(|c| c.retired.as_deref() == Some(""))
    {
        c.retired = Some(release.clone());
    }
    set_file(
        &mut new_files,
        retired::FILE,
        retired::to_json(&retired).into_bytes(),
    );
    inputs.retired = retired;

    // Pin the names of new codes so that later refreshes keep them.
    let unpinned = read(&inputs).catalog;
    let mut pins = inputs.overrides.clone();
    let before = pins.variants.len();
    for (key, ident) in crate::emit::rust::current_pins(&unpinned) {
        pins.variants.entry(key).or_insert(ident);
    }
    let newly_pinned = pins.variants.len() - before;
    set_file(&mut new_files, overrides::FILE, pins.to_json().into_bytes());

    let mut diags = Diagnostics::default();
    let final_inputs = docs::inputs_from_files(&new_files, display_dir, &mut diags);
    let reading = read(&final_inputs);
    diags.extend(reading.diagnostics);
    if diags.has_errors() {
        return Err(format!(
            "docs-source would be refused after vendoring:\n{diags}"
        ));
    }
    let diff = diff::diff(&old, &reading.catalog);
    let generated = if options.generated {
        // As the package sees its folder: paths shown as docs-source/NAME.
        let mut scratch = Diagnostics::default();
        let package = read(&docs::inputs_from_files(
            &new_files,
            freshness::DOCS_DIR,
            &mut scratch,
        ));
        Some(
            package
                .source()
                .map_err(|d| format!("docs-source would be refused after vendoring:\n{d}"))?,
        )
    } else {
        None
    };
    let mut writes: Vec<DocFile> = new_files
        .into_iter()
        .filter(|f| {
            files
                .iter()
                .find(|o| o.name == f.name)
                .is_none_or(|o| o.bytes != f.bytes)
        })
        .collect();
    writes.sort_by_key(|f| write_order(&f.name));
    Ok(Plan {
        name,
        replaced,
        writes,
        old,
        new: reading.catalog,
        diff,
        next_version,
        newly_retired: newly_retired.len(),
        newly_pinned,
        warnings: diags,
        generated,
    })
}

/// The order in which a vendoring puts its files in place, so that one killed between
/// any two of them is safe to run again: the files that carry what the old page said
/// (retired codes, pins) before the page that drops it, the page before its provenance,
/// and the generated source last. Until that last one, the build fails as stale.
fn write_order(name: &str) -> u8 {
    match name {
        retired::FILE => 0,
        overrides::FILE => 1,
        docs::PROVENANCE_FILE => 3,
        _ => 2,
    }
}

fn set_file(files: &mut Vec<DocFile>, name: &str, bytes: Vec<u8>) {
    match files.iter_mut().find(|f| f.name == name) {
        Some(f) => f.bytes = bytes,
        None => files.push(DocFile {
            name: name.to_owned(),
            bytes,
        }),
    }
}

/// Writes the plan: its files into the docs folder `dir`, then the generated source to
/// `generated` (when the plan has one). Every file is staged to a temporary file first,
/// then renamed into place in this order: retired codes and pins, pages, provenance,
/// generated source. A failure while staging leaves everything as it was, and a
/// vendoring killed between two renames leaves a build that fails as stale until
/// `cargo codes vendor` runs again.
pub fn apply(dir: &Path, generated: Option<&Path>, plan: &Plan) -> std::io::Result<()> {
    apply_interrupted(dir, generated, plan, usize::MAX)
}

/// [`apply`], stopped after `renames` renames, as a vendoring killed at that moment would
/// leave the files: what tests of that promise start from.
pub fn apply_interrupted(
    dir: &Path,
    generated: Option<&Path>,
    plan: &Plan,
    renames: usize,
) -> std::io::Result<()> {
    let mut targets: Vec<(PathBuf, &[u8])> = plan
        .writes
        .iter()
        .map(|f| (dir.join(&f.name), f.bytes.as_slice()))
        .collect();
    if let (Some(path), Some(source)) = (generated, &plan.generated) {
        if std::fs::read(path).ok().as_deref() != Some(source.as_bytes()) {
            targets.push((path.to_path_buf(), source.as_bytes()));
        }
    }
    let mut staged = Vec::new();
    for (dest, bytes) in &targets {
        let name = dest
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let tmp = dest.with_file_name(format!(".{name}.vendor-tmp"));
        if let Err(e) = std::fs::write(&tmp, bytes) {
            for t in staged.iter().chain([&tmp]) {
                let _ = std::fs::remove_file(t);
            }
            return Err(e);
        }
        staged.push(tmp);
    }
    for (tmp, (dest, _)) in staged.iter().zip(&targets).take(renames) {
        std::fs::rename(tmp, dest)?;
    }
    Ok(())
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    utc_timestamp(secs)
}

/// `secs` since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ` (proleptic Gregorian).
pub fn utc_timestamp(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

/// The verdict level a `--fail-on` argument names.
pub fn parse_level(s: &str) -> Option<Level> {
    Level::parse(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(1_795_786_245), "2026-11-27T13:30:45Z");
    }

    #[test]
    fn names_from_sources() {
        assert_eq!(
            suggested_name("https://x.y/docs/response-codes", "<!DOCTYPE html><html>"),
            "response-codes.html"
        );
        assert_eq!(
            suggested_name("https://x.y/docs/codes.md?v=2#top", "## A"),
            "codes.md"
        );
        assert_eq!(
            suggested_name("/tmp/page", "## General status codes"),
            "page.md"
        );
        assert_eq!(suggested_name("https://x.y/", "<html>"), "x.y.html");
    }
}
