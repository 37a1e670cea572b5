//! From an outline to the catalog: sections, groups and code tables, for every form.
//!
//! Every row of every table under a codes section becomes exactly one [`Code`] or a
//! located error; nothing is dropped silently. Outside the codes sections, a table that
//! looks like a codes table (`looks_like_codes`) is an error that names the heading
//! above it and what that heading lacks; other tables there (parameters, examples) are
//! prose to the generator.

use super::headings::{self, ChannelName, HeadingClass};
use super::outline::{collapse_whitespace, Block, Cell, Heading, Outline, Row, Table};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::doc_text::plain_text;
use crate::model::{Catalog, Channel, Code, Form, Group, GroupRef, Kind, SourcePage};

/// The columns a codes table may have, matched by header text, case-insensitively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Column {
    Id,
    Permanent,
    Name,
    Description,
    /// A column the crate has no field for (Mobile Identity's `Response type`): its cells
    /// are kept in the descriptions.
    Other,
}

const COLUMN_HINT: &str =
    "codes tables have the columns Id, Permanent (errors only), Status or Error (the name), and optionally Description";

pub(crate) fn column(header: &str) -> Option<Column> {
    match header_words(header).as_str() {
        "id" | "code id" | "status id" | "error id" => Some(Column::Id),
        "permanent" => Some(Column::Permanent),
        "status" | "error" | "name" | "code" | "status name" | "error name" | "status code"
        | "error code" => Some(Column::Name),
        "description" => Some(Column::Description),
        "" => None,
        _ => Some(Column::Other),
    }
}

/// A header's words, lowercase and separated by one space: `errorId`, `error_id` and
/// `Error ID` all read `error id`.
fn header_words(header: &str) -> String {
    let mut words = String::new();
    let mut after_lower = false;
    for c in header.chars() {
        if !c.is_alphanumeric() {
            if !words.is_empty() && !words.ends_with(' ') {
                words.push(' ');
            }
            after_lower = false;
            continue;
        }
        if c.is_uppercase() && after_lower {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
        after_lower = !c.is_uppercase();
    }
    words.trim_end().to_owned()
}

/// Whether a header makes a table a codes table wherever it stands: an Id column beside
/// a name or a Permanent column, or a name beside a Permanent column. A parameters table
/// (`| Parameter | Type | Description |`) or an example (`| Name | Value |`) has at most
/// one of the three, and is not.
fn looks_like_codes(columns: &[Option<Column>]) -> bool {
    [Column::Id, Column::Name, Column::Permanent]
        .iter()
        .filter(|want| columns.contains(&Some(**want)))
        .count()
        >= 2
}

/// Whether header cells with these texts make a codes table wherever it stands (see
/// `looks_like_codes`): how a reader without table markup tells a codes table's header.
pub fn is_codes_header<'a>(cells: impl IntoIterator<Item = &'a str>) -> bool {
    let columns: Vec<Option<Column>> = cells.into_iter().map(column).collect();
    looks_like_codes(&columns)
}

struct Section {
    level: u8,
    kind: Kind,
    channel: ChannelName,
    deprecated: bool,
    location: Location,
}

struct GroupCtx {
    level: u8,
    name: String,
    id: Option<u16>,
    description: Vec<String>,
    location: Location,
    tables: usize,
}

