//! [`MessageStatus`], the `status` object, and [`StatusParts`], its fields by name.

use super::display::write_object;
use super::object::wire_object;
use super::resolve::{self, Reading};
use super::{decode, encode, Conflicts, Extra, Name, Text, Value};
use crate::{StatusCode, StatusGroup};
use alloc::string::String;
use core::fmt;
use serde::de::{self as de, MapAccess};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

wire_object! {
    /// The `status` object of send responses, delivery reports and logs.
    ///
    /// Every field is optional, because payloads vary; fields this type does not interpret
    /// are kept in [`extra`](Self::extra). See the [module docs](crate::wire) for what is kept,
    /// [`code`](Self::code) for how the fields choose a code when they disagree, and
    /// [`Outcome`](crate::Outcome) for what the object means for the message.
    ///
    /// ```
    /// use infobip_codes::{MessageStatus, StatusCode, StatusGroup};
    ///
    /// let s: MessageStatus = serde_json::from_str(
    ///     r#"{"groupId":1,"groupName":"PENDING","id":26,"name":"PENDING_ACCEPTED","description":"Message sent to next instance"}"#,
    /// ).unwrap();
    /// assert_eq!(s.code(), Some(StatusCode::PendingAccepted));
    /// assert_eq!(s.group(), Some(StatusGroup::Pending));
    /// assert!(!s.is_final());
    /// assert!(s.conflicts().is_empty());
    /// assert_eq!(s.to_string(), "PENDING_ACCEPTED (26, PENDING, not final)");
    /// ```
    MessageStatus {
        expecting: "an Infobip status object",
        code: StatusCode,
        group: StatusGroup,
        group_id: "`groupId`",
        not: [Action, Permanent],
    }
    /// The fields of a `status` object by name, to build a [`MessageStatus`] from
    /// another client's objects without JSON. Named fields cannot be swapped unseen, and
    /// they are the official SDK's (`infobip_sdk`, `model::sms::Status`), so its objects
    /// convert in one line. The code and the group then resolve as for a decoded object,
    /// documented names are the crate's own strings, and an `action` goes to the extra
    /// fields, as when decoded (see [`MessageStatus::action`]):
    ///
    /// ```
    /// use infobip_codes::wire::StatusParts;
    /// use infobip_codes::{MessageStatus, StatusCode, StatusGroup};
    ///
    /// # #[derive(Default)]
    /// # struct Status { group_id: Option<i32>, group_name: Option<String>, id: Option<i32>,
    /// #     name: Option<String>, description: Option<String>, action: Option<String> }
    /// # let s = Status { group_name: Some("delivered".into()), name: Some("DELIVERED_TO_HANDSET".into()), ..Status::default() };
    /// // `s` is an `infobip_sdk::model::sms::Status`
    /// let status = MessageStatus::from(StatusParts { group_id: s.group_id, group_name: s.group_name, id: s.id, name: s.name, description: s.description, action: s.action });
    /// assert_eq!(status.code(), Some(StatusCode::DeliveredToHandset)); // by name
    /// assert_eq!(status.group(), Some(StatusGroup::Delivered)); // "delivered"
    ///
    /// // Fields you do not have stay out.
    /// let by_id = MessageStatus::from(StatusParts { id: Some(5), ..StatusParts::default() });
    /// assert_eq!(by_id.code(), Some(StatusCode::DeliveredToHandset));
    /// ```
    parts StatusParts {
        /// `action`, which the crate keeps among the extra fields.
        action: Option<String>
    } = |status, action| {
        if let Some(action) = action {
            decode::push_raw(&mut status.extra, decode::Known::Action, Value::String(action));
        }
    };
}

