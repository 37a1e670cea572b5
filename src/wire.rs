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
//! What the objects mean is read from every field. Payloads disagree with the page, and
//! with themselves (Infobip's own SDK tests send id 51 with the name
//! `REJECTED_DESTINATION`, which is 14 on the page): `code()` chooses with the id, the
//! name, the group id and the group name together, `conflicts()` says which fields
//! disagree, `Display` shows what the payload sent beside what the page says, and
//! [`Outcome::from_wire`] never contradicts group fields that agree with each other.
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
//! assert!(!error.is_permanent());
//! let back: serde_json::Value = serde_json::to_value(&error).unwrap();
//! assert_eq!(back, serde_json::from_str::<serde_json::Value>(json).unwrap());
//! ```

mod conflict;
mod extra;
mod name;
mod resolve;
mod text;
mod value;

pub use conflict::{Conflicts, Field};
pub use extra::Extra;
pub use name::Name;
pub use text::Text;
pub use value::{Number, Value};

use crate::outcome::{is_ok_group, StatusFacts};
use crate::{ErrorCode, ErrorGroup, Outcome, StatusCode, StatusGroup};
use alloc::string::String;
use core::fmt;
use resolve::{Fields, Reading, WireCode, WireGroup};
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
trait FieldValue {
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
        parts $parts:ident {
            $(#[$last_doc:meta])*
            $last:ident: $last_ty:ty
        } = $store:expr;
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

        $(#[$parts_doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct $parts {
            /// `groupId`
            pub group_id: Option<i32>,
            /// `groupName`
            pub group_name: Option<String>,
            /// `id`
            pub id: Option<i32>,
            /// `name`
            pub name: Option<String>,
            /// `description`
            pub description: Option<String>,
            $(#[$last_doc])*
            pub $last: $last_ty,
        }

        impl From<$parts> for $ty {
            /// The object with these fields, as if decoded: documented names are the
            /// crate's own strings.
            fn from(parts: $parts) -> Self {
                let $parts { group_id, group_name, id, name, description, $last } = parts;
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
        }

        impl $ty {
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

            /// The fields that name the code and the group.
            #[inline]
            fn fields(&self) -> Fields<'_> {
                Fields {
                    group_id: self.group_id,
                    group_name: self.group_name.as_ref(),
                    id: self.id,
                    name: self.name.as_ref(),
                }
            }

            /// The code and the group, read from every field that names them.
            #[inline]
            fn reading(&self) -> Reading<$code> {
                Reading::of(&self.fields())
            }

            $(#[$code_doc])*
            #[must_use]
            #[inline]
            pub fn code(&self) -> Option<$code> {
                resolve::code(&self.fields())
            }

            /// The fields that disagree with the page: with the code
            /// [`code()`](Self::code) chose, or, when it chose none, `groupId` and
            /// `groupName` with each other. Empty for nearly every payload; log it when
            /// it is not (see [`Conflicts`] for what each field means, and
            /// [`Outcome`](crate::Outcome) for which wins).
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            ///
            #[doc = concat!("let agreed = ", stringify!($ty), "::from(infobip_codes::", stringify!($code), "::ALL[0]);")]
            /// assert!(agreed.conflicts().is_empty());
            /// ```
            #[must_use]
            pub fn conflicts(&self) -> Conflicts {
                let fields = self.fields();
                Reading::<$code>::of(&fields).conflicts(&fields)
            }
        }

        impl fmt::Display for $ty {
            $(#[$display_doc])*
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let fields = self.fields();
                let reading = Reading::<$code>::of(&fields);
                write_object(f, &fields, &reading, $flag(self, &reading))
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
    /// are kept in [`extra`](Self::extra). See the [module docs](self) for what is kept,
    /// [`code`](Self::code) for how the fields choose a code when they disagree, and
    /// [`Outcome`] for what the object means for the message.
    ///
    /// ```
    /// use infobip_codes::{MessageStatus, StatusCode, StatusGroup};
    ///
    /// let s: MessageStatus = serde_json::from_str(
    ///     r#"{"groupId":1,"groupName":"PENDING","id":26,"name":"PENDING_ACCEPTED","description":"Message sent to next instance"}"#,
    /// ).unwrap();
    /// assert_eq!(s.code(), Some(StatusCode::PendingAccepted));
    /// assert_eq!(s.group(), Some(StatusGroup::Pending));
    /// assert!(!s.is_final());
    /// assert!(s.conflicts().is_empty());
    /// assert_eq!(s.to_string(), "PENDING_ACCEPTED (26, PENDING, not final)");
    /// ```
    MessageStatus {
        expecting: "an Infobip status object",
        code: StatusCode,
        group: StatusGroup,
        group_id: "`groupId`",
        not: [Action, Permanent],
    }
    /// The fields of a `status` object by name, to build a [`MessageStatus`] from
    /// another client's objects without JSON. Named fields cannot be swapped unseen, and
    /// they are the official SDK's (`infobip_sdk`, `model::sms::Status`), so its objects
    /// convert in one line. The code and the group then resolve as for a decoded object,
    /// documented names are the crate's own strings, and an `action` goes to the extra
    /// fields, as when decoded (see [`MessageStatus::action`]):
    ///
    /// ```
    /// use infobip_codes::wire::StatusParts;
    /// use infobip_codes::{MessageStatus, StatusCode, StatusGroup};
    ///
    /// # #[derive(Default)]
    /// # struct Status { group_id: Option<i32>, group_name: Option<String>, id: Option<i32>,
    /// #     name: Option<String>, description: Option<String>, action: Option<String> }
    /// # let s = Status { group_name: Some("delivered".into()), name: Some("DELIVERED_TO_HANDSET".into()), ..Status::default() };
    /// // `s` is an `infobip_sdk::model::sms::Status`
    /// let status = MessageStatus::from(StatusParts { group_id: s.group_id, group_name: s.group_name, id: s.id, name: s.name, description: s.description, action: s.action });
    /// assert_eq!(status.code(), Some(StatusCode::DeliveredToHandset)); // by name
    /// assert_eq!(status.group(), Some(StatusGroup::Delivered)); // "delivered"
    ///
    /// // Fields you do not have stay out.
    /// let by_id = MessageStatus::from(StatusParts { id: Some(5), ..StatusParts::default() });
    /// assert_eq!(by_id.code(), Some(StatusCode::DeliveredToHandset));
    /// ```
    parts StatusParts {
        /// `action`, which the crate keeps among the extra fields.
        action: Option<String>
    } = |status, action| {
        if let Some(action) = action {
            push_raw(&mut status.extra, Known::Action, Value::String(action));
        }
    };
    /// The documented status this object names, chosen with every field it carries:
    /// `id`, `name`, `groupId` and `groupName`. Nearly every payload names one code with
    /// all of them. Where they disagree, or several codes fit, the first rule that
    /// separates them decides:
    ///
    /// 1. the code with both the payload's `id` and its `name` (in any letter case);
    /// 2. the code whose group more of `groupId` and `groupName` name;
    /// 3. the code the `name` names, over the one the `id` names;
    /// 4. the first in channel order, as [`StatusCode::from_id`] gives it.
    ///
    /// Why the name before the id: in the public payloads the crate's tests hold
    /// (`tests/fixtures/payloads/` in the repository, Infobip's own SDK tests among
    /// them), wherever the id and the name name two documented codes, the name agrees
    /// with the group and the description, and the id does not: `id` 8 with
    /// `PENDING_ENROUTE` in the PENDING group, `"Message sent to next instance"`, is
    /// `PENDING_ENROUTE` (7), not `REJECTED_PREFIX_MISSING` (8, REJECTED). A name the page
    /// does not list (the API's `MESSAGE_ACCEPTED` for 26) leaves the id to decide.
    ///
    /// [`conflicts`](Self::conflicts) says which fields disagree with the code chosen;
    /// [`group`](Self::group) and [`Outcome`] say which wins when the group does. `None`
    /// when neither the id nor the name is one the page lists.
    ///
    /// ```
    /// use infobip_codes::wire::Field;
    /// use infobip_codes::{MessageStatus, StatusCode};
    ///
    /// let known: MessageStatus = serde_json::from_str(r#"{"id":5}"#).unwrap();
    /// assert_eq!(known.code(), Some(StatusCode::DeliveredToHandset));
    /// let unknown: MessageStatus = serde_json::from_str(r#"{"id":9999,"name":"NEW"}"#).unwrap();
    /// assert_eq!(unknown.code(), None);
    ///
    /// let s: MessageStatus = serde_json::from_str(
    ///     r#"{"groupId":1,"groupName":"PENDING","id":8,"name":"PENDING_ENROUTE"}"#,
    /// ).unwrap();
    /// assert_eq!(s.code(), Some(StatusCode::PendingEnroute));
    /// assert_eq!(s.conflicts().iter().collect::<Vec<_>>(), [Field::Id]);
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
    /// One line, as the crate reads the object: `NAME (ID, GROUP, FLAG; NOTES)`.
    ///
    /// - `NAME` and `ID` are the code's when the object names one, else the payload's
    ///   (`unknown` for a missing name).
    /// - `GROUP` is the group read ([`group`](Self::group)), else the payload's
    ///   `groupName`, else `group` and its `groupId`.
    /// - `FLAG` is `final` or `not final` ([`is_final`](Self::is_final)), left out when
    ///   neither the code nor the group is known.
    /// - `NOTES` only where the payload disagrees with the page: what it sent
    ///   (`sent id 8`, `sent name MESSAGE_ACCEPTED`, `sent group id 4`,
    ///   `sent group Group 1`), and the page's group where the payload's won over it
    ///   (`page group REJECTED`; see [`Outcome`]).
    ///
    /// Parts the object does not have are left out, and control characters are escaped,
    /// so that the line stays one.
    ///
    /// ```
    /// use infobip_codes::MessageStatus;
    ///
    /// let known: MessageStatus = serde_json::from_str(r#"{"groupId":3,"id":2,"name":"DELIVERED_TO_OPERATOR"}"#).unwrap();
    /// assert_eq!(known.to_string(), "DELIVERED_TO_OPERATOR (2, DELIVERED, not final)");
    /// let unknown: MessageStatus = serde_json::from_str(r#"{"groupId":42,"groupName":"SCHEDULED","id":2000,"name":"NEW"}"#).unwrap();
    /// assert_eq!(unknown.to_string(), "NEW (2000, SCHEDULED)");
    /// let renamed: MessageStatus = serde_json::from_str(r#"{"groupId":1,"id":26,"name":"MESSAGE_ACCEPTED"}"#).unwrap();
    /// assert_eq!(renamed.to_string(), "PENDING_ACCEPTED (26, PENDING, not final; sent name MESSAGE_ACCEPTED)");
    /// ```
    fn fmt = |_: &MessageStatus, r: &Reading<StatusCode>| {
        finality(r).map(|f| if f { "final" } else { "not final" })
    };
}

wire_object! {
    /// The `error` object of send responses, delivery reports and logs.
    ///
    /// Every field is optional, because payloads vary; fields this type does not interpret
    /// are kept in [`extra`](Self::extra). See the [module docs](self) for what is kept,
    /// and [`code`](Self::code) for how the fields choose a code when they disagree.
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
    /// The fields of an `error` object by name, to build a [`MessageError`] from another
    /// client's objects without JSON. Named fields cannot be swapped unseen, and they are
    /// the official SDK's (`infobip_sdk`, `model::sms::Error`), so its objects convert in
    /// one line. The code, the group and the flag then resolve as for a decoded object,
    /// and documented names are the crate's own strings:
    ///
    /// ```
    /// use infobip_codes::wire::ErrorParts;
    /// use infobip_codes::{ErrorCode, ErrorGroup, MessageError};
    ///
    /// # struct Error { group_id: Option<i32>, group_name: Option<String>, id: Option<i32>,
    /// #     name: Option<String>, description: Option<String>, permanent: Option<bool> }
    /// # let e = Error { group_id: Some(1), group_name: Some("HANDSET_ERRORS".into()), id: Some(27),
    /// #     name: Some("EC_ABSENT_SUBSCRIBER".into()), description: None, permanent: None };
    /// // `e` is an `infobip_sdk::model::sms::Error`
    /// let error = MessageError::from(ErrorParts { group_id: e.group_id, group_name: e.group_name, id: e.id, name: e.name, description: e.description, permanent: e.permanent });
    /// assert_eq!(error.code(), Some(ErrorCode::EcAbsentSubscriber));
    /// assert_eq!(error.group(), Some(ErrorGroup::HandsetErrors));
    /// assert!(!error.is_permanent()); // the page's flag, the SDK sent none
    /// ```
    parts ErrorParts {
        /// `permanent`
        permanent: Option<bool>
    } = |error, permanent| error.permanent = permanent;
    /// The documented error this object names, chosen with every field it carries: `id`,
    /// `name`, `groupId` and `groupName`, by the rule of [`MessageStatus::code`]: the
    /// code with both the id and the name; else the one whose group more of the group
    /// fields name (error group ids are scoped per channel, so they choose among codes
    /// that several channels document under one id); else the name's code over the
    /// id's; else the first in channel order. `None` when neither the id nor the name is
    /// one the page lists.
    ///
    /// ```
    /// use infobip_codes::wire::Field;
    /// use infobip_codes::{ErrorCode, MessageError};
    ///
    /// let e: MessageError = serde_json::from_str(r#"{"name":"ec_absent_subscriber"}"#).unwrap();
    /// assert_eq!(e.code(), Some(ErrorCode::EcAbsentSubscriber));
    ///
    /// // Infobip's SDK tests: a voice error under the OK group, which the page does not
    /// // put it in.
    /// let e: MessageError = serde_json::from_str(
    ///     r#"{"groupId":0,"groupName":"OK","id":5003,"name":"EC_VOICE_NO_ANSWER","permanent":true}"#,
    /// ).unwrap();
    /// assert_eq!(e.code(), Some(ErrorCode::EcVoiceNoAnswer));
    /// assert_eq!(e.conflicts().iter().collect::<Vec<_>>(), [Field::GroupId, Field::GroupName]);
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
    /// One line, as the crate reads the object: `NAME (ID, GROUP, FLAG; NOTES)`, as
    /// [`MessageStatus`] writes it, with `permanent` or `temporary` for the flag
    /// ([`is_permanent`](Self::is_permanent), left out when neither the payload nor the
    /// page gives one).
    ///
    /// ```
    /// use infobip_codes::MessageError;
    ///
    /// let known: MessageError = serde_json::from_str(r#"{"groupId":1,"groupName":"HANDSET_ERRORS","id":27,"permanent":false}"#).unwrap();
    /// assert_eq!(known.to_string(), "EC_ABSENT_SUBSCRIBER (27, HANDSET_ERRORS, temporary)");
    /// let unknown: MessageError = serde_json::from_str(r#"{"groupId":1,"id":9999,"permanent":true}"#).unwrap();
    /// assert_eq!(unknown.to_string(), "unknown (9999, group 1, permanent)");
    /// ```
    fn fmt = |e: &MessageError, r: &Reading<ErrorCode>| {
        permanence(e, r).map(|p| if p { "permanent" } else { "temporary" })
    };
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

/// Whether a status read so is final: the code's [`StatusCode::is_final`] when the page
/// puts the code in the group read, else the group's [`StatusGroup::is_final`]; `None`
/// when neither is known.
fn finality(reading: &Reading<StatusCode>) -> Option<bool> {
    match reading.code_in_group() {
        Some(code) => Some(code.is_final()),
        None => reading.group.map(StatusGroup::is_final),
    }
}

/// Whether an error read so is permanent: the payload's flag, else the page's for the
/// code; `None` when neither says.
fn permanence(error: &MessageError, reading: &Reading<ErrorCode>) -> Option<bool> {
    error
        .permanent
        .or_else(|| reading.code.and_then(ErrorCode::permanent))
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

    /// The status group, read from every field:
    ///
    /// 1. the group the payload's `groupId` and `groupName` (any letter case) name, when
    ///    they agree: both name it, or one does and the other is missing or names no
    ///    group the page describes;
    /// 2. else the page's group for the [`code`](Self::code);
    /// 3. else the group `groupName` names, else the one `groupId` names.
    ///
    /// The payload's group comes before the page's: it is what Infobip reports for this
    /// message, and [`Outcome`] gives the reasons.
    ///
    /// ```
    /// use infobip_codes::{MessageStatus, StatusGroup};
    ///
    /// let s: MessageStatus = serde_json::from_str(r#"{"groupName":"rejected","id":9999}"#).unwrap();
    /// assert_eq!(s.group(), Some(StatusGroup::Rejected));
    /// // 8 is REJECTED_PREFIX_MISSING on the page; the payload says PENDING.
    /// let s: MessageStatus = serde_json::from_str(r#"{"groupId":1,"groupName":"PENDING","id":8}"#).unwrap();
    /// assert_eq!(s.group(), Some(StatusGroup::Pending));
    /// ```
    #[must_use]
    #[inline]
    pub fn group(&self) -> Option<StatusGroup> {
        self.reading().group
    }

    /// Whether no later report will change this status, as [`StatusCode::is_final`]
    /// says it of a code: the code's answer when the page puts the code in the
    /// [`group`](Self::group) read, else the group's ([`StatusGroup::is_final`]).
    /// `false` when neither the code nor the group is known: a later report may come.
    ///
    /// ```
    /// use infobip_codes::MessageStatus;
    ///
    /// let operator: MessageStatus = serde_json::from_str(r#"{"groupId":3,"id":2}"#).unwrap();
    /// assert!(!operator.is_final()); // DELIVERED_TO_OPERATOR is intermediate
    /// let unknown: MessageStatus = serde_json::from_str(r#"{"groupId":4,"id":9999}"#).unwrap();
    /// assert!(unknown.is_final()); // EXPIRED
    /// let nothing: MessageStatus = serde_json::from_str(r#"{"id":9999}"#).unwrap();
    /// assert!(!nothing.is_final());
    /// ```
    #[must_use]
    pub fn is_final(&self) -> bool {
        finality(&self.reading()) == Some(true)
    }
}

impl MessageError {
    /// The error group, read from every field:
    ///
    /// 1. the group the payload's `groupName` (any letter case) and `groupId` name, when
    ///    they agree: a group with that name and that id, or the only one that one of
    ///    them names when the other is missing or names no group the page describes
    ///    (where several fit, the code's group, else the first of the name);
    /// 2. else the page's group for the [`code`](Self::code);
    /// 3. else the first group `groupName` names, else the only group `groupId` names.
    ///
    /// Error group ids alone are ambiguous: see [`ErrorGroup::from_channel_id`].
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
    #[inline]
    pub fn group(&self) -> Option<ErrorGroup> {
        self.reading().group
    }

    /// Whether sending the same message again, unchanged, fails the same way, as
    /// [`ErrorCode::is_permanent`] says it of a code: the payload's `permanent` flag when
    /// present, else the page's flag for the code; `false` when neither says. The flags
    /// themselves are [`permanent`](Self::permanent) (the payload's) and
    /// [`ErrorCode::permanent`] (the page's).
    ///
    /// ```
    /// use infobip_codes::{ErrorCode, MessageError};
    ///
    /// let flagged: MessageError = serde_json::from_str(r#"{"id":1,"permanent":false}"#).unwrap();
    /// assert!(!flagged.is_permanent()); // the payload wins
    /// let from_page: MessageError = serde_json::from_str(r#"{"id":1}"#).unwrap();
    /// assert!(from_page.is_permanent()); // EC_UNKNOWN_SUBSCRIBER
    /// let unknown: MessageError = serde_json::from_str(r#"{"id":9999}"#).unwrap();
    /// assert!(!unknown.is_permanent());
    /// assert_eq!(unknown.permanent.or_else(|| unknown.code().and_then(ErrorCode::permanent)), None);
    /// ```
    #[must_use]
    pub fn is_permanent(&self) -> bool {
        permanence(self, &self.reading()) == Some(true)
    }

    /// Whether the object reports no error: its [`group`](Self::group) is OK
    /// (`groupId` 0 in General), as on delivered messages (`NO_ERROR`) and answered calls
    /// (`VOICE_ANSWERED`).
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
    /// missing (see the [rules](Outcome)). The status is read with every field: where
    /// the payload's group fields agree, the outcome never contradicts them (see the
    /// table of what wins). A status this version does not know falls back to its group;
    /// the error's `permanent` flag comes from the payload first, then from the page.
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
    ///
    /// // The payload says PENDING; the page puts id 8 in REJECTED. PENDING wins.
    /// let status: MessageStatus = serde_json::from_str(r#"{"groupId":1,"groupName":"PENDING","id":8}"#).unwrap();
    /// assert_eq!(Outcome::from_wire(Some(&status), None), Outcome::Pending);
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    #[must_use]
    pub fn from_wire(status: Option<&MessageStatus>, error: Option<&MessageError>) -> Outcome {
        let facts = match status.map(MessageStatus::reading) {
            Some(r) => match (r.code_in_group(), r.group) {
                (Some(code), Some(_)) => StatusFacts::Code(code),
                (_, Some(group)) => StatusFacts::Group(group),
                (_, None) => StatusFacts::Unknown,
            },
            None => StatusFacts::Unknown,
        };
        let (failed, permanent) = match error {
            Some(e) => {
                let r = e.reading();
                let ok = r.group.is_some_and(|g| is_ok_group(g.name()));
                (!ok, permanence(e, &r) == Some(true))
            }
            None => (false, false),
        };
        Outcome::decide(facts, failed, Some(permanent))
    }
}

/// Writes a wire object on one line: `NAME (ID, GROUP, FLAG; NOTES)`.
///
/// - `NAME` and `ID` are the code's when the object names one, else the payload's
///   (`unknown` for a missing name).
/// - `GROUP` is the page's name of the group read (`group()`), else the payload's
///   `groupName`, else `group ` and its `groupId`.
/// - `NOTES`, only where the payload disagrees with the page: `sent id N` and
///   `sent name NAME` for an id or a name other than the code's; `page group NAME` when
///   the payload's group won over the code's (`page group none` for a code the page lists
///   under no group); `sent group NAME` and `sent group id N` for a group field that the
///   group read does not have.
///
/// Parts the object does not have are left out. Control characters in the payload's text
/// are escaped, so that the line stays one.
fn write_object<C: WireCode>(
    f: &mut fmt::Formatter<'_>,
    fields: &Fields<'_>,
    reading: &Reading<C>,
    flag: Option<&str>,
) -> fmt::Result {
    let conflicts = reading.conflicts(fields);
    let code = reading.code;
    write_escaped(
        f,
        code.map(C::code_name)
            .or(fields.name.map(|n| n.as_str()))
            .unwrap_or("unknown"),
    )?;
    let mut parts = Parts::default();
    if let Some(id) = code.map(|c| i32::from(c.code_id())).or(fields.id) {
        parts.next(f, false)?;
        write!(f, "{id}")?;
    }
    match (reading.group, fields.group_name, fields.group_id) {
        (Some(g), _, _) => {
            parts.next(f, false)?;
            f.write_str(g.group_name())?;
        }
        (None, Some(name), _) => {
            parts.next(f, false)?;
            write_escaped(f, name)?;
        }
        (None, None, Some(id)) => {
            parts.next(f, false)?;
            write!(f, "group {id}")?;
        }
        (None, None, None) => {}
    }
    if let Some(flag) = flag {
        parts.next(f, false)?;
        f.write_str(flag)?;
    }
    if code.is_some() {
        if let Some(id) = fields.id.filter(|_| conflicts.contains(Field::Id)) {
            parts.next(f, true)?;
            write!(f, "sent id {id}")?;
        }
        if let Some(name) = fields.name.filter(|_| conflicts.contains(Field::Name)) {
            parts.next(f, true)?;
            f.write_str("sent name ")?;
            write_escaped(f, name)?;
        }
    }
    if let Some(page) = code.map(C::code_group).filter(|g| *g != reading.group) {
        parts.next(f, true)?;
        f.write_str("page group ")?;
        f.write_str(page.map_or("none", C::Group::group_name))?;
    }
    if let Some(g) = reading.group {
        if let Some(name) = fields.group_name {
            if !fields.names_group(g) {
                parts.next(f, true)?;
                f.write_str("sent group ")?;
                write_escaped(f, name)?;
            }
        }
        if let Some(id) = fields.group_id {
            if !fields.numbers(g) {
                parts.next(f, true)?;
                write!(f, "sent group id {id}")?;
            }
        }
    }
    parts.end(f)
}

/// The parenthesised parts of [`write_object`]'s line: ` (` before the first, `; `
/// before the first note, `, ` between the others, and `)` after the last.
#[derive(Default)]
struct Parts {
    count: usize,
    notes: bool,
}

impl Parts {
    /// Starts a part: a fact, or a note when `note`.
    fn next(&mut self, f: &mut fmt::Formatter<'_>, note: bool) -> fmt::Result {
        let separator = if self.count == 0 {
            " ("
        } else if note && !self.notes {
            "; "
        } else {
            ", "
        };
        self.count += 1;
        self.notes |= note;
        f.write_str(separator)
    }

    fn end(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.count > 0 {
            f.write_str(")")?;
        }
        Ok(())
    }
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
