//! What a refresh of the page changes for users, and the version bump that demands.
//!
//! Two catalogs are compared code by code (kind, channel, id, and name where a channel
//! documents an id under several names: [`pair_codes`]) and, through the emitter, by the
//! Rust API they generate. The verdict follows Cargo's semver rules for the
//! generated crate: every change found is a [`Reason`] under one [`Rule`], and the verdict
//! is the highest level among them. The README's table ("The semver verdict") is
//! [`Rule::table`], and every report lists the reasons.

pub use crate::emit::report;
use crate::model::{
    group_key, pair_codes, pair_groups, Catalog, Code, Group, GroupRef, Kind, Pairing,
};
use crate::names::Names;
use crate::Reading;
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

/// A rule of the verdict: a kind of change, and the level it demands. In the order of the
/// README's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// A description reworded: documentation only.
    Description,
    /// New codes, groups or channels, or a retired code back on the page.
    Addition,
    /// A documented name of a code or a group reworded; its pinned variant stays.
    Name,
    /// A `permanent` flag or a group: what retry and finality logic read.
    Behaviour,
    /// A code moved to another channel's section.
    Channel,
    /// A code gone from the page and kept as a deprecated variant, or a group or channel
    /// no longer listed.
    Retirement,
    /// A variant removed or renamed: existing code may stop compiling.
    Removal,
}

impl Rule {
    /// Every rule, in the order of the README's table.
    pub const ALL: [Rule; 7] = [
        Rule::Description,
        Rule::Addition,
        Rule::Name,
        Rule::Behaviour,
        Rule::Channel,
        Rule::Retirement,
        Rule::Removal,
    ];

    /// `description`, `addition`, `name`, `behaviour`, `channel`, `retirement` or
    /// `removal`: how JSON reports name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Description => "description",
            Rule::Addition => "addition",
            Rule::Name => "name",
            Rule::Behaviour => "behaviour",
            Rule::Channel => "channel",
            Rule::Retirement => "retirement",
            Rule::Removal => "removal",
        }
    }

    /// The level this rule demands.
    pub fn level(self) -> Level {
        match self {
            Rule::Description => Level::Patch,
            Rule::Removal => Level::Major,
            _ => Level::Minor,
        }
    }

    /// The change, as the README's table and a changelog word it.
    pub fn change(self) -> &'static str {
        match self {
            Rule::Description => "a description",
            Rule::Addition => "new codes, groups or channels, or a retired code back on the page (the enums are `#[non_exhaustive]`)",
            Rule::Name => "a reworded name of a code, or a group heading reworded or re-cased under the same id (the pinned variant stays; `name()` changes)",
            Rule::Behaviour => "a `permanent` flag or a group",
            Rule::Channel => "a code moved to another channel's section (`channel()` changes)",
            Rule::Retirement => "a code gone from the page, kept as a deprecated variant (as `cargo codes vendor` keeps it), or a group or channel no longer listed",
            Rule::Removal => "a variant removed or renamed (a code dropped from `docs-source/` by hand, or a name that no pin keeps)",
        }
    }

    /// The verdict, as the README's table words it.
    pub fn verdict(self) -> &'static str {
        match self {
            Rule::Behaviour => "minor, flagged as a behaviour change in every format, because retry and finality logic read it",
            other => other.level().as_str(),
        }
    }

    /// The README's table of the rules: a markdown table, one row per rule.
    pub fn table() -> String {
        let mut s = "| change on the page | verdict |\n| --- | --- |\n".to_owned();
        for rule in Rule::ALL {
            s.push_str(&format!("| {} | {} |\n", rule.change(), rule.verdict()));
        }
        s
    }
}

/// One reason for a verdict: the rule it falls under, and what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// The rule, which sets the level.
    pub rule: Rule,
    /// What changed, such as ``variant `StatusCode::DeliveredToMars` added``.
    pub text: String,
}

impl Reason {
    fn new(rule: Rule, text: String) -> Reason {
        Reason { rule, text }
    }

