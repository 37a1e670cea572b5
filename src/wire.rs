//! The `status` and `error` objects as they arrive on the wire (feature `serde`).
//!
//! Infobip adds codes, groups and fields over time. These types decode every
//! well-formed object and lose nothing:
//!
//! - ids, names and groups the page does not list are kept as they came;
//! - group names in any letter case (`"Ok"` beside `"OK"`) still resolve;
//! - missing fields stay missing, extra fields are kept in arrival order;
//! - a known field with an unexpected type (an id sent as a string, a `null`) is kept,
//!   raw, among the extra fields;
//! - numbers stay numbers, also when serde_json's `arbitrary_precision` feature is on
//!   somewhere in the build (see [`Number`]).
//!
//! Serializing gives back the same fields with the same values. Only input that is not
//! an object at all, or that names a field twice, is an error.
//!
//! ```
//! use infobip_codes::{MessageError, ErrorCode, ErrorGroup};
//!
//! let json = r#"{"groupId":1,"groupName":"Handset_Errors","id":27,"name":"EC_ABSENT_SUBSCRIBER","permanent":false,"traceId":"a1"}"#;
//! let error: MessageError = serde_json::from_str(json).unwrap();
//! assert_eq!(error.code(), Some(ErrorCode::EcAbsentSubscriber));
//! assert_eq!(error.group(), Some(ErrorGroup::HandsetErrors));
//! assert_eq!(error.is_permanent(), Some(false));
//! let back: serde_json::Value = serde_json::to_value(&error).unwrap();
//! assert_eq!(back, serde_json::from_str::<serde_json::Value>(json).unwrap());
//! ```

use crate::{ErrorCode, ErrorGroup, StatusCode, StatusGroup};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A raw value of a field these types do not interpret, kept so that it serializes back
/// unchanged.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// An integer that fits in `i64`.
    I64(i64),
    /// An integer above `i64::MAX`.
    U64(u64),
    /// An integer below `i64::MIN`, from a format that carries 128-bit integers.
    I128(i128),
    /// An integer above `u64::MAX`, from a format that carries 128-bit integers.
    U128(u128),
    /// A number with a fraction or exponent.
    F64(f64),
    /// A number kept as its text, as serde_json hands it over with its
    /// `arbitrary_precision` feature on.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, members in arrival order.
    Object(Vec<(String, Value)>),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::I64(n) => s.serialize_i64(*n),
            Value::U64(n) => s.serialize_u64(*n),
            Value::I128(n) => s.serialize_i128(*n),
            Value::U128(n) => s.serialize_u128(*n),
            Value::F64(n) => s.serialize_f64(*n),
            Value::Number(n) => n.serialize(s),
            Value::String(v) => s.serialize_str(v),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::I64(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::U64(v), Value::I64))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        match u128::try_from(v) {
            Ok(v) => self.visit_u128(v),
            Err(_) => Ok(i64::try_from(v).map_or(Value::I128(v), Value::I64)),
        }
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Ok(Value::U128(v)),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::F64(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.into()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            members.push((k, v));
        }
        Ok(match members.as_mut_slice() {
            [(key, Value::String(text))] if key == NUMBER_TOKEN && is_json_number(text) => {
                Value::Number(Number(core::mem::take(text)))
            }
            _ => Value::Object(members),
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

/// The key under which serde_json, with its `arbitrary_precision` feature on, hands a
/// number to `deserialize_any` (a map of this one key, the number's text its value), and
/// the struct name and field by which its serializer recognises a number to write.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// A number kept as its text.
///
/// With its `arbitrary_precision` feature on, serde_json hands over the numbers it does
/// not pass as an `i64` or a `u64` (fractions, exponents, integers beyond 64 bits, `-0`)
/// as a map with one private key, `$serde_json::private::Number`, whose value is the
/// number's text. (From its own `Value` it passes integers of up to 128 bits as such.)
/// Cargo turns the feature on for the whole build as soon as any crate in it asks for
/// it. A [`Value`] takes such a map (that one key, and a string in JSON's number grammar)
/// for what it stands for, and keeps the text as a `Number`.
///
/// A `Number` serializes the way serde_json's own number type does under that feature:
/// as a struct named `$serde_json::private::Number` with one field of that name holding
/// the text, which serde_json writes as the number itself. Formats that are not
/// human-readable (CBOR, MessagePack) get the one-member map back as it came, since some
/// of them write structs as arrays. Without the feature, such a map can only come from
/// input that spells it out, and it is written back the same way; with it, a map spelled
/// out cannot be told from a number (by serde_json's own `Value` either), and is written
/// back as the number.
///
/// `Debug` shows the number as written: `Number(0.1)`.
///
/// ```
/// use infobip_codes::wire::Value;
/// use infobip_codes::MessageStatus;
///
/// let s: MessageStatus = serde_json::from_str(r#"{"id":5,"price":0.1}"#).unwrap();
/// match &s.extra[0].1 {
///     Value::F64(price) => assert_eq!(*price, 0.1), // serde_json's default
///     Value::Number(price) => assert_eq!(price.as_str(), "0.1"), // with `arbitrary_precision`
///     other => panic!("{other:?}"),
/// }
/// assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"id":5,"price":0.1}"#);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Number(String);

impl Number {
    /// The number's text, in JSON's number grammar.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            let mut number = s.serialize_struct(NUMBER_TOKEN, 1)?;
            number.serialize_field(NUMBER_TOKEN, &self.0)?;
            number.end()
        } else {
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry(NUMBER_TOKEN, &self.0)?;
            map.end()
        }
    }
}

