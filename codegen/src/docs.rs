//! The vendored pages in `docs-source/` and their provenance record.
//!
//! `docs-source/provenance.json` says where each page came from:
//!
//! ```json
//! {"pages": [{"file": "response-status-and-error-codes.md",
//!             "url": "https://dev.infobip.com/getting-started/response-status-and-error-codes",
//!             "retrieved": "2026-11-27", "sha256": "…", "notes": "…"}]}
//! ```
//!
//! The `url` is also the base for the page's relative links.

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::json;
use crate::overrides::{self, Overrides};
use crate::parse::ReadOptions;
use crate::sha256;
use crate::{Inputs, PageInput};
use std::path::Path;

/// The provenance file's name inside `docs-source/`.
pub const PROVENANCE_FILE: &str = "provenance.json";

/// File extensions read as pages. HTML pages are always picked up, so that a build
/// without the `html` feature says which feature it needs instead of ignoring them.
pub const PAGE_EXTENSIONS: [&str; 4] = ["md", "markdown", "html", "htm"];

/// Where one vendored page came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The page's file name inside `docs-source/`.
    pub file: String,
    /// Where it was published.
    pub url: Option<String>,
    /// When it was retrieved.
    pub retrieved: Option<String>,
    /// The sha256 of the file when it was vendored.
    pub sha256: Option<String>,
}

/// Reads `docs-source/provenance.json`; a missing file is an empty record.
pub fn read_provenance(dir: &Path, display_dir: &str, diags: &mut Diagnostics) -> Vec<Provenance> {
    let path = dir.join(PROVENANCE_FILE);
    let display = format!("{display_dir}/{PROVENANCE_FILE}");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let value = match json::parse(&text) {
        Ok(v) => v,
        Err(e) => {
            let at = crate::diag::LineIndex::new(&display, &text).locate(&text, e.offset);
            diags.push(
                Diagnostic::error(at, format!("invalid provenance JSON: {}", e.message))
                    .with_hint("provenance.json is {\"pages\": [{\"file\", \"url\", \"retrieved\", \"sha256\"}]}"),
            );
            return Vec::new();
        }
    };
    let field =
        |v: &json::Value, k: &str| v.get(k).and_then(json::Value::as_str).map(str::to_owned);
    value
        .get("pages")
        .and_then(json::Value::as_array)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| {
            Some(Provenance {
                file: field(p, "file")?,
                url: field(p, "url"),
                retrieved: field(p, "retrieved"),
                sha256: field(p, "sha256"),
            })
        })
        .collect()
}

/// Whether `path` is a page file by its extension.
pub fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.iter().any(|p| e.eq_ignore_ascii_case(p)))
}

/// Loads every page in `dir`, sorted by file name, and the overrides file. Paths in
/// diagnostics and in the generated header read `display_dir/FILE`, so they do not depend
/// on the machine.
pub fn load_dir(dir: &Path, display_dir: &str, diags: &mut Diagnostics) -> Inputs {
    Inputs {
        pages: load_pages(dir, display_dir, diags),
        overrides: load_overrides(dir, display_dir, diags),
    }
}

/// Reads `docs-source/overrides.json`; a missing file is no overrides.
pub fn load_overrides(dir: &Path, display_dir: &str, diags: &mut Diagnostics) -> Overrides {
    let display = format!("{display_dir}/{}", overrides::FILE);
    match std::fs::read_to_string(dir.join(overrides::FILE)) {
        Ok(text) => Overrides::parse(&display, &text, diags),
        Err(_) => Overrides {
            path: display,
            ..Overrides::default()
        },
    }
}

/// Loads every page in `dir`, sorted by file name.
pub fn load_pages(dir: &Path, display_dir: &str, diags: &mut Diagnostics) -> Vec<PageInput> {
    let provenance = read_provenance(dir, display_dir, diags);
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    Location::new(display_dir, 1, 1),
                    format!("cannot read the pages folder: {e}"),
                )
                .with_hint("docs-source/ holds the vendored page(s) the crate is generated from"),
            );
            return Vec::new();
        }
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && is_page(p))
        .collect();
    files.sort();
    let pages: Vec<PageInput> = files
        .iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            let display = format!("{display_dir}/{name}");
            let record = provenance.iter().find(|p| p.file == name);
            load_file(path, &display, record, diags)
        })
        .collect();
    if pages.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error(Location::new(display_dir, 1, 1), "no pages to read")
                .with_hint(format!(
                    "vendor the page as a .md file in {display_dir}/ (see README.md, \"Refreshing the page\")"
                )),
        );
    }
    pages
}

/// Loads one page file, with its provenance record when there is one.
pub fn load_file(
    path: &Path,
    display: &str,
    record: Option<&Provenance>,
    diags: &mut Diagnostics,
) -> Option<PageInput> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(
                Location::new(display, 1, 1),
                format!("cannot read page: {e}"),
            ));
            return None;
        }
    };
    if let Some(expected) = record.and_then(|r| r.sha256.as_deref()) {
        let actual = sha256::hex_digest(&bytes);
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
    Some(PageInput {
        path: display.to_owned(),
        bytes,
        options: ReadOptions {
            page_url: record.and_then(|r| r.url.clone()),
        },
        retrieved: record.and_then(|r| r.retrieved.clone()),
    })
}
