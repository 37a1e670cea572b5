//! Clean markdown from inline content, whatever form the page came in.
//!
//! Readers feed [`InlineWriter`] text, code spans, emphasis, links and the little HTML
//! the page uses inside table cells (`<ul><li>`, `<br />`). It writes one canonical
//! markdown string, so the same description reads the same from markdown, flattened
//! text or HTML:
//!
//! - whitespace runs collapse to one space; paragraphs are separated by a blank line;
//! - `<br>` starts a new paragraph; a single-item list is just its content, a longer
//!   list becomes `- item` lines;
//! - other HTML tags are kept as escaped text (`\<script>`), never as markup;
//! - text is escaped where markdown would read it as syntax;
//! - relative links are made absolute against the page's address.

use crate::doc_text::{code_span, escape_text};

/// Resolves link targets against the page they appear on.
#[derive(Clone, Debug, Default)]
pub struct LinkBase {
    /// The page's own address (`https://dev.infobip.com/getting-started/response-status-and-error-codes`).
    pub page_url: Option<String>,
}

impl LinkBase {
    /// `dest` as an absolute address when it is relative and the page's address is known.
    pub fn resolve(&self, dest: &str) -> String {
        let dest = dest.trim();
        let has_scheme = dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        let Some(page) = self.page_url.as_deref() else {
            return dest.to_owned();
        };
        if has_scheme || dest.is_empty() {
            return dest.to_owned();
        }
        let (scheme, rest) = page.split_once("://").unwrap_or(("https", page));
        let host_end = rest.find('/').unwrap_or(rest.len());
        let origin = format!("{scheme}://{}", &rest[..host_end]);
        if let Some(path) = dest.strip_prefix("//") {
            format!("{scheme}://{path}")
        } else if dest.starts_with('/') {
            format!("{origin}{dest}")
        } else if dest.starts_with('#') {
            let without_fragment = page.split('#').next().unwrap_or(page);
            format!("{without_fragment}{dest}")
        } else {
            let dir_end = page
                .rfind('/')
                .filter(|&i| i >= origin.len())
                .unwrap_or(page.len());
            format!("{}/{dest}", &page[..dir_end])
        }
    }
}

#[derive(Default)]
struct Sink {
    paragraphs: Vec<String>,
    current: String,
}

impl Sink {
    fn push_text(&mut self, s: &str) {
        // Whitespace runs become one space; runs of other characters are copied whole.
        let mut rest = s;
        while !rest.is_empty() {
            let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            self.current.push_str(&rest[..word_len]);
            rest = &rest[word_len..];
            let space_len = rest.len() - rest.trim_start().len();
            if space_len > 0 {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
                rest = &rest[space_len..];
            }
        }
    }

    fn push_raw(&mut self, s: &str) {
        self.current.push_str(s);
    }

    fn end_paragraph(&mut self) {
        let p = self.current.trim();
        if !p.is_empty() {
            self.paragraphs.push(escape_paragraph_start(p));
        }
        self.current.clear();
    }

    fn finish(mut self) -> Vec<String> {
        self.end_paragraph();
        self.paragraphs
    }
}

struct List {
    ordered: bool,
    items: Vec<Vec<String>>,
    item: Option<Sink>,
}

/// Builds clean markdown from inline events. See the module docs.
pub struct InlineWriter<'a> {
    base: &'a LinkBase,
    root: Sink,
    lists: Vec<List>,
    /// Open links: where the link text starts in the current sink, and the target.
    links: Vec<(usize, String)>,
    /// How many top-level paragraphs came before the first list, or before the first
    /// line break that follows some text: the cell's head (see [`InlineWriter::finish_split`]).
    head: Option<usize>,
}

impl<'a> InlineWriter<'a> {
    /// An empty writer resolving links against `base`.
    pub fn new(base: &'a LinkBase) -> Self {
        InlineWriter {
            base,
            root: Sink::default(),
            lists: Vec::new(),
            links: Vec::new(),
            head: None,
        }
    }

