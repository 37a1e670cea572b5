//! [`Outcome`]: what one report means for its message, decided from the page.

use crate::data::GroupClass;
use crate::error::ParseError;
use crate::{ErrorCode, StatusCode, StatusGroup};
#[cfg(feature = "serde")]
use crate::{MessageError, MessageStatus};
use core::fmt;
use core::str::FromStr;

/// What a status and error pair means for the message: delivered, still pending, failed
/// for good, or failed for a reason that may pass.
///
/// One classifier for the enums ([`Outcome::from_codes`]) and for the wire objects
/// (`Outcome::from_wire`, feature `serde`). It decides from the page alone, rule by
/// rule, first match wins:
///
/// | # | the status | the error | outcome |
/// | --- | --- | --- | --- |
/// | 1 | not final ([`StatusCode::is_final`]): the PENDING group, and `DELIVERED_TO_OPERATOR` | any | `Pending` |
/// | 2 | final, group DELIVERED | any | `Delivered` |
/// | 3 | final, group UNDELIVERABLE, EXPIRED or REJECTED | permanent | `FailedPermanent` |
/// | 4 | final, group UNDELIVERABLE, EXPIRED or REJECTED | not permanent, or no flag | `RetryLater` |
/// | 5 | no group known, or a group the page does not describe | an error other than the OK group | as 3 and 4 |
/// | 6 | no group known, or a group the page does not describe | none, or the OK group | `Pending` |
///
/// - **The status.** A status the crate knows is judged by its code: its group and
///   [`StatusCode::is_final`]. A status it does not know (a newer code) falls back to
///   its group, from the payload's `groupId` or `groupName`, and
///   [`StatusGroup::is_final`]. The page describes its groups: PENDING "Message has been
///   processed and sent to the next instance i.e. mobile operator", UNDELIVERABLE
///   "Message has not been delivered", DELIVERED "Message has successfully been processed
///   and delivered", EXPIRED pending "past its validity period", REJECTED "rejected by
///   Infobip, or the operator has reverted Rejected as final status".
/// - **The payload's group against the page's.** A wire object's fields can disagree
///   with the page: `{"groupId":1,"groupName":"PENDING","id":8}` reports PENDING, and
///   the page lists 8 as `REJECTED_PREFIX_MISSING`, in REJECTED. `from_wire` never
///   contradicts group fields that agree with each other: a status that says PENDING is
///   `Pending`, one that says DELIVERED is never failed, one that says UNDELIVERABLE,
///   EXPIRED or REJECTED is never delivered (nor pending). Which group decides:
///
///   | the payload's `groupId` and `groupName` | the page's group for the code | decides | why |
///   | --- | --- | --- | --- |
///   | agree on a group (or one names it, the other is missing or names no group the page describes) | the same group | the code, as in rules 1 to 4 | they say the same; the code says more (`DELIVERED_TO_OPERATOR` is pending) |
///   | agree on a group | another group, or none | the payload's group, as an unknown code's | see below |
///   | name two different groups | any | the code's group | the payload contradicts itself; the page breaks the tie |
///   | name two different groups, no code known | | `groupName`'s group | the name is what integrations read |
///   | name no group the page describes | any | the code's group, else rules 5 and 6 | |
///
///   Why the payload's group wins: it is Infobip's verdict on this message, where the
///   page is a catalogue of codes, and an id or a name that disagrees with the page is
///   the more likely mistake. In the public payloads the crate's tests hold
///   (`tests/fixtures/payloads/`), wherever an id and a name name two documented codes,
///   the group agrees with the name, never with the id alone. The costs are not
///   symmetric either: a pending message read as failed is sent twice (and charged
///   twice); an undeliverable one read as delivered is lost without a word. The
///   objects' `conflicts()` reports every such disagreement, to log.
///
///   The error's group is read the same way: `groupId` 0 and `groupName` `OK` on the
///   voice error `EC_VOICE_NO_ANSWER`, which the page puts in OPERATOR_ERRORS, is no
///   error. It only decides where the status does not (rules 5 and 6).
/// - **Permanent.** The payload's own `permanent` flag comes first, then the page's
///   `Permanent` column for the error code ([`ErrorCode::permanent`]). Permanent means
///   that sending the same message again, unchanged, fails the same way; anything else
///   (`false`, or no flag) is worth a retry later.
/// - **`DELIVERED_TO_OPERATOR` is `Pending`.** It sits in the DELIVERED group, but
///   Infobip's current page calls it intermediate (the variant
///   `StatusCode::DeliveredToOperator` quotes it): a later report
///   (`DELIVERED_TO_HANDSET`, or a failure) may follow. Where operators send no handset
///   report, it stays the last word: decide with a timeout of your own how long to wait.
/// - **No retry policy.** `RetryLater` says the page does not rule a retry out; when
///   and how often to retry is yours to decide. Read the descriptions where they advise
///   otherwise (`REJECTED_SYSTEM_ERROR` says "please retry submission").
///
/// ```
/// use infobip_codes::{ErrorCode, Outcome, StatusCode};
///
/// let absent = Outcome::from_codes(StatusCode::UndeliverableNotDelivered, Some(ErrorCode::EcAbsentSubscriber));
/// assert_eq!(absent, Outcome::RetryLater); // the handset was off
/// let unknown = Outcome::from_codes(StatusCode::UndeliverableNotDelivered, Some(ErrorCode::EcUnknownSubscriber));
/// assert_eq!(unknown, Outcome::FailedPermanent);
/// assert_eq!(Outcome::from_codes(StatusCode::DeliveredToOperator, None), Outcome::Pending);
/// assert_eq!(Outcome::from_codes(StatusCode::DeliveredToHandset, None).to_string(), "delivered");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Outcome {
    /// Delivered: nothing to do.
    Delivered,
    /// Not final yet: a later report will say more.
    Pending,
    /// Failed, and sending the same message again would fail the same way.
    FailedPermanent,
    /// Failed for a reason that may pass (the handset was off): worth sending again later.
    RetryLater,
}

