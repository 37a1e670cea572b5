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
