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
    /// The name's key: its ASCII letters and digits, uppercased, as the generator folds
    /// it (`model::group_key`). A name matches the group when it folds to this key (see
    /// [`is_key_of`], which folds only the name asked for).
    ///
    /// [`is_key_of`]: crate::groups::is_key_of
    pub(crate) key: &'static str,
    /// The keys of earlier pages' headings for this group, folded the same way.
    pub(crate) aliases: &'static [&'static str],
    pub(crate) description: &'static str,
    pub(crate) channels: &'static [Channel],
    /// What the group means for a message, as the generator decides it once
    /// (`class::GroupClass::of`).
    pub(crate) class: GroupClass,
}

/// What a group says about the messages whose status or error is in it. The generator
/// decides it once per group from the page's description of the group; finality,
/// [`Outcome`](crate::Outcome) and `MessageError::is_no_error` read it, and nothing at run
/// time compares group names for meaning.
///
/// Crate-private: users read it through [`StatusGroup::is_final`](crate::StatusGroup::is_final),
/// `Outcome` and `is_no_error`, which keeps the public surface what it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
// Which classes the tables construct depends on the vendored page: a page may lack any.
#[allow(dead_code)]
pub(crate) enum GroupClass {
    /// Status group PENDING: not final.
    Pending,
    /// Status group DELIVERED: final (one of its statuses is intermediate:
    /// `StatusCode::DeliveredToOperator`).
    Delivered,
    /// Status groups UNDELIVERABLE, EXPIRED and REJECTED: final, and failed.
    Failed,
    /// A status group the page does not describe as one of the above: not final.
    Unclassified,
    /// Error group OK, "The request has been completed successfully": no error.
    NoError,
    /// Any other error group.
    Error,
}

impl GroupClass {
    /// Whether statuses in a group of this class are final: `Delivered` and `Failed`.
    #[inline]
    pub(crate) const fn is_final(self) -> bool {
        matches!(self, GroupClass::Delivered | GroupClass::Failed)
    }
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
