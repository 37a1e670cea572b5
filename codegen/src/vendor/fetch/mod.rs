//! Fetching a page, from a URL or a file.
//!
//! A fetch is bounded: it gives up after a timeout (the whole fetch, redirects and body
//! included), follows at most [`MAX_REDIRECTS`] redirects, only to `http` and `https`
//! addresses, and reads at most [`MAX_PAGE_BYTES`]. [`fetch_with`] also reports the
//! redirects it followed, and can refuse anything but `https` ([`FetchOptions::https_only`]).

mod error;
mod location;

pub use error::FetchError;

use super::page_name::suggested_name;
use location::resolve;
use std::time::{Duration, Instant};

/// The most bytes a page may have: a larger answer is refused, not truncated.
pub const MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;

/// The most redirects a fetch follows (as many as `ureq` follows by default).
pub const MAX_REDIRECTS: u32 = 10;

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

/// How far a fetch may go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchOptions {
    /// The whole fetch (every redirect, and the body) must end within this.
    pub timeout: Duration,
    /// The most redirects followed; one more is an error.
    pub max_redirects: u32,
    /// The most bytes the page may have.
    pub max_bytes: u64,
    /// Only `https` addresses: a file, an `http` URL, or a redirect to one, is refused.
    /// For a page's canonical address; a mirror or a saved file is fetched without it.
    pub https_only: bool,
}

impl FetchOptions {
    /// `timeout`, [`MAX_REDIRECTS`], [`MAX_PAGE_BYTES`], and `http`, `https` and files allowed.
    pub fn new(timeout: Duration) -> FetchOptions {
        FetchOptions {
            timeout,
            max_redirects: MAX_REDIRECTS,
            max_bytes: MAX_PAGE_BYTES,
            https_only: false,
        }
    }
}

/// A page fetched by [`fetch_with`], and the way it came.
#[derive(Clone, Debug)]
pub struct Retrieved {
    /// The page; its `origin` is the source as given, not where a redirect led.
    pub page: Fetched,
    /// The addresses redirects led to, in order; the last one answered with the page.
    /// Empty when the source answered itself (and for a file).
    pub redirects: Vec<String>,
}

impl Retrieved {
    /// The address that answered with the page: the last redirect, or the source.
    pub fn final_url(&self) -> &str {
        self.redirects.last().unwrap_or(&self.page.origin)
    }
}

/// Fetches `source`: an `http(s)` URL, or a file path, with [`FetchOptions::new`]`(timeout)`.
pub fn fetch(source: &str, timeout: Duration) -> Result<Fetched, String> {
    fetch_with(source, &FetchOptions::new(timeout))
        .map(|retrieved| retrieved.page)
        .map_err(|e| e.to_string())
}

/// Fetches `source` (an `http(s)` URL, or a file path unless `https_only`) within
/// `options`, and says where redirects led.
pub fn fetch_with(source: &str, options: &FetchOptions) -> Result<Retrieved, FetchError> {
    let is_url = source.starts_with("http://") || source.starts_with("https://");
    if options.https_only && !source.starts_with("https://") {
        return Err(FetchError::NotAllowed {
            source: source.to_owned(),
            allowed: allowed(options),
        });
    }
    let (bytes, mime, redirects) = if is_url {
        let answer = fetch_url(source, options)?;
        (answer.body, answer.mime, answer.redirects)
    } else {
        let bytes = std::fs::read(source).map_err(|e| FetchError::Read {
            path: source.to_owned(),
            reason: e.to_string(),
        })?;
        (bytes, None, Vec::new())
    };
    let not_a_page = |why: &str| FetchError::NotAPage {
        source: source.to_owned(),
        why: why.to_owned(),
    };
    let text =
        std::str::from_utf8(&bytes).map_err(|_| not_a_page("its content is not UTF-8 text"))?;
    if text.trim().is_empty() {
        return Err(not_a_page("it is empty"));
    }
    let is_html =
        mime.is_some_and(|m| m == "text/html" || m == "application/xhtml+xml") || looks_html(text);
    Ok(Retrieved {
        page: Fetched {
            suggested_name: suggested_name(source, is_html),
            bytes,
            origin: source.to_owned(),
            is_url,
            is_html,
        },
        redirects,
    })
}

/// What `options` allow, in words.
fn allowed(options: &FetchOptions) -> &'static str {
    if options.https_only {
        "an https address"
    } else {
        "an http or https address, or a file"
    }
}

