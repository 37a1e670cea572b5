//! How the fields of a wire object choose its code and its group, and where they
//! disagree with the page. The rules are documented on the objects' `code()` and
//! `group()`, and, for the outcome, on [`Outcome`](crate::Outcome).

use super::conflict::{Conflicts, Field};
use super::name::Name;
use crate::groups::is_key_of;
use crate::{ErrorCode, ErrorGroup, StatusCode, StatusGroup};

/// A kind of code (status or error), as the wire objects resolve it.
pub(crate) trait WireCode: Copy + PartialEq + 'static {
    type Group: WireGroup;
    /// Every code with this id, in channel order.
    fn with_id(id: u16) -> &'static [Self];
    /// Every code with this name in any ASCII letter case, in canonical order.
    fn with_name(name: &str) -> &'static [Self];
    fn code_id(self) -> u16;
    fn code_name(self) -> &'static str;
    fn code_group(self) -> Option<Self::Group>;
}

/// A kind of group, as the wire objects resolve it.
pub(crate) trait WireGroup: Copy + PartialEq + 'static {
    fn all() -> &'static [Self];
    fn group_id(self) -> Option<u16>;
    fn group_name(self) -> &'static str;
    /// The name's key, as the generator folded it (see [`is_key_of`]).
    fn group_key(self) -> &'static str;
    /// Whether `name` is one an earlier page gave the group (a heading since reworded).
    fn formerly(self, name: &str) -> bool;
}

macro_rules! wire_kind {
    ($code:ident, $group:ident) => {
        impl WireCode for $code {
            type Group = $group;
            #[inline]
            fn with_id(id: u16) -> &'static [Self] {
                $code::from_id_all(id)
            }
            fn with_name(name: &str) -> &'static [Self] {
                $code::from_name_all_ignore_case(name)
            }
            #[inline]
            fn code_id(self) -> u16 {
                self.id()
            }
            #[inline]
            fn code_name(self) -> &'static str {
                self.name()
            }
            #[inline]
            fn code_group(self) -> Option<$group> {
                self.group()
            }
        }

        impl WireGroup for $group {
            #[inline]
            fn all() -> &'static [Self] {
                $group::ALL
            }
            #[inline]
            fn group_id(self) -> Option<u16> {
                self.id()
            }
            #[inline]
            fn group_name(self) -> &'static str {
                self.name()
            }
            #[inline]
            fn group_key(self) -> &'static str {
                self.key()
            }
            #[inline]
            fn formerly(self, name: &str) -> bool {
                $group::formerly(self, name)
            }
        }
    };
}

wire_kind!(StatusCode, StatusGroup);
wire_kind!(ErrorCode, ErrorGroup);

/// The fields of an object that name its code and its group.
#[derive(Clone, Copy)]
pub(super) struct Fields<'a> {
    pub group_id: Option<i32>,
    pub group_name: Option<&'a Name>,
    pub id: Option<i32>,
    pub name: Option<&'a Name>,
}

impl Fields<'_> {
    /// Whether the payload's `name` is the code's, in any ASCII letter case and with the
    /// page's stray spaces or the payload's trimmed.
    #[inline]
    fn names<C: WireCode>(&self, code: C) -> bool {
        self.name.is_some_and(|name| {
            let (name, page) = (name.as_str(), code.code_name());
            name == page || page.eq_ignore_ascii_case(name.trim())
        })
    }

    /// Whether the payload's `groupId` is the group's id.
    #[inline]
    pub(super) fn numbers<G: WireGroup>(&self, group: G) -> bool {
        self.group_id
            .is_some_and(|id| group.group_id().map(i32::from) == Some(id))
    }

    /// Whether the payload's `groupName` is the group's name (in any spelling that
    /// folds to its key: see [`is_key_of`]), or a name an earlier page gave it.
    #[inline]
    pub(super) fn names_group<G: WireGroup>(&self, group: G) -> bool {
        self.group_name.is_some_and(|name| {
            let (name, page) = (name.as_str(), group.group_name());
            name == page
                || name.eq_ignore_ascii_case(page)
                || is_key_of(group.group_key(), name)
                || group.formerly(name)
        })
    }

    /// How many of the payload's group fields name the code's group: 0, 1 or 2.
    fn group_votes<C: WireCode>(&self, code: C) -> u8 {
        code.code_group().map_or(0, |g| {
            u8::from(self.numbers(g)) + u8::from(self.names_group(g))
        })
    }
}

/// The code the fields name (the rule is on the objects' `code()`): the code that has
/// both the payload's id and its name; else the one whose group more of the payload's
/// group fields name; else the name's code over the id's; else the first in channel
/// order.
pub(super) fn code<C: WireCode>(f: &Fields<'_>) -> Option<C> {
    let id = f.id.and_then(|id| u16::try_from(id).ok());
    let by_id = id.map_or(&[][..], C::with_id);
    // Nearly every payload: one code has the id, and the name is its name or missing.
    if let [only] = by_id {
        if f.name.is_none() || f.names(*only) {
            return Some(*only);
        }
    }
    choose(f, id, by_id)
}

/// The rule of [`code`], over every code with the id or the name. Out of line: payloads
/// whose fields disagree, or whose id several channels share, are the rare ones.
#[inline(never)]
fn choose<C: WireCode>(f: &Fields<'_>, id: Option<u16>, by_id: &'static [C]) -> Option<C> {
    let by_name = f.name.map_or(&[][..], |n| C::with_name(n.trim()));
    let key = |c: C| {
        let named = f.names(c);
        (id == Some(c.code_id()) && named, f.group_votes(c), named)
    };
    let mut best: Option<(C, (bool, u8, bool))> = None;
    for &c in by_id.iter().chain(by_name) {
        let k = key(c);
        if best.is_none_or(|(_, b)| k > b) {
            best = Some((c, k));
        }
    }
    best.map(|(c, _)| c)
}

