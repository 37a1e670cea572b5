//! [`Text`], the string type of the wire objects' free text (`description`).

use alloc::boxed::Box;
use alloc::string::String;

/// The most bytes a [`Text`] holds in place, without allocating.
const INLINE: usize = 30;

/// The text of a wire object's free-text field (`description`), as it arrived, stored
/// without allocating where it can be:
///
/// - text of up to 30 bytes, such as the short descriptions Infobip's API sends
///   (`"No Error"`, `"Message delivered to handset"`), is stored in place;
/// - longer text is stored on the heap;
/// - [`from_static`](Self::from_static) borrows a `&'static str` (the objects built from
///   a code hold the page's description that way).
///
/// Names and group names are [`Name`](super::Name)s, one pointer wide. A `Text` is four:
/// wide enough to hold the typical description in place.
///
/// It dereferences to `str`, and compares, hashes and orders as its text whatever the
/// storage.
///
/// ```
/// use infobip_codes::wire::Text;
/// use infobip_codes::MessageError;
///
/// let e: MessageError = serde_json::from_str(
///     r#"{"name":"EC_ABSENT_SUBSCRIBER","description":"Absent Subscriber"}"#,
/// ).unwrap();
/// let description: &Text = e.description.as_ref().unwrap();
/// assert_eq!(description, "Absent Subscriber");
/// assert_eq!(Text::from("hello").len(), 5);
/// ```
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Static(&'static str),
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Text {
    /// A text that borrows a `&'static str`.
    ///
    /// ```
    /// const OK: infobip_codes::wire::Text = infobip_codes::wire::Text::from_static("OK");
    /// assert_eq!(OK.as_static(), Some("OK"));
    /// ```
    #[must_use]
    pub const fn from_static(text: &'static str) -> Self {
        Text(Repr::Static(text))
    }

    /// The text.
    ///
    /// ```
    /// assert_eq!(infobip_codes::wire::Text::from("No Error").as_str(), "No Error");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(text) => text,
            // Only ever filled from a `&str`, whole: the bytes are UTF-8.
            Repr::Inline { len, bytes } => bytes
                .get(..usize::from(*len))
                .and_then(|b| core::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Repr::Heap(text) => text,
        }
    }

    /// The `&'static str` this text borrows, when it borrows one: a text made with
    /// [`from_static`](Self::from_static).
    ///
    /// ```
    /// use infobip_codes::wire::Text;
    ///
    /// assert_eq!(Text::from_static("NO_ERROR").as_static(), Some("NO_ERROR"));
    /// assert_eq!(Text::from("NO_ERROR").as_static(), None);
    /// ```
    #[must_use]
    pub const fn as_static(&self) -> Option<&'static str> {
        match self.0 {
            Repr::Static(text) => Some(text),
            _ => None,
        }
    }
}

impl Default for Text {
    /// The empty text.
    fn default() -> Self {
        Text::from_static("")
    }
}

impl From<&str> for Text {
    /// Copies the text: in place up to 30 bytes, else to the heap.
    #[inline]
    fn from(text: &str) -> Self {
        match inline(text.as_bytes()) {
            Some((len, bytes)) => Text(Repr::Inline { len, bytes }),
            None => Text(Repr::Heap(text.into())),
        }
    }
}

/// `text` at the start of an inline buffer, with its length, when it fits. The copy is
/// fixed-size moves, not a call: a short text is decoded into one on every payload.
#[inline]
fn inline(text: &[u8]) -> Option<(u8, [u8; INLINE])> {
    let mut bytes = [0u8; INLINE];
    match text.len() {
        0..=3 => bytes
            .iter_mut()
            .zip(text)
            .for_each(|(to, from)| *to = *from),
        4..=7 => ends::<4>(text, &mut bytes),
        8..=15 => ends::<8>(text, &mut bytes),
        16..=INLINE => ends::<16>(text, &mut bytes),
        _ => return None,
    }
    Some((u8::try_from(text.len()).ok()?, bytes))
}

