//! The file name of a vendored page: its extension follows the page's form (HTML or
//! markdown, as [`is_html_page`] reads names back), its stem the source's.

use crate::freshness;
use crate::parse::is_html_page;
use std::path::Path;

/// Whether `name` is a page file name for a page of that form.
pub(super) fn fits(name: &str, is_html: bool) -> bool {
    freshness::is_page(name) && is_html_page(name) == is_html
}

/// `name` with the extension of a page of that form: its own when it fits, else `.html`
/// or `.md` in place of a page or text extension.
pub(super) fn with_form_extension(name: &str, is_html: bool) -> String {
    if fits(name, is_html) {
        return name.to_owned();
    }
    let path = Path::new(name);
    let replaceable = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| freshness::is_page(&format!("x.{e}")) || e.eq_ignore_ascii_case("txt"));
    let stem = match path.file_stem().and_then(|s| s.to_str()) {
        Some(stem) if replaceable => stem,
        _ => name,
    };
    format!("{stem}.{}", if is_html { "html" } else { "md" })
}

pub(super) fn suggested_name(source: &str, is_html: bool) -> String {
    let path = source
        .split(['?', '#'])
        .next()
        .unwrap_or(source)
        .trim_end_matches('/');
    let last = path.rsplit(['/', '\\']).next().unwrap_or("page");
    let last = if last.is_empty() || last.contains(':') {
        "page"
    } else {
        last
    };
    with_form_extension(last, is_html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_sources() {
        assert_eq!(
            suggested_name("https://x.y/docs/response-codes", true),
            "response-codes.html"
        );
        assert_eq!(
            suggested_name("https://x.y/docs/codes.md?v=2#top", false),
            "codes.md"
        );
        assert_eq!(suggested_name("/tmp/page", false), "page.md");
        assert_eq!(suggested_name("https://x.y/", true), "x.y.html");
        // The name follows the form of the page, whatever the source is called.
        assert_eq!(suggested_name("https://x.y/codes.txt", false), "codes.md");
        assert_eq!(suggested_name("https://x.y/codes.md", true), "codes.html");
        assert_eq!(with_form_extension("codes.htm", true), "codes.htm");
        assert_eq!(with_form_extension("codes.markdown", true), "codes.html");
    }
}
