//! What a refresh of the page changes for users, and the version bump that demands.
//!
//! Two catalogs are compared code by code (kind, channel, id) and, through the emitter,
//! by the Rust API they generate. The verdict follows Cargo's semver rules for the
//! generated crate:
//!
//! | change | verdict |
//! | --- | --- |
//! | only descriptions | patch |
//! | new codes, groups or channels (the enums are `#[non_exhaustive]`) | minor |
//! | a documented name (the variant stays, pinned; `name()` and `Display` change) | minor |
//! | a `permanent` flag or a group | minor, flagged as a behaviour change |
//! | a code gone from the page but kept as a deprecated variant (retired) | minor |
//! | a variant removed or renamed | major |

use crate::emit::rust::api_surface;
use crate::model::{group_key, pair_codes, Catalog, Code, GroupRef, Kind};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// How far the version must move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Nothing users can see changed.
    #[default]
    None,
    /// Documentation only.
    Patch,
    /// Additions and behaviour changes that keep existing code compiling.
    Minor,
    /// Existing code may stop compiling.
    Major,
}

impl Level {
    /// `none`, `patch`, `minor` or `major`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Major => "major",
        }
    }

    /// Parses `none`, `patch`, `minor` or `major`.
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "none" => Some(Level::None),
            "patch" => Some(Level::Patch),
            "minor" => Some(Level::Minor),
            "major" => Some(Level::Major),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A field of a code that changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The documented name.
    Name,
    /// The description.
    Description,
    /// The `permanent` flag.
    Permanent,
    /// The group.
    Group,
    /// The channel (the code moved to another channel's section).
    Channel,
}

impl Field {
    /// `name`, `description`, `permanent`, `group` or `channel`.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Description => "description",
            Field::Permanent => "permanent",
            Field::Group => "group",
            Field::Channel => "channel",
        }
    }

    /// Whether retry or finality logic reads this field.
    pub fn is_behaviour(self) -> bool {
        matches!(self, Field::Permanent | Field::Group)
    }
}

/// A code as a diff reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Status or error.
    pub kind: Kind,
    /// Channel slug.
    pub channel: String,
    /// Id.
    pub id: u16,
    /// Documented name.
    pub name: String,
    /// Its Rust path (`StatusCode::DeliveredToHandset`) on the side that has it.
    pub variant: String,
}

/// A code on both sides whose fields differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The code on the new side.
    pub entry: Entry,
    /// The code on the old side (its channel differs when `fields` holds `Channel`).
    pub old: Code,
    /// The code on the new side.
    pub new: Code,
    /// What changed.
    pub fields: Vec<Field>,
}

impl Change {
    /// Whether the change alters what retry or finality logic reads.
    pub fn is_behaviour_change(&self) -> bool {
        self.fields.iter().any(|f| f.is_behaviour())
    }
}

/// The difference between two catalogs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// Codes only on the new side (or back from retirement).
    pub added: Vec<Entry>,
    /// Codes the new side no longer has at all: their variants are gone.
    pub removed: Vec<Entry>,
    /// Codes gone from the page but kept as deprecated variants.
    pub retired: Vec<Entry>,
    /// Codes on both sides with changed fields.
    pub changed: Vec<Change>,
    /// Groups only on the new side (`status group 6 SCHEDULED`, `error group 1 X (push)`).
    pub groups_added: Vec<String>,
    /// Groups only on the old side.
    pub groups_removed: Vec<String>,
    /// Channels only on the new side.
    pub channels_added: Vec<String>,
    /// Channels only on the old side.
    pub channels_removed: Vec<String>,
    /// Rust paths that exist only on the new side.
    pub variants_added: Vec<String>,
    /// Rust paths that exist only on the old side.
    pub variants_removed: Vec<String>,
    /// Variants that became deprecated.
    pub variants_deprecated: Vec<String>,
    /// Deprecated variants whose code is back on the page.
    pub variants_undeprecated: Vec<String>,
    /// The version bump this demands.
    pub verdict: Level,
    /// Why, one line per reason, with its level.
    pub reasons: Vec<(Level, String)>,
}