/// Builds the catalog of one page from its outline.
pub fn build(outline: &Outline, source: SourcePage, diags: &mut Diagnostics) -> Catalog {
    let mut catalog = Catalog {
        sources: vec![source],
        ..Catalog::default()
    };
    // Text whose line breaks became spaces: where a heading ends was recovered.
    let flattened = matches!(
        catalog.sources.first().map(|s| s.form),
        Some(Form::Flattened | Form::Capture)
    );
    let mut section: Option<Section> = None;
    let mut group: Option<GroupCtx> = None;
    let mut heading: Option<&Heading> = None;

    for block in &outline.blocks {
        if let Block::Heading(h) = block {
            heading = Some(h);
        }
        match block {
            Block::Heading(h) => match headings::classify(&h.text) {
                HeadingClass::Section {
                    kind,
                    channel,
                    deprecated,
                } => {
                    section = Some(Section {
                        level: h.level,
                        kind,
                        channel,
                        deprecated,
                        location: h.location.clone(),
                    });
                    group = None;
                }
                HeadingClass::Group { name, id } => {
                    group = Some(GroupCtx {
                        level: h.level,
                        name,
                        id,
                        description: Vec::new(),
                        location: h.location.clone(),
                        tables: 0,
                    });
                }
                HeadingClass::Container => {
                    if section.as_ref().is_none_or(|s| h.level <= s.level) {
                        section = None;
                        group = None;
                    }
                }
                HeadingClass::Other => {
                    let inside = section.as_ref().is_some_and(|s| h.level > s.level);
                    let below_group = group.as_ref().is_some_and(|g| h.level > g.level);
                    if !inside {
                        // Where no section encloses it, `Errors (HLR)` opens one.
                        section =
                            headings::errors_heading(&h.text)
                                .flatten()
                                .map(|channel| Section {
                                    level: h.level,
                                    kind: Kind::Error,
                                    channel,
                                    deprecated: headings::is_deprecated(&h.text),
                                    location: h.location.clone(),
                                });
                        group = None;
                    } else if !below_group {
                        // A heading inside a section names a group (`Handset errors (general)`).
                        if flattened {
                            guessed_group_end(h, diags);
                        }
                        group = Some(GroupCtx {
                            level: h.level,
                            name: headings::strip_anchor(&h.text).to_owned(),
                            id: None,
                            description: Vec::new(),
                            location: h.location.clone(),
                            tables: 0,
                        });
                    }
                }
            },
            Block::Paragraph(p) => {
                if let Some(g) = group.as_mut().filter(|g| g.tables == 0) {
                    let id_line = headings::group_id_prefix(&p.plain)
                        .filter(|_| g.id.is_none() && g.description.is_empty());
                    match id_line {
                        Some((id, rest)) => {
                            g.id = Some(id);
                            // The description ran on after the id (flattened text).
                            if !rest.is_empty() {
                                let md =
                                    headings::group_id_prefix(&p.markdown).map_or(rest, |(_, r)| r);
                                g.description.push(md.to_owned());
                            }
                        }
                        None => g.description.push(p.markdown.clone()),
                    }
                }
            }
            Block::Table(t) => {
                match section.as_ref() {
                    Some(section) => table(t, section, group.as_ref(), &mut catalog, diags),
                    None => unplaced(t, heading, diags),
                }
                if let Some(g) = group.as_mut() {
                    g.tables += 1;
                }
            }
        }
    }
    catalog.sort();
    catalog
}

/// In flattened text, a group heading named by its words alone (no `(group id: N)`, no
/// `/ Group ID: N`, no `[#anchor]`) has lost the line break that ended it: the reader
/// took the heading to the next table or heading, and with it any description that
/// followed (`### Scheduled Communications that will start later.`). An error, rather
/// than a group named after its own description.
fn guessed_group_end(h: &Heading, diags: &mut Diagnostics) {
    if headings::strip_anchor(&h.text) != h.text.trim() {
        return;
    }
    diags.push(
        Diagnostic::error(
            h.location.clone(),
            format!("where the group heading `{}` ends is lost in flattened text", h.text),
        )
        .with_hint("the heading may have taken in the text after it; vendor the page as markdown or HTML, where the heading has a line of its own, or give it its `[#anchor]`, which ends it"),
    );
}

/// A table that no codes section encloses: an error if it looks like a codes table,
/// naming the heading above it (`heading`) and what that heading lacks.
fn unplaced(t: &Table, heading: Option<&Heading>, diags: &mut Diagnostics) {
    if !looks_like_codes(&columns(t)) {
        return;
    }
    let hint = match heading {
        None => NO_HEADING.to_owned(),
        Some(h) => {
            let lacks = match headings::classify(&h.text) {
                HeadingClass::Group { .. } => GROUP_ONLY,
                HeadingClass::Container => NO_CHANNEL,
                _ if headings::errors_heading(&h.text).is_some() => NO_CHANNEL,
                _ => NO_KIND,
            };
            format!("its heading `{}` at {} {lacks}", h.text, h.location)
        }
    };
    diags.push(
        Diagnostic::error(t.location.clone(), "codes table outside any section")
            .with_snippet(header_text(t))
            .with_hint(hint),
    );
}