/// The scheme of `source` when it has one (`file:`, `ftp:`), lowercased; `None` for a
/// path, a Windows drive letter included.
fn scheme(source: &str) -> Option<String> {
    let (scheme, _) = source.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && scheme.len() > 1
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// What an address answered, at the end of its redirects.
struct Answer {
    body: Vec<u8>,
    /// The media type, when it has one.
    mime: Option<String>,
    /// The redirects followed.
    redirects: Vec<String>,
}

/// Fetches `url`, following redirects within `options`.
fn fetch_url(url: &str, options: &FetchOptions) -> Result<Answer, FetchError> {
    let deadline = Instant::now() + options.timeout;
    let timeout = || FetchError::Timeout {
        url: url.to_owned(),
        after: options.timeout,
    };
    let mut redirects: Vec<String> = Vec::new();
    let mut response = loop {
        let at = redirects.last().map_or(url, String::as_str);
        let left = deadline
            .checked_duration_since(Instant::now())
            .filter(|left| !left.is_zero())
            .ok_or_else(timeout)?;
        // Redirects are followed here, one by one, to check and record each.
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(left))
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        let response = agent.get(at).call().map_err(|e| match e {
            ureq::Error::Timeout(_) => timeout(),
            other => FetchError::Connection {
                url: url.to_owned(),
                reading: false,
                reason: if at == url {
                    other.to_string()
                } else {
                    format!("{other} (at {at}, where it was redirected)")
                },
            },
        })?;
        let status = response.status();
        if !status.is_redirection() || status == 304 {
            break response;
        }
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let next = location.as_deref().and_then(|l| resolve(at, l));
        let Some(next) = next else {
            return Err(FetchError::BadRedirect {
                url: at.to_owned(),
                status: format!(
                    "{} {}",
                    status.as_u16(),
                    status.canonical_reason().unwrap_or("")
                ),
                location,
            });
        };
        redirects.push(next);
        check_redirects(url, &redirects, options)?;
    };
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            url: url.to_owned(),
            final_url: redirects.last().cloned(),
            code: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_owned(),
        });
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
            return Err(FetchError::NotAPage {
                source: url.to_owned(),
                why: format!("its content type is {mime}"),
            });
        }
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(options.max_bytes)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => timeout(),
            ureq::Error::BodyExceedsLimit(limit) => FetchError::TooLarge {
                url: url.to_owned(),
                limit,
            },
            other => FetchError::Connection {
                url: url.to_owned(),
                reading: true,
                reason: other.to_string(),
            },
        })?;
    Ok(Answer {
        body,
        mime,
        redirects,
    })
}

/// Whether the fetch of `url` may follow `redirects`, the last one new.
fn check_redirects(
    url: &str,
    redirects: &[String],
    options: &FetchOptions,
) -> Result<(), FetchError> {
    if redirects.len() > options.max_redirects as usize {
        return Err(FetchError::TooManyRedirects {
            url: url.to_owned(),
            limit: options.max_redirects,
            chain: redirects.to_vec(),
        });
    }
    let to_http = redirects
        .last()
        .is_some_and(|to| !to.starts_with("https://"));
    if options.https_only && to_http {
        return Err(FetchError::RedirectNotAllowed {
            url: url.to_owned(),
            chain: redirects.to_vec(),
            allowed: allowed(options),
        });
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_by_its_start() {
        assert!(looks_html("<!DOCTYPE html><html>"));
        assert!(!looks_html("## A"));
    }

    #[test]
    fn schemes_of_sources() {
        assert_eq!(scheme("https://x.y/"), Some("https".to_owned()));
        assert_eq!(scheme("FILE:///etc/passwd"), Some("file".to_owned()));
        assert_eq!(scheme("ftp://x.y/a"), Some("ftp".to_owned()));
        // Paths, a Windows drive letter among them, have none.
        assert_eq!(scheme("/tmp/page.md"), None);
        assert_eq!(scheme("C:\\pages\\page.md"), None);
        assert_eq!(scheme("page.md"), None);
        assert_eq!(scheme("./a:b.md"), None);
    }

    #[test]
    fn https_only_refuses_files_http_and_other_schemes_before_any_request() {
        let options = FetchOptions {
            https_only: true,
            ..FetchOptions::new(Duration::from_secs(1))
        };
        for source in [
            "http://127.0.0.1:9/page.md",
            "Cargo.toml",
            "file:///etc/hostname",
        ] {
            let err = fetch_with(source, &options).unwrap_err();
            assert_eq!(
                err,
                FetchError::NotAllowed {
                    source: source.to_owned(),
                    allowed: "an https address"
                }
            );
            assert_eq!(
                err.to_string(),
                format!("{source} is not fetched: only an https address is allowed here")
            );
        }
        // Without it, anything else is a path, as `cargo codes vendor` has always read it.
        let err = fetch_with(
            "file:///nowhere",
            &FetchOptions::new(Duration::from_secs(1)),
        )
        .unwrap_err();
        assert!(
            matches!(&err, FetchError::Read { path, .. } if path == "file:///nowhere"),
            "{err:?}"
        );
    }

    #[test]
    fn redirects_within_the_limit_and_to_https_only_when_asked() {
        let chain =
            |n: usize| -> Vec<String> { (1..=n).map(|i| format!("https://x.y/{i}")).collect() };
        let options = FetchOptions {
            max_redirects: 2,
            ..FetchOptions::new(Duration::from_secs(1))
        };
        assert_eq!(
            check_redirects("https://x.y/0", &chain(2), &options),
            Ok(())
        );
        assert_eq!(
            check_redirects("https://x.y/0", &chain(3), &options),
            Err(FetchError::TooManyRedirects {
                url: "https://x.y/0".to_owned(),
                limit: 2,
                chain: chain(3)
            })
        );
        // A canonical address may not be sent to http, not even back to https after it.
        let downgrade = vec!["https://x.y/1".to_owned(), "http://x.y/2".to_owned()];
        assert_eq!(
            check_redirects("https://x.y/0", &downgrade, &options),
            Ok(())
        );
        let https_only = FetchOptions {
            https_only: true,
            ..options
        };
        let err = check_redirects("https://x.y/0", &downgrade, &https_only).unwrap_err();
        assert_eq!(
            err.to_string(),
            "fetching https://x.y/0 was redirected to http://x.y/2, and only an https address is allowed here: https://x.y/0 -> https://x.y/1 -> http://x.y/2"
        );
        assert_eq!(
            check_redirects("https://x.y/0", &chain(2), &https_only),
            Ok(())
        );
    }
}
