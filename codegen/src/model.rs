//! The catalog: the one contract between the page readers and the code writers.
//!
//! Readers (`parse`) turn a page into a [`Catalog`]; `validate` checks it; writers
//! (`emit`) turn it into Rust, JSON or CSV. Nothing downstream looks at a page.

use crate::diag::Location;
use std::cmp::Ordering;
use std::fmt;

/// Whether a code is a status (`status` object) or an error (`error` object).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A code of the `status` object.
    Status,
    /// A code of the `error` object.
    Error,
}

impl Kind {
    /// `"status"` or `"error"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Status => "status",
            Kind::Error => "error",
        }
    }

    /// The crate's enum of codes of this kind: `StatusCode` or `ErrorCode`.
    pub fn code_type(self) -> &'static str {
        match self {
            Kind::Status => "StatusCode",
            Kind::Error => "ErrorCode",
        }
    }

    /// The crate's enum of groups of this kind: `StatusGroup` or `ErrorGroup`.
    pub fn group_type(self) -> &'static str {
        match self {
            Kind::Status => "StatusGroup",
            Kind::Error => "ErrorGroup",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The channels the page documents, in the page's traditional order. Other channels
/// sort after these, by slug.
pub const KNOWN_CHANNELS: [&str; 5] = ["general", "voice", "push", "email", "chat"];

/// Sort key of a channel slug: the known channels first, in page order, then the rest
/// alphabetically.
pub fn channel_order(a: &str, b: &str) -> Ordering {
    let rank = |s: &str| {
        KNOWN_CHANNELS
            .iter()
            .position(|k| *k == s)
            .unwrap_or(KNOWN_CHANNELS.len())
    };
    rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
}

/// A channel (product family) with its own section of codes.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Channel {
    /// Stable kebab-case identifier: `general`, `voice`, `push`, `email`, `chat`, ...
    pub slug: String,
    /// Human name as the first heading that named it spells it (`Push notifications`).
    pub title: String,
    /// The first section heading of this channel.
    pub location: Location,
}

/// The identity of a group name: its ASCII letters and digits, uppercased.
/// `Registration error`, `REGISTRATION_ERROR` and `registration-error` are one name.
/// The emitter writes each group's key into the crate's tables, and the crate folds only
/// the name it is asked for and compares it with the key.
pub fn group_key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// How a code refers to its group: the group's id (if the page gives one) and name.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct GroupRef {
    /// The group id, as in `groupId` on the wire.
    pub id: Option<u16>,
    /// The group name as the heading spells it (`PENDING`, `HANDSET_ERRORS`, `Registration error`).
    pub name: String,
}

/// A group of codes.
///
/// Status groups are one set shared by every channel (1 PENDING ... 5 REJECTED):
/// their `channel` is `None`. Error groups are scoped per channel: group 1 is
/// HANDSET_ERRORS in General but "Registration error" in Push.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Group {
    /// Status or error group.
    pub kind: Kind,
    /// `None` for groups shared by all channels (status groups); the channel slug otherwise.
    pub channel: Option<String>,
    /// The group id and name.
    #[serde(flatten)]
    pub key: GroupRef,
    /// The group's one-line description under its heading, as markdown.
    pub description: String,
    /// The group heading.
    pub location: Location,
}

/// One documented code.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Code {
    /// Status or error.
    pub kind: Kind,
    /// Channel slug.
    pub channel: String,
    /// The group the code is listed under, if any.
    pub group: Option<GroupRef>,
    /// The numeric id (`id` on the wire).
    pub id: u16,
    /// The documented name, trimmed (`EC_UNKNOWN_SUBSCRIBER`).
    pub name: String,
    /// The description as clean markdown (see [`Code::description_text`] for plain text).
    pub description: String,
    /// For errors: whether sending the same message again, unchanged, fails the same
    /// way. `None` where the page gives no flag (statuses, some error families).
    pub permanent: Option<bool>,
    /// Listed in a section the page marks `(DEPRECATED)`.
    pub deprecated: bool,
    /// For a code the page no longer lists but the crate keeps (from
    /// `docs-source/retired.json`): the release that kept it as deprecated.
    pub retired: Option<String>,
    /// The table row the code comes from.
    pub location: Location,
}

