//! [`Name`], the type of the wire objects' `name` and `groupName`.

use super::text::{str_like, Text};
use alloc::boxed::Box;
use alloc::string::String;

/// A code's or a group's name as it arrived (`name`, `groupName`), one pointer wide:
///
/// - a documented name or group name, or the `Ok` spelling of the OK group, is the
///   crate's own `&'static str`: the decoder compares the payload's name with the
///   crate's, and copies nothing;
/// - any other name, such as one of a code newer than this version, is kept on the heap.
///
/// Payloads carry a name and a group name in nearly every object, and nearly always
/// documented ones, so the objects stay small (the way `http::HeaderName` keeps standard
/// headers). It dereferences to `str`, and compares, hashes and orders as its text
/// whatever the storage.
///
/// ```
/// use infobip_codes::wire::Name;
/// use infobip_codes::MessageError;
///
/// let e: MessageError = serde_json::from_str(
///     r#"{"groupName":"HANDSET_ERRORS","name":"EC_ABSENT_SUBSCRIBER","description":"Absent Subscriber"}"#,
/// ).unwrap();
/// let name: &Name = e.name.as_ref().unwrap();
/// assert_eq!(name, "EC_ABSENT_SUBSCRIBER");
/// assert!(name.as_static().is_some()); // the crate's own string: nothing was allocated
/// let new: Name = Name::from("EC_NEWER_THAN_THIS_CRATE");
/// assert_eq!((new.len(), new.as_static()), (24, None));
/// ```
#[derive(Clone)]
pub struct Name(Repr);

#[derive(Clone)]
enum Repr {
    /// A string of the crate's tables (or a program's own constant).
    Static(&'static &'static str),
    /// Any other name.
    Other(Box<Text>),
}

impl Name {
    /// A name that borrows a `&'static str`, through a `'static` reference to it so that
    /// the name stays one pointer wide.
    ///
    /// ```
    /// use infobip_codes::wire::Name;
    ///
    /// const OK: Name = Name::from_static(&"OK");
    /// assert_eq!(OK.as_static(), Some("OK"));
    /// ```
    #[must_use]
    pub const fn from_static(name: &'static &'static str) -> Self {
        Name(Repr::Static(name))
    }

    /// The name.
    ///
    /// ```
    /// assert_eq!(infobip_codes::wire::Name::from("NO_ERROR").as_str(), "NO_ERROR");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(name) => name,
            Repr::Other(name) => name.as_str(),
        }
    }

    /// The `&'static str` this name borrows, when it borrows one: a documented name or
    /// group name that the decoder found in the crate's tables, or a name made with
    /// [`from_static`](Self::from_static).
    ///
    /// ```
    /// use infobip_codes::wire::Name;
    ///
    /// assert_eq!(Name::from_static(&"NO_ERROR").as_static(), Some("NO_ERROR"));
    /// assert_eq!(Name::from("NO_ERROR").as_static(), None);
    /// ```
    #[must_use]
    pub const fn as_static(&self) -> Option<&'static str> {
        match self.0 {
            Repr::Static(name) => Some(name),
            Repr::Other(_) => None,
        }
    }
}

impl Default for Name {
    /// The empty name.
    fn default() -> Self {
        Name::from_static(&"")
    }
}

impl From<&str> for Name {
    /// Copies the name (see [`Text`] for how).
    fn from(name: &str) -> Self {
        Name(Repr::Other(Box::new(Text::from(name))))
    }
}

impl From<String> for Name {
    /// Takes the string (see [`Text`] for how).
    fn from(name: String) -> Self {
        Name(Repr::Other(Box::new(Text::from(name))))
    }
}

impl From<Name> for String {
    fn from(name: Name) -> Self {
        match name.0 {
            Repr::Static(name) => (*name).into(),
            Repr::Other(name) => String::from(*name),
        }
    }
}

str_like!(Name);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pointer_wide_and_every_storage_holds_the_name() {
        assert_eq!(size_of::<Option<Name>>(), 2 * size_of::<usize>());
        let long = "N".repeat(64);
        for (name, expected) in [
            (Name::from_static(&"OK"), "OK"),
            (Name::from(""), ""),
            (Name::from("NO_ERROR"), "NO_ERROR"),
            (Name::from(long.as_str()), long.as_str()),
            (Name::from(long.clone()), long.as_str()),
            (Name::default(), ""),
        ] {
            assert_eq!(name.as_str(), expected);
            assert_eq!(String::from(name.clone()), expected);
            assert_eq!(name, Name::from(expected));
        }
    }
}
