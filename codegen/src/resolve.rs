//! Resolving, the stage between reading and validation: the one stage that changes the
//! merged catalog. It settles the codes the page lists more than once (by
//! `docs-source/overrides.json` where it decides) and adds the retired codes the crate
//! keeps (`docs-source/retired.json`). `validate` then only checks.

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Catalog, Code, Group, GroupSlot, Kind};
use crate::overrides::Overrides;
use std::collections::BTreeMap;

/// Resolves `catalog` in place: its duplicate listings ([`resolve_duplicates`]), then
/// the codes `retired` keeps ([`keep_retired`]).
pub fn resolve(catalog: &mut Catalog, overrides: &Overrides, retired: &[Code]) -> Diagnostics {
    let mut diags = resolve_duplicates(catalog, overrides);
    diags.extend(keep_retired(catalog, retired));
    diags
}

/// Resolves codes listed more than once in one kind and channel, in place.
///
/// - An entry of `overrides.duplicates` for the id keeps the listing it selects.
/// - Otherwise, listings that agree on the name are one code listed twice (the current
///   page lists a status under two groups): a warning names both places and the first
///   listing is kept.
/// - Listings with different names are different codes that share the id (Infobip's
///   People API documents 40404 as `ADDITIONAL_FIELD_DOES_NOT_EXIST` and as
///   `CUSTOM_ATTRIBUTE_DOES_NOT_EXIST`): each name is kept, and a warning names both
///   rows, since a mistyped id looks the same.
pub fn resolve_duplicates(catalog: &mut Catalog, overrides: &Overrides) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let mut by_key: BTreeMap<(Kind, String, u16), Vec<usize>> = BTreeMap::new();
    for (i, code) in catalog.codes.iter().enumerate() {
        by_key
            .entry((code.kind, code.channel.clone(), code.id))
            .or_default()
            .push(i);
    }
    let mut drop = vec![false; catalog.codes.len()];
    let mut used = vec![false; overrides.duplicates.len()];
    for ((kind, channel, id), listings) in by_key.iter().filter(|(_, v)| v.len() > 1) {
        let rule = overrides
            .duplicates
            .iter()
            .position(|d| d.kind == *kind && &d.channel == channel && d.id == *id);
        let codes: Vec<&Code> = listings.iter().map(|&i| &catalog.codes[i]).collect();
        let places = || {
            codes
                .iter()
                .map(|c| format!("`{}` under {} at {}", c.name, group_label(c), c.location))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let keep: Vec<usize> = match rule {
            Some(r) => {
                used[r] = true;
                let rule = &overrides.duplicates[r];
                let chosen: Vec<usize> = listings
                    .iter()
                    .copied()
                    .filter(|&i| rule.keep.matches(&catalog.codes[i]))
                    .collect();
                if let [one] = chosen[..] {
                    vec![one]
                } else {
                    diags.push(
                        Diagnostic::error(
                            rule.location.clone(),
                            format!(
                                "the duplicates entry for {kind} {id} in channel {channel} selects {} of its listings, not one: {}",
                                chosen.len(),
                                places()
                            ),
                        )
                        .with_hint("make `keep` name the group or the name of exactly one listing"),
                    );
                    continue;
                }
            }
            None => {
                // The first listing of each name is a code; later listings of a name repeat it.
                let mut kept: Vec<usize> = Vec::new();
                for (j, c) in codes.iter().enumerate() {
                    match kept.iter().find(|&&k| codes[k].name == c.name) {
                        Some(&k) => diags.push(listed_again(c, codes[k])),
                        None => {
                            if let Some(&k) = kept.first() {
                                diags.push(another_name(c, codes[k]));
                            }
                            kept.push(j);
                        }
                    }
                }
                kept.iter().map(|&j| listings[j]).collect()
            }
        };
        for &i in listings {
            drop[i] = !keep.contains(&i);
        }
    }
    for (rule, used) in overrides.duplicates.iter().zip(used) {
        if !used {
            diags.push(
                Diagnostic::warning(
                    rule.location.clone(),
                    format!(
                        "the duplicates entry for {} {} in channel {} matches no duplicate listing",
                        rule.kind, rule.id, rule.channel
                    ),
                )
                .with_hint("the page no longer lists it twice: remove the entry"),
            );
        }
    }
    let mut i = 0;
    catalog.codes.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
    diags
}

