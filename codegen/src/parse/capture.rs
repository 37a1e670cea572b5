//! The crawler capture: a dump of the rendered page's element tree.
//!
//! ```text
//! Node:
//! (type) c
//! (layer)1
//!     Element:hr
//!         While using our API ... |Id|Status| |-|-| |3|`PENDING_WAITING_DELIVERY`...
//! ```
//!
//! Structural lines are `Node:`, `(type) ...`, `(layer)N` and `Element:TAG`; every other
//! line is text content. The article body is the text line that carries the page's
//! markdown: the flattened readme.io source. This module finds it; `flattened` restores it.

/// Whether `text` looks like a crawler capture.
pub fn is_capture(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    lines.next() == Some("Node:") && text.contains("(type)") && text.contains("Element:")
}

/// The byte range of the article body within the capture, or `None` when no text line
/// holds a markdown table.
pub fn body_range(text: &str) -> Option<std::ops::Range<usize>> {
    let mut best: Option<(usize, std::ops::Range<usize>)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        if is_structural(trimmed) {
            continue;
        }
        // The body is the line with the most table cells.
        let pipes = trimmed.bytes().filter(|&b| b == b'|').count();
        if pipes >= 4 && best.as_ref().is_none_or(|(n, _)| pipes > *n) {
            let body_start = start + (content.len() - trimmed.len());
            best = Some((pipes, body_start..start + content.len()));
        }
    }
    best.map(|(_, r)| r)
}

fn is_structural(line: &str) -> bool {
    line.is_empty()
        || line == "Node:"
        || line.starts_with("(type)")
        || line.starts_with("(layer)")
        || line.starts_with("Element:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_body_line() {
        let capture = "Node:\n(type) c\n(layer)0\n\tElement:body\n\t\tTitle\n\t\tElement:hr\n\t\t\tIntro |Id|Status| |-|-| |3|`A`|\n\tElement:footer\n";
        assert!(is_capture(capture));
        let r = body_range(capture).unwrap();
        assert_eq!(&capture[r], "Intro |Id|Status| |-|-| |3|`A`|");
        assert!(!is_capture("# Markdown\n|Id|Status|"));
        assert_eq!(body_range("Node:\n(type) c\n\tno tables here\n"), None);
    }
}
