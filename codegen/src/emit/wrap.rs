//! Line wrapping for the generated file, so that reading it needs no horizontal
//! scrolling: doc comment paragraphs, and long string literals (with `\` line
//! continuations, which keep the string's value).

/// The widest line the wrapping aims for: prettyplease's own margin.
pub const WIDTH: usize = 89;

/// Whether a markdown line may start with `word` without changing what the text means: a
/// line that starts with `-`, `#`, `>`, `1.`, `<`, `|`, a fence and the like would start
/// a list, a heading, a quote, an HTML block or a table.
fn can_start_line(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    let only = |c: char| word.chars().all(|x| x == c);
    match first {
        c if c.is_ascii_digit() => {
            // `1.` and `1)` start ordered lists.
            let rest = word.trim_start_matches(|c: char| c.is_ascii_digit());
            !(rest.starts_with('.') || rest.starts_with(')'))
        }
        // A bullet, a thematic break or a setext underline needs the mark alone.
        '-' | '+' | '*' | '=' | '_' | '#' => word.len() > 1 && !only(first),
        // Fences.
        '`' | '~' => !word.starts_with("```") && !word.starts_with("~~~"),
        // A link reference definition.
        '[' => !word.contains("]:"),
        // Quotes, HTML blocks, tables.
        '>' | '<' | '|' => false,
        _ => true,
    }
}

/// Wraps markdown `text` so that its lines are at most `width` characters where a line
/// can be broken without changing the rendered text: outside code blocks and table rows,
/// between words, and never so that a line starts like a block (a list, heading or
/// fence). List items continue indented by two spaces.
pub fn markdown(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
    let mut in_fence = false;
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        // A table row is one line, however long.
        if in_fence || line.starts_with('|') || line.chars().count() <= width {
            out.push_str(line);
            continue;
        }
        let continuation = if line.starts_with("- ") { "  " } else { "" };
        let mut column = 0;
        for (j, word) in line.split(' ').enumerate() {
            let len = word.chars().count();
            if j > 0 {
                if column + 1 + len > width && can_start_line(word) && !word.is_empty() {
                    out.push('\n');
                    out.push_str(continuation);
                    column = continuation.len();
                } else {
                    out.push(' ');
                    column += 1;
                }
            }
            out.push_str(word);
            column += len;
        }
    }
    out
}

/// The source text of a string literal whose contents are `escaped` (already escaped,
/// without quotes, no raw line breaks), starting at `column`: when it is too long, it is
/// broken after a space with `\` line continuations, each continuation line indented by
/// `indent` spaces. A continuation skips the next line's leading whitespace, so a line
/// is only broken where the next one starts with a non-space character.
pub fn literal(escaped: &str, column: usize, indent: usize) -> String {
    let mut out = String::with_capacity(escaped.len() + 2);
    out.push('"');
    if column + escaped.chars().count() + 2 <= WIDTH {
        out.push_str(escaped);
        out.push('"');
        return out;
    }
    let mut col = column + 1;
    // Chunks: a run of non-spaces with the spaces that follow it.
    let mut rest = escaped;
    let mut first = true;
    while !rest.is_empty() {
        let word_end = rest.find(' ').unwrap_or(rest.len());
        let chunk_end = rest[word_end..]
            .find(|c| c != ' ')
            .map_or(rest.len(), |i| word_end + i);
        let (chunk, tail) = rest.split_at(chunk_end);
        let len = chunk.chars().count();
        let breakable = !first && !chunk.starts_with(' ');
        if breakable && col + len + 1 > WIDTH {
            out.push_str("\\\n");
            out.extend(std::iter::repeat_n(' ', indent));
            col = indent;
        }
        out.push_str(chunk);
        col += len;
        first = false;
        rest = tail;
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_breaks_between_words_only_where_safe() {
        let text = "one two three - four 5. six seven";
        // `-` and `5.` cannot start a line: they stay on theirs, even past the width.
        assert_eq!(markdown(text, 12), "one two\nthree - four 5.\nsix seven");
        for word in [
            "-", "*", "#", "##", "---", "===", "> q", "<b>", "|", "```", "[a]:", "12.",
        ] {
            assert!(!can_start_line(word), "{word}");
        }
        for word in [
            "word",
            "`code`",
            "[link](x)",
            "**bold**",
            "#tag",
            "-x",
            "(a",
            "2026",
            "é",
        ] {
            assert!(can_start_line(word), "{word}");
        }
        assert_eq!(
            markdown("- alpha beta gamma", 10),
            "- alpha\n  beta\n  gamma"
        );
        let fenced = "```\nlet x = a_long_line_that_stays_as_it_is();\n```";
        assert_eq!(markdown(fenced, 10), fenced);
        assert_eq!(markdown("short", 10), "short");
    }

    #[test]
    fn literals_keep_their_value() {
        let text = "The request was rejected.  Retry  later, or ask support about it.";
        let lit = literal(text, 60, 12);
        assert!(lit.lines().count() > 1, "{lit}");
        assert!(lit.lines().all(|l| l.len() <= WIDTH), "{lit}");
        // Rust's own reading of the continuation gives the text back.
        let value: String = {
            let body = &lit[1..lit.len() - 1];
            let mut out = String::new();
            let mut lines = body.split("\\\n");
            out.push_str(lines.next().unwrap_or_default());
            for l in lines {
                out.push_str(l.trim_start());
            }
            out
        };
        assert_eq!(value, text);
        assert_eq!(literal("short", 0, 4), "\"short\"");
    }
}