    /// Ends the head at a list (`list`) or a line break, unless it has ended.
    fn end_head(&mut self, list: bool) {
        if self.head.is_some() || !self.lists.is_empty() {
            return;
        }
        let text_before = !self.root.current.trim().is_empty() || !self.root.paragraphs.is_empty();
        if list || text_before {
            self.root.end_paragraph();
            self.head = Some(self.root.paragraphs.len());
        }
    }

    fn sink(&mut self) -> &mut Sink {
        match self.lists.last_mut() {
            None => &mut self.root,
            Some(list) => list.item.get_or_insert_with(Sink::default),
        }
    }

    /// Plain text (already unescaped); it is escaped as needed.
    pub fn text(&mut self, t: &str) {
        if self.lists.last().is_some_and(|l| l.item.is_none()) && t.trim().is_empty() {
            return; // whitespace between `</li>` and `<li>`
        }
        let escaped = escape_text(t);
        self.sink().push_text(&escaped);
    }

    /// An inline code span with content `c`.
    pub fn code(&mut self, c: &str) {
        let span = code_span(c);
        self.sink().push_raw(&span);
    }

    /// Opens `*emphasis*`.
    pub fn emphasis(&mut self) {
        self.sink().push_raw("*");
    }

    /// Opens or closes `**strong**`.
    pub fn strong(&mut self) {
        self.sink().push_raw("**");
    }

    /// Starts a link to `dest`.
    pub fn link_start(&mut self, dest: &str) {
        let at = self.sink().current.len();
        let dest = self.base.resolve(dest);
        self.links.push((at, dest));
    }

    /// Ends the innermost link.
    pub fn link_end(&mut self) {
        let Some((at, dest)) = self.links.pop() else {
            return;
        };
        let sink = self.sink();
        let at = at.min(sink.current.len());
        let raw = sink.current.split_off(at);
        let label = raw.trim();
        // Spaces inside the brackets (`[iOS ](...)and`) belong outside them.
        if raw.starts_with(' ') && !sink.current.ends_with(' ') {
            sink.push_raw(" ");
        }
        let dest_md = if dest.contains([' ', '(', ')', '<', '>']) {
            format!("<{}>", dest.replace('<', "%3C").replace('>', "%3E"))
        } else {
            dest.clone()
        };
        if label.is_empty() {
            if !dest.is_empty() {
                sink.push_raw(&format!("<{dest_md}>"));
            }
        } else if dest.is_empty() {
            sink.push_raw(label);
        } else {
            sink.push_raw(&format!("[{label}]({dest_md})"));
        }
        if raw.ends_with(' ') && !label.is_empty() {
            sink.push_raw(" ");
        }
    }

    /// A hard line break (`<br />`): starts a new paragraph.
    pub fn line_break(&mut self) {
        self.end_head(false);
        self.sink().end_paragraph();
    }

    /// `<ul>` or `<ol>`.
    pub fn list_start(&mut self, ordered: bool) {
        self.end_head(true);
        self.sink().end_paragraph();
        self.lists.push(List {
            ordered,
            items: Vec::new(),
            item: None,
        });
    }

    /// `<li>`.
    pub fn item_start(&mut self) {
        if let Some(list) = self.lists.last_mut() {
            if let Some(item) = list.item.take() {
                list.items.push(item.finish());
            }
            list.item = Some(Sink::default());
        }
    }

    /// `</li>`.
    pub fn item_end(&mut self) {
        if let Some(list) = self.lists.last_mut() {
            if let Some(item) = list.item.take() {
                list.items.push(item.finish());
            }
        }
    }