impl Code {
    /// Whether a status is final: the rule is [`crate::class::is_final`].
    pub fn is_final(&self) -> bool {
        crate::class::is_final(self)
    }

    /// Whether a status is intermediate: see [`crate::class::is_intermediate`].
    pub fn is_intermediate(&self) -> bool {
        crate::class::is_intermediate(self)
    }

    /// The key of a code: kind, channel and id. It identifies the code, except where the
    /// page documents one id under several names in one channel (People API 40404):
    /// there each name is a code of its own (see [`pair_codes`]).
    pub fn key(&self) -> (Kind, &str, u16) {
        (self.kind, &self.channel, self.id)
    }

    /// The description as plain text (escapes resolved, code spans and emphasis
    /// unmarked, a link as its text and its address, one line per paragraph and list
    /// item): what the crate's `description()` returns, while its doc comments keep the
    /// markdown.
    pub fn description_text(&self) -> String {
        crate::md::plain_text(&self.description)
    }

    /// Canonical order: kind (statuses first), channel, id; among codes of one id in one
    /// channel (several names), the page's before retired ones, then page order.
    pub fn canonical_cmp(&self, other: &Code) -> Ordering {
        self.kind
            .cmp(&other.kind)
            .then_with(|| channel_order(&self.channel, &other.channel))
            .then_with(|| self.id.cmp(&other.id))
            .then_with(|| self.retired.is_some().cmp(&other.retired.is_some()))
            .then_with(|| self.location.cmp(&other.location))
    }
}

/// The items of two lists that are the same item (codes: see [`pair_codes`]; groups: see
/// [`pair_groups`]), and those of each list that have no counterpart in the other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairing<'a, T = Code> {
    /// (old, new) pairs of one item.
    pub both: Vec<(&'a T, &'a T)>,
    /// Items only in the old list.
    pub old_only: Vec<&'a T>,
    /// Items only in the new list.
    pub new_only: Vec<&'a T>,
}

impl<T> Default for Pairing<'_, T> {
    fn default() -> Self {
        Pairing {
            both: Vec::new(),
            old_only: Vec::new(),
            new_only: Vec::new(),
        }
    }
}

/// Pairs each item of `old`, in order, with the item of `new` that `find` chooses among
/// those not yet paired (given as a mask over `new`); the unpaired of `new` keep their
/// order.
fn pair_with<'a, T>(
    old: &'a [T],
    new: &'a [T],
    mut find: impl FnMut(&T, &[bool]) -> Option<usize>,
) -> Pairing<'a, T> {
    let mut paired = vec![false; new.len()];
    let mut out = Pairing::default();
    for o in old {
        match find(o, &paired) {
            Some(i) => {
                paired[i] = true;
                out.both.push((o, &new[i]));
            }
            None => out.old_only.push(o),
        }
    }
    out.new_only = new
        .iter()
        .zip(&paired)
        .filter(|(_, p)| !**p)
        .map(|(item, _)| item)
        .collect();
    out
}

/// Pairs the codes of `old` with those of `new` that are the same code: the same
/// [`Code::key`] and, where either side lists that key more than once (one id under
/// several names), the same name. A key listed once on each side is one code whatever
/// its names, so that a reworded name is a change of that code, not a removal.
///
/// Each list keeps its order in the result; pairs follow `old`.
pub fn pair_codes<'a>(old: &'a [Code], new: &'a [Code]) -> Pairing<'a> {
    pairing(old, new, true)
}

