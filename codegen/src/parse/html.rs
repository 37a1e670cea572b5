//! The rendered HTML page, as a browser receives it (feature `html`).
//!
//! The article sits among site chrome: scripts, a navigation sidebar, a header and a
//! footer. Those are skipped (`script`, `style`, `noscript`, `template`, `nav`,
//! `header`, `footer`, `aside`, `form`, `svg`, and elements with a navigation, banner,
//! complementary or contentinfo role, or `aria-hidden`). What remains is read in
//! document order: headings, paragraphs (and text-only blocks), and tables whose name
//! cell holds `<code>NAME</code>` followed by the description list.
//!
//! html5ever does not report source positions, so locations come from a scan of the
//! file's start tags: the n-th `<tr>` element of the tree is the n-th `<tr` tag of the
//! source (comments and raw-text elements skipped). Elements the parser made up
//! (`tbody` without a tag) take their parent's location.

use super::inline::{InlineWriter, LinkBase};
use super::outline::{collapse_whitespace, Block, Cell, Heading, Outline, Paragraph, Row, Table};
use crate::diag::{Diagnostics, LineIndex, Location};
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;

/// Elements that are chrome or code, never the article's content.
const SKIPPED: [&str; 15] = [
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg",
    "button", "iframe", "select", "head", "pre",
];

/// Roles of page chrome.
const SKIPPED_ROLES: [&str; 4] = ["navigation", "banner", "complementary", "contentinfo"];

/// Inline elements: a block made only of these and text is a paragraph.
const INLINE: [&str; 20] = [
    "a", "abbr", "b", "br", "code", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span",
    "strong", "sub", "sup", "time", "u", "var",
];

/// Elements whose content is raw text to the HTML parser.
const RAW_TEXT: [&str; 7] = [
    "script", "style", "textarea", "title", "xmp", "noscript", "iframe",
];

/// Reads an HTML page into an outline.
pub fn outline(path: &str, text: &str, base: &LinkBase, _diags: &mut Diagnostics) -> Outline {
    let html = Html::parse_document(text);
    let index = LineIndex::new(path, text);
    let starts = start_tags(text);
    // Element -> byte offset of its start tag, by document order per tag name.
    let mut offsets = HashMap::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for node in html.tree.root().descendants() {
        if let Node::Element(el) = node.value() {
            let name = el.name().to_ascii_lowercase();
            let n = seen.entry(name.clone()).or_insert(0);
            if let Some(&offset) = starts.get(&name).and_then(|v| v.get(*n)) {
                offsets.insert(node.id(), offset);
            }
            *n += 1;
        }
    }
    let reader = Reader {
        text,
        index,
        offsets,
        base,
    };
    let mut out = Outline::default();
    reader.blocks(html.root_element(), 0, &mut out.blocks);
    out
}

struct Reader<'a> {
    text: &'a str,
    index: LineIndex,
    offsets: HashMap<NodeId, usize>,
    base: &'a LinkBase,
}

