//! The rendered page saved from a browser as text, or copied from it: no markup, one
//! line per heading, paragraph and list item, and tables whose cells are separated by
//! tabs.
//!
//! ```text
//! PENDING (group id: 1) - general status codes
//!
//! Message has been processed and sent to the next instance i.e. mobile operator.
//!
//! Id<TAB>Status
//! 3<TAB>PENDING_WAITING_DELIVERY - Message has been processed and sent to the next ...
//! ```
//!
//! The reader gives the outline the other forms give, from what the text keeps:
//!
//! - **Tables.** A run of lines holding tabs is a table: its first line the header, each
//!   other line a row. A line without a tab between two rows continues the last cell of
//!   the row above (a line break in the cell, as browsers write `<br>`).
//! - **Names and descriptions.** Where a table has no Description column, one cell holds
//!   the name and its description list, which browsers write `NAME - description` (or
//!   `NAME` with the description on the lines below, up to the next row). The name is
//!   what comes before the first ` - `.
//! - **Headings.** Text has no heading markup, so a line is a heading when its words are
//!   the page's heading grammar (see [`headings`]): a section such as `General status
//!   codes`, a group such as `PENDING (group id: 1) - general status codes` or
//!   `PENDING / Group ID: 1`, a container such as `Error codes`, or any line followed
//!   by a line `Group ID: N` or ending in an anchor (`Scheduled [#scheduled]`); and when
//!   it reads as a heading, not a sentence (no final
//!   `.`, `:`, `;`, `,`, `!` or `?`, at most 120 bytes). Levels follow the page: a
//!   container 1, a section 2, a group 3.
//! - **Paragraphs.** Every other line is a paragraph of its own.
//!
//! What the text does not keep is not made up. Links are their text (their addresses are
//! gone), and code spans and emphasis are plain text, so descriptions hold what the
//! browser showed. Where the text does not say what a line is, the reader refuses it
//! with a located error rather than guess: a line right after a table's last row (the
//! rest of that row's cell, or a paragraph?), a row with no header line above it, and,
//! inside a codes section, a line that may be a group heading or a paragraph (a group
//! heading like `Scheduled`, without an id, reads as neither a sentence nor a known
//! heading).

use super::headings::{self, HeadingClass};
use super::inline::{InlineWriter, LinkBase};
use super::outline::{collapse_whitespace, Block, Cell, Heading, Outline, Paragraph, Row, Table};
use super::structure::{self, Column};
use crate::diag::{Diagnostic, Diagnostics, LineIndex, Location};
use crate::doc_text::escape_text;

/// The longest line read as a heading, in bytes.
const MAX_HEADING: usize = 120;

/// What to do instead, for every refusal.
const VENDOR_HINT: &str = "vendor the page as markdown or as HTML (save it from the browser as \"Web page, HTML only\"), where the page's structure is kept";

/// Whether `text` holds a line whose tab-separated cells are a codes table's header
/// (`Id<TAB>Status`), the mark of a page saved as text.
pub fn looks_like_text(text: &str) -> bool {
    text.lines().any(|line| {
        line.contains('\t') && structure::is_codes_header(line.split('\t').map(str::trim))
    })
}

/// One line of the file, without its line end.
struct Line<'t> {
    /// Byte offset of its first byte in the file.
    start: usize,
    text: &'t str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Blank,
    /// Holds a tab: a table's header or row.
    Cells,
    Heading(u8),
    Text,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.strip_suffix('\n').unwrap_or(piece);
        let body = body.strip_suffix('\r').unwrap_or(body);
        let (skip, body) = match body.strip_prefix('\u{feff}') {
            Some(rest) if start == 0 => ('\u{feff}'.len_utf8(), rest),
            _ => (0, body),
        };
        lines.push(Line {
            start: start + skip,
            text: body,
        });
        start += piece.len();
    }
    lines
}

/// The level of `line` as a heading, given the next non-blank line; `None` when it is
/// not one.
fn heading_level(line: &str, next: Option<&str>) -> Option<u8> {
    let t = line.trim();
    if t.is_empty()
        || t.len() > MAX_HEADING
        || t.ends_with(['.', ':', ';', ',', '!', '?'])
        || headings::group_id_prefix(t).is_some()
    {
        return None;
    }
    match headings::classify(t) {
        HeadingClass::Container => return Some(1),
        HeadingClass::Section { .. } => return Some(2),
        HeadingClass::Group { .. } => return Some(3),
        HeadingClass::Other => {}
    }
    if headings::errors_heading(t).is_some() {
        return Some(2);
    }
    // `Handset errors (general) [#anchor]`: an anchor ends only headings.
    let anchored = headings::strip_anchor(t) != t;
    (anchored || next.and_then(headings::group_id_prefix).is_some()).then_some(3)
}

