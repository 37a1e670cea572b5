//! Typed, documented, forward-compatible access to the status codes and error codes of
//! Infobip's API, generated from Infobip's own page
//! ["Response status and error codes"](https://dev.infobip.com/getting-started/response-status-and-error-codes)
//! as published in its readme.io era: 40 statuses and 149 errors over five channels
//! (General, Voice, Push, Email, Chat), all of them in [one table](table). Infobip's
//! current page lists more; see [Where the data comes from](#where-the-data-comes-from).
//! The [README](https://github.com/infobip-codes/infobip-codes#readme) shows the crate at a
//! glance, with its features; this page is the reference.
//!
//! Decode a delivery report, and let [`Outcome`] say what it means for the message:
//!
//! ```
//! # #[cfg(feature = "serde")]
//! # fn main() -> Result<(), serde_json::Error> {
//! use infobip_codes::{MessageError, MessageStatus, Outcome};
//!
//! #[derive(serde::Deserialize)]
//! struct Report { status: MessageStatus, error: MessageError }
//!
//! let report: Report = serde_json::from_str(r#"{
//!     "status": {"groupId": 2, "groupName": "UNDELIVERABLE", "id": 9, "name": "UNDELIVERABLE_NOT_DELIVERED"},
//!     "error": {"groupId": 1, "groupName": "HANDSET_ERRORS", "id": 27, "name": "EC_ABSENT_SUBSCRIBER", "permanent": false}
//! }"#)?;
//! let outcome = Outcome::from_wire(Some(&report.status), Some(&report.error));
//! assert_eq!(outcome, Outcome::RetryLater); // the handset was off
//! assert_eq!(
//!     format!("{outcome}: {}; {}", report.status, report.error),
//!     "retry_later: UNDELIVERABLE_NOT_DELIVERED (9, UNDELIVERABLE, final); \
//!      EC_ABSENT_SUBSCRIBER (27, HANDSET_ERRORS, temporary)",
//! );
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "serde"))]
//! # fn main() {}
//! ```
//!
//! Without `serde`, the enums alone name the ids:
//!
//! ```
//! use infobip_codes::{ErrorCode, StatusCode, StatusGroup};
//!
//! let status = StatusCode::from_id(5).expect("documented id");
//! assert_eq!(status, StatusCode::DeliveredToHandset);
//! assert_eq!(status.name(), "DELIVERED_TO_HANDSET");
//! assert_eq!(status.group(), Some(StatusGroup::Delivered));
//! assert!(status.is_final());
//!
//! let error: ErrorCode = "EC_ABSENT_SUBSCRIBER".parse().unwrap();
//! assert_eq!(error.id(), 27);
//! assert!(!error.is_permanent()); // retrying may succeed
//!
//! use infobip_codes::Outcome;
//! assert_eq!(Outcome::from_codes(status, None), Outcome::Delivered);
//! ```
//!
//! # What the crate holds
//!
//! Every send response, delivery report and message log of Infobip carries a `status`
//! object and an `error` object.
//!
//! - [`StatusCode`] and [`ErrorCode`] name their ids: one variant per documented code,
//!   documented with the page's description, id, channel, group and finality or
//!   permanence, and with the documented name as a doc alias, so that searching these docs
//!   for `EC_ABSENT_SUBSCRIBER` finds its variant. [`StatusGroup`] and [`ErrorGroup`] name
//!   the groups, [`Channel`] the page's sections, and [`table`] lists every code.
//! - Accessors, all `const fn`: `id`, `name`, `channel`, `group`, [`StatusCode::is_final`],
//!   [`ErrorCode::permanent`] and [`ErrorCode::is_permanent`], and `description`: the
//!   page's text as plain text, for logs and tickets (a link is its text followed by its
//!   address, a list one line per item).
//! - Lookups that never allocate: [`StatusCode::from_id`] (a `const fn`, two array reads in
//!   a generated radix table), [`StatusCode::from_channel_id`] and
//!   [`StatusCode::from_id_all`]; [`StatusCode::from_name`] and
//!   [`StatusCode::from_name_all`] (exact) and [`StatusCode::from_name_ignore_case`]
//!   (ASCII case-insensitive), through generated perfect-hash tables. The same on
//!   [`ErrorCode`]. `ALL` lists every variant, `Display` prints the documented name,
//!   `FromStr` reads it in any ASCII case, and `TryFrom<u16>`, `TryFrom<i32>` and
//!   `From<code>` for `u16` and `i32` convert ids.
//! - [`Outcome`] classifies a status and error pair, from the enums or from the objects on
//!   the wire.
//! - With the feature `serde`, [`MessageStatus`] and [`MessageError`] are the objects
//!   themselves, decoded without losing anything, and the enums serialize as a key that
//!   comes back as the same code (`"general/5/DELIVERED_TO_HANDSET"`).
//!
//! Without the default feature `std` the crate is `no_std`; `serde` needs `alloc`. The
//! features `regenerate` and `html` generate the code at build time, for forks that edit
//! the page.
//!
//! # Final, permanent and retry
//!
//! - **Final.** A status belongs to one of five groups, which the page describes:
//!   PENDING ("Message has been processed and sent to the next instance i.e. mobile
//!   operator"), UNDELIVERABLE ("Message has not been delivered"), DELIVERED ("Message
//!   has successfully been processed and delivered"), EXPIRED (pending past its validity
//!   period, "or the delivery report from the operator has reverted the expired as a
//!   final status") and REJECTED ("rejected by Infobip, or the operator has reverted
//!   Rejected as final status"). [`StatusCode::is_final`] is `true` in the last four
//!   groups and `false` in PENDING, with one exception:
//!   [`DELIVERED_TO_OPERATOR`][operator] is not final, because a report from the handset
//!   may follow (its docs quote Infobip's current page). A
//!   status of any other group (one a refreshed page adds), or of none, is not final
//!   either: the conservative answer, since a later report may come.
//!   [`StatusGroup::is_final`] answers for a group when the code is unknown, and
//!   [`MessageStatus::is_final`] for an object, with the same meaning and type: `false`
//!   where nothing is known.
//! - **Permanent.** The page's error tables have a `Permanent` column, and the `error`
//!   object a `permanent` field (the page's example: `"permanent":false`).
//!   [`ErrorCode::permanent`] returns the page's flag, `None` where the page gives
//!   none; [`ErrorCode::is_permanent`] reads a missing flag as `false`, and so does
//!   [`MessageError::is_permanent`], which takes the payload's flag first. Permanent
//!   means sending the same message again, unchanged, fails the same way (an unknown
//!   subscriber); not permanent means the cause may pass (the handset was off).
//! - **Outcome.** [`Outcome`] puts the two together for a report: delivered, pending,
//!   failed for good, or worth a retry later, rule by rule from the page's groups,
//!   `is_final` and `Permanent` (its docs give the table). `DELIVERED_TO_OPERATOR` is
//!   `Pending`. The page defines no retry policy, and neither does the crate:
//!   `RetryLater` says a retry is not ruled out. Read the descriptions where they advise
//!   otherwise: `REJECTED_SYSTEM_ERROR` says "please retry submission", and
//!   `EC_PUSH_CLOUD_TEMP_UNAVAILABLE` is flagged permanent although its text says the
//!   message "is pending in retry". The crate reports the page as written.
//!
//! [operator]: https://docs.rs/infobip-codes/latest/infobip_codes/enum.StatusCode.html#variant.DeliveredToOperator
//!
//! # Ids
//!
//! Three integer types meet, each for a reason:
//!
//! - **`u16` for the codes** ([`StatusCode::id`], [`StatusCode::from_id`]): every id the
//!   page lists fits (the generator refuses larger ones), and the lookup tables are
//!   indexed by it.
//! - **`i32` on the wire** ([`MessageStatus::id`], `group_id`): what Infobip's API
//!   declares for these fields, and what the official SDK (`infobip_sdk`, `Option<i32>`)
//!   holds, so its objects convert without a cast. A JSON integer outside `i32` is not
//!   truncated: it is kept, raw, in the object's `extra` fields.
//! - Conversions are one call and never truncate: `i32::from(code)` and `u16::from(code)`
//!   widen or copy; [`StatusCode::from_wire_id`] and [`ErrorCode::from_wire_id`] take an
//!   `i32` and answer `None` for one outside `u16`'s range, and `TryFrom<i32>` does the
//!   same with an [`UnknownId`] error, as `TryFrom<u16>` does for a `u16`. (With both,
//!   a literal whose error is used needs its type: `StatusCode::try_from(5_i32)`.)
//!
//! # Unknown codes
//!
//! Infobip adds codes; this crate only knows the page it was built from.
//!
//! - The enums are `#[non_exhaustive]`: a `match` needs a `_` arm, and a new variant is
//!   a minor release, not a breaking one.
//! - Lookups of an undocumented id or name return `None` ([`StatusCode::from_id`],
//!   [`ErrorCode::from_name`]) or an error ([`UnknownId`] from `TryFrom<u16>` and
//!   `TryFrom<i32>`, [`ParseError`] from `FromStr`). Nothing panics.
//! - [`MessageStatus`] and [`MessageError`] decode any object: unknown ids, names,
//!   groups and fields are kept as received and serialize back unchanged. `code()` is
//!   `None` for an unknown id, while `group()`, `is_final()` and `is_permanent()` still
//!   answer from the payload's `groupId`, `groupName` and `permanent`, [`Outcome`]
//!   falls back to the group, and `Display` prints what the payload said.
//! - Payloads also disagree with the page, or with themselves: an id with another
//!   code's name, a code under another group. `code()` chooses with every field,
//!   `conflicts()` says which fields disagree (to log), `Display` shows what the payload
//!   sent beside what the page says, and [`Outcome`] never contradicts group fields that
//!   agree with each other (its docs give the rule table).
//! - A code that leaves the page stays in the crate as a `#[deprecated]` variant, so
//!   code that names it keeps compiling.
//!
//! # Names
//!
//! A variant is the page's name in UpperCamelCase: `EC_UNKNOWN_SUBSCRIBER` is
//! `ErrorCode::EcUnknownSubscriber`, the push group `Registration error` is
//! `ErrorGroup::RegistrationError`. Accented Latin letters become ASCII; a name that
//! starts with a digit gets the prefix `Code`. [`StatusCode::name`] and
//! [`ErrorCode::name`] return the page's spelling, and `Display` prints it.
//!
//! The page lists some names and ids more than once; the crate keeps every row:
//!
//! - Several codes with one name (`EC_VOICE_ERROR_BAD_REQUEST` is five voice errors)
//!   get their id appended to the variant: `ErrorCode::EcVoiceErrorBadRequest5400`,
//!   `...5403` and so on, and the channel too where the id alone does not separate
//!   them. [`ErrorCode::from_name`] returns the first, [`ErrorCode::from_name_all`]
//!   every one.
//! - One id in several channels is one code per channel. [`ErrorCode::from_id`] returns
//!   the first in channel order (General, Voice, Push, Email, Chat, then others by name),
//!   [`ErrorCode::from_id_all`] all of them and [`ErrorCode::from_channel_id`] the
//!   exact one; the wire types let the payload's `name` choose.
//! - Error group ids are scoped per channel (1 is `HANDSET_ERRORS` in General and
//!   `Registration error` in Push): see [`ErrorGroup::from_channel_id`].
//!
//! Variant names are pinned in `docs-source/overrides.json`, so a refreshed page that
//! rewords a name or adds a namesake does not rename an existing variant.
//!
//! # Where the data comes from
//!
//! The enums, their documentation and the lookup tables are generated from the page
//! vendored in the package's `docs-source/` folder, into the committed
//! `src/generated.rs`, whose header names every input and its SHA-256; the build fails
//! if the folder no longer matches it. The page's facts are constants too:
//!
//! ```
//! use infobip_codes::source;
//!
//! let page = &source::PAGES[0];
//! println!("{} ({})", page.path(), page.sha256());
//! assert_eq!(
//!     page.url(),
//!     Some("https://dev.infobip.com/getting-started/response-status-and-error-codes"),
//! );
//! assert!(page.retrieved().is_some()); // the day the page was vendored
//! ```
//!
//! The vendored text is the page as published in its readme.io era (before the 2020
//! redesign of Infobip's documentation); `docs-source/provenance.json` records how it was
//! obtained. Infobip publishes the same page today, larger and with more channels, at
//! <https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes>;
//! newer codes decode as unknown codes until a release of the crate ships a refreshed page.
#![cfg_attr(
    not(feature = "serde"),
    doc = "",
    doc = "[`MessageStatus`]: https://docs.rs/infobip-codes/latest/infobip_codes/wire/struct.MessageStatus.html",
    doc = "[`MessageError`]: https://docs.rs/infobip-codes/latest/infobip_codes/wire/struct.MessageError.html",
    doc = "[`MessageStatus::is_final`]: https://docs.rs/infobip-codes/latest/infobip_codes/wire/struct.MessageStatus.html#method.is_final",
    doc = "[`MessageError::is_permanent`]: https://docs.rs/infobip-codes/latest/infobip_codes/wire/struct.MessageError.html#method.is_permanent",
    doc = "[`MessageStatus::id`]: https://docs.rs/infobip-codes/latest/infobip_codes/wire/struct.MessageStatus.html#structfield.id"
)]
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod channel;
mod codes;
mod data;
mod error;
mod groups;
mod lookup;
mod outcome;
#[cfg(feature = "serde")]
mod serde_impls;
pub mod source;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod wire;

