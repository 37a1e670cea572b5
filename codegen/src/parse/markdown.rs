//! Markdown (after readme.io preprocessing) to an [`Outline`], with pulldown-cmark.

use super::inline::{InlineWriter, LinkBase};
use super::outline::{collapse_whitespace, Block, Cell, Heading, Outline, Paragraph, Row, Table};
use super::source_map::Prepared;
use crate::diag::Location;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Reads the prepared markdown into an outline.
pub fn outline(prepared: &Prepared<'_>, base: &LinkBase) -> Outline {
    let text = prepared.text.as_str();
    let mut out = Outline::default();
    let mut nesting = 0usize; // lists, block quotes: their paragraphs are not top-level
    let mut target: Option<Target<'_>> = None;
    let mut table: Option<TableBuilder> = None;

    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) if nesting == 0 => {
                target = Some(Target::Heading {
                    level: heading_level(level),
                    plain: String::new(),
                    location: prepared.locate(range.start),
                });
            }
            Event::Start(Tag::Paragraph) if nesting == 0 && table.is_none() => {
                target = Some(Target::Inline(InlineBuilder::new(
                    base,
                    prepared.locate(range.start),
                )));
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) if nesting == 0 => {
                match target.take() {
                    Some(Target::Heading {
                        level,
                        plain,
                        location,
                    }) => out.blocks.push(Block::Heading(Heading {
                        level,
                        text: collapse_whitespace(&plain),
                        location,
                    })),
                    Some(Target::Inline(b)) => {
                        let cell = b.finish();
                        if !cell.plain.is_empty() {
                            out.blocks.push(Block::Paragraph(Paragraph {
                                markdown: cell.whole_markdown(),
                                plain: cell.plain,
                                location: cell.location,
                            }));
                        }
                    }
                    None => {}
                }
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) => {
                nesting += 1;
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition) => {
                nesting = nesting.saturating_sub(1);
            }
            Event::Start(Tag::Table(_)) => {
                table = Some(TableBuilder {
                    header: Vec::new(),
                    rows: Vec::new(),
                    row: None,
                    location: prepared.locate(range.start),
                });
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    out.blocks.push(Block::Table(Table {
                        header: t.header,
                        rows: t.rows,
                        location: t.location,
                    }));
                }
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.row = Some((Vec::new(), range.clone()));
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.header = t.row.take().map(|(cells, _)| cells).unwrap_or_default();
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    if let Some((cells, r)) = t.row.take() {
                        t.rows.push(Row {
                            cells,
                            source_cells: count_cells(&text[r.clone()]),
                            source: text[r.clone()].trim().to_owned(),
                            location: prepared.locate(r.start),
                        });
                    }
                }
            }
            Event::Start(Tag::TableCell) => {
                target = Some(Target::Inline(InlineBuilder::new(
                    base,
                    prepared.locate(range.start),
                )));
            }
            Event::End(TagEnd::TableCell) => {
                if let (Some(Target::Inline(b)), Some(t)) = (target.take(), table.as_mut()) {
                    if let Some((cells, _)) = t.row.as_mut() {
                        cells.push(b.finish());
                    }
                }
            }
            inline => {
                if let Some(t) = target.as_mut() {
                    t.event(inline);
                }
            }
        }
    }
    out
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

struct TableBuilder {
    header: Vec<Cell>,
    rows: Vec<Row>,
    row: Option<(Vec<Cell>, std::ops::Range<usize>)>,
    location: Location,
}

enum Target<'b> {
    Heading {
        level: u8,
        plain: String,
        location: Location,
    },
    Inline(InlineBuilder<'b>),
}

impl Target<'_> {
    fn event(&mut self, event: Event<'_>) {
        match self {
            Target::Heading { plain, .. } => match event {
                Event::Text(t) | Event::Code(t) => plain.push_str(&t),
                Event::SoftBreak | Event::HardBreak => plain.push(' '),
                _ => {}
            },
            Target::Inline(b) => b.event(event),
        }
    }
}

