//! What readme.io adds to markdown, rewritten into plain CommonMark before parsing.
//!
//! - `[block:TYPE] {json} [/block]` directives: `api-header` becomes a level-1
//!   heading (it is how the page titles "HTTP status codes", "Error codes", ...);
//!   `parameters` (readme.io's JSON tables) becomes a pipe table; `code`, `callout`,
//!   `image`, `html` and `embed` are skipped; any other type is skipped with a warning.
//! - ATX headings without a space after the hashes (`##General status codes`) get one.
//!
//! Everything else is left to pulldown-cmark.

use super::source_map::{Rewriter, SourceMap};
use crate::diag::{json_error_message, json_error_offset, Diagnostic, Diagnostics, Location};
use serde_json::Value;

/// Block types that carry no codes and are dropped without comment.
const SKIPPED: [&str; 5] = ["code", "callout", "image", "html", "embed"];

/// Rewrites readme.io extensions in `text`. `locate` maps an offset of `text` to the
/// original file, for diagnostics.
pub fn preprocess(
    text: &str,
    locate: &dyn Fn(usize) -> Location,
    diags: &mut Diagnostics,
) -> (String, SourceMap) {
    let mut w = Rewriter::new(text);
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n');
    while let Some(line) = lines.next() {
        let start = offset;
        offset += line.len();
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = &line[indent..];
        if let Some(f) = fence {
            if body.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if body.starts_with("```") || body.starts_with("~~~") {
            fence = Some(&body[..3]);
            continue;
        }
        if indent <= 3 && body.starts_with("[block:") {
            let block_start = start + indent;
            let Some(close) = text[block_start..].find("[/block]") else {
                diags.push(
                    Diagnostic::error(locate(block_start), "unterminated readme.io block")
                        .with_snippet(body.trim_end())
                        .with_hint("every `[block:TYPE]` needs a matching `[/block]`"),
                );
                continue;
            };
            let block_end = block_start + close + "[/block]".len();
            w.copy_to(block_start);
            let replacement = block(text, block_start, block_end, locate, diags);
            w.skip_to(block_end);
            w.insert(&replacement, block_start);
            // Resume after the line holding `[/block]`.
            while offset < block_end {
                match lines.next() {
                    Some(l) => offset += l.len(),
                    None => break,
                }
            }
            continue;
        }
        if indent <= 3 {
            let hashes = body.bytes().take_while(|&b| b == b'#').count();
            if (1..=6).contains(&hashes)
                && body[hashes..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_whitespace() && c != '#')
            {
                let at = start + indent + hashes;
                w.copy_to(at);
                w.insert(" ", at);
            }
        }
    }
    w.finish()
}

/// The CommonMark that replaces the block `text[start..end]`.
fn block(
    text: &str,
    start: usize,
    end: usize,
    locate: &dyn Fn(usize) -> Location,
    diags: &mut Diagnostics,
) -> String {
    let src = &text[start..end];
    // The tag's `]` comes before the closing `[/block]` (`[block:[/block]` has none).
    let Some(tag_end) = src[..src.len() - "[/block]".len()].find(']') else {
        return String::from("\n\n");
    };
    let kind = src["[block:".len()..tag_end].trim();
    let json_start = start + tag_end + 1;
    let json_text = &text[json_start..end - "[/block]".len()];
    if SKIPPED.contains(&kind) {
        return String::from("\n\n");
    }
    if kind != "api-header" && kind != "parameters" {
        diags.push(
            Diagnostic::warning(
                locate(start),
                format!("skipped readme.io block of type `{kind}`"),
            )
            .with_hint("only api-header and parameters blocks can carry headings or codes"),
        );
        return String::from("\n\n");
    }
    let value: Value = match serde_json::from_str(json_text) {
        Ok(v) => v,
        Err(e) => {
            let at = json_start + json_error_offset(json_text, &e);
            diags.push(
                Diagnostic::error(
                    locate(at),
                    format!(
                        "invalid JSON in readme.io `{kind}` block: {}",
                        json_error_message(&e)
                    ),
                )
                .with_snippet(json_text.trim())
                .with_hint("the block body must be one JSON object"),
            );
            return String::from("\n\n");
        }
    };
    if kind == "api-header" {
        match value.get("title").and_then(Value::as_str) {
            Some(title) if !title.trim().is_empty() => {
                let one_line: String = title
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                format!("\n\n# {}\n\n", one_line.trim())
            }
            _ => {
                diags.push(
                    Diagnostic::warning(locate(start), "api-header block without a title")
                        .with_snippet(json_text.trim()),
                );
                String::from("\n\n")
            }
        }
    } else {
        parameters_table(&value).unwrap_or_else(|| {
            diags.push(
                Diagnostic::error(locate(start), "parameters block without a usable table")
                    .with_snippet(json_text.trim())
                    .with_hint("expected `cols`, `rows` and `data` with `h-N` and `R-C` cells"),
            );
            String::from("\n\n")
        })
    }
}

/// readme.io's JSON table: `{"data": {"h-0": "Id", "0-0": "3", ...}, "cols": 2, "rows": 1}`.
fn parameters_table(value: &Value) -> Option<String> {
    let cols = usize::try_from(value.get("cols")?.as_u64()?).ok()?;
    let rows = usize::try_from(value.get("rows")?.as_u64()?).ok()?;
    let data = value.get("data")?;
    if cols == 0 || cols > 64 {
        return None;
    }
    let cell = |key: String| {
        let raw = data.get(&key).and_then(Value::as_str).unwrap_or("");
        let mut out = String::with_capacity(raw.len());
        for c in raw.chars() {
            match c {
                '\n' => out.push_str("<br />"),
                '|' => out.push_str("\\|"),
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        }
        out
    };
    let mut table = String::from("\n\n|");
    for c in 0..cols {
        table.push_str(&cell(format!("h-{c}")));
        table.push('|');
    }
    table.push_str("\n|");
    table.push_str(&"---|".repeat(cols));
    for r in 0..rows {
        table.push_str("\n|");
        for c in 0..cols {
            table.push_str(&cell(format!("{r}-{c}")));
            table.push('|');
        }
    }
    table.push_str("\n\n");
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (String, Diagnostics) {
        let mut diags = Diagnostics::default();
        let (out, _) = preprocess(
            text,
            &|o| Location::new("t.md", 1, o as u32 + 1),
            &mut diags,
        );
        (out, diags)
    }

    #[test]
    fn api_header_becomes_heading_and_code_is_skipped() {
        let (out, diags) = run(
            "Intro\n[block:api-header]\n{ \"type\": \"basic\", \"title\": \"Error codes\" }\n[/block]\nText\n[block:code]\n{ \"codes\": [] }\n[/block]\n##General error codes\n",
        );
        assert_eq!(
            out,
            "Intro\n\n\n# Error codes\n\n\nText\n\n\n\n## General error codes\n"
        );
        assert!(diags.0.is_empty());
    }

    #[test]
    fn parameters_block_becomes_a_table() {
        let (out, _) = run(
            "[block:parameters]\n{\"data\": {\"h-0\": \"Id\", \"h-1\": \"Status\", \"0-0\": \"3\", \"0-1\": \"`A`|b\\nc\"}, \"cols\": 2, \"rows\": 1}\n[/block]\n",
        );
        assert_eq!(out, "\n\n|Id|Status|\n|---|---|\n|3|`A`\\|b<br />c|\n\n\n");
    }

    #[test]
    fn headings_in_fences_are_untouched() {
        let (out, _) = run("```\n#x\n```\n###y\n#### z\n");
        assert_eq!(out, "```\n#x\n```\n### y\n#### z\n");
    }

    #[test]
    fn a_block_whose_tag_is_not_closed_is_dropped() {
        // Found by fuzzing: the `]` of `[/block]` was taken for the tag's.
        for text in ["[block:[/block]", "[block:code[/block]\n## Title\n"] {
            let (out, diags) = run(text);
            assert!(diags.0.is_empty(), "{text}");
            assert!(!out.contains("[block:"), "{text}: {out}");
        }
    }

    #[test]
    fn reports_broken_blocks() {
        let (_, diags) = run("[block:api-header]\n{\"title\": }\n[/block]\n[block:weird]\n{}\n[/block]\n[block:callout]\n{");
        let msgs: Vec<_> = diags.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "invalid JSON in readme.io `api-header` block: expected value",
                "skipped readme.io block of type `weird`",
                "unterminated readme.io block"
            ]
        );
    }
}
