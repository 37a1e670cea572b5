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

mod value;

pub use value::{Number, Value};

use crate::{ErrorCode, ErrorGroup, StatusCode, StatusGroup};
use alloc::string::String;
use alloc::vec::Vec;
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

/// A known field's value, as it is written back.
enum FieldRef<'a> {
    Int(i64),
    Str(&'a str),
    Bool(bool),
}

/// The type of a known field: where a value of that type goes when decoding, and what
/// is written back.
trait Field {
    fn slot(&mut self) -> Slot<'_>;
    fn get(&self) -> Option<FieldRef<'_>>;
}

impl Field for Option<i64> {
    fn slot(&mut self) -> Slot<'_> {
        Slot::Int(self)
    }
    fn get(&self) -> Option<FieldRef<'_>> {
        self.map(FieldRef::Int)
    }
}

impl Field for Option<String> {
    fn slot(&mut self) -> Slot<'_> {
        Slot::Str(self)
    }
    fn get(&self) -> Option<FieldRef<'_>> {
        self.as_deref().map(FieldRef::Str)
    }
}

impl Field for Option<bool> {
    fn slot(&mut self) -> Slot<'_> {
        Slot::Bool(self)
    }
    fn get(&self) -> Option<FieldRef<'_>> {
        self.map(FieldRef::Bool)
    }
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
/// what goes with them: decoding, writing back, the code it names and the object a code
/// documents.
macro_rules! wire_object {
    (
        $(#[$doc:meta])*
        $ty:ident {
            expecting: $expecting:literal,
            code: $code:ident,
            group_id: $group_id_doc:literal,
            $(#[$own_doc:meta])*
            $own:ident: $own_ty:ty = ($own_key:ident, $own_from:expr),
            not: $not_key:ident,
        }
        $(#[$code_doc:meta])*
        fn code;
        $(#[$from_doc:meta])*
        fn from;
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq)]
        #[non_exhaustive]
        pub struct $ty {
            #[doc = $group_id_doc]
            pub group_id: Option<i64>,
            /// `groupName`, as sent.
            pub group_name: Option<String>,
            /// `id`
            pub id: Option<i64>,
            /// `name`, as sent.
            pub name: Option<String>,
            /// `description`, as sent.
            pub description: Option<String>,
            $(#[$own_doc])*
            pub $own: Option<$own_ty>,
            /// Every other field, and known fields whose value had an unexpected type, in
            /// arrival order.
            pub extra: Vec<(String, Value)>,
        }

        impl WireObject for $ty {
            const EXPECTING: &'static str = $expecting;

            fn slot(&mut self, key: Known) -> Option<(Slot<'_>, &mut Vec<(String, Value)>)> {
                let $ty {
                    group_id,
                    group_name,
                    id,
                    name,
                    description,
                    $own,
                    extra,
                } = self;
                let slot = match key {
                    Known::GroupId => group_id.slot(),
                    Known::GroupName => group_name.slot(),
                    Known::Id => id.slot(),
                    Known::Name => name.slot(),
                    Known::Description => description.slot(),
                    Known::$own_key => $own.slot(),
                    Known::$not_key => return None,
                };
                Some((slot, extra))
            }

            fn extra_fields(&mut self) -> &mut Vec<(String, Value)> {
                &mut self.extra
            }
        }

        impl<'de> Deserialize<'de> for $ty {
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
                        (Known::$own_key, self.$own.get()),
                    ],
                    &self.extra,
                )
            }
        }

        impl $ty {
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

        impl From<$code> for $ty {
            $(#[$from_doc])*
            fn from(code: $code) -> Self {
                $ty {
                    group_id: code.group().and_then(|g| g.id()).map(i64::from),
                    group_name: code.group().map(|g| g.name().into()),
                    id: Some(i64::from(code.id())),
                    name: Some(code.name().into()),
                    description: Some(code.description().into()),
                    $own: $own_from(code),
                    extra: Vec::new(),
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
    /// ```
    MessageStatus {
        expecting: "an Infobip status object",
        code: StatusCode,
        group_id: "`groupId`",
        /// `action` (older payloads).
        action: String = (Action, |_| None),
        not: Permanent,
    }
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
    /// ```
    MessageError {
        expecting: "an Infobip error object",
        code: ErrorCode,
        group_id: "`groupId` (scoped per channel: see [`ErrorGroup::from_channel_id`]).",
        /// `permanent`, as sent.
        permanent: bool = (Permanent, ErrorCode::permanent),
        not: Action,
    }
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