impl Diff {
    /// Whether the codes, groups and channels are the same (a reflow, say).
    pub fn is_empty(&self) -> bool {
        self.verdict == Level::None
    }

    /// Whether any change alters what retry or finality logic reads.
    pub fn has_behaviour_change(&self) -> bool {
        self.changed.iter().any(Change::is_behaviour_change)
    }
}

fn same_group(a: &Option<GroupRef>, b: &Option<GroupRef>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.id == b.id && group_key(&a.name) == group_key(&b.name),
        _ => false,
    }
}

fn group_label(kind: Kind, channel: &Option<String>, g: &GroupRef) -> String {
    let id = g.id.map_or_else(|| "-".to_owned(), |i| i.to_string());
    match channel {
        Some(c) => format!("{kind} group {id} {} ({c})", g.name),
        None => format!("{kind} group {id} {}", g.name),
    }
}

/// A code's identity in a diff: kind, channel, id and name.
type Identity = (Kind, String, u16, String);

fn identity(c: &Code) -> Identity {
    (c.kind, c.channel.clone(), c.id, c.name.clone())
}

/// Compares `old` with `new`. Codes are paired by [`pair_codes`]: by kind, channel and
/// id, and by name where a channel documents an id under several names.
pub fn diff(old: &Catalog, new: &Catalog) -> Diff {
    let old_paths = variant_paths(old);
    let new_paths = variant_paths(new);
    let entry = |c: &Code, paths: &BTreeMap<Identity, String>| Entry {
        kind: c.kind,
        channel: c.channel.clone(),
        id: c.id,
        name: c.name.clone(),
        variant: paths.get(&identity(c)).cloned().unwrap_or_default(),
    };
    let mut pairing = pair_codes(&old.codes, &new.codes);
    // Reports list codes by kind, channel slug, id and name.
    let order = |c: &&Code| identity(c);
    pairing.both.sort_by_key(|(o, _)| identity(o));
    pairing.old_only.sort_by_key(order);
    pairing.new_only.sort_by_key(order);
    let old_keys: BTreeSet<_> = old.codes.iter().map(Code::key).collect();
    let new_keys: BTreeSet<_> = new.codes.iter().map(Code::key).collect();

    let mut d = Diff::default();
    let mut moved_old = BTreeSet::new();
    let mut moved_new = BTreeSet::new();
    // A code that left one channel's section for another's, under the same name and id.
    for (i, o) in pairing.old_only.iter().enumerate() {
        if new_keys.contains(&o.key()) {
            continue;
        }
        let target = pairing.new_only.iter().enumerate().find(|(j, n)| {
            !old_keys.contains(&n.key())
                && n.kind == o.kind
                && n.id == o.id
                && n.name == o.name
                && !moved_new.contains(j)
        });
        if let Some((j, n)) = target {
            moved_old.insert(i);
            moved_new.insert(j);
            let mut fields = field_changes(o, n);
            fields.insert(0, Field::Channel);
            d.changed.push(Change {
                entry: entry(n, &new_paths),
                old: (*o).clone(),
                new: (*n).clone(),
                fields,
            });
        }
    }
    for (o, n) in &pairing.both {
        if o.retired.is_none() && n.retired.is_some() {
            d.retired.push(entry(n, &new_paths));
        } else if o.retired.is_some() && n.retired.is_none() {
            d.added.push(entry(n, &new_paths));
        } else {
            let fields = field_changes(o, n);
            if !fields.is_empty() {
                d.changed.push(Change {
                    entry: entry(n, &new_paths),
                    old: (*o).clone(),
                    new: (*n).clone(),
                    fields,
                });
            }
        }
    }
    for (i, o) in pairing.old_only.iter().enumerate() {
        if !moved_old.contains(&i) {
            d.removed.push(entry(o, &old_paths));
        }
    }
    for (j, n) in pairing.new_only.iter().enumerate() {
        if !moved_new.contains(&j) {
            d.added.push(entry(n, &new_paths));
        }
    }
    d.added
        .sort_by_key(|e| (e.kind, e.channel.clone(), e.id, e.name.clone()));

    let groups = |c: &Catalog| -> BTreeSet<String> {
        c.groups
            .iter()
            .map(|g| group_label(g.kind, &g.channel, &g.key))
            .collect()
    };
    let (og, ng) = (groups(old), groups(new));
    d.groups_added = ng.difference(&og).cloned().collect();
    d.groups_removed = og.difference(&ng).cloned().collect();
    let channels =
        |c: &Catalog| -> BTreeSet<String> { c.channels.iter().map(|ch| ch.slug.clone()).collect() };
    let (oc, nc) = (channels(old), channels(new));
    d.channels_added = nc.difference(&oc).cloned().collect();
    d.channels_removed = oc.difference(&nc).cloned().collect();

    let (os, ns) = (api_surface(old), api_surface(new));
    d.variants_added = ns
        .keys()
        .filter(|k| !os.contains_key(*k))
        .cloned()
        .collect();
    d.variants_removed = os
        .keys()
        .filter(|k| !ns.contains_key(*k))
        .cloned()
        .collect();
    d.variants_deprecated = ns
        .iter()
        .filter(|(k, deprecated)| **deprecated && os.get(*k) == Some(&false))
        .map(|(k, _)| k.clone())
        .collect();
    d.variants_undeprecated = ns
        .iter()
        .filter(|(k, deprecated)| !**deprecated && os.get(*k) == Some(&true))
        .map(|(k, _)| k.clone())
        .collect();
    d.reasons = reasons(&d);
    d.verdict = d
        .reasons
        .iter()
        .map(|(l, _)| *l)
        .max()
        .unwrap_or(Level::None);
    d
}

