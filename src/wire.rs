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
//! Serializing gives back the same fields with the same values: the known fields first,
//! in the order above, then the others in arrival order. Only input that is not an object
//! at all, or that names a known field twice, is an error (another field named twice is
//! kept twice, as it came).
//!
//! The objects are small and cheap to decode, because nearly every payload carries the
//! documented names: a [`Name`] is one pointer into the crate's tables, a [`Text`] holds
//! a short description in place, and [`Extra`] is one pointer while there are no extra
//! fields. Decoding a delivery report costs fewer instructions than decoding it into
//! plain structs with `String` fields (BENCHMARKS.md in the repository has the figures).
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

mod extra;
mod name;
mod text;
mod value;

pub use extra::Extra;
pub use name::Name;
pub use text::Text;
pub use value::{Number, Value};

use crate::outcome::{is_ok_group, StatusFacts};
use crate::{ErrorCode, ErrorGroup, Outcome, StatusCode, StatusGroup};
use alloc::string::String;
use core::fmt;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use value::ValueVisitor;

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
trait Slot {
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
struct NameSlot<'a, K> {
    field: &'a mut Option<Name>,
    known: K,
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
fn name_from(v: String, known: Option<&'static &'static str>) -> Name {
    match known {
        Some(known) => Name::from_static(known),
        None => Name::from(v),
    }
}

/// A known field's value, as it is written back.
enum FieldRef<'a> {
    Int(i32),
    Str(&'a str),
    Bool(bool),
}

/// The value of a known field, to write back.
trait Field {
    fn get(&self) -> Option<FieldRef<'_>>;
}

impl Field for Option<i32> {
    fn get(&self) -> Option<FieldRef<'_>> {
        self.map(FieldRef::Int)
    }
}

impl Field for Option<Text> {
    fn get(&self) -> Option<FieldRef<'_>> {
        self.as_deref().map(FieldRef::Str)
    }
}

impl Field for Option<Name> {
    fn get(&self) -> Option<FieldRef<'_>> {
        self.as_deref().map(FieldRef::Str)
    }
}

impl Field for Option<bool> {
    fn get(&self) -> Option<FieldRef<'_>> {
        self.map(FieldRef::Bool)
    }
}

/// A wire object: which fields it interprets, and where everything else goes.
trait WireObject: Default {
    const EXPECTING: &'static str;
    /// Reads the value of the known field `key` into its field, or raw into the extra
    /// fields.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: Known, map: &mut A) -> Result<(), A::Error>;

    fn extra_fields(&mut self) -> &mut Extra;
}

