//! Text rewriting that remembers where every byte came from.
//!
//! Readers normalise a page before parsing it (restore line breaks, rewrite readme.io
//! directives, add the space readme.io omits after `##`). Diagnostics must still point
//! into the file the user has, so each rewrite records a [`SourceMap`] and a
//! [`Prepared`] text composes them.

use crate::diag::{LineIndex, Location};

#[derive(Clone, Copy, Debug)]
struct Segment {
    /// Start offset in the rewritten text.
    out: usize,
    /// Offset in the input text that `out` corresponds to.
    src: usize,
    /// Copied text advances in step with the input; inserted text all maps to `src`.
    copied: bool,
}

/// Maps byte offsets of a rewritten text back to offsets of its input.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    segments: Vec<Segment>,
}

impl SourceMap {
    /// The input offset that rewritten offset `out` came from.
    pub fn to_src(&self, out: usize) -> usize {
        let i = self.segments.partition_point(|s| s.out <= out);
        match i.checked_sub(1).and_then(|i| self.segments.get(i)) {
            None => out,
            Some(s) if s.copied => s.src + (out - s.out),
            Some(s) => s.src,
        }
    }
}

/// Builds a rewritten copy of `input`: copy spans, skip spans, insert text.
pub struct Rewriter<'a> {
    input: &'a str,
    out: String,
    pos: usize,
    segments: Vec<Segment>,
}

impl<'a> Rewriter<'a> {
    /// Starts rewriting `input` from its first byte.
    pub fn new(input: &'a str) -> Self {
        Rewriter {
            input,
            out: String::with_capacity(input.len() + input.len() / 16),
            pos: 0,
            segments: Vec::new(),
        }
    }

    /// Copies the input up to byte `end` (a char boundary at or after `pos`).
    pub fn copy_to(&mut self, end: usize) {
        let end = end.clamp(self.pos, self.input.len());
        if end > self.pos {
            self.segments.push(Segment {
                out: self.out.len(),
                src: self.pos,
                copied: true,
            });
            self.out.push_str(&self.input[self.pos..end]);
            self.pos = end;
        }
    }

    /// Skips the input up to byte `end` without copying it.
    pub fn skip_to(&mut self, end: usize) {
        self.pos = end.clamp(self.pos, self.input.len());
    }

    /// Inserts `text`; every byte of it maps to input offset `anchor`.
    pub fn insert(&mut self, text: &str, anchor: usize) {
        if !text.is_empty() {
            self.segments.push(Segment {
                out: self.out.len(),
                src: anchor,
                copied: false,
            });
            self.out.push_str(text);
        }
    }

    /// Copies the rest of the input and returns the rewritten text with its map.
    pub fn finish(mut self) -> (String, SourceMap) {
        self.copy_to(self.input.len());
        (
            self.out,
            SourceMap {
                segments: self.segments,
            },
        )
    }
}

/// A page's text after every normalisation step, able to locate any of its offsets
/// in the original file.
pub struct Prepared<'a> {
    original: &'a str,
    index: LineIndex,
    /// Offset of the text that the first step started from, within `original`.
    base: usize,
    maps: Vec<SourceMap>,
    /// The text the parser reads.
    pub text: String,
}

impl<'a> Prepared<'a> {
    /// Starts from `original[range]` (the part of the file that holds the page).
    pub fn new(path: &str, original: &'a str, range: std::ops::Range<usize>) -> Self {
        Prepared {
            original,
            index: LineIndex::new(path, original),
            base: range.start,
            maps: Vec::new(),
            text: original.get(range).unwrap_or_default().to_owned(),
        }
    }

    /// Applies one rewrite step to the current text.
    pub fn rewrite(&mut self, step: impl FnOnce(&str) -> (String, SourceMap)) {
        let (text, map) = step(&self.text);
        self.apply(text, map);
    }

    /// Replaces the current text by `text`, a rewrite of it described by `map`.
    pub fn apply(&mut self, text: String, map: SourceMap) {
        self.text = text;
        self.maps.push(map);
    }

    /// The original-file offset of byte `offset` of the current text.
    pub fn original_offset(&self, offset: usize) -> usize {
        let local = self
            .maps
            .iter()
            .rev()
            .fold(offset, |off, map| map.to_src(off));
        self.base + local
    }

    /// The location in the original file of byte `offset` of the current text.
    pub fn locate(&self, offset: usize) -> Location {
        self.index
            .locate(self.original, self.original_offset(offset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copied_skipped_and_inserted_text() {
        let input = "ab cd ef";
        let mut w = Rewriter::new(input);
        w.copy_to(2); // "ab"
        w.skip_to(3); // drop ' '
        w.insert("\n", 2);
        w.copy_to(5); // "cd"
        w.insert("XY", 5);
        let (out, map) = w.finish();
        assert_eq!(out, "ab\ncdXY ef");
        assert_eq!(map.to_src(0), 0);
        assert_eq!(map.to_src(2), 2); // the inserted newline
        assert_eq!(map.to_src(3), 3); // 'c'
        assert_eq!(map.to_src(6), 5); // inside "XY"
        assert_eq!(map.to_src(8), 6); // 'e'
    }

    #[test]
    fn composes_steps_and_locates_in_original() {
        let original = "head\n\tbody one";
        let base = original.find("body").unwrap();
        let mut p = Prepared::new("x.txt", original, base..original.len());
        p.rewrite(|t| {
            let mut w = Rewriter::new(t);
            w.copy_to(4);
            w.insert("\n\n", 4);
            w.finish()
        });
        assert_eq!(p.text, "body\n\n one");
        let one = p.text.find("one").unwrap();
        assert_eq!(p.locate(one).to_string(), "x.txt:2:7");
    }
}
