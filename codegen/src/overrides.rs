//! `docs-source/overrides.json`: committed decisions the page cannot make.
//!
//! ```json
//! {
//!   "variants": {
//!     "status/general/5": "DeliveredToHandset",
//!     "error/voice/5400": "EcVoiceErrorBadRequest5400",
//!     "status-group/3/DELIVERED": "Delivered",
//!     "error-group/1/REGISTRATIONERROR": "RegistrationError"
//!   },
//!   "duplicates": [
//!     {"kind": "status", "channel": "mms", "id": 2, "keep": {"group": "DELIVERED"},
//!      "why": "the page lists it under two groups"}
//!   ]
//! }
//! ```
//!
//! - `variants` pins Rust variant names: a code keeps its variant when the page rewords
//!   its name or a new code takes the same name. Keys are `kind/channel/id` for codes
//!   (`kind/channel/id/NAME` for each name of an id that a channel documents under
//!   several names) and `status-group/ID/KEY` or `error-group/ID/KEY` for groups (ID is
//!   `-` for a group without id; KEY is the group name's letters and digits, uppercased).
//!   `cargo codes pin` writes a pin for every code and group.
//! - `duplicates` resolves a code that the page lists twice in one channel: which
//!   listing to keep, by its `group` and/or `name`. One id under two names gives two
//!   codes unless an entry keeps one of them by its `name`.

use crate::diag::{
    json_error_message, json_error_offset, Diagnostic, Diagnostics, LineIndex, Location,
};
use crate::json::quote;
use crate::model::{group_key, Catalog, Code, GroupRef, Kind};
use serde_json::Value;
use std::collections::BTreeMap;

/// The file's name inside `docs-source/`: one of [`DATA_FILES`](crate::freshness::DATA_FILES),
/// which spells it.
pub const FILE: &str = crate::freshness::DATA_FILES[0];

/// How to choose among listings of one code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keep {
    /// Keep the listing under the group with this name (compared by its key).
    pub group: Option<String>,
    /// Keep the listing with this documented name.
    pub name: Option<String>,
}

impl Keep {
    /// Whether `code` is the listing to keep.
    pub fn matches(&self, code: &Code) -> bool {
        let group_ok = self.group.as_ref().is_none_or(|want| {
            code.group
                .as_ref()
                .is_some_and(|g| group_key(&g.name) == group_key(want))
        });
        let name_ok = self.name.as_ref().is_none_or(|want| &code.name == want);
        group_ok && name_ok
    }
}

/// One resolved duplicate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// Status or error.
    pub kind: Kind,
    /// Channel slug.
    pub channel: String,
    /// The id listed more than once.
    pub id: u16,
    /// Which listing wins.
    pub keep: Keep,
    /// Where the entry is, for diagnostics.
    pub location: Location,
}

/// The parsed overrides file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Pinned variant names by key (see the module docs).
    pub variants: BTreeMap<String, String>,
    /// Resolutions of codes listed twice.
    pub duplicates: Vec<Duplicate>,
    /// Where the file is (for diagnostics).
    pub path: String,
}

/// The pin key of a code: `status/general/5`.
pub fn code_key(kind: Kind, channel: &str, id: u16) -> String {
    format!("{kind}/{channel}/{id}")
}

/// The pin key of `code`: [`code_key`], followed by `/NAME` when its channel documents
/// its id under several names (`shared`; see
/// [`Catalog::ids_with_several_names`](crate::model::Catalog::ids_with_several_names)):
/// `error/people-api/40404/CUSTOM_ATTRIBUTE_DOES_NOT_EXIST`.
pub fn code_pin_key(code: &Code, shared: bool) -> String {
    let key = code_key(code.kind, &code.channel, code.id);
    if shared {
        format!("{key}/{}", code.name)
    } else {
        key
    }
}

/// The pin key of a group: `status-group/3/DELIVERED`.
pub fn group_pin_key(kind: Kind, group: &GroupRef) -> String {
    let id = group.id.map_or_else(|| "-".to_owned(), |id| id.to_string());
    format!("{kind}-group/{id}/{}", group_key(&group.name))
}

/// The kind, id and name key of a group pin key (`error-group/1/REGISTRATIONERROR`):
/// the inverse of [`group_pin_key`]. `None` for a code's pin key.
pub fn parse_group_pin_key(key: &str) -> Option<(Kind, Option<u16>, &str)> {
    let (kind, rest) = key.split_once("-group/")?;
    let kind = match kind {
        "status" => Kind::Status,
        "error" => Kind::Error,
        _ => return None,
    };
    let (id, name) = rest.split_once('/')?;
    let id = match id {
        "-" => None,
        id => Some(id.parse().ok()?),
    };
    Some((kind, id, name))
}

/// Whether `name` can be a variant: an ASCII identifier in UpperCamelCase that is not
/// `Self`.
pub fn is_variant_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && name != "Self"
}

