//! The generator behind [`infobip-codes`](https://docs.rs/infobip-codes): it reads Infobip's
//! "Response status and error codes" page and writes typed Rust.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! page bytes ─parse─▶ Outline ─structure─▶ Catalog ─resolve─▶ Catalog ─validate─▶ Catalog ─names─▶ Names ─emit─▶ Rust / JSON / CSV
//!   (one reader per form)   (model: the one contract)  (changes it)      (only reads it)    (Rust names, pins)   (writers never read pages)
//! ```
//!
//! The committed decisions of `docs-source/overrides.json` (pins, duplicates) are not
//! poured into the catalog: they stay beside it, in the [`Reading`], and go to the stages
//! that use them (`resolve`, `validate` and `names`).
//!
//! - `parse`: one reader per input form (readme.io markdown, flattened text, crawler
//!   capture, HTML, text saved from a browser), all producing one outline; `parse::structure` turns outlines into
//!   the catalog, accounting for every table row.
//! - [`model`]: the [`model::Catalog`]; [`class`]: what each group means (pending,
//!   delivered, failed, no error), and so which statuses are final.
//! - `resolve`: the one stage that changes the merged catalog: codes listed twice, and
//!   the retired codes the crate keeps.
//! - `validate`: checks across pages (group ids, letter case, pins); it only reads.
//! - `names`: the Rust name of every channel, group, code and enum, with the pins.
//! - `emit`: the Rust source of the crate ([`generate`]), and JSON/CSV exports
//!   ([`export`]).
//! - [`committed`]: the one writer of the committed `src/generated.rs`;
//!   [`freshness`] the check that the crate's build script shares; [`facts`] reads a
//!   generated source back, for the version gate to compare two of them.
//!
//! The build script of `infobip-codes` (with its `regenerate` feature) and the maintainer
//! CLI (`cargo codes`, feature `cli`) are thin drivers over [`read`] and [`build`].
//!
//! ```
//! use infobip_codes_codegen::{build, Inputs, PageInput};
//!
//! let page = "## General status codes\n\
//!             ### DELIVERED (group id: 3) - general status codes\n\
//!             Message delivered.\n\
//!             |Id|Status|\n|-|-|\n\
//!             |5|`DELIVERED_TO_HANDSET`<ul><li>Message delivered to handset</li></ul>|\n";
//! let generated = build(&Inputs::pages(vec![PageInput::new("page.md", page)])).expect("valid page");
//! assert_eq!(generated.catalog.codes[0].name, "DELIVERED_TO_HANDSET");
//! assert!(generated.source.contains("DeliveredToHandset"));
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod class;
#[cfg(feature = "cli")]
pub mod cli;
pub mod committed;
pub mod diag;
#[cfg(feature = "cli")]
pub mod diff;
mod doc_text;
pub mod docs_source;
mod emit;
#[cfg(feature = "cli")]
pub mod facts;
pub mod freshness;
mod json;
pub mod model;
mod names;
mod overrides;
mod parse;
#[cfg(feature = "cli")]
pub mod refresh;
mod resolve;
mod retired;
mod validate;
#[cfg(feature = "cli")]
pub mod vendor;

pub use emit::export;
pub use emit::rust::generate;
pub use parse::flattened::unflatten;
pub use parse::ReadOptions;

use diag::Diagnostics;
use model::Catalog;
use overrides::Overrides;

/// One page to read: its bytes and how to name it in diagnostics.
#[derive(Clone, Debug, Default)]
pub struct PageInput {
    /// The path shown in diagnostics and in the generated header (keep it relative).
    pub path: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
    /// Reader options (the page's address for relative links).
    pub options: ReadOptions,
    /// When the page was retrieved, from its provenance record.
    pub retrieved: Option<String>,
    /// The SHA-256 of `bytes` when already computed (lowercase hex); computed if `None`.
    pub sha256: Option<String>,
}

impl PageInput {
    /// A page from memory, with default options.
    pub fn new(path: impl Into<String>, contents: impl Into<Vec<u8>>) -> Self {
        PageInput {
            path: path.into(),
            bytes: contents.into(),
            ..PageInput::default()
        }
    }
}

