//! What a group means for a message, decided once: the [`GroupClass`] of every status
//! and error group, and from it the finality of every status.
//!
//! The emitter writes the class into the generated group tables (`class` in each row of
//! `STATUS_GROUP_DATA` and `ERROR_GROUP_DATA`) and the finality into the code tables
//! (`is_final`). The crate reads them as data: `Outcome`, `StatusGroup::is_final`,
//! `StatusCode::is_final` and `MessageError::is_no_error` compare no group names.

use crate::model::{group_key, Code, Kind};

/// Infobip's current "Response status and error codes" page, which the finality rules
/// cite.
pub const CURRENT_PAGE: &str =
    "https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes";

/// Status names that sit in a final group but can be followed by another report:
/// `DELIVERED_TO_OPERATOR` is intermediate, as the generated docs of the crate's
/// `StatusCode::DeliveredToOperator` quote from [`CURRENT_PAGE`].
pub const INTERMEDIATE_STATUSES: [&str; 1] = ["DELIVERED_TO_OPERATOR"];

/// What a group says about the messages whose status or error is in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupClass {
    /// A status group: PENDING, "processed and sent to the next instance": not final.
    Pending,
    /// A status group: DELIVERED, "successfully been processed and delivered": final.
    Delivered,
    /// A status group: UNDELIVERABLE, EXPIRED or REJECTED: final, and failed.
    Failed,
    /// A status group the page does not describe as one of the above (a new one, or one
    /// of another product's page, such as Moments' `Scheduled`): not final, the
    /// conservative answer, since a later report may come.
    Unclassified,
    /// The error group OK, "The request has been completed successfully": no error.
    NoError,
    /// Any other error group: an error.
    Error,
}

impl GroupClass {
    /// The class of the group `name` of `kind`, by the page's description of the
    /// documented groups (names compared by [`group_key`]):
    ///
    /// | kind | group | class | the page says |
    /// | --- | --- | --- | --- |
    /// | status | PENDING | `Pending` | "processed and sent to the next instance i.e. mobile operator" |
    /// | status | DELIVERED | `Delivered` | "successfully been processed and delivered" |
    /// | status | UNDELIVERABLE | `Failed` | "has not been delivered" |
    /// | status | EXPIRED | `Failed` | pending past its validity period, or the operator "has reverted the expired as a final status" |
    /// | status | REJECTED | `Failed` | rejected by Infobip, or the operator "has reverted Rejected as final status" |
    /// | status | any other | `Unclassified` | |
    /// | error | OK | `NoError` | "The request has been completed successfully" |
    /// | error | any other | `Error` | |
    pub fn of(kind: Kind, name: &str) -> GroupClass {
        match (kind, group_key(name).as_str()) {
            (Kind::Status, "PENDING") => GroupClass::Pending,
            (Kind::Status, "DELIVERED") => GroupClass::Delivered,
            (Kind::Status, "UNDELIVERABLE" | "EXPIRED" | "REJECTED") => GroupClass::Failed,
            (Kind::Status, _) => GroupClass::Unclassified,
            (Kind::Error, "OK") => GroupClass::NoError,
            (Kind::Error, _) => GroupClass::Error,
        }
    }

    /// Whether a status in a group of this class is final: `Delivered` and `Failed`.
    pub fn is_final(self) -> bool {
        matches!(self, GroupClass::Delivered | GroupClass::Failed)
    }

    /// The variant's name, as the crate's `crate::data::GroupClass` spells it.
    pub fn variant(self) -> &'static str {
        match self {
            GroupClass::Pending => "Pending",
            GroupClass::Delivered => "Delivered",
            GroupClass::Failed => "Failed",
            GroupClass::Unclassified => "Unclassified",
            GroupClass::NoError => "NoError",
            GroupClass::Error => "Error",
        }
    }
}

/// Whether a status is one of [`INTERMEDIATE_STATUSES`].
pub fn is_intermediate(code: &Code) -> bool {
    code.kind == Kind::Status && INTERMEDIATE_STATUSES.contains(&code.name.as_str())
}

/// Whether a status is final: in a group whose class is final ([`GroupClass::is_final`]),
/// and not [intermediate](is_intermediate). An error is not; nor is a status without a
/// group, the conservative answer, since a later report may come.
pub fn is_final(code: &Code) -> bool {
    code.kind == Kind::Status
        && code
            .group
            .as_ref()
            .is_some_and(|g| GroupClass::of(Kind::Status, &g.name).is_final())
        && !is_intermediate(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_documented_group_has_its_class_and_others_the_conservative_one() {
        use GroupClass::*;
        for (kind, group, class) in [
            (Kind::Status, "PENDING", Pending),
            (Kind::Status, "Pending", Pending),
            (Kind::Status, "UNDELIVERABLE", Failed),
            (Kind::Status, "DELIVERED", Delivered),
            (Kind::Status, "Delivered", Delivered),
            (Kind::Status, "EXPIRED", Failed),
            (Kind::Status, "REJECTED", Failed),
            (Kind::Status, "Scheduled", Unclassified),
            (Kind::Status, "SOMETHING_NEW", Unclassified),
            (Kind::Status, "", Unclassified),
            (Kind::Status, "OK", Unclassified),
            (Kind::Error, "OK", NoError),
            (Kind::Error, "Ok", NoError),
            (Kind::Error, "HANDSET_ERRORS", Error),
            (Kind::Error, "DELIVERED", Error),
        ] {
            assert_eq!(GroupClass::of(kind, group), class, "{kind} {group}");
        }
    }

    #[test]
    fn finality_is_the_group_class_but_for_intermediate_statuses() {
        let status = |name: &str, group: Option<&str>| {
            let mut code = Code::bare(Kind::Status, "general", 1, name, 1);
            code.group = group.map(|g| crate::model::GroupRef {
                id: None,
                name: g.into(),
            });
            code
        };
        assert!(is_final(&status("DELIVERED_TO_HANDSET", Some("DELIVERED"))));
        assert!(!is_final(&status(
            "DELIVERED_TO_OPERATOR",
            Some("DELIVERED")
        )));
        assert!(is_intermediate(&status(
            "DELIVERED_TO_OPERATOR",
            Some("DELIVERED")
        )));
        assert!(is_final(&status("REJECTED_NETWORK", Some("Rejected"))));
        assert!(!is_final(&status("PENDING_ENROUTE", Some("PENDING"))));
        assert!(!is_final(&status("SCHEDULED", Some("Scheduled"))));
        assert!(!is_final(&status("NO_GROUP", None)));
        let mut error = status("EC_X", Some("DELIVERED"));
        error.kind = Kind::Error;
        assert!(!is_final(&error));
    }
}
