//! The docs folder: finding it, naming it, and reading the pages from it or from the
//! command line, with its provenance, overrides and retired codes.

use super::Error;
use crate::diag::Diagnostics;
use crate::diff::{self, Version};
use crate::docs_source;
use crate::freshness::DOCS_DIR;
use crate::overrides::Overrides;
use crate::{read, Inputs, Reading};
use std::path::{Path, PathBuf};

/// The pages a command reads: those named, or else every page of the docs folder.
#[derive(clap::Args, Debug, Default)]
pub(super) struct Pages {
    /// Pages to read (markdown or HTML) instead of the docs folder's
    #[arg(value_name = "PAGE")]
    pub(super) pages: Vec<String>,
    /// The canonical address of the PAGE(s) given, the base of their relative links
    #[arg(long, visible_alias = "url", value_name = "URL")]
    pub(super) canonical_url: Option<String>,
}

impl Pages {
    /// Whether the pages read are the docs folder's: none named, or every one inside it.
    pub(super) fn of_docs_folder(&self, docs_dir: Option<&Path>) -> bool {
        self.pages.is_empty() || Folder::locate(docs_dir).is_ok_and(|f| f.holds(&self.pages))
    }
}

/// The folder of vendored pages.
pub(super) struct Folder {
    /// Where it is.
    pub(super) dir: PathBuf,
    /// How messages and diagnostics name it: `--docs` as given, or `docs-source`.
    pub(super) shown: String,
}

impl Folder {
    /// `--docs DIR`, or else `docs-source/` in the nearest directory upwards that has one
    /// next to a `Cargo.toml`.
    pub(super) fn locate(docs_dir: Option<&Path>) -> Result<Folder, Error> {
        if let Some(dir) = docs_dir {
            return Ok(Folder {
                dir: dir.to_path_buf(),
                shown: dir.to_string_lossy().trim_end_matches('/').to_owned(),
            });
        }
        let cwd = std::env::current_dir().map_err(Error::NoCurrentDir)?;
        let dir = cwd
            .ancestors()
            .map(|dir| dir.join(DOCS_DIR))
            .find(|d| d.is_dir() && d.parent().is_some_and(|p| p.join("Cargo.toml").is_file()))
            .ok_or(Error::NoDocsFolder)?;
        Ok(Folder {
            dir,
            shown: DOCS_DIR.to_owned(),
        })
    }

    /// Its file name: the folder of the repository's root it is at any git revision.
    pub(super) fn name(&self) -> String {
        self.dir
            .file_name()
            .map_or_else(|| DOCS_DIR.to_owned(), |n| n.to_string_lossy().into_owned())
    }

    /// The repository root: the folder's parent.
    pub(super) fn root(&self) -> PathBuf {
        self.dir
            .canonicalize()
            .unwrap_or_else(|_| self.dir.clone())
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    /// The package version in the root's `Cargo.toml`, when it has one.
    pub(super) fn package_version(&self) -> Option<Version> {
        std::fs::read_to_string(self.root().join("Cargo.toml"))
            .ok()
            .and_then(|t| diff::package_version(&t))
    }

    /// Whether every one of `pages` is inside the folder.
    fn holds(&self, pages: &[String]) -> bool {
        let dir = self.dir.canonicalize().unwrap_or_else(|_| self.dir.clone());
        pages.iter().all(|p| {
            Path::new(p)
                .canonicalize()
                .is_ok_and(|p| p.starts_with(&dir))
        })
    }

    /// Every page of the folder, with its provenance, overrides and retired codes.
    pub(super) fn load(&self, diags: &mut Diagnostics) -> Inputs {
        docs_source::load_dir(&self.dir, &self.shown, diags)
    }
}

/// Reads the pages named on the command line, or else the docs folder's. The docs
/// folder's provenance applies either way, and its overrides and retired codes when every
/// PAGE is one of its pages (they belong to them).
pub(super) fn read_pages(docs_dir: Option<&Path>, pages: &Pages) -> Result<Reading, Error> {
    let mut diags = Diagnostics::default();
    let inputs = if pages.pages.is_empty() {
        Folder::locate(docs_dir)?.load(&mut diags)
    } else {
        named_pages(Folder::locate(docs_dir).ok(), pages, &mut diags)
    };
    let mut reading = read(&inputs);
    diags.extend(reading.diagnostics);
    diags.sort();
    reading.diagnostics = diags;
    Ok(reading)
}

/// The PAGE(s) of the command line as inputs, with what `folder` knows of them.
fn named_pages(folder: Option<Folder>, pages: &Pages, diags: &mut Diagnostics) -> Inputs {
    let all_inside = folder.as_ref().is_some_and(|f| f.holds(&pages.pages));
    let (records, overrides, retired) = match &folder {
        Some(f) => {
            let records = docs_source::read_provenance(&f.dir, &f.shown, diags);
            if all_inside {
                let overrides = docs_source::load_overrides(&f.dir, &f.shown, diags);
                let retired = docs_source::load_retired(&f.dir, &f.shown, diags);
                (records, overrides, retired)
            } else {
                (records, Overrides::default(), Vec::new())
            }
        }
        None => (Vec::new(), Overrides::default(), Vec::new()),
    };
    let pages = pages
        .pages
        .iter()
        .filter_map(|p| {
            let path = Path::new(p);
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let record = records.iter().find(|r| r.file == name);
            let mut page = docs_source::load_file(path, p, record, diags)?;
            if pages.canonical_url.is_some() {
                page.options.page_url = pages.canonical_url.clone();
            }
            Some(page)
        })
        .collect();
    Inputs {
        pages,
        overrides,
        retired,
        files: Vec::new(),
    }
}

/// Like [`read_pages`], and refuses a reading with errors.
pub(super) fn read_clean(docs_dir: Option<&Path>, pages: &Pages) -> Result<Reading, Error> {
    let reading = read_pages(docs_dir, pages)?;
    if reading.diagnostics.has_errors() {
        return Err(Error::Refused(reading.diagnostics));
    }
    Ok(reading)
}

/// The generated source of a reading without errors.
pub(super) fn source(reading: &Reading) -> Result<String, Error> {
    reading.source().map_err(Error::Refused)
}

/// A page or a folder named on the command line, on its own.
pub(super) fn inputs_of(path: &str, diags: &mut Diagnostics) -> Inputs {
    let p = Path::new(path);
    if p.is_dir() {
        docs_source::load_dir(p, path.trim_end_matches('/'), diags)
    } else {
        Inputs::pages(
            docs_source::load_file(p, path, None, diags)
                .into_iter()
                .collect(),
        )
    }
}
