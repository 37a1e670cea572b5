//! The release a refresh prepares: the package version in `Cargo.toml` and `Cargo.lock`,
//! and a `CHANGELOG.md` section. Edits are made in the text, one value at a time, so
//! that the rest of each file stays as its authors wrote it; each edit is read back.

use crate::diff::{package_version as version_of, Version};
use std::path::{Path, PathBuf};

/// The package version of the repository's root `Cargo.toml`.
pub(super) fn package_version(root: &Path) -> Result<Version, String> {
    let path = root.join("Cargo.toml");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    version_of(&text).ok_or_else(|| {
        format!(
            "{} has no package version to move (package.version)",
            path.display()
        )
    })
}

/// The new contents of `Cargo.toml`, `Cargo.lock` (when there is one) and `CHANGELOG.md`
/// for a release of `to` (from `from`) whose changelog section is `section`. Only the
/// root package moves: the generator's code did not change, and the root crate's exact
/// requirement on it (`=X.Y.Z`) still holds.
pub(super) fn writes(
    root: &Path,
    from: &Version,
    to: &Version,
    section: &str,
) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    let read = |name: &str| {
        std::fs::read_to_string(root.join(name)).map_err(|e| format!("cannot read {name}: {e}"))
    };
    let manifest = read("Cargo.toml")?;
    let name = package_name(&manifest).ok_or("Cargo.toml has no package.name")?;
    let mut writes = vec![(
        PathBuf::from("Cargo.toml"),
        set_manifest_version(&manifest, from, to)?.into_bytes(),
    )];
    if root.join("Cargo.lock").is_file() {
        let lock = read("Cargo.lock")?;
        writes.push((
            PathBuf::from("Cargo.lock"),
            set_lock_version(&lock, &name, from, to)?.into_bytes(),
        ));
    }
    let changelog = if root.join("CHANGELOG.md").is_file() {
        read("CHANGELOG.md")?
    } else {
        "# Changelog\n".to_owned()
    };
    writes.push((
        PathBuf::from("CHANGELOG.md"),
        with_section(&changelog, to, section).into_bytes(),
    ));
    Ok(writes)
}

fn package_name(manifest: &str) -> Option<String> {
    let table: toml::Table = manifest.parse().ok()?;
    Some(table.get("package")?.get("name")?.as_str()?.to_owned())
}

/// `Cargo.toml` with `version = "FROM"` of its `[package]` table set to `to`.
fn set_manifest_version(manifest: &str, from: &Version, to: &Version) -> Result<String, String> {
    let mut section = String::new();
    let mut out = String::with_capacity(manifest.len());
    let mut done = false;
    for line in manifest.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            section = trimmed.to_owned();
        }
        if !done && section == "[package]" && is_version_line(trimmed, from) {
            out.push_str(&line.replacen(&from.to_string(), &to.to_string(), 1));
            done = true;
        } else {
            out.push_str(line);
        }
    }
    match (done, version_of(&out)) {
        (true, Some(v)) if v == *to => Ok(out),
        _ => Err(format!(
            "cannot move the version of Cargo.toml: its [package] table has no line `version = \"{from}\"`"
        )),
    }
}

fn is_version_line(line: &str, v: &Version) -> bool {
    line.split_once('=')
        .is_some_and(|(key, value)| key.trim() == "version" && value.trim() == format!("\"{v}\""))
}

/// `Cargo.lock` with the version of the package `name` set to `to`.
fn set_lock_version(
    lock: &str,
    name: &str,
    from: &Version,
    to: &Version,
) -> Result<String, String> {
    let name_line = format!("name = \"{name}\"");
    let mut out = String::with_capacity(lock.len());
    let mut after_name = false;
    let mut done = false;
    for line in lock.split_inclusive('\n') {
        let trimmed = line.trim();
        if !done && after_name && is_version_line(trimmed, from) {
            out.push_str(&line.replacen(&from.to_string(), &to.to_string(), 1));
            done = true;
        } else {
            out.push_str(line);
        }
        after_name = trimmed == name_line;
    }
    if done {
        Ok(out)
    } else {
        Err(format!(
            "cannot move the version of {name} in Cargo.lock: no `version = \"{from}\"` follows `{name_line}`"
        ))
    }
}

/// `changelog` with `section` (headed `## [VERSION] ...`) where a new release goes: above
/// the first released section, below `## [Unreleased]`. A section of that version
/// already there (from a refresh interrupted and run again) is replaced.
pub(super) fn with_section(changelog: &str, version: &Version, section: &str) -> String {
    let heading = format!("## [{version}]");
    let section = format!("{}\n\n", section.trim_end());
    let mut lines: Vec<&str> = changelog.split_inclusive('\n').collect();
    // Drop a section of this version, up to the next `## ` heading.
    if let Some(start) = lines.iter().position(|l| l.starts_with(&heading)) {
        let end = lines[start + 1..]
            .iter()
            .position(|l| l.starts_with("## "))
            .map_or(lines.len(), |i| start + 1 + i);
        lines.drain(start..end);
    }
    let at = lines
        .iter()
        .position(|l| l.starts_with("## [") && !l.starts_with("## [Unreleased]"))
        .unwrap_or(lines.len());
    let mut out: String = lines[..at].concat();
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(&section);
    out.push_str(&lines[at..].concat());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    #[test]
    fn moves_the_package_version_only() {
        let manifest = "[workspace]\nmembers = [\".\"]\n\n[package]\nname = \"infobip-codes\"\nversion = \"0.1.0\"\n\n[build-dependencies]\ncodegen = { version = \"=0.1.0\" }\n";
        let out = set_manifest_version(manifest, &v("0.1.0"), &v("0.1.1")).unwrap();
        assert_eq!(
            out,
            manifest.replacen("version = \"0.1.0\"\n", "version = \"0.1.1\"\n", 1)
        );
        assert!(set_manifest_version(manifest, &v("0.2.0"), &v("0.2.1")).is_err());
        let lock = "[[package]]\nname = \"infobip-codes\"\nversion = \"0.1.0\"\n\n[[package]]\nname = \"other\"\nversion = \"0.1.0\"\n";
        let out = set_lock_version(lock, "infobip-codes", &v("0.1.0"), &v("0.1.1")).unwrap();
        assert_eq!(
            out,
            "[[package]]\nname = \"infobip-codes\"\nversion = \"0.1.1\"\n\n[[package]]\nname = \"other\"\nversion = \"0.1.0\"\n"
        );
        assert!(set_lock_version(lock, "missing", &v("0.1.0"), &v("0.1.1")).is_err());
    }

    #[test]
    fn a_section_goes_above_the_last_release_once() {
        let log = "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n- work\n\n## [0.1.0] - 2026-11-27\n\n- first\n";
        let section = "## [0.1.1] - page refresh\n\n### Added\n\n- a code\n";
        let once = with_section(log, &v("0.1.1"), section);
        assert_eq!(
            once,
            "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n- work\n\n## [0.1.1] - page refresh\n\n### Added\n\n- a code\n\n## [0.1.0] - 2026-11-27\n\n- first\n"
        );
        // Run again (an interrupted refresh): the section is replaced, not repeated.
        assert_eq!(with_section(&once, &v("0.1.1"), section), once);
        // A changelog without releases gets it at the end.
        assert_eq!(
            with_section("# Changelog\n", &v("0.1.1"), section),
            "# Changelog\n\n## [0.1.1] - page refresh\n\n### Added\n\n- a code\n\n"
        );
    }
}
