//! The comparisons that fill a [`Diff`]: codes, groups, channels and the Rust API.

use super::{Change, Diff, Entry, Field};
use crate::model::{
    group_key, pair_codes, pair_groups, Catalog, Code, Group, GroupRef, Kind, Pairing,
};
use crate::names::Names;
use std::collections::{BTreeMap, BTreeSet};

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
pub(super) fn compare_groups(d: &mut Diff, old: &[Group], new: &[Group]) {
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

/// A code's identity in a diff: kind, channel, id and name.
type Identity = (Kind, String, u16, String);

fn identity(c: &Code) -> Identity {
    (c.kind, c.channel.clone(), c.id, c.name.clone())
}

/// One side of a comparison: its codes, their Rust paths by identity, and the group
/// variant of each code that has a group.
pub(super) struct Side<'a> {
    codes: &'a [Code],
    paths: BTreeMap<Identity, String>,
    groups: BTreeMap<Identity, String>,
}

impl<'a> Side<'a> {
    pub(super) fn new(catalog: &'a Catalog, names: &Names<'a>) -> Self {
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
pub(super) fn compare_codes(d: &mut Diff, old: &Side<'_>, new: &Side<'_>) {
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
pub(super) fn added_removed(
    old: &BTreeSet<String>,
    new: &BTreeSet<String>,
) -> (Vec<String>, Vec<String>) {
    (
        new.difference(old).cloned().collect(),
        old.difference(new).cloned().collect(),
    )
}

/// Variants added, removed, deprecated and no longer deprecated.
pub(super) fn compare_surfaces(
    d: &mut Diff,
    old: &BTreeMap<String, bool>,
    new: &BTreeMap<String, bool>,
) {
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
