//! Builds copies of this package with other pages in docs-source/, with cargo, offline;
//! serves pages on a loopback address (`server`).

#![allow(dead_code)] // each test file uses its own part

pub mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A copy of the package in a temporary folder, removed on drop.
pub struct Copy {
    pub dir: PathBuf,
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == "target") {
            continue;
        }
        let dest = to.join(entry.file_name());
        if path.is_dir() {
            copy_tree(&path, &dest);
        } else {
            std::fs::copy(&path, &dest).unwrap();
        }
    }
}

impl Copy {
    /// Copies the package (and the codegen crate) into a fresh folder named after `tag`,
    /// with `probe` as `src/bin/probe.rs`.
    pub fn new(tag: &str, probe: &str) -> Copy {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = std::env::temp_dir().join(format!("infobip-codes-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for file in ["Cargo.toml", "Cargo.lock", "build.rs", "README.md"] {
            if root.join(file).exists() {
                std::fs::copy(root.join(file), dir.join(file)).unwrap();
            }
        }
        for tree in [
            ".cargo",
            "build",
            "src",
            "codegen",
            "docs-source",
            "tests",
            "examples",
            "benches",
        ] {
            if root.join(tree).is_dir() {
                copy_tree(&root.join(tree), &dir.join(tree));
            }
        }
        std::fs::create_dir_all(dir.join("src/bin")).unwrap();
        std::fs::write(dir.join("src/bin/probe.rs"), probe).unwrap();
        Copy { dir }
    }

    /// Replaces docs-source/ with the given files.
    pub fn docs_source(&self, files: &[(&str, &[u8])]) {
        let docs = self.dir.join("docs-source");
        std::fs::remove_dir_all(&docs).unwrap();
        std::fs::create_dir_all(&docs).unwrap();
        for (name, bytes) in files {
            std::fs::write(docs.join(name), bytes).unwrap();
        }
    }

    /// `cargo codes ARGS` in the copy (the CLI in this process, on the copy's folders):
    /// (exit status, stdout, stderr).
    pub fn codes(&self, args: &[&str]) -> (i32, String, String) {
        let docs = self.dir.join("docs-source");
        let mut all: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        all.extend(["--docs".to_owned(), docs.to_string_lossy().into_owned()]);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = infobip_codes_codegen::cli::run(&all, &mut out, &mut err);
        (
            code,
            String::from_utf8_lossy(&out).into_owned(),
            String::from_utf8_lossy(&err).into_owned(),
        )
    }

    /// `cargo codes generate --write` in the copy: its committed generated source follows
    /// its docs-source/.
    pub fn write_generated(&self) {
        let (code, out, err) = self.codes(&["generate", "--write"]);
        assert_eq!(code, 0, "{out}{err}");
    }

    /// Runs cargo in the copy, offline, with its own target folder.
    pub fn cargo(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.args(args)
            .arg("--offline")
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", self.dir.join("target"))
            .env_remove("RUSTFLAGS")
            .env_remove("RUSTDOCFLAGS");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }

    /// `cargo run --bin probe`: (success, stdout, stderr).
    pub fn probe(&self, features: &[&str]) -> (bool, String, String) {
        let mut args = vec!["run", "--quiet", "--bin", "probe"];
        let joined = features.join(",");
        if !features.is_empty() {
            args.extend(["--features", joined.as_str()]);
        }
        let out = self.cargo(&args, &[]);
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}
