//! The `docs-source/` folder: vendored pages and the committed files about them.
//!
//! | file | what |
//! | --- | --- |
//! | `*.md`, `*.markdown`, `*.html`, `*.htm` | the vendored pages, read in file-name order |
//! | `provenance.json` | where each page came from (below) |
//! | `overrides.json` | pinned variant names, duplicate choices |
//! | `retired.json` | codes kept as deprecated after leaving the page |
//!
//! `provenance.json`:
//!
//! ```json
//! {"pages": [{"file": "response-status-and-error-codes.md",
//!             "title": "Response status and error codes",
//!             "url": "https://dev.infobip.com/getting-started/response-status-and-error-codes",
//!             "retrieved": "2026-11-27", "sha256": "…", "notes": "…"}]}
//! ```
//!
//! The `url` is the page's canonical address on the docs site, and the base for its
//! relative links, wherever the page was fetched from (the `notes` say where).
//! `retrieved` is a UTC date, `YYYY-MM-DD`; `sha256` is the digest of the file's bytes.
//!
//! The folder can be read from disk ([`load_dir`]) or from any set of files
//! ([`inputs_from_files`]: a git revision, or the folder as a vendoring would leave it).

use crate::diag::{
    json_error_message, json_error_offset, Diagnostic, Diagnostics, LineIndex, Location,
};
use crate::freshness::{self, sha256_hex};
use crate::model::Code;
use crate::overrides::{self, Overrides};
use crate::parse::ReadOptions;
use crate::retired;
use crate::{Inputs, PageInput};
use serde_json::{Map, Value};
use std::path::Path;

/// The provenance file's name inside `docs-source/`: one of [`freshness::DATA_FILES`],
/// which spells it.
pub const PROVENANCE_FILE: &str = freshness::DATA_FILES[1];

/// One file of the folder, by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocFile {
    /// The file's name inside the folder.
    pub name: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// Where one vendored page came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The page's file name inside `docs-source/`.
    pub file: String,
    /// The page's title.
    pub title: Option<String>,
    /// Its canonical address on the docs site, the base of its relative links.
    pub url: Option<String>,
    /// When it was retrieved: a UTC date, `YYYY-MM-DD`.
    pub retrieved: Option<String>,
    /// The sha256 of the file when it was vendored.
    pub sha256: Option<String>,
}

/// Parses `provenance.json`.
pub(crate) fn parse_provenance(
    display: &str,
    text: &str,
    diags: &mut Diagnostics,
) -> Vec<Provenance> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let index = LineIndex::new(display, text);
            let at = index.locate(text, json_error_offset(text, &e));
            diags.push(
                Diagnostic::error(at, format!("invalid provenance JSON: {}", json_error_message(&e)))
                    .with_hint("provenance.json is {\"pages\": [{\"file\", \"url\", \"retrieved\", \"sha256\"}]}"),
            );
            return Vec::new();
        }
    };
    let field = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let records: Vec<Provenance> = value
        .get("pages")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|p| {
            Some(Provenance {
                file: field(p, "file")?,
                title: field(p, "title"),
                url: field(p, "url"),
                retrieved: field(p, "retrieved"),
                sha256: field(p, "sha256"),
            })
        })
        .collect();
    for r in &records {
        if let Some(when) = r.retrieved.as_deref().filter(|w| !is_date(w)) {
            let index = LineIndex::new(display, text);
            let at = text.find(&format!("\"{when}\"")).unwrap_or(0);
            diags.push(
                Diagnostic::warning(
                    index.locate(text, at),
                    format!("`retrieved` of {} is `{when}`, not a date", r.file),
                )
                .with_hint("write the UTC date the page was retrieved, YYYY-MM-DD, as `cargo codes vendor` does"),
            );
        }
    }
    records
}

/// Whether `s` is `YYYY-MM-DD`.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// Reads `docs-source/provenance.json`; a missing file is an empty record.
#[cfg(feature = "cli")] // the command line reads them for pages given by path
pub(crate) fn read_provenance(
    dir: &Path,
    display_dir: &str,
    diags: &mut Diagnostics,
) -> Vec<Provenance> {
    provenance_from(
        read_text(dir, PROVENANCE_FILE).as_deref(),
        display_dir,
        diags,
    )
}

