//! Where the codes come from: the vendored pages this build was generated from.
//!
//! ```
//! let page = &infobip_codes::source::PAGES[0];
//! assert_eq!(page.sha256().len(), 64);
//! assert!(page.path().starts_with("docs-source/"));
//! ```

use crate::generated::SOURCES;

/// One vendored page the crate was generated from.
#[derive(Clone, Copy)]
pub struct Page {
    pub(crate) path: &'static str,
    pub(crate) sha256: &'static str,
    pub(crate) url: Option<&'static str>,
    pub(crate) retrieved: Option<&'static str>,
}

impl Page {
    /// The page's path in the crate's package (`docs-source/...`).
    ///
    /// ```
    /// assert!(infobip_codes::source::PAGES[0].path().ends_with(".md"));
    /// ```
    #[must_use]
    pub const fn path(&self) -> &'static str {
        self.path
    }

    /// SHA-256 of the page file, lowercase hex, as in the generated code's header.
    ///
    /// ```
    /// let sha = infobip_codes::source::PAGES[0].sha256();
    /// assert!(sha.bytes().all(|b| b.is_ascii_hexdigit()));
    /// ```
    #[must_use]
    pub const fn sha256(&self) -> &'static str {
        self.sha256
    }

    /// Where Infobip published the page, from `docs-source/provenance.json`.
    ///
    /// ```
    /// assert!(infobip_codes::source::PAGES[0].url().unwrap().starts_with("https://"));
    /// ```
    #[must_use]
    pub const fn url(&self) -> Option<&'static str> {
        self.url
    }

    /// When the page was retrieved (ISO date), from `docs-source/provenance.json`.
    ///
    /// ```
    /// let date = infobip_codes::source::PAGES[0].retrieved().unwrap();
    /// assert_eq!(date.len(), "2026-11-27".len());
    /// ```
    #[must_use]
    pub const fn retrieved(&self) -> Option<&'static str> {
        self.retrieved
    }
}

impl core::fmt::Debug for Page {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Page")
            .field("path", &self.path())
            .field("sha256", &self.sha256())
            .field("url", &self.url())
            .field("retrieved", &self.retrieved())
            .finish()
    }
}

/// Every page the crate was generated from, in file-name order. The published crate
/// vendors one page, `PAGES[0]`; its facts are its [`Page`] accessors.
///
/// ```
/// let page = &infobip_codes::source::PAGES[0];
/// assert_eq!(
///     page.url(),
///     Some("https://dev.infobip.com/getting-started/response-status-and-error-codes"),
/// );
/// let sha = page.sha256();
/// assert!(sha.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
/// let date = page.retrieved().unwrap();
/// assert!(date.split('-').map(str::len).eq([4, 2, 2]));
/// ```
pub const PAGES: &[Page] = SOURCES;