impl Overrides {
    /// Every code of `catalog`, in order, with whether its channel documents its id
    /// under several names ([`Catalog::ids_with_several_names`]; its pin key then
    /// carries its name) and the variant pinned for it: the one pin lookup of codes, for
    /// validation and naming alike.
    pub fn code_pins<'c>(&self, catalog: &'c Catalog) -> Vec<(&'c Code, bool, Option<&str>)> {
        let several = catalog.ids_with_several_names();
        catalog
            .codes
            .iter()
            .map(|code| {
                let shared = several.contains(&code.key());
                (code, shared, self.pinned(code, shared))
            })
            .collect()
    }

    /// The variant pinned for `code` (`shared` as in [`code_pin_key`]). A code alone
    /// with its id again also finds the pin it had under its name, so that its variant
    /// outlives the other name's leaving the page; a shared id's pin without a name
    /// belongs to neither name.
    fn pinned(&self, code: &Code, shared: bool) -> Option<&str> {
        let pin = |shared| self.variants.get(&code_pin_key(code, shared));
        pin(shared)
            .or_else(|| (!shared).then(|| pin(true)).flatten())
            .map(String::as_str)
    }

    /// The variant pinned for the group `group` of `kind` ([`group_pin_key`]).
    pub fn pinned_group(&self, kind: Kind, group: &GroupRef) -> Option<&str> {
        self.variants
            .get(&group_pin_key(kind, group))
            .map(String::as_str)
    }

    /// Every group pin: kind, id and name key ([`parse_group_pin_key`]), and variant.
    pub fn group_pins(&self) -> impl Iterator<Item = (Kind, Option<u16>, &str, &str)> {
        self.variants.iter().filter_map(|(key, ident)| {
            let (kind, id, name) = parse_group_pin_key(key)?;
            Some((kind, id, name, ident.as_str()))
        })
    }

    /// Parses the overrides file's text; problems go to `diags` and the entries with
    /// them are left out.
    pub fn parse(path: &str, text: &str, diags: &mut Diagnostics) -> Overrides {
        let index = LineIndex::new(path, text);
        let at = |offset: usize| index.locate(text, offset);
        let mut out = Overrides {
            path: path.to_owned(),
            ..Overrides::default()
        };
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                diags.push(
                    Diagnostic::error(
                        at(json_error_offset(text, &e)),
                        format!("invalid JSON in overrides: {}", json_error_message(&e)),
                    )
                    .with_hint(
                        "overrides.json is {\"variants\": {KEY: VARIANT}, \"duplicates\": [...]}",
                    ),
                );
                return out;
            }
        };
        // Entries are located by searching for their key in the text: good enough to point
        // a maintainer at the right line.
        let locate_str = |needle: &str| at(text.find(&quote(needle)).unwrap_or(0));
        let Value::Object(members) = &value else {
            diags.push(Diagnostic::error(at(0), "overrides must be a JSON object"));
            return out;
        };
        for (key, v) in members {
            match (key.as_str(), v) {
                ("variants", Value::Object(pins)) => {
                    for (k, v) in pins {
                        match v.as_str() {
                            Some(name) if is_variant_name(name) => {
                                out.variants.insert(k.clone(), name.to_owned());
                            }
                            _ => diags.push(
                                Diagnostic::error(locate_str(k), format!("pinned variant for `{k}` is not an UpperCamelCase identifier"))
                                    .with_hint("pins are ASCII identifiers starting with a capital letter, e.g. \"DeliveredToHandset\""),
                            ),
                        }
                    }
                }
                ("duplicates", Value::Array(items)) => {
                    for item in items {
                        match duplicate(item) {
                            Some(mut d) => {
                                d.location = at(text
                                    .find(&format!("\"id\": {}", d.id))
                                    .or_else(|| text.find(&format!("\"id\":{}", d.id)))
                                    .unwrap_or(0));
                                out.duplicates.push(d);
                            }
                            None => diags.push(
                                Diagnostic::error(locate_str("duplicates"), "unusable entry in `duplicates`")
                                    .with_hint("each entry is {\"kind\": \"status\"|\"error\", \"channel\": SLUG, \"id\": N, \"keep\": {\"group\": NAME, \"name\": NAME}}"),
                            ),
                        }
                    }
                }
                _ => diags.push(
                    Diagnostic::error(
                        locate_str(key),
                        format!("unknown or malformed section `{key}` in overrides"),
                    )
                    .with_hint("overrides.json has an object `variants` and an array `duplicates`"),
                ),
            }
        }
        out
    }

    /// Writes the file, keys sorted, one pin per line.
    #[cfg_attr(not(feature = "cli"), allow(dead_code))] // pin and vendor are the CLI's
    pub fn to_json(&self) -> String {
        let mut s = String::from("{\n  \"variants\": {");
        for (i, (k, v)) in self.variants.iter().enumerate() {
            s.push_str(if i == 0 { "\n    " } else { ",\n    " });
            s.push_str(&format!("{}: {}", quote(k), quote(v)));
        }
        s.push_str(if self.variants.is_empty() {
            "},\n"
        } else {
            "\n  },\n"
        });
        s.push_str("  \"duplicates\": [");
        for (i, d) in self.duplicates.iter().enumerate() {
            s.push_str(if i == 0 { "\n    " } else { ",\n    " });
            let mut keep = Vec::new();
            if let Some(g) = &d.keep.group {
                keep.push(format!("\"group\": {}", quote(g)));
            }
            if let Some(n) = &d.keep.name {
                keep.push(format!("\"name\": {}", quote(n)));
            }
            s.push_str(&format!(
                "{{\"kind\": {}, \"channel\": {}, \"id\": {}, \"keep\": {{{}}}}}",
                quote(d.kind.as_str()),
                quote(&d.channel),
                d.id,
                keep.join(", ")
            ));
        }
        s.push_str(if self.duplicates.is_empty() {
            "]\n}\n"
        } else {
            "\n  ]\n}\n"
        });
        s
    }
}