/// A committed file of the folder, read from disk; `None` when it cannot be read.
#[cfg(feature = "cli")] // the command line reads them for pages given by path
fn read_text(dir: &Path, name: &str) -> Option<String> {
    std::fs::read_to_string(dir.join(name)).ok()
}

/// `provenance.json` from its text, if the folder has one.
fn provenance_from(
    text: Option<&str>,
    display_dir: &str,
    diags: &mut Diagnostics,
) -> Vec<Provenance> {
    text.map(|t| parse_provenance(&format!("{display_dir}/{PROVENANCE_FILE}"), t, diags))
        .unwrap_or_default()
}

/// `overrides.json` from its text, if the folder has one; no overrides otherwise.
fn overrides_from(text: Option<&str>, display_dir: &str, diags: &mut Diagnostics) -> Overrides {
    let display = format!("{display_dir}/{}", overrides::FILE);
    match text {
        Some(t) => Overrides::parse(&display, t, diags),
        None => Overrides {
            path: display,
            ..Overrides::default()
        },
    }
}

/// `retired.json` from its text, if the folder has one; no retired codes otherwise.
fn retired_from(text: Option<&str>, display_dir: &str, diags: &mut Diagnostics) -> Vec<Code> {
    text.map(|t| retired::parse(&format!("{display_dir}/{}", retired::FILE), t, diags))
        .unwrap_or_default()
}

/// The files directly inside `dir`, sorted by name.
pub fn read_dir_files(dir: &Path) -> std::io::Result<Vec<DocFile>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            files.push(DocFile {
                name: name.to_owned(),
                bytes: std::fs::read(&path)?,
            });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// Loads every page in `dir`, sorted by file name, with provenance, overrides and
/// retired codes. Paths in diagnostics and in the generated header read
/// `display_dir/FILE`, so they do not depend on the machine.
pub fn load_dir(dir: &Path, display_dir: &str, diags: &mut Diagnostics) -> Inputs {
    match read_dir_files(dir) {
        Ok(files) => inputs_from_files(&files, display_dir, diags),
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    Location::new(display_dir, 1, 1),
                    format!("cannot read the pages folder: {e}"),
                )
                .with_hint("docs-source/ holds the vendored page(s) the crate is generated from"),
            );
            Inputs::default()
        }
    }
}

/// The generator's inputs from the files of a docs folder.
pub fn inputs_from_files(files: &[DocFile], display_dir: &str, diags: &mut Diagnostics) -> Inputs {
    folder_from_files(files, display_dir, diags).inputs
}

/// A docs folder as read once: the generator's inputs, and the provenance records they
/// were made with.
#[derive(Clone, Debug, Default)]
pub struct DocsFolder {
    /// The generator's inputs.
    pub inputs: Inputs,
    /// The records of `provenance.json`.
    pub provenance: Vec<Provenance>,
}

/// Reads the files of a docs folder: its inputs and its provenance records. What is
/// wrong with them goes to `diags`, located at `display_dir/FILE`.
pub fn folder_from_files(
    files: &[DocFile],
    display_dir: &str,
    diags: &mut Diagnostics,
) -> DocsFolder {
    let text = |name: &str| {
        files
            .iter()
            .find(|f| f.name == name)
            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
    };
    let provenance = provenance_from(text(PROVENANCE_FILE).as_deref(), display_dir, diags);
    let overrides = overrides_from(text(overrides::FILE).as_deref(), display_dir, diags);
    let retired = retired_from(text(retired::FILE).as_deref(), display_dir, diags);
    let mut pages: Vec<&DocFile> = files
        .iter()
        .filter(|f| freshness::is_page(&f.name))
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    let pages: Vec<PageInput> = pages
        .into_iter()
        .map(|f| {
            page_input(
                &format!("{display_dir}/{}", f.name),
                f.bytes.clone(),
                provenance.iter().find(|p| p.file == f.name),
                diags,
            )
        })
        .collect();
    let files = files
        .iter()
        .filter(|f| freshness::is_input(&f.name))
        .map(|f| freshness::Input {
            path: format!("{display_dir}/{}", f.name),
            sha256: freshness::digest(&f.bytes),
        })
        .collect();
    if pages.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error(Location::new(display_dir, 1, 1), "no pages to read")
                .with_hint(format!(
                    "vendor the page as a .md file in {display_dir}/ (see MAINTAINING.md, \"Refreshing the page\")"
                )),
        );
    }
    DocsFolder {
        inputs: Inputs {
            pages,
            overrides,
            retired,
            files,
        },
        provenance,
    }
}

