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
//! [`Outcome::from_wire`](crate::Outcome::from_wire) never contradicts group fields that agree with each other.
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
mod decode;
mod display;
mod encode;
mod error;
mod extra;
mod name;
mod object;
mod resolve;
mod status;
mod text;
mod value;

pub use conflict::{Conflicts, Field};
pub use error::{ErrorParts, MessageError};
pub use extra::Extra;
pub use name::Name;
pub use status::{MessageStatus, StatusParts};
pub use text::Text;
pub use value::{Number, Value};
