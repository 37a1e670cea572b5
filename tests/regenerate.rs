//! Editing the vendored page regenerates the crate; a broken edit fails the build with a
//! located error. Builds a copy of the package in a temporary folder with cargo.

use std::path::{Path, PathBuf};
use std::process::Command;

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

struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn probe(dir: &Path) -> (bool, String, String) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["run", "--quiet", "--offline", "--bin", "probe"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_edited_page_gives_an_edited_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("infobip-codes-regenerate-{}", std::process::id()));
    let _cleanup = Scratch(dir.clone());
    std::fs::create_dir_all(dir.join("src")).unwrap();
    for file in ["Cargo.toml", "Cargo.lock", "build.rs", "README.md"] {
        if root.join(file).exists() {
            std::fs::copy(root.join(file), dir.join(file)).unwrap();
        }
    }
    for tree in [
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
    std::fs::write(
        dir.join("src/bin/probe.rs"),
        r#"fn main() {
    let mars = infobip_codes::StatusCode::from_name("DELIVERED_TO_MARS");
    let facts = mars.map(|c| (c.id(), c.description(), c.group()));
    println!("{} {facts:?}", infobip_codes::StatusCode::ALL.len());
}
"#,
    )
    .unwrap();

    let (ok, stdout, stderr) = probe(&dir);
    assert!(ok, "{stderr}");
    assert_eq!(stdout.trim(), "40 None");

    let page_path = dir.join("docs-source/response-status-and-error-codes.md");
    let page = std::fs::read_to_string(&page_path).unwrap();
    let anchor = "|5|`DELIVERED_TO_HANDSET`";
    let at = page.find(anchor).unwrap();
    let line_end = at + page[at..].find('\n').unwrap() + 1;
    let row = "|99|`DELIVERED_TO_MARS`<ul><li>Delivered to a handset on Mars.</li></ul>|\n";
    let edited = format!("{}{row}{}", &page[..line_end], &page[line_end..]);
    std::fs::write(&page_path, &edited).unwrap();

    let (ok, stdout, stderr) = probe(&dir);
    assert!(ok, "{stderr}");
    assert_eq!(
        stdout.trim(),
        "41 Some((99, \"Delivered to a handset on Mars.\", Some(Delivered)))"
    );

    let line = edited[..line_end].lines().count() + 1;
    std::fs::write(
        &page_path,
        edited.replace("|99|`DELIVERED_TO_MARS`", "|9x9|`DELIVERED_TO_MARS`"),
    )
    .unwrap();
    let (ok, _, stderr) = probe(&dir);
    assert!(!ok, "a broken page must fail the build");
    let expected = format!(
        "docs-source/response-status-and-error-codes.md:{line}:2: error: non-numeric id `9x9`"
    );
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in:\n{stderr}"
    );
}