/// The code generated from the vendored page: the committed `src/generated.rs`, which
/// `build.rs` checks against `docs-source/`. Retired codes are `#[deprecated]` for users;
/// the crate's own tables may name them.
#[cfg(not(feature = "regenerate"))]
#[allow(deprecated)]
#[rustfmt::skip] // laid out by prettyplease, as the generator writes it
mod generated;

/// The code generated from `docs-source/` by `build.rs` (feature `regenerate`).
#[cfg(feature = "regenerate")]
#[allow(deprecated)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}

pub use error::{ParseError, UnknownId};
pub use generated::{table, Channel, ErrorCode, ErrorGroup, StatusCode, StatusGroup};
pub use outcome::Outcome;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use wire::{MessageError, MessageStatus};

/// The README's examples run as doctests. They use serde_json freely, so that the README
/// needs no hidden lines: they run in builds with the `serde` feature (CI's
/// `--all-features`).
#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(all(test, target_pointer_width = "64"))]
mod table_size {
    //! The generated static tables have a pinned size: growth is a visible, reviewed change.
    use crate::data::{CodeData, GroupData};
    use crate::generated::*;
    use crate::lookup::NameMap;
    use core::mem::size_of_val;

    fn codes<G>(data: &[CodeData<G>]) -> usize {
        size_of_val(data)
            + data
                .iter()
                .map(|d| d.name.len() + d.description.len())
                .sum::<usize>()
    }

