//! The documentation the generated crate carries: the page's own words for each code
//! and group, the facts the page gives (name, id, channel, group, permanence or
//! finality), and a runnable example on each enum. Markdown text; the Rust emitter turns
//! it into doc attributes.

use crate::class::{GroupClass, CURRENT_PAGE};
use crate::doc_text::code_span;
use crate::model::Kind;
use crate::names::{code_type, ChannelName, CodeName, GroupName, Names};
use std::collections::BTreeMap;

/// A description made safe for rustdoc: bare URLs become autolinks.
pub(crate) fn description(description: &str) -> String {
    if description.trim().is_empty() {
        return "No description on the page.".to_owned();
    }
    let mut out = String::with_capacity(description.len() + 16);
    let mut rest = description;
    while let Some(at) = find_url(rest) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let len = from
            .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '\\')
            .unwrap_or(from.len());
        let url = from[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"']);
        out.push('<');
        out.push_str(url);
        out.push('>');
        rest = &from[url.len()..];
    }
    out.push_str(rest);
    out
}

/// The start of the first bare `http(s)://` URL: not a link target, not already `<...>`.
fn find_url(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = s[from..].find("http") {
        let at = from + rel;
        let tail = &s[at..];
        let is_url = tail.starts_with("https://") || tail.starts_with("http://");
        let before = s[..at].chars().next_back();
        let bare = !matches!(before, Some('(' | '<' | '/' | '[' | '`'))
            && before.is_none_or(|c| !c.is_alphanumeric());
        let in_code = s[..at].matches('`').count() % 2 == 1;
        if is_url && bare && !in_code {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

/// The docs of the `Channel` enum, with an example on its first channel.
pub(crate) fn channel_enum(first: Option<&ChannelName>) -> String {
    let (slug, ident) = first.map_or(("general", "General"), |c| {
        (c.slug.as_str(), c.ident.as_str())
    });
    format!(
        "A channel (product family) with its own section of codes on the page.\n\n\
         Error groups are scoped per channel: the same group id means a different group in \
         another channel. Status groups are shared by every channel.\n\n\
         ```\n\
         use infobip_codes::Channel;\n\n\
         let channel = Channel::{ident};\n\
         assert_eq!(channel.as_str(), \"{slug}\");\n\
         assert_eq!(\"{slug}\".parse::<Channel>(), Ok(channel));\n\
         ```"
    )
}

/// The docs of one `Channel` variant.
pub(crate) fn channel(c: &ChannelName) -> String {
    format!(
        "{}: codes documented in the page's \"{}\" sections.\n\nSlug: `{}`.",
        c.title, c.title, c.slug
    )
}

/// The docs of one group variant: its description (per channel where they differ), name,
/// id and channels.
pub(crate) fn group(g: &GroupName, names: &Names<'_>) -> String {
    let mut distinct: Vec<&String> = Vec::new();
    for (_, d) in &g.descriptions {
        if !distinct.contains(&d) {
            distinct.push(d);
        }
    }
    let mut text = match distinct.as_slice() {
        [one] => description(one),
        _ => {
            let mut text = format!("The `{}` group.", g.group.name.replace('`', "'"));
            for (channel, d) in &g.descriptions {
                let title = channel
                    .as_deref()
                    .map_or_else(String::new, |c| names.channel_title(c));
                text.push_str(&format!("\n\n{title}: {}", description(d)));
            }
            text
        }
    };
    text.push_str(&format!("\n\n- Name: {}", code_span(&g.group.name)));
    if !g.aliases.is_empty() {
        let keys: Vec<String> = g.aliases.iter().map(|a| code_span(a)).collect();
        text.push_str(&format!(
            "\n- Formerly: {} (earlier pages' headings; `from_name` still finds the group by them)",
            keys.join(", ")
        ));
    }
    match g.group.id {
        Some(id) => text.push_str(&format!("\n- Id: {id}")),
        None => text.push_str("\n- Id: none given on the page"),
    }
    if !g.channels.is_empty() {
        let titles: Vec<String> = g.channels.iter().map(|c| names.channel_title(c)).collect();
        text.push_str(&format!("\n- Channels: {}", titles.join(", ")));
    }
    text
}

/// The docs of one code variant: its description, then what the page says of it.
pub(crate) fn code(c: &CodeName<'_>, names: &Names<'_>) -> String {
    let code = c.code;
    let mut text = description(&code.description);
    if let Some(release) = &code.retired {
        text.push_str(&format!(
            "\n\n**Retired:** the page no longer lists this code. infobip-codes keeps it, deprecated, since {release}, because payloads may still carry it."
        ));
    }
    if code.deprecated {
        text.push_str("\n\nThe page lists this code in a section it marks deprecated.");
    }
    text.push_str(&format!("\n\n- Name: {}", code_span(&code.name)));
    text.push_str(&format!("\n- Id: {}", code.id));
    text.push_str(&format!(
        "\n- Channel: {}",
        names.channel_title(&code.channel)
    ));
    match c.group.map(|g| &names.groups(code.kind)[g]) {
        Some(g) => {
            let id = g
                .group
                .id
                .map_or_else(|| "no id".to_owned(), |id| format!("id {id}"));
            text.push_str(&format!("\n- Group: {} ({id})", code_span(&g.group.name)));
        }
        None => text.push_str("\n- Group: none on the page"),
    }
    let intermediate = format!(
        "\n- Final: no; intermediate. Infobip's current page describes it as \"successfully \
         delivered to the operator's system and awaits further processing or delivery to the \
         recipient's handset\" (<{CURRENT_PAGE}>): a handset delivery report may follow"
    );
    text.push_str(match code.kind {
        Kind::Error => match code.permanent {
            Some(true) => {
                "\n- Permanent: yes; sending the same message again, unchanged, fails the same way"
            }
            Some(false) => "\n- Permanent: no; a retry may succeed",
            None => "\n- Permanent: not documented",
        },
        Kind::Status if code.is_intermediate() => &intermediate,
        Kind::Status if code.is_final() => "\n- Final: yes",
        Kind::Status => match &code.group {
            Some(g) if GroupClass::of(Kind::Status, &g.name) == GroupClass::Pending => {
                "\n- Final: no; a later report will follow"
            }
            Some(_) => "\n- Final: no; the page does not describe its group as final, so a later report may come",
            None => "\n- Final: no; the page gives it no group, so a later report may come",
        },
    });
    text
}

/// A code that is the only one with its id and its name, so every lookup returns it.
fn first_example<'n>(codes: &'n [CodeName<'n>]) -> Option<&'n CodeName<'n>> {
    let mut ids: BTreeMap<u16, usize> = BTreeMap::new();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for c in codes {
        *ids.entry(c.code.id).or_default() += 1;
        *names.entry(c.code.name.to_ascii_uppercase()).or_default() += 1;
    }
    codes
        .iter()
        .filter(|c| c.code.retired.is_none())
        .find(|c| ids[&c.code.id] == 1 && names[&c.code.name.to_ascii_uppercase()] == 1)
}

fn code_example(codes: &[CodeName<'_>], ty: &str) -> String {
    match first_example(codes) {
        Some(c) => {
            let name = c.code.name.replace('\\', "\\\\").replace('"', "\\\"");
            format!(
                "\n\n```\nuse infobip_codes::{ty};\n\nlet code = {ty}::{};\nassert_eq!(code.id(), {});\nassert_eq!(code.name(), \"{name}\");\nassert_eq!({ty}::from_id({}), Some(code));\nassert_eq!(\"{name}\".parse::<{ty}>(), Ok(code));\n```",
                c.ident, c.code.id, c.code.id
            )
        }
        None => String::new(),
    }
}

fn count_by_channel(codes: &[CodeName<'_>], names: &Names<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for ch in &names.channels {
        let n = codes.iter().filter(|c| c.code.channel == ch.slug).count();
        if n > 0 {
            parts.push(format!("{} {n}", ch.title));
        }
    }
    parts.join(", ")
}

/// The docs of `StatusCode` or `ErrorCode`, with an example.
pub(crate) fn code_enum(kind: Kind, names: &Names<'_>) -> String {
    let codes = names.codes(kind);
    let (article, noun, wire) = match kind {
        Kind::Status => ("A", "status", "MessageStatus"),
        Kind::Error => ("An", "error", "MessageError"),
    };
    format!(
        "{article} {noun} code: the `id` of the `{noun}` object in send responses, delivery \
         reports and message logs.\n\n\
         One variant per {noun} the page documents ({} in all: {}). The enum is \
         `#[non_exhaustive]`: a refresh of the page adds variants in a minor release. {article} \
         {noun} this version does not know still decodes through the wire type \
         `{wire}` (feature `serde`), which keeps the raw id.{}",
        codes.len(),
        count_by_channel(codes, names),
        code_example(codes, code_type(kind))
    )
}

fn group_list(groups: &[GroupName]) -> String {
    groups
        .iter()
        .map(|g| match g.group.id {
            Some(id) => format!("{id} {}", code_span(&g.group.name)),
            None => code_span(&g.group.name),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The docs of `StatusGroup` or `ErrorGroup`.
pub(crate) fn group_enum(kind: Kind, groups: &[GroupName]) -> String {
    match kind {
        Kind::Status => {
            let example = groups
                .iter()
                .find_map(|g| Some((g, g.group.id?)))
                .map(|(g, id)| {
                    format!(
                        "\n\n```\nuse infobip_codes::StatusGroup;\n\nlet group = StatusGroup::{};\nassert_eq!(group.id(), Some({id}));\nassert_eq!(StatusGroup::from_id({id}), Some(group));\n```",
                        g.ident
                    )
                })
                .unwrap_or_default();
            format!(
                "A status group: `groupId` and `groupName` of the `status` object.\n\n\
                 Status groups are one set shared by every channel: {}.{example}",
                group_list(groups)
            )
        }
        Kind::Error => format!(
            "An error group: `groupId` and `groupName` of the `error` object.\n\n\
             On the page, error groups are scoped per channel: group id 1 is `HANDSET_ERRORS` \
             in General but \"Registration error\" for push notifications. A variant is one \
             group name with its id, shared by the channels that list it; look a group up by \
             channel and id with `ErrorGroup::from_channel_id`, or by name with \
             `ErrorGroup::from_name`. The groups: {}.",
            group_list(groups)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_urls_become_autolinks() {
        assert_eq!(
            description(
                "See https://a.example/x_y. And [l](https://b.example) or <https://c.example>."
            ),
            "See <https://a.example/x_y>. And [l](https://b.example) or <https://c.example>."
        );
        assert_eq!(description("`https://in.code`"), "`https://in.code`");
        assert_eq!(description(""), "No description on the page.");
    }
}