impl MessageStatus {
    /// The documented status this object names, chosen with every field it carries:
    /// `id`, `name`, `groupId` and `groupName`. Nearly every payload names one code with
    /// all of them. Where they disagree, or several codes fit, the first rule that
    /// separates them decides:
    ///
    /// 1. the code with both the payload's `id` and its `name` (in any letter case);
    /// 2. the code whose group more of `groupId` and `groupName` name;
    /// 3. the code the `name` names, over the one the `id` names;
    /// 4. the first in channel order, as [`StatusCode::from_id`] gives it.
    ///
    /// Why the name before the id: in the public payloads the crate's tests hold
    /// (`tests/fixtures/payloads/` in the repository, Infobip's own SDK tests among
    /// them), wherever the id and the name name two documented codes, the name agrees
    /// with the group and the description, and the id does not: `id` 8 with
    /// `PENDING_ENROUTE` in the PENDING group, `"Message sent to next instance"`, is
    /// `PENDING_ENROUTE` (7), not `REJECTED_PREFIX_MISSING` (8, REJECTED). A name the page
    /// does not list (the API's `MESSAGE_ACCEPTED` for 26) leaves the id to decide.
    ///
    /// [`conflicts`](Self::conflicts) says which fields disagree with the code chosen;
    /// [`group`](Self::group) and [`Outcome`](crate::Outcome) say which wins when the
    /// group does. `None` when neither the id nor the name is one the page lists.
    ///
    /// ```
    /// use infobip_codes::wire::Field;
    /// use infobip_codes::{MessageStatus, StatusCode};
    ///
    /// let known: MessageStatus = serde_json::from_str(r#"{"id":5}"#).unwrap();
    /// assert_eq!(known.code(), Some(StatusCode::DeliveredToHandset));
    /// let unknown: MessageStatus = serde_json::from_str(r#"{"id":9999,"name":"NEW"}"#).unwrap();
    /// assert_eq!(unknown.code(), None);
    ///
    /// let s: MessageStatus = serde_json::from_str(
    ///     r#"{"groupId":1,"groupName":"PENDING","id":8,"name":"PENDING_ENROUTE"}"#,
    /// ).unwrap();
    /// assert_eq!(s.code(), Some(StatusCode::PendingEnroute));
    /// assert_eq!(s.conflicts().iter().collect::<Vec<_>>(), [Field::Id]);
    /// ```
    #[must_use]
    #[inline]
    pub fn code(&self) -> Option<StatusCode> {
        resolve::code(&self.fields())
    }

    /// The `action` of older payloads, a text this crate does not interpret: the string
    /// value of the extra field `action`.
    ///
    /// ```
    /// use infobip_codes::MessageStatus;
    ///
    /// let s: MessageStatus = serde_json::from_str(
    ///     r#"{"groupId":5,"id":6,"name":"REJECTED_NETWORK","action":"Contact account manager"}"#,
    /// ).unwrap();
    /// assert_eq!(s.action(), Some("Contact account manager"));
    /// assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"groupId":5,"id":6,"name":"REJECTED_NETWORK","action":"Contact account manager"}"#);
    /// ```
    #[must_use]
    pub fn action(&self) -> Option<&str> {
        self.extra
            .get(decode::Known::Action.wire_name())
            .and_then(Value::as_str)
    }

    /// The status group, read from every field:
    ///
    /// 1. the group the payload's `groupId` and `groupName` (any letter case) name, when
    ///    they agree: both name it, or one does and the other is missing or names no
    ///    group the page describes;
    /// 2. else the page's group for the [`code`](Self::code);
    /// 3. else the group `groupName` names, else the one `groupId` names.
    ///
    /// The payload's group comes before the page's: it is what Infobip reports for this
    /// message, and [`Outcome`](crate::Outcome) gives the reasons.
    ///
    /// ```
    /// use infobip_codes::{MessageStatus, StatusGroup};
    ///
    /// let s: MessageStatus = serde_json::from_str(r#"{"groupName":"rejected","id":9999}"#).unwrap();
    /// assert_eq!(s.group(), Some(StatusGroup::Rejected));
    /// // 8 is REJECTED_PREFIX_MISSING on the page; the payload says PENDING.
    /// let s: MessageStatus = serde_json::from_str(r#"{"groupId":1,"groupName":"PENDING","id":8}"#).unwrap();
    /// assert_eq!(s.group(), Some(StatusGroup::Pending));
    /// ```
    #[must_use]
    #[inline]
    pub fn group(&self) -> Option<StatusGroup> {
        self.reading().group
    }