fn is_skipped(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    let name = v.name().to_ascii_lowercase();
    SKIPPED.contains(&name.as_str())
        || v.attr("role")
            .is_some_and(|r| SKIPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
        || v.attr("aria-hidden").is_some_and(|h| h.trim() == "true")
        || v.attr("hidden").is_some()
}

fn is_inline_only(el: &ElementRef<'_>) -> bool {
    el.children().all(|child| match child.value() {
        Node::Element(e) => INLINE.contains(&e.name().to_ascii_lowercase().as_str()),
        _ => true,
    })
}

fn text_of(el: &ElementRef<'_>) -> String {
    let mut s = String::new();
    for child in el.children() {
        match child.value() {
            Node::Text(t) => s.push_str(t),
            Node::Element(_) => {
                if let Some(e) = ElementRef::wrap(child) {
                    if !is_skipped(&e) {
                        s.push_str(&text_of(&e));
                        if e.value().name().eq_ignore_ascii_case("br") {
                            s.push(' ');
                        }
                    }
                }
            }
            _ => {}
        }
    }
    s
}

impl Reader<'_> {
    fn locate(&self, el: &ElementRef<'_>) -> Location {
        let mut node = Some(*el);
        while let Some(e) = node {
            if let Some(&offset) = self.offsets.get(&e.id()) {
                return self.index.locate(self.text, offset);
            }
            node = e.parent().and_then(ElementRef::wrap);
        }
        self.index.locate(self.text, 0)
    }

    fn blocks(&self, el: ElementRef<'_>, depth: usize, out: &mut Vec<Block>) {
        if depth > 256 {
            return; // pathological nesting: html5ever caps it too
        }
        for child in el.children() {
            let Some(e) = ElementRef::wrap(child) else {
                continue;
            };
            if is_skipped(&e) {
                continue;
            }
            let name = e.value().name().to_ascii_lowercase();
            match name.as_str() {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    let level = name.as_bytes()[1] - b'0';
                    out.push(Block::Heading(Heading {
                        level,
                        text: collapse_whitespace(&text_of(&e)),
                        location: self.locate(&e),
                    }));
                }
                "p" => self.paragraph(&e, out),
                "table" => out.push(Block::Table(self.table(&e))),
                "ul" | "ol" | "dl" | "blockquote" | "figure" => {}
                _ if is_inline_only(&e) && !INLINE.contains(&name.as_str()) => {
                    self.paragraph(&e, out);
                }
                _ => self.blocks(e, depth + 1, out),
            }
        }
    }

    fn paragraph(&self, e: &ElementRef<'_>, out: &mut Vec<Block>) {
        let cell = self.cell(e);
        if !cell.plain.is_empty() {
            out.push(Block::Paragraph(Paragraph {
                markdown: cell.whole_markdown(),
                plain: cell.plain,
                location: cell.location,
            }));
        }
    }

    fn table(&self, table: &ElementRef<'_>) -> Table {
        let mut rows: Vec<(ElementRef<'_>, bool)> = Vec::new();
        collect_rows(table, false, &mut rows);
        let header_at = rows
            .iter()
            .position(|(tr, in_head)| {
                *in_head
                    || cells_of(tr)
                        .iter()
                        .any(|c| c.value().name().eq_ignore_ascii_case("th"))
            })
            .unwrap_or(0);
        let mut header = Vec::new();
        let mut body = Vec::new();
        for (i, (tr, _)) in rows.iter().enumerate() {
            let cells: Vec<Cell> = cells_of(tr).iter().map(|c| self.cell(c)).collect();
            if i == header_at {
                header = cells;
            } else if i > header_at {
                body.push(Row {
                    source_cells: cells.len(),
                    source: String::new(),
                    cells,
                    location: self.locate(tr),
                });
            }
        }
        Table {
            header,
            rows: body,
            location: self.locate(table),
        }
    }

    /// A cell or paragraph: its leading `<code>`, clean markdown of the rest, plain text.
    fn cell(&self, el: &ElementRef<'_>) -> Cell {
        let mut w = InlineWriter::new(self.base);
        let mut code = None;
        let mut started = false;
        for child in el.children() {
            if !started {
                match child.value() {
                    Node::Text(t) if t.trim().is_empty() => continue,
                    Node::Element(e) if e.name().eq_ignore_ascii_case("code") => {
                        started = true;
                        if let Some(c) = ElementRef::wrap(child) {
                            code = Some(text_of(&c));
                        }
                        continue;
                    }
                    _ => started = true,
                }
            }
            inline_node(child, &mut w, 0);
        }
        Cell::from_parts(
            code,
            w.finish_split(),
            collapse_whitespace(&text_of(el)),
            self.locate(el),
        )
    }
}

