//! Writing markdown text: escaping and code spans, shared by the readers (which produce
//! clean markdown) and the emitters (which put it into doc comments); and reading it back
//! as plain text ([`plain_text`]), for what the crate returns from `description()`.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Escapes what markdown would read as syntax inside a paragraph.
pub fn escape_text(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 8);
    let mut prev: Option<char> = None;
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let needs = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '|' => true,
            // Intraword underscores (EC_UNKNOWN_SUBSCRIBER) never emphasise.
            '_' => !(word(prev) && word(next)),
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            '~' => next == Some('~') || prev == Some('~'),
            _ => false,
        };
        if needs {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// `content` as an inline code span, with a fence longer than any backtick run inside.
pub fn code_span(content: &str) -> String {
    let c: String = content
        .chars()
        .map(|ch| if ch.is_whitespace() { ' ' } else { ch })
        .collect();
    let longest_run = c.split(|ch| ch != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let strips_spaces = c.starts_with(' ') && c.ends_with(' ') && !c.trim().is_empty();
    let pad = if c.starts_with('`') || c.ends_with('`') || strips_spaces {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{c}{pad}{fence}")
}

/// The text a reader sees in clean markdown (what the readers produce), for log lines,
/// dashboards and support tickets:
///
/// - escapes are resolved and code spans, emphasis and strong text lose their markers
///   (`` `from` `` is `from`, `\*` is `*`);
/// - a link is its text followed by its address in parentheses
///   (`[here](https://x.example/docs)` is `here (https://x.example/docs)`); an autolink,
///   or a link whose text is its address, is the address alone;
/// - every paragraph and every list item is a line of its own; items keep their marker
///   (`- ` or `1. `), and nested items are indented by two spaces per level;
/// - anything else that markdown would read as markup (raw HTML, a heading) is kept as
///   its text.
///
/// ```text
/// markdown     Use `from`, see [the docs](https://x.example/d).
///
///              - one \*
///              - two
/// plain text   Use from, see the docs (https://x.example/d).
///              - one *
///              - two
/// ```
pub fn plain_text(markdown: &str) -> String {
    let mut out = PlainText::default();
    for event in Parser::new(markdown) {
        out.event(event);
    }
    out.end_line();
    out.lines.join("\n")
}

/// The state of [`plain_text`]: the lines written, the one being written, open lists
/// and links.
#[derive(Default)]
struct PlainText {
    lines: Vec<String>,
    line: String,
    /// Per open list: the number of its next item, `None` for a bullet list.
    lists: Vec<Option<u64>>,
    /// Per open link: where its text starts in `line`, and its address.
    links: Vec<(usize, String)>,
}

impl PlainText {
    fn end_line(&mut self) {
        let text = self.line.trim_end();
        if !text.trim_start().is_empty() {
            self.lines.push(text.to_owned());
        }
        self.line.clear();
    }

    fn push(&mut self, text: &str) {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                self.end_line();
            }
            if self.line.is_empty() && !self.lists.is_empty() {
                // A later paragraph of a list item lines up with the item's text.
                self.line.push_str(&"  ".repeat(self.lists.len()));
            }
            self.line.push_str(part);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::List(first)) => {
                self.end_line();
                self.lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                self.end_line();
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                self.end_line();
                self.line
                    .push_str(&"  ".repeat(self.lists.len().saturating_sub(1)));
                match self.lists.last_mut() {
                    Some(Some(n)) => {
                        self.line.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => self.line.push_str("- "),
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                self.links.push((self.line.len(), dest_url.into_string()));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                let Some((at, dest)) = self.links.pop() else {
                    return;
                };
                let label = self.line.get(at..).unwrap_or_default().trim();
                let bare = dest.strip_prefix("mailto:").unwrap_or(&dest);
                if label.is_empty() {
                    self.push(&dest);
                } else if !dest.is_empty() && label != dest && label != bare {
                    self.push(&format!(" ({dest})"));
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                self.push(&t);
            }
            Event::SoftBreak => self.push(" "),
            Event::HardBreak
            | Event::Rule
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::Item,
            ) => self.end_line(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_what_markdown_reads() {
        assert_eq!(
            escape_text("EC_UNKNOWN_SUBSCRIBER"),
            "EC_UNKNOWN_SUBSCRIBER"
        );
        assert_eq!(
            escape_text("_x_ *y* [z] a|b &amp; 2 & 3"),
            "\\_x\\_ \\*y\\* \\[z\\] a\\|b \\&amp; 2 & 3"
        );
    }

    #[test]
    fn plain_text_resolves_markup() {
        // What the readers write for the page's cells, and what a user should see.
        let cases = [
            ("Plain words.", "Plain words."),
            (
                "Revisit the documentation [here](https://dev.infobip.com/docs/voice).",
                "Revisit the documentation here (https://dev.infobip.com/docs/voice).",
            ),
            (
                "Field `from` is \\*required\\*.",
                "Field from is *required*.",
            ),
            (
                "\\<script>alert(1) \\*/ \"# {x}\\</script>",
                "<script>alert(1) */ \"# {x}</script>",
            ),
            (
                "See <https://a.example/x_y> or <a@b.example>.",
                "See https://a.example/x_y or a@b.example.",
            ),
            (
                "[https://a.example](https://a.example)",
                "https://a.example",
            ),
            (
                "*Emphasis* and **strong** and a\\_b \\[c\\] \\| d \\&amp;",
                "Emphasis and strong and a_b [c] | d &amp;",
            ),
            (
                "Switched off.\n\nTry again later.",
                "Switched off.\nTry again later.",
            ),
            (
                "Reasons:\n\n- one\n- two ``a`b``",
                "Reasons:\n- one\n- two a`b",
            ),
            ("1. first\n2. second", "1. first\n2. second"),
            (
                "- one\n\n  more of one\n- two",
                "- one\n  more of one\n- two",
            ),
            (
                "1\\. Not a list. \\# Not a heading.",
                "1. Not a list. # Not a heading.",
            ),
            ("", ""),
        ];
        for (markdown, text) in cases {
            assert_eq!(plain_text(markdown), text, "{markdown}");
        }
    }

    #[test]
    fn code_spans_fence_backticks() {
        assert_eq!(code_span("NAME"), "`NAME`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span(" x "), "`  x  `");
    }
}
