//! Vendoring an updated page (feature `cli`): fetch it ([`fetch`]), check it, choose the
//! page it refreshes (`target`), plan the new `docs-source/` (page, provenance, pins,
//! retired codes), report the diff of meaning, and write everything or nothing.

mod fetch;
mod page_name;
mod target;

pub use fetch::{fetch, Fetched};
pub(crate) use target::page_title;
pub use target::{Match, Replaced, UrlFrom};

// The bounded fetch: its limits, its typed errors, and the redirects it followed.
pub use fetch::{fetch_with, FetchError, FetchOptions, Retrieved, MAX_PAGE_BYTES, MAX_REDIRECTS};

use crate::diag::Diagnostics;
use crate::diff::{self, Diff, Level, Version};
use crate::docs_source::{self, DocFile, Provenance};
use crate::freshness::{self, sha256_hex};
use crate::model::{group_key, pair_codes, pair_codes_by_name, pair_groups, Catalog, Code};
use crate::names::Names;
use crate::overrides::{self, group_pin_key};
use crate::{read, retired, Inputs, PageInput, Reading};
use page_name::fits;
use std::path::{Path, PathBuf};

/// Everything a vendoring would change, computed before anything is written.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The page's file name in `docs-source/`.
    pub name: String,
    /// The page it replaces (`None` when it is added).
    pub replaces: Option<Replaced>,
    /// The page's canonical address, the base of its relative links, and where it comes
    /// from; `None` when it has none.
    pub canonical_url: Option<(String, UrlFrom)>,
    /// The files to write, with their new contents.
    pub writes: Vec<DocFile>,
    /// The files to remove: the page it replaces, when that has another name.
    pub removes: Vec<String>,
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

impl Plan {
    /// How many files [`apply`] puts in place or removes: what a vendoring killed after
    /// some of them has left undone.
    pub fn steps(&self) -> usize {
        self.writes.len() + self.removes.len() + usize::from(self.generated.is_some())
    }
}

/// Options of a vendoring.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page's file name in `docs-source/`. On a refresh it is also the page replaced
    /// when `docs-source/` has a page of that name. Default: the name of the page it
    /// replaces (with the extension of the new page's form), or, with `add`, a name from
    /// the source.
    pub name: Option<String>,
    /// Add the page beside the others instead of refreshing one.
    pub add: bool,
    /// The page's canonical address on the docs site, the base of its relative links.
    /// Default: the address recorded for the page it replaces, or the URL it was fetched
    /// from.
    pub canonical_url: Option<String>,
    /// When the page was retrieved (`YYYY-MM-DD`, UTC).
    pub retrieved: String,
    /// The crate's current version.
    pub version: Option<Version>,
    /// Whether to regenerate the committed generated source too (the package commits
    /// one).
    pub generated: bool,
    /// The release that codes leaving the page are kept as deprecated since. Default:
    /// the version this vendoring's verdict demands after `version`. A refresh of several
    /// pages gives the version their verdict together demands.
    pub release: Option<Version>,
}

