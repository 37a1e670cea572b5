//! [`Conflicts`]: which fields of a wire object disagree with the code it names.

use core::fmt;

/// A field of a `status` or `error` object that names its code or its group, as
/// [`Conflicts`] reports it.
///
/// ```
/// use infobip_codes::wire::Field;
///
/// assert_eq!(Field::GroupName.as_str(), "groupName");
/// assert_eq!(Field::ALL.len(), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Field {
    /// `groupId`
    GroupId,
    /// `groupName`
    GroupName,
    /// `id`
    Id,
    /// `name`
    Name,
}

impl Field {
    /// Every field, in the order of the wire objects.
    pub const ALL: &'static [Field] = &[Field::GroupId, Field::GroupName, Field::Id, Field::Name];

    /// The field's name on the wire.
    ///
    /// ```
    /// assert_eq!(infobip_codes::wire::Field::Id.as_str(), "id");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Field::GroupId => "groupId",
            Field::GroupName => "groupName",
            Field::Id => "id",
            Field::Name => "name",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for Field {
    /// Writes the field's name on the wire.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The fields of a `status` or `error` object that disagree with the page, from the
/// objects' `conflicts()`.
///
/// When the object names a documented code (`code()` is `Some`), these are the fields
/// the payload carries whose value is not the page's for that code: another id, another
/// name (also a name the page does not use, such as `MESSAGE_ACCEPTED` for 26), a
/// group id or a group name of another group. When it names none, they are `groupId`
/// and `groupName` when each names a group the page describes, and no group has both.
/// A field the payload leaves out never conflicts.
///
/// Small and `Copy`, to log beside the object: `Display` lists the fields by their wire
/// names.
///
/// ```
/// use infobip_codes::wire::{Conflicts, Field};
/// use infobip_codes::MessageStatus;
///
/// let s: MessageStatus = serde_json::from_str(
///     r#"{"groupId":1,"groupName":"PENDING","id":8,"name":"PENDING_ENROUTE"}"#,
/// ).unwrap();
/// let conflicts: Conflicts = s.conflicts();
/// assert!(conflicts.contains(Field::Id)); // 8 is REJECTED_PREFIX_MISSING on the page
/// assert_eq!(conflicts.to_string(), "id");
/// if !conflicts.is_empty() {
///     println!("status fields disagree with the page ({conflicts}): {s}");
/// }
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Conflicts(u8);

impl Conflicts {
    /// No conflict.
    pub const NONE: Conflicts = Conflicts(0);

    /// The set with `field` added.
    ///
    /// ```
    /// use infobip_codes::wire::{Conflicts, Field};
    ///
    /// let c = Conflicts::NONE.with(Field::Name);
    /// assert_eq!(c.iter().collect::<Vec<_>>(), [Field::Name]);
    /// ```
    #[must_use]
    pub const fn with(self, field: Field) -> Conflicts {
        Conflicts(self.0 | field.bit())
    }

    /// Whether no field conflicts.
    ///
    /// ```
    /// assert!(infobip_codes::wire::Conflicts::NONE.is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether `field` conflicts.
    ///
    /// ```
    /// use infobip_codes::wire::{Conflicts, Field};
    ///
    /// assert!(Conflicts::NONE.with(Field::Id).contains(Field::Id));
    /// assert!(!Conflicts::NONE.with(Field::Id).contains(Field::Name));
    /// ```
    #[must_use]
    pub const fn contains(self, field: Field) -> bool {
        self.0 & field.bit() != 0
    }

    /// How many fields conflict.
    ///
    /// ```
    /// use infobip_codes::wire::{Conflicts, Field};
    ///
    /// assert_eq!(Conflicts::NONE.with(Field::Id).with(Field::GroupId).len(), 2);
    /// ```
    #[must_use]
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The conflicting fields, in the order of the wire objects.
    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::ALL
            .iter()
            .copied()
            .filter(move |f| self.contains(*f))
    }
}

impl fmt::Display for Conflicts {
    /// The conflicting fields' wire names, separated by `, `; `none` when there is none.
    ///
    /// ```
    /// use infobip_codes::wire::{Conflicts, Field};
    ///
    /// let c = Conflicts::NONE.with(Field::Name).with(Field::GroupId);
    /// assert_eq!(c.to_string(), "groupId, name");
    /// assert_eq!(Conflicts::NONE.to_string(), "none");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        for (i, field) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(field.as_str())?;
        }
        Ok(())
    }
}
