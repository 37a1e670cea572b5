//! Behaviour of [`Channel`] over the generated table.

use crate::error::ParseError;
use crate::generated::{channel_from_slug, CHANNEL_ALL, CHANNEL_DATA};
use crate::Channel;
use core::fmt;
use core::str::FromStr;

impl Channel {
    /// Every channel the page documents, in the page's order.
    ///
    /// ```
    /// use infobip_codes::Channel;
    ///
    /// assert_eq!(Channel::ALL.first(), Some(&Channel::General));
    /// ```
    // A method call, which rustdoc does not print: the docs name no private table.
    pub const ALL: &'static [Channel] = CHANNEL_ALL.as_slice();

    /// The stable slug: `general`, `voice`, `push`, `email`, `chat`, or the kebab-case
    /// name of a channel added later.
    ///
    /// ```
    /// assert_eq!(infobip_codes::Channel::Push.as_str(), "push");
    /// ```
    #[must_use]
    #[inline]
    pub const fn as_str(self) -> &'static str {
        CHANNEL_DATA[self as usize].slug
    }

    /// The channel's name as the page's section heading spells it.
    ///
    /// ```
    /// assert_eq!(infobip_codes::Channel::Push.title(), "Push notifications");
    /// ```
    #[must_use]
    #[inline]
    pub const fn title(self) -> &'static str {
        CHANNEL_DATA[self as usize].title
    }

    /// The channel with this slug, ignoring ASCII case.
    ///
    /// ```
    /// use infobip_codes::Channel;
    ///
    /// assert_eq!(Channel::from_slug("voice"), Some(Channel::Voice));
    /// assert_eq!(Channel::from_slug("Voice"), Some(Channel::Voice));
    /// assert_eq!(Channel::from_slug("fax"), None);
    /// ```
    #[must_use]
    pub fn from_slug(slug: &str) -> Option<Self> {
        channel_from_slug(slug).or_else(|| {
            CHANNEL_ALL
                .iter()
                .copied()
                .find(|c| c.as_str().eq_ignore_ascii_case(slug))
        })
    }
}

impl fmt::Display for Channel {
    /// Writes the slug.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Channel {
    type Err = ParseError;

    /// Parses a slug (see [`Channel::from_slug`]).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_slug(s).ok_or(ParseError::new("channel"))
    }
}