    /// The level the reason demands.
    pub fn level(&self) -> Level {
        self.rule.level()
    }
}

/// The verdict of a change once it goes through `cargo codes vendor`, which keeps every
/// existing variant name and keeps the codes that leave the page as deprecated variants:
/// what `cargo codes diff OLD NEW` reports beside the verdict for a raw edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThroughVendor {
    /// The verdict.
    pub verdict: Level,
    /// Why.
    pub reasons: Vec<Reason>,
    /// How many codes gone from the page it keeps as deprecated variants.
    pub retired: usize,
}

impl ThroughVendor {
    /// The verdict and reasons of `d`, the diff of the vendored result.
    pub fn of(d: &Diff) -> ThroughVendor {
        ThroughVendor {
            verdict: d.verdict,
            reasons: d.reasons.clone(),
            retired: d.retired.len(),
        }
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
    /// Groups are paired by kind, channel and id ([`crate::model::GroupSlot`]), so a
    /// reworded heading is a rename, not a group removed and another added.
    pub groups_added: Vec<String>,
    /// Groups only on the old side.
    pub groups_removed: Vec<String>,
    /// Groups on both sides under another spelling (``error group 1 (push): `Registration
    /// error` is now `Registration errors` ``).
    pub groups_renamed: Vec<String>,
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
    /// Why: one reason per change, each under its rule.
    pub reasons: Vec<Reason>,
    /// The verdict once the same change goes through `cargo codes vendor`, when the
    /// comparison is of pages outside `docs-source/` (set by `cargo codes diff OLD NEW`).
    pub through_vendor: Option<ThroughVendor>,
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

/// Whether the codes `o` and `n` are in the same group. In one scope (the same channel,
/// or any channel for status groups) a group with an id is its id, whatever its heading
/// says now: `PENDING` and `Pending`, `Registration error` and `Registration errors` (see
/// [`crate::model::GroupSlot`]). Across channels (a code that moved), and for groups
/// without an id, the name must agree too.
fn same_group(o: &Code, n: &Code) -> bool {
    let one_scope = o.kind == Kind::Status || o.channel == n.channel;
    match (&o.group, &n.group) {
        (None, None) => true,
        (Some(a), Some(b)) if one_scope && a.id.is_some() => a.id == b.id,
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

/// Groups added, removed and renamed, paired by [`crate::model::GroupSlot`].
fn compare_groups(d: &mut Diff, old: &[Group], new: &[Group]) {
    let label = |g: &Group| group_label(g.kind, &g.channel, &g.key);
    let pairing = pair_groups(old, new);
    d.groups_added = sorted(pairing.new_only.iter().map(|g| label(g)));
    d.groups_removed = sorted(pairing.old_only.iter().map(|g| label(g)));
    d.groups_renamed = sorted(pairing.respelled().map(|(o, n)| {
        let id = o.key.id.map_or_else(|| "-".to_owned(), |i| i.to_string());
        let scope = o
            .channel
            .as_ref()
            .map_or_else(String::new, |c| format!(" ({c})"));
        format!(
            "{} group {id}{scope}: `{}` is now `{}`",
            o.kind, o.key.name, n.key.name
        )
    }));
}

fn sorted(items: impl Iterator<Item = String>) -> Vec<String> {
    let set: BTreeSet<String> = items.collect();
    set.into_iter().collect()
}

/// Compares the catalog of `old` with that of `new`, each named with its own pins. Codes
/// are paired by [`pair_codes`]: by kind, channel and id, and by name where a channel
/// documents an id under several names.
pub fn diff(old: &Reading, new: &Reading) -> Diff {
    let (old_names, new_names) = (old.names(), new.names());
    let (old, new) = (&old.catalog, &new.catalog);
    let mut d = Diff::default();
    compare_codes(
        &mut d,
        &Side::new(old, &old_names),
        &Side::new(new, &new_names),
    );
    compare_groups(&mut d, &old.groups, &new.groups);
    let channels =
        |c: &Catalog| -> BTreeSet<String> { c.channels.iter().map(|ch| ch.slug.clone()).collect() };
    (d.channels_added, d.channels_removed) = added_removed(&channels(old), &channels(new));
    compare_surfaces(&mut d, &old_names.api_surface(), &new_names.api_surface());
    d.reasons = reasons(&d);
    d.verdict = d
        .reasons
        .iter()
        .map(Reason::level)
        .max()
        .unwrap_or(Level::None);
    d
}

/// A code's identity in a diff: kind, channel, id and name.
type Identity = (Kind, String, u16, String);

fn identity(c: &Code) -> Identity {
    (c.kind, c.channel.clone(), c.id, c.name.clone())
}

/// One side of a comparison: its codes, their Rust paths by identity, and the group
/// variant of each code that has a group.
struct Side<'a> {
    codes: &'a [Code],
    paths: BTreeMap<Identity, String>,
    groups: BTreeMap<Identity, String>,
}

impl<'a> Side<'a> {
    fn new(catalog: &'a Catalog, names: &Names<'a>) -> Self {
        let groups = [Kind::Status, Kind::Error]
            .into_iter()
            .flat_map(|kind| {
                names.codes(kind).iter().filter_map(move |c| {
                    let g = &names.groups(kind)[c.group?];
                    Some((identity(c.code), g.ident.clone()))
                })
            })
            .collect();
        Side {
            codes: &catalog.codes,
            paths: names
                .variant_paths()
                .into_iter()
                .map(|(c, path)| (identity(c), path))
                .collect(),
            groups,
        }
    }

    /// The group variant of `c` of this side.
    fn group_variant(&self, c: &Code) -> Option<&String> {
        self.groups.get(&identity(c))
    }

    /// How a report names `c` of this side.
    fn entry(&self, c: &Code) -> Entry {
        Entry {
            kind: c.kind,
            channel: c.channel.clone(),
            id: c.id,
            name: c.name.clone(),
            variant: self.paths.get(&identity(c)).cloned().unwrap_or_default(),
        }
    }
}

/// Codes added, removed, retired, brought back, changed, or moved to another channel.
fn compare_codes(d: &mut Diff, old: &Side<'_>, new: &Side<'_>) {
    let mut pairing = pair_codes(old.codes, new.codes);
    // Reports list codes by kind, channel slug, id and name.
    let order = |c: &&Code| identity(c);
    pairing.both.sort_by_key(|(o, _)| identity(o));
    pairing.old_only.sort_by_key(order);
    pairing.new_only.sort_by_key(order);
    let (moved_old, moved_new) = moved_codes(d, old, new, &pairing);
    for (o, n) in &pairing.both {
        if o.retired.is_none() && n.retired.is_some() {
            d.retired.push(new.entry(n));
        } else if o.retired.is_some() && n.retired.is_none() {
            d.added.push(new.entry(n));
        } else {
            let fields = field_changes(o, n, old, new);
            if !fields.is_empty() {
                d.changed.push(Change {
                    entry: new.entry(n),
                    old: (*o).clone(),
                    new: (*n).clone(),
                    fields,
                });
            }
        }
    }
    for (i, o) in pairing.old_only.iter().enumerate() {
        if !moved_old.contains(&i) {
            d.removed.push(old.entry(o));
        }
    }
    for (j, n) in pairing.new_only.iter().enumerate() {
        if !moved_new.contains(&j) {
            d.added.push(new.entry(n));
        }
    }
    d.added
        .sort_by_key(|e| (e.kind, e.channel.clone(), e.id, e.name.clone()));
}

/// Codes that left one channel's section for another's, under the same name and id:
/// recorded as changes of channel. Returns the indices, in `pairing.old_only` and in
/// `pairing.new_only`, of both sides of each move.
fn moved_codes(
    d: &mut Diff,
    old: &Side<'_>,
    new: &Side<'_>,
    pairing: &Pairing<'_>,
) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let old_keys: BTreeSet<_> = old.codes.iter().map(Code::key).collect();
    let new_keys: BTreeSet<_> = new.codes.iter().map(Code::key).collect();
    let mut moved_old = BTreeSet::new();
    let mut moved_new = BTreeSet::new();
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
            let mut fields = field_changes(o, n, old, new);
            fields.insert(0, Field::Channel);
            d.changed.push(Change {
                entry: new.entry(n),
                old: (*o).clone(),
                new: (*n).clone(),
                fields,
            });
        }
    }
    (moved_old, moved_new)
}

