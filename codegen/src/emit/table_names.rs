//! The names of the tables in the generated source: the emitter writes the tables under
//! these names, and [`crate::facts`] reads them back by the same names.

use crate::model::Kind;

/// The data table of `Channel`, one row per variant.
pub(crate) const CHANNEL_DATA: &str = "CHANNEL_DATA";
/// Every `Channel`, in the order of [`CHANNEL_DATA`].
pub(crate) const CHANNEL_ALL: &str = "CHANNEL_ALL";

/// The tables of the group enum of one kind (`StatusGroup`, `ErrorGroup`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct GroupTables {
    /// The data table, one row per variant: `STATUS_GROUP_DATA`.
    pub(crate) data: &'static str,
    /// Every variant, in the order of `data`: `STATUS_GROUP_ALL`.
    pub(crate) all: &'static str,
}

/// The tables and lookups of the code enum of one kind (`StatusCode`, `ErrorCode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CodeTables {
    /// The data table, one row per variant: `STATUS_DATA`.
    pub(crate) data: &'static str,
    /// Every variant, in the order of `data`: `STATUS_ALL`.
    pub(crate) all: &'static str,
    /// The codes in id order, each id's codes one run: `STATUS_BY_ID`.
    pub(crate) by_id: &'static str,
    /// The radix table's pages: `STATUS_ID_PAGES`.
    pub(crate) id_pages: &'static str,
    /// The radix table's slots: `STATUS_ID_SLOTS`.
    pub(crate) id_slots: &'static str,
    /// The exact-name map: `STATUS_BY_NAME`.
    pub(crate) by_name: &'static str,
    /// The ASCII-case-folded name map: `STATUS_BY_FOLDED_NAME`.
    pub(crate) by_folded_name: &'static str,
    /// The folded map's own table, when folding changes a key: `STATUS_FOLDED_TABLE`.
    pub(crate) folded_table: &'static str,
    /// The length of the longest name: `STATUS_MAX_NAME_LEN`.
    pub(crate) max_name_len: &'static str,
}

/// The tables of `kind`'s groups.
pub(crate) const fn group_tables(kind: Kind) -> GroupTables {
    match kind {
        Kind::Status => GroupTables {
            data: "STATUS_GROUP_DATA",
            all: "STATUS_GROUP_ALL",
        },
        Kind::Error => GroupTables {
            data: "ERROR_GROUP_DATA",
            all: "ERROR_GROUP_ALL",
        },
    }
}

/// The tables and lookups of `kind`'s codes.
pub(crate) const fn code_tables(kind: Kind) -> CodeTables {
    match kind {
        Kind::Status => CodeTables {
            data: "STATUS_DATA",
            all: "STATUS_ALL",
            by_id: "STATUS_BY_ID",
            id_pages: "STATUS_ID_PAGES",
            id_slots: "STATUS_ID_SLOTS",
            by_name: "STATUS_BY_NAME",
            by_folded_name: "STATUS_BY_FOLDED_NAME",
            folded_table: "STATUS_FOLDED_TABLE",
            max_name_len: "STATUS_MAX_NAME_LEN",
        },
        Kind::Error => CodeTables {
            data: "ERROR_DATA",
            all: "ERROR_ALL",
            by_id: "ERROR_BY_ID",
            id_pages: "ERROR_ID_PAGES",
            id_slots: "ERROR_ID_SLOTS",
            by_name: "ERROR_BY_NAME",
            by_folded_name: "ERROR_BY_FOLDED_NAME",
            folded_table: "ERROR_FOLDED_TABLE",
            max_name_len: "ERROR_MAX_NAME_LEN",
        },
    }
}