    /// Whether no later report will change this status, as [`StatusCode::is_final`]
    /// says it of a code: the code's answer when the page puts the code in the
    /// [`group`](Self::group) read, else the group's ([`StatusGroup::is_final`]).
    /// `false` when neither the code nor the group is known: a later report may come.
    ///
    /// ```
    /// use infobip_codes::MessageStatus;
    ///
    /// let operator: MessageStatus = serde_json::from_str(r#"{"groupId":3,"id":2}"#).unwrap();
    /// assert!(!operator.is_final()); // DELIVERED_TO_OPERATOR is intermediate
    /// let unknown: MessageStatus = serde_json::from_str(r#"{"groupId":4,"id":9999}"#).unwrap();
    /// assert!(unknown.is_final()); // EXPIRED
    /// let nothing: MessageStatus = serde_json::from_str(r#"{"id":9999}"#).unwrap();
    /// assert!(!nothing.is_final());
    /// ```
    #[must_use]
    pub fn is_final(&self) -> bool {
        finality(&self.reading()) == Some(true)
    }
}

impl From<StatusCode> for MessageStatus {
    /// The object as the page documents the code.
    ///
    /// ```
    /// use infobip_codes::{MessageStatus, StatusCode};
    ///
    /// let s = MessageStatus::from(StatusCode::DeliveredToHandset);
    /// assert_eq!(s.id, Some(5));
    /// assert_eq!(s.group_name.as_deref(), Some("DELIVERED"));
    /// ```
    fn from(code: StatusCode) -> Self {
        MessageStatus {
            group_id: code.group().and_then(|g| g.id()).map(i32::from),
            group_name: code.group().map(|g| Name::from_static(g.name_ref())),
            id: Some(i32::from(code.id())),
            name: Some(Name::from_static(code.name_ref())),
            description: Some(Text::from_static(code.description())),
            extra: Extra::new(),
        }
    }
}

impl fmt::Display for MessageStatus {
    /// One line, as the crate reads the object: `NAME (ID, GROUP, FLAG; NOTES)`.
    ///
    /// - `NAME` and `ID` are the code's when the object names one, else the payload's
    ///   (`unknown` for a missing name).
    /// - `GROUP` is the group read ([`group`](Self::group)), else the payload's
    ///   `groupName`, else `group` and its `groupId`.
    /// - `FLAG` is `final` or `not final` ([`is_final`](Self::is_final)), left out when
    ///   neither the code nor the group is known.
    /// - `NOTES` only where the payload disagrees with the page: what it sent
    ///   (`sent id 8`, `sent name MESSAGE_ACCEPTED`, `sent group id 4`,
    ///   `sent group Group 1`), and the page's group where the payload's won over it
    ///   (`page group REJECTED`; see [`Outcome`](crate::Outcome)).
    ///
    /// Parts the object does not have are left out, and control characters are escaped,
    /// so that the line stays one.
    ///
    /// ```
    /// use infobip_codes::MessageStatus;
    ///
    /// let known: MessageStatus = serde_json::from_str(r#"{"groupId":3,"id":2,"name":"DELIVERED_TO_OPERATOR"}"#).unwrap();
    /// assert_eq!(known.to_string(), "DELIVERED_TO_OPERATOR (2, DELIVERED, not final)");
    /// let unknown: MessageStatus = serde_json::from_str(r#"{"groupId":42,"groupName":"SCHEDULED","id":2000,"name":"NEW"}"#).unwrap();
    /// assert_eq!(unknown.to_string(), "NEW (2000, SCHEDULED)");
    /// let renamed: MessageStatus = serde_json::from_str(r#"{"groupId":1,"id":26,"name":"MESSAGE_ACCEPTED"}"#).unwrap();
    /// assert_eq!(renamed.to_string(), "PENDING_ACCEPTED (26, PENDING, not final; sent name MESSAGE_ACCEPTED)");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields = self.fields();
        let reading = Reading::<StatusCode>::of(&fields);
        let flag = finality(&reading).map(|f| if f { "final" } else { "not final" });
        write_object(f, &fields, &reading, flag)
    }
}

/// Whether a status read so is final: the code's [`StatusCode::is_final`] when the page
/// puts the code in the group read, else the group's [`StatusGroup::is_final`]; `None`
/// when neither is known.
fn finality(reading: &Reading<StatusCode>) -> Option<bool> {
    match reading.code_in_group() {
        Some(code) => Some(code.is_final()),
        None => reading.group.map(StatusGroup::is_final),
    }
}
