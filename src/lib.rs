//! Typed, documented, forward-compatible access to every status code and error code of
//! Infobip's API, generated from Infobip's own page
//! ["Response status and error codes"](https://dev.infobip.com/getting-started/response-status-and-error-codes).
//!
//! Every send response, delivery report and message log of Infobip carries a `status`
//! object and an `error` object. This crate names their ids:
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
//! assert!(!error.is_permanent()); // the handset was off: retrying may succeed
//! ```
//!
//! With the `serde` feature, `MessageStatus` and `MessageError` decode the objects
//! themselves, keeping every field and value, including ids this version does not know:
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use infobip_codes::{MessageError, MessageStatus, StatusCode};
//!
//! let status: MessageStatus = serde_json::from_str(
//!     r#"{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET","description":"Message delivered to handset"}"#,
//! ).unwrap();
//! assert_eq!(status.code(), Some(StatusCode::DeliveredToHandset));
//!
//! let error: MessageError = serde_json::from_str(
//!     r#"{"groupId":1,"groupName":"HANDSET_ERRORS","id":9999,"name":"EC_NEW","permanent":true}"#,
//! ).unwrap();
//! assert_eq!(error.code(), None); // not on the page this version was built from
//! assert_eq!(error.is_permanent(), Some(true)); // the payload's own flag
//! assert_eq!(serde_json::to_value(&error).unwrap()["id"], 9999); // nothing lost
//! # }
//! ```
//!
//! # Features
//!
//! | feature | default | what it adds |
//! | --- | --- | --- |
//! | `std` | yes | nothing beyond `alloc` today; without it the crate is `no_std` |
//! | `alloc` | with `std` | heap types (needed by `serde`'s wire types) |
//! | `serde` | no | `Serialize`/`Deserialize` for the enums, and `MessageStatus` / `MessageError` |
//! | `html` | no | lets `build.rs` read rendered `.html` pages in `docs-source/` (compiles an HTML parser into the build script) |
//!
//! # Where the data comes from
//!
//! `build.rs` reads the page vendored in the package's `docs-source/` folder and generates
//! the enums, their documentation and the lookup tables. [`source::PAGES`] names the page,
//! its address, retrieval date and SHA-256.

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
#[cfg(feature = "serde")]
mod serde_impls;
pub mod source;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod wire;

/// The code generated from the vendored page by `build.rs`. Retired codes are
/// `#[deprecated]` for users; the crate's own tables may name them.
#[allow(deprecated)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/codes.rs"));
}

pub use error::{ParseError, UnknownId};
pub use generated::{Channel, ErrorCode, ErrorGroup, StatusCode, StatusGroup};
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use wire::{MessageError, MessageStatus};

/// The README's examples run as doctests.
#[cfg(doctest)]
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
                .map(|g| g.name.len() + g.description.len() + size_of_val(g.channels))
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

    /// Bytes of every generated table, strings included (the `from_id_all` match is
    /// code, not a table, and not counted).
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
            + size_of_val(STATUS_ID_PAGES)
            + size_of_val(STATUS_ID_SLOTS);
        let error = codes(ERROR_DATA)
            + size_of_val(ERROR_ALL)
            + name_maps(&ERROR_BY_NAME, ERROR_BY_FOLDED_NAME)
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
            ("status codes", 13_018),
            ("error codes", 32_574),
            ("groups", 2_429),
            ("total", 48_250),
        ];
        assert_eq!(sizes, pinned, "the generated tables changed size");
    }
}