/// Plans vendoring `page` into the folder whose files are `files`. Fails, with the
/// reason, when the page, the folder as it is or the resulting folder is refused, or when
/// it is not clear which page it refreshes.
///
/// The folder is read once. What that reading finds in the files the vendoring rewrites
/// from what it read (`overrides.json`, `retired.json`) or replaces (a page) is not in
/// the new folder to be found again, so it is kept here: an error there refuses the
/// vendoring, which would otherwise drop what it cannot read, and the warnings are the
/// plan's.
pub fn plan(
    files: &[DocFile],
    display_dir: &str,
    page: &Fetched,
    options: &Options,
) -> Result<Plan, String> {
    let mut found = Diagnostics::default();
    let folder = docs_source::folder_from_files(files, display_dir, &mut found);
    let rewritten = [overrides::FILE, retired::FILE].map(|f| format!("{display_dir}/{f}"));
    let mut kept = Diagnostics(
        found
            .0
            .iter()
            .filter(|d| rewritten.contains(&d.location.path))
            .cloned()
            .collect(),
    );
    if kept.has_errors() {
        return Err(format!(
            "{display_dir} is refused as it is, and vendoring would rewrite it without what it cannot read:\n{kept}"
        ));
    }
    let old = read(&folder.inputs);
    let records = &folder.provenance;
    let existing = target::existing_pages(files, records);
    let alone = check_alone(page)?;

    let (name, replaces) = target::choose(&existing, page, &alone, options)?;
    let record_of = |file: &str| records.iter().find(|r| r.file == file);
    let replaced_record = replaces.as_ref().and_then(|r| record_of(&r.file));
    let canonical_url = target::canonical_url(page, options, record_of(&name), replaced_record);
    let removes: Vec<String> = replaces
        .iter()
        .filter(|r| r.file != name)
        .map(|r| r.file.clone())
        .collect();
    target::check_one_copy(&existing, &name, &removes, &alone, display_dir)?;

    let mut new_files: Vec<DocFile> = files
        .iter()
        .filter(|f| f.name != name && !removes.contains(&f.name))
        .cloned()
        .collect();
    new_files.push(DocFile {
        name: name.clone(),
        bytes: page.bytes.clone(),
    });
    let title = [record_of(&name), replaced_record]
        .into_iter()
        .flatten()
        .find_map(|r| r.title.clone())
        .or_else(|| target::page_title(&page.bytes, page.is_html));
    let record = Provenance {
        file: name.clone(),
        title,
        url: canonical_url.as_ref().map(|(url, _)| url.clone()),
        retrieved: Some(options.retrieved.clone()),
        sha256: Some(sha256_hex(&page.bytes)),
    };
    let provenance = docs_source::provenance_with(
        text_of(files, docs_source::PROVENANCE_FILE).as_deref(),
        &record,
        &provenance_notes(page),
        &removes,
    );
    set_file(
        &mut new_files,
        docs_source::PROVENANCE_FILE,
        provenance.into_bytes(),
    );

    // The page's file, and the pages it replaces: what the folder said of them is gone
    // with them, so their warnings (a page edited since it was vendored) are said here.
    let replaced: Vec<String> = std::iter::once(&name)
        .chain(&removes)
        .map(|f| format!("{display_dir}/{f}"))
        .collect();
    kept.0.extend(
        found
            .0
            .into_iter()
            .filter(|d| !d.is_error() && replaced.contains(&d.location.path)),
    );
    // The folder with the new page, from the one reading: the other pages as they were,
    // and the committed files about them before the refresh rewrites them.
    let mut pages: Vec<PageInput> = folder
        .inputs
        .pages
        .iter()
        .filter(|p| !replaced.contains(&p.path))
        .cloned()
        .collect();
    pages.push(docs_source::page_input(
        &replaced[0],
        page.bytes.clone(),
        Some(&record),
        &mut Diagnostics::default(),
    ));
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let refreshed = refresh(
        &old,
        Inputs {
            pages,
            files: Vec::new(),
            ..folder.inputs
        },
        options.version.as_ref(),
        options.release.as_ref(),
    );
    set_file(
        &mut new_files,
        retired::FILE,
        retired::to_json(&refreshed.inputs.retired).into_bytes(),
    );
    set_file(
        &mut new_files,
        overrides::FILE,
        refreshed.inputs.overrides.to_json().into_bytes(),
    );

    // The new folder, read as the generator will read it.
    let mut diags = kept;
    let final_inputs = docs_source::inputs_from_files(&new_files, display_dir, &mut diags);
    let reading = read(&final_inputs);
    diags.extend(reading.diagnostics.clone());
    if diags.has_errors() {
        return Err(format!(
            "docs-source would be refused after vendoring:\n{diags}"
        ));
    }
    let generated = match options.generated {
        // Shown as the package's header shows them, the reading is the package's.
        true if display_dir == freshness::DOCS_DIR => Some(
            reading
                .source()
                .map_err(|d| format!("docs-source would be refused after vendoring:\n{d}"))?,
        ),
        true => Some(generated_source(&new_files)?),
        false => None,
    };
    Ok(Plan {
        name,
        replaces,
        canonical_url,
        writes: changed_files(files, new_files),
        removes,
        diff: diff::diff(&old, &reading),
        old: old.catalog,
        new: reading.catalog,
        next_version: refreshed.next_version,
        newly_retired: refreshed.newly_retired,
        newly_pinned: refreshed.newly_pinned,
        warnings: diags,
        generated,
    })
}