    fn groups(data: &[GroupData]) -> usize {
        size_of_val(data)
            + data
                .iter()
                .map(|g| {
                    g.name.len()
                        + g.key.len()
                        + g.description.len()
                        + size_of_val(g.channels)
                        + size_of_val(g.aliases)
                        + g.aliases.iter().map(|a| a.len()).sum::<usize>()
                })
                .sum::<usize>()
    }

    /// The exact-name map, and the folded-name map when it is not the same table (it is
    /// whenever no documented name has a letter that folds).
    fn name_maps<T>(exact: &NameMap<T>, folded: &NameMap<T>) -> usize {
        names(exact)
            + if core::ptr::eq(exact, folded) {
                0
            } else {
                names(folded)
            }
    }

    fn names<T>(map: &NameMap<T>) -> usize {
        size_of_val(map.pilots)
            + size_of_val(map.entries)
            + map
                .entries
                .iter()
                .map(|(k, v)| k.len() + size_of_val(*v))
                .sum::<usize>()
    }

    /// Bytes of every generated table, strings included.
    fn total() -> [(&'static str, usize); 5] {
        let channels = size_of_val(CHANNEL_DATA)
            + CHANNEL_DATA
                .iter()
                .map(|c| c.slug.len() + c.title.len())
                .sum::<usize>()
            + size_of_val(CHANNEL_ALL);
        let status = codes(STATUS_DATA)
            + size_of_val(STATUS_ALL)
            + name_maps(&STATUS_BY_NAME, STATUS_BY_FOLDED_NAME)
            + size_of_val(STATUS_BY_ID)
            + size_of_val(STATUS_ID_PAGES)
            + size_of_val(STATUS_ID_SLOTS);
        let error = codes(ERROR_DATA)
            + size_of_val(ERROR_ALL)
            + name_maps(&ERROR_BY_NAME, ERROR_BY_FOLDED_NAME)
            + size_of_val(ERROR_BY_ID)
            + size_of_val(ERROR_ID_PAGES)
            + size_of_val(ERROR_ID_SLOTS);
        let group_tables = groups(STATUS_GROUP_DATA)
            + groups(ERROR_GROUP_DATA)
            + size_of_val(STATUS_GROUP_ALL)
            + size_of_val(ERROR_GROUP_ALL);
        let sum = channels + status + error + group_tables;
        [
            ("channels", channels),
            ("status codes", status),
            ("error codes", error),
            ("groups", group_tables),
            ("total", sum),
        ]
    }

    #[test]
    fn generated_tables_have_the_pinned_size() {
        let sizes = total();
        // Update these figures in the same change that grows (or shrinks) the tables.
        let pinned = [
            ("channels", 229),
            ("status codes", 13_041),
            ("error codes", 32_723),
            ("groups", 3_100),
            ("total", 49_093),
        ];
        assert_eq!(sizes, pinned, "the generated tables changed size");
    }
}
