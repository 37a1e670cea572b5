//! `cargo codes pin`: record every current variant name in the docs folder's
//! `overrides.json`, so that later refreshes of the page keep them.

use super::folder::{self, Folder, Pages};
use super::{Context, Error, ExitStatus};
use crate::diag::Diagnostics;
use crate::{committed, docs_source, overrides};

const AFTER_HELP: &str = after_help!(
    "  cargo codes pin                           after saving a page into docs-source/ by hand
  cargo codes pin --docs ../fork/docs-source"
);

/// Record every current variant name in the docs folder's overrides.json
///
/// Later refreshes of the page keep the names pinned there. src/generated.rs, which
/// records the digest of overrides.json, is regenerated to stay fresh.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment, after_help = AFTER_HELP)]
pub(super) struct Args {}

pub(super) fn run(_: &Args, cx: Context<'_>) -> Result<ExitStatus, Error> {
    let Context { docs_dir, out, .. } = cx;
    let reading = folder::read_clean(docs_dir, &Pages::default())?;
    let folder = Folder::locate(docs_dir)?;
    let mut diags = Diagnostics::default();
    let mut pins = docs_source::load_overrides(&folder.dir, &folder.shown, &mut diags);
    if diags.has_errors() {
        return Err(Error::Refused(diags));
    }
    let before = pins.variants.len();
    for (key, name) in reading.names().pins() {
        pins.variants.entry(key).or_insert(name);
    }
    let added = pins.variants.len() - before;
    let path = folder.dir.join(overrides::FILE);
    committed::write_atomically(&path, pins.to_json().as_bytes())
        .map_err(|e| Error::Write(path.clone(), e))?;
    // The generated source records overrides.json's digest: keep it fresh.
    let root = folder.root();
    if committed::path(&root).is_file() {
        committed::ensure(&root, committed::Mode::Write)?;
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