/// What the payload's own group fields say.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum PayloadGroup<G> {
    /// No group field names a group the page describes.
    Silent,
    /// They name this group: every field that names a described group names it.
    Agreed(G),
    /// `groupId` alone names several error groups (error group ids are scoped per
    /// channel), none of them the code's.
    Ambiguous,
    /// `groupId` and `groupName` name described groups, and no group has both.
    Disagree,
}

/// The group the payload's group fields name. A field naming no group the page
/// describes (a newer group, a placeholder) neither names one nor disagrees. Where they
/// fit several groups, the code's group, else the first that has the name.
pub(super) fn payload_group<G: WireGroup>(
    f: &Fields<'_>,
    code_group: Option<G>,
) -> PayloadGroup<G> {
    // Nearly every payload: its group fields name the code's group.
    if let Some(g) = code_group {
        let id = f.group_id.is_none() || f.numbers(g);
        let name = f.group_name.is_none() || f.names_group(g);
        if id && name && (f.group_id.is_some() || f.group_name.is_some()) {
            return PayloadGroup::Agreed(g);
        }
    }
    other_group(f, code_group)
}

/// The rest of [`payload_group`], out of line.
#[inline(never)]
fn other_group<G: WireGroup>(f: &Fields<'_>, code_group: Option<G>) -> PayloadGroup<G> {
    /// The groups one field (or both) names: the first, and whether there are more.
    struct Named<G> {
        first: Option<G>,
        more: bool,
    }
    impl<G: Copy> Named<G> {
        const NONE: Named<G> = Named {
            first: None,
            more: false,
        };
        fn add(&mut self, g: G) {
            match self.first {
                None => self.first = Some(g),
                Some(_) => self.more = true,
            }
        }
    }
    // One pass, each group's name and id compared once.
    let (mut named, mut numbered, mut both) = (Named::NONE, Named::NONE, Named::NONE);
    for &g in G::all() {
        let (n, i) = (f.names_group(g), f.numbers(g));
        if n {
            named.add(g);
        }
        if i {
            numbered.add(g);
        }
        if n && i {
            both.add(g);
        }
    }
    let (any_named, any_numbered) = (named.first.is_some(), numbered.first.is_some());
    if !any_named && !any_numbered {
        return PayloadGroup::Silent;
    }
    let fits_code = |g: &G| (!any_named || f.names_group(*g)) && (!any_numbered || f.numbers(*g));
    if let Some(g) = code_group.filter(fits_code) {
        return PayloadGroup::Agreed(g);
    }
    let fits = match (any_named, any_numbered) {
        (true, true) => both,
        (true, false) => named,
        _ => numbered,
    };
    match (fits.first, fits.more) {
        (None, _) => PayloadGroup::Disagree,
        (Some(g), false) => PayloadGroup::Agreed(g),
        (Some(g), true) if any_named => PayloadGroup::Agreed(g),
        (Some(_), true) => PayloadGroup::Ambiguous,
    }
}

/// What the crate reads in an object: the code it names, and the group it is in.
#[derive(Clone, Copy)]
pub(crate) struct Reading<C: WireCode> {
    pub(crate) code: Option<C>,
    /// The payload's group where its group fields agree, else the code's group, else
    /// the group `groupName` names, else the only group `groupId` names.
    pub(crate) group: Option<C::Group>,
}

impl<C: WireCode> Reading<C> {
    pub(super) fn of(f: &Fields<'_>) -> Self {
        let code = code::<C>(f);
        let code_group = code.and_then(C::code_group);
        let group = match payload_group(f, code_group) {
            PayloadGroup::Agreed(g) => Some(g),
            _ if code_group.is_some() => code_group,
            PayloadGroup::Disagree => C::Group::all().iter().copied().find(|g| f.names_group(*g)),
            PayloadGroup::Silent | PayloadGroup::Ambiguous => None,
        };
        Reading { code, group }
    }

    /// The code, when the page puts it in the group read: then the code decides what
    /// the object means, and otherwise the group does.
    pub(crate) fn code_in_group(&self) -> Option<C> {
        self.code.filter(|c| c.code_group() == self.group)
    }

    /// The fields that disagree with the page (see [`Conflicts`]).
    pub(super) fn conflicts(&self, f: &Fields<'_>) -> Conflicts {
        let mut out = Conflicts::NONE;
        match self.code {
            Some(c) => {
                if f.id.is_some_and(|id| id != i32::from(c.code_id())) {
                    out = out.with(Field::Id);
                }
                if f.name.is_some() && !f.names(c) {
                    out = out.with(Field::Name);
                }
                let g = c.code_group();
                if f.group_id.is_some() && !g.is_some_and(|g| f.numbers(g)) {
                    out = out.with(Field::GroupId);
                }
                if f.group_name.is_some() && !g.is_some_and(|g| f.names_group(g)) {
                    out = out.with(Field::GroupName);
                }
            }
            None => {
                if payload_group::<C::Group>(f, None) == PayloadGroup::Disagree {
                    out = out.with(Field::GroupId).with(Field::GroupName);
                }
            }
        }
        out
    }
}