/// What is known of a status, best first.
#[derive(Clone, Copy)]
pub(crate) enum StatusFacts {
    /// A documented status that the page lists under a group.
    Code(StatusCode),
    /// An undocumented status (or one listed under no group), with the group it names.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // only the wire objects name one
    Group(StatusGroup),
    /// Neither a code with a group nor a group.
    Unknown,
}

impl StatusFacts {
    /// The facts for a documented status.
    const fn of(code: StatusCode) -> Self {
        match code.group() {
            Some(_) => StatusFacts::Code(code),
            None => StatusFacts::Unknown,
        }
    }
}

impl Outcome {
    /// Every outcome.
    ///
    /// ```
    /// assert_eq!(infobip_codes::Outcome::ALL.len(), 4);
    /// ```
    pub const ALL: &'static [Outcome] = &[
        Outcome::Delivered,
        Outcome::Pending,
        Outcome::FailedPermanent,
        Outcome::RetryLater,
    ];

    /// The outcome of a documented status and, when the report has one, its documented
    /// error (see the [rules](Outcome)).
    ///
    /// ```
    /// use infobip_codes::{ErrorCode, Outcome, StatusCode};
    ///
    /// let expired = Outcome::from_codes(StatusCode::ExpiredExpired, Some(ErrorCode::EcAbsentSubscriber));
    /// assert_eq!(expired, Outcome::RetryLater);
    /// assert_eq!(Outcome::from_codes(StatusCode::PendingEnroute, None), Outcome::Pending);
    /// ```
    #[must_use]
    pub fn from_codes(status: StatusCode, error: Option<ErrorCode>) -> Outcome {
        let failed =
            error.is_some_and(|e| e.group().is_none_or(|g| g.class() != GroupClass::NoError));
        Outcome::decide(
            StatusFacts::of(status),
            failed,
            error.and_then(ErrorCode::permanent),
        )
    }

    /// The rules, from what is known of the status, whether the error is one (not the
    /// OK group), and whether it is permanent.
    pub(crate) fn decide(status: StatusFacts, error: bool, permanent: Option<bool>) -> Outcome {
        let failed = if permanent == Some(true) {
            Outcome::FailedPermanent
        } else {
            Outcome::RetryLater
        };
        // The group's class, as the generator wrote it, and finality: the code's where
        // the code is known (DELIVERED_TO_OPERATOR is not final in a final group).
        let (class, is_final) = match status {
            StatusFacts::Code(code) => (code.group().map(StatusGroup::class), code.is_final()),
            StatusFacts::Group(group) => (Some(group.class()), group.is_final()),
            StatusFacts::Unknown => (None, true),
        };
        match class {
            Some(_) if !is_final => Outcome::Pending,
            Some(GroupClass::Delivered) => Outcome::Delivered,
            Some(GroupClass::Failed) => failed,
            _ if error => failed,
            _ => Outcome::Pending,
        }
    }

    /// The outcome's name in snake case, as `Display`, `FromStr` and serde spell it.
    ///
    /// ```
    /// assert_eq!(infobip_codes::Outcome::RetryLater.as_str(), "retry_later");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Delivered => "delivered",
            Outcome::Pending => "pending",
            Outcome::FailedPermanent => "failed_permanent",
            Outcome::RetryLater => "retry_later",
        }
    }

    /// Whether no later report will change the outcome: all but `Pending`.
    ///
    /// ```
    /// use infobip_codes::Outcome;
    ///
    /// assert!(Outcome::RetryLater.is_final());
    /// assert!(!Outcome::Pending.is_final());
    /// ```
    #[must_use]
    pub const fn is_final(self) -> bool {
        !matches!(self, Outcome::Pending)
    }
}

