//! The page's outline: what every reader produces, whatever the input form.
//!
//! A reader knows its syntax (markdown, HTML); it turns the page into headings,
//! paragraphs and tables with clean-markdown cells and file locations. What those mean
//! (which heading is a section, which table holds codes) is decided once, for all forms,
//! by `structure`.

use crate::diag::Location;

/// One block of the page, in document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading.
    Heading(Heading),
    /// A top-level paragraph.
    Paragraph(Paragraph),
    /// A table.
    Table(Table),
}

/// A heading and its level (1 for `#` or `<h1>`).
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's text, whitespace collapsed.
    pub text: String,
    /// Where the heading starts.
    pub location: Location,
}

/// A paragraph of prose.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    /// Clean markdown.
    pub markdown: String,
    /// The plain text, whitespace collapsed.
    pub plain: String,
    /// Where the paragraph starts.
    pub location: Location,
}

/// A table: a header row and body rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The header cells.
    pub header: Vec<Cell>,
    /// The body rows.
    pub rows: Vec<Row>,
    /// Where the table starts.
    pub location: Location,
}

/// A body row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The cells the parser kept.
    pub cells: Vec<Cell>,
    /// How many cells the source row really has. Markdown parsers pad short rows and
    /// drop the extra cells of long ones; this keeps the truth for validation.
    pub source_cells: usize,
    /// The row as written in the source, for quoting in diagnostics (empty when the
    /// form has no such text, like HTML).
    pub source: String,
    /// Where the row starts.
    pub location: Location,
}

/// A table cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    /// The code span the cell opens with (`` `NAME` `` or `<code>NAME</code>`), untrimmed.
    pub code: Option<String>,
    /// Clean markdown of the rest of the cell (all of it when there is no leading code).
    pub markdown: String,
    /// `markdown` split before its first list, or before its first line break that
    /// follows some text: the part before (where one cell holds a name and its
    /// description, the name written without a code span)...
    pub head: String,
    /// ...and the part after (that description).
    pub after_head: String,
    /// Plain text of the whole cell, whitespace collapsed and trimmed.
    pub plain: String,
    /// Where the cell starts.
    pub location: Location,
}

impl Cell {
    /// A cell from its leading code span, the rest of its markdown in the two parts that
    /// [`InlineWriter::finish_split`](super::inline::InlineWriter::finish_split) gives,
    /// its plain text and where it starts.
    pub fn from_parts(
        code: Option<String>,
        (head, after_head): (String, String),
        plain: String,
        location: Location,
    ) -> Cell {
        let markdown = join_paragraphs(head.clone(), after_head.clone());
        Cell {
            code,
            markdown,
            head,
            after_head,
            plain,
            location,
        }
    }

    /// The whole cell as markdown, leading code span included.
    pub fn whole_markdown(&self) -> String {
        let Some(code) = &self.code else {
            return self.markdown.clone();
        };
        let base = super::inline::LinkBase::default();
        let mut w = super::inline::InlineWriter::new(&base);
        w.code(code);
        let lead = w.finish();
        match self.markdown.chars().next() {
            None => lead,
            Some(c) if c.is_alphanumeric() => format!("{lead} {}", self.markdown),
            Some(_) => format!("{lead}{}", self.markdown),
        }
    }
}

/// A page as a reader sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outline {
    /// Blocks in document order.
    pub blocks: Vec<Block>,
}

/// Two runs of markdown paragraphs as one, either of them possibly empty.
pub fn join_paragraphs(first: String, second: String) -> String {
    match (first.is_empty(), second.is_empty()) {
        (_, true) => first,
        (true, false) => second,
        (false, false) => format!("{first}\n\n{second}"),
    }
}

/// Collapses whitespace runs to single spaces and trims.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
