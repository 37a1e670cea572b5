//! What a refresh of the page changes for users, and the version bump that demands.
//!
//! Two catalogs are compared code by code (kind, channel, id, and name where a channel
//! documents an id under several names: [`pair_codes`](crate::model::pair_codes)) and, through the emitter, by the
//! Rust API they generate. The verdict follows Cargo's semver rules for the
//! generated crate: every change found is a [`Reason`] under one [`Rule`], and the verdict
//! is the highest level among them. MAINTAINING.md's table ("The semver verdict") is
//! [`Rule::table`], and every report lists the reasons.

mod compare;
pub mod report;
mod verdict;
mod version;

use verdict::reasons;
pub use verdict::{Level, Reason, Rule};
pub use version::{bump, package_version, parse_version, Version};

use crate::model::{Catalog, Code, Kind};
use crate::Reading;
use compare::{added_removed, compare_codes, compare_groups, compare_surfaces, Side};
use std::collections::BTreeSet;

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

/// Compares the catalog of `old` with that of `new`, each named with its own pins. Codes
/// are paired by [`pair_codes`](crate::model::pair_codes): by kind, channel and id, and
/// by name where a channel documents an id under several names.
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