#[cfg(feature = "serde")]
impl Outcome {
    /// The outcome of a report's `status` and `error` objects, either of which may be
    /// missing (see the [rules](Outcome)). The status is read with every field: where
    /// the payload's group fields agree, the outcome never contradicts them (see the
    /// table of what wins). A status this version does not know falls back to its group;
    /// the error's `permanent` flag comes from the payload first, then from the page.
    ///
    /// ```
    /// use infobip_codes::{MessageError, MessageStatus, Outcome};
    ///
    /// let status: MessageStatus = serde_json::from_str(r#"{"groupId":2,"groupName":"UNDELIVERABLE","id":9}"#).unwrap();
    /// let error: MessageError = serde_json::from_str(r#"{"groupId":1,"id":27,"permanent":false}"#).unwrap();
    /// assert_eq!(Outcome::from_wire(Some(&status), Some(&error)), Outcome::RetryLater);
    ///
    /// // Codes newer than this crate: the group and the payload's flag decide.
    /// let status: MessageStatus = serde_json::from_str(r#"{"groupId":5,"id":9001}"#).unwrap();
    /// let error: MessageError = serde_json::from_str(r#"{"groupId":77,"id":9999,"permanent":true}"#).unwrap();
    /// assert_eq!(Outcome::from_wire(Some(&status), Some(&error)), Outcome::FailedPermanent);
    /// assert_eq!(Outcome::from_wire(None, None), Outcome::Pending);
    ///
    /// // The payload says PENDING; the page puts id 8 in REJECTED. PENDING wins.
    /// let status: MessageStatus = serde_json::from_str(r#"{"groupId":1,"groupName":"PENDING","id":8}"#).unwrap();
    /// assert_eq!(Outcome::from_wire(Some(&status), None), Outcome::Pending);
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    #[must_use]
    pub fn from_wire(status: Option<&MessageStatus>, error: Option<&MessageError>) -> Outcome {
        // The code decides where the page puts it in the group read; else the group.
        let facts = match status.map(MessageStatus::reading) {
            Some(r) => match (r.code_in_group(), r.group) {
                (Some(code), Some(_)) => StatusFacts::Code(code),
                (_, Some(group)) => StatusFacts::Group(group),
                (_, None) => StatusFacts::Unknown,
            },
            None => StatusFacts::Unknown,
        };
        let (failed, permanent) = match error {
            Some(e) => {
                let r = e.reading();
                let no_error = r.group.is_some_and(|g| g.class() == GroupClass::NoError);
                (!no_error, e.permanence(&r) == Some(true))
            }
            None => (false, false),
        };
        Outcome::decide(facts, failed, Some(permanent))
    }
}

impl fmt::Display for Outcome {
    /// Writes [`as_str`](Outcome::as_str).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Outcome {
    type Err = ParseError;

    /// Parses [`as_str`](Outcome::as_str)'s names.
    ///
    /// ```
    /// use infobip_codes::Outcome;
    ///
    /// assert_eq!("failed_permanent".parse(), Ok(Outcome::FailedPermanent));
    /// assert!("lost".parse::<Outcome>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Outcome::ALL
            .iter()
            .copied()
            .find(|o| o.as_str() == s)
            .ok_or(ParseError::new("outcome"))
    }
}