fn inline_node(node: NodeRef<'_, Node>, w: &mut InlineWriter<'_>, depth: usize) {
    if depth > 128 {
        return;
    }
    match node.value() {
        Node::Text(t) => w.text(t),
        Node::Element(_) => {
            let Some(e) = ElementRef::wrap(node) else {
                return;
            };
            if is_skipped(&e) {
                return;
            }
            let name = e.value().name().to_ascii_lowercase();
            let children = |w: &mut InlineWriter<'_>| {
                for c in e.children() {
                    inline_node(c, w, depth + 1);
                }
            };
            match name.as_str() {
                "br" => w.line_break(),
                "p" | "div" => {
                    w.line_break();
                    children(w);
                    w.line_break();
                }
                "ul" | "ol" => {
                    w.list_start(name == "ol");
                    children(w);
                    w.list_end();
                }
                "li" => {
                    w.item_start();
                    children(w);
                    w.item_end();
                }
                "strong" | "b" => {
                    w.strong();
                    children(w);
                    w.strong();
                }
                "em" | "i" => {
                    w.emphasis();
                    children(w);
                    w.emphasis();
                }
                "code" | "kbd" | "samp" | "tt" => w.code(&text_of(&e)),
                "a" => {
                    w.link_start(e.value().attr("href").unwrap_or(""));
                    children(w);
                    w.link_end();
                }
                "img" => {
                    if let Some(alt) = e.value().attr("alt") {
                        w.text(alt);
                    }
                }
                _ => children(w),
            }
        }
        _ => {}
    }
}

fn collect_rows<'a>(el: &ElementRef<'a>, in_head: bool, rows: &mut Vec<(ElementRef<'a>, bool)>) {
    for child in el.children() {
        let Some(e) = ElementRef::wrap(child) else {
            continue;
        };
        match e.value().name().to_ascii_lowercase().as_str() {
            "tr" => rows.push((e, in_head)),
            "thead" => collect_rows(&e, true, rows),
            "tbody" | "tfoot" => collect_rows(&e, in_head, rows),
            _ => {}
        }
    }
}

fn cells_of<'a>(tr: &ElementRef<'a>) -> Vec<ElementRef<'a>> {
    tr.children()
        .filter_map(ElementRef::wrap)
        .filter(|c| {
            let n = c.value().name();
            n.eq_ignore_ascii_case("td") || n.eq_ignore_ascii_case("th")
        })
        .collect()
}

/// Byte offsets of every start tag in the source, by lowercase tag name, in order.
/// Comments, doctypes, end tags and the content of raw-text elements are skipped, as
/// the HTML parser skips them.
fn start_tags(text: &str) -> HashMap<String, Vec<usize>> {
    let b = text.as_bytes();
    let lower = text.to_ascii_lowercase();
    let mut tags: HashMap<String, Vec<usize>> = HashMap::new();
    let mut i = 0;
    while let Some(rel) = text[i..].find('<') {
        let at = i + rel;
        let rest = &text[at..];
        if rest.starts_with("<!--") {
            i = text[at + 4..]
                .find("-->")
                .map_or(b.len(), |e| at + 4 + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            i = text[at..].find('>').map_or(b.len(), |e| at + e + 1);
            continue;
        }
        let name_len = rest[1..]
            .bytes()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-')
            .count();
        if name_len == 0 || !rest.as_bytes()[1].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        let name = rest[1..1 + name_len].to_ascii_lowercase();
        tags.entry(name.clone()).or_default().push(at);
        // Skip attributes, honouring quotes, to the end of the tag.
        let mut j = at + 1 + name_len;
        let mut quote: Option<u8> = None;
        while j < b.len() {
            match (quote, b[j]) {
                (None, b'>') => break,
                (None, q @ (b'"' | b'\'')) => quote = Some(q),
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            j += 1;
        }
        i = (j + 1).min(b.len());
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = lower[i..].find(&close).map_or(b.len(), |e| i + e);
        }
    }
    tags
}
