//! Writing a wire object back: its known fields first, in their order, then the extra
//! fields in arrival order.

use super::decode::Known;
use super::value::Value;
use super::{Name, Text};
use alloc::string::String;
use serde::ser::SerializeMap;
use serde::Serializer;

/// A known field's value, as it is written back.
pub(super) enum FieldRef<'a> {
    Int(i32),
    Str(&'a str),
    Bool(bool),
}

/// The value of a known field, to write back.
pub(super) trait FieldValue {
    fn get(&self) -> Option<FieldRef<'_>>;
}

impl FieldValue for Option<i32> {
    fn get(&self) -> Option<FieldRef<'_>> {
        self.map(FieldRef::Int)
    }
}

impl FieldValue for Option<Text> {
    fn get(&self) -> Option<FieldRef<'_>> {
        self.as_deref().map(FieldRef::Str)
    }
}

impl FieldValue for Option<Name> {
    fn get(&self) -> Option<FieldRef<'_>> {
        self.as_deref().map(FieldRef::Str)
    }
}

impl FieldValue for Option<bool> {
    fn get(&self) -> Option<FieldRef<'_>> {
        self.map(FieldRef::Bool)
    }
}

pub(super) fn serialize_fields<S: Serializer>(
    s: S,
    known: &[(Known, Option<FieldRef<'_>>)],
    extra: &[(String, Value)],
) -> Result<S::Ok, S::Error> {
    let len = known.iter().filter(|(_, v)| v.is_some()).count() + extra.len();
    let mut map = s.serialize_map(Some(len))?;
    for (key, value) in known {
        let name = key.wire_name();
        match value {
            Some(FieldRef::Int(n)) => map.serialize_entry(name, n)?,
            Some(FieldRef::Str(v)) => map.serialize_entry(name, v)?,
            Some(FieldRef::Bool(b)) => map.serialize_entry(name, b)?,
            None => {}
        }
    }
    for (k, v) in extra {
        map.serialize_entry(k, v)?;
    }
    map.end()
}
