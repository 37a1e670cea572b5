//! What a heading of the page means: a codes section, a group, or neither.
//!
//! The page has spelled these several ways over the years:
//!
//! | heading | meaning |
//! | --- | --- |
//! | `General status codes`, `Chat error codes (Facebook messenger, Line, Viber)` | section: kind and channel |
//! | `Voice status codes (DEPRECATED)` | section, deprecated |
//! | `PENDING (group id: 1) - general status codes` | group `PENDING`, id 1 |
//! | `PENDING / Group ID: 1` | group `PENDING`, id 1 |
//! | `Handset errors (general) [#anchor]`, then a line `Group ID: 1` | group, id from the next line |
//! | `Error codes (HLR)`, `Status codes (MMS)` | section: the parenthesis names the channel when no words precede the kind |
//! | `HTTP status codes`, `API Status codes`, `Error codes` | neither: containers |
//! | `Errors (HLR)`, `Errors` | see [`errors_heading`]: a section, or a kind without a channel, where no section encloses it |

use crate::model::Kind;

/// A channel as a section heading names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelName {
    /// Stable kebab-case slug (`push` for both "Push notifications" and "Push notification").
    pub slug: String,
    /// The words of the heading (`Push notifications`).
    pub title: String,
}

/// What a heading means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadingClass {
    /// A section of codes of one kind for one channel.
    Section {
        /// Status or error.
        kind: Kind,
        /// The channel.
        channel: ChannelName,
        /// Marked `(DEPRECATED)`.
        deprecated: bool,
    },
    /// A heading that groups sections without naming a channel (`Error codes`).
    Container,
    /// A group heading with its name and, when the heading carries it, its id.
    Group {
        /// The group name as documented.
        name: String,
        /// The group id.
        id: Option<u16>,
    },
    /// Anything else.
    Other,
}

/// Headings that look like `X status codes` but are not Infobip channels.
const NOT_CHANNELS: [&str; 3] = ["http", "api", "response"];

/// Classifies a heading's text.
pub fn classify(text: &str) -> HeadingClass {
    let text = strip_anchor(text);
    if let Some((name, id)) = group_heading(text) {
        return HeadingClass::Group { name, id };
    }
    let lower = text.to_ascii_lowercase();
    for (phrase, kind) in [("status codes", Kind::Status), ("error codes", Kind::Error)] {
        if let Some(at) = find_words(&lower, phrase) {
            let before = text[..at].trim().trim_end_matches(['-', ':', '–']).trim();
            // `Error codes (HLR)`: with no words before the kind, the parenthesis names
            // the channel.
            let channel = if before.is_empty() {
                parenthesis_channel(&text[at + phrase.len()..])
            } else {
                channel_name(before)
            };
            return match channel {
                Some(channel) => HeadingClass::Section {
                    kind,
                    channel,
                    deprecated: is_deprecated(text),
                },
                None => HeadingClass::Container,
            };
        }
    }
    HeadingClass::Other
}

/// A heading that is the word `Errors` alone, and the channel its parenthesis names:
/// `Errors (HLR)` gives `Some(Some(HLR))`, `Errors` gives `Some(None)`. Where no section
/// encloses it, such a heading names the kind of the codes under it; inside a section it
/// names a group, as any other heading does there.
pub fn errors_heading(text: &str) -> Option<Option<ChannelName>> {
    let text = strip_anchor(text);
    let word = text.find('(').map_or(text, |open| &text[..open]).trim();
    word.eq_ignore_ascii_case("errors")
        .then(|| parenthesis_channel(&text[word.len()..]))
}

/// Whether a heading marks its section `(DEPRECATED)`.
pub fn is_deprecated(text: &str) -> bool {
    text.to_ascii_lowercase().contains("(deprecated)")
}

/// The channel named by the one parenthesis in `text`, other than `(DEPRECATED)`. A list
/// (`(Facebook messenger, Line, Viber)`) names several products, not one channel.
fn parenthesis_channel(text: &str) -> Option<ChannelName> {
    let mut named =
        parentheses(text).filter(|inner| !inner.trim().eq_ignore_ascii_case("deprecated"));
    match (named.next(), named.next()) {
        (Some(inner), None) if !inner.contains(',') => channel_name(inner),
        _ => None,
    }
}