fn field_changes(o: &Code, n: &Code) -> Vec<Field> {
    let mut fields = Vec::new();
    if o.name != n.name {
        fields.push(Field::Name);
    }
    if o.description != n.description {
        fields.push(Field::Description);
    }
    if o.permanent != n.permanent {
        fields.push(Field::Permanent);
    }
    if !same_group(&o.group, &n.group) {
        fields.push(Field::Group);
    }
    fields
}

fn variant_paths(c: &Catalog) -> BTreeMap<Identity, String> {
    crate::emit::rust::variant_paths(c)
        .into_iter()
        .map(|(code, path)| (identity(code), path))
        .collect()
}

fn reasons(d: &Diff) -> Vec<(Level, String)> {
    let mut r = Vec::new();
    for v in &d.variants_removed {
        r.push((Level::Major, format!("variant `{v}` removed")));
    }
    for c in &d.removed {
        if !d.variants_removed.contains(&c.variant) {
            r.push((
                Level::Major,
                format!("{} {} `{}` ({}) removed", c.kind, c.id, c.name, c.channel),
            ));
        }
    }
    for v in &d.variants_added {
        r.push((Level::Minor, format!("variant `{v}` added")));
    }
    for v in &d.variants_deprecated {
        r.push((
            Level::Minor,
            format!("variant `{v}` deprecated (retired from the page)"),
        ));
    }
    for v in &d.variants_undeprecated {
        r.push((
            Level::Minor,
            format!("variant `{v}` no longer deprecated (back on the page)"),
        ));
    }
    for g in &d.groups_added {
        r.push((Level::Minor, format!("{g} added")));
    }
    for g in &d.groups_removed {
        r.push((Level::Minor, format!("{g} no longer listed")));
    }
    for c in &d.channels_added {
        r.push((Level::Minor, format!("channel {c} added")));
    }
    for c in &d.channels_removed {
        r.push((Level::Minor, format!("channel {c} no longer listed")));
    }
    for c in &d.changed {
        let e = &c.entry;
        for f in &c.fields {
            let level = match f {
                Field::Description => Level::Patch,
                _ => Level::Minor,
            };
            let behaviour = if f.is_behaviour() {
                " (behaviour change)"
            } else {
                ""
            };
            r.push((
                level,
                format!(
                    "{} {} `{}` ({}): {} changed{behaviour}",
                    e.kind,
                    e.id,
                    e.name,
                    e.channel,
                    f.as_str()
                ),
            ));
        }
    }
    r
}