/// What is only in `new`, and what is only in `old`.
fn added_removed(old: &BTreeSet<String>, new: &BTreeSet<String>) -> (Vec<String>, Vec<String>) {
    (
        new.difference(old).cloned().collect(),
        old.difference(new).cloned().collect(),
    )
}

/// Variants added, removed, deprecated and no longer deprecated.
fn compare_surfaces(d: &mut Diff, old: &BTreeMap<String, bool>, new: &BTreeMap<String, bool>) {
    let keys = |m: &BTreeMap<String, bool>| m.keys().cloned().collect::<BTreeSet<_>>();
    (d.variants_added, d.variants_removed) = added_removed(&keys(old), &keys(new));
    let turned = |to: bool| {
        new.iter()
            .filter(|(k, deprecated)| **deprecated == to && old.get(*k) == Some(&!to))
            .map(|(k, _)| k.clone())
            .collect()
    };
    d.variants_deprecated = turned(true);
    d.variants_undeprecated = turned(false);
}

/// The fields of `o` (of the side `old`) that differ in `n` (of `new`). The group changed
/// when the page puts the code in another group, or when its group, still the same on
/// the page, is another variant now (a heading reworded in one channel of a variant's
/// several, whose codes move to a variant of their own): `group()` answers differently.
fn field_changes(o: &Code, n: &Code, old: &Side<'_>, new: &Side<'_>) -> Vec<Field> {
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
    if !same_group(o, n) || old.group_variant(o) != new.group_variant(n) {
        fields.push(Field::Group);
    }
    fields
}

