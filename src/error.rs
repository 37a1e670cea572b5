//! Error types of the lookups.

use core::fmt;

/// A name that no code, group or channel of the page has (from `FromStr`).
///
/// ```
/// use infobip_codes::StatusCode;
///
/// let err = "NOT_A_STATUS".parse::<StatusCode>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown status code name");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseError {
    what: &'static str,
}

impl ParseError {
    pub(crate) const fn new(what: &'static str) -> Self {
        ParseError { what }
    }

    /// What was being parsed: `"status code"`, `"error code"`, `"status group"`,
    /// `"error group"`, `"channel"` or `"outcome"`.
    ///
    /// ```
    /// use infobip_codes::Channel;
    ///
    /// assert_eq!("nowhere".parse::<Channel>().unwrap_err().what(), "channel");
    /// ```
    #[must_use]
    pub const fn what(&self) -> &'static str {
        self.what
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} name", self.what)
    }
}

impl core::error::Error for ParseError {}

/// An id that no code of the page has (from `TryFrom<u16>` and `TryFrom<i32>`).
///
/// ```
/// use infobip_codes::ErrorCode;
///
/// let err = ErrorCode::try_from(65535_u16).unwrap_err();
/// assert_eq!(err.id(), 65535);
/// assert_eq!(err.to_string(), "unknown error code id 65535");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownId {
    what: &'static str,
    id: i32,
}

impl UnknownId {
    pub(crate) const fn new(what: &'static str, id: i32) -> Self {
        UnknownId { what, id }
    }

    /// The id that was looked up, as the wire carries ids (`i32`: every `u16` fits, and
    /// an id outside `u16`'s range, which no code has, is kept as it was).
    ///
    /// ```
    /// use infobip_codes::StatusCode;
    ///
    /// assert_eq!(StatusCode::try_from(9999_u16).unwrap_err().id(), 9999);
    /// assert_eq!(StatusCode::try_from(-7_i32).unwrap_err().id(), -7);
    /// ```
    #[must_use]
    pub const fn id(&self) -> i32 {
        self.id
    }

    /// What was looked up: `"status code"` or `"error code"`.
    ///
    /// ```
    /// use infobip_codes::StatusCode;
    ///
    /// assert_eq!(StatusCode::try_from(9999_u16).unwrap_err().what(), "status code");
    /// ```
    #[must_use]
    pub const fn what(&self) -> &'static str {
        self.what
    }
}

impl fmt::Display for UnknownId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} id {}", self.what, self.id)
    }
}

impl core::error::Error for UnknownId {}
