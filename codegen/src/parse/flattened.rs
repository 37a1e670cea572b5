//! Flattened markdown: the page's markdown with every line break turned into a space,
//! as crawlers and copy-paste deliver it.
//!
//! [`unflatten`] puts the line breaks back where the markdown needs them, turning the
//! space that stood there into a newline (or inserting one where there was no space),
//! and touching nothing else:
//!
//! - tables: the delimiter row (`|-|-|`) fixes the column count, which splits the header
//!   and each following row (a row is `columns + 1` unescaped pipes);
//! - readme.io `[block:TYPE] ... [/block]` directives go on lines of their own;
//! - headings (`##Voice status codes`) start a line, and end where the heading grammar
//!   of the page ends them: after `(group id: N) - ... codes`, `/ Group ID: N`, an
//!   `[#anchor]`, or the words `status codes` / `error codes` and a parenthesis;
//! - `Group ID: N` after a heading, and ` * ` list items, start lines.
//!
//! Heading ends are a heuristic: flattened text has lost the information, and this is
//! the recovery MAINTAINING.md documents. The restored markdown is what `docs-source/`
//! vendors, so a maintainer can read and review it.

use super::source_map::{Rewriter, SourceMap};
use std::collections::BTreeSet;

/// Whether `text` holds a table whose header and delimiter rows share a line
/// (`|Id|Status| |-|-|`), the mark of flattened markdown.
pub fn looks_flattened(text: &str) -> bool {
    text.lines().any(|line| !find_tables(line).is_empty())
}

/// Restores the line structure of flattened markdown.
pub fn unflatten(text: &str) -> (String, SourceMap) {
    let b = text.as_bytes();
    let tables = find_tables(text);
    let blocks = find_blocks(text, &tables);
    let in_table = |i: usize| tables.iter().any(|t| (t.header..t.end).contains(&i));
    let in_block = |i: usize| blocks.iter().any(|&(s, e)| (s..e).contains(&i));

    let mut breaks = BTreeSet::new();
    let mut starts: Vec<usize> = Vec::new(); // every structural start, for heading limits
    for t in &tables {
        breaks.insert(t.header);
        breaks.insert(t.delim);
        breaks.extend(t.rows.iter().copied());
        breaks.insert(after(b, t.end));
        starts.push(t.header);
    }
    for &(s, e) in &blocks {
        breaks.insert(s);
        starts.push(s);
        let body = &text[s..e];
        if let Some(close_tag) = body.find(']') {
            breaks.insert(after(b, s + close_tag + 1));
        }
        if let Some(end_tag) = body.rfind("[/block]") {
            breaks.insert(s + end_tag);
        }
        breaks.insert(after(b, e));
    }
    let headings: Vec<(usize, usize)> = (0..b.len())
        .filter(|&i| !in_table(i) && !in_block(i))
        .filter_map(|i| heading_at(b, i).map(|text_start| (i, text_start)))
        .collect();
    starts.extend(headings.iter().map(|&(i, _)| i));
    starts.sort_unstable();

    for &(start, text_start) in &headings {
        breaks.insert(start);
        let limit = starts
            .iter()
            .copied()
            .find(|&s| s > start)
            .unwrap_or(b.len());
        let end = text_start + heading_len(&text[text_start..limit]);
        if end < limit {
            let next = after(b, end);
            breaks.insert(next);
            if let Some(id_end) = group_id_line(&text[next..limit]) {
                breaks.insert(after(b, next + id_end));
            }
        }
    }
    for i in 1..b.len().saturating_sub(1) {
        if b[i] == b'*' && b[i - 1] == b' ' && b[i + 1] == b' ' && !in_table(i) && !in_block(i) {
            breaks.insert(i);
        }
    }

    let mut w = Rewriter::new(text);
    for &p in breaks.iter().filter(|&&p| p > 0 && p < b.len()) {
        match b[p - 1] {
            b'\n' => {}
            b' ' => {
                w.copy_to(p - 1);
                w.insert("\n", p - 1);
                w.skip_to(p);
            }
            _ => {
                w.copy_to(p);
                w.insert("\n", p);
            }
        }
    }
    w.finish()
}

/// Where the next line starts after a construct ending at `end`: past the spaces.
fn after(b: &[u8], end: usize) -> usize {
    end + b[end.min(b.len())..]
        .iter()
        .take_while(|&&c| c == b' ')
        .count()
}

struct TableSpan {
    header: usize,
    delim: usize,
    rows: Vec<usize>,
    end: usize,
}

fn escaped(b: &[u8], i: usize) -> bool {
    b[..i].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1
}

fn is_pipe(b: &[u8], i: usize) -> bool {
    b[i] == b'|' && !escaped(b, i)
}

