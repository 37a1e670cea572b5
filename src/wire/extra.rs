//! [`Extra`], the fields of a wire object that it does not interpret.

use super::Value;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::ops::{Deref, DerefMut};

/// The fields of a wire object that it does not interpret, and known fields whose value
/// had an unexpected type: `(name, raw value)` pairs, in arrival order.
///
/// It holds a single pointer while empty, as it is for nearly every object Infobip sends,
/// so that the objects stay small and cheap to move. It dereferences to a slice of the
/// pairs, and [`get`](Self::get) finds a field by name.
///
/// ```
/// use infobip_codes::wire::Value;
/// use infobip_codes::MessageStatus;
///
/// let s: MessageStatus = serde_json::from_str(r#"{"id":5,"traceId":"a1","id2":null}"#).unwrap();
/// assert_eq!(s.extra.len(), 2);
/// assert_eq!(s.extra.get("traceId"), Some(&Value::String("a1".into())));
/// assert_eq!(s.extra[1].0, "id2");
/// for (name, value) in &s.extra {
///     println!("{name}: {value:?}");
/// }
/// ```
#[derive(Clone, Default)]
// The box is what makes an empty list one pointer wide (a `Vec` is three).
#[allow(clippy::box_collection)]
pub struct Extra(Option<Box<Vec<(String, Value)>>>);

impl Extra {
    /// No fields.
    ///
    /// ```
    /// assert!(infobip_codes::wire::Extra::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Extra(None)
    }

    /// Appends a field.
    ///
    /// ```
    /// use infobip_codes::wire::{Extra, Value};
    ///
    /// let mut extra = Extra::new();
    /// extra.push(("traceId".to_owned(), Value::Null));
    /// assert_eq!(extra, [("traceId".to_owned(), Value::Null)]);
    /// ```
    #[inline]
    pub fn push(&mut self, field: (String, Value)) {
        self.0.get_or_insert_with(Box::default).push(field);
    }

    /// The value of the first field of this name.
    ///
    /// ```
    /// use infobip_codes::wire::{Extra, Value};
    ///
    /// let extra: Extra = [("smsCount".to_owned(), Value::I64(2))].into_iter().collect();
    /// assert_eq!(extra.get("smsCount"), Some(&Value::I64(2)));
    /// assert_eq!(extra.get("mccMnc"), None);
    /// ```
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The fields, as a slice.
    #[inline]
    #[must_use]
    pub fn as_slice(&self) -> &[(String, Value)] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The fields, as a vector.
    ///
    /// ```
    /// use infobip_codes::wire::Extra;
    ///
    /// assert!(Extra::new().into_vec().is_empty());
    /// ```
    #[must_use]
    pub fn into_vec(self) -> Vec<(String, Value)> {
        self.0.map_or_else(Vec::new, |v| *v)
    }

    /// The last field, to fill in its value (the decoder pushes a field's name first).
    pub(super) fn last_value_mut(&mut self) -> Option<&mut Value> {
        self.0.as_deref_mut()?.last_mut().map(|(_, v)| v)
    }
}

impl Deref for Extra {
    type Target = [(String, Value)];

    #[inline]
    fn deref(&self) -> &Self::Target {
        self.as_slice()
    }
}

impl DerefMut for Extra {
    #[inline]
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.0.as_deref_mut().map_or(&mut [], Vec::as_mut_slice)
    }
}

impl fmt::Debug for Extra {
    /// As a list of pairs: `[("traceId", String("a1"))]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl From<Vec<(String, Value)>> for Extra {
    fn from(fields: Vec<(String, Value)>) -> Self {
        Extra((!fields.is_empty()).then(|| Box::new(fields)))
    }
}

impl From<Extra> for Vec<(String, Value)> {
    fn from(extra: Extra) -> Self {
        extra.into_vec()
    }
}

impl FromIterator<(String, Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(fields: I) -> Self {
        Extra::from(fields.into_iter().collect::<Vec<_>>())
    }
}

impl Extend<(String, Value)> for Extra {
    fn extend<I: IntoIterator<Item = (String, Value)>>(&mut self, fields: I) {
        for field in fields {
            self.push(field);
        }
    }
}

impl IntoIterator for Extra {
    type Item = (String, Value);
    type IntoIter = alloc::vec::IntoIter<(String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = &'a (String, Value);
    type IntoIter = core::slice::Iter<'a, (String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl PartialEq<[(String, Value)]> for Extra {
    fn eq(&self, other: &[(String, Value)]) -> bool {
        self.as_slice() == other
    }
}

impl<const N: usize> PartialEq<[(String, Value); N]> for Extra {
    fn eq(&self, other: &[(String, Value); N]) -> bool {
        self.as_slice() == other
    }
}

impl PartialEq<Vec<(String, Value)>> for Extra {
    fn eq(&self, other: &Vec<(String, Value)>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_takes_one_pointer_and_pushes_keep_order() {
        assert_eq!(size_of::<Extra>(), size_of::<usize>());
        let mut extra = Extra::new();
        assert!(extra.is_empty());
        assert_eq!(extra.last_value_mut(), None);
        extra.push(("a".into(), Value::Null));
        extra.push(("b".into(), Value::Bool(true)));
        if let Some(v) = extra.last_value_mut() {
            *v = Value::I64(1);
        }
        assert_eq!(
            extra,
            [("a".into(), Value::Null), ("b".into(), Value::I64(1))]
        );
        assert_eq!(extra.get("b"), Some(&Value::I64(1)));
        assert_eq!(Extra::from(Vec::new()), Extra::new());
        assert_eq!(extra.clone().into_vec().len(), 2);
        assert_eq!(
            alloc::format!("{extra:?}"),
            r#"[("a", Null), ("b", I64(1))]"#
        );
    }
}
