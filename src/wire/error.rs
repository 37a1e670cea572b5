//! [`MessageError`], the `error` object, and [`ErrorParts`], its fields by name.

use super::display::write_object;
use super::object::wire_object;
use super::resolve::{self, Reading};
use super::{decode, encode, Conflicts, Extra, Name, Text, Value};
use crate::data::GroupClass;
use crate::{ErrorCode, ErrorGroup};
use alloc::string::String;
use core::fmt;
use serde::de::{self as de, MapAccess};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

wire_object! {
    /// The `error` object of send responses, delivery reports and logs.
    ///
    /// Every field is optional, because payloads vary; fields this type does not interpret
    /// are kept in [`extra`](Self::extra). See the [module docs](crate::wire) for what is kept,
    /// and [`code`](Self::code) for how the fields choose a code when they disagree.
    ///
    /// ```
    /// use infobip_codes::{ErrorCode, MessageError};
    ///
    /// let e: MessageError = serde_json::from_str(
    ///     r#"{"groupId":0,"groupName":"Ok","id":0,"name":"NO_ERROR","description":"No Error","permanent":false}"#,
    /// ).unwrap();
    /// assert_eq!(e.code(), Some(ErrorCode::NoError));
    /// assert!(e.is_no_error());
    /// assert_eq!(e.to_string(), "NO_ERROR (0, OK, temporary)");
    /// ```
    MessageError {
        expecting: "an Infobip error object",
        code: ErrorCode,
        group: ErrorGroup,
        group_id: "`groupId` (scoped per channel: see [`ErrorGroup::from_channel_id`]).",
        own:
        /// `permanent`, as sent.
        permanent: bool = (Permanent, |field| field),
        not: [Action],
    }
    /// The fields of an `error` object by name, to build a [`MessageError`] from another
    /// client's objects without JSON. Named fields cannot be swapped unseen, and they are
    /// the official SDK's (`infobip_sdk`, `model::sms::Error`), so its objects convert in
    /// one line. The code, the group and the flag then resolve as for a decoded object,
    /// and documented names are the crate's own strings:
    ///
    /// ```
    /// use infobip_codes::wire::ErrorParts;
    /// use infobip_codes::{ErrorCode, ErrorGroup, MessageError};
    ///
    /// # struct Error { group_id: Option<i32>, group_name: Option<String>, id: Option<i32>,
    /// #     name: Option<String>, description: Option<String>, permanent: Option<bool> }
    /// # let e = Error { group_id: Some(1), group_name: Some("HANDSET_ERRORS".into()), id: Some(27),
    /// #     name: Some("EC_ABSENT_SUBSCRIBER".into()), description: None, permanent: None };
    /// // `e` is an `infobip_sdk::model::sms::Error`
    /// let error = MessageError::from(ErrorParts { group_id: e.group_id, group_name: e.group_name, id: e.id, name: e.name, description: e.description, permanent: e.permanent });
    /// assert_eq!(error.code(), Some(ErrorCode::EcAbsentSubscriber));
    /// assert_eq!(error.group(), Some(ErrorGroup::HandsetErrors));
    /// assert!(!error.is_permanent()); // the page's flag, the SDK sent none
    /// ```
    parts ErrorParts {
        /// `permanent`
        permanent: Option<bool>
    } = |error, permanent| error.permanent = permanent;
}

impl MessageError {
    /// The documented error this object names, chosen with every field it carries: `id`,
    /// `name`, `groupId` and `groupName`, by the rule of
    /// [`MessageStatus::code`](crate::MessageStatus::code): the code with both the id
    /// and the name; else the one whose group more of the group
    /// fields name (error group ids are scoped per channel, so they choose among codes
    /// that several channels document under one id); else the name's code over the
    /// id's; else the first in channel order. `None` when neither the id nor the name is
    /// one the page lists.
    ///
    /// ```
    /// use infobip_codes::wire::Field;
    /// use infobip_codes::{ErrorCode, MessageError};
    ///
    /// let e: MessageError = serde_json::from_str(r#"{"name":"ec_absent_subscriber"}"#).unwrap();
    /// assert_eq!(e.code(), Some(ErrorCode::EcAbsentSubscriber));
    ///
    /// // Infobip's SDK tests: a voice error under the OK group, which the page does not
    /// // put it in.
    /// let e: MessageError = serde_json::from_str(
    ///     r#"{"groupId":0,"groupName":"OK","id":5003,"name":"EC_VOICE_NO_ANSWER","permanent":true}"#,
    /// ).unwrap();
    /// assert_eq!(e.code(), Some(ErrorCode::EcVoiceNoAnswer));
    /// assert_eq!(e.conflicts().iter().collect::<Vec<_>>(), [Field::GroupId, Field::GroupName]);
    /// ```
    #[must_use]
    #[inline]
    pub fn code(&self) -> Option<ErrorCode> {
        resolve::code(&self.fields())
    }

