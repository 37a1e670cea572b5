//! Which items of two lists are the same item: codes across two readings of a page (or
//! the retired codes and the page), groups across a reworded heading.

use super::{group_key, Code, Group, GroupRef, Kind};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;

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
}