/// The contents of each top-level `(...)` in `text`.
fn parentheses(text: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    let mut open = 0;
    text.char_indices().filter_map(move |(i, c)| {
        match c {
            '(' => {
                if depth == 0 {
                    open = i + 1;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[open..i]);
                }
            }
            _ => {}
        }
        None
    })
}

/// The heading without a trailing `[#anchor]` or `¶`.
pub fn strip_anchor(text: &str) -> &str {
    let t = text.trim().trim_end_matches(['¶', '#']).trim_end();
    if t.ends_with(']') {
        if let Some(open) = t.rfind("[#") {
            return t[..open].trim_end();
        }
    }
    t
}

/// `NAME (group id: N)[ - ...]` or `NAME / Group ID: N`.
fn group_heading(text: &str) -> Option<(String, Option<u16>)> {
    let lower = text.to_ascii_lowercase();
    if let Some(p) = lower.find("(group id:") {
        let rest = &text[p + "(group id:".len()..];
        let close = rest.find(')')?;
        let id = rest[..close].trim().parse().ok();
        let name = text[..p].trim();
        return (!name.is_empty()).then(|| (name.to_owned(), id));
    }
    if let Some(p) = lower.find("/ group id:") {
        let id = text[p + "/ group id:".len()..].trim().parse().ok();
        let name = text[..p].trim();
        return (!name.is_empty()).then(|| (name.to_owned(), id));
    }
    None
}

/// A leading `Group ID: N` (the line that follows group headings on the current page)
/// and the text after it. Where the page's line breaks were lost, the group's
/// description runs on after the id in the same paragraph.
pub fn group_id_prefix(text: &str) -> Option<(u16, &str)> {
    let t = text.trim_start();
    let prefix = t.get(.."group id:".len())?;
    if !prefix.eq_ignore_ascii_case("group id:") {
        return None;
    }
    let rest = t["group id:".len()..].trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let id = rest[..digits].parse().ok()?;
    let after = &rest[digits..];
    if !after.is_empty() && !after.starts_with(char::is_whitespace) {
        return None;
    }
    Some((id, after.trim()))
}

fn find_words(haystack: &str, phrase: &str) -> Option<usize> {
    let b = haystack.as_bytes();
    let mut from = 0;
    while let Some(rel) = haystack[from..].find(phrase) {
        let at = from + rel;
        let end = at + phrase.len();
        let before = at == 0 || !b[at - 1].is_ascii_alphanumeric();
        let after = end == b.len() || !b[end].is_ascii_alphanumeric();
        if before && after {
            return Some(at);
        }
        from = end;
    }
    None
}

/// The channel a section heading names, from the words before "status codes".
pub fn channel_name(words: &str) -> Option<ChannelName> {
    // Drop parentheticals: "Chat (Facebook messenger, Line, Viber)" names "Chat".
    let mut title = String::new();
    let mut depth = 0usize;
    for c in words.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => title.push(c),
            _ => {}
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = title.to_lowercase();
    if lower.is_empty() || NOT_CHANNELS.contains(&lower.as_str()) {
        return None;
    }
    let slug = match lower.as_str() {
        "push notifications" | "push notification" | "push" => "push".to_owned(),
        "e-mail" | "email" => "email".to_owned(),
        other => kebab(other),
    };
    if slug.is_empty() {
        return None;
    }
    Some(ChannelName { slug, title })
}

