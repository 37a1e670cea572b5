//! Naming, the stage between validation and emission: the Rust name of every channel,
//! group and code of a validated catalog, with the names pinned in
//! `docs-source/overrides.json`, and of the crate's enums ([`code_type`],
//! [`group_type`]). The model spells no Rust: every Rust name is here.
//!
//! The emitter writes these names, `cargo codes pin` records them, and the diff of
//! meaning compares them: all three read one [`Names`].

mod derive;

pub use derive::{unique_variants, variants_with_pins, Candidate};

use crate::model::{group_key, Catalog, Code, Group, GroupRef, Kind};
use crate::overrides::{code_pin_key, group_pin_key, Overrides};
use std::collections::BTreeMap;

/// The crate's enum of codes of `kind`: `StatusCode` or `ErrorCode`.
pub fn code_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Status => "StatusCode",
        Kind::Error => "ErrorCode",
    }
}

/// The crate's enum of groups of `kind`: `StatusGroup` or `ErrorGroup`.
pub fn group_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Status => "StatusGroup",
        Kind::Error => "ErrorGroup",
    }
}

/// A channel and its `Channel` variant.
#[derive(Clone, Debug)]
pub struct ChannelName {
    /// The channel's slug (`general`).
    pub slug: String,
    /// The page's title for it (`General`).
    pub title: String,
    /// The variant (`General`).
    pub ident: String,
}

/// A group variant: one group name with its id, shared by the channels that list it.
#[derive(Clone, Debug)]
pub struct GroupName {
    /// The variant (`HandsetErrors`).
    pub ident: String,
    /// The group's id, when the page gives one, and its documented name
    /// (`HANDSET_ERRORS`), as its first listing spells it.
    pub group: GroupRef,
    /// The name's [`group_key`].
    pub key: String,
    /// (channel slug, description) per channel that documents the group.
    pub descriptions: Vec<(Option<String>, String)>,
    /// Channels whose codes use the group, in canonical order.
    pub channels: Vec<String>,
    /// The [`group_key`]s of the names the group had before a refresh reworded its
    /// heading (from the pins that keep its variant), sorted: payloads may still send
    /// them.
    pub aliases: Vec<String>,
}

/// A code and its variant.
#[derive(Clone, Debug)]
pub struct CodeName<'a> {
    /// The code.
    pub code: &'a Code,
    /// The variant (`EcUnknownSubscriber`).
    pub ident: String,
    /// Its group: an index into the kind's groups of [`Names`].
    pub group: Option<usize>,
    /// Whether its channel documents its id under several names
    /// ([`Catalog::ids_with_several_names`]): its pin key then carries its name
    /// ([`code_pin_key`]).
    pub shares_id: bool,
}

/// The Rust names of a catalog.
#[derive(Clone, Debug)]
pub struct Names<'a> {
    /// `Channel` variants, in canonical order.
    pub channels: Vec<ChannelName>,
    /// `StatusGroup` variants.
    pub status_groups: Vec<GroupName>,
    /// `ErrorGroup` variants.
    pub error_groups: Vec<GroupName>,
    /// `StatusCode` variants, in canonical order.
    pub statuses: Vec<CodeName<'a>>,
    /// `ErrorCode` variants, in canonical order.
    pub errors: Vec<CodeName<'a>>,
}

/// A group variant is a group name (compared by [`group_key`]) with its id. Status groups
/// are one shared set anyway; error groups are per channel on the page, and the crate
/// merges the ones that share a name and an id (HANDSET_ERRORS is group 1 in General and
/// in Voice).
fn group_identity(r: &GroupRef) -> (String, Option<u16>) {
    (group_key(&r.name), r.id)
}

impl<'a> Names<'a> {
    /// Names every channel, group and code of `catalog`, honouring the pins of
    /// `overrides`.
    pub fn new(catalog: &'a Catalog, overrides: &Overrides) -> Self {
        let candidates: Vec<Candidate> = catalog
            .channels
            .iter()
            .map(|c| Candidate {
                name: c.slug.clone(),
                ..Candidate::default()
            })
            .collect();
        let channels = catalog
            .channels
            .iter()
            .zip(unique_variants(&candidates))
            .map(|(c, ident)| ChannelName {
                slug: c.slug.clone(),
                title: c.title.clone(),
                ident,
            })
            .collect();
        let status_groups = group_names(catalog, overrides, Kind::Status);
        let error_groups = group_names(catalog, overrides, Kind::Error);
        let statuses = code_names(catalog, overrides, Kind::Status, &status_groups);
        let errors = code_names(catalog, overrides, Kind::Error, &error_groups);
        Names {
            channels,
            status_groups,
            error_groups,
            statuses,
            errors,
        }
    }