/// Reads `docs-source/overrides.json`; a missing file is no overrides.
#[cfg(feature = "cli")] // the command line reads them for pages given by path
pub(crate) fn load_overrides(dir: &Path, display_dir: &str, diags: &mut Diagnostics) -> Overrides {
    overrides_from(
        read_text(dir, overrides::FILE).as_deref(),
        display_dir,
        diags,
    )
}

/// Reads `docs-source/retired.json`; a missing file is no retired codes.
#[cfg(feature = "cli")] // the command line reads them for pages given by path
pub(crate) fn load_retired(dir: &Path, display_dir: &str, diags: &mut Diagnostics) -> Vec<Code> {
    retired_from(read_text(dir, retired::FILE).as_deref(), display_dir, diags)
}

/// Loads one page file, with its provenance record when there is one.
pub fn load_file(
    path: &Path,
    display: &str,
    record: Option<&Provenance>,
    diags: &mut Diagnostics,
) -> Option<PageInput> {
    match std::fs::read(path) {
        Ok(bytes) => Some(page_input(display, bytes, record, diags)),
        Err(e) => {
            diags.push(Diagnostic::error(
                Location::new(display, 1, 1),
                format!("cannot read page: {e}"),
            ));
            None
        }
    }
}

/// One page's input, with its provenance record: a page whose bytes are not those the
/// record's digest names is a warning.
pub(crate) fn page_input(
    display: &str,
    bytes: Vec<u8>,
    record: Option<&Provenance>,
    diags: &mut Diagnostics,
) -> PageInput {
    let actual = sha256_hex(&bytes);
    if let Some(expected) = record.and_then(|r| r.sha256.as_deref()) {
        if !expected.eq_ignore_ascii_case(&actual) {
            diags.push(
                Diagnostic::warning(
                    Location::new(display, 1, 1),
                    format!("page differs from the vendored one (sha256 {actual}, provenance.json records {expected})"),
                )
                .with_hint("if the edit is deliberate, update the sha256 in docs-source/provenance.json"),
            );
        }
    }
    PageInput {
        path: display.to_owned(),
        bytes,
        options: ReadOptions {
            page_url: record.and_then(|r| r.url.clone()),
        },
        retrieved: record.and_then(|r| r.retrieved.clone()),
        sha256: Some(actual),
    }
}

/// `provenance.json` with the record for `entry.file` replaced (or added), and the
/// records of the files in `removed` dropped, keeping the other records. The new record
/// is `entry` with `notes`: nothing of the record it replaces is kept, since that
/// described other bytes.
#[cfg_attr(not(feature = "cli"), allow(dead_code))] // vendor is the CLI's
pub(crate) fn provenance_with(
    existing: Option<&str>,
    entry: &Provenance,
    notes: &str,
    removed: &[String],
) -> String {
    let mut pages: Vec<Value> = existing
        .and_then(|t| serde_json::from_str::<Value>(t).ok())
        .and_then(|mut v| match v.get_mut("pages").map(Value::take) {
            Some(Value::Array(pages)) => Some(pages),
            _ => None,
        })
        .unwrap_or_default();
    let file_of = |v: &Value| {
        v.get("file")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    pages.retain(|p| {
        let file = file_of(p);
        file != entry.file && !removed.contains(&file)
    });
    let mut record = Map::new();
    record.insert("file".to_owned(), Value::from(entry.file.as_str()));
    for (k, v) in [
        ("title", &entry.title),
        ("url", &entry.url),
        ("retrieved", &entry.retrieved),
        ("sha256", &entry.sha256),
    ] {
        if let Some(v) = v {
            record.insert(k.to_owned(), Value::from(v.as_str()));
        }
    }
    if !notes.is_empty() {
        record.insert("notes".to_owned(), Value::from(notes));
    }
    pages.push(Value::Object(record));
    pages.sort_by_key(file_of);
    let mut root = Map::new();
    root.insert("pages".to_owned(), Value::Array(pages));
    let mut text = serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_file_is_named_by_its_module() {
        let named = [overrides::FILE, PROVENANCE_FILE, retired::FILE];
        assert_eq!(named, freshness::DATA_FILES);
        assert_eq!(named, ["overrides.json", "provenance.json", "retired.json"]);
    }
}
