//! Behaviour of [`StatusGroup`] and [`ErrorGroup`] over the generated tables.

use crate::data::GroupClass;
use crate::error::ParseError;
use crate::generated::{ERROR_GROUP_ALL, ERROR_GROUP_DATA, STATUS_GROUP_ALL, STATUS_GROUP_DATA};
use crate::{Channel, ErrorGroup, StatusGroup};
use core::fmt;
use core::str::FromStr;

/// Whether `name` is a spelling of the group name whose key is `key`.
///
/// The identity of a group name has one rule: its ASCII letters and digits, uppercased
/// (`Registration error`, `REGISTRATION_ERROR` and `registration-error` are one name).
/// The generator applies it to the page's names (`model::group_key`) and writes the keys
/// into the group tables; here only the name asked for is folded, on the fly, and
/// compared with the key. A test folds every table name here and expects the
/// generator's key.
#[inline]
pub(crate) fn is_key_of(key: &str, name: &str) -> bool {
    name.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_uppercase())
        .eq(key.bytes())
}

macro_rules! group_impls {
    (
        $ty:ident,
        what: $what:literal,
        data: $data:ident,
        all: $all:ident,
        example: ($ex:ident, $ex_id:literal, $ex_name:literal, $ex_alt:literal),
    ) => {
        impl $ty {
            /// Every group, in canonical order.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            #[doc = concat!("assert!(", stringify!($ty), "::ALL.contains(&", stringify!($ty), "::", stringify!($ex), "));")]
            /// ```
            // A method call, which rustdoc does not print: the docs name no private table.
            pub const ALL: &'static [$ty] = $all.as_slice();

            /// The group id, as in `groupId`; `None` for a group the page gives no id.
            ///
            /// ```
            #[doc = concat!("assert_eq!(infobip_codes::", stringify!($ty), "::", stringify!($ex), ".id(), Some(", $ex_id, "));")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn id(self) -> Option<u16> {
                $data[self as usize].id
            }

            /// The group name as the page's heading spells it (`groupName` on the wire
            /// may differ in letter case and separators).
            ///
            /// ```
            #[doc = concat!("assert_eq!(infobip_codes::", stringify!($ty), "::", stringify!($ex), ".name(), \"", $ex_name, "\");")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn name(self) -> &'static str {
                $data[self as usize].name
            }

            /// The name's key (see [`is_key_of`]).
            #[inline]
            pub(crate) const fn key(self) -> &'static str {
                $data[self as usize].key
            }

            /// What the group means for a message (see [`GroupClass`]).
            #[inline]
            pub(crate) const fn class(self) -> GroupClass {
                $data[self as usize].class
            }

            /// The name, through a `'static` reference into the crate's table (a
            /// [`wire::Name`](crate::wire::Name) holds that, one pointer wide).
            #[cfg(feature = "serde")]
            #[inline]
            pub(crate) const fn name_ref(self) -> &'static &'static str {
                &$data[self as usize].name
            }

            /// The page's one-line description of the group, as plain text (see
            /// [`StatusCode::description`](crate::StatusCode::description)).
            ///
            /// ```
            #[doc = concat!("assert!(!infobip_codes::", stringify!($ty), "::", stringify!($ex), ".description().is_empty());")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn description(self) -> &'static str {
                $data[self as usize].description
            }

            /// The channels that list codes in this group, in channel order.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::{Channel, ", stringify!($ty), "};")]
            #[doc = concat!("assert!(", stringify!($ty), "::", stringify!($ex), ".channels().contains(&Channel::General));")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn channels(self) -> &'static [Channel] {
                $data[self as usize].channels
            }

            /// The group with this name: letters and digits compared ignoring ASCII case,
            /// other characters ignored, so `groupName` values in any spelling match.
            /// A name no group has today is also looked up among the names earlier pages
            /// gave a group (Infobip rewords its headings while the API keeps sending the
            /// name it always sent): the group keeps its variant and answers to both.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_name(\"", $ex_alt, "\"), Some(", stringify!($ty), "::", stringify!($ex), "));")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_name(\"NOT_A_GROUP\"), None);")]
            /// ```
            #[must_use]
            pub fn from_name(name: &str) -> Option<Self> {
                let all = $all.iter().copied();
                all.clone()
                    .find(|g| is_key_of(g.key(), name))
                    .or_else(|| all.clone().find(|g| g.formerly(name)))
            }

            /// Whether `name` is one an earlier page gave this group.
            pub(crate) fn formerly(self, name: &str) -> bool {
                $data[self as usize]
                    .aliases
                    .iter()
                    .any(|a| is_key_of(a, name))
            }
        }

        impl fmt::Display for $ty {
            /// Writes the group name as the page spells it.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.name())
            }
        }

        impl FromStr for $ty {
            type Err = ParseError;

            /// Parses a group name (see `from_name`).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_name(s).ok_or(ParseError::new($what))
            }
        }
    };
}