/// Like [`pair_codes`], but a code is only ever the same code under the same name: how
/// retired codes (`docs-source/retired.json`) meet the page. A name retired while
/// another name of its id stayed on the page is not that other name come back.
pub fn pair_codes_by_name<'a>(old: &'a [Code], new: &'a [Code]) -> Pairing<'a> {
    pairing(old, new, false)
}

fn pairing<'a>(old: &'a [Code], new: &'a [Code], renames: bool) -> Pairing<'a> {
    use std::collections::BTreeMap;
    let mut by_key: BTreeMap<(Kind, &str, u16), Vec<usize>> = BTreeMap::new();
    for (i, c) in new.iter().enumerate() {
        by_key.entry(c.key()).or_default().push(i);
    }
    let mut old_count: BTreeMap<(Kind, &str, u16), usize> = BTreeMap::new();
    for c in old {
        *old_count.entry(c.key()).or_default() += 1;
    }
    pair_with(old, new, |o, paired| {
        let candidates = by_key.get(&o.key()).map_or(&[][..], Vec::as_slice);
        let alone = renames && candidates.len() == 1 && old_count[&o.key()] == 1;
        candidates
            .iter()
            .copied()
            .find(|&i| !paired[i] && (alone || new[i].name == o.name))
    })
}

/// The form a page was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// readme.io markdown with its line structure.
    Markdown,
    /// readme.io markdown whose line breaks became spaces.
    Flattened,
    /// A crawler's dump of the rendered page; the article body is flattened markdown.
    Capture,
    /// The rendered HTML page.
    Html,
    /// The rendered page saved from a browser as text: lines, tables with tab-separated
    /// cells.
    Text,
}

impl Form {
    /// Lowercase name of the form.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Markdown => "markdown",
            Form::Flattened => "flattened",
            Form::Capture => "capture",
            Form::Html => "html",
            Form::Text => "text",
        }
    }
}

/// A page the catalog was read from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourcePage {
    /// The path as given (relative paths stay relative, so output is machine-independent).
    pub path: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// The form it was read as.
    pub form: Form,
    /// Where the page was published, from the provenance record.
    pub url: Option<String>,
    /// When the page was retrieved, from the provenance record.
    pub retrieved: Option<String>,
}

/// Everything the pages document.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Catalog {
    /// The pages read, in the order given.
    pub sources: Vec<SourcePage>,
    /// Channels in canonical order.
    pub channels: Vec<Channel>,
    /// Groups in canonical order (kind, channel, id, name; groups without an id last).
    pub groups: Vec<Group>,
    /// Codes in canonical order (kind, channel, id).
    pub codes: Vec<Code>,
    /// Pinned Rust variant names (from `docs-source/overrides.json`), by pin key.
    pub pins: std::collections::BTreeMap<String, String>,
}

impl Group {
    /// Whether `other` is the same group: same kind, scope and id, and a name with the
    /// same [`group_key`] (`PENDING` and `Pending` are one group).
    pub fn same_as(&self, other: &Group) -> bool {
        self.kind == other.kind
            && self.channel == other.channel
            && self.key.id == other.key.id
            && group_key(&self.key.name) == group_key(&other.key.name)
    }

    /// Where the group sits on the page, whatever its heading says: see [`GroupSlot`].
    pub fn slot(&self) -> GroupSlot {
        GroupSlot::of(self.kind, self.channel.as_deref(), &self.key)
    }
}

/// Where a group sits on the page, the identity that outlives its heading's wording:
/// kind, scope (the channel of an error group; none for the status groups, which every
/// channel shares) and id. Infobip re-cases and rewords headings (`PENDING (group id: 1)`,
/// then `PENDING` over `Group ID: 1`, then `Pending`; `Registration error`, then
/// `Registration errors`), while the id stays and the API keeps sending the old name. A
/// group the page gives no id is only ever itself: its slot is its name's [`group_key`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupSlot {
    /// Status or error.
    pub kind: Kind,
    /// The channel of an error group; `None` for a status group.
    pub scope: Option<String>,
    /// The id, or the name's [`group_key`] when the page gives no id.
    pub id: Result<u16, String>,
}

