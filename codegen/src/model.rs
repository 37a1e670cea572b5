//! The catalog: the one contract between the page readers and the code writers.
//!
//! Readers (`parse`) turn a page into a [`Catalog`]; `resolve` settles what the page lists
//! twice and adds the retired codes; `validate` checks it; `names` names it; writers
//! (`emit`) turn it into Rust, JSON or CSV. Nothing downstream looks at a page, and
//! nothing here spells Rust.

use crate::diag::Location;
use std::cmp::Ordering;
use std::fmt;

mod pairing;

pub use pairing::{pair_codes, pair_codes_by_name, pair_groups, GroupPairing, GroupSlot, Pairing};

/// Whether a code is a status (`status` object) or an error (`error` object).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Status or error group.
    pub kind: Kind,
    /// `None` for groups shared by all channels (status groups); the channel slug otherwise.
    pub channel: Option<String>,
    /// The group id and name.
    pub key: GroupRef,
    /// The group's one-line description under its heading, as markdown.
    pub description: String,
    /// The group heading.
    pub location: Location,
}

/// One documented code.
#[derive(Clone, Debug, PartialEq, Eq)]
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
        crate::doc_text::plain_text(&self.description)
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

/// The form a page was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    /// The pages read, in the order given.
    pub sources: Vec<SourcePage>,
    /// Channels in canonical order.
    pub channels: Vec<Channel>,
    /// Groups in canonical order (kind, channel, id, name; groups without an id last).
    pub groups: Vec<Group>,
    /// Codes in canonical order (kind, channel, id).
    pub codes: Vec<Code>,
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

    #[test]
    fn group_keys_ignore_case_and_separators() {
        assert_eq!(group_key("Registration error"), "REGISTRATIONERROR");
        assert_eq!(group_key("HANDSET_ERRORS"), group_key("Handset errors"));
    }
}
