//! Identifiers derived from what the page documents.
//!
//! - A variant is the documented name in UpperCamelCase: split on anything that is not
//!   an ASCII letter or digit; a word in one letter case becomes `Word`, a mixed-case
//!   word (`WebRTC`) keeps its inner capitals. `EC_UNKNOWN_SUBSCRIBER` is
//!   `EcUnknownSubscriber`, `Registration error` is `RegistrationError`.
//! - Accented Latin letters count as their ASCII letter (`ÉCHEC` is `Echec`); other
//!   non-ASCII characters separate words.
//! - A name that gives no letters, or starts with a digit, gets the prefix `Code`
//!   (`3G_FAILURE` is `Code3gFailure`); `Self` becomes `SelfCode`.
//! - When several codes of one kind map to one variant name, every one of them gets its
//!   id appended (`EC_VOICE_ERROR_BAD_REQUEST` is `EcVoiceErrorBadRequest5400`,
//!   `...5403`, ...), and the channel as well where the id alone does not separate them.
//!   Where even those do not separate them (one id that a channel documents under two
//!   names differing only in case or punctuation, `EC_X` and `EC-X`), each gets `Name`
//!   and four hex digits of a hash of its documented name: a suffix that depends on the
//!   name alone, so it stays the same across refreshes whatever the page's order. A name
//!   that is still taken gets `Dup` and a counter.

use std::collections::{BTreeMap, BTreeSet};

/// ASCII for the accented Latin letters that names may carry (`É` is `E`, `ß` is `ss`);
/// other characters stay as they are.
fn fold_latin(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    const TABLE: [(&str, &str); 24] = [
        ("ÀÁÂÃÄÅĀĂĄ", "A"),
        ("àáâãäåāăą", "a"),
        ("ÇĆĈĊČ", "C"),
        ("çćĉċč", "c"),
        ("ÈÉÊËĒĔĖĘĚ", "E"),
        ("èéêëēĕėęě", "e"),
        ("ÌÍÎÏĨĪĬĮİ", "I"),
        ("ìíîïĩīĭįı", "i"),
        ("ÑŃŅŇ", "N"),
        ("ñńņň", "n"),
        ("ÒÓÔÕÖØŌŎŐ", "O"),
        ("òóôõöøōŏő", "o"),
        ("ÙÚÛÜŨŪŬŮŰŲ", "U"),
        ("ùúûüũūŭůűų", "u"),
        ("ÝŸŶ", "Y"),
        ("ýÿŷ", "y"),
        ("ŚŜŞŠ", "S"),
        ("śŝşš", "s"),
        ("ŹŻŽ", "Z"),
        ("źżž", "z"),
        ("ß", "ss"),
        ("Æ", "AE"),
        ("æ", "ae"),
        ("ĐĎ", "D"),
    ];
    TABLE
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|(_, ascii)| *ascii)
}

/// The UpperCamelCase identifier for `name`.
pub fn upper_camel(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        match fold_latin(c) {
            Some(ascii) => folded.push_str(ascii),
            None => folded.push(c),
        }
    }
    let mut out = String::new();
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mixed = word.chars().any(|c| c.is_ascii_uppercase())
            && word.chars().any(|c| c.is_ascii_lowercase());
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
        }
        if mixed {
            out.extend(chars);
        } else {
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "Code");
    }
    if out == "Self" {
        out.push_str("Code");
    }
    out
}

/// Something that needs a variant name: its documented name, and what tells it apart
/// from a namesake.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Candidate {
    /// The name the page documents.
    pub name: String,
    /// Its id, appended when namesakes collide.
    pub id: Option<u16>,
    /// Its channel slug, appended when the id alone does not separate namesakes.
    pub channel: Option<String>,
}

/// Unique variant names for candidates whose natural names may collide, in canonical
/// order: one identifier per candidate, in the same order.
pub fn unique_variants(items: &[Candidate]) -> Vec<String> {
    let base = items.iter().map(|c| upper_camel(&c.name)).collect();
    let with_id = suffix_collisions(base, |i| items[i].id.map(|id| id.to_string()));
    let with_channel = suffix_collisions(with_id, |i| items[i].channel.as_deref().map(upper_camel));
    let with_name = suffix_collisions(with_channel, |i| Some(name_tag(&items[i].name)));
    let mut taken = BTreeSet::new();
    with_name
        .into_iter()
        .map(|name| {
            if taken.insert(name.clone()) {
                return name;
            }
            let mut n = 2;
            loop {
                let candidate = format!("{name}Dup{n}");
                if taken.insert(candidate.clone()) {
                    return candidate;
                }
                n += 1;
            }
        })
        .collect()
}

/// Like [`unique_variants`], but `pins[i]`, when given, is item `i`'s name. Unpinned
/// items never take a pinned name: they get their id, then their channel, then the tag of
/// their name (see the module docs), then `DupN` appended. A pin that another item
/// already holds is ignored (validation reports it).
pub fn variants_with_pins(items: &[Candidate], pins: &[Option<String>]) -> Vec<String> {
    let derived = unique_variants(items);
    let mut taken = BTreeSet::new();
    let mut names: Vec<Option<String>> = pins
        .iter()
        .map(|pin| pin.clone().filter(|p| taken.insert(p.clone())))
        .collect();
    names.resize(items.len(), None);
    items
        .iter()
        .zip(derived)
        .zip(names)
        .map(|((item, derived), pinned)| {
            if let Some(p) = pinned {
                return p;
            }
            let with_id = item.id.map(|id| format!("{derived}{id}"));
            // Codes always have an id; a group the page gives no id has only its channel.
            let with_channel = match &with_id {
                Some(n) => item
                    .channel
                    .as_deref()
                    .map(|ch| format!("{n}{}", upper_camel(ch))),
                None => item
                    .channel
                    .as_deref()
                    .map(|ch| format!("{derived}{}", upper_camel(ch))),
            };
            let with_name = with_channel
                .as_ref()
                .map(|n| format!("{n}{}", name_tag(&item.name)));
            let candidates = [Some(derived.clone()), with_id, with_channel, with_name];
            if let Some(free) = candidates
                .into_iter()
                .flatten()
                .find(|c| !taken.contains(c))
            {
                taken.insert(free.clone());
                return free;
            }
            (2..)
                .map(|n| format!("{derived}Dup{n}"))
                .find(|c| taken.insert(c.clone()))
                .unwrap_or(derived)
        })
        .collect()
}