/// The page on its own must be a codes page: its catalog. Its diagnostics name it as
/// its source does, when that has a page file name of its form, or else by the name it
/// would be added under.
fn check_alone(page: &Fetched) -> Result<Catalog, String> {
    let label = if fits(&page.origin, page.is_html) {
        page.origin.clone()
    } else {
        page.suggested_name.clone()
    };
    let checked = read(&Inputs::pages(vec![PageInput::new(
        label,
        page.bytes.clone(),
    )]));
    if checked.diagnostics.has_errors() {
        return Err(format!("the page was refused:\n{}", checked.diagnostics));
    }
    Ok(checked.catalog)
}

fn text_of(files: &[DocFile], name: &str) -> Option<String> {
    files
        .iter()
        .find(|f| f.name == name)
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
}

/// How the page came: its URL, or only the name of the local file (a path on the
/// maintainer's machine means nothing to anyone else).
fn provenance_notes(page: &Fetched) -> String {
    if page.is_url {
        return format!("Vendored from {} by `cargo codes vendor`.", page.origin);
    }
    match Path::new(&page.origin).file_name().and_then(|n| n.to_str()) {
        Some(name) => format!("Vendored from the local file {name} by `cargo codes vendor`."),
        None => "Vendored from a local file by `cargo codes vendor`.".to_owned(),
    }
}

/// Inputs as a vendoring leaves them, and what it did to them.
struct Refresh {
    /// The inputs, with the retired codes and the pins.
    inputs: Inputs,
    /// How many codes are newly kept as deprecated.
    newly_retired: usize,
    /// How many variant names are newly pinned.
    newly_pinned: usize,
    /// The version this vendoring demands.
    next_version: Option<Version>,
}

/// `inputs` as a vendoring over `old` leaves them: codes that leave the page stay,
/// deprecated since the release this vendoring demands (after `version`, when known);
/// codes that come back leave the retired ones; every variant name of `old` and of the
/// new codes is pinned, so that later refreshes keep them.
fn refresh(
    old: &Reading,
    mut inputs: Inputs,
    version: Option<&Version>,
    release: Option<&Version>,
) -> Refresh {
    let page_catalog = read(&Inputs {
        retired: Vec::new(),
        ..inputs.clone()
    })
    .catalog;
    // Retired codes meet the page by name: a name retired while another name of its id
    // stays on the page is not that other name come back.
    let mut codes: Vec<Code> = pair_codes_by_name(&inputs.retired, &page_catalog.codes)
        .old_only
        .into_iter()
        .cloned()
        .collect();
    let live: Vec<Code> = old
        .catalog
        .codes
        .iter()
        .filter(|c| c.retired.is_none())
        .cloned()
        .collect();
    let gone: Vec<Code> = pair_codes(&live, &page_catalog.codes)
        .old_only
        .into_iter()
        .cloned()
        .collect();
    let newly: Vec<Code> = pair_codes_by_name(&gone, &codes)
        .old_only
        .into_iter()
        .map(|c| Code {
            retired: Some(String::new()),
            ..c.clone()
        })
        .collect();
    let newly_retired = newly.len();
    codes.extend(newly);
    inputs.retired = codes;
    let unpinned = read(&inputs);
    let verdict = diff::diff(old, &unpinned).verdict;
    let next_version = version.map(|v| diff::bump(v, verdict));
    let release = release
        .or(next_version.as_ref())
        .map_or_else(|| "the next release".to_owned(), ToString::to_string);
    for c in inputs
        .retired
        .iter_mut()
        .filter(|c| c.retired.as_deref() == Some(""))
    {
        c.retired = Some(release.clone());
    }

    // The release a retired code names is in its docs alone: the names and pins of
    // `unpinned`, read before it was set, are those of `inputs` now.
    let before = inputs.overrides.variants.len();
    let old_names = old.names();
    for (key, ident) in renamed_group_pins(&old.catalog, &old_names, &unpinned.catalog)
        .into_iter()
        .chain(old_names.pins())
        .chain(unpinned.names().pins())
    {
        inputs.overrides.variants.entry(key).or_insert(ident);
    }
    let newly_pinned = inputs.overrides.variants.len() - before;
    Refresh {
        inputs,
        newly_retired,
        newly_pinned,
        next_version,
    }
}