/// Lowercase words joined by `-`; characters that are not letters or digits separate
/// words.
pub fn kebab(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(kind: Kind, slug: &str, title: &str, deprecated: bool) -> HeadingClass {
        HeadingClass::Section {
            kind,
            channel: ChannelName {
                slug: slug.into(),
                title: title.into(),
            },
            deprecated,
        }
    }

    #[test]
    fn classifies_every_spelling() {
        assert_eq!(
            classify("General status codes"),
            section(Kind::Status, "general", "General", false)
        );
        assert_eq!(
            classify("Push notifications status codes"),
            section(Kind::Status, "push", "Push notifications", false)
        );
        assert_eq!(
            classify("Push notification error codes"),
            section(Kind::Error, "push", "Push notification", false)
        );
        assert_eq!(
            classify("Chat error codes (Facebook messenger, Line, Viber)"),
            section(Kind::Error, "chat", "Chat", false)
        );
        assert_eq!(
            classify("Voice status codes (DEPRECATED)"),
            section(Kind::Status, "voice", "Voice", true)
        );
        assert_eq!(
            classify("Voice and WebRTC error codes"),
            section(Kind::Error, "voice-and-webrtc", "Voice and WebRTC", false)
        );
        assert_eq!(
            classify("PENDING (group id: 1) - general status codes"),
            HeadingClass::Group {
                name: "PENDING".into(),
                id: Some(1)
            }
        );
        assert_eq!(
            classify("PENDING / Group ID: 1"),
            HeadingClass::Group {
                name: "PENDING".into(),
                id: Some(1)
            }
        );
        assert_eq!(classify("HTTP status codes"), HeadingClass::Container);
        assert_eq!(classify("API Status codes"), HeadingClass::Container);
        assert_eq!(classify("Error codes"), HeadingClass::Container);
        assert_eq!(
            classify("Handset errors (general) [#handset-errors-general-general-error-codes]"),
            HeadingClass::Other
        );
        assert_eq!(classify("Decoding the codes"), HeadingClass::Other);
    }

    #[test]
    fn a_parenthesis_names_the_channel_when_no_words_precede_the_kind() {
        assert_eq!(
            classify("Error Codes (HLR)"),
            section(Kind::Error, "hlr", "HLR", false)
        );
        assert_eq!(
            classify("Status codes (MMS) (DEPRECATED)"),
            section(Kind::Status, "mms", "MMS", true)
        );
        // Words before the kind win; a list, `(DEPRECATED)` alone or a word that is not
        // a channel leaves a container.
        assert_eq!(
            classify("Chat error codes (Facebook messenger, Line, Viber)"),
            section(Kind::Error, "chat", "Chat", false)
        );
        assert_eq!(
            classify("Error codes (Facebook messenger, Line, Viber)"),
            HeadingClass::Container
        );
        assert_eq!(
            classify("Error codes (DEPRECATED)"),
            HeadingClass::Container
        );
        assert_eq!(classify("API Status codes (v2)"), HeadingClass::Container);
        assert_eq!(classify("Error codes (HTTP)"), HeadingClass::Container);
    }

    #[test]
    fn errors_alone_names_the_kind() {
        let hlr = ChannelName {
            slug: "hlr".into(),
            title: "HLR".into(),
        };
        assert_eq!(errors_heading("Errors (HLR)"), Some(Some(hlr.clone())));
        assert_eq!(
            errors_heading("errors (HLR) (DEPRECATED) [#errors-hlr]"),
            Some(Some(hlr))
        );
        assert_eq!(errors_heading("Errors"), Some(None));
        assert_eq!(errors_heading("Errors (a, b)"), Some(None));
        assert_eq!(errors_heading("HLR errors"), None);
        assert_eq!(errors_heading("Handset errors (general)"), None);
        // `Errors (HLR)` is still `Other` to `classify`: inside a section it names a group.
        assert_eq!(classify("Errors (HLR)"), HeadingClass::Other);
    }

    #[test]
    fn group_id_lines() {
        assert_eq!(group_id_prefix("Group ID: 1"), Some((1, "")));
        assert_eq!(group_id_prefix("group id:12 "), Some((12, "")));
        assert_eq!(group_id_prefix("Group ID: one"), None);
        assert_eq!(group_id_prefix("The group"), None);
        assert_eq!(
            group_id_prefix("Group ID: 3 The MMS is on its way."),
            Some((3, "The MMS is on its way."))
        );
        assert_eq!(group_id_prefix("Group ID: 3x"), None);
    }
}
