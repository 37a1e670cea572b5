//! Crate versions: what a verdict's [`Level`] makes of the current one.

use super::Level;

/// A crate version (semver's).
pub use semver::Version;

/// Parses `1.2.3`; pre-release and build parts are ignored, since the version gate
/// compares releases.
pub fn parse_version(s: &str) -> Option<Version> {
    let mut v = Version::parse(s.trim()).ok()?;
    v.pre = semver::Prerelease::EMPTY;
    v.build = semver::BuildMetadata::EMPTY;
    Some(v)
}

/// The smallest version that a change of `level` demands after `v`, by Cargo's rules:
/// for `0.y.z` the minor number acts as major and the patch number as minor.
pub fn bump(v: &Version, level: Level) -> Version {
    let (major, minor, patch) = match (level, v.major, v.minor) {
        (Level::None, ..) => (v.major, v.minor, v.patch),
        (Level::Major, 0, 0) | (Level::Minor | Level::Patch, 0, _) => (0, v.minor, v.patch + 1),
        (Level::Major, 0, _) => (0, v.minor + 1, 0),
        (Level::Major, ..) => (v.major + 1, 0, 0),
        (Level::Minor, ..) => (v.major, v.minor + 1, 0),
        (Level::Patch, ..) => (v.major, v.minor, v.patch + 1),
    };
    Version::new(major, minor, patch)
}

/// The version of the package a Cargo.toml describes: `package.version`, or
/// `workspace.package.version` when the package inherits it.
pub fn package_version(cargo_toml: &str) -> Option<Version> {
    let manifest: toml::Table = cargo_toml.parse().ok()?;
    let version = match manifest.get("package")?.get("version")? {
        toml::Value::String(v) => v.as_str(),
        inherited => {
            inherited.get("workspace")?.as_bool()?.then_some(())?;
            manifest
                .get("workspace")?
                .get("package")?
                .get("version")?
                .as_str()?
        }
    };
    parse_version(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_bumps() {
        let v = |s| parse_version(s).unwrap();
        assert_eq!(bump(&v("0.1.0"), Level::Major).to_string(), "0.2.0");
        assert_eq!(bump(&v("0.1.0"), Level::Minor).to_string(), "0.1.1");
        assert_eq!(bump(&v("0.1.0"), Level::Patch).to_string(), "0.1.1");
        assert_eq!(bump(&v("0.0.3"), Level::Major).to_string(), "0.0.4");
        assert_eq!(bump(&v("1.2.3"), Level::Major).to_string(), "2.0.0");
        assert_eq!(bump(&v("1.2.3"), Level::Minor).to_string(), "1.3.0");
        assert_eq!(bump(&v("1.2.3"), Level::Patch).to_string(), "1.2.4");
        assert_eq!(bump(&v("1.2.3"), Level::None).to_string(), "1.2.3");
        assert_eq!(parse_version("1.2"), None);
        assert_eq!(v("1.2.3-rc.1"), v("1.2.3"));
    }

    #[test]
    fn reads_the_package_version() {
        let toml = "[workspace]\nmembers = []\n\n[package]\nname = \"x\"\nversion = \"0.3.1\"\n[dependencies]\nversion = \"9.9.9\"\n";
        assert_eq!(package_version(toml).unwrap().to_string(), "0.3.1");
        assert_eq!(package_version("[package]\nname = \"x\"\n"), None);
        let inherited = "[workspace.package]\nversion = \"1.4.0\"\n[package]\nname = \"x\"\nversion.workspace = true\n";
        assert_eq!(package_version(inherited).unwrap().to_string(), "1.4.0");
    }
}
