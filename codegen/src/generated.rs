//! The committed generated source of `infobip-codes`: `src/generated.rs`, generated from
//! the package's `docs-source/`. The one place that writes it.
//!
//! [`ensure`] is what `cargo codes generate --write` and `--check` run, and what the
//! crate's freshness test runs (rust-analyzer's `ensure_file_contents`): in check mode a
//! stale file is reported with the first lines that differ; in write mode it is
//! rewritten, only when its contents change.

use crate::diag::Diagnostics;
use crate::freshness::{DOCS_DIR, GENERATED_FILE};
use crate::{docs_source, read, Reading};
use std::fmt;
use std::path::{Path, PathBuf};

/// The path of the committed generated file of the package at `root`.
pub fn path(root: &Path) -> PathBuf {
    root.join(GENERATED_FILE)
}

/// Reads the package's `docs-source/`, as the build script and the header see it (paths
/// shown as `docs-source/NAME`).
pub fn read_package(root: &Path) -> Reading {
    let mut diags = Diagnostics::default();
    let inputs = docs_source::load_dir(&root.join(DOCS_DIR), DOCS_DIR, &mut diags);
    let mut reading = read(&inputs);
    diags.extend(reading.diagnostics);
    diags.sort();
    reading.diagnostics = diags;
    reading
}

/// Check the committed file, or write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Compare only.
    Check,
    /// Rewrite the file when it differs.
    Write,
}

/// What [`ensure`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The committed file is what the generator writes.
    Fresh,
    /// The file differed (or was missing) and was rewritten.
    Written,
    /// The file differs (check mode): where, as [`first_difference`] shows it.
    Stale(String),
}

/// Why [`ensure`] could not decide.
#[derive(Debug)]
pub enum EnsureError {
    /// The inputs were refused: every located error.
    Refused(Diagnostics),
    /// Reading or writing the file failed.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for EnsureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnsureError::Refused(d) => write!(f, "{d}"),
            EnsureError::Io(path, e) => write!(f, "cannot write {}: {e}", path.display()),
        }
    }
}

impl std::error::Error for EnsureError {}

/// Generates the package's source from its `docs-source/` and checks or writes
/// [`GENERATED_FILE`]. Returns the reading too, for its warnings.
pub fn ensure(root: &Path, mode: Mode) -> Result<(Outcome, Reading), EnsureError> {
    let reading = read_package(root);
    let fresh = reading.source().map_err(EnsureError::Refused)?;
    let file = path(root);
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    if committed == fresh {
        return Ok((Outcome::Fresh, reading));
    }
    let outcome = match mode {
        Mode::Check => Outcome::Stale(first_difference(&committed, &fresh)),
        Mode::Write => {
            write_atomically(&file, fresh.as_bytes()).map_err(|e| EnsureError::Io(file, e))?;
            Outcome::Written
        }
    };
    Ok((outcome, reading))
}

/// Writes `bytes` to `path` through a temporary file beside it and a rename, so that a
/// reader (or an interrupted writer) sees the old file or the new one, never half of one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// The first lines where `committed` and `fresh` differ, with two lines of context, as a
/// unified-diff-like excerpt with line numbers.
pub fn first_difference(committed: &str, fresh: &str) -> String {
    let old: Vec<&str> = committed.lines().collect();
    let new: Vec<&str> = fresh.lines().collect();
    let Some(at) = (0..old.len().max(new.len())).find(|&i| old.get(i) != new.get(i)) else {
        // Only the final line break differs.
        return "the files differ in their final line break\n".to_owned();
    };
    let from = at.saturating_sub(2);
    let mut out = format!("first difference at line {}:\n", at + 1);
    for (i, line) in old.iter().enumerate().take(at).skip(from) {
        out.push_str(&format!("{:>6}   {line}\n", i + 1));
    }
    for line in old.iter().skip(at).take(3) {
        out.push_str(&format!("     - {line}\n"));
    }
    for line in new.iter().skip(at).take(3) {
        out.push_str(&format!("     + {line}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_difference_is_shown_in_context() {
        let old = "a\nb\nc\nd\n";
        let new = "a\nb\nC\nd\n";
        assert_eq!(
            first_difference(old, new),
            "first difference at line 3:\n     1   a\n     2   b\n     - c\n     - d\n     + C\n     + d\n"
        );
        assert_eq!(
            first_difference("a\n", "a"),
            "the files differ in their final line break\n"
        );
        assert_eq!(
            first_difference("", "x\n"),
            "first difference at line 1:\n     + x\n"
        );
    }

    #[test]
    fn writes_replace_the_file_whole() {
        let dir = std::env::temp_dir().join(format!("codegen-write-{}", std::process::id()));
        let file = dir.join("src/generated.rs");
        write_atomically(&file, b"one").unwrap();
        write_atomically(&file, b"two").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"two");
        let leftovers: Vec<_> = std::fs::read_dir(dir.join("src")).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