/// Collects one cell or paragraph: the leading code span, clean markdown, plain text.
struct InlineBuilder<'b> {
    writer: InlineWriter<'b>,
    code: Option<String>,
    started: bool,
    plain: String,
    location: Location,
}

impl<'b> InlineBuilder<'b> {
    fn new(base: &'b LinkBase, location: Location) -> Self {
        InlineBuilder {
            writer: InlineWriter::new(base),
            code: None,
            started: false,
            plain: String::new(),
            location,
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Code(c) => {
                self.plain.push_str(&c);
                if !self.started {
                    self.started = true;
                    self.code = Some(c.into_string());
                } else {
                    self.writer.code(&c);
                }
            }
            Event::Text(t) => {
                if !t.trim().is_empty() {
                    self.started = true;
                }
                self.plain.push_str(&t);
                self.writer.text(&t);
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                self.started = true;
                self.plain.push(' ');
                self.writer.html_tag(&h);
            }
            Event::SoftBreak => {
                self.plain.push(' ');
                self.writer.text(" ");
            }
            Event::HardBreak => {
                self.plain.push(' ');
                self.writer.line_break();
            }
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => {
                self.started = true;
                self.writer.emphasis();
            }
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => {
                self.started = true;
                self.writer.strong();
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                self.started = true;
                self.writer.link_start(&dest_url);
            }
            Event::End(TagEnd::Link | TagEnd::Image) => self.writer.link_end(),
            _ => {}
        }
    }

    fn finish(self) -> Cell {
        Cell::from_parts(
            self.code,
            self.writer.finish_split(),
            collapse_whitespace(&self.plain),
            self.location,
        )
    }
}

/// How many cells a source table row has, by GFM's rules: split on unescaped pipes,
/// ignoring one leading and one trailing pipe.
pub fn count_cells(row: &str) -> usize {
    let line = row.trim();
    let b = line.as_bytes();
    let pipe_at = |i: usize| {
        b[i] == b'|' && b[..i].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 0
    };
    let pipes = (0..b.len()).filter(|&i| pipe_at(i)).count();
    let mut cells = pipes + 1;
    if !b.is_empty() && pipe_at(0) {
        cells -= 1;
    }
    if b.len() > 1 && pipe_at(b.len() - 1) {
        cells -= 1;
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cells_like_gfm() {
        assert_eq!(count_cells("|3|`A`<ul><li>x</li></ul>|\n"), 2);
        assert_eq!(count_cells("| 1 | true | EC_X | Gone. |"), 4);
        assert_eq!(count_cells("1 | 2"), 2);
        assert_eq!(count_cells("|a \\| b|c|"), 2);
        assert_eq!(count_cells("|a|b|c|"), 3);
        assert_eq!(count_cells("|a|"), 1);
    }

    #[test]
    fn reads_headings_paragraphs_and_cells() {
        let src = "# Title\n\nIntro *text*.\n\n## Section\n|Id|Status|\n|-|-|\n|3|`NAME `<ul><li>Desc [x](/d) `c`</li></ul>|\n- list item\n";
        let prepared = Prepared::new("t.md", src, 0..src.len());
        let base = LinkBase {
            page_url: Some("https://docs.example/page".into()),
        };
        let o = outline(&prepared, &base);
        let Block::Table(t) = &o.blocks[3] else {
            panic!("{:?}", o.blocks)
        };
        assert_eq!(o.blocks.len(), 4);
        assert!(matches!(&o.blocks[0], Block::Heading(h) if h.level == 1 && h.text == "Title"));
        assert!(
            matches!(&o.blocks[1], Block::Paragraph(p) if p.markdown == "Intro *text*." && p.plain == "Intro text.")
        );
        assert_eq!(t.header.len(), 2);
        let name = &t.rows[0].cells[1];
        assert_eq!(name.code.as_deref(), Some("NAME "));
        assert_eq!(name.markdown, "Desc [x](https://docs.example/d) `c`");
        assert_eq!(name.location.to_string(), "t.md:8:4");
        assert_eq!(t.rows[0].source_cells, 2);
    }
}