/// Whether `text` is a number in JSON's grammar,
/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`. serde_json writes a number's text
/// out unchecked, so nothing else may pass for one.
fn is_json_number(text: &str) -> bool {
    /// The rest after one or more digits, or `None` when `b` does not start with one.
    fn digits(b: &[u8]) -> Option<&[u8]> {
        let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
        (n > 0).then(|| &b[n..])
    }
    let b = text.as_bytes();
    let b = b.strip_prefix(b"-").unwrap_or(b);
    let integer = match b {
        [b'0', rest @ ..] => Some(rest),
        [b'1'..=b'9', ..] => digits(b),
        _ => None,
    };
    integer
        .and_then(|b| match b {
            [b'.', fraction @ ..] => digits(fraction),
            _ => Some(b),
        })
        .and_then(|b| match b {
            [b'e' | b'E', b'+' | b'-', exponent @ ..] | [b'e' | b'E', exponent @ ..] => {
                digits(exponent)
            }
            _ => Some(b),
        })
        .is_some_and(<[u8]>::is_empty)
}

/// The fields both objects share, as field names on the wire.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Known {
    GroupId,
    GroupName,
    Id,
    Name,
    Description,
    Action,
    Permanent,
}

impl Known {
    fn wire_name(self) -> &'static str {
        match self {
            Known::GroupId => "groupId",
            Known::GroupName => "groupName",
            Known::Id => "id",
            Known::Name => "name",
            Known::Description => "description",
            Known::Action => "action",
            Known::Permanent => "permanent",
        }
    }
}

/// A field name: one of the known ones, or any other.
enum Key {
    Known(Known),
    Other(String),
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(Key::Known(match v {
                    "groupId" => Known::GroupId,
                    "groupName" => Known::GroupName,
                    "id" => Known::Id,
                    "name" => Known::Name,
                    "description" => Known::Description,
                    "action" => Known::Action,
                    "permanent" => Known::Permanent,
                    other => return Ok(Key::Other(other.into())),
                }))
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

/// Where a known field's value goes when it has the expected type.
enum Slot<'a> {
    Int(&'a mut Option<i64>),
    Str(&'a mut Option<String>),
    Bool(&'a mut Option<bool>),
}

/// A wire object: which fields it interprets, and where everything else goes.
trait WireObject: Default {
    const EXPECTING: &'static str;

    /// The slot for `key` and the extra fields, or `None` when this object does not
    /// interpret `key` (it then goes to the extra fields as it is).
    fn slot(&mut self, key: Known) -> Option<(Slot<'_>, &mut Vec<(String, Value)>)>;

    fn extra_fields(&mut self) -> &mut Vec<(String, Value)>;
}

/// Reads one known field's value straight into its slot when the type is the expected
/// one, and into the extra fields, raw, otherwise.
struct FieldSeed<'a> {
    key: Known,
    slot: Slot<'a>,
    extra: &'a mut Vec<(String, Value)>,
}

impl FieldSeed<'_> {
    fn raw(self, value: Value) {
        self.extra.push((self.key.wire_name().into(), value));
    }
}

impl<'de> DeserializeSeed<'de> for FieldSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FieldSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        match self.slot {
            Slot::Bool(b) => *b = Some(v),
            _ => self.raw(Value::Bool(v)),
        }
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        match self.slot {
            Slot::Int(n) => *n = Some(v),
            _ => self.raw(Value::I64(v)),
        }
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        match (self.slot, i64::try_from(v)) {
            (Slot::Int(n), Ok(v)) => *n = Some(v),
            (slot, _) => FieldSeed { slot, ..self }.raw(ValueVisitor.visit_u64(v)?),
        }
        Ok(())
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<(), E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => {
                self.raw(ValueVisitor.visit_i128(v)?);
                Ok(())
            }
        }
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<(), E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => {
                self.raw(ValueVisitor.visit_u128(v)?);
                Ok(())
            }
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.raw(Value::F64(v));
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        match self.slot {
            Slot::Str(s) => *s = Some(v.into()),
            _ => self.raw(Value::String(v.into())),
        }
        Ok(())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        match self.slot {
            Slot::Str(s) => *s = Some(v),
            _ => self.raw(Value::String(v)),
        }
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.raw(Value::Null);
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.raw(Value::Null);
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let v = ValueVisitor.visit_seq(seq)?;
        self.raw(v);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let v = ValueVisitor.visit_map(map)?;
        self.raw(v);
        Ok(())
    }
}

struct ObjectVisitor<T>(core::marker::PhantomData<T>);

impl<'de, T: WireObject> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut object = T::default();
        let mut seen = 0u8;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Known(k) => match object.slot(k) {
                    Some((slot, extra)) => {
                        let bit = 1u8 << (k as u8);
                        if seen & bit != 0 {
                            return Err(de::Error::duplicate_field(k.wire_name()));
                        }
                        seen |= bit;
                        map.next_value_seed(FieldSeed {
                            key: k,
                            slot,
                            extra,
                        })?;
                    }
                    None => {
                        let value: Value = map.next_value()?;
                        object.extra_fields().push((k.wire_name().into(), value));
                    }
                },
                Key::Other(name) => {
                    let value: Value = map.next_value()?;
                    object.extra_fields().push((name, value));
                }
            }
        }
        Ok(object)
    }
}

fn serialize_fields<S: Serializer>(
    s: S,
    known: &[(&'static str, Option<FieldRef<'_>>)],
    extra: &[(String, Value)],
) -> Result<S::Ok, S::Error> {
    let len = known.iter().filter(|(_, v)| v.is_some()).count() + extra.len();
    let mut map = s.serialize_map(Some(len))?;
    for (name, value) in known {
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

enum FieldRef<'a> {
    Int(i64),
    Str(&'a str),
    Bool(bool),
}

fn int(v: Option<i64>) -> Option<FieldRef<'static>> {
    v.map(FieldRef::Int)
}

fn text(v: &Option<String>) -> Option<FieldRef<'_>> {
    v.as_deref().map(FieldRef::Str)
}

/// The `status` object of send responses, delivery reports and logs.
///
/// Every field is optional, because payloads vary; fields this type does not interpret
/// are kept in [`extra`](Self::extra). See the [module docs](self) for what is kept.
///
/// ```
/// use infobip_codes::{MessageStatus, StatusCode, StatusGroup};
///
/// let s: MessageStatus = serde_json::from_str(
///     r#"{"groupId":1,"groupName":"PENDING","id":26,"name":"PENDING_ACCEPTED","description":"Message sent to next instance"}"#,
/// ).unwrap();
/// assert_eq!(s.code(), Some(StatusCode::PendingAccepted));
/// assert_eq!(s.group(), Some(StatusGroup::Pending));
/// assert_eq!(s.is_final(), Some(false));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct MessageStatus {
    /// `groupId`
    pub group_id: Option<i64>,
    /// `groupName`, as sent.
    pub group_name: Option<String>,
    /// `id`
    pub id: Option<i64>,
    /// `name`, as sent.
    pub name: Option<String>,
    /// `description`, as sent.
    pub description: Option<String>,
    /// `action` (older payloads).
    pub action: Option<String>,
    /// Every other field, and known fields whose value had an unexpected type, in
    /// arrival order.
    pub extra: Vec<(String, Value)>,
}

