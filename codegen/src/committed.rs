//! The committed generated source of `infobip-codes`: `src/generated.rs`, generated from
//! the package's `docs-source/`. The one place that writes it.
//!
//! [`ensure`] is what `cargo codes generate --write` and `--check` run, and what the
//! crate's freshness test runs (rust-analyzer's `ensure_file_contents`): in check mode a
//! stale file is reported with the first lines that differ; in write mode it is
//! rewritten, only when its contents change.

use crate::diag::Diagnostics;
use crate::freshness::{changes, recorded_inputs, Change, DOCS_DIR, GENERATED_FILE};
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
pub enum Ensured {
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
pub fn ensure(root: &Path, mode: Mode) -> Result<(Ensured, Reading), EnsureError> {
    let reading = read_package(root);
    let fresh = reading.source().map_err(EnsureError::Refused)?;
    let file = path(root);
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    if committed == fresh {
        return Ok((Ensured::Fresh, reading));
    }
    let outcome = match mode {
        Mode::Check => Ensured::Stale(first_difference(&committed, &fresh)),
        Mode::Write => {
            write_atomically(&file, fresh.as_bytes()).map_err(|e| EnsureError::Io(file, e))?;
            Ensured::Written
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

/// How `committed` differs from `fresh`: the inputs whose digests the headers record
/// differently, then the first changed lines of the code below the headers, with two
/// lines of context, as a unified-diff-like excerpt with line numbers.
pub fn first_difference(committed: &str, fresh: &str) -> String {
    let mut out = String::new();
    match (recorded_inputs(committed), recorded_inputs(fresh)) {
        (Some(old), Some(new)) => {
            for change in changes(&old, &new) {
                out.push_str(&match change {
                    Change::Edited(p) => format!("input changed: {p}\n"),
                    Change::Added(p) => format!("input new:     {p}\n"),
                    Change::Removed(p) => format!("input removed: {p}\n"),
                });
            }
        }
        _ => out.push_str("no `@generated` header records its inputs\n"),
    }
    let (old, new) = (body(committed), body(fresh));
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a.1 == b.1).count();
    if prefix == old.len() && prefix == new.len() {
        if out.is_empty() {
            out.push_str("the files differ in their final line break\n");
        }
        return out;
    }
    let rest = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(rest)
        .take_while(|(a, b)| a.1 == b.1)
        .count();
    let (removed, added) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    let first = removed.first().or(added.first()).map_or(0, |(n, _)| *n);
    out.push_str(&format!("first difference in the code at line {first}:\n"));
    for (n, text) in &old[prefix.saturating_sub(2)..prefix] {
        out.push_str(&format!("{n:>6}   {text}\n"));
    }
    for (mark, lines) in [('-', removed), ('+', added)] {
        for (_, text) in lines.iter().take(6) {
            out.push_str(&format!("     {mark} {text}\n"));
        }
        if lines.len() > 6 {
            out.push_str(&format!(
                "     {mark} ... {} more line(s)\n",
                lines.len() - 6
            ));
        }
    }
    out
}

/// The lines below a generated file's header (its leading `//` lines and the blank line
/// after them), with their 1-based line numbers.
fn body(text: &str) -> Vec<(usize, &str)> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l)).peekable();
    while lines.next_if(|(_, l)| l.starts_with("//")).is_some() {}
    lines.next_if(|(_, l)| l.is_empty());
    lines.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_difference_is_shown_in_context() {
        let header = |sha: &str| {
            crate::freshness::header(
                "1.0.0",
                &[crate::freshness::Input {
                    path: "docs-source/page.md".into(),
                    sha256: sha.into(),
                }],
            )
        };
        let old = format!("{}\na\nb\nc\nd\n", header("1"));
        let new = format!("{}\na\nb\nC\nD\nd\n", header("2"));
        let body_start = header("1").lines().count() + 2;
        assert_eq!(
            first_difference(&old, &new),
            format!(
                "input changed: docs-source/page.md\n\
                 first difference in the code at line {}:\n\
                 {:>6}   a\n{:>6}   b\n     - c\n     + C\n     + D\n",
                body_start + 2,
                body_start,
                body_start + 1
            )
        );
        assert_eq!(
            first_difference(&old, old.trim_end()),
            "the files differ in their final line break\n"
        );
        assert_eq!(
            first_difference("", "x\n"),
            "no `@generated` header records its inputs\nfirst difference in the code at line 1:\n     + x\n"
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