// Hints for a codes table outside any section, by what the heading above it lacks.
const NO_HEADING: &str = "put the table under a section heading that names the channel and kind, e.g. `## General status codes`";
const NO_KIND: &str = "names neither a kind (`status codes`, `error codes`, `Errors`) nor a channel; put the table under a heading that names both, e.g. `## General status codes` or `## Error codes (HLR)`";
const NO_CHANNEL: &str = "names the kind but no channel; name the channel before the kind or in parentheses after it, e.g. `## HLR error codes`, `## Error codes (HLR)` or `## Errors (HLR)`";
const GROUP_ONLY: &str = "names a group, and no section heading before it names the kind and channel; put one such as `## General status codes` before the group";

/// What each header cell of `t` is, as a column of a codes table.
fn columns(t: &Table) -> Vec<Option<Column>> {
    t.header.iter().map(|c| column(&c.plain)).collect()
}

fn table(
    t: &Table,
    section: &Section,
    group: Option<&GroupCtx>,
    catalog: &mut Catalog,
    diags: &mut Diagnostics,
) {
    let columns = columns(t);
    let find = |want: Column| columns.iter().position(|c| *c == Some(want));
    let (id_col, name_col) = (find(Column::Id), find(Column::Name));
    let mut usable = true;
    for (cell, col) in t.header.iter().zip(&columns) {
        if col.is_none() {
            usable = false;
            diags.push(
                Diagnostic::error(
                    cell.location.clone(),
                    "a column without a header".to_owned(),
                )
                .with_snippet(header_text(t))
                .with_hint(COLUMN_HINT),
            );
        }
    }
    for (want, label) in [(id_col, "Id"), (name_col, "Status/Error")] {
        if want.is_none() {
            usable = false;
            diags.push(
                Diagnostic::error(
                    t.location.clone(),
                    format!("codes table has no {label} column"),
                )
                .with_snippet(header_text(t))
                .with_hint(COLUMN_HINT),
            );
        }
    }
    for (i, col) in columns.iter().enumerate() {
        if col.is_some() && *col != Some(Column::Other) && columns[..i].contains(col) {
            usable = false;
            diags.push(
                Diagnostic::error(
                    t.header[i].location.clone(),
                    format!("column `{}` appears twice", t.header[i].plain),
                )
                .with_snippet(header_text(t))
                .with_hint(COLUMN_HINT),
            );
        }
    }
    let (Some(id_col), Some(name_col), true) = (id_col, name_col, usable) else {
        return;
    };
    let others: Vec<(usize, String)> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == Some(Column::Other))
        .map(|(i, _)| (i, collapse_whitespace(&t.header[i].plain)))
        .collect();
    for (i, header) in &others {
        diags.push(
            Diagnostic::warning(
                t.header[*i].location.clone(),
                format!("column `{header}` is not one the crate has a field for; each row's cell is kept in its description, as `{header}: ...`"),
            )
            .with_snippet(header_text(t))
            .with_hint(COLUMN_HINT),
        );
    }
    let layout = Layout {
        id: id_col,
        name: name_col,
        permanent: find(Column::Permanent),
        description: find(Column::Description),
        others,
        width: t.header.len(),
    };

    if catalog.channel(&section.channel.slug).is_none() {
        catalog.channels.push(Channel {
            slug: section.channel.slug.clone(),
            title: section.channel.title.clone(),
            location: section.location.clone(),
        });
    }
    let group_ref = group.map(|g| GroupRef {
        id: g.id,
        name: without_channel_suffix(&g.name, &section.channel),
    });
    if let (Some(g), Some(key)) = (group, &group_ref) {
        catalog.add_group(Group {
            kind: section.kind,
            channel: match section.kind {
                Kind::Status => None,
                Kind::Error => Some(section.channel.slug.clone()),
            },
            key: key.clone(),
            description: g.description.join("\n\n"),
            location: g.location.clone(),
        });
    }
    for row in &t.rows {
        if let Some(code) = code(row, &layout, section, &group_ref, t, diags) {
            catalog.codes.push(code);
        }
    }
}

struct Layout {
    id: usize,
    name: usize,
    permanent: Option<usize>,
    description: Option<usize>,
    /// Columns the crate has no field for, with their headers.
    others: Vec<(usize, String)>,
    width: usize,
}