fn kinds(lines: &[Line<'_>]) -> Vec<Kind> {
    let mut kinds = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let next = lines[i + 1..]
            .iter()
            .map(|l| l.text)
            .find(|t| !t.trim().is_empty());
        kinds.push(if line.text.trim().is_empty() {
            Kind::Blank
        } else if line.text.contains('\t') {
            Kind::Cells
        } else if let Some(level) = heading_level(line.text, next) {
            Kind::Heading(level)
        } else {
            Kind::Text
        });
    }
    kinds
}

/// Reads a page saved as text into an outline. Lines whose meaning the text does not
/// give are errors in `diags` (see the module docs).
pub fn outline(path: &str, text: &str, base: &LinkBase, diags: &mut Diagnostics) -> Outline {
    let reader = Reader {
        text,
        index: LineIndex::new(path, text),
        lines: split_lines(text),
        base,
    };
    let kinds = kinds(&reader.lines);
    let mut out = Outline::default();
    let mut in_section = false;
    // Lines before this one were reported already (after a table's last row).
    let mut reported = 0;
    let mut i = 0;
    while i < reader.lines.len() {
        let line = &reader.lines[i];
        match kinds[i] {
            Kind::Blank => i += 1,
            Kind::Heading(level) => {
                let words = collapse_whitespace(line.text);
                in_section = match headings::classify(&words) {
                    HeadingClass::Section { .. } => true,
                    HeadingClass::Container => false,
                    _ => in_section || headings::errors_heading(&words).flatten().is_some(),
                };
                out.blocks.push(Block::Heading(Heading {
                    level,
                    text: words,
                    location: reader.locate_text(line),
                }));
                i += 1;
            }
            Kind::Text => {
                if in_section && i >= reported {
                    reader.check_not_a_group_heading(i, &kinds, diags);
                }
                let words = line.text.trim();
                out.blocks.push(Block::Paragraph(Paragraph {
                    markdown: escape_text(words),
                    plain: collapse_whitespace(words),
                    location: reader.locate_text(line),
                }));
                i += 1;
            }
            Kind::Cells => (i, reported) = reader.table(i, &kinds, &mut out, diags),
        }
    }
    out
}

struct Reader<'t, 'b> {
    text: &'t str,
    index: LineIndex,
    lines: Vec<Line<'t>>,
    base: &'b LinkBase,
}

impl Reader<'_, '_> {
    fn locate(&self, offset: usize) -> Location {
        self.index.locate(self.text, offset)
    }

    /// Where the line's text starts, past its leading spaces.
    fn locate_text(&self, line: &Line<'_>) -> Location {
        let indent = line.text.len() - line.text.trim_start().len();
        self.locate(line.start + indent)
    }

    /// Inside a codes section, a line that is neither a sentence nor a known heading,
    /// right before a table (or before the one paragraph before it), may be a group
    /// heading without an id (`Scheduled`): an error, rather than a guess either way.
    fn check_not_a_group_heading(&self, i: usize, kinds: &[Kind], diags: &mut Diagnostics) {
        let t = self.lines[i].text.trim();
        if t.len() > MAX_HEADING || t.ends_with(['.', ':', ';', ',', '!', '?']) {
            return;
        }
        if headings::group_id_prefix(t).is_some() {
            return;
        }
        let mut next = (i + 1..kinds.len()).filter(|&j| kinds[j] != Kind::Blank);
        let before_table = match next.next().map(|j| kinds[j]) {
            Some(Kind::Cells) => true,
            Some(Kind::Text) => next.next().map(|j| kinds[j]) == Some(Kind::Cells),
            _ => false,
        };
        if before_table {
            diags.push(
                Diagnostic::error(
                    self.locate_text(&self.lines[i]),
                    format!("`{t}` before a codes table: a group heading or a paragraph? text saved from a browser does not say"),
                )
                .with_hint(format!("as a heading, write it with its group id (`{t} / Group ID: N`); as a paragraph, end it with a period; or {VENDOR_HINT}")),
            );
        }
    }