/// The `error` object of send responses, delivery reports and logs.
///
/// Every field is optional, because payloads vary; fields this type does not interpret
/// are kept in [`extra`](Self::extra). See the [module docs](self) for what is kept.
///
/// ```
/// use infobip_codes::{ErrorCode, MessageError};
///
/// let e: MessageError = serde_json::from_str(
///     r#"{"groupId":0,"groupName":"Ok","id":0,"name":"NO_ERROR","description":"No Error","permanent":false}"#,
/// ).unwrap();
/// assert_eq!(e.code(), Some(ErrorCode::NoError));
/// assert!(e.is_no_error());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct MessageError {
    /// `groupId` (scoped per channel: see [`ErrorGroup::from_channel_id`]).
    pub group_id: Option<i64>,
    /// `groupName`, as sent.
    pub group_name: Option<String>,
    /// `id`
    pub id: Option<i64>,
    /// `name`, as sent.
    pub name: Option<String>,
    /// `description`, as sent.
    pub description: Option<String>,
    /// `permanent`, as sent.
    pub permanent: Option<bool>,
    /// Every other field, and known fields whose value had an unexpected type, in
    /// arrival order.
    pub extra: Vec<(String, Value)>,
}

impl WireObject for MessageStatus {
    const EXPECTING: &'static str = "an Infobip status object";

