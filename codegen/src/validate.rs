//! Checks on the whole catalog (all pages merged, then resolved by `resolve`) before
//! anything is generated. Checking changes nothing: the catalog is only read.

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{group_key, Catalog, Code, Group, Kind};
use crate::overrides::Overrides;
use std::collections::BTreeMap;

/// Checks `catalog` (after `resolve`) with the pins of `overrides`; errors make it unfit
/// for generation.
///
/// - a status group id names one group everywhere, and an error group id one group
///   per channel;
/// - names of one kind that differ only in letter case are a warning (the
///   case-insensitive lookup returns both);
/// - pinned variant names are unique within their enum.
pub fn validate(catalog: &Catalog, overrides: &Overrides) -> Diagnostics {
    let mut diags = Diagnostics::default();
    group_ids(catalog, &mut diags);
    case_collisions(catalog, &mut diags);
    unique_pins(catalog, overrides, &mut diags);
    diags.sort();
    diags
}

fn group_ids(catalog: &Catalog, diags: &mut Diagnostics) {
    let mut seen: BTreeMap<(Kind, Option<&str>, u16), &Group> = BTreeMap::new();
    for g in &catalog.groups {
        let Some(id) = g.key.id else { continue };
        let key = (g.kind, g.channel.as_deref(), id);
        match seen.get(&key) {
            None => {
                seen.insert(key, g);
            }
            Some(first) if group_key(&first.key.name) != group_key(&g.key.name) => {
                let scope = match &g.channel {
                    None => "every channel".to_owned(),
                    Some(c) => format!("channel {c}"),
                };
                diags.push(
                    Diagnostic::error(
                        g.location.clone(),
                        format!(
                            "{} group id {id} is `{}` here but `{}` at {} (one id names one group in {scope})",
                            g.kind, g.key.name, first.key.name, first.location
                        ),
                    )
                    .with_hint("fix the group heading so that the id and the name agree"),
                );
            }
            Some(_) => {}
        }
    }
}

fn unique_pins(catalog: &Catalog, overrides: &Overrides, diags: &mut Diagnostics) {
    let mut seen: BTreeMap<(Kind, &str), &Code> = BTreeMap::new();
    for (code, _, pin) in overrides.code_pins(catalog) {
        let Some(pin) = pin else { continue };
        match seen.get(&(code.kind, pin)) {
            None => {
                seen.insert((code.kind, pin), code);
            }
            Some(first) => diags.push(
                Diagnostic::error(
                    code.location.clone(),
                    format!(
                        "overrides.json pins `{pin}` for both `{}` ({} {}) and `{}` at {}",
                        code.name, code.channel, code.id, first.name, first.location
                    ),
                )
                .with_hint("give each code its own variant name in `variants` of docs-source/overrides.json"),
            ),
        }
    }
}

fn case_collisions(catalog: &Catalog, diags: &mut Diagnostics) {
    let mut seen: BTreeMap<(Kind, String), &Code> = BTreeMap::new();
    for code in &catalog.codes {
        let key = (code.kind, code.name.to_ascii_uppercase());
        match seen.get(&key) {
            None => {
                seen.insert(key, code);
            }
            Some(first) if first.name != code.name => {
                diags.push(
                    Diagnostic::warning(
                        code.location.clone(),
                        format!(
                            "name `{}` differs only in letter case from `{}` at {}",
                            code.name, first.name, first.location
                        ),
                    )
                    .with_hint("case-insensitive lookups return both; check the page for a typo"),
                );
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;
    use crate::model::GroupRef;

    fn code(kind: Kind, channel: &str, id: u16, name: &str, line: u32) -> Code {
        Code::bare(kind, channel, id, name, line)
    }

    #[test]
    fn group_ids_must_agree_and_case_twins_warn() {
        let group = |channel: Option<&str>, id, name: &str, line| Group {
            kind: Kind::Error,
            channel: channel.map(Into::into),
            key: GroupRef {
                id: Some(id),
                name: name.into(),
            },
            description: String::new(),
            location: Location::new("p.md", line, 1),
        };
        let catalog = Catalog {
            groups: vec![
                group(Some("general"), 1, "HANDSET_ERRORS", 1),
                group(Some("push"), 1, "Registration error", 2),
                group(Some("general"), 1, "Handset errors", 3),
                group(Some("general"), 1, "OPERATOR_ERRORS", 4),
            ],
            codes: vec![
                code(Kind::Error, "general", 1, "EC_X", 5),
                code(Kind::Error, "general", 2, "Ec_x", 6),
            ],
            ..Catalog::default()
        };
        let d = validate(&catalog, &Overrides::default());
        let lines: Vec<String> =
            d.0.iter()
                .map(|d| d.to_string().lines().next().unwrap().to_owned())
                .collect();
        assert_eq!(
            lines,
            [
                "p.md:4:1: error: error group id 1 is `OPERATOR_ERRORS` here but `HANDSET_ERRORS` at p.md:1:1 (one id names one group in channel general)",
                "p.md:6:1: warning: name `Ec_x` differs only in letter case from `EC_X` at p.md:5:1",
            ]
        );
    }
}
