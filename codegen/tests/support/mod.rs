//! What several of the generator's tests share.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A fresh folder `infobip-codes-{tag}-{pid}` in the temporary directory, with a copy of
/// the repository's `docs-source/`.
pub fn project_with_docs_source(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("infobip-codes-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("docs-source")).unwrap();
    for entry in std::fs::read_dir(root().join("docs-source")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            dir.join("docs-source").join(entry.file_name()),
        )
        .unwrap();
    }
    dir
}
