//! `Serialize`/`Deserialize` for the enums (feature `serde`).
//!
//! Codes serialize as their key, `channel/id/NAME`: the docs of their `Serialize` and
//! `Deserialize` impls give the format and what input is read, in which precedence.
//! Groups serialize as their key, `ID/NAME` (see their impls). Channels serialize as
//! their slug, outcomes as their snake-case name.

use crate::groups::is_key_of;
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

fn deserialize_lookup<'de, D: Deserializer<'de>, T: Lookup>(d: D) -> Result<T, D::Error> {
    let visitor = LookupVisitor::<T>(PhantomData);
    if d.is_human_readable() {
        d.deserialize_any(visitor)
    } else {
        d.deserialize_str(visitor)
    }
}

/// What a code's key is made of, and the lookups that read it back.
trait KeyedCode: Copy + 'static {
    const EXPECTING: &'static str;
    fn channel(self) -> Channel;
    fn id(self) -> u16;
    fn name(self) -> &'static str;
    fn from_id(id: u16) -> Option<Self>;
    fn from_id_all(id: u16) -> &'static [Self];
    fn from_name_str(name: &str) -> Option<Self>;
}

/// A code's key, `channel/id/NAME`, written without allocating.
struct Key<T>(T);

impl<T: KeyedCode> fmt::Display for Key<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.0;
        write!(
            f,
            "{}/{}/{}",
            code.channel().as_str(),
            code.id(),
            code.name()
        )
    }
}

/// The code that `s` names as a key, `channel/id/NAME` or `channel/id`, by the rules the
/// `Deserialize` impls document; `None` when `s` is no key or names no code.
fn from_key<T: KeyedCode>(s: &str) -> Option<T> {
    let mut parts = s.splitn(3, '/');
    let channel = parts.next()?;
    let id = parts.next()?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let codes = T::from_id_all(id.parse().ok()?);
    let channel = Channel::from_slug(channel);
    let mut here = codes
        .iter()
        .copied()
        .filter(|c| Some(c.channel()) == channel);
    let Some(name) = parts.next() else {
        return here.next();
    };
    // 1. The channel, id and name; the name exactly, else ignoring ASCII case.
    if let Some(code) = here.clone().find(|c| c.name() == name) {
        return Some(code);
    }
    if let Some(code) = here.clone().find(|c| c.name().eq_ignore_ascii_case(name)) {
        return Some(code);
    }
    // 2. The only code of the channel and id: the page reworded its name.
    if let (Some(code), None) = (here.next(), here.next()) {
        return Some(code);
    }
    // 3. The only code of the id and name, in another channel: the page moved it.
    let mut named = codes.iter().copied().filter(|c| c.name() == name);
    match (named.next(), named.next()) {
        (Some(code), None) => Some(code),
        _ => None,
    }
}

struct CodeVisitor<T>(PhantomData<T>);

impl<T: KeyedCode> Visitor<'_> for CodeVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        u16::try_from(v)
            .ok()
            .and_then(T::from_id)
            .ok_or_else(|| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        u16::try_from(v)
            .ok()
            .and_then(T::from_id)
            .ok_or_else(|| E::invalid_value(Unexpected::Signed(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        let digits = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
        from_key(v)
            .or_else(|| T::from_name_str(v))
            .or_else(|| {
                if digits {
                    v.parse().ok().and_then(T::from_id)
                } else {
                    None
                }
            })
            .ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
}

macro_rules! code_serde {
    ($ty:ident, $expecting:literal, example: ($ex:ident, $key:literal, $name:literal, $id:literal)) => {
        impl KeyedCode for $ty {
            const EXPECTING: &'static str = $expecting;
            fn channel(self) -> Channel {
                $ty::channel(self)
            }
            fn id(self) -> u16 {
                $ty::id(self)
            }
            fn name(self) -> &'static str {
                $ty::name(self)
            }
            fn from_id(id: u16) -> Option<Self> {
                $ty::from_id(id)
            }
            fn from_id_all(id: u16) -> &'static [Self] {
                $ty::from_id_all(id)
            }
            fn from_name_str(name: &str) -> Option<Self> {
                name.parse().ok()
            }
        }

        /// A code serializes as its key, one string: the channel's slug, the id and the
        /// documented name, joined by `/`. The same string in every format,
        /// human-readable (JSON, TOML) or not (CBOR, bincode).
        ///
        /// - **It comes back as the same code.** The channel, the id and the name
        ///   identify a code (see "Identity" in the README): Infobip's current pages give
        ///   one id to codes of several channels, and one channel may document an id under
        ///   two names, so an id alone would come back as another code.
        /// - **It stays readable and stable across refreshes of the page:** no variant
        ///   index or variant name, which later versions may add before or rename; only
        ///   what the page documents. Reading a key tolerates what a refresh may change
        ///   (see the `Deserialize` impl).
        /// - **It keys maps:** it is a string, as a JSON object's keys must be.
        ///
        /// ```
        #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
        ///
        #[doc = concat!("let json = serde_json::to_string(&", stringify!($ty), "::", stringify!($ex), ").unwrap();")]
        #[doc = concat!("assert_eq!(json, r#\"\"", $key, "\"\"#);")]
        #[doc = concat!("assert_eq!(serde_json::from_str::<", stringify!($ty), ">(&json).unwrap(), ", stringify!($ty), "::", stringify!($ex), ");")]
        /// ```
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(&Key(*self))
            }
        }

        /// Reads a key (`channel/id/NAME`, what the `Serialize` impl writes), and also a
        /// documented name or an id, as the wire objects and earlier versions of this
        /// crate hold them.
        ///
        /// A string is read, in this order of precedence:
        ///
        /// 1. as a key `channel/id/NAME`: the code of that channel, id and name (the name
        ///    exactly, else ignoring ASCII case); else the only code of that channel and
        ///    id, whose name a refresh of the page reworded; else the only code of that
        ///    id and name in another channel, where a refresh moved it. A key that fits
        ///    none of these is an error, never another code of the id. `channel/id`
        ///    without a name reads as `from_channel_id`;
        /// 2. as a documented name, exactly, else ignoring ASCII case
        ///    ([`FromStr`](core::str::FromStr));
        /// 3. as an id written in decimal digits.
        ///
        /// A number is an id. Formats that are not human-readable (CBOR, bincode) are
        /// asked for a string, since some of them cannot say which of the two they
        /// hold; there an id is read as its digits.
        ///
        /// A name or an id alone is ambiguous where the page documents it for several
        /// codes: it gives the first, in canonical order for a name and in channel order
        /// for an id, as `from_name` and `from_id` do. Only the key names one code.
        ///
        /// ```
        #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
        ///
        #[doc = concat!("let code = ", stringify!($ty), "::", stringify!($ex), ";")]
        #[doc = concat!("for input in [r#\"\"", $key, "\"\"#, r#\"\"", $name, "\"\"#, \"", $id, "\", r#\"\"", $id, "\"\"#] {")]
        #[doc = concat!("    assert_eq!(serde_json::from_str::<", stringify!($ty), ">(input).unwrap(), code);")]
        /// }
        /// ```
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let visitor = CodeVisitor::<Self>(PhantomData);
                if d.is_human_readable() {
                    d.deserialize_any(visitor)
                } else {
                    d.deserialize_str(visitor)
                }
            }
        }
    };
}

