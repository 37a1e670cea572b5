//! Fetching a page, from a URL or a file, and the names of page files for its form.

use crate::freshness;
use std::path::Path;
use std::time::Duration;

/// A page as fetched, before it is checked.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// The page's bytes, as fetched: what `docs-source/` stores and provenance hashes.
    pub bytes: Vec<u8>,
    /// Where it came from: the URL, or the path as given.
    pub origin: String,
    /// Whether `origin` is a URL.
    pub is_url: bool,
    /// Whether it is rendered HTML (by its content type, or by its first bytes); a page
    /// file of that form is named `.html`, any other `.md`.
    pub is_html: bool,
    /// A file name for it in `docs-source/` when it is added as a new page.
    pub suggested_name: String,
}

/// Fetches `source`: an `http(s)` URL, or a file path.
pub fn fetch(source: &str, timeout: Duration) -> Result<Fetched, String> {
    let is_url = source.starts_with("http://") || source.starts_with("https://");
    let (bytes, mime) = if is_url {
        fetch_url(source, timeout)?
    } else {
        let bytes = std::fs::read(source).map_err(|e| format!("cannot read {source}: {e}"))?;
        (bytes, None)
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| format!("{source} is not a page: its content is not UTF-8 text"))?;
    if text.trim().is_empty() {
        return Err(format!("{source} is not a page: it is empty"));
    }
    let is_html =
        mime.is_some_and(|m| m == "text/html" || m == "application/xhtml+xml") || looks_html(text);
    Ok(Fetched {
        suggested_name: suggested_name(source, is_html),
        bytes,
        origin: source.to_owned(),
        is_url,
        is_html,
    })
}

/// The answer's body and its media type, when it has one.
fn fetch_url(url: &str, timeout: Duration) -> Result<(Vec<u8>, Option<String>), String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::Timeout(_) => {
            format!("fetching {url} timed out after {} s", timeout.as_secs_f32())
        }
        other => format!("cannot fetch {url}: {other}"),
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!(
            "fetching {url} answered HTTP {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        ));
    }
    let mime = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        });
    if let Some(mime) = &mime {
        let page = mime.starts_with("text/") || mime == "application/xhtml+xml" || mime.is_empty();
        if !page {
            return Err(format!("{url} is not a page: its content type is {mime}"));
        }
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(32 * 1024 * 1024)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => {
                format!("fetching {url} timed out after {} s", timeout.as_secs_f32())
            }
            other => format!("cannot read the answer from {url}: {other}"),
        })?;
    Ok((body, mime))
}

/// Whether `text` starts like an HTML document.
fn looks_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html")
        || head.contains("<body")
}

/// Whether `name` is the file name of an HTML page.
pub(super) fn is_html_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// Whether `name` is a page file name for a page of that form.
pub(super) fn fits(name: &str, is_html: bool) -> bool {
    freshness::is_page(name) && is_html_name(name) == is_html
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

fn suggested_name(source: &str, is_html: bool) -> String {
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
        assert!(looks_html("<!DOCTYPE html><html>"));
        assert!(!looks_html("## A"));
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