/// Copies `text`, of `K` to `2 * K` bytes, as its first `K` bytes and its last `K` bytes
/// (the two overlap when it is shorter than `2 * K`).
#[inline(always)]
fn ends<const K: usize>(text: &[u8], bytes: &mut [u8; INLINE]) {
    if let (Some(head), Some(tail)) = (text.first_chunk::<K>(), text.last_chunk::<K>()) {
        if let Some(to) = bytes.first_chunk_mut::<K>() {
            *to = *head;
        }
        let start = text.len() - K;
        if let Some(to) = bytes
            .get_mut(start..)
            .and_then(<[u8]>::first_chunk_mut::<K>)
        {
            *to = *tail;
        }
    }
}

impl From<String> for Text {
    /// Takes the string: in place up to 30 bytes, else its heap buffer.
    fn from(text: String) -> Self {
        if text.len() <= INLINE {
            Text::from(text.as_str())
        } else {
            Text(Repr::Heap(text.into_boxed_str()))
        }
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        match text.0 {
            Repr::Heap(text) => text.into_string(),
            _ => text.as_str().into(),
        }
    }
}

/// The traits of a string type whose `as_str` gives its text: it dereferences to `str`,
/// and compares, hashes, orders, prints and serializes as its text.
macro_rules! str_like {
    ($ty:ident) => {
        impl core::ops::Deref for $ty {
            type Target = str;

            fn deref(&self) -> &str {
                self.as_str()
            }
        }

        impl core::convert::AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl core::borrow::Borrow<str> for $ty {
            fn borrow(&self) -> &str {
                self.as_str()
            }
        }

        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl Eq for $ty {}

        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<$ty> for str {
            fn eq(&self, other: &$ty) -> bool {
                self == other.as_str()
            }
        }

        impl PartialEq<$ty> for &str {
            fn eq(&self, other: &$ty) -> bool {
                *self == other.as_str()
            }
        }

        impl PartialEq<$ty> for alloc::string::String {
            fn eq(&self, other: &$ty) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl PartialEq<alloc::string::String> for $ty {
            fn eq(&self, other: &alloc::string::String) -> bool {
                self.as_str() == other
            }
        }

        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $ty {
            fn cmp(&self, other: &Self) -> core::cmp::Ordering {
                self.as_str().cmp(other.as_str())
            }
        }

        impl core::hash::Hash for $ty {
            fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
                self.as_str().hash(state);
            }
        }

        impl core::fmt::Debug for $ty {
            /// As the `str`: `"No Error"`.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                core::fmt::Debug::fmt(self.as_str(), f)
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}
pub(super) use str_like;

str_like!(Text);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_storage_holds_the_text() {
        let long = "x".repeat(INLINE + 1);
        let exact = "é".repeat(INLINE / 2);
        for (text, expected) in [
            (Text::from_static("static"), "static"),
            (Text::from(""), ""),
            (Text::from("No Error"), "No Error"),
            (Text::from(exact.as_str()), exact.as_str()),
            (Text::from(long.as_str()), long.as_str()),
            (Text::from(long.clone()), long.as_str()),
            (Text::from(String::from("short")), "short"),
        ] {
            assert_eq!(text.as_str(), expected);
            assert_eq!(String::from(text.clone()), expected);
            assert_eq!(text, Text::from_static(Box::leak(expected.into())));
        }
        // Every length, across the boundaries of the copy's chunk sizes.
        let source: String = ('a'..='z').chain('0'..='9').collect();
        for n in 0..=source.len() {
            let text = &source[..n];
            let copied = Text::from(text);
            assert_eq!(copied.as_str(), text);
            assert_eq!(matches!(copied.0, Repr::Inline { .. }), n <= INLINE, "{n}");
        }
        assert!(matches!(Text::from(exact.as_str()).0, Repr::Inline { .. }));
        assert!(matches!(Text::from(long.as_str()).0, Repr::Heap(_)));
    }
}