fn code(
    row: &Row,
    layout: &Layout,
    section: &Section,
    group: &Option<GroupRef>,
    t: &Table,
    diags: &mut Diagnostics,
) -> Option<Code> {
    if !has_header_width(row, layout, t, diags) {
        return None;
    }
    // Every cell is read, so that every problem of the row is reported.
    let id = row_id(row, row.cells.get(layout.id)?, diags);
    let permanent = match layout.permanent.and_then(|i| row.cells.get(i)) {
        None => Ok(None),
        Some(c) => row_permanent(row, c, diags).map(Some),
    };
    let (name, mut description) = row_name(row, layout, diags)?;
    for (i, header) in &layout.others {
        let Some(cell) = row.cells.get(*i).map(|c| c.whole_markdown()) else {
            continue;
        };
        if !cell.trim().is_empty() {
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str(&format!("{header}: {}", cell.trim()));
        }
    }
    Some(Code {
        kind: section.kind,
        channel: section.channel.slug.clone(),
        group: group.clone(),
        id: id.ok()?,
        name,
        description,
        permanent: permanent.ok()?,
        deprecated: section.deprecated,
        retired: None,
        location: row.location.clone(),
    })
}

/// Whether the row has one cell per header column; an error at the row if not.
fn has_header_width(row: &Row, layout: &Layout, t: &Table, diags: &mut Diagnostics) -> bool {
    // Markdown parsers pad or cut rows to the header's width; `source_cells` is the truth.
    let found = if row.cells.len() == layout.width {
        row.source_cells
    } else {
        row.cells.len()
    };
    if found == layout.width {
        return true;
    }
    let (what, hint) = if found < layout.width {
        ("short row", "every row needs one cell per header column")
    } else {
        (
            "long row",
            "every row needs one cell per header column; write a `|` inside a cell as `\\|`",
        )
    };
    diags.push(
        Diagnostic::error(
            row.location.clone(),
            format!("{what}: {found} cells, the header has {}", layout.width),
        )
        .with_snippet(row_text(row))
        .with_hint(format!("{hint} ({})", header_text(t))),
    );
    false
}

/// The id in the Id cell: digits only, since `+5` or `5.0` is not how the page writes an
/// id. An error at the cell otherwise.
fn row_id(row: &Row, cell: &Cell, diags: &mut Diagnostics) -> Result<u16, ()> {
    let text = cell.plain.trim();
    match text.parse::<u16>() {
        Ok(id) if text.bytes().all(|b| b.is_ascii_digit()) => return Ok(id),
        _ => {}
    }
    let digits = !cell.plain.is_empty() && cell.plain.bytes().all(|b| b.is_ascii_digit());
    let (message, hint) = if digits {
        (
            format!("id `{}` is out of range", cell.plain),
            "ids are integers from 0 to 65535",
        )
    } else {
        (
            format!("non-numeric id `{}`", cell.plain),
            "the Id column holds the code's integer id, e.g. `5`",
        )
    };
    diags.push(
        Diagnostic::error(cell.location.clone(), message)
            .with_snippet(row_text(row))
            .with_hint(hint),
    );
    Err(())
}

/// The flag in the Permanent cell; an error at the cell when it is not true or false.
fn row_permanent(row: &Row, cell: &Cell, diags: &mut Diagnostics) -> Result<bool, ()> {
    match cell.plain.trim().to_ascii_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => {
            diags.push(
                Diagnostic::error(
                    cell.location.clone(),
                    format!("permanent value `{}` is not true or false", cell.plain),
                )
                .with_snippet(row_text(row))
                .with_hint(
                    "write `true` (retrying the same message fails the same way) or `false`",
                ),
            );
            Err(())
        }
    }
}

/// The row's name and description, or `None` with an error when the row has no name. A
/// name with surrounding spaces is trimmed, with a warning.
fn row_name(row: &Row, layout: &Layout, diags: &mut Diagnostics) -> Option<(String, String)> {
    let name_cell = row.cells.get(layout.name)?;
    let (raw_name, description) = name_and_description(row, layout, diags)?;
    let name = raw_name.trim().to_owned();
    if name.is_empty() {
        diags.push(
            Diagnostic::error(name_cell.location.clone(), "row without a name")
                .with_snippet(row_text(row))
                .with_hint("the Status/Error column starts with the code's name, e.g. `` `DELIVERED_TO_HANDSET` ``"),
        );
        return None;
    }
    if name != raw_name {
        diags.push(
            Diagnostic::warning(
                name_cell.location.clone(),
                format!("name `{raw_name}` has surrounding spaces; using `{name}`"),
            )
            .with_snippet(row_text(row)),
        );
    }
    Some((name, description))
}