/// Everything the generator reads: the pages and the committed decisions about them.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    /// The pages, merged into one catalog.
    pub pages: Vec<PageInput>,
    /// Pinned names and duplicate resolutions (`docs-source/overrides.json`).
    pub(crate) overrides: Overrides,
    /// Codes the page no longer lists, kept as deprecated (`docs-source/retired.json`).
    pub(crate) retired: Vec<model::Code>,
    /// Every file read, with its digest, for the generated file's header: the pages and
    /// the committed files about them. Empty means the pages alone.
    pub(crate) files: Vec<freshness::Input>,
}

impl Inputs {
    /// Pages alone, without overrides or retired codes.
    pub fn pages(pages: Vec<PageInput>) -> Self {
        Inputs {
            pages,
            ..Inputs::default()
        }
    }

    /// The files the generated source is made from, with their digests, as its header
    /// records them.
    pub fn digests(&self) -> Vec<freshness::Input> {
        if !self.files.is_empty() {
            return self.files.clone();
        }
        self.pages
            .iter()
            .map(|p| freshness::Input {
                path: p.path.clone(),
                sha256: p
                    .sha256
                    .clone()
                    .unwrap_or_else(|| freshness::sha256_hex(&p.bytes)),
            })
            .collect()
    }
}

/// What reading the pages gave: the merged catalog and every diagnostic.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    /// All codes read, merged across pages, in canonical order.
    pub catalog: Catalog,
    /// The committed decisions the catalog was resolved and is named with: pinned
    /// variant names and duplicate resolutions.
    pub(crate) overrides: Overrides,
    /// Errors and warnings, sorted by location.
    pub diagnostics: Diagnostics,
    /// The files read, with their digests: what the generated source's header records.
    pub inputs: Vec<freshness::Input>,
}

impl Reading {
    /// The Rust names of the catalog, with the pins of the overrides.
    #[cfg(feature = "cli")]
    pub(crate) fn names(&self) -> names::Names<'_> {
        names::Names::new(&self.catalog, &self.overrides)
    }

    /// The generated Rust source of this reading. Fails with the reading's diagnostics
    /// when they hold an error.
    pub fn source(&self) -> Result<String, Diagnostics> {
        if self.diagnostics.has_errors() {
            return Err(self.diagnostics.clone());
        }
        emit::rust::generate(self).map_err(|e| {
            let at = self
                .inputs
                .first()
                .map_or("docs-source", |i| i.path.as_str());
            let mut d = Diagnostics::default();
            d.push(
                diag::Diagnostic::error(
                    diag::Location::new(at, 1, 1),
                    format!("internal error: the generated code is not a Rust file: {e}"),
                )
                .with_hint(
                    "this is a bug of infobip-codes-codegen; please report it with the page",
                ),
            );
            d
        })
    }
}

/// Reads and validates the inputs: parse each page, merge, resolve (duplicates, retired
/// codes), validate with the pins. The catalog is only fit for generation when the
/// diagnostics hold no error.
pub fn read(inputs: &Inputs) -> Reading {
    let mut diagnostics = Diagnostics::default();
    let mut catalog = Catalog::default();
    for page in &inputs.pages {
        let sha = page
            .sha256
            .clone()
            .unwrap_or_else(|| freshness::sha256_hex(&page.bytes));
        let mut one = parse::read_page(
            &page.path,
            &page.bytes,
            sha,
            &page.options,
            &mut diagnostics,
        );
        for s in &mut one.sources {
            s.retrieved = page.retrieved.clone();
        }
        catalog.merge(one);
    }
    diagnostics.extend(resolve::resolve(
        &mut catalog,
        &inputs.overrides,
        &inputs.retired,
    ));
    diagnostics.extend(validate::validate(&catalog, &inputs.overrides));
    diagnostics.sort();
    Reading {
        catalog,
        overrides: inputs.overrides.clone(),
        diagnostics,
        inputs: inputs.digests(),
    }
}

/// The generated crate source, with the catalog it came from and any warnings.
#[derive(Clone, Debug)]
pub struct Generated {
    /// The Rust source: `src/generated.rs` of `infobip-codes`, headed by the inputs it
    /// was made from (see [`freshness`]).
    pub source: String,
    /// The catalog it was generated from.
    pub catalog: Catalog,
    /// Warnings (suspicious but valid input).
    pub warnings: Diagnostics,
}

/// Runs the whole pipeline. Fails with every located error when any page is refused.
pub fn build(inputs: &Inputs) -> Result<Generated, Diagnostics> {
    let reading = read(inputs);
    let source = reading.source()?;
    Ok(Generated {
        source,
        catalog: reading.catalog,
        warnings: reading.diagnostics,
    })
}
