//! Git, the one place the command line runs it: the docs folder and `Cargo.toml` as they
//! were at a revision, for `diff --base`.

use crate::docs_source::DocFile;
use std::fmt;
use std::path::Path;
use std::process::Command;

/// Why git could not answer.
#[derive(Debug)]
pub(super) enum Error {
    /// git could not be started.
    Spawn(std::io::Error),
    /// git ran and failed: its arguments and what it said.
    Failed { args: String, stderr: String },
    /// The revision names no commit of the repository.
    NotARevision(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Spawn(e) => write!(f, "cannot run git: {e}"),
            Error::Failed { args, stderr } => write!(f, "git {args} failed: {stderr}"),
            Error::NotARevision(rev) => write!(f, "`{rev}` is not a revision of the repository"),
        }
    }
}

/// A repository, by the folder git runs in.
pub(super) struct Repo<'a> {
    root: &'a Path,
}

impl<'a> Repo<'a> {
    /// The repository that holds `root`.
    pub(super) fn at(root: &'a Path) -> Repo<'a> {
        Repo { root }
    }

    /// Runs git; its standard output.
    fn git(&self, args: &[&str]) -> Result<Vec<u8>, Error> {
        let out = Command::new("git")
            .arg("-C")
            .arg(self.root)
            .args(args)
            .output()
            .map_err(Error::Spawn)?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(Error::Failed {
                args: args.join(" "),
                stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
            })
        }
    }

    /// The files directly in `folder/` at revision `rev` (none when it has none).
    pub(super) fn files_at(&self, rev: &str, folder: &str) -> Result<Vec<DocFile>, Error> {
        self.git(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .map_err(|_| Error::NotARevision(rev.to_owned()))?;
        let prefix = format!("{folder}/");
        let listing = self.git(&["ls-tree", "--name-only", rev, "--", &prefix])?;
        let mut files = Vec::new();
        for path in String::from_utf8_lossy(&listing).lines() {
            let Some(name) = path.strip_prefix(&prefix) else {
                continue;
            };
            if name.contains('/') {
                continue;
            }
            files.push(DocFile {
                name: name.to_owned(),
                bytes: self.show(rev, path)?,
            });
        }
        Ok(files)
    }

    /// The file at `path` (from the repository's root) at revision `rev`.
    pub(super) fn show(&self, rev: &str, path: &str) -> Result<Vec<u8>, Error> {
        self.git(&["show", &format!("{rev}:{path}")])
    }
}