/// The raw name and the description of a row (a row of `layout.width` cells), or `None`
/// with an error when its cells do not separate them.
///
/// - With a Description column, the name column holds the name alone: a code span, or
///   prose (Live Chat documents "Mandatory field missing"). A code span followed by more
///   text, or a row whose name cell reads as a description while its Description cell
///   holds a name, is refused rather than read into the wrong field.
/// - Without one, one cell holds both (readme.io): the name is the leading code span, or
///   else the text before the description list (or line break); the description is
///   what follows. A cell that opens with its description list has no name, and its
///   text is never taken for one.
fn name_and_description(
    row: &Row,
    layout: &Layout,
    diags: &mut Diagnostics,
) -> Option<(String, String)> {
    let name_cell = row.cells.get(layout.name)?;
    let Some(description_cell) = layout.description.and_then(|i| row.cells.get(i)) else {
        return Some(match &name_cell.code {
            Some(code) => (code.clone(), name_cell.markdown.clone()),
            None => (
                collapse_whitespace(&plain_text(&name_cell.head)),
                name_cell.after_head.clone(),
            ),
        });
    };
    let name = match &name_cell.code {
        Some(code) if !name_cell.markdown.is_empty() => {
            diags.push(
                Diagnostic::error(
                    name_cell.location.clone(),
                    format!(
                        "name `{}` is followed by more text in its cell: `{}`",
                        code.trim(),
                        plain_text(&name_cell.markdown)
                    ),
                )
                .with_snippet(row_text(row))
                .with_hint("where a table has a Description column, the Status/Error cell holds the name alone; move the rest into the Description cell"),
            );
            return None;
        }
        Some(code) => code.clone(),
        None => name_cell.plain.clone(),
    };
    let description_is_a_name = match &description_cell.code {
        Some(_) => description_cell.markdown.is_empty(),
        None => is_identifier(&description_cell.plain),
    };
    let name_is_prose = name_cell.code.is_none() && (name.contains(' ') || name.ends_with('.'));
    if description_is_a_name && name_is_prose {
        diags.push(
            Diagnostic::error(
                name_cell.location.clone(),
                format!(
                    "name and description look swapped: the name cell reads `{name}`, the Description cell `{}`",
                    description_cell.plain
                ),
            )
            .with_snippet(row_text(row))
            .with_hint("the Status/Error column holds the code's name and the Description column its text; swap the two cells"),
        );
        return None;
    }
    Some((name, description_cell.whole_markdown()))
}

/// Whether `s` is one identifier with an underscore (`EC_UNKNOWN_SUBSCRIBER`): a name,
/// never a description.
fn is_identifier(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.contains('_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A group name without a trailing parenthesis that only repeats the section's channel:
/// `Handset errors (general)` in the General section is the group `Handset errors`.
fn without_channel_suffix(name: &str, channel: &ChannelName) -> String {
    let trimmed = name.trim_end();
    if let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind('(')) {
        let inner = &trimmed[open + 1..trimmed.len() - 1];
        let base = trimmed[..open].trim_end();
        let same = headings::channel_name(inner).is_some_and(|c| c.slug == channel.slug);
        if same && !base.is_empty() {
            return base.to_owned();
        }
    }
    trimmed.to_owned()
}

fn header_text(t: &Table) -> String {
    cells_text(&t.header)
}

fn row_text(row: &Row) -> String {
    if row.source.is_empty() {
        cells_text(&row.cells)
    } else {
        row.source.clone()
    }
}

fn cells_text(cells: &[Cell]) -> String {
    let mut s = String::from("|");
    for c in cells {
        s.push(' ');
        s.push_str(&c.plain);
        s.push_str(" |");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_words_read_one_word_spellings() {
        for header in ["errorId", "error_id", "Error ID", " ERROR-ID ", "ErrorId"] {
            assert_eq!(header_words(header), "error id", "{header}");
        }
        assert_eq!(header_words("statusID"), "status id");
        assert_eq!(header_words("ID"), "id");
        assert_eq!(column("errorId"), Some(Column::Id));
        assert_eq!(column("statusName"), Some(Column::Name));
        assert_eq!(column("messageId"), Some(Column::Other));
        assert_eq!(column(" "), None);
    }
}
