//! `Serialize`/`Deserialize` for the enums (feature `serde`).
//!
//! Codes serialize as their numeric id, like the `id` field on the wire; they deserialize
//! from an id or (in human-readable formats) a documented name. Channels serialize as
//! their slug, groups as their name, outcomes as their snake-case name.

use crate::{Channel, ErrorCode, ErrorGroup, Outcome, StatusCode, StatusGroup};
use core::fmt;
use core::marker::PhantomData;
use serde::de::{self, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How a type is found from the values a deserializer may hand over.
trait Lookup: Sized {
    const EXPECTING: &'static str;
    fn by_id(id: u64) -> Option<Self>;
    fn by_name(name: &str) -> Option<Self>;
}

struct LookupVisitor<T>(PhantomData<T>);

impl<T: Lookup> Visitor<'_> for LookupVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        T::by_id(v).ok_or_else(|| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        u64::try_from(v)
            .ok()
            .and_then(T::by_id)
            .ok_or_else(|| E::invalid_value(Unexpected::Signed(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::by_name(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
}

fn deserialize_lookup<'de, D: Deserializer<'de>, T: Lookup>(
    d: D,
    id_first: bool,
) -> Result<T, D::Error> {
    let visitor = LookupVisitor::<T>(PhantomData);
    if d.is_human_readable() {
        d.deserialize_any(visitor)
    } else if id_first {
        d.deserialize_u16(visitor)
    } else {
        d.deserialize_str(visitor)
    }
}

macro_rules! code_serde {
    ($ty:ident, $expecting:literal) => {
        impl Lookup for $ty {
            const EXPECTING: &'static str = $expecting;
            fn by_id(id: u64) -> Option<Self> {
                u16::try_from(id).ok().and_then(Self::from_id)
            }
            fn by_name(name: &str) -> Option<Self> {
                name.parse().ok()
            }
        }

        impl Serialize for $ty {
            /// Serializes the numeric id.
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_u16(self.id())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            /// Deserializes an id, or a documented name in human-readable formats.
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                deserialize_lookup(d, true)
            }
        }
    };
}

code_serde!(
    StatusCode,
    "a status code id or name documented on Infobip's page"
);
code_serde!(
    ErrorCode,
    "an error code id or name documented on Infobip's page"
);

macro_rules! named_serde {
    ($ty:ident, $expecting:literal, $to_str:ident, by_id: $by_id:expr, by_name: $by_name:expr) => {
        impl Lookup for $ty {
            const EXPECTING: &'static str = $expecting;
            fn by_id(id: u64) -> Option<Self> {
                $by_id(id)
            }
            fn by_name(name: &str) -> Option<Self> {
                $by_name(name)
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.$to_str())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                deserialize_lookup(d, false)
            }
        }
    };
}

named_serde!(
    Channel,
    "a channel slug such as \"general\"",
    as_str,
    by_id: |_| None,
    by_name: Channel::from_slug
);
named_serde!(
    StatusGroup,
    "a status group name or id",
    name,
    by_id: |id: u64| u16::try_from(id).ok().and_then(StatusGroup::from_id),
    by_name: StatusGroup::from_name
);
named_serde!(
    ErrorGroup,
    "an error group name (error group ids are scoped per channel)",
    name,
    by_id: |_| None,
    by_name: ErrorGroup::from_name
);
named_serde!(
    Outcome,
    "an outcome: delivered, pending, failed_permanent or retry_later",
    as_str,
    by_id: |_| None,
    by_name: |name: &str| name.parse().ok()
);
