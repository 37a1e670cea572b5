//! Located diagnostics: every problem the generator reports points at `path:line:col`.

use std::fmt;

/// A position in a page file: 1-based line and column (columns count characters).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The page's path as given to the generator (relative paths stay relative).
    pub path: String,
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub col: u32,
}

impl Location {
    /// A location at `line:col` of `path`.
    pub fn new(path: impl Into<String>, line: u32, col: u32) -> Self {
        Location {
            path: path.into(),
            line,
            col,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.col)
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Suspicious but valid input: generation goes on.
    Warning,
    /// Input the generator refuses: nothing is generated.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem found in a page, with where it is, the offending text and a hint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// Where the problem is.
    pub location: Location,
    /// What is wrong, in one line.
    pub message: String,
    /// The offending text, quoted as found (shortened when long).
    pub snippet: Option<String>,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `location`.
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            location,
            message: message.into(),
            snippet: None,
            hint: None,
        }
    }

    /// A warning at `location`.
    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(location, message)
        }
    }

    /// Attaches the offending text.
    pub fn with_snippet(mut self, snippet: impl AsRef<str>) -> Self {
        self.snippet = Some(shorten(snippet.as_ref(), 120));
        self
    }

    /// Attaches a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this diagnostic stops generation.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.location, self.severity, self.message)?;
        if let Some(snippet) = &self.snippet {
            write!(f, "\n  | {snippet}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// Everything the pipeline reported, in the order found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Records a diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The errors, in order.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }

    /// The warnings, in order.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| !d.is_error())
    }

    /// Appends all of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Sorts by location, errors before warnings at the same place, keeping the
    /// original order otherwise; reporting is then stable whatever order the
    /// checks ran in.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (
                &a.location.path,
                a.location.line,
                a.location.col,
                b.severity,
            )
                .cmp(&(
                    &b.location.path,
                    b.location.line,
                    b.location.col,
                    a.severity,
                ))
        });
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

fn shorten(text: &str, max_chars: usize) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= max_chars {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(max_chars).collect();
        cut.push('…');
        cut
    }
}

/// The byte offset in `text` at which serde_json reported `error`: its 1-based line, and
/// its column counted in bytes.
pub fn json_error_offset(text: &str, error: &serde_json::Error) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    (line_start + error.column().saturating_sub(1)).min(text.len())
}

/// serde_json's message for `error`, without the `at line L column C` that a located
/// diagnostic already says better.
pub fn json_error_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// Maps byte offsets of one file to 1-based `line:col` locations.
#[derive(Clone, Debug)]
pub struct LineIndex {
    path: String,
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`, the full contents of the file at `path`.
    pub fn new(path: &str, text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            path: path.to_owned(),
            line_starts,
        }
    }

    /// The path this index was built for.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The location of byte `offset` in `text` (the same text given to [`LineIndex::new`]).
    pub fn locate(&self, text: &str, offset: usize) -> Location {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let col = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        Location {
            path: self.path.clone(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_character_columns() {
        let text = "ab\ncdé|f\n";
        let idx = LineIndex::new("p.md", text);
        assert_eq!(idx.locate(text, 0).to_string(), "p.md:1:1");
        assert_eq!(idx.locate(text, 3).to_string(), "p.md:2:1");
        // 'é' is two bytes but one column.
        let bar = text.find('|').unwrap();
        assert_eq!(idx.locate(text, bar).to_string(), "p.md:2:4");
        assert_eq!(idx.locate(text, text.len()).to_string(), "p.md:3:1");
    }

    #[test]
    fn display_has_location_snippet_and_hint() {
        let d = Diagnostic::error(Location::new("a.md", 3, 7), "non-numeric id")
            .with_snippet("x\n1")
            .with_hint("ids are integers");
        assert_eq!(
            d.to_string(),
            "a.md:3:7: error: non-numeric id\n  | x 1\n  = hint: ids are integers"
        );
    }
}