/// The pins that keep a renamed group's variant: a group in the same
/// [`GroupSlot`](crate::model::GroupSlot) (kind, channel, id) under a heading whose
/// [`group_key`] changed (`Registration error`, now `Registration errors`) is the same
/// group, and its new name is pinned to its old variant. The old pin stays too, so the
/// old name remains an alias the wire objects find it by. A variant still used by a group
/// of its old name (a rename in one channel of several) is not moved; nor is one variant
/// given to two new names.
fn renamed_group_pins(
    old: &Catalog,
    old_names: &Names<'_>,
    new: &Catalog,
) -> Vec<(String, String)> {
    let mut pins: Vec<(String, String)> = Vec::new();
    for (o, n) in pair_groups(&old.groups, &new.groups).renamed() {
        let old_key = group_key(&o.key.name);
        let still_used = new
            .groups
            .iter()
            .any(|g| g.kind == o.kind && g.key.id == o.key.id && group_key(&g.key.name) == old_key);
        let ident = old_names
            .groups(o.kind)
            .iter()
            .find(|g| g.key == old_key && g.group.id == o.key.id)
            .map(|g| g.ident.clone());
        let key = group_pin_key(n.kind, &n.key);
        match ident {
            Some(ident) if !still_used && !pins.iter().any(|(k, i)| *i == ident || *k == key) => {
                pins.push((key, ident));
            }
            _ => {}
        }
    }
    pins
}

/// The catalog `new` would give once `cargo codes vendor` brought it over `old`: every
/// variant name of `old` kept, and the codes that leave the page kept as deprecated
/// variants. What `cargo codes diff OLD NEW` compares for its verdict through vendor.
pub fn as_vendored(old: &Reading, new: &Inputs) -> Reading {
    read(&refresh(old, new.clone(), None, None).inputs)
}

/// The generated source for the folder `files`, as the package sees it (paths shown as
/// `docs-source/NAME`).
pub(crate) fn generated_source(files: &[DocFile]) -> Result<String, String> {
    let mut scratch = Diagnostics::default();
    read(&docs_source::inputs_from_files(
        files,
        freshness::DOCS_DIR,
        &mut scratch,
    ))
    .source()
    .map_err(|d| format!("docs-source would be refused after vendoring:\n{d}"))
}

/// The folder `files` once `plan` is applied to it: what a vendoring leaves, in memory.
pub fn files_after(files: &[DocFile], plan: &Plan) -> Vec<DocFile> {
    let mut out: Vec<DocFile> = files
        .iter()
        .filter(|f| !plan.removes.contains(&f.name))
        .cloned()
        .collect();
    for w in &plan.writes {
        set_file(&mut out, &w.name, w.bytes.clone());
    }
    out
}

/// The files of `new` that differ from `old`, in [`write_order`].
fn changed_files(old: &[DocFile], new: Vec<DocFile>) -> Vec<DocFile> {
    let mut writes: Vec<DocFile> = new
        .into_iter()
        .filter(|f| {
            old.iter()
                .find(|o| o.name == f.name)
                .is_none_or(|o| o.bytes != f.bytes)
        })
        .collect();
    writes.sort_by_key(|f| write_order(&f.name));
    writes
}

