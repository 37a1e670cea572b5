//! Behaviour of [`StatusCode`] and [`ErrorCode`] over the generated tables.

use crate::error::{ParseError, UnknownId};
use crate::generated::{
    ERROR_ALL, ERROR_BY_FOLDED_NAME, ERROR_BY_ID, ERROR_BY_NAME, ERROR_DATA, ERROR_ID_PAGES,
    ERROR_ID_SLOTS, ERROR_MAX_NAME_LEN, STATUS_ALL, STATUS_BY_FOLDED_NAME, STATUS_BY_ID,
    STATUS_BY_NAME, STATUS_DATA, STATUS_ID_PAGES, STATUS_ID_SLOTS, STATUS_MAX_NAME_LEN,
};
use crate::{Channel, ErrorCode, ErrorGroup, StatusCode, StatusGroup};
use core::fmt;
use core::str::FromStr;

/// `name` in ASCII upper case, in `buf`; `None` when it does not fit (then no name matches).
fn ascii_upper<'b>(name: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let out = buf.get_mut(..name.len())?;
    for (o, b) in out.iter_mut().zip(name.as_bytes()) {
        *o = b.to_ascii_uppercase();
    }
    // Changing the case of ASCII bytes keeps UTF-8 valid; this never fails.
    core::str::from_utf8(out).ok()
}

