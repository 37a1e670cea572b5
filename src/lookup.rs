//! Reading the generated name maps (see `name_hash` in the generated code).

use crate::generated::{name_hash, name_slot};

/// A perfect hash map from names to the codes that carry them: every name has a slot of
/// its own, so a lookup hashes once and compares one key.
pub(crate) struct NameMap<T: 'static> {
    pub(crate) seed: u64,
    pub(crate) pilots: &'static [u16],
    pub(crate) entries: &'static [(&'static str, &'static [T])],
}

impl<T> NameMap<T> {
    /// The codes named `key`, or `None`.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<&'static [T]> {
        if self.entries.is_empty() || self.pilots.is_empty() {
            return None;
        }
        let hash = name_hash(key.as_bytes(), self.seed);
        let (name, codes) = self
            .entries
            .get(name_slot(hash, self.pilots, self.entries.len()))?;
        (*name == key).then_some(*codes)
    }
}