group_impls!(
    StatusGroup,
    what: "status group",
    data: STATUS_GROUP_DATA,
    all: STATUS_GROUP_ALL,
    example: (Delivered, "3", "DELIVERED", "Delivered"),
);

group_impls!(
    ErrorGroup,
    what: "error group",
    data: ERROR_GROUP_DATA,
    all: ERROR_GROUP_ALL,
    example: (HandsetErrors, "1", "HANDSET_ERRORS", "handset errors"),
);

impl StatusGroup {
    /// The status group with this id. Status group ids are the same in every channel.
    ///
    /// ```
    /// use infobip_codes::StatusGroup;
    ///
    /// assert_eq!(StatusGroup::from_id(5), Some(StatusGroup::Rejected));
    /// assert_eq!(StatusGroup::from_id(99), None);
    /// ```
    #[must_use]
    #[inline]
    pub const fn from_id(id: u16) -> Option<Self> {
        let mut i = 0;
        while i < STATUS_GROUP_ALL.len() {
            if let Some(g) = STATUS_GROUP_DATA[i].id {
                if g == id {
                    return Some(STATUS_GROUP_ALL[i]);
                }
            }
            i += 1;
        }
        None
    }

    /// Whether statuses in this group are final: UNDELIVERABLE, DELIVERED, EXPIRED and
    /// REJECTED are, PENDING and any group the page does not describe as final are not.
    /// (One status of the DELIVERED group is intermediate,
    /// `StatusCode::DeliveredToOperator`, whose docs quote the page; ask the code,
    /// [`StatusCode::is_final`](crate::StatusCode::is_final), when you have it.)
    ///
    /// ```
    /// use infobip_codes::StatusGroup;
    ///
    /// assert!(!StatusGroup::Pending.is_final());
    /// assert!(StatusGroup::Delivered.is_final());
    /// assert!(StatusGroup::Expired.is_final());
    /// ```
    #[must_use]
    #[inline]
    pub const fn is_final(self) -> bool {
        self.class().is_final()
    }
}

impl ErrorGroup {
    /// The error group with this id in this channel. Error group ids are scoped per
    /// channel: 1 is `HANDSET_ERRORS` in General but `Registration error` in Push.
    ///
    /// ```
    /// use infobip_codes::{Channel, ErrorGroup};
    ///
    /// assert_eq!(ErrorGroup::from_channel_id(Channel::General, 1), Some(ErrorGroup::HandsetErrors));
    /// assert_eq!(ErrorGroup::from_channel_id(Channel::Push, 1), Some(ErrorGroup::RegistrationError));
    /// assert_eq!(ErrorGroup::from_channel_id(Channel::Push, 0), None);
    /// ```
    #[must_use]
    #[inline]
    pub const fn from_channel_id(channel: Channel, id: u16) -> Option<Self> {
        let mut i = 0;
        while i < ERROR_GROUP_ALL.len() {
            let data = &ERROR_GROUP_DATA[i];
            if let Some(g) = data.id {
                if g == id {
                    let mut c = 0;
                    while c < data.channels.len() {
                        if data.channels[c] as usize == channel as usize {
                            return Some(ERROR_GROUP_ALL[i]);
                        }
                        c += 1;
                    }
                }
            }
            i += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run time's folding of every name in the tables gives the key the generator
    /// wrote for it: the two sides spell one rule.
    #[test]
    fn every_table_name_folds_to_its_generated_key() {
        for g in STATUS_GROUP_DATA.iter().chain(ERROR_GROUP_DATA) {
            assert!(is_key_of(g.key, g.name), "{} / {}", g.name, g.key);
            assert!(is_key_of(g.key, g.key), "a key folds to itself: {}", g.key);
            for a in g.aliases {
                assert!(is_key_of(a, a), "an alias is a key: {a}");
            }
        }
    }

    #[test]
    fn spellings_of_one_name_are_one_key() {
        for name in [
            "Registration error",
            "REGISTRATION_ERROR",
            "registration-error",
        ] {
            assert!(is_key_of("REGISTRATIONERROR", name), "{name}");
        }
        assert!(!is_key_of("REGISTRATIONERROR", "Registration errors"));
        assert!(!is_key_of("OK", ""));
        assert!(is_key_of("", " _-"));
    }
}