macro_rules! code_impls {
    (
        $ty:ident,
        group: $group:ident,
        what: $what:literal,
        object: $object:literal,
        data: $data:ident,
        all: $all:ident,
        by_id: $by_id:ident,
        id_pages: $id_pages:ident,
        id_slots: $id_slots:ident,
        by_name: $by_name:ident,
        by_folded: $by_folded:ident,
        max_len: $max_len:ident,
        example: ($ex:ident, $ex_id:literal, $ex_name:literal, $ex_channel:ident, $ex_group:ident),
        description: ($dex:ident, $dtext:literal),
    ) => {
        impl $ty {
            /// Every code, in canonical order (channel, then id).
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            ///
            #[doc = concat!("assert!(", stringify!($ty), "::ALL.contains(&", stringify!($ty), "::", stringify!($ex), "));")]
            #[doc = concat!("for code in ", stringify!($ty), "::ALL {")]
            #[doc = concat!("    assert!(", stringify!($ty), "::from_id_all(code.id()).contains(code));")]
            /// }
            /// ```
            // A method call, which rustdoc does not print: the docs name no private table.
            pub const ALL: &'static [$ty] = $all.as_slice();

            /// The numeric id, as in the `id` field of the
            #[doc = concat!("`", $object, "` object.")]
            ///
            /// ```
            #[doc = concat!("assert_eq!(infobip_codes::", stringify!($ty), "::", stringify!($ex), ".id(), ", $ex_id, ");")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn id(self) -> u16 {
                $data[self as usize].id
            }

            /// The documented name, as in the `name` field (trimmed of the page's stray spaces).
            ///
            /// ```
            #[doc = concat!("assert_eq!(infobip_codes::", stringify!($ty), "::", stringify!($ex), ".name(), \"", $ex_name, "\");")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn name(self) -> &'static str {
                $data[self as usize].name
            }

            /// The name, through a `'static` reference into the crate's table (a
            /// [`wire::Name`](crate::wire::Name) holds that, one pointer wide).
            #[cfg(feature = "serde")]
            #[inline]
            pub(crate) const fn name_ref(self) -> &'static &'static str {
                &$data[self as usize].name
            }

            /// The page's description as plain text, for log lines, dashboards and
            /// support tickets: a link is its text followed by its address in
            /// parentheses, a list is one line per item, and no markdown is left
            /// (escapes, backticks). The variant's documentation shows the same text as
            /// markdown.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::", stringify!($dex), ".description(), \"", $dtext, "\");")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn description(self) -> &'static str {
                $data[self as usize].description
            }

            /// The channel whose section lists the code.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::{Channel, ", stringify!($ty), "};")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::", stringify!($ex), ".channel(), Channel::", stringify!($ex_channel), ");")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn channel(self) -> Channel {
                $data[self as usize].channel
            }

            /// The group the page lists the code under.
            ///
            /// `None` exactly when the vendored page lists the code in a table under no
            /// group heading. The page this version ships gives every code a group (a
            /// test checks it for every code), so here it is always `Some`; pages in
            /// Infobip's current layout have such tables (a deprecated Voice status
            /// table, for one), and the crate compiles for whatever page is vendored.
            /// [`Outcome`](crate::Outcome) answers for every status either way.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::{", stringify!($group), ", ", stringify!($ty), "};")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::", stringify!($ex), ".group(), Some(", stringify!($group), "::", stringify!($ex_group), "));")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn group(self) -> Option<$group> {
                $data[self as usize].group
            }

            /// The code with this id, or `None` when the page lists none.
            ///
            /// Where several channels document the same id, this is the first in channel
            /// order (General, Voice, Push, Email, Chat, then others by name); use
            #[doc = concat!("[`", stringify!($ty), "::from_channel_id`] or [`", stringify!($ty), "::from_id_all`] to choose.")]
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_id(", $ex_id, "), Some(", stringify!($ty), "::", stringify!($ex), "));")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_id(65535), None);")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn from_id(id: u16) -> Option<Self> {
                match Self::id_position(id) {
                    Some(at) => Some($by_id[at]),
                    None => None,
                }
            }

            /// Where the first code with this id sits in the id-ordered list: two table
            /// reads, the id's 64-id page, then its slot in the page.
            #[inline(always)]
            const fn id_position(id: u16) -> Option<usize> {
                let page = (id >> 6) as usize;
                if page >= $id_pages.len() || $id_pages[page] == 0 {
                    return None;
                }
                match $id_slots[$id_pages[page] as usize - 1][(id & 63) as usize] {
                    0 => None,
                    slot => Some(slot as usize - 1),
                }
            }

            /// The code with this id as the wire types and the official SDK hold ids
            /// (`i32`, see the crate docs on ids): [`from_id`](Self::from_id) for an id
            /// in `u16`'s range, `None` for any other (a negative id, or one above 65535),
            /// never a truncated one.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            ///
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_wire_id(", $ex_id, "), Some(", stringify!($ty), "::", stringify!($ex), "));")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_wire_id(65536 + ", $ex_id, "), None);")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_wire_id(-1), None);")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn from_wire_id(id: i32) -> Option<Self> {
                if id < 0 || id > u16::MAX as i32 {
                    return None;
                }
                Self::from_id(id as u16)
            }

            /// Every code with this id, in channel order: one per channel that documents it,
            /// or, where a channel documents the id under several names (People API 40404
            /// is `ADDITIONAL_FIELD_DOES_NOT_EXIST` and `CUSTOM_ATTRIBUTE_DOES_NOT_EXIST`),
            /// each of them, in page order.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_id_all(", $ex_id, "), &[", stringify!($ty), "::", stringify!($ex), "]);")]
            #[doc = concat!("assert!(", stringify!($ty), "::from_id_all(65535).is_empty());")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn from_id_all(id: u16) -> &'static [Self] {
                let Some(start) = Self::id_position(id) else {
                    return &[];
                };
                // The codes of one id are one run of the id-ordered list.
                let mut end = start + 1;
                while end < $by_id.len() && $by_id[end].id() == id {
                    end += 1;
                }
                let (_, from) = $by_id.as_slice().split_at(start);
                from.split_at(end - start).0
            }

            /// The code with this id in this channel. Where the channel documents the id
            /// under several names, the first in page order;
            #[doc = concat!("[`", stringify!($ty), "::from_id_all`] gives them all, and the wire type's `code()` chooses by the payload's `name`.")]
            ///
            /// ```
            #[doc = concat!("use infobip_codes::{Channel, ", stringify!($ty), "};")]
            #[doc = concat!("let code = ", stringify!($ty), "::from_channel_id(Channel::", stringify!($ex_channel), ", ", $ex_id, ");")]
            #[doc = concat!("assert_eq!(code, Some(", stringify!($ty), "::", stringify!($ex), "));")]
            /// ```
            #[must_use]
            #[inline]
            pub const fn from_channel_id(channel: Channel, id: u16) -> Option<Self> {
                let candidates = Self::from_id_all(id);
                let mut i = 0;
                while i < candidates.len() {
                    if candidates[i].channel() as usize == channel as usize {
                        return Some(candidates[i]);
                    }
                    i += 1;
                }
                None
            }

            /// The code with exactly this documented name.
            ///
            /// A name the page documents for several ids gives the first in canonical
            #[doc = concat!("order; [`", stringify!($ty), "::from_name_all`] gives them all.")]
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_name(\"", $ex_name, "\"), Some(", stringify!($ty), "::", stringify!($ex), "));")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_name(\"NOT_A_CODE\"), None);")]
            /// ```
            #[must_use]
            pub fn from_name(name: &str) -> Option<Self> {
                Self::from_name_all(name).first().copied()
            }

            /// Every code with exactly this documented name, in canonical order.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_name_all(\"", $ex_name, "\"), &[", stringify!($ty), "::", stringify!($ex), "]);")]
            /// ```
            #[must_use]
            pub fn from_name_all(name: &str) -> &'static [Self] {
                $by_name.get(name).unwrap_or(&[])
            }

            /// The code with this name, ignoring ASCII letter case.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            #[doc = concat!("let lower = \"", $ex_name, "\".to_ascii_lowercase();")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_name_ignore_case(&lower), Some(", stringify!($ty), "::", stringify!($ex), "));")]
            /// ```
            #[must_use]
            pub fn from_name_ignore_case(name: &str) -> Option<Self> {
                Self::from_name_all_ignore_case(name).first().copied()
            }

            /// Every code with this name, ignoring ASCII letter case, in canonical order.
            #[cfg_attr(not(feature = "serde"), allow(dead_code))] // the wire objects' `code()`
            pub(crate) fn from_name_all_ignore_case(name: &str) -> &'static [Self] {
                let mut buf = [0u8; $max_len];
                ascii_upper(name, &mut buf)
                    .and_then(|upper| $by_folded.get(upper))
                    .unwrap_or(&[])
            }
        }

        impl fmt::Display for $ty {
            /// Writes the documented name.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.name())
            }
        }

        impl FromStr for $ty {
            type Err = ParseError;

            /// Parses a documented name, exactly or else ignoring ASCII case.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_name(s)
                    .or_else(|| Self::from_name_ignore_case(s))
                    .ok_or(ParseError::new($what))
            }
        }

        impl TryFrom<u16> for $ty {
            type Error = UnknownId;

            /// The code with this id (see [`from_id`](Self::from_id)).
            #[inline]
            fn try_from(id: u16) -> Result<Self, Self::Error> {
                Self::from_id(id).ok_or(UnknownId::new($what, i32::from(id)))
            }
        }

        impl TryFrom<i32> for $ty {
            type Error = UnknownId;

            /// The code with this id as the wire carries it (see
            /// [`from_wire_id`](Self::from_wire_id)): an id outside `u16`'s range is
            /// unknown, never truncated.
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            ///
            /// let wire_id: i32 = 65536 + 1;
            #[doc = concat!("assert_eq!(", stringify!($ty), "::try_from(wire_id).unwrap_err().id(), 65537);")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::try_from(-1_i32).unwrap_err().id(), -1);")]
            /// ```
            #[inline]
            fn try_from(id: i32) -> Result<Self, Self::Error> {
                Self::from_wire_id(id).ok_or(UnknownId::new($what, id))
            }
        }

        impl From<$ty> for u16 {
            #[inline]
            fn from(code: $ty) -> u16 {
                code.id()
            }
        }

        impl From<$ty> for i32 {
            /// The id as the wire types hold it (lossless).
            #[inline]
            fn from(code: $ty) -> i32 {
                i32::from(code.id())
            }
        }
    };
}

