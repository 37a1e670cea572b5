//! Why a fetch failed, in words that name the route it took.

use std::fmt;
use std::time::Duration;

/// Why a fetch failed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FetchError {
    /// A file could not be read.
    Read {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        reason: String,
    },
    /// The source is not an address the options allow: with `https_only`, a file or
    /// an `http` URL.
    NotAllowed {
        /// The source as given.
        source: String,
        /// What is allowed.
        allowed: &'static str,
    },
    /// A redirect led to an address the options do not allow.
    RedirectNotAllowed {
        /// The URL fetched.
        url: String,
        /// The redirects followed, the refused address last.
        chain: Vec<String>,
        /// What is allowed.
        allowed: &'static str,
    },
    /// More redirects than the limit.
    TooManyRedirects {
        /// The URL fetched.
        url: String,
        /// The limit.
        limit: u32,
        /// The redirects followed, and the one refused, last.
        chain: Vec<String>,
    },
    /// A redirect without a `Location` the fetch can follow.
    BadRedirect {
        /// The address that answered with it.
        url: String,
        /// Its HTTP status line (`302 Found`).
        status: String,
        /// The `Location` header, if any.
        location: Option<String>,
    },
    /// An answer with an HTTP status other than success.
    Status {
        /// The URL fetched (where a redirect led: see `final_url`).
        url: String,
        /// The address that answered, when a redirect led there.
        final_url: Option<String>,
        /// The status code.
        code: u16,
        /// Its reason phrase.
        reason: String,
    },
    /// The fetch did not end within the timeout.
    Timeout {
        /// The URL fetched.
        url: String,
        /// The timeout.
        after: Duration,
    },
    /// The page is larger than the limit.
    TooLarge {
        /// The URL fetched.
        url: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// What came is not a page.
    NotAPage {
        /// The source as given.
        source: String,
        /// Why not.
        why: String,
    },
    /// The connection or the protocol failed.
    Connection {
        /// The URL fetched.
        url: String,
        /// Whether the answer had begun (its body failed), or the request failed.
        reading: bool,
        /// The HTTP client's reason.
        reason: String,
    },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Read { path, reason } => write!(f, "cannot read {path}: {reason}"),
            FetchError::NotAllowed { source, allowed } => {
                write!(f, "{source} is not fetched: only {allowed} is allowed here")
            }
            FetchError::RedirectNotAllowed {
                url,
                chain,
                allowed,
            } => write!(
                f,
                "fetching {url} was redirected to {}, and only {allowed} is allowed here: {}",
                chain.last().map_or("", String::as_str),
                route(url, chain)
            ),
            FetchError::TooManyRedirects { url, limit, chain } => write!(
                f,
                "fetching {url} was redirected more than {limit} time(s): {}",
                route(url, chain)
            ),
            FetchError::BadRedirect {
                url,
                status,
                location,
            } => match location {
                Some(location) => write!(
                    f,
                    "fetching {url} answered HTTP {status} to `{location}`, which is not an address to follow"
                ),
                None => write!(f, "fetching {url} answered HTTP {status} without a Location"),
            },
            FetchError::Status {
                url,
                final_url,
                code,
                reason,
            } => {
                write!(f, "fetching {url} answered HTTP {code} {reason}")?;
                match final_url {
                    Some(at) => write!(f, " (at {at}, where it was redirected)"),
                    None => Ok(()),
                }
            }
            FetchError::Timeout { url, after } => {
                write!(f, "fetching {url} timed out after {} s", after.as_secs_f32())
            }
            FetchError::TooLarge { url, limit } => write!(
                f,
                "{url} is not a page: it is larger than {} ({limit} bytes)",
                size(*limit)
            ),
            FetchError::NotAPage { source, why } => write!(f, "{source} is not a page: {why}"),
            FetchError::Connection {
                url,
                reading: false,
                reason,
            } => write!(f, "cannot fetch {url}: {reason}"),
            FetchError::Connection {
                url,
                reading: true,
                reason,
            } => write!(f, "cannot read the answer from {url}: {reason}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// `url -> a -> b`.
fn route(url: &str, chain: &[String]) -> String {
    std::iter::once(url)
        .chain(chain.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" -> ")
}

/// `32 MiB`, or the bytes when that is not a whole number of MiB.
fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendor::MAX_PAGE_BYTES;

    #[test]
    fn messages_name_the_route() {
        let err = FetchError::TooManyRedirects {
            url: "http://a/1".to_owned(),
            limit: 2,
            chain: vec![
                "http://a/2".to_owned(),
                "http://a/1".to_owned(),
                "http://a/2".to_owned(),
            ],
        };
        assert_eq!(
            err.to_string(),
            "fetching http://a/1 was redirected more than 2 time(s): http://a/1 -> http://a/2 -> http://a/1 -> http://a/2"
        );
        let err = FetchError::TooLarge {
            url: "http://a/1".to_owned(),
            limit: MAX_PAGE_BYTES,
        };
        assert_eq!(
            err.to_string(),
            "http://a/1 is not a page: it is larger than 32 MiB (33554432 bytes)"
        );
        assert_eq!(size(1000), "1000 bytes");
    }
}