    fn slot(&mut self, key: Known) -> Option<(Slot<'_>, &mut Vec<(String, Value)>)> {
        let MessageStatus {
            group_id,
            group_name,
            id,
            name,
            description,
            action,
            extra,
        } = self;
        let slot = match key {
            Known::GroupId => Slot::Int(group_id),
            Known::GroupName => Slot::Str(group_name),
            Known::Id => Slot::Int(id),
            Known::Name => Slot::Str(name),
            Known::Description => Slot::Str(description),
            Known::Action => Slot::Str(action),
            Known::Permanent => return None,
        };
        Some((slot, extra))
    }

    fn extra_fields(&mut self) -> &mut Vec<(String, Value)> {
        &mut self.extra
    }
}

impl WireObject for MessageError {
    const EXPECTING: &'static str = "an Infobip error object";

    fn slot(&mut self, key: Known) -> Option<(Slot<'_>, &mut Vec<(String, Value)>)> {
        let MessageError {
            group_id,
            group_name,
            id,
            name,
            description,
            permanent,
            extra,
        } = self;
        let slot = match key {
            Known::GroupId => Slot::Int(group_id),
            Known::GroupName => Slot::Str(group_name),
            Known::Id => Slot::Int(id),
            Known::Name => Slot::Str(name),
            Known::Description => Slot::Str(description),
            Known::Permanent => Slot::Bool(permanent),
            Known::Action => return None,
        };
        Some((slot, extra))
    }

    fn extra_fields(&mut self) -> &mut Vec<(String, Value)> {
        &mut self.extra
    }
}

impl<'de> Deserialize<'de> for MessageStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ObjectVisitor(core::marker::PhantomData))
    }
}

impl Serialize for MessageStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_fields(
            s,
            &[
                ("groupId", int(self.group_id)),
                ("groupName", text(&self.group_name)),
                ("id", int(self.id)),
                ("name", text(&self.name)),
                ("description", text(&self.description)),
                ("action", text(&self.action)),
            ],
            &self.extra,
        )
    }
}

impl<'de> Deserialize<'de> for MessageError {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ObjectVisitor(core::marker::PhantomData))
    }
}

impl Serialize for MessageError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_fields(
            s,
            &[
                ("groupId", int(self.group_id)),
                ("groupName", text(&self.group_name)),
                ("id", int(self.id)),
                ("name", text(&self.name)),
                ("description", text(&self.description)),
                ("permanent", self.permanent.map(FieldRef::Bool)),
            ],
            &self.extra,
        )
    }
}