impl GroupSlot {
    /// The slot of the group `group` of a code of `kind` in `channel` (the channel only
    /// scopes error groups).
    pub fn of(kind: Kind, channel: Option<&str>, group: &GroupRef) -> GroupSlot {
        GroupSlot {
            kind,
            scope: match kind {
                Kind::Status => None,
                Kind::Error => channel.map(str::to_owned),
            },
            id: group.id.ok_or_else(|| group_key(&group.name)),
        }
    }

    /// The slot of `code`'s group, if it has one.
    pub fn of_code(code: &Code) -> Option<GroupSlot> {
        code.group
            .as_ref()
            .map(|g| GroupSlot::of(code.kind, Some(&code.channel), g))
    }
}

/// The groups of two catalogs paired by [`GroupSlot`]: a group whose heading was reworded
/// is the same group under a new name.
pub type GroupPairing<'a> = Pairing<'a, Group>;

impl Pairing<'_, Group> {
    /// The pairs whose names differ by more than letter case and separators: the
    /// renamed groups, as (old, new).
    pub fn renamed(&self) -> impl Iterator<Item = (&Group, &Group)> {
        self.both
            .iter()
            .copied()
            .filter(|(o, n)| group_key(&o.key.name) != group_key(&n.key.name))
    }

    /// The pairs whose names differ at all (`PENDING` and `Pending` too), as (old, new).
    pub fn respelled(&self) -> impl Iterator<Item = (&Group, &Group)> {
        self.both
            .iter()
            .copied()
            .filter(|(o, n)| o.key.name != n.key.name)
    }
}

/// Pairs the groups of `old` with those of `new` in the same [`GroupSlot`]. A validated
/// catalog has one group per slot; should a list hold a slot twice, its first group
/// takes the pair. Each list keeps its order in the result; pairs follow `old`.
pub fn pair_groups<'a>(old: &'a [Group], new: &'a [Group]) -> GroupPairing<'a> {
    let mut index: std::collections::BTreeMap<GroupSlot, usize> = Default::default();
    for (i, g) in new.iter().enumerate() {
        index.entry(g.slot()).or_insert(i);
    }
    pair_with(old, new, |o, paired| {
        index.get(&o.slot()).copied().filter(|&i| !paired[i])
    })
}

impl Catalog {
    /// Adds a group unless the catalog already has the same one (first spelling wins).
    pub fn add_group(&mut self, group: Group) {
        if !self.groups.iter().any(|g| g.same_as(&group)) {
            self.groups.push(group);
        }
    }

