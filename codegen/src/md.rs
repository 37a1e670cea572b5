//! Writing markdown text: escaping and code spans, shared by the readers (which produce
//! clean markdown) and the emitters (which put it into doc comments).

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
    fn code_spans_fence_backticks() {
        assert_eq!(code_span("NAME"), "`NAME`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span(" x "), "`  x  `");
    }
}