/// The order in which a vendoring puts its files in place, so that one killed between
/// any two of them is safe to run again: the files that carry what the old page said
/// (retired codes, pins) before the page that drops it, the page before its provenance,
/// the page it replaces under another name after the provenance that no longer lists it
/// (until then a second run still finds it, and the address recorded for it), and the
/// generated source last. Until that last one, the build fails as stale.
fn write_order(name: &str) -> u8 {
    match name {
        retired::FILE => 0,
        overrides::FILE => 1,
        docs_source::PROVENANCE_FILE => 3,
        _ => 2,
    }
}

/// Where [`write_order`] puts the removal of a replaced page.
const REMOVE_ORDER: u8 = 4;

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
/// then put in place in this order: retired codes and pins, pages, provenance, the
/// removal of a page replaced under another name, generated source. A failure while
/// staging leaves everything as it was, and a vendoring killed between two steps leaves
/// a build that fails as stale until `cargo codes vendor` runs again.
pub fn apply(dir: &Path, generated: Option<&Path>, plan: &Plan) -> std::io::Result<()> {
    apply_interrupted(dir, generated, plan, usize::MAX)
}

/// One step of [`apply`]: a staged file renamed into place, or a file removed.
enum Step {
    Put { tmp: PathBuf, dest: PathBuf },
    Remove(PathBuf),
}

/// [`apply`], stopped after `steps` steps (renames and removals), as a vendoring killed
/// at that moment would leave the files: what tests of that promise start from.
pub fn apply_interrupted(
    dir: &Path,
    generated: Option<&Path>,
    plan: &Plan,
    steps: usize,
) -> std::io::Result<()> {
    let mut targets: Vec<(u8, PathBuf, &[u8])> = plan
        .writes
        .iter()
        .map(|f| (write_order(&f.name), dir.join(&f.name), f.bytes.as_slice()))
        .collect();
    if let (Some(path), Some(source)) = (generated, &plan.generated) {
        if std::fs::read(path).ok().as_deref() != Some(source.as_bytes()) {
            targets.push((u8::MAX, path.to_path_buf(), source.as_bytes()));
        }
    }
    let mut staged: Vec<(u8, Step)> = Vec::new();
    for (order, dest, bytes) in targets {
        let name = dest
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let tmp = dest.with_file_name(format!(".{name}.vendor-tmp"));
        if let Err(e) = std::fs::write(&tmp, bytes) {
            for (_, step) in &staged {
                if let Step::Put { tmp, .. } = step {
                    let _ = std::fs::remove_file(tmp);
                }
            }
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        staged.push((order, Step::Put { tmp, dest }));
    }
    staged.extend(
        plan.removes
            .iter()
            .map(|name| (REMOVE_ORDER, Step::Remove(dir.join(name)))),
    );
    staged.sort_by_key(|(order, _)| *order);
    for (_, step) in staged.iter().take(steps) {
        match step {
            Step::Put { tmp, dest } => std::fs::rename(tmp, dest)?,
            Step::Remove(path) => match std::fs::remove_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            },
        }
    }
    Ok(())
}

/// Today's date in UTC, `YYYY-MM-DD`: the `retrieved` of a page vendored now.
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    utc_date(secs)
}

/// The UTC date `secs` after the Unix epoch, `YYYY-MM-DD` (proleptic Gregorian): the
/// one format of `retrieved` in `provenance.json`.
pub fn utc_date(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
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
    format!("{year:04}-{month:02}-{day:02}")
}

/// The verdict level a `--fail-on` argument names.
pub fn parse_level(s: &str) -> Option<Level> {
    Level::parse(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(utc_date(0), "1970-01-01");
        assert_eq!(utc_date(951_782_400), "2000-02-29");
        assert_eq!(utc_date(1_795_786_245), "2026-11-27");
        assert_eq!(utc_date(1_795_823_999), "2026-11-27");
        assert_eq!(utc_date(1_795_824_000), "2026-11-28");
    }
}
