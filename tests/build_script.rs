//! The build script builds from any checkout: its freshness check is a file of its own
//! (no symbolic link), the generator's byte for byte, and it survives line-end
//! conversion. The clones are of HEAD: uncommitted changes are not in them.

use infobip_codes_codegen::freshness::{self, Change, Stale};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary folder, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("infobip-codes-build-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_build_scripts_check_is_the_generators_byte_for_byte() {
    // rust-analyzer's way: a stale copy is rewritten, and the test fails until it is
    // committed.
    let source = std::fs::read(root().join("codegen/src/freshness/check.rs")).unwrap();
    let copy_path = root().join("build/freshness.rs");
    let meta = std::fs::symlink_metadata(&copy_path).unwrap();
    assert!(
        !meta.file_type().is_symlink(),
        "build/freshness.rs must be a file, not a symbolic link"
    );
    if std::fs::read(&copy_path).unwrap() != source {
        std::fs::write(&copy_path, &source).unwrap();
        panic!(
            "build/freshness.rs differed from codegen/src/freshness/check.rs; it is now a \
             copy of it: commit it"
        );
    }
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs (these tests clone the repository)");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_repository_holds_no_symbolic_link() {
    // The package's files are among the committed ones.
    let links: Vec<String> = git(root(), &["ls-files", "--stage"])
        .lines()
        .filter(|l| l.starts_with("120000 "))
        .map(str::to_owned)
        .collect();
    assert!(links.is_empty(), "symbolic links: {links:?}");
}

/// Clones HEAD with `config` into a scratch folder, checks the checkout with `inspect`,
/// and builds it offline with default features.
fn clone_and_build(tag: &str, config: &str, inspect: impl FnOnce(&Path)) {
    let scratch = Scratch::new(tag);
    let clone = scratch.0.join("clone");
    let out = Command::new("git")
        .args(["-c", config, "clone", "--quiet", "--no-hardlinks"])
        .arg(root())
        .arg(&clone)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git clone: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    inspect(&clone);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "build",
            "--offline",
            "--locked",
            "--package",
            "infobip-codes",
        ])
        .current_dir(&clone)
        .env("CARGO_TARGET_DIR", scratch.0.join("target"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "`git -c {config} clone` of HEAD, then `cargo build`, failed (uncommitted changes \
         are not in the clone):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_clone_without_symbolic_links_builds() {
    clone_and_build("nosymlinks", "core.symlinks=false", |clone| {
        let check = std::fs::read(clone.join("build/freshness.rs")).unwrap();
        let source = std::fs::read(clone.join("codegen/src/freshness/check.rs")).unwrap();
        assert_eq!(check, source);
    });
}

#[test]
fn a_clone_that_writes_crlf_line_ends_builds() {
    clone_and_build("crlf", "core.autocrlf=true", |clone| {
        let crlf = |rel: &str| {
            std::fs::read(clone.join(rel))
                .unwrap()
                .windows(2)
                .any(|w| w == b"\r\n")
        };
        // The conversion happened (so this clone is what Git for Windows checks out)...
        assert!(crlf("build.rs") && crlf("README.md"));
        // ...except where .gitattributes keeps the bytes.
        assert!(!crlf("src/generated.rs"));
        assert!(!crlf("docs-source/response-status-and-error-codes.md"));
    });
}

/// Every line end of the file at `path` turned into CRLF.
fn to_crlf(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(!text.contains('\r'));
    std::fs::write(path, text.replace('\n', "\r\n")).unwrap();
}

#[test]
fn a_package_whose_line_ends_became_crlf_is_still_fresh() {
    // Without .gitattributes' help: what an editor or an archive tool may do.
    let scratch = Scratch::new("crlf-package");
    let package = &scratch.0;
    std::fs::create_dir_all(package.join("src")).unwrap();
    std::fs::create_dir_all(package.join(freshness::DOCS_DIR)).unwrap();
    std::fs::copy(
        root().join(freshness::GENERATED_FILE),
        package.join(freshness::GENERATED_FILE),
    )
    .unwrap();
    to_crlf(&package.join(freshness::GENERATED_FILE));
    let mut inputs = Vec::new();
    for entry in std::fs::read_dir(root().join(freshness::DOCS_DIR)).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        let copy = package.join(freshness::DOCS_DIR).join(&name);
        std::fs::copy(entry.path(), &copy).unwrap();
        to_crlf(&copy);
        inputs.push(name);
    }
    assert!(inputs.iter().any(|n| freshness::is_page(n)));
    assert_eq!(freshness::check(package), Ok(()));

    // An edit is still one.
    let page = package
        .join(freshness::DOCS_DIR)
        .join("response-status-and-error-codes.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replacen("PENDING", "PENDING_", 1)).unwrap();
    assert_eq!(
        freshness::check(package),
        Err(Stale::Changed(vec![Change::Edited(
            "docs-source/response-status-and-error-codes.md".into()
        )]))
    );
}
