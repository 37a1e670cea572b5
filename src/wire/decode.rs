//! Reading a wire object: the field names it knows, the seeds that read each known
//! field's value straight into its slot (or, raw, into the extra fields when it has an
//! unexpected type), the loop over an object's fields, and the lookups that keep a
//! documented name as the crate's own `&'static str`.

use super::extra::Extra;
use super::name::Name;
use super::text::Text;
use super::value::{Value, ValueVisitor};
use alloc::string::String;
use core::fmt;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

/// The fields both objects share, as field names on the wire.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Known {
    GroupId,
    GroupName,
    Id,
    Name,
    Description,
    Action,
    Permanent,
}

impl Known {
    #[inline]
    fn from_wire_name(name: &str) -> Option<Known> {
        Some(match name {
            "groupId" => Known::GroupId,
            "groupName" => Known::GroupName,
            "id" => Known::Id,
            "name" => Known::Name,
            "description" => Known::Description,
            "action" => Known::Action,
            "permanent" => Known::Permanent,
            _ => return None,
        })
    }

    pub(super) fn wire_name(self) -> &'static str {
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

/// Reads a field name: one of the known ones, or any other, which it pushes to the extra
/// fields (its value to follow). So the name is never copied twice, and the loop over the
/// fields handles a one-byte key.
struct KeySeed<'a>(&'a mut Extra);

/// A field name as [`KeySeed`] reads it: `None` for a field it pushed to the extra fields.
type Key = Option<Known>;

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key, E> {
        self.visit_str(v)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        match Known::from_wire_name(v) {
            Some(known) => Ok(Some(known)),
            None => Ok(push_name(self.0, v)),
        }
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Key, E> {
        match Known::from_wire_name(&v) {
            Some(known) => Ok(Some(known)),
            None => Ok(push_name(self.0, v)),
        }
    }
}

/// Pushes the name of a field the object does not interpret, its value to follow. Out of
/// line, so that reading a known name stays small enough to inline into the loop.
#[inline(never)]
fn push_name(extra: &mut Extra, name: impl Into<String>) -> Key {
    extra.push((name.into(), Value::Null));
    None
}

/// Where a known field's value goes when it has the expected type. Each method takes a
/// value of one type and says whether it kept it; a value it does not keep goes, raw, to
/// the extra fields.
pub(super) trait Slot {
    fn int(&mut self, _: i64) -> bool {
        false
    }
    fn text(&mut self, _: &str) -> bool {
        false
    }
    /// Gives the string back when it does not keep it.
    fn string(&mut self, v: String) -> Option<String> {
        Some(v)
    }
    fn boolean(&mut self, _: bool) -> bool {
        false
    }
}

impl Slot for &mut Option<i32> {
    #[inline]
    fn int(&mut self, v: i64) -> bool {
        i32::try_from(v).map(|v| **self = Some(v)).is_ok()
    }
}

impl Slot for &mut Option<bool> {
    #[inline]
    fn boolean(&mut self, v: bool) -> bool {
        **self = Some(v);
        true
    }
}

impl Slot for &mut Option<Text> {
    #[inline]
    fn text(&mut self, v: &str) -> bool {
        **self = Some(Text::from(v));
        true
    }
    fn string(&mut self, v: String) -> Option<String> {
        **self = Some(Text::from(v));
        None
    }
}

/// A name field, and the names the crate holds: a payload's name equal to one of them is
/// kept as the crate's `&'static str`, without allocating.
pub(super) struct NameSlot<'a, K> {
    pub(super) field: &'a mut Option<Name>,
    pub(super) known: K,
}

impl<K: Fn(&str) -> Option<&'static &'static str>> Slot for NameSlot<'_, K> {
    #[inline]
    fn text(&mut self, v: &str) -> bool {
        *self.field = Some(match (self.known)(v) {
            Some(known) => Name::from_static(known),
            None => Name::from(v),
        });
        true
    }
    fn string(&mut self, v: String) -> Option<String> {
        let known = (self.known)(&v);
        *self.field = Some(name_from(v, known));
        None
    }
}

/// The crate's own name when the lookup found one, else the string itself.
pub(super) fn name_from(v: String, known: Option<&'static &'static str>) -> Name {
    match known {
        Some(known) => Name::from_static(known),
        None => Name::from(v),
    }
}

/// A wire object: which fields it interprets, and where everything else goes.
pub(super) trait WireObject: Default {
    const EXPECTING: &'static str;
    /// Reads the value of the known field `key` into its field, or raw into the extra
    /// fields.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: Known, map: &mut A) -> Result<(), A::Error>;

    fn extra_fields(&mut self) -> &mut Extra;
}

/// Reads one known field's value straight into its slot when the type is the expected
/// one, and into the extra fields, raw, otherwise.
pub(super) struct FieldSeed<'a, S> {
    pub(super) key: Known,
    pub(super) slot: S,
    pub(super) extra: &'a mut Extra,
}