    /// Puts channels, groups and codes in canonical order, so that the catalog does not
    /// depend on the order of pages or of sections within them.
    pub fn sort(&mut self) {
        self.channels
            .sort_by(|a, b| channel_order(&a.slug, &b.slug));
        self.groups.sort_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then_with(|| match (&a.channel, &b.channel) {
                    (None, None) => Ordering::Equal,
                    (None, Some(_)) => Ordering::Less,
                    (Some(_), None) => Ordering::Greater,
                    (Some(x), Some(y)) => channel_order(x, y),
                })
                // Groups without an id after those with one: a name lookup finds the
                // first group of a name, and Moments' `Pending` (no id) is not the
                // `Pending` that payloads name with group id 1.
                .then_with(|| (a.key.id.is_none(), &a.key).cmp(&(b.key.id.is_none(), &b.key)))
                .then_with(|| a.location.cmp(&b.location))
        });
        self.codes.sort_by(Code::canonical_cmp);
    }

    /// Adds everything from `other` (another page), then restores canonical order.
    /// Duplicates are kept; `validate` reports them.
    pub fn merge(&mut self, other: Catalog) {
        self.sources.extend(other.sources);
        for ch in other.channels {
            if !self.channels.iter().any(|c| c.slug == ch.slug) {
                self.channels.push(ch);
            }
        }
        for g in other.groups {
            self.add_group(g);
        }
        self.codes.extend(other.codes);
        self.sort();
    }

    /// The codes of one kind, in canonical order.
    pub fn codes_of(&self, kind: Kind) -> impl Iterator<Item = &Code> {
        self.codes.iter().filter(move |c| c.kind == kind)
    }

    /// The keys (kind, channel, id) that the catalog lists under several names: one id
    /// documented twice in one channel (People API 40404). Each name is a code of its
    /// own; its pin key carries the name (`error/people-api/40404/NAME`).
    pub fn ids_with_several_names(&self) -> std::collections::BTreeSet<(Kind, &str, u16)> {
        let mut seen = std::collections::BTreeSet::new();
        self.codes
            .iter()
            .filter(|c| !seen.insert(c.key()))
            .map(Code::key)
            .collect()
    }

    /// The channel with `slug`.
    pub fn channel(&self, slug: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.slug == slug)
    }

    /// The catalog's meaning: the same catalog with every location and source
    /// fingerprint blanked. Two forms of one page must have equal meanings.
    pub fn meaning(&self) -> Catalog {
        let blank = Location::default();
        Catalog {
            sources: Vec::new(),
            pins: Default::default(),
            channels: self
                .channels
                .iter()
                .map(|c| Channel {
                    location: blank.clone(),
                    ..c.clone()
                })
                .collect(),
            groups: self
                .groups
                .iter()
                .map(|g| Group {
                    location: blank.clone(),
                    ..g.clone()
                })
                .collect(),
            codes: self
                .codes
                .iter()
                .map(|c| Code {
                    location: blank.clone(),
                    ..c.clone()
                })
                .collect(),
        }
    }
}

