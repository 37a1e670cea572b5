//! JSON string literals for the files the generator lays out by hand (one entry per
//! line, so that their diffs read well); reading and everything else is serde_json.

/// `s` as a JSON string literal.
pub(crate) fn quote(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}
