//! The catalog as data: JSON and CSV, for people and tools outside Rust.

use crate::model::Catalog;
use serde_json::json;

/// The catalog as JSON (the codes the pages list; retired codes are the crate's, not
/// the page's, and are left out):
/// `{"codes":[{"kind","channel","group":{"id","name"},"id","name","permanent","description"}]}`,
/// one code per line, in canonical order (kind, channel, id).
pub fn json(catalog: &Catalog) -> String {
    let rows: Vec<String> = catalog
        .codes
        .iter()
        .filter(|c| c.retired.is_none())
        .map(|c| {
            let group = c
                .group
                .as_ref()
                .map(|g| json!({"id": g.id, "name": g.name}));
            json!({"kind": c.kind.as_str(), "channel": c.channel, "group": group, "id": c.id,
                "name": c.name, "permanent": c.permanent, "description": c.description})
            .to_string()
        })
        .collect();
    match rows.is_empty() {
        true => "{\"codes\":[]}\n".to_owned(),
        false => format!("{{\"codes\":[\n  {}\n]}}\n", rows.join(",\n  ")),
    }
}

/// The catalog as CSV (RFC 4180), one code per row, in canonical order, with the header
/// `kind,channel,group_id,group_name,id,name,permanent,description`.
pub fn csv(catalog: &Catalog) -> String {
    let mut out =
        String::from("kind,channel,group_id,group_name,id,name,permanent,description\r\n");
    for c in catalog.codes.iter().filter(|c| c.retired.is_none()) {
        let fields = [
            c.kind.as_str().to_owned(),
            c.channel.clone(),
            c.group
                .as_ref()
                .and_then(|g| g.id)
                .map_or_else(String::new, |id| id.to_string()),
            c.group
                .as_ref()
                .map_or_else(String::new, |g| g.name.clone()),
            c.id.to_string(),
            c.name.clone(),
            c.permanent.map_or_else(String::new, |p| p.to_string()),
            c.description.clone(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;
    use crate::model::{Code, GroupRef, Kind};

    fn catalog() -> Catalog {
        Catalog {
            codes: vec![Code {
                kind: Kind::Error,
                channel: "general".into(),
                group: Some(GroupRef {
                    id: Some(1),
                    name: "HANDSET_ERRORS".into(),
                }),
                id: 1,
                name: "EC_UNKNOWN_SUBSCRIBER".into(),
                description: "The number does not exist, \"really\".\n\nSecond".into(),
                permanent: Some(true),
                deprecated: false,
                retired: None,
                location: Location::new("p.md", 1, 1),
            }],
            ..Catalog::default()
        }
    }

    #[test]
    fn json_shape() {
        assert_eq!(
            json(&catalog()),
            "{\"codes\":[\n  {\"kind\":\"error\",\"channel\":\"general\",\"group\":{\"id\":1,\"name\":\"HANDSET_ERRORS\"},\"id\":1,\"name\":\"EC_UNKNOWN_SUBSCRIBER\",\"permanent\":true,\"description\":\"The number does not exist, \\\"really\\\".\\n\\nSecond\"}\n]}\n"
        );
        assert_eq!(json(&Catalog::default()), "{\"codes\":[]}\n");
    }

    #[test]
    fn csv_quotes_fields() {
        assert_eq!(
            csv(&catalog()),
            "kind,channel,group_id,group_name,id,name,permanent,description\r\nerror,general,1,HANDSET_ERRORS,1,EC_UNKNOWN_SUBSCRIBER,true,\"The number does not exist, \"\"really\"\".\n\nSecond\"\r\n"
        );
    }
}
