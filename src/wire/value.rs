//! The raw values of fields the wire objects do not interpret, and numbers kept as their
//! text.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
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

impl Value {
    /// The string, when the value is one.
    ///
    /// ```
    /// use infobip_codes::wire::Value;
    ///
    /// assert_eq!(Value::String("a1".into()).as_str(), Some("a1"));
    /// assert_eq!(Value::I64(1).as_str(), None);
    /// ```
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The integer, when the value is one that fits in `i64`.
    ///
    /// ```
    /// use infobip_codes::wire::Value;
    ///
    /// assert_eq!(Value::I64(-3).as_i64(), Some(-3));
    /// assert_eq!(Value::U64(u64::MAX).as_i64(), None);
    /// ```
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Value::I64(n) => Some(n),
            _ => None,
        }
    }

    /// The boolean, when the value is one.
    ///
    /// ```
    /// use infobip_codes::wire::Value;
    ///
    /// assert_eq!(Value::Bool(true).as_bool(), Some(true));
    /// assert_eq!(Value::Null.as_bool(), None);
    /// ```
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
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

/// Reads any value into a [`Value`]; the wire objects' field reader hands it what it
/// does not keep typed.
pub(super) struct ValueVisitor;

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