/// Adds the retired codes (no longer on the page) to the catalog, with their channel
/// and group when the page no longer has them either. A retired code that is back on
/// the page is a warning: the page wins.
///
/// A retired code belongs to the group that now sits in its group's [`GroupSlot`] (kind,
/// channel, id), under that group's name as the page spells it today: Infobip rewords
/// headings (email's `System Error` became `System errors`) while the codes that left
/// the page were retired under the old heading. Only when no group of the page sits
/// there does the retired code keep the group it was retired with.
pub fn keep_retired(catalog: &mut Catalog, retired: &[Code]) -> Diagnostics {
    let mut diags = Diagnostics::default();
    // The retired codes that are the same code as one on the page.
    let back: Vec<bool> = {
        let pairs = crate::model::pair_codes_by_name(retired, &catalog.codes).both;
        retired
            .iter()
            .map(|r| {
                pairs
                    .iter()
                    .any(|(code, on_page)| std::ptr::eq(*code, r) && on_page.retired.is_none())
            })
            .collect()
    };
    for (code, back) in retired.iter().zip(back) {
        if back {
            diags.push(
                Diagnostic::warning(
                    code.location.clone(),
                    format!(
                        "retired {} {} `{}` in channel {} is on the page again; the page's listing is used",
                        code.kind, code.id, code.name, code.channel
                    ),
                )
                .with_hint("`cargo codes vendor` takes codes that come back out of retired.json; remove the entry"),
            );
            continue;
        }
        if catalog.channel(&code.channel).is_none() {
            catalog.channels.push(crate::model::Channel {
                slug: code.channel.clone(),
                title: code.channel.clone(),
                location: code.location.clone(),
            });
        }
        let mut code = code.clone();
        if let Some(group) = code.group.clone() {
            let slot = GroupSlot::of(code.kind, Some(&code.channel), &group);
            match catalog.groups.iter().find(|g| g.slot() == slot) {
                Some(now) => code.group = Some(now.key.clone()),
                None => catalog.groups.push(Group {
                    kind: code.kind,
                    channel: slot.scope,
                    key: group,
                    description: String::new(),
                    location: code.location.clone(),
                }),
            }
        }
        catalog.codes.push(code);
    }
    catalog.sort();
    diags
}

/// The warning for `c`, a later listing of `first`'s code under the same name.
fn listed_again(c: &Code, first: &Code) -> Diagnostic {
    let (kind, channel, id) = c.key();
    Diagnostic::warning(
        c.location.clone(),
        format!(
            "{kind} {id} `{}` is listed again in channel {channel} (under {}); keeping the first listing, under {} at {}",
            c.name,
            group_label(c),
            group_label(first),
            first.location
        ),
    )
    .with_hint(format!(
        "to keep another listing, add {{\"kind\": \"{kind}\", \"channel\": \"{channel}\", \"id\": {id}, \"keep\": {{\"group\": ...}}}} to `duplicates` in docs-source/overrides.json"
    ))
}

/// The warning for `c`, a listing of `first`'s id under another name: both are codes.
fn another_name(c: &Code, first: &Code) -> Diagnostic {
    let (kind, channel, id) = c.key();
    Diagnostic::warning(
        c.location.clone(),
        format!(
            "{kind} id {id} in channel {channel} is documented under another name: `{}` here, `{}` at {}; both are kept as codes",
            c.name, first.name, first.location
        ),
    )
    .with_snippet(format!("{} {}", c.id, c.name))
    .with_hint(format!(
        "`from_channel_id` returns the first in page order, `from_id_all` both, and a payload's `name` chooses between them; if an id was mistyped, fix the row; to keep one, add {{\"kind\": \"{kind}\", \"channel\": \"{channel}\", \"id\": {id}, \"keep\": {{\"name\": ...}}}} to `duplicates` in docs-source/overrides.json"
    ))
}