code_serde!(
    StatusCode,
    "a status code: its key `channel/id/NAME`, a documented name, or an id",
    example: (DeliveredToHandset, "general/5/DELIVERED_TO_HANDSET", "DELIVERED_TO_HANDSET", "5")
);
code_serde!(
    ErrorCode,
    "an error code: its key `channel/id/NAME`, a documented name, or an id",
    example: (EcAbsentSubscriber, "general/27/EC_ABSENT_SUBSCRIBER", "EC_ABSENT_SUBSCRIBER", "27")
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
                deserialize_lookup(d)
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
/// A group's key, `ID/NAME` (the name alone for a group the page gives no id), written
/// without allocating.
struct GroupKey(Option<u16>, &'static str);

impl fmt::Display for GroupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(id) => write!(f, "{id}/{}", self.1),
            None => f.write_str(self.1),
        }
    }
}

macro_rules! group_serde {
    ($ty:ident, $expecting:literal, by_id: $by_id:expr, example: ($ex:ident, $key:literal, $name:literal)) => {
        impl Lookup for $ty {
            const EXPECTING: &'static str = $expecting;
            fn by_id(id: u64) -> Option<Self> {
                $by_id(id)
            }
            fn by_name(s: &str) -> Option<Self> {
                if let Some((id, name)) = s.split_once('/') {
                    if let Ok(id) = id.trim().parse::<u16>() {
                        return $ty::ALL
                            .iter()
                            .copied()
                            .find(|g| {
                                g.id() == Some(id)
                                    && (is_key_of(g.key(), name) || g.formerly(name))
                            })
                            .or_else(|| $ty::from_name(name));
                    }
                }
                $ty::from_name(s)
            }
        }

        /// Writes the group's key, `ID/NAME` (`"1/HANDSET_ERRORS"`), or its name alone
        /// when the page gives it no id: the id tells apart groups that share a name
        /// (the current page has "Handset errors" under two ids), and the name keeps it
        /// readable.
        ///
        /// ```
        #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
        ///
        #[doc = concat!("let json = serde_json::to_string(&", stringify!($ty), "::", stringify!($ex), ").unwrap();")]
        #[doc = concat!("assert_eq!(json, r#\"\"", $key, "\"\"#);")]
        /// ```
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(&GroupKey(self.id(), self.name()))
            }
        }

        /// Reads a key, `ID/NAME` (what the `Serialize` impl writes): the group with
        /// that id that has that name, or had it on an earlier page, else the group of
        /// that name; or a name alone, as `from_name` reads it (letters and digits,
        /// any case).
        ///
        /// ```
        #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
        ///
        #[doc = concat!("for input in [r#\"\"", $key, "\"\"#, r#\"\"", $name, "\"\"#] {")]
        #[doc = concat!("    assert_eq!(serde_json::from_str::<", stringify!($ty), ">(input).unwrap(), ", stringify!($ty), "::", stringify!($ex), ");")]
        /// }
        /// ```
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                deserialize_lookup(d)
            }
        }
    };
}

group_serde!(
    StatusGroup,
    "a status group: its key `ID/NAME`, its name or its id",
    by_id: |id: u64| u16::try_from(id).ok().and_then(StatusGroup::from_id),
    example: (Delivered, "3/DELIVERED", "delivered")
);
group_serde!(
    ErrorGroup,
    "an error group: its key `ID/NAME` or its name (error group ids alone are scoped per channel)",
    by_id: |_| None,
    example: (HandsetErrors, "1/HANDSET_ERRORS", "handset errors")
);
named_serde!(
    Outcome,
    "an outcome: delivered, pending, failed_permanent or retry_later",
    as_str,
    by_id: |_| None,
    by_name: |name: &str| name.parse().ok()
);