code_impls!(
    StatusCode,
    group: StatusGroup,
    what: "status code",
    object: "status",
    data: STATUS_DATA,
    all: STATUS_ALL,
    by_id: STATUS_BY_ID,
    id_pages: STATUS_ID_PAGES,
    id_slots: STATUS_ID_SLOTS,
    by_name: STATUS_BY_NAME,
    by_folded: STATUS_BY_FOLDED_NAME,
    max_len: STATUS_MAX_NAME_LEN,
    example: (DeliveredToHandset, "5", "DELIVERED_TO_HANDSET", General, Delivered),
    description: (
        RejectedInvalidNotifyUrl,
        "Native to Voice services, this status is returned in case the notifyUrl parameter is not formatter properly. Please revisit the documentation here (https://dev.infobip.com/docs/fully-featured-voice-messages)."
    ),
);

code_impls!(
    ErrorCode,
    group: ErrorGroup,
    what: "error code",
    object: "error",
    data: ERROR_DATA,
    all: ERROR_ALL,
    by_id: ERROR_BY_ID,
    id_pages: ERROR_ID_PAGES,
    id_slots: ERROR_ID_SLOTS,
    by_name: ERROR_BY_NAME,
    by_folded: ERROR_BY_FOLDED_NAME,
    max_len: ERROR_MAX_NAME_LEN,
    example: (EcUnknownSubscriber, "1", "EC_UNKNOWN_SUBSCRIBER", General, HandsetErrors),
    description: (
        EcAbsentSubscriber,
        "The subscriber is offline in the network, as confirmed by the handset's paging response. This is often due to the handset being switched off."
    ),
);