fn group_label(code: &Code) -> String {
    code.group
        .as_ref()
        .map_or_else(|| "no group".to_owned(), |g| format!("group `{}`", g.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;
    use crate::model::GroupRef;
    use crate::validate::validate;

    fn code(kind: Kind, channel: &str, id: u16, name: &str, line: u32) -> Code {
        Code::bare(kind, channel, id, name, line)
    }

    fn first_lines(d: &Diagnostics) -> Vec<String> {
        d.0.iter()
            .map(|d| d.to_string().lines().next().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn different_names_for_one_id_are_two_codes_and_a_warning_naming_both_rows() {
        let listed = Catalog {
            codes: vec![
                code(Kind::Error, "voice", 5400, "A", 10),
                code(Kind::Error, "voice", 5400, "B", 20),
                code(Kind::Error, "voice", 5400, "A", 25),
                code(Kind::Error, "general", 5400, "A", 30),
                code(Kind::Status, "voice", 5400, "A", 40),
            ],
            ..Catalog::default()
        };
        let mut catalog = listed.clone();
        let d = resolve_duplicates(&mut catalog, &Overrides::default());
        assert_eq!(
            first_lines(&d),
            [
                "p.md:20:1: warning: error id 5400 in channel voice is documented under another name: `B` here, `A` at p.md:10:1; both are kept as codes",
                "p.md:25:1: warning: error 5400 `A` is listed again in channel voice (under no group); keeping the first listing, under no group at p.md:10:1",
            ]
        );
        let lines = |c: &Catalog| c.codes.iter().map(|c| c.location.line).collect::<Vec<_>>();
        assert_eq!(lines(&catalog), [10, 20, 30, 40]);
        assert_eq!(
            catalog
                .ids_with_several_names()
                .into_iter()
                .collect::<Vec<_>>(),
            [(Kind::Error, "voice", 5400)]
        );

        // overrides.json can still choose one of them, by its name.
        let mut diags = Diagnostics::default();
        let overrides = Overrides::parse(
            "o.json",
            r#"{"duplicates": [{"kind": "error", "channel": "voice", "id": 5400, "keep": {"name": "B"}}]}"#,
            &mut diags,
        );
        let mut catalog = listed;
        let d = resolve_duplicates(&mut catalog, &overrides);
        assert!(d.0.is_empty(), "{d}");
        assert_eq!(lines(&catalog), [20, 30, 40]);
    }

    #[test]
    fn one_code_listed_twice_keeps_the_first_or_the_chosen_listing() {
        let grouped = |line, group: &str| Code {
            group: Some(GroupRef {
                id: None,
                name: group.into(),
            }),
            ..code(Kind::Status, "mms", 2, "DELIVERED_TO_OPERATOR", line)
        };
        let listed_twice = Catalog {
            codes: vec![grouped(10, "DELIVERED"), grouped(20, "PENDING")],
            ..Catalog::default()
        };
        let mut catalog = listed_twice.clone();
        let d = resolve_duplicates(&mut catalog, &Overrides::default());
        assert_eq!(
            first_lines(&d),
            ["p.md:20:1: warning: status 2 `DELIVERED_TO_OPERATOR` is listed again in channel mms (under group `PENDING`); keeping the first listing, under group `DELIVERED` at p.md:10:1"]
        );
        assert_eq!(catalog.codes.len(), 1);
        assert_eq!(catalog.codes[0].location.line, 10);

        let mut diags = Diagnostics::default();
        let overrides = Overrides::parse(
            "o.json",
            r#"{"duplicates": [{"kind": "status", "channel": "mms", "id": 2, "keep": {"group": "pending"}}]}"#,
            &mut diags,
        );
        let mut catalog = listed_twice.clone();
        let d = resolve_duplicates(&mut catalog, &overrides);
        assert!(d.0.is_empty(), "{d}");
        assert_eq!(catalog.codes.len(), 1);
        assert_eq!(catalog.codes[0].location.line, 20);

        let overrides = Overrides::parse(
            "o.json",
            r#"{"duplicates": [{"kind": "status", "channel": "mms", "id": 9, "keep": {"group": "x"}}]}"#,
            &mut diags,
        );
        let mut catalog = listed_twice;
        let d = resolve_duplicates(&mut catalog, &overrides);
        assert_eq!(d.warnings().count(), 2, "{d}");
    }

    #[test]
    fn a_retired_code_belongs_to_the_group_now_in_its_slot() {
        let group = |id, name: &str| GroupRef {
            id: Some(id),
            name: name.into(),
        };
        let in_group = |id: u16, name: &str, g: GroupRef, line| Code {
            group: Some(g),
            ..code(Kind::Error, "email", id, name, line)
        };
        let mut catalog = Catalog {
            groups: vec![Group {
                kind: Kind::Error,
                channel: Some("email".into()),
                key: group(3, "System errors"),
                description: String::new(),
                location: Location::new("p.md", 1, 1),
            }],
            codes: vec![in_group(
                6013,
                "EC_TEMPORARY_SENDING_ERROR",
                group(3, "System errors"),
                2,
            )],
            ..Catalog::default()
        };
        let retired = [
            // Retired under the heading the page had then.
            in_group(6015, "EC_GATEWAY_ERROR", group(3, "System Error"), 10),
            // Retired from a group that left the page too: it keeps its group.
            in_group(6099, "EC_GONE", group(4, "Gone"), 11),
        ];
        let d = keep_retired(&mut catalog, &retired);
        assert!(d.0.is_empty(), "{d}");
        let groups: Vec<(u16, Option<&str>)> = catalog
            .codes
            .iter()
            .map(|c| (c.id, c.group.as_ref().map(|g| g.name.as_str())))
            .collect();
        assert_eq!(
            groups,
            [
                (6013, Some("System errors")),
                (6015, Some("System errors")),
                (6099, Some("Gone"))
            ]
        );
        let names: Vec<&str> = catalog.groups.iter().map(|g| g.key.name.as_str()).collect();
        assert_eq!(names, ["System errors", "Gone"]);
        // Nothing for validation to refuse: one id names one group in the channel.
        assert!(validate(&catalog, &Overrides::default()).0.is_empty());
    }
}