    /// The error group, read from every field:
    ///
    /// 1. the group the payload's `groupName` (any letter case) and `groupId` name, when
    ///    they agree: a group with that name and that id, or the only one that one of
    ///    them names when the other is missing or names no group the page describes
    ///    (where several fit, the code's group, else the first of the name);
    /// 2. else the page's group for the [`code`](Self::code);
    /// 3. else the first group `groupName` names, else the only group `groupId` names.
    ///
    /// Error group ids alone are ambiguous: see [`ErrorGroup::from_channel_id`].
    ///
    /// ```
    /// use infobip_codes::{ErrorGroup, MessageError};
    ///
    /// let e: MessageError = serde_json::from_str(r#"{"groupId":1,"groupName":"Registration error"}"#).unwrap();
    /// assert_eq!(e.group(), Some(ErrorGroup::RegistrationError));
    /// let by_code: MessageError = serde_json::from_str(r#"{"groupId":1,"id":8001}"#).unwrap();
    /// assert_eq!(by_code.group(), Some(ErrorGroup::RegistrationError));
    /// ```
    #[must_use]
    #[inline]
    pub fn group(&self) -> Option<ErrorGroup> {
        self.reading().group
    }

    /// Whether sending the same message again, unchanged, fails the same way, as
    /// [`ErrorCode::is_permanent`] says it of a code: the payload's `permanent` flag when
    /// present, else the page's flag for the code; `false` when neither says. The flags
    /// themselves are [`permanent`](Self::permanent) (the payload's) and
    /// [`ErrorCode::permanent`] (the page's).
    ///
    /// ```
    /// use infobip_codes::{ErrorCode, MessageError};
    ///
    /// let flagged: MessageError = serde_json::from_str(r#"{"id":1,"permanent":false}"#).unwrap();
    /// assert!(!flagged.is_permanent()); // the payload wins
    /// let from_page: MessageError = serde_json::from_str(r#"{"id":1}"#).unwrap();
    /// assert!(from_page.is_permanent()); // EC_UNKNOWN_SUBSCRIBER
    /// let unknown: MessageError = serde_json::from_str(r#"{"id":9999}"#).unwrap();
    /// assert!(!unknown.is_permanent());
    /// assert_eq!(unknown.permanent.or_else(|| unknown.code().and_then(ErrorCode::permanent)), None);
    /// ```
    #[must_use]
    pub fn is_permanent(&self) -> bool {
        self.permanence(&self.reading()) == Some(true)
    }

    /// Whether the object reports no error: its [`group`](Self::group) is OK
    /// (`groupId` 0 in General), as on delivered messages (`NO_ERROR`) and answered calls
    /// (`VOICE_ANSWERED`).
    ///
    /// ```
    /// use infobip_codes::MessageError;
    ///
    /// let answered: MessageError = serde_json::from_str(r#"{"groupId":0,"groupName":"OK","id":5000}"#).unwrap();
    /// assert!(answered.is_no_error());
    /// let absent: MessageError = serde_json::from_str(r#"{"groupId":1,"id":27}"#).unwrap();
    /// assert!(!absent.is_no_error());
    /// ```
    #[must_use]
    pub fn is_no_error(&self) -> bool {
        self.group()
            .is_some_and(|g| g.class() == GroupClass::NoError)
    }
    /// Whether the error read so is permanent: the payload's flag, else the page's for
    /// the code; `None` when neither says.
    pub(crate) fn permanence(&self, reading: &Reading<ErrorCode>) -> Option<bool> {
        self.permanent
            .or_else(|| reading.code.and_then(ErrorCode::permanent))
    }
}

impl From<ErrorCode> for MessageError {
    /// The object as the page documents the code.
    ///
    /// ```
    /// use infobip_codes::{ErrorCode, MessageError};
    ///
    /// let e = MessageError::from(ErrorCode::EcUnknownSubscriber);
    /// assert_eq!(e.permanent, Some(true));
    /// assert_eq!(e.group_name.as_deref(), Some("HANDSET_ERRORS"));
    /// ```
    fn from(code: ErrorCode) -> Self {
        MessageError {
            group_id: code.group().and_then(|g| g.id()).map(i32::from),
            group_name: code.group().map(|g| Name::from_static(g.name_ref())),
            id: Some(i32::from(code.id())),
            name: Some(Name::from_static(code.name_ref())),
            description: Some(Text::from_static(code.description())),
            permanent: code.permanent(),
            extra: Extra::new(),
        }
    }
}

impl fmt::Display for MessageError {
    /// One line, as the crate reads the object: `NAME (ID, GROUP, FLAG; NOTES)`, as
    /// [`MessageStatus`](crate::MessageStatus) writes it, with `permanent` or
    /// `temporary` for the flag ([`is_permanent`](Self::is_permanent), left out when
    /// neither the payload nor the page gives one).
    ///
    /// ```
    /// use infobip_codes::MessageError;
    ///
    /// let known: MessageError = serde_json::from_str(r#"{"groupId":1,"groupName":"HANDSET_ERRORS","id":27,"permanent":false}"#).unwrap();
    /// assert_eq!(known.to_string(), "EC_ABSENT_SUBSCRIBER (27, HANDSET_ERRORS, temporary)");
    /// let unknown: MessageError = serde_json::from_str(r#"{"groupId":1,"id":9999,"permanent":true}"#).unwrap();
    /// assert_eq!(unknown.to_string(), "unknown (9999, group 1, permanent)");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields = self.fields();
        let reading = Reading::<ErrorCode>::of(&fields);
        let flag = self
            .permanence(&reading)
            .map(|p| if p { "permanent" } else { "temporary" });
        write_object(f, &fields, &reading, flag)
    }
}