fn duplicate(item: &Value) -> Option<Duplicate> {
    let kind = match item.get("kind")?.as_str()? {
        "status" => Kind::Status,
        "error" => Kind::Error,
        _ => return None,
    };
    let keep = item.get("keep")?;
    let keep = Keep {
        group: keep.get("group").and_then(Value::as_str).map(str::to_owned),
        name: keep.get("name").and_then(Value::as_str).map(str::to_owned),
    };
    if keep.group.is_none() && keep.name.is_none() {
        return None;
    }
    Some(Duplicate {
        kind,
        channel: item.get("channel")?.as_str()?.to_owned(),
        id: u16::try_from(item.get("id")?.as_u64()?).ok()?,
        keep,
        location: Location::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_writes_back() {
        let text = "{\n  \"variants\": {\n    \"status/general/5\": \"DeliveredToHandset\"\n  },\n  \"duplicates\": [\n    {\"kind\": \"status\", \"channel\": \"mms\", \"id\": 2, \"keep\": {\"group\": \"DELIVERED\"}}\n  ]\n}\n";
        let mut diags = Diagnostics::default();
        let o = Overrides::parse("o.json", text, &mut diags);
        assert!(diags.0.is_empty(), "{diags}");
        assert_eq!(o.variants["status/general/5"], "DeliveredToHandset");
        assert_eq!(o.duplicates[0].location.line, 6);
        assert_eq!(o.to_json(), text);
    }

    #[test]
    fn reports_bad_entries_where_they_are() {
        let text = "{\"variants\": {\"status/general/5\": \"delivered\"}, \"duplicates\": [{\"kind\": \"x\"}], \"other\": 1}";
        let mut diags = Diagnostics::default();
        Overrides::parse("o.json", text, &mut diags);
        let msgs: Vec<String> = diags
            .0
            .iter()
            .map(|d| d.to_string().lines().next().unwrap().to_owned())
            .collect();
        assert_eq!(
            msgs,
            [
                "o.json:1:15: error: pinned variant for `status/general/5` is not an UpperCamelCase identifier",
                "o.json:1:49: error: unusable entry in `duplicates`",
                "o.json:1:80: error: unknown or malformed section `other` in overrides",
            ]
        );
    }

    #[test]
    fn codes_that_share_an_id_are_pinned_under_their_names() {
        let code = |name: &str| Code::bare(Kind::Error, "people-api", 40404, name, 1);
        let (a, b) = (code("A_NAME"), code("B_NAME"));
        assert_eq!(code_pin_key(&a, false), "error/people-api/40404");
        assert_eq!(code_pin_key(&a, true), "error/people-api/40404/A_NAME");
        let pins = Overrides {
            variants: [
                ("error/people-api/40404", "Plain"),
                ("error/people-api/40404/A_NAME", "Named"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
            ..Overrides::default()
        };
        // Shared: only the pin with the name; the pin of the id alone is neither's.
        assert_eq!(pins.pinned(&a, true), Some("Named"));
        assert_eq!(pins.pinned(&b, true), None);
        // Alone: the id's pin first, else the one it had under its name.
        assert_eq!(pins.pinned(&a, false), Some("Plain"));
        let named_only = Overrides {
            variants: pins
                .variants
                .into_iter()
                .filter(|(k, _)| k.ends_with("A_NAME"))
                .collect(),
            ..Overrides::default()
        };
        assert_eq!(named_only.pinned(&a, false), Some("Named"));
    }

    #[test]
    fn variant_names() {
        assert!(is_variant_name("EcX5400"));
        assert!(!is_variant_name("ecX"));
        assert!(!is_variant_name("Self"));
        assert!(!is_variant_name("Ec-X"));
        assert!(!is_variant_name(""));
    }
}