    /// The codes of one kind.
    pub fn codes(&self, kind: Kind) -> &[CodeName<'a>] {
        match kind {
            Kind::Status => &self.statuses,
            Kind::Error => &self.errors,
        }
    }

    /// The groups of one kind.
    pub fn groups(&self, kind: Kind) -> &[GroupName] {
        match kind {
            Kind::Status => &self.status_groups,
            Kind::Error => &self.error_groups,
        }
    }

    /// The channel with this slug.
    pub fn channel(&self, slug: &str) -> Option<&ChannelName> {
        self.channels.iter().find(|c| c.slug == slug)
    }

    /// The page's title for a channel slug (the slug itself for an unknown one).
    pub fn channel_title(&self, slug: &str) -> String {
        self.channel(slug)
            .map_or_else(|| slug.to_owned(), |c| c.title.clone())
    }

    /// The Rust path of every code's variant (`StatusCode::DeliveredToHandset`), in
    /// catalog order.
    #[cfg(feature = "cli")]
    pub fn variant_paths(&self) -> Vec<(&'a Code, String)> {
        [Kind::Status, Kind::Error]
            .into_iter()
            .flat_map(|kind| {
                self.codes(kind)
                    .iter()
                    .map(move |c| (c.code, format!("{}::{}", code_type(kind), c.ident)))
            })
            .collect()
    }

    /// The variant name of every code and group, by pin key (see [`crate::overrides`]):
    /// what `cargo codes pin` records so that later refreshes keep these names.
    #[cfg_attr(not(feature = "cli"), allow(dead_code))] // pin and vendor are the CLI's
    pub fn pins(&self) -> BTreeMap<String, String> {
        let mut pins = BTreeMap::new();
        for c in self.statuses.iter().chain(&self.errors) {
            pins.insert(code_pin_key(c.code, c.shares_id), c.ident.clone());
        }
        for kind in [Kind::Status, Kind::Error] {
            for g in self.groups(kind) {
                pins.insert(group_pin_key(kind, &g.group), g.ident.clone());
            }
        }
        pins
    }

    /// Every public variant the catalog generates (`Channel::Voice`,
    /// `StatusGroup::Pending`, `ErrorCode::EcUnknownSubscriber`, ...) and whether it is
    /// deprecated: the API surface that a diff of two catalogs compares.
    #[cfg(feature = "cli")]
    pub fn api_surface(&self) -> BTreeMap<String, bool> {
        let mut surface = BTreeMap::new();
        for c in &self.channels {
            surface.insert(format!("Channel::{}", c.ident), false);
        }
        for kind in [Kind::Status, Kind::Error] {
            for g in self.groups(kind) {
                surface.insert(format!("{}::{}", group_type(kind), g.ident), false);
            }
            for c in self.codes(kind) {
                surface.insert(
                    format!("{}::{}", code_type(kind), c.ident),
                    c.code.retired.is_some(),
                );
            }
        }
        surface
    }
}

/// The groups of one kind, merged by identity, named with their pins.
fn group_names(catalog: &Catalog, overrides: &Overrides, kind: Kind) -> Vec<GroupName> {
    let mut groups: Vec<GroupName> = Vec::new();
    let mut index: BTreeMap<(String, Option<u16>), usize> = BTreeMap::new();
    for g in catalog.groups.iter().filter(|g| g.kind == kind) {
        let identity = group_identity(&g.key);
        match index.get(&identity).map(|&i| &mut groups[i]) {
            Some(named) => named
                .descriptions
                .push((g.channel.clone(), g.description.clone())),
            None => {
                index.insert(identity.clone(), groups.len());
                groups.push(first_listing(g, identity.0));
            }
        }
    }
    for code in catalog.codes_of(kind) {
        let Some(r) = &code.group else { continue };
        if let Some(&i) = index.get(&group_identity(r)) {
            let g = &mut groups[i];
            if !g.channels.contains(&code.channel) {
                g.channels.push(code.channel.clone());
            }
        }
    }
    // A group without an id that shares its name with another is told apart by the
    // channel that lists it (Moments' `Pending` beside status group 1 `Pending`).
    let candidates: Vec<Candidate> = groups
        .iter()
        .map(|g| Candidate {
            name: g.group.name.clone(),
            id: g.group.id,
            channel: g
                .group
                .id
                .is_none()
                .then(|| g.channels.first().cloned())
                .flatten(),
        })
        .collect();
    let pins: Vec<Option<String>> = groups
        .iter()
        .map(|g| overrides.pinned_group(kind, &g.group).map(str::to_owned))
        .collect();
    for (g, ident) in groups
        .iter_mut()
        .zip(variants_with_pins(&candidates, &pins))
    {
        g.ident = ident;
    }
    for (k, id, name, ident) in overrides.group_pins() {
        let Some(g) = groups
            .iter_mut()
            .find(|g| k == kind && g.ident == ident && g.group.id == id && g.key != name)
        else {
            continue;
        };
        if !g.aliases.iter().any(|a| a == name) {
            g.aliases.push(name.to_owned());
        }
    }
    for g in &mut groups {
        g.aliases.sort();
    }
    groups
}