impl StatusCode {
    /// Whether no later report will change this status.
    ///
    /// Statuses of the UNDELIVERABLE, DELIVERED, EXPIRED and REJECTED groups are final;
    /// PENDING ones are not. `DELIVERED_TO_OPERATOR` is not final either, although its
    /// group is DELIVERED: Infobip's current page calls it intermediate (the variant
    /// `StatusCode::DeliveredToOperator` quotes the page), so a delivery report from the
    /// handset may still follow. A status in any other group, or in none, is not final: a later
    /// report may come.
    ///
    /// ```
    /// use infobip_codes::StatusCode;
    ///
    /// assert!(StatusCode::DeliveredToHandset.is_final());
    /// assert!(!StatusCode::DeliveredToOperator.is_final());
    /// assert!(!StatusCode::PendingEnroute.is_final());
    /// assert!(StatusCode::RejectedNetwork.is_final());
    /// ```
    #[must_use]
    #[inline]
    pub const fn is_final(self) -> bool {
        STATUS_DATA[self as usize].is_final
    }
}

impl ErrorCode {
    /// The page's `permanent` flag: `Some(true)` when sending the same message again,
    /// unchanged, fails the same way; `None` where the page gives no flag.
    ///
    /// ```
    /// use infobip_codes::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::EcUnknownSubscriber.permanent(), Some(true));
    /// assert_eq!(ErrorCode::EcAbsentSubscriber.permanent(), Some(false));
    /// ```
    #[must_use]
    #[inline]
    pub const fn permanent(self) -> Option<bool> {
        ERROR_DATA[self as usize].permanent
    }

    /// Whether the page marks the error permanent: retrying the same message, unchanged,
    /// fails the same way. `false` also where the page gives no flag; see
    /// [`ErrorCode::permanent`] to tell the two apart.
    ///
    /// ```
    /// use infobip_codes::ErrorCode;
    ///
    /// assert!(ErrorCode::EcUnknownSubscriber.is_permanent());
    /// assert!(!ErrorCode::EcAbsentSubscriber.is_permanent());
    /// ```
    #[must_use]
    #[inline]
    pub const fn is_permanent(self) -> bool {
        matches!(self.permanent(), Some(true))
    }
}
