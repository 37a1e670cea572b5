//! The shapes of the generated tables (see the `generated` module, `src/generated.rs`).

use crate::Channel;

/// One row of the channel table, indexed by `Channel as usize`.
pub(crate) struct ChannelData {
    pub(crate) slug: &'static str,
    pub(crate) title: &'static str,
}

/// One row of a group table, indexed by `StatusGroup as usize` / `ErrorGroup as usize`.
pub(crate) struct GroupData {
    pub(crate) id: Option<u16>,
    pub(crate) name: &'static str,
    /// The names of earlier pages' headings for this group, as [`same_group_name`] keys
    /// (letters and digits, uppercased).
    ///
    /// [`same_group_name`]: crate::groups::same_group_name
    pub(crate) aliases: &'static [&'static str],
    pub(crate) description: &'static str,
    pub(crate) channels: &'static [Channel],
    pub(crate) is_final: bool,
}

/// One row of a code table, indexed by `StatusCode as usize` / `ErrorCode as usize`.
pub(crate) struct CodeData<G: 'static> {
    pub(crate) id: u16,
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    pub(crate) channel: Channel,
    pub(crate) group: Option<G>,
    pub(crate) permanent: Option<bool>,
    pub(crate) is_final: bool,
}

/// One vendored page the tables were generated from.
pub(crate) type SourceData = crate::source::Page;