/// Picks the code for an object's `id` and `name`: by id (the name chooses among codes
/// that share the id in several channels), or by name when the id is missing.
fn resolve<T: Copy>(
    id: Option<i64>,
    name: Option<&str>,
    all_with_id: fn(u16) -> &'static [T],
    name_of: fn(T) -> &'static str,
    by_name: fn(&str) -> Option<T>,
) -> Option<T> {
    let name = name.map(str::trim);
    match id {
        Some(id) => {
            let candidates = all_with_id(u16::try_from(id).ok()?);
            candidates
                .iter()
                .copied()
                .find(|c| name.is_some_and(|n| name_of(*c).eq_ignore_ascii_case(n)))
                .or_else(|| candidates.first().copied())
        }
        None => name.and_then(by_name),
    }
}

impl MessageStatus {
    /// The documented status this object names: by `id`, or by `name` when the id is
    /// missing. `None` for a status the page this version was built from does not list.
    ///
    /// ```
    /// use infobip_codes::{MessageStatus, StatusCode};
    ///
    /// let known: MessageStatus = serde_json::from_str(r#"{"id":5}"#).unwrap();
    /// assert_eq!(known.code(), Some(StatusCode::DeliveredToHandset));
    /// let unknown: MessageStatus = serde_json::from_str(r#"{"id":9999,"name":"NEW"}"#).unwrap();
    /// assert_eq!(unknown.code(), None);
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<StatusCode> {
        resolve(
            self.id,
            self.name.as_deref(),
            StatusCode::from_id_all,
            StatusCode::name,
            StatusCode::from_name_ignore_case,
        )
    }

    /// The status group: from `groupId`, else from `groupName` (any letter case), else
    /// from the code.
    ///
    /// ```
    /// use infobip_codes::{MessageStatus, StatusGroup};
    ///
    /// let s: MessageStatus = serde_json::from_str(r#"{"groupName":"rejected","id":9999}"#).unwrap();
    /// assert_eq!(s.group(), Some(StatusGroup::Rejected));
    /// ```
    #[must_use]
    pub fn group(&self) -> Option<StatusGroup> {
        self.group_id
            .and_then(|id| u16::try_from(id).ok())
            .and_then(StatusGroup::from_id)
            .or_else(|| self.group_name.as_deref().and_then(StatusGroup::from_name))
            .or_else(|| self.code().and_then(StatusCode::group))
    }

    /// Whether no later report will change this status: the code's
    /// [`is_final`](StatusCode::is_final) when the code is known, else the group's
    /// [`is_final`](StatusGroup::is_final); `None` when neither is known.
    ///
    /// ```
    /// use infobip_codes::MessageStatus;
    ///
    /// let operator: MessageStatus = serde_json::from_str(r#"{"groupId":3,"id":2}"#).unwrap();
    /// assert_eq!(operator.is_final(), Some(false)); // DELIVERED_TO_OPERATOR is intermediate
    /// let unknown: MessageStatus = serde_json::from_str(r#"{"groupId":4,"id":9999}"#).unwrap();
    /// assert_eq!(unknown.is_final(), Some(true)); // EXPIRED
    /// ```
    #[must_use]
    pub fn is_final(&self) -> Option<bool> {
        match self.code() {
            Some(code) => Some(code.is_final()),
            None => self.group().map(StatusGroup::is_final),
        }
    }
}

impl From<StatusCode> for MessageStatus {
    /// The object as the page documents the code.
    ///
    /// ```
    /// use infobip_codes::{MessageStatus, StatusCode};
    ///
    /// let s = MessageStatus::from(StatusCode::DeliveredToHandset);
    /// assert_eq!(s.id, Some(5));
    /// assert_eq!(s.group_name.as_deref(), Some("DELIVERED"));
    /// ```
    fn from(code: StatusCode) -> Self {
        MessageStatus {
            group_id: code.group().and_then(StatusGroup::id).map(i64::from),
            group_name: code.group().map(|g| g.name().into()),
            id: Some(i64::from(code.id())),
            name: Some(code.name().into()),
            description: Some(code.description().into()),
            action: None,
            extra: Vec::new(),
        }
    }
}

impl MessageError {
    /// The documented error this object names: by `id`, or by `name` when the id is
    /// missing. `None` for an error the page this version was built from does not list.
    ///
    /// ```
    /// use infobip_codes::{ErrorCode, MessageError};
    ///
    /// let e: MessageError = serde_json::from_str(r#"{"name":"ec_absent_subscriber"}"#).unwrap();
    /// assert_eq!(e.code(), Some(ErrorCode::EcAbsentSubscriber));
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<ErrorCode> {
        resolve(
            self.id,
            self.name.as_deref(),
            ErrorCode::from_id_all,
            ErrorCode::name,
            ErrorCode::from_name_ignore_case,
        )
    }