/// Reads one known field's value straight into its slot when the type is the expected
/// one, and into the extra fields, raw, otherwise.
struct FieldSeed<'a, S> {
    key: Known,
    slot: S,
    extra: &'a mut Extra,
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
fn push_raw(extra: &mut Extra, key: Known, value: Value) {
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

struct ObjectVisitor<T>(core::marker::PhantomData<T>);

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
fn kept_raw(extra: &[(String, Value)], key: Known) -> bool {
    extra.iter().any(|(name, _)| name == key.wire_name())
}

fn serialize_fields<S: Serializer>(
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

/// Declares a wire object: the fields both objects share, plus the one of its own, and
/// what goes with them: decoding, writing back, building from parts, the code it names
/// and the object a code documents.
macro_rules! wire_object {
    (
        $(#[$doc:meta])*
        $ty:ident {
            expecting: $expecting:literal,
            code: $code:ident,
            group: $group:ident,
            group_id: $group_id_doc:literal,
            $(
                own: $(#[$own_doc:meta])*
                $own:ident: $own_ty:ty = ($own_key:ident, $own_slot:expr, $own_from:expr),
            )?
            not: [$($not_key:ident),+],
        }
        $(#[$parts_doc:meta])*
        fn from_parts(.., $last:ident: $last_ty:ty) = $store:expr;
        $(#[$code_doc:meta])*
        fn code;
        $(#[$from_doc:meta])*
        fn from;
        $(#[$display_doc:meta])*
        fn fmt = $flag:expr;
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq)]
        #[non_exhaustive]
        pub struct $ty {
            #[doc = $group_id_doc]
            pub group_id: Option<i32>,
            /// `groupName`, as sent (borrowed from the crate when it is the page's
            /// spelling of a group).
            pub group_name: Option<Name>,
            /// `id`
            pub id: Option<i32>,
            /// `name`, as sent (borrowed from the crate when it is a documented name).
            pub name: Option<Name>,
            /// `description`, as sent.
            pub description: Option<Text>,
            $(
                $(#[$own_doc])*
                pub $own: Option<$own_ty>,
            )?
            /// Every other field, and known fields whose value had an unexpected type, in
            /// arrival order.
            pub extra: Extra,
        }

        impl WireObject for $ty {
            const EXPECTING: &'static str = $expecting;

            #[inline]
            fn read<'de, A: MapAccess<'de>>(
                &mut self,
                key: Known,
                map: &mut A,
            ) -> Result<(), A::Error> {
                let $ty {
                    group_id,
                    group_name,
                    id,
                    name,
                    description,
                    $($own,)?
                    extra,
                } = self;
                // A field named twice is an error: its first value is in its slot, or,
                // when it had an unexpected type, in the extra fields.
                macro_rules! once {
                    ($slot:expr) => {
                        if $slot.is_some() || kept_raw(extra, key) {
                            return Err(de::Error::duplicate_field(key.wire_name()));
                        }
                    };
                }
                fn seed<S: Slot>(
                    key: Known,
                    slot: S,
                    extra: &mut Extra,
                ) -> FieldSeed<'_, S> {
                    FieldSeed { key, slot, extra }
                }
                match key {
                    Known::GroupId => {
                        once!(group_id);
                        map.next_value_seed(seed(key, group_id, extra))
                    }
                    Known::GroupName => {
                        once!(group_name);
                        map.next_value_seed(seed(
                            key,
                            NameSlot { field: group_name, known: Self::known_group_name },
                            extra,
                        ))
                    }
                    Known::Id => {
                        once!(id);
                        map.next_value_seed(seed(key, id, extra))
                    }
                    Known::Name => {
                        once!(name);
                        // The id, when it came before the name (as in Infobip's payloads),
                        // names the code whose name to compare first.
                        let hint = *id;
                        map.next_value_seed(seed(
                            key,
                            NameSlot { field: name, known: |v: &str| Self::known_name(v, hint) },
                            extra,
                        ))
                    }
                    Known::Description => {
                        once!(description);
                        map.next_value_seed(seed(key, description, extra))
                    }
                    $(
                        Known::$own_key => {
                            once!($own);
                            map.next_value_seed(seed(key, $own_slot($own), extra))
                        }
                    )?
                    $(Known::$not_key)|+ => {
                        let value: Value = map.next_value()?;
                        push_raw(extra, key, value);
                        Ok(())
                    }
                }
            }

            fn extra_fields(&mut self) -> &mut Extra {
                &mut self.extra
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            #[inline]
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_map(ObjectVisitor(core::marker::PhantomData))
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialize_fields(
                    s,
                    &[
                        (Known::GroupId, self.group_id.get()),
                        (Known::GroupName, self.group_name.get()),
                        (Known::Id, self.id.get()),
                        (Known::Name, self.name.get()),
                        (Known::Description, self.description.get()),
                        $((Known::$own_key, self.$own.get()),)?
                    ],
                    &self.extra,
                )
            }
        }

        impl $ty {
            $(#[$parts_doc])*
            #[must_use]
            pub fn from_parts(
                group_id: Option<i32>,
                group_name: Option<String>,
                id: Option<i32>,
                name: Option<String>,
                description: Option<String>,
                $last: $last_ty,
            ) -> Self {
                // Documented names are the crate's own strings, as when decoded.
                let mut object = $ty {
                    group_id,
                    group_name: group_name.map(|v| {
                        let known = Self::known_group_name(&v);
                        name_from(v, known)
                    }),
                    id,
                    name: name.map(|v| {
                        let known = Self::known_name(&v, id);
                        name_from(v, known)
                    }),
                    description: description.map(Text::from),
                    $($own: None,)?
                    extra: Extra::new(),
                };
                let store: fn(&mut Self, $last_ty) = $store;
                store(&mut object, $last);
                object
            }

            /// The crate's own group name equal to a payload's `groupName`.
            #[inline]
            fn known_group_name(v: &str) -> Option<&'static &'static str> {
                known_group_name(v, $group::ALL, $group::name_ref)
            }

            /// The crate's own name equal to a payload's `name`, the object's `id` naming
            /// the code to compare first.
            #[inline]
            fn known_name(v: &str, id: Option<i32>) -> Option<&'static &'static str> {
                known_code_name(v, id, $code::from_wire_id, $code::from_name, $code::name_ref)
            }

            $(#[$code_doc])*
            #[must_use]
            pub fn code(&self) -> Option<$code> {
                resolve(
                    self.id,
                    self.name.as_deref(),
                    $code::from_id_all,
                    $code::name,
                    $code::from_name_ignore_case,
                )
            }
        }

        impl fmt::Display for $ty {
            $(#[$display_doc])*
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let code = self.code();
                write_object(
                    f,
                    code.map($code::name).or(self.name.as_deref()),
                    self.id.or(code.map(i32::from)),
                    (
                        self.group().map($group::name),
                        self.group_name.as_deref(),
                        self.group_id,
                    ),
                    $flag(self),
                )
            }
        }

        impl From<$code> for $ty {
            $(#[$from_doc])*
            fn from(code: $code) -> Self {
                $ty {
                    group_id: code.group().and_then(|g| g.id()).map(i32::from),
                    group_name: code.group().map(|g| Name::from_static(g.name_ref())),
                    id: Some(i32::from(code.id())),
                    name: Some(Name::from_static(code.name_ref())),
                    description: Some(Text::from_static(code.description())),
                    $($own: $own_from(code),)?
                    extra: Extra::new(),
                }
            }
        }
    };
}

wire_object! {
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
    /// assert_eq!(s.to_string(), "PENDING_ACCEPTED (26, PENDING, not final)");
    /// ```
    MessageStatus {
        expecting: "an Infobip status object",
        code: StatusCode,
        group: StatusGroup,
        group_id: "`groupId`",
        not: [Action, Permanent],
    }
    /// The object from its fields, in the order the wire and the official SDK's
    /// `model::sms::Status` name them: `groupId`, `groupName`, `id`, `name`,
    /// `description`, `action`. The SDK's objects convert in one line, without JSON;
    /// the code and the group then resolve as for a decoded object (by id, else by name;
    /// by group id, else by group name), and documented names are the crate's own
    /// strings. An `action` goes to the extra fields, as when decoded (see
    /// [`action`](Self::action)):
    ///
    /// ```
    /// use infobip_codes::{MessageStatus, StatusCode, StatusGroup};
    ///
    /// # struct Status { group_id: Option<i32>, group_name: Option<String>, id: Option<i32>,
    /// #     name: Option<String>, description: Option<String>, action: Option<String> }
    /// # let s = Status { group_id: None, group_name: Some("delivered".into()), id: None,
    /// #     name: Some("DELIVERED_TO_HANDSET".into()), description: None, action: None };
    /// // `s` is an `infobip_sdk::model::sms::Status`
    /// let status = MessageStatus::from_parts(s.group_id, s.group_name, s.id, s.name, s.description, s.action);
    /// assert_eq!(status.code(), Some(StatusCode::DeliveredToHandset)); // by name
    /// assert_eq!(status.group(), Some(StatusGroup::Delivered)); // "delivered"
    /// ```
    fn from_parts(.., action: Option<String>) = |status, action| {
        if let Some(action) = action {
            push_raw(&mut status.extra, Known::Action, Value::String(action));
        }
    };
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
    fn code;
    /// The object as the page documents the code.
    ///
    /// ```
    /// use infobip_codes::{MessageStatus, StatusCode};
    ///
    /// let s = MessageStatus::from(StatusCode::DeliveredToHandset);
    /// assert_eq!(s.id, Some(5));
    /// assert_eq!(s.group_name.as_deref(), Some("DELIVERED"));
    /// ```
    fn from;
    /// One line: the name, the id, the group and whether the status is final.
    ///
    /// ```
    /// use infobip_codes::MessageStatus;
    ///
    /// let known: MessageStatus = serde_json::from_str(r#"{"groupId":3,"id":2,"name":"DELIVERED_TO_OPERATOR"}"#).unwrap();
    /// assert_eq!(known.to_string(), "DELIVERED_TO_OPERATOR (2, DELIVERED, not final)");
    /// let unknown: MessageStatus = serde_json::from_str(r#"{"groupId":42,"groupName":"SCHEDULED","id":2000,"name":"NEW"}"#).unwrap();
    /// assert_eq!(unknown.to_string(), "NEW (2000, SCHEDULED)");
    /// ```
    fn fmt = |s: &MessageStatus| s.is_final().map(|f| if f { "final" } else { "not final" });
}

wire_object! {
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
    /// assert_eq!(e.to_string(), "NO_ERROR (0, OK, temporary)");
    /// ```
    MessageError {
        expecting: "an Infobip error object",
        code: ErrorCode,
        group: ErrorGroup,
        group_id: "`groupId` (scoped per channel: see [`ErrorGroup::from_channel_id`]).",
        own:
        /// `permanent`, as sent.
        permanent: bool = (Permanent, |field| field, ErrorCode::permanent),
        not: [Action],
    }
    /// The object from its fields, in the order the wire and the official SDK's
    /// `model::sms::Error` name them: `groupId`, `groupName`, `id`, `name`,
    /// `description`, `permanent`. The SDK's objects convert in one line, without JSON;
    /// the code, the group and the flag then resolve as for a decoded object, and
    /// documented names are the crate's own strings:
    ///
    /// ```
    /// use infobip_codes::{ErrorCode, ErrorGroup, MessageError};
    ///
    /// # struct Error { group_id: Option<i32>, group_name: Option<String>, id: Option<i32>,
    /// #     name: Option<String>, description: Option<String>, permanent: Option<bool> }
    /// # let e = Error { group_id: Some(1), group_name: Some("HANDSET_ERRORS".into()), id: Some(27),
    /// #     name: Some("EC_ABSENT_SUBSCRIBER".into()), description: None, permanent: None };
    /// // `e` is an `infobip_sdk::model::sms::Error`
    /// let error = MessageError::from_parts(e.group_id, e.group_name, e.id, e.name, e.description, e.permanent);
    /// assert_eq!(error.code(), Some(ErrorCode::EcAbsentSubscriber));
    /// assert_eq!(error.group(), Some(ErrorGroup::HandsetErrors));
    /// assert_eq!(error.is_permanent(), Some(false)); // the page's flag, the SDK sent none
    /// ```
    fn from_parts(.., permanent: Option<bool>) = |error, permanent| error.permanent = permanent;
    /// The documented error this object names: by `id`, or by `name` when the id is
    /// missing. `None` for an error the page this version was built from does not list.
    ///
    /// ```
    /// use infobip_codes::{ErrorCode, MessageError};
    ///
    /// let e: MessageError = serde_json::from_str(r#"{"name":"ec_absent_subscriber"}"#).unwrap();
    /// assert_eq!(e.code(), Some(ErrorCode::EcAbsentSubscriber));
    /// ```
    fn code;
    /// The object as the page documents the code.
    ///
    /// ```
    /// use infobip_codes::{ErrorCode, MessageError};
    ///
    /// let e = MessageError::from(ErrorCode::EcUnknownSubscriber);
    /// assert_eq!(e.permanent, Some(true));
    /// assert_eq!(e.group_name.as_deref(), Some("HANDSET_ERRORS"));
    /// ```
    fn from;
    /// One line: the name, the id, the group and whether the error is permanent.
    ///
    /// ```
    /// use infobip_codes::MessageError;
    ///
    /// let known: MessageError = serde_json::from_str(r#"{"groupId":1,"groupName":"HANDSET_ERRORS","id":27,"permanent":false}"#).unwrap();
    /// assert_eq!(known.to_string(), "EC_ABSENT_SUBSCRIBER (27, HANDSET_ERRORS, temporary)");
    /// let unknown: MessageError = serde_json::from_str(r#"{"groupId":1,"id":9999,"permanent":true}"#).unwrap();
    /// assert_eq!(unknown.to_string(), "unknown (9999, group 1, permanent)");
    /// ```
    fn fmt = |e: &MessageError| e.is_permanent().map(|p| if p { "permanent" } else { "temporary" });
}

/// `groupName` spellings that Infobip's payloads use and the page's headings do not: the
/// page's error group `OK` arrives as `Ok` on delivered messages.
const WIRE_SPELLINGS: &[&str] = &["Ok"];

/// The crate's own `&'static str` equal to a `groupName` (through a `'static` reference,
/// as a [`Name`] holds it): a group's name as the page spells it, or one of
/// [`WIRE_SPELLINGS`].
fn known_group_name<G: Copy>(
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
fn known_code_name<T: Copy>(
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

/// Picks the code for an object's `id` and `name`: by id (the name chooses among codes
/// that share the id in several channels), or by name when the id is missing.
fn resolve<T: Copy>(
    id: Option<i32>,
    name: Option<&str>,
    all_with_id: fn(u16) -> &'static [T],
    name_of: fn(T) -> &'static str,
    by_name: fn(&str) -> Option<T>,
) -> Option<T> {
    let name = name.map(str::trim);
    match id {
        Some(id) => {
            let candidates = all_with_id(u16::try_from(id).ok()?);
            if let [only] = candidates {
                // The name chooses only among several.
                return Some(*only);
            }
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
    /// The `action` of older payloads, a text this crate does not interpret: the string
    /// value of the extra field `action`.
    ///
    /// ```
    /// use infobip_codes::MessageStatus;
    ///
    /// let s: MessageStatus = serde_json::from_str(
    ///     r#"{"groupId":5,"id":6,"name":"REJECTED_NETWORK","action":"Contact account manager"}"#,
    /// ).unwrap();
    /// assert_eq!(s.action(), Some("Contact account manager"));
    /// assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"groupId":5,"id":6,"name":"REJECTED_NETWORK","action":"Contact account manager"}"#);
    /// ```
    #[must_use]
    pub fn action(&self) -> Option<&str> {
        self.extra
            .get(Known::Action.wire_name())
            .and_then(Value::as_str)
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

impl MessageError {
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
                .filter(|g| g.answers_to(name));
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
        self.group().is_some_and(|g| is_ok_group(g.name()))
    }
}

impl Outcome {
    /// The outcome of a report's `status` and `error` objects, either of which may be
    /// missing (see the [rules](Outcome)). A status this version does not know falls back
    /// to the group its `groupId` or `groupName` names; the error's `permanent` flag
    /// comes from the payload first, then from the page.
    ///
    /// ```
    /// use infobip_codes::{MessageError, MessageStatus, Outcome};
    ///
    /// let status: MessageStatus = serde_json::from_str(r#"{"groupId":2,"groupName":"UNDELIVERABLE","id":9}"#).unwrap();
    /// let error: MessageError = serde_json::from_str(r#"{"groupId":1,"id":27,"permanent":false}"#).unwrap();
    /// assert_eq!(Outcome::from_wire(Some(&status), Some(&error)), Outcome::RetryLater);
    ///
    /// // Codes newer than this crate: the group and the payload's flag decide.
    /// let status: MessageStatus = serde_json::from_str(r#"{"groupId":5,"id":9001}"#).unwrap();
    /// let error: MessageError = serde_json::from_str(r#"{"groupId":77,"id":9999,"permanent":true}"#).unwrap();
    /// assert_eq!(Outcome::from_wire(Some(&status), Some(&error)), Outcome::FailedPermanent);
    /// assert_eq!(Outcome::from_wire(None, None), Outcome::Pending);
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    #[must_use]
    pub fn from_wire(status: Option<&MessageStatus>, error: Option<&MessageError>) -> Outcome {
        let facts = match status {
            Some(s) => match s.code().filter(|c| c.group().is_some()) {
                Some(code) => StatusFacts::Code(code),
                None => s.group().map_or(StatusFacts::Unknown, StatusFacts::Group),
            },
            None => StatusFacts::Unknown,
        };
        Outcome::decide(
            facts,
            error.is_some_and(|e| !e.is_no_error()),
            error.and_then(MessageError::is_permanent),
        )
    }
}

/// Writes a wire object on one line: `NAME (ID, GROUP, FLAG)`. The name is the
/// documented one when the code is known, else the payload's (`unknown` when it has
/// none); the id is the payload's, else the known code's (found by name); the group is
/// the page's name of the group it resolves to, else the payload's `groupName`, else
/// `group ` and its `groupId`. Parts the object does not have are left out. Control
/// characters in the payload's text are escaped, so that the line stays one.
fn write_object(
    f: &mut fmt::Formatter<'_>,
    name: Option<&str>,
    id: Option<i32>,
    group: (Option<&'static str>, Option<&str>, Option<i32>),
    flag: Option<&str>,
) -> fmt::Result {
    write_escaped(f, name.unwrap_or("unknown"))?;
    let mut parts = 0;
    let mut part = |f: &mut fmt::Formatter<'_>| {
        parts += 1;
        f.write_str(if parts == 1 { " (" } else { ", " })
    };
    if let Some(id) = id {
        part(f)?;
        write!(f, "{id}")?;
    }
    match group {
        (Some(name), _, _) | (None, Some(name), _) => {
            part(f)?;
            write_escaped(f, name)?;
        }
        (None, None, Some(id)) => {
            part(f)?;
            write!(f, "group {id}")?;
        }
        (None, None, None) => {}
    }
    if let Some(flag) = flag {
        part(f)?;
        f.write_str(flag)?;
    }
    if parts > 0 {
        f.write_str(")")?;
    }
    Ok(())
}

fn write_escaped(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    for c in text.chars() {
        if c.is_control() {
            write!(f, "{}", c.escape_default())?;
        } else {
            fmt::Write::write_char(f, c)?;
        }
    }
    Ok(())
}