    /// Reads the table whose header is line `start`; returns the index of the first line
    /// after it, and of the first line after those it reported.
    fn table(
        &self,
        start: usize,
        kinds: &[Kind],
        out: &mut Outline,
        diags: &mut Diagnostics,
    ) -> (usize, usize) {
        let header_line = &self.lines[start];
        let header = cells(header_line);
        let first = header.first().map_or("", |c| c.1.trim());
        if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) {
            // An id where the header's first cell would be: rows whose header is lost.
            diags.push(
                Diagnostic::error(
                    self.locate_text(header_line),
                    "table row without a header line above it",
                )
                .with_snippet(header_line.text.replace('\t', " | "))
                .with_hint(format!("a table saved as text is its header line (`Id<TAB>Status`) and one line per row; a line without a tab ended the table above, so a cell that spans lines may have split it; {VENDOR_HINT}")),
            );
            let mut end = start + 1;
            while end < kinds.len() && kinds[end] == Kind::Cells {
                end += 1;
            }
            return (end, end);
        }
        let names: Vec<Option<Column>> = header
            .iter()
            .map(|(_, text)| structure::column(text.trim()))
            .collect();
        let name_col = names.iter().position(|c| *c == Some(Column::Name));
        let has_description = names.contains(&Some(Column::Description));
        let name_split = name_col.filter(|_| !has_description);
        let header_cells: Vec<Cell> = header
            .iter()
            .map(|&(offset, text)| self.cell(offset, text, &[], false))
            .collect();

        let mut rows = Vec::new();
        let mut reported = start;
        let mut row = start + 1;
        while row < kinds.len() && kinds[row] == Kind::Cells {
            // The lines without a tab after it, up to the next row, continue its last cell.
            let mut next = row + 1;
            while next < kinds.len() && kinds[next] == Kind::Text {
                next += 1;
            }
            let continued = next < kinds.len() && kinds[next] == Kind::Cells;
            let more: Vec<&str> = if continued {
                self.lines[row + 1..next].iter().map(|l| l.text).collect()
            } else {
                if next > row + 1 {
                    reported = next;
                    let after = &self.lines[row + 1];
                    diags.push(
                        Diagnostic::error(
                            self.locate_text(after),
                            "a line right after a table's last row: the rest of the row's last cell, or a paragraph? text saved from a browser does not say",
                        )
                        .with_snippet(after.text.trim())
                        .with_hint(format!("join it to the row above, or leave a blank line after the table; or {VENDOR_HINT}")),
                    );
                }
                Vec::new()
            };
            rows.push(self.row(&self.lines[row], &more, name_split));
            row = if continued { next } else { row + 1 };
        }
        out.blocks.push(Block::Table(Table {
            header: header_cells,
            rows,
            location: self.locate_text(header_line),
        }));
        (row, reported)
    }

    /// A row from its line and the lines that continue its last cell; `name_split` is the
    /// name column of a table without a Description column.
    fn row(&self, line: &Line<'_>, more: &[&str], name_split: Option<usize>) -> Row {
        let found = cells(line);
        let last = found.len().saturating_sub(1);
        let cells = found
            .iter()
            .enumerate()
            .map(|(i, &(offset, text))| {
                let more = if i == last { more } else { &[] };
                self.cell(offset, text, more, name_split == Some(i))
            })
            .collect();
        Row {
            cells,
            source_cells: found.len(),
            source: line.text.trim().replace('\t', " | "),
            location: self.locate_text(line),
        }
    }

    /// A cell from its text at `offset` and the lines that continue it. A name cell of a
    /// table without a Description column is `NAME - description`: the description goes
    /// after the head, as the description list of the other forms does.
    fn cell(&self, offset: usize, text: &str, more: &[&str], name_cell: bool) -> Cell {
        let indent = text.len() - text.trim_start().len();
        let text = text.trim();
        let mut w = InlineWriter::new(self.base);
        let mut plain = String::from(text);
        for line in more {
            plain.push(' ');
            plain.push_str(line);
        }
        let (first, description) = match text.split_once(" - ") {
            Some((name, description)) if name_cell => (name.trim(), Some(description.trim())),
            _ => (text, None),
        };
        w.text(first);
        if name_cell {
            let mut lines = description.into_iter().chain(more.iter().map(|l| l.trim()));
            if let Some(line) = lines.next() {
                w.list_start(false);
                w.item_start();
                w.text(line);
                for line in lines {
                    w.line_break();
                    w.text(line);
                }
                w.item_end();
                w.list_end();
            }
        } else {
            for line in more {
                w.line_break();
                w.text(line.trim());
            }
        }
        Cell::from_parts(
            None,
            w.finish_split(),
            collapse_whitespace(&plain),
            self.locate(offset + indent),
        )
    }
}

