//! Readers: one module per input form, all producing an [`outline::Outline`] that
//! [`structure`] turns into the catalog.
//!
//! | form | module | how it is recognised |
//! | --- | --- | --- |
//! | readme.io markdown | [`readme`] + [`markdown`] | `.md` file |
//! | flattened markdown | [`flattened`], then as markdown | a table's header and delimiter rows on one line |
//! | crawler capture | [`capture`], then as flattened | a `Node:` / `Element:` dump |
//! | rendered HTML | [`html`] (feature `html`) | `.html` / `.htm` file |
//! | text saved from a browser | [`text`] | a line `Id<TAB>Status`: a codes table's header, cells between tabs |

pub mod capture;
pub mod flattened;
pub mod headings;
#[cfg(feature = "html")]
pub mod html;
pub mod inline;
pub mod markdown;
pub mod outline;
pub mod readme;
pub mod source_map;
pub mod structure;
pub mod text;

use crate::diag::{Diagnostic, Diagnostics, LineIndex, Location};
use crate::freshness;
use crate::model::{Catalog, Form, SourcePage};
use inline::LinkBase;
use source_map::Prepared;
use std::path::Path;

/// How to read a page.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// The page's own address, against which relative links are made absolute.
    pub page_url: Option<String>,
}

/// The page extensions read as rendered HTML: the last two of
/// [`freshness::PAGE_EXTENSIONS`], which decides what a page is; the others are markdown.
const HTML_EXTENSIONS: &[&str] = freshness::PAGE_EXTENSIONS.split_at(2).1;

/// Whether `path` names a rendered HTML page: a page file ([`freshness::is_page`]) with
/// an HTML extension. Any other page file is read as markdown, in one of its forms.
pub(crate) fn is_html_page(path: &str) -> bool {
    freshness::is_page(path)
        && Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| HTML_EXTENSIONS.iter().any(|h| e.eq_ignore_ascii_case(h)))
}

/// The form of a page, from its path and contents.
pub fn detect_form(path: &str, text: &str) -> Form {
    if is_html_page(path) {
        Form::Html
    } else if capture::is_capture(text) {
        Form::Capture
    } else if flattened::looks_flattened(text) {
        Form::Flattened
    } else if text::looks_like_text(text) {
        Form::Text
    } else {
        Form::Markdown
    }
}

/// Reads one page. Problems go to `diags`; the catalog holds every code read, and is
/// only fit for generation when `diags` has no errors.
pub fn read_page(
    path: &str,
    bytes: &[u8],
    sha256: String,
    options: &ReadOptions,
    diags: &mut Diagnostics,
) -> Catalog {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let at = LineIndex::new(path, valid).locate(valid, valid.len());
            let bad: Vec<String> = bytes[e.valid_up_to()..]
                .iter()
                .take(4)
                .map(|b| format!("{b:#04x}"))
                .collect();
            diags.push(
                Diagnostic::error(at, "input is not UTF-8")
                    .with_snippet(format!("bytes {}", bad.join(" ")))
                    .with_hint("save the page as UTF-8 (browsers and editors offer it under Save As / encoding)"),
            );
            return Catalog {
                sources: vec![SourcePage {
                    path: path.to_owned(),
                    sha256,
                    form: Form::Markdown,
                    url: options.page_url.clone(),
                    retrieved: None,
                }],
                ..Catalog::default()
            };
        }
    };
    let form = detect_form(path, text);
    let source = SourcePage {
        path: path.to_owned(),
        sha256,
        form,
        url: options.page_url.clone(),
        retrieved: None,
    };
    let base = LinkBase {
        page_url: options.page_url.clone(),
    };
    let outline = match form {
        Form::Html => html_outline(path, text, &base, diags),
        Form::Capture => match capture::body_range(text) {
            Some(range) => {
                let mut prepared = Prepared::new(path, text, range);
                prepared.rewrite(flattened::unflatten);
                markdown_outline(prepared, &base, diags)
            }
            None => outline::Outline::default(),
        },
        Form::Flattened => {
            let mut prepared = Prepared::new(path, text, 0..text.len());
            prepared.rewrite(flattened::unflatten);
            markdown_outline(prepared, &base, diags)
        }
        Form::Text => text::outline(path, text, &base, diags),
        Form::Markdown => markdown_outline(Prepared::new(path, text, 0..text.len()), &base, diags),
    };
    let errors_before = diags.has_errors();
    let catalog = structure::build(&outline, source, diags);
    if catalog.codes.is_empty() && !errors_before && !diags.has_errors() {
        diags.push(
            Diagnostic::error(Location::new(path, 1, 1), "no codes found in page")
                .with_hint(
                    "a codes page has sections such as `## General status codes` holding tables with Id and Status/Error columns",
                ),
        );
    }
    catalog
}

fn markdown_outline(
    mut prepared: Prepared<'_>,
    base: &LinkBase,
    diags: &mut Diagnostics,
) -> outline::Outline {
    let (text, map) = readme::preprocess(&prepared.text, &|offset| prepared.locate(offset), diags);
    prepared.apply(text, map);
    markdown::outline(&prepared, base)
}

#[cfg(not(feature = "html"))]
fn html_outline(
    path: &str,
    _text: &str,
    _base: &LinkBase,
    diags: &mut Diagnostics,
) -> outline::Outline {
    diags.push(
        Diagnostic::error(
            Location::new(path, 1, 1),
            "reading HTML pages needs the `html` feature",
        )
        .with_hint(
            "build infobip-codes with `--features html` (it enables infobip-codes-codegen/html), or vendor the page as markdown",
        ),
    );
    outline::Outline::default()
}

#[cfg(feature = "html")]
fn html_outline(
    path: &str,
    text: &str,
    base: &LinkBase,
    diags: &mut Diagnostics,
) -> outline::Outline {
    html::outline(path, text, base, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_html_by_its_extension_and_markdown_otherwise() {
        assert_eq!(HTML_EXTENSIONS, ["html", "htm"]);
        for path in ["p.html", "docs-source/P.HTM", "a.b.Html"] {
            assert!(is_html_page(path), "{path}");
            assert_eq!(detect_form(path, "## A\n"), Form::Html, "{path}");
        }
        for path in ["p.md", "p.markdown", "p.html.txt", "html", "p.xhtml"] {
            assert!(!is_html_page(path), "{path}");
            assert_eq!(detect_form(path, "## A\n"), Form::Markdown, "{path}");
        }
    }
}