fn find_tables(text: &str) -> Vec<TableSpan> {
    let b = text.as_bytes();
    let mut tables: Vec<TableSpan> = Vec::new();
    let mut i = 2;
    while i < b.len() {
        let floor = tables.last().map_or(0, |t| t.end);
        if b[i] == b'|' && b[i - 1] == b' ' && is_pipe(b, i - 2) {
            if let Some((cols, delim_end)) = delimiter_row(b, i) {
                if let Some(header) = header_start(b, i - 2, cols, floor) {
                    let (rows, end) = rows_after(b, delim_end, cols);
                    tables.push(TableSpan {
                        header,
                        delim: i,
                        rows,
                        end,
                    });
                    i = end.max(i + 1);
                    continue;
                }
            }
        }
        i += 1;
    }
    tables
}

/// Parses a delimiter row starting at the pipe `b[i]`: `|-|:--:| --- |`. Returns the
/// column count and the offset just past its last pipe.
fn delimiter_row(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let mut j = i + 1;
    let mut cols = 0;
    loop {
        let mut k = j;
        while b.get(k) == Some(&b' ') {
            k += 1;
        }
        if b.get(k) == Some(&b':') {
            k += 1;
        }
        let dashes = b[k.min(b.len())..]
            .iter()
            .take_while(|&&c| c == b'-')
            .count();
        if dashes == 0 {
            break;
        }
        k += dashes;
        if b.get(k) == Some(&b':') {
            k += 1;
        }
        while b.get(k) == Some(&b' ') {
            k += 1;
        }
        if b.get(k) != Some(&b'|') {
            break;
        }
        cols += 1;
        j = k + 1;
    }
    (cols > 0).then_some((cols, j))
}

/// Walks back from the header's closing pipe at `last` to the pipe that opens the
/// header row (`cols + 1` pipes in all), not crossing `floor`.
fn header_start(b: &[u8], last: usize, cols: usize, floor: usize) -> Option<usize> {
    let mut seen = 0;
    let mut k = last + 1;
    while k > floor {
        k -= 1;
        if b[k] == b'\n' {
            return None;
        }
        if is_pipe(b, k) {
            seen += 1;
            if seen == cols + 1 {
                return Some(k);
            }
        }
    }
    None
}

/// The rows after a delimiter row ending at `pos`: each is ` |` then `cols + 1` pipes.
fn rows_after(b: &[u8], mut pos: usize, cols: usize) -> (Vec<usize>, usize) {
    let mut rows = Vec::new();
    while b.get(pos) == Some(&b' ') && b.get(pos + 1) == Some(&b'|') {
        let start = pos + 1;
        rows.push(start);
        let mut seen = 0;
        let mut k = start;
        pos = b.len();
        while k < b.len() && b[k] != b'\n' {
            if is_pipe(b, k) {
                seen += 1;
                if seen == cols + 1 {
                    pos = k + 1;
                    break;
                }
            }
            k += 1;
        }
        if seen < cols + 1 {
            pos = k;
            break;
        }
    }
    (rows, pos)
}

/// `[block:TYPE] ... [/block]` spans outside tables.
fn find_blocks(text: &str, tables: &[TableSpan]) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(rel) = text[from..].find("[block:") {
        let start = from + rel;
        let Some(close) = text[start..].find("[/block]") else {
            break;
        };
        let end = start + close + "[/block]".len();
        if !tables.iter().any(|t| (t.header..t.end).contains(&start)) {
            blocks.push((start, end));
        }
        from = end;
    }
    blocks
}

/// If a heading starts at `b[i]`, the offset of its text.
///
/// `##Title` (readme.io omits the space) and `## Title` from level 2 up; `# Title` with
/// its space at level 1, so that `#5` in prose is not a heading.
fn heading_at(b: &[u8], i: usize) -> Option<usize> {
    if b[i] != b'#' || (i > 0 && b[i - 1] != b' ' && b[i - 1] != b'\n') {
        return None;
    }
    let level = b[i..].iter().take_while(|&&c| c == b'#').count();
    let next = b.get(i + level).copied();
    let after_space = b.get(i + level + 1).copied();
    let starts_word = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphabetic() || c >= 0x80);
    match (level, next) {
        (1..=6, Some(b' ')) if starts_word(after_space) => Some(i + level + 1),
        (2..=6, c) if starts_word(c) => Some(i + level),
        _ => None,
    }
}