/// A group as its first listing gives it, before it is named.
fn first_listing(g: &Group, key: String) -> GroupName {
    GroupName {
        ident: String::new(),
        group: g.key.clone(),
        key,
        descriptions: vec![(g.channel.clone(), g.description.clone())],
        channels: Vec::new(),
        aliases: Vec::new(),
    }
}

/// The codes of one kind, named with their pins, each pointing at its group.
fn code_names<'a>(
    catalog: &'a Catalog,
    overrides: &Overrides,
    kind: Kind,
    groups: &[GroupName],
) -> Vec<CodeName<'a>> {
    let codes: Vec<(&Code, bool, Option<&str>)> = overrides
        .code_pins(catalog)
        .into_iter()
        .filter(|(c, ..)| c.kind == kind)
        .collect();
    let candidates: Vec<Candidate> = codes
        .iter()
        .map(|(c, ..)| Candidate {
            name: c.name.clone(),
            id: Some(c.id),
            channel: Some(c.channel.clone()),
        })
        .collect();
    let pins: Vec<Option<String>> = codes
        .iter()
        .map(|(_, _, pin)| pin.map(str::to_owned))
        .collect();
    let index: BTreeMap<(&str, Option<u16>), usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| ((g.key.as_str(), g.group.id), i))
        .collect();
    codes
        .into_iter()
        .zip(variants_with_pins(&candidates, &pins))
        .map(|((code, shares_id, _), ident)| {
            let group = code.group.as_ref().and_then(|r| {
                let (key, id) = group_identity(r);
                index.get(&(key.as_str(), id)).copied()
            });
            CodeName {
                code,
                ident,
                group,
                shares_id,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;

    fn catalog() -> Catalog {
        let pending = GroupRef {
            id: Some(1),
            name: "Pending".into(),
        };
        let mut catalog = Catalog {
            groups: vec![Group {
                kind: Kind::Status,
                channel: None,
                key: pending.clone(),
                description: String::new(),
                location: Location::default(),
            }],
            codes: vec![
                Code::bare(Kind::Status, "general", 7, "PENDING_ENROUTE", 1),
                Code::bare(Kind::Error, "people-api", 40404, "A_NAME", 2),
                Code::bare(Kind::Error, "people-api", 40404, "B_NAME", 3),
            ],
            ..Catalog::default()
        };
        catalog.codes[0].group = Some(pending);
        catalog
    }

    fn overrides(pins: &[(&str, &str)]) -> Overrides {
        Overrides {
            variants: pins
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            ..Overrides::default()
        }
    }

    #[test]
    fn names_come_from_the_overrides_passed_in_and_go_back_as_pins() {
        let catalog = catalog();
        let plain = Names::new(&catalog, &Overrides::default());
        assert_eq!(plain.status_groups[0].ident, "Pending");
        assert_eq!(plain.errors[1].ident, "BName");
        // What `cargo codes pin` records names the catalog as it was named.
        let pins = plain.pins();
        assert_eq!(pins["status-group/1/PENDING"], "Pending");
        assert_eq!(pins["error/people-api/40404/B_NAME"], "BName");

        let pinned = overrides(&[
            ("status-group/1/PENDING", "Waiting"),
            // The heading the group had before: an alias of the same variant.
            ("status-group/1/ENROUTE", "Waiting"),
            ("error/people-api/40404/B_NAME", "Other"),
        ]);
        let names = Names::new(&catalog, &pinned);
        let group = &names.status_groups[0];
        assert_eq!(group.ident, "Waiting");
        assert_eq!(group.group.name, "Pending");
        assert_eq!(group.aliases, ["ENROUTE"]);
        assert_eq!(names.statuses[0].group, Some(0));
        let errors: Vec<(&str, bool)> = names
            .errors
            .iter()
            .map(|c| (c.ident.as_str(), c.shares_id))
            .collect();
        assert_eq!(errors, [("AName", true), ("Other", true)]);
        #[cfg(feature = "cli")]
        {
            assert_eq!(
                names.variant_paths()[0].1,
                format!("{}::PendingEnroute", code_type(Kind::Status))
            );
            assert!(names
                .api_surface()
                .contains_key(&format!("{}::Waiting", group_type(Kind::Status))));
        }
    }
}
