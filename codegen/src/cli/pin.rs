//! `cargo codes pin`: record every current variant name in the docs folder's
//! `overrides.json`, so that later refreshes of the page keep them.

use super::folder::{self, Folder, Pages};
use super::{Error, ExitStatus};
use crate::diag::Diagnostics;
use crate::names::Names;
use crate::{docs_source, generated, overrides};
use std::io::Write;
use std::path::Path;

const AFTER_HELP: &str = concat!(
    "\
Examples:
  cargo codes pin                           after saving a page into docs-source/ by hand
  cargo codes pin --docs ../fork/docs-source

",
    exit_status!()
);

/// `pin`'s arguments: none but `--docs`.
#[derive(clap::Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub(super) struct Args {}

pub(super) fn run(_: &Args, docs: Option<&Path>, out: &mut dyn Write) -> Result<ExitStatus, Error> {
    let folder = Folder::locate(docs)?;
    let reading = folder::read_clean(docs, &Pages::default())?;
    let mut diags = Diagnostics::default();
    let mut pins = docs_source::load_overrides(&folder.dir, &folder.shown, &mut diags);
    if diags.has_errors() {
        return Err(Error::Refused(diags));
    }
    let before = pins.variants.len();
    for (key, name) in Names::new(&reading.catalog).pins() {
        pins.variants.entry(key).or_insert(name);
    }
    let added = pins.variants.len() - before;
    let path = folder.dir.join(overrides::FILE);
    generated::write_atomically(&path, pins.to_json().as_bytes())
        .map_err(|e| Error::Write(path.clone(), e))?;
    // The generated source records overrides.json's digest: keep it fresh.
    let root = folder.root();
    if generated::path(&root).is_file() {
        generated::ensure(&root, generated::Mode::Write)?;
    }
    writeln!(
        out,
        "pinned {added} new variant name(s); {} pinned in {}/{}",
        pins.variants.len(),
        folder.shown,
        overrides::FILE
    )?;
    Ok(ExitStatus::Success)
}