/// The length of a heading's text at the start of `rest` (which runs up to the next
/// structural element).
fn heading_len(rest: &str) -> usize {
    let lower = rest.to_ascii_lowercase();
    // `PENDING (group id: 1) - general status codes`
    if let Some(p) = lower.find("(group id:") {
        if let Some(q) = lower[p..].find(')') {
            let after_paren = p + q + 1;
            let tail = &lower[after_paren..];
            let dash = tail.trim_start();
            if dash.starts_with("- ") || dash.starts_with("– ") {
                if let Some(c) = words_end(tail, "codes") {
                    return after_paren + with_parenthesis(&rest[after_paren..], c);
                }
            }
            return after_paren;
        }
    }
    // `PENDING / Group ID: 1`
    if let Some(p) = lower.find("/ group id:") {
        let digits_from = p + "/ group id:".len();
        return digits_from + digits_len(&rest[digits_from..]);
    }
    // `Handset errors (general) [#handset-errors-general-general-error-codes]`
    if let Some(p) = lower.find("[#") {
        if let Some(q) = lower[p..].find(']') {
            return p + q + 1;
        }
    }
    // `Chat error codes (Facebook messenger, Line, Viber)`, `Voice status codes (DEPRECATED)`
    for phrase in ["status codes", "error codes"] {
        if let Some(c) = words_end(&lower, phrase) {
            return with_parenthesis(rest, c);
        }
    }
    rest.trim_end().len()
}

/// The offset just past the first whole-word occurrence of `phrase` in `s`.
fn words_end(s: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = s[from..].find(phrase) {
        let start = from + rel;
        let end = start + phrase.len();
        let before_ok = start == 0 || !s.as_bytes()[start - 1].is_ascii_alphanumeric();
        let after_ok = s
            .as_bytes()
            .get(end)
            .is_none_or(|c| !c.is_ascii_alphanumeric());
        if before_ok && after_ok {
            return Some(end);
        }
        from = end;
    }
    None
}

/// Extends `end` over a following ` (...)`.
fn with_parenthesis(s: &str, end: usize) -> usize {
    let tail = &s[end..];
    let trimmed = tail.trim_start_matches(' ');
    if trimmed.starts_with('(') {
        if let Some(close) = trimmed.find(')') {
            return end + (tail.len() - trimmed.len()) + close + 1;
        }
    }
    end
}

fn digits_len(s: &str) -> usize {
    let spaces = s.len() - s.trim_start_matches(' ').len();
    let digits = s[spaces..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        0
    } else {
        spaces + digits
    }
}

/// The length of `Group ID: N` at the start of `s`, if it is there.
fn group_id_line(s: &str) -> Option<usize> {
    let prefix = "group id:";
    let head = s.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    match digits_len(&s[prefix.len()..]) {
        0 => None,
        n => Some(prefix.len() + n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restore(s: &str) -> String {
        let (out, _) = unflatten(s);
        // Only spaces may turn into newlines where a space stood.
        out
    }

    #[test]
    fn restores_sections_groups_and_tables() {
        let flat = "Intro text. ##General status codes ###PENDING (group id: 1) - general status codes Message is pending. |Id|Status| |-|-| |3|`A`<ul><li>x, y</li></ul>| |7|`B`<ul><li>z</li></ul>| ###DELIVERED (group id: 3) - general status codes Done. |Id|Status| |-|-| |5|`C`|";
        let out = restore(flat);
        assert_eq!(
            out,
            "Intro text.\n##General status codes\n###PENDING (group id: 1) - general status codes\nMessage is pending.\n|Id|Status|\n|-|-|\n|3|`A`<ul><li>x, y</li></ul>|\n|7|`B`<ul><li>z</li></ul>|\n###DELIVERED (group id: 3) - general status codes\nDone.\n|Id|Status|\n|-|-|\n|5|`C`|"
        );
        assert_eq!(out.replace('\n', " "), flat, "only spaces become newlines");
    }

    #[test]
    fn restores_blocks_lists_and_modern_headings() {
        let flat = "Lists: * [A](#a) * [B](#b) [block:api-header] { \"title\": \"Error codes\" } [/block] Error object. ## Handset errors (general) [#handset-errors] Group ID: 1 Handset issues. | ID | Permanent | Error | Description | | --- | --- | --- | --- | | 1 | true | EC_X | Gone. |";
        let out = restore(flat);
        assert_eq!(
            out,
            "Lists:\n* [A](#a)\n* [B](#b)\n[block:api-header]\n{ \"title\": \"Error codes\" }\n[/block]\nError object.\n## Handset errors (general) [#handset-errors]\nGroup ID: 1\nHandset issues.\n| ID | Permanent | Error | Description |\n| --- | --- | --- | --- |\n| 1 | true | EC_X | Gone. |"
        );
    }

    #[test]
    fn prose_hashes_and_escaped_pipes_are_left_alone() {
        let flat = "See item #5 and (#anchor). |A|B| |-|-| |1|x \\| y|";
        let out = restore(flat);
        assert_eq!(out, "See item #5 and (#anchor).\n|A|B|\n|-|-|\n|1|x \\| y|");
        assert!(looks_flattened(flat));
        assert!(!looks_flattened("|A|B|\n|-|-|\n|1|2|"));
    }

    #[test]
    fn inserts_newlines_where_no_space_stood() {
        let (out, map) = unflatten("Text|A| |-|");
        assert_eq!(out, "Text\n|A|\n|-|");
        // 'A' sits one byte later in the output than in the input.
        assert_eq!(map.to_src(out.find('A').unwrap()), 5);
    }
}