fn reasons(d: &Diff) -> Vec<Reason> {
    let mut r = Vec::new();
    for v in &d.variants_removed {
        r.push(Reason::new(Rule::Removal, format!("variant `{v}` removed")));
    }
    for c in &d.removed {
        if !d.variants_removed.contains(&c.variant) {
            r.push(Reason::new(
                Rule::Removal,
                format!("{} {} `{}` ({}) removed", c.kind, c.id, c.name, c.channel),
            ));
        }
    }
    for v in &d.variants_added {
        r.push(Reason::new(Rule::Addition, format!("variant `{v}` added")));
    }
    for v in &d.variants_deprecated {
        r.push(Reason::new(
            Rule::Retirement,
            format!("variant `{v}` deprecated (retired from the page)"),
        ));
    }
    for v in &d.variants_undeprecated {
        r.push(Reason::new(
            Rule::Addition,
            format!("variant `{v}` no longer deprecated (back on the page)"),
        ));
    }
    for g in &d.groups_added {
        r.push(Reason::new(Rule::Addition, format!("{g} added")));
    }
    for g in &d.groups_removed {
        r.push(Reason::new(
            Rule::Retirement,
            format!("{g} no longer listed"),
        ));
    }
    for g in &d.groups_renamed {
        r.push(Reason::new(Rule::Name, g.clone()));
    }
    for c in &d.channels_added {
        r.push(Reason::new(Rule::Addition, format!("channel {c} added")));
    }
    for c in &d.channels_removed {
        r.push(Reason::new(
            Rule::Retirement,
            format!("channel {c} no longer listed"),
        ));
    }
    for c in &d.changed {
        let e = &c.entry;
        for f in &c.fields {
            let rule = match f {
                Field::Description => Rule::Description,
                Field::Name => Rule::Name,
                Field::Permanent | Field::Group => Rule::Behaviour,
                Field::Channel => Rule::Channel,
            };
            let behaviour = if f.is_behaviour() {
                " (behaviour change)"
            } else {
                ""
            };
            r.push(Reason::new(
                rule,
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
