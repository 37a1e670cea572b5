//! Putting a refresh's files in place so that an interruption leaves the tree as before
//! or, once the next `cargo codes refresh` runs, as after.
//!
//! Every file is first staged beside its destination (`.NAME.refresh-tmp`); a failure
//! there removes what was staged and leaves the tree as before. Then the journal
//! ([`FILE`], at the repository root) is written: from that moment the refresh is
//! decided. The staged files are renamed into place in the plan's order, the replaced
//! pages removed, and the journal removed last. A run killed after the journal was
//! written is completed by the next refresh ([`resume`]), which renames what is left and
//! tells what the interrupted run would have told.

use super::Changes;
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

/// The journal's file name, at the repository root.
pub const FILE: &str = ".cargo-codes-refresh.json";

/// What the journal records: the renames and removals still to do, and what the
/// refresh tells when it is done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    /// (staged file, destination), relative to the root, in order.
    pub puts: Vec<(String, String)>,
    /// Files to remove after the renames, relative to the root.
    pub removes: Vec<String>,
    /// The refresh's report: what it printed.
    pub report: String,
    /// The pull-request body.
    pub pr_body: String,
    /// The `$GITHUB_OUTPUT` lines.
    pub outputs: String,
}

fn staged(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    dest.with_file_name(format!(".{name}.refresh-tmp"))
}

fn text(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Puts `changes` in place under `root`; `report` is what the refresh prints.
pub fn apply(root: &Path, changes: &Changes, report: &str) -> io::Result<()> {
    apply_interrupted(root, changes, report, usize::MAX)
}

/// [`apply`], stopped after `steps` steps (renames, removals, the journal's removal), as
/// a refresh killed at that moment leaves the tree: what tests of the promise start from.
pub fn apply_interrupted(
    root: &Path,
    changes: &Changes,
    report: &str,
    steps: usize,
) -> io::Result<()> {
    let mut journal = Journal {
        report: report.to_owned(),
        pr_body: changes.pr_body.clone(),
        outputs: changes.outputs.clone(),
        ..Journal::default()
    };
    for (dest, bytes) in &changes.writes {
        let tmp = staged(dest);
        if let Err(e) = std::fs::write(root.join(&tmp), bytes) {
            for (tmp, _) in &journal.puts {
                let _ = std::fs::remove_file(root.join(tmp));
            }
            let _ = std::fs::remove_file(root.join(&tmp));
            return Err(e);
        }
        journal.puts.push((text(&tmp), text(dest)));
    }
    journal.removes = changes.removes.iter().map(|p| text(p)).collect();
    let json = serde_json::to_string_pretty(&journal).map_err(io::Error::other)?;
    let journal_tmp = root.join(format!("{FILE}.tmp"));
    std::fs::write(&journal_tmp, json)?;
    std::fs::rename(&journal_tmp, root.join(FILE))?;
    finish(root, &journal, steps)
}

/// Renames and removes what `journal` lists (what is already done is skipped), then
/// removes the journal; stops after `steps` steps.
fn finish(root: &Path, journal: &Journal, steps: usize) -> io::Result<()> {
    let mut left = steps;
    let mut step = || {
        let go = left > 0;
        left = left.saturating_sub(1);
        go
    };
    for (tmp, dest) in &journal.puts {
        if !step() {
            return Ok(());
        }
        match std::fs::rename(root.join(tmp), root.join(dest)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    for path in &journal.removes {
        if !step() {
            return Ok(());
        }
        match std::fs::remove_file(root.join(path)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    if step() {
        std::fs::remove_file(root.join(FILE))?;
    }
    Ok(())
}

/// Completes a refresh that was interrupted after it was decided: `None` when there is
/// no journal under `root`, else what the interrupted refresh records.
pub fn resume(root: &Path) -> io::Result<Option<Journal>> {
    let path = root.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let journal: Journal = serde_json::from_str(&text).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} is not a refresh journal: {e}; remove it and run the refresh again",
                path.display()
            ),
        )
    })?;
    finish(root, &journal, usize::MAX)?;
    Ok(Some(journal))
}