/// `Name` and four hex digits of the FNV-1a hash of `name`: a suffix that only the
/// documented name decides.
fn name_tag(name: &str) -> String {
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("Name{:04X}", hash & 0xffff)
}

/// Appends `suffix(i)` to every name that more than one item shares.
fn suffix_collisions(names: Vec<String>, suffix: impl Fn(usize) -> Option<String>) -> Vec<String> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for n in &names {
        *count.entry(n.clone()).or_default() += 1;
    }
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| match suffix(i) {
            Some(s) if count[&name] > 1 => name + &s,
            _ => name,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(list: &[(&str, Option<u16>, Option<&str>)]) -> Vec<Candidate> {
        list.iter()
            .map(|(name, id, channel)| Candidate {
                name: (*name).to_owned(),
                id: *id,
                channel: channel.map(str::to_owned),
            })
            .collect()
    }

    #[test]
    fn camel_cases_documented_names() {
        assert_eq!(upper_camel("EC_UNKNOWN_SUBSCRIBER"), "EcUnknownSubscriber");
        assert_eq!(upper_camel("Registration error"), "RegistrationError");
        assert_eq!(upper_camel("OK"), "Ok");
        assert_eq!(upper_camel("Voice and WebRTC"), "VoiceAndWebRTC");
        assert_eq!(upper_camel("3G_FAILURE"), "Code3gFailure");
        assert_eq!(upper_camel("été"), "Ete");
        assert_eq!(upper_camel("ÉCHEC_ENVOI"), "EchecEnvoi");
        assert_eq!(upper_camel("Straße"), "Strasse");
        assert_eq!(upper_camel("日本"), "Code");
        assert_eq!(upper_camel("SELF"), "SelfCode");
        assert_eq!(upper_camel("EC_SM_DF_SC_CONGESTION"), "EcSmDfScCongestion");
    }

    #[test]
    fn disambiguates_collisions_deterministically() {
        let items = items(&[
            ("EC_X", Some(5400), Some("voice")),
            ("EC_X", Some(5403), Some("voice")),
            ("EC_Y", Some(1), Some("general")),
            ("EC_Z", Some(7), Some("general")),
            ("EC_Z", Some(7), Some("mms")),
            ("ec-y", None, None),
        ]);
        assert_eq!(
            unique_variants(&items),
            [
                "EcX5400",
                "EcX5403",
                "EcY1",
                "EcZ7General",
                "EcZ7Mms",
                "EcY"
            ]
        );
    }

    #[test]
    fn names_that_only_the_id_and_channel_share_get_a_suffix_of_their_own_name() {
        // One id documented under two spellings that camel-case alike: neither the id nor
        // the channel separates them, and the page's order must not decide.
        let one = |name: &str| Candidate {
            name: name.to_owned(),
            id: Some(40404),
            channel: Some("people-api".to_owned()),
        };
        let (a, b) = (one("EC_X"), one("EC-X"));
        let names = unique_variants(&[a.clone(), b.clone()]);
        assert_eq!(
            names,
            ["EcX40404PeopleApiNameC0BE", "EcX40404PeopleApiName6FEC"]
        );
        assert_eq!(
            unique_variants(&[b.clone(), a.clone()]),
            [names[1].clone(), names[0].clone()]
        );
        // Two names that do not collide keep their own variants.
        let c = one("CUSTOM_ATTRIBUTE_DOES_NOT_EXIST");
        assert_eq!(
            unique_variants(&[a.clone(), c.clone()]),
            ["EcX", "CustomAttributeDoesNotExist"]
        );
        // Unpinned codes find the same free names around pins.
        let pins = vec![Some("EcX".to_owned()), None, None];
        assert_eq!(
            variants_with_pins(&[c, a, b], &pins),
            [
                "EcX",
                "EcX40404PeopleApiNameC0BE",
                "EcX40404PeopleApiName6FEC"
            ]
        );
    }

    #[test]
    fn pins_win_and_keep_other_names_off_them() {
        let items = items(&[
            ("EC_X", Some(1), Some("general")),
            ("EC_X_NEW", Some(2), Some("general")),
            ("EC_Y", Some(3), Some("general")),
        ]);
        // EC_X was reworded from EC_OLD and keeps its variant; EC_Y's natural name is
        // pinned by another code, so it gets its id.
        let pins = vec![Some("EcOld".to_owned()), Some("EcY".to_owned()), None];
        assert_eq!(variants_with_pins(&items, &pins), ["EcOld", "EcY", "EcY3"]);
        // A pin held twice is honoured once.
        let pins = vec![Some("EcA".to_owned()), Some("EcA".to_owned()), None];
        assert_eq!(variants_with_pins(&items, &pins), ["EcA", "EcXNew", "EcY"]);
    }
}