impl<S> FieldSeed<'_, S> {
    fn raw<E>(self, value: Value) -> Result<(), E> {
        push_raw(self.extra, self.key, value);
        Ok(())
    }
}

/// Keeps a known field's value of an unexpected type among the extra fields. Out of
/// line: it is the rare path.
#[inline(never)]
pub(super) fn push_raw(extra: &mut Extra, key: Known, value: Value) {
    extra.push((key.wire_name().into(), value));
}

impl<'de, S: Slot> DeserializeSeed<'de> for FieldSeed<'_, S> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: Slot> Visitor<'de> for FieldSeed<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    #[inline]
    fn visit_bool<E: de::Error>(mut self, v: bool) -> Result<(), E> {
        if self.slot.boolean(v) {
            return Ok(());
        }
        self.raw(Value::Bool(v))
    }

    #[inline]
    fn visit_i64<E: de::Error>(mut self, v: i64) -> Result<(), E> {
        if self.slot.int(v) {
            return Ok(());
        }
        self.raw(Value::I64(v))
    }

    #[inline]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => self.raw(Value::U64(v)),
        }
    }

    #[inline]
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<(), E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => self.raw(ValueVisitor.visit_i128(v)?),
        }
    }

    #[inline]
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<(), E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => self.raw(ValueVisitor.visit_u128(v)?),
        }
    }

    #[inline]
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.raw(Value::F64(v))
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.visit_str(v)
    }

    #[inline]
    fn visit_str<E: de::Error>(mut self, v: &str) -> Result<(), E> {
        if self.slot.text(v) {
            return Ok(());
        }
        self.raw(Value::String(v.into()))
    }

    #[inline]
    fn visit_string<E: de::Error>(mut self, v: String) -> Result<(), E> {
        match self.slot.string(v) {
            None => Ok(()),
            Some(v) => self.raw(Value::String(v)),
        }
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.raw(Value::Null)
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.raw(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let v = ValueVisitor.visit_seq(seq)?;
        self.raw(v)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let v = ValueVisitor.visit_map(map)?;
        self.raw(v)
    }
}

pub(super) struct ObjectVisitor<T>(pub(super) core::marker::PhantomData<T>);

impl<'de, T: WireObject> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut object = T::default();
        while let Some(key) = map.next_key_seed(KeySeed(object.extra_fields()))? {
            match key {
                Some(known) => object.read(known, &mut map)?,
                None => {
                    let value: Value = map.next_value()?;
                    if let Some(last) = object.extra_fields().last_value_mut() {
                        *last = value;
                    }
                }
            }
        }
        Ok(object)
    }
}

/// Whether the extra fields hold a value of the known field `key`, kept raw because it had
/// an unexpected type.
#[inline]
pub(super) fn kept_raw(extra: &[(String, Value)], key: Known) -> bool {
    extra.iter().any(|(name, _)| name == key.wire_name())
}

/// `groupName` spellings that Infobip's payloads use and the page's headings do not: the
/// page's error group `OK` arrives as `Ok` on delivered messages.
const WIRE_SPELLINGS: &[&str] = &["Ok"];

/// The crate's own `&'static str` equal to a `groupName` (through a `'static` reference,
/// as a [`Name`] holds it): a group's name as the page spells it, or one of
/// [`WIRE_SPELLINGS`].
pub(super) fn known_group_name<G: Copy>(
    v: &str,
    all: &'static [G],
    name: fn(G) -> &'static &'static str,
) -> Option<&'static &'static str> {
    all.iter()
        .map(|g| name(*g))
        .chain(WIRE_SPELLINGS)
        .find(|known| **known == v)
}

/// The crate's own `&'static str` equal to a `name` (through a `'static` reference, as a
/// [`Name`] holds it): the name of the code with the object's id when it is that (one
/// table read and one comparison), else any documented name (a hash lookup).
pub(super) fn known_code_name<T: Copy>(
    v: &str,
    id: Option<i32>,
    from_wire_id: fn(i32) -> Option<T>,
    from_name: fn(&str) -> Option<T>,
    name: fn(T) -> &'static &'static str,
) -> Option<&'static &'static str> {
    match id.and_then(from_wire_id).map(name) {
        Some(known) if *known == v => Some(known),
        _ => any_code_name(v, from_name, name),
    }
}

/// Any documented name equal to `v`: a hash lookup, out of line, as payloads mostly name
/// the code of their id.
#[inline(never)]
fn any_code_name<T: Copy>(
    v: &str,
    from_name: fn(&str) -> Option<T>,
    name: fn(T) -> &'static &'static str,
) -> Option<&'static &'static str> {
    from_name(v).map(name)
}