    /// `</ul>` or `</ol>`.
    pub fn list_end(&mut self) {
        let Some(mut list) = self.lists.pop() else {
            return;
        };
        if let Some(item) = list.item.take() {
            list.items.push(item.finish());
        }
        list.items.retain(|paragraphs| !paragraphs.is_empty());
        let rendered: Vec<String> = if list.items.len() == 1 {
            list.items.swap_remove(0)
        } else if list.items.is_empty() {
            Vec::new()
        } else {
            let lines: Vec<String> = list
                .items
                .iter()
                .enumerate()
                .map(|(i, paragraphs)| {
                    let marker = if list.ordered {
                        format!("{}.", i + 1)
                    } else {
                        "-".to_owned()
                    };
                    let indent = " ".repeat(marker.len() + 1);
                    format!("{marker} {}", paragraphs.join(&format!("\n\n{indent}")))
                })
                .collect();
            vec![lines.join("\n")]
        };
        let sink = self.sink();
        sink.end_paragraph();
        sink.paragraphs.extend(rendered);
    }

    /// Any other inline HTML tag: kept visible as text, never as markup.
    pub fn other_html(&mut self, raw: &str) {
        self.text(raw);
    }

    /// Interprets one raw inline HTML tag from a markdown source.
    pub fn html_tag(&mut self, raw: &str) {
        match HtmlTag::parse(raw) {
            Some(HtmlTag { name, closing, .. }) => match (name.as_str(), closing) {
                ("ul" | "ol", false) => self.list_start(name == "ol"),
                ("ul" | "ol", true) => self.list_end(),
                ("li", false) => self.item_start(),
                ("li", true) => self.item_end(),
                ("br", _) => self.line_break(),
                ("p", _) => self.line_break(),
                ("b" | "strong", _) => self.strong(),
                ("i" | "em", _) => self.emphasis(),
                _ => self.other_html(raw),
            },
            None => self.other_html(raw),
        }
    }

    /// The markdown written so far; open lists and links are closed first.
    pub fn finish(self) -> String {
        let (head, rest) = self.finish_split();
        super::outline::join_paragraphs(head, rest)
    }

    /// The markdown written so far in two parts: the head, what came before the first
    /// list or before the first line break that follows some text (`NAME` in
    /// `NAME<ul><li>...</li></ul>` or `NAME<br>...`; nothing in `<ul><li>...`), and the
    /// rest. Without a list or a break, the head is all of it.
    pub fn finish_split(mut self) -> (String, String) {
        while !self.links.is_empty() {
            self.link_end();
        }
        while !self.lists.is_empty() {
            self.list_end();
        }
        let head = self.head;
        let mut paragraphs = self.root.finish();
        let rest = match head {
            Some(n) => paragraphs.split_off(n.min(paragraphs.len())),
            None => Vec::new(),
        };
        (paragraphs.join("\n\n"), rest.join("\n\n"))
    }
}

/// A parsed HTML tag: `<li>`, `</ul>`, `<br />`.
struct HtmlTag {
    name: String,
    closing: bool,
}

impl HtmlTag {
    fn parse(raw: &str) -> Option<HtmlTag> {
        let inner = raw.trim().strip_prefix('<')?.strip_suffix('>')?;
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inner),
        };
        let name: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            return None;
        }
        Some(HtmlTag {
            name: name.to_ascii_lowercase(),
            closing,
        })
    }
}