/// The tab-separated cells of a line: (byte offset in the file, text).
fn cells<'t>(line: &Line<'t>) -> Vec<(usize, &'t str)> {
    let mut out = Vec::new();
    let mut offset = line.start;
    for cell in line.text.split('\t') {
        out.push((offset, cell));
        offset += cell.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;

    fn read(text: &str) -> (Outline, Diagnostics) {
        let mut diags = Diagnostics::default();
        let outline = outline("p.txt", text, &LinkBase::default(), &mut diags);
        (outline, diags)
    }

    #[test]
    fn recognises_a_codes_header_between_tabs() {
        assert!(looks_like_text("General status codes\nId\tStatus\n3\tX\n"));
        assert!(looks_like_text("ID\tPermanent\tError\tDescription\r\n"));
        assert!(!looks_like_text("Parameter\tType\tDescription\n"));
        assert!(!looks_like_text("| Id | Status |\n| --- | --- |\n"));
    }

    #[test]
    fn a_heading_is_a_line_in_the_heading_grammar_that_is_no_sentence() {
        let level = |line: &str, next: Option<&str>| heading_level(line, next);
        assert_eq!(level("Error codes", None), Some(1));
        assert_eq!(
            level("Chat error codes (Facebook messenger, Line, Viber)", None),
            Some(2)
        );
        assert_eq!(level("Errors (HLR)", None), Some(2));
        assert_eq!(level("PENDING / Group ID: 1", None), Some(3));
        assert_eq!(
            level("Handset errors (general)", Some("Group ID: 1")),
            Some(3)
        );
        assert_eq!(
            level("Scheduled [#scheduled-moments-status-codes]", None),
            Some(3)
        );
        assert_eq!(level("Handset errors (general)", None), None);
        assert_eq!(level("List of API status and error codes.", None), None);
        assert_eq!(level("Group ID: 1", Some("Group ID: 2")), None);
        assert_eq!(
            level(&format!("{} error codes", "x".repeat(120)), None),
            None
        );
    }

    #[test]
    fn reads_headings_paragraphs_and_tables_with_their_locations() {
        let text = "Error codes\n\nGeneral error codes\n\nHANDSET_ERRORS (group id: 1) - general error codes\n\nThe handset.\n\nId\tPermanent\tError\n1\ttrue\tEC_UNKNOWN_SUBSCRIBER - Unknown.\n27\tfalse\tEC_ABSENT_SUBSCRIBER - Off.\nTry later.\n28\tfalse\tEC_X\n";
        let (o, diags) = read(text);
        assert!(diags.0.is_empty(), "{diags}");
        let levels: Vec<(u8, &str)> = o
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some((h.level, h.text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            levels,
            [
                (1, "Error codes"),
                (2, "General error codes"),
                (3, "HANDSET_ERRORS (group id: 1) - general error codes")
            ]
        );
        let Some(Block::Table(t)) = o.blocks.last() else {
            panic!("{:?}", o.blocks)
        };
        assert_eq!(t.location.to_string(), "p.txt:9:1");
        assert_eq!(t.rows.len(), 3);
        let name = &t.rows[1].cells[2];
        assert_eq!(
            (name.head.as_str(), name.after_head.as_str()),
            ("EC_ABSENT_SUBSCRIBER", "Off.\n\nTry later.")
        );
        assert_eq!(name.location.to_string(), "p.txt:11:10");
        assert_eq!(t.rows[1].location.to_string(), "p.txt:11:1");
        assert_eq!(t.rows[2].cells[2].after_head, "");
    }

    #[test]
    fn refuses_what_the_text_does_not_say() {
        // A line after the last row; a row without a header; a line that may be a group heading.
        let text = "Moments status codes\n\nScheduled\n\nID\tStatus\tDescription\n9001\tMOMENTS_SCHEDULED\tLater.\nmore\n\n9002\tX\tY\n";
        let (_, diags) = read(text);
        let errors: Vec<String> = diags
            .0
            .iter()
            .map(|d| d.to_string().lines().next().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(
            errors,
            [
                "p.txt:3:1: error: `Scheduled` before a codes table: a group heading or a paragraph? text saved from a browser does not say",
                "p.txt:7:1: error: a line right after a table's last row: the rest of the row's last cell, or a paragraph? text saved from a browser does not say",
                "p.txt:9:1: error: table row without a header line above it",
            ]
        );
    }
}
