//! `docs-source/retired.json`: codes the page no longer lists, kept in the crate as
//! `#[deprecated]` variants so that a removal is a minor release, not a breaking one.
//!
//! ```json
//! {"codes": [
//!   {"kind": "error", "channel": "voice", "id": 5415, "name": "EC_VOICE_UNSUPPORTED_MEDIA_TYPE",
//!    "group": {"id": 3, "name": "OPERATOR_ERRORS"}, "permanent": false,
//!    "description": "Format of the file is not supported.", "retired_in": "0.2.0"}
//! ]}
//! ```
//!
//! `cargo codes vendor` maintains it: a code that disappears from the page is added with
//! the release that keeps it as deprecated; a code that comes back is taken out.

use crate::diag::{
    json_error_message, json_error_offset, Diagnostic, Diagnostics, LineIndex, Location,
};
use crate::json::quote;
use crate::model::{Code, GroupRef, Kind};
use serde_json::Value;

/// The file's name inside `docs-source/`: one of [`DATA_FILES`](crate::freshness::DATA_FILES),
/// which spells it.
pub const FILE: &str = crate::freshness::DATA_FILES[2];

/// Reads the retired codes; entries with problems are reported and left out.
pub fn parse(path: &str, text: &str, diags: &mut Diagnostics) -> Vec<Code> {
    let index = LineIndex::new(path, text);
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(
                Diagnostic::error(index.locate(text, json_error_offset(text, &e)), format!("invalid JSON in retired codes: {}", json_error_message(&e)))
                    .with_hint("retired.json is {\"codes\": [{\"kind\", \"channel\", \"id\", \"name\", \"retired_in\", ...}]}"),
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    let mut search_from = 0;
    for item in value
        .get("codes")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
    {
        // Locate the entry by its id, in file order.
        let location = match item.get("id").and_then(Value::as_u64) {
            Some(id) => {
                let needle = format!("\"id\": {id}");
                let at = text[search_from..]
                    .find(&needle)
                    .map_or(search_from, |i| search_from + i);
                search_from = at;
                index.locate(text, at)
            }
            None => index.locate(text, search_from),
        };
        match code(item, location.clone()) {
            Some(c) => out.push(c),
            None => diags.push(
                Diagnostic::error(location, "unusable entry in retired codes").with_hint(
                    "each entry needs kind (status|error), channel, id, name and retired_in",
                ),
            ),
        }
    }
    out
}

fn code(item: &Value, location: Location) -> Option<Code> {
    let s = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_owned);
    let kind = match s("kind")?.as_str() {
        "status" => Kind::Status,
        "error" => Kind::Error,
        _ => return None,
    };
    let group = item.get("group").and_then(|g| {
        Some(GroupRef {
            id: g
                .get("id")
                .and_then(Value::as_u64)
                .and_then(|i| u16::try_from(i).ok()),
            name: g.get("name")?.as_str()?.to_owned(),
        })
    });
    Some(Code {
        kind,
        channel: s("channel")?,
        group,
        id: u16::try_from(item.get("id")?.as_u64()?).ok()?,
        name: s("name")?,
        description: s("description").unwrap_or_default(),
        permanent: match item.get("permanent") {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        },
        deprecated: false,
        retired: Some(s("retired_in")?),
        location,
    })
}

/// Writes the retired codes, sorted by kind, channel and id.
#[cfg_attr(not(feature = "cli"), allow(dead_code))] // vendor is the CLI's
pub fn to_json(codes: &[Code]) -> String {
    let mut codes: Vec<&Code> = codes.iter().collect();
    codes.sort_by(|a, b| a.canonical_cmp(b));
    let mut s = String::from("{\n  \"codes\": [");
    for (i, c) in codes.iter().enumerate() {
        s.push_str(if i == 0 { "\n    " } else { ",\n    " });
        let group = c.group.as_ref().map_or_else(
            || "null".to_owned(),
            |g| {
                format!(
                    "{{\"id\": {}, \"name\": {}}}",
                    g.id.map_or_else(|| "null".to_owned(), |i| i.to_string()),
                    quote(&g.name)
                )
            },
        );
        s.push_str(&format!(
            "{{\"kind\": {}, \"channel\": {}, \"id\": {}, \"name\": {}, \"group\": {group}, \"permanent\": {}, \"description\": {}, \"retired_in\": {}}}",
            quote(c.kind.as_str()),
            quote(&c.channel),
            c.id,
            quote(&c.name),
            c.permanent.map_or("null", |p| if p { "true" } else { "false" }),
            quote(&c.description),
            quote(c.retired.as_deref().unwrap_or_default()),
        ));
    }
    s.push_str(if codes.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let text = "{\n  \"codes\": [\n    {\"kind\": \"error\", \"channel\": \"voice\", \"id\": 5415, \"name\": \"EC_X\", \"group\": {\"id\": 3, \"name\": \"OPERATOR_ERRORS\"}, \"permanent\": false, \"description\": \"Gone.\", \"retired_in\": \"0.2.0\"}\n  ]\n}\n";
        let mut diags = Diagnostics::default();
        let codes = parse("r.json", text, &mut diags);
        assert!(diags.0.is_empty(), "{diags}");
        assert_eq!(codes[0].retired.as_deref(), Some("0.2.0"));
        assert_eq!(codes[0].location.line, 3);
        assert_eq!(to_json(&codes), text);
        assert_eq!(to_json(&[]), "{\n  \"codes\": []\n}\n");
    }

    #[test]
    fn reports_unusable_entries() {
        let mut diags = Diagnostics::default();
        let codes = parse(
            "r.json",
            "{\"codes\": [{\"kind\": \"error\", \"id\": 1}]}",
            &mut diags,
        );
        assert!(codes.is_empty());
        assert_eq!(diags.0[0].message, "unusable entry in retired codes");
    }
}
