//! The one-line `Display` of the wire objects: `NAME (ID, GROUP, FLAG; NOTES)`.

use super::conflict::Field;
use super::resolve::{Fields, Reading, WireCode, WireGroup};
use core::fmt;

/// Writes a wire object on one line: `NAME (ID, GROUP, FLAG; NOTES)`.
///
/// - `NAME` and `ID` are the code's when the object names one, else the payload's
///   (`unknown` for a missing name).
/// - `GROUP` is the page's name of the group read (`group()`), else the payload's
///   `groupName`, else `group ` and its `groupId`.
/// - `NOTES`, only where the payload disagrees with the page: `sent id N` and
///   `sent name NAME` for an id or a name other than the code's; `page group NAME` when
///   the payload's group won over the code's (`page group none` for a code the page lists
///   under no group); `sent group NAME` and `sent group id N` for a group field that the
///   group read does not have.
///
/// Parts the object does not have are left out. Control characters in the payload's text
/// are escaped, so that the line stays one.
pub(super) fn write_object<C: WireCode>(
    f: &mut fmt::Formatter<'_>,
    fields: &Fields<'_>,
    reading: &Reading<C>,
    flag: Option<&str>,
) -> fmt::Result {
    let conflicts = reading.conflicts(fields);
    let code = reading.code;
    write_escaped(
        f,
        code.map(C::code_name)
            .or(fields.name.map(|n| n.as_str()))
            .unwrap_or("unknown"),
    )?;
    let mut parts = Parts::default();
    if let Some(id) = code.map(|c| i32::from(c.code_id())).or(fields.id) {
        parts.next(f, false)?;
        write!(f, "{id}")?;
    }
    match (reading.group, fields.group_name, fields.group_id) {
        (Some(g), _, _) => {
            parts.next(f, false)?;
            f.write_str(g.group_name())?;
        }
        (None, Some(name), _) => {
            parts.next(f, false)?;
            write_escaped(f, name)?;
        }
        (None, None, Some(id)) => {
            parts.next(f, false)?;
            write!(f, "group {id}")?;
        }
        (None, None, None) => {}
    }
    if let Some(flag) = flag {
        parts.next(f, false)?;
        f.write_str(flag)?;
    }
    if code.is_some() {
        if let Some(id) = fields.id.filter(|_| conflicts.contains(Field::Id)) {
            parts.next(f, true)?;
            write!(f, "sent id {id}")?;
        }
        if let Some(name) = fields.name.filter(|_| conflicts.contains(Field::Name)) {
            parts.next(f, true)?;
            f.write_str("sent name ")?;
            write_escaped(f, name)?;
        }
    }
    if let Some(page) = code.map(C::code_group).filter(|g| *g != reading.group) {
        parts.next(f, true)?;
        f.write_str("page group ")?;
        f.write_str(page.map_or("none", C::Group::group_name))?;
    }
    if let Some(g) = reading.group {
        if let Some(name) = fields.group_name {
            if !fields.names_group(g) {
                parts.next(f, true)?;
                f.write_str("sent group ")?;
                write_escaped(f, name)?;
            }
        }
        if let Some(id) = fields.group_id {
            if !fields.numbers(g) {
                parts.next(f, true)?;
                write!(f, "sent group id {id}")?;
            }
        }
    }
    parts.end(f)
}

/// The parenthesised parts of [`write_object`]'s line: ` (` before the first, `; `
/// before the first note, `, ` between the others, and `)` after the last.
#[derive(Default)]
struct Parts {
    count: usize,
    notes: bool,
}

impl Parts {
    /// Starts a part: a fact, or a note when `note`.
    fn next(&mut self, f: &mut fmt::Formatter<'_>, note: bool) -> fmt::Result {
        let separator = if self.count == 0 {
            " ("
        } else if note && !self.notes {
            "; "
        } else {
            ", "
        };
        self.count += 1;
        self.notes |= note;
        f.write_str(separator)
    }

    fn end(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.count > 0 {
            f.write_str(")")?;
        }
        Ok(())
    }
}

fn write_escaped(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    for c in text.chars() {
        if c.is_control() {
            write!(f, "{}", c.escape_default())?;
        } else {
            fmt::Write::write_char(f, c)?;
        }
    }
    Ok(())
}