/// Escapes a paragraph start that markdown would read as a block marker.
fn escape_paragraph_start(p: &str) -> String {
    let first = p.chars().next();
    let block_marker = match first {
        Some('#' | '>' | '+' | '=' | '-') => true,
        Some(c) if c.is_ascii_digit() => {
            let digits = p.chars().take_while(char::is_ascii_digit).count();
            matches!(p[digits..].chars().next(), Some('.' | ')'))
                && p[digits + 1..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        }
        _ => false,
    };
    if !block_marker {
        return p.to_owned();
    }
    match first {
        Some(c) if c.is_ascii_digit() => {
            let digits = p.chars().take_while(char::is_ascii_digit).count();
            format!("{}\\{}", &p[..digits], &p[digits..])
        }
        _ => format!("\\{p}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> LinkBase {
        LinkBase {
            page_url: Some(
                "https://dev.infobip.com/getting-started/response-status-and-error-codes".into(),
            ),
        }
    }

    #[test]
    fn resolves_links() {
        let b = base();
        assert_eq!(b.resolve("/docs/x"), "https://dev.infobip.com/docs/x");
        assert_eq!(
            b.resolve("#sec"),
            "https://dev.infobip.com/getting-started/response-status-and-error-codes#sec"
        );
        assert_eq!(
            b.resolve("other"),
            "https://dev.infobip.com/getting-started/other"
        );
        assert_eq!(b.resolve("//cdn.example/a"), "https://cdn.example/a");
        assert_eq!(b.resolve("https://e.org/a"), "https://e.org/a");
        assert_eq!(b.resolve("mailto:a@b.c"), "mailto:a@b.c");
        assert_eq!(LinkBase::default().resolve("/docs/x"), "/docs/x");
    }

    #[test]
    fn single_item_list_is_unwrapped_and_breaks_split_paragraphs() {
        let b = base();
        let mut w = InlineWriter::new(&b);
        for tag in ["<ul>", "<li>"] {
            w.html_tag(tag);
        }
        w.text("See the ");
        w.link_start("/docs/voice");
        w.text("docs ");
        w.link_end();
        w.text(".");
        w.html_tag("<br />");
        w.text("https://en.wikipedia.org/wiki/X ");
        for tag in ["</li>", "</ul>"] {
            w.html_tag(tag);
        }
        assert_eq!(
            w.finish(),
            "See the [docs](https://dev.infobip.com/docs/voice) .\n\nhttps://en.wikipedia.org/wiki/X"
        );
    }

    #[test]
    fn longer_lists_and_foreign_html() {
        let b = LinkBase::default();
        let mut w = InlineWriter::new(&b);
        w.html_tag("<ul>");
        w.html_tag("<li>");
        w.text("one");
        w.html_tag("</li>");
        w.text(" ");
        w.html_tag("<li>");
        w.text("two ");
        w.code("a`b");
        w.html_tag("</li>");
        w.html_tag("</ul>");
        w.html_tag("<script>");
        w.text("alert(1) */ \"# {x}");
        w.html_tag("</script>");
        assert_eq!(
            w.finish(),
            "- one\n- two ``a`b``\n\n\\<script>alert(1) \\*/ \"# {x}\\</script>"
        );
    }

    #[test]
    fn the_head_ends_at_the_first_list_or_at_a_break_after_text() {
        let split = |events: &[&str]| {
            let b = LinkBase::default();
            let mut w = InlineWriter::new(&b);
            for e in events {
                if e.starts_with('<') {
                    w.html_tag(e);
                } else {
                    w.text(e);
                }
            }
            w.finish_split()
        };
        let list = [
            "<ul>",
            "<li>",
            "Receiving user does not exist.",
            "</li>",
            "</ul>",
        ];
        assert_eq!(
            split(&list),
            (String::new(), "Receiving user does not exist.".to_owned())
        );
        let named: Vec<&str> = ["EC_UNKNOWN_USER"].iter().chain(&list).copied().collect();
        assert_eq!(
            split(&named),
            (
                "EC_UNKNOWN_USER".to_owned(),
                "Receiving user does not exist.".to_owned()
            )
        );
        // A break before any text (a wrapping `<p>`) does not end the head; one after does.
        assert_eq!(
            split(&["<p>", "NAME", "</p>", "Text."]),
            ("NAME".to_owned(), "Text.".to_owned())
        );
        assert_eq!(
            split(&["Only a name"]),
            ("Only a name".to_owned(), String::new())
        );
        assert_eq!(split(&[]), (String::new(), String::new()));
    }

    #[test]
    fn escapes_paragraph_starts() {
        assert_eq!(escape_paragraph_start("1. Not a list"), "1\\. Not a list");
        assert_eq!(
            escape_paragraph_start("# Not a heading"),
            "\\# Not a heading"
        );
        assert_eq!(escape_paragraph_start("2019 was"), "2019 was");
    }
}