/// A version `major.minor.patch` (pre-release and build parts are kept as text).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    /// Major.
    pub major: u64,
    /// Minor.
    pub minor: u64,
    /// Patch.
    pub patch: u64,
}

impl Version {
    /// Parses `1.2.3` (anything after a `-` or `+` is ignored).
    pub fn parse(s: &str) -> Option<Version> {
        let core = s.trim().split(['-', '+']).next()?;
        let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
        let v = Version {
            major: parts.next()??,
            minor: parts.next()??,
            patch: parts.next()??,
        };
        parts.next().is_none().then_some(v)
    }

    /// The smallest version that a change of `level` demands after this one, by Cargo's
    /// rules: for `0.y.z` the minor number acts as major and the patch number as minor.
    pub fn bump(&self, level: Level) -> Version {
        let v = self.clone();
        match (level, v.major, v.minor) {
            (Level::None, ..) => v,
            (Level::Major, 0, 0) | (Level::Minor | Level::Patch, 0, _) => Version {
                patch: v.patch + 1,
                ..v
            },
            (Level::Major, 0, _) => Version {
                minor: v.minor + 1,
                patch: 0,
                ..v
            },
            (Level::Major, ..) => Version {
                major: v.major + 1,
                minor: 0,
                patch: 0,
            },
            (Level::Minor, ..) => Version {
                minor: v.minor + 1,
                patch: 0,
                ..v
            },
            (Level::Patch, ..) => Version {
                patch: v.patch + 1,
                ..v
            },
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The `version` of the `[package]` table of a Cargo.toml.
pub fn package_version(cargo_toml: &str) -> Option<Version> {
    let mut in_package = false;
    for line in cargo_toml.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            in_package = t == "[package]";
            continue;
        }
        if in_package {
            if let Some(rest) = t.strip_prefix("version") {
                let value = rest.trim_start().strip_prefix('=')?.trim();
                return Version::parse(value.trim_matches('"'));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_bumps() {
        let v = |s| Version::parse(s).unwrap();
        assert_eq!(v("0.1.0").bump(Level::Major).to_string(), "0.2.0");
        assert_eq!(v("0.1.0").bump(Level::Minor).to_string(), "0.1.1");
        assert_eq!(v("0.1.0").bump(Level::Patch).to_string(), "0.1.1");
        assert_eq!(v("0.0.3").bump(Level::Major).to_string(), "0.0.4");
        assert_eq!(v("1.2.3").bump(Level::Major).to_string(), "2.0.0");
        assert_eq!(v("1.2.3").bump(Level::Minor).to_string(), "1.3.0");
        assert_eq!(v("1.2.3").bump(Level::Patch).to_string(), "1.2.4");
        assert_eq!(v("1.2.3").bump(Level::None).to_string(), "1.2.3");
        assert_eq!(Version::parse("1.2"), None);
        assert_eq!(v("1.2.3-rc.1"), v("1.2.3"));
    }

    #[test]
    fn reads_the_package_version() {
        let toml = "[workspace]\nmembers = []\n\n[package]\nname = \"x\"\nversion = \"0.3.1\"\n[dependencies]\nversion = \"9.9.9\"\n";
        assert_eq!(package_version(toml).unwrap().to_string(), "0.3.1");
        assert_eq!(package_version("[package]\nname = \"x\"\n"), None);
    }
}