    /// The error group: from `groupName` (any letter case; `groupId` chooses between
    /// groups of one name), else from the code, else from `groupId` when only one group
    /// of any channel has that id. Error group ids alone are ambiguous: see
    /// [`ErrorGroup::from_channel_id`].
    ///
    /// ```
    /// use infobip_codes::{ErrorGroup, MessageError};
    ///
    /// let e: MessageError = serde_json::from_str(r#"{"groupId":1,"groupName":"Registration error"}"#).unwrap();
    /// assert_eq!(e.group(), Some(ErrorGroup::RegistrationError));
    /// let by_code: MessageError = serde_json::from_str(r#"{"groupId":1,"id":8001}"#).unwrap();
    /// assert_eq!(by_code.group(), Some(ErrorGroup::RegistrationError));
    /// ```
    #[must_use]
    pub fn group(&self) -> Option<ErrorGroup> {
        let id = self.group_id.and_then(|id| u16::try_from(id).ok());
        if let Some(name) = self.group_name.as_deref() {
            let mut named = ErrorGroup::ALL
                .iter()
                .copied()
                .filter(|g| crate::groups::same_group_name(g.name(), name));
            let first = named.next();
            let with_id = first
                .into_iter()
                .chain(named)
                .find(|g| id.is_some() && g.id() == id);
            if let Some(g) = with_id.or(first) {
                return Some(g);
            }
        }
        if let Some(g) = self.code().and_then(ErrorCode::group) {
            return Some(g);
        }
        let id = id?;
        let mut with_id = ErrorGroup::ALL
            .iter()
            .copied()
            .filter(|g| g.id() == Some(id));
        match (with_id.next(), with_id.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// Whether sending the same message again, unchanged, fails the same way: the
    /// payload's `permanent` flag when present, else the page's flag for the code;
    /// `None` when neither says.
    ///
    /// ```
    /// use infobip_codes::MessageError;
    ///
    /// let flagged: MessageError = serde_json::from_str(r#"{"id":1,"permanent":false}"#).unwrap();
    /// assert_eq!(flagged.is_permanent(), Some(false)); // the payload wins
    /// let from_page: MessageError = serde_json::from_str(r#"{"id":1}"#).unwrap();
    /// assert_eq!(from_page.is_permanent(), Some(true)); // EC_UNKNOWN_SUBSCRIBER
    /// ```
    #[must_use]
    pub fn is_permanent(&self) -> Option<bool> {
        self.permanent
            .or_else(|| self.code().and_then(ErrorCode::permanent))
    }

    /// Whether the object reports no error: its group is OK (`groupId` 0 in General),
    /// as on delivered messages (`NO_ERROR`) and answered calls (`VOICE_ANSWERED`).
    ///
    /// ```
    /// use infobip_codes::MessageError;
    ///
    /// let answered: MessageError = serde_json::from_str(r#"{"groupId":0,"groupName":"OK","id":5000}"#).unwrap();
    /// assert!(answered.is_no_error());
    /// let absent: MessageError = serde_json::from_str(r#"{"groupId":1,"id":27}"#).unwrap();
    /// assert!(!absent.is_no_error());
    /// ```
    #[must_use]
    pub fn is_no_error(&self) -> bool {
        self.group()
            .is_some_and(|g| crate::groups::same_group_name(g.name(), "OK"))
    }
}

impl From<ErrorCode> for MessageError {
    /// The object as the page documents the code.
    ///
    /// ```
    /// use infobip_codes::{ErrorCode, MessageError};
    ///
    /// let e = MessageError::from(ErrorCode::EcUnknownSubscriber);
    /// assert_eq!(e.permanent, Some(true));
    /// assert_eq!(e.group_name.as_deref(), Some("HANDSET_ERRORS"));
    /// ```
    fn from(code: ErrorCode) -> Self {
        MessageError {
            group_id: code.group().and_then(ErrorGroup::id).map(i64::from),
            group_name: code.group().map(|g| g.name().into()),
            id: Some(i64::from(code.id())),
            name: Some(code.name().into()),
            description: Some(code.description().into()),
            permanent: code.permanent(),
            extra: Vec::new(),
        }
    }
}