#[cfg(test)]
impl Code {
    /// A code of `kind`, `channel`, `id` and `name` at `p.md:line:1`, with nothing else
    /// (no group, description or flag): what the unit tests compare.
    pub(crate) fn bare(kind: Kind, channel: &str, id: u16, name: &str, line: u32) -> Code {
        Code {
            kind,
            channel: channel.into(),
            group: None,
            id,
            name: name.into(),
            description: String::new(),
            permanent: None,
            deprecated: false,
            retired: None,
            location: Location::new("p.md", line, 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(id: u16, name: &str, line: u32) -> Code {
        Code::bare(Kind::Error, "people-api", id, name, line)
    }

    /// (old name, new name) of each pair, and the names found on one side only.
    fn names(p: &Pairing<'_>) -> (Vec<(String, String)>, Vec<String>, Vec<String>) {
        let n = |c: &&Code| c.name.clone();
        (
            p.both
                .iter()
                .map(|(o, n)| (o.name.clone(), n.name.clone()))
                .collect(),
            p.old_only.iter().map(n).collect(),
            p.new_only.iter().map(n).collect(),
        )
    }

    #[test]
    fn codes_pair_by_key_and_by_name_where_an_id_has_several_names() {
        let (a, b, c) = (code(1, "A", 1), code(1, "B", 2), code(1, "C", 3));
        // One listing each side: one code, whatever its name (a reworded name).
        let one = [a.clone()];
        let reworded = [c.clone()];
        assert_eq!(
            names(&pair_codes(&one, &reworded)),
            (vec![("A".into(), "C".into())], vec![], vec![])
        );
        // Retired codes meet the page by name only.
        assert_eq!(
            names(&pair_codes_by_name(&one, &reworded)),
            (vec![], vec!["A".into()], vec!["C".into()])
        );
        // Several names on either side: by name.
        let pair = [a.clone(), b.clone()];
        assert_eq!(
            names(&pair_codes(&pair, &one)),
            (vec![("A".into(), "A".into())], vec!["B".into()], vec![])
        );
        assert_eq!(
            names(&pair_codes(&one, &[b.clone(), c.clone()])),
            (vec![], vec!["A".into()], vec!["B".into(), "C".into()])
        );
        // Another id is another code.
        assert_eq!(
            names(&pair_codes(&one, &[code(2, "A", 1)])),
            (vec![], vec!["A".into()], vec!["A".into()])
        );
    }

    #[test]
    fn ids_with_several_names_and_their_order() {
        let mut retired = code(1, "R", 1);
        retired.retired = Some("0.1.1".into());
        let mut catalog = Catalog {
            codes: vec![retired, code(1, "B", 9), code(1, "A", 5), code(2, "C", 1)],
            ..Catalog::default()
        };
        catalog.sort();
        // The page's names in page order, then retired ones.
        let order: Vec<&str> = catalog.codes.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(order, ["A", "B", "R", "C"]);
        assert_eq!(
            catalog
                .ids_with_several_names()
                .into_iter()
                .collect::<Vec<_>>(),
            [(Kind::Error, "people-api", 1)]
        );
    }

    fn group(kind: Kind, channel: Option<&str>, id: Option<u16>, name: &str) -> Group {
        Group {
            kind,
            channel: channel.map(Into::into),
            key: GroupRef {
                id,
                name: name.into(),
            },
            description: String::new(),
            location: Location::default(),
        }
    }

    #[test]
    fn groups_pair_by_kind_channel_and_id_whatever_the_heading_says() {
        let old = [
            group(Kind::Status, None, Some(1), "PENDING"),
            group(Kind::Error, Some("general"), Some(1), "HANDSET_ERRORS"),
            group(Kind::Error, Some("push"), Some(1), "Registration error"),
            group(Kind::Error, Some("email"), Some(3), "System Error"),
            group(Kind::Error, Some("chat"), Some(3), "System Error"),
            group(Kind::Status, None, None, "Scheduled"),
        ];
        let new = [
            group(Kind::Status, None, Some(1), "Pending"),
            group(Kind::Error, Some("general"), Some(1), "Handset errors"),
            group(Kind::Error, Some("push"), Some(1), "Registration errors"),
            group(Kind::Error, Some("email"), Some(3), "System errors"),
            // Another channel's group 3 is another group; so is another kind's.
            group(Kind::Error, Some("mms"), Some(3), "System Error"),
            group(Kind::Error, Some("chat"), Some(2), "System Error"),
            // Without an id, a group is its name.
            group(Kind::Status, None, None, "Scheduled for later"),
        ];
        let p = pair_groups(&old, &new);
        let names = |gs: &[&Group]| gs.iter().map(|g| g.key.name.clone()).collect::<Vec<_>>();
        let pairs = |it: &mut dyn Iterator<Item = (&Group, &Group)>| {
            it.map(|(o, n)| format!("{} -> {}", o.key.name, n.key.name))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pairs(&mut p.both.iter().copied()),
            [
                "PENDING -> Pending",
                "HANDSET_ERRORS -> Handset errors",
                "Registration error -> Registration errors",
                "System Error -> System errors",
            ]
        );
        assert_eq!(
            pairs(&mut p.renamed()),
            [
                "Registration error -> Registration errors",
                "System Error -> System errors"
            ]
        );
        assert_eq!(p.respelled().count(), 4);
        assert_eq!(names(&p.old_only), ["System Error", "Scheduled"]);
        assert_eq!(
            names(&p.new_only),
            ["System Error", "System Error", "Scheduled for later"]
        );
        assert_eq!(p.new_only[0].channel.as_deref(), Some("mms"));
    }

    #[test]
    fn group_keys_ignore_case_and_separators() {
        assert_eq!(group_key("Registration error"), "REGISTRATIONERROR");
        assert_eq!(group_key("HANDSET_ERRORS"), group_key("Handset errors"));
    }
}
