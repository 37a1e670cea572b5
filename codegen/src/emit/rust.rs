//! The Rust source of `infobip-codes`: enums with their documentation, data tables,
//! id tables and perfect-hash name maps.
//!
//! The output is plain data. Behaviour (accessors, `Display`, `FromStr`, serde) is
//! hand-written in the crate and reads these tables, so reviewers read it once, not once
//! per refresh. Every public item emitted here is documented from the page.
//!
//! Descriptions appear twice: as markdown in the doc comments, and as plain text
//! ([`crate::md::plain_text`]) in the data tables that `description()` returns.

use super::naming::{group_key, unique_variants, variants_with_pins};
use super::wrap;
use crate::freshness::{self, Input};
use crate::md::{code_span, plain_text};
use crate::model::{Catalog, Code, Group, GroupRef, Kind};
use crate::overrides::{code_pin_key, group_pin_key, pinned};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// Status names that sit in a final group but can be followed by another report:
/// Infobip documents `DELIVERED_TO_OPERATOR` as intermediate, since a handset delivery
/// report may still arrive.
pub const INTERMEDIATE_STATUSES: [&str; 1] = ["DELIVERED_TO_OPERATOR"];

/// Whether a status is final: not in the PENDING group, in some group, and not one of
/// [`INTERMEDIATE_STATUSES`].
pub fn is_final(code: &Code) -> bool {
    code.kind == Kind::Status
        && code
            .group
            .as_ref()
            .is_some_and(|g| group_key(&g.name) != "PENDING")
        && !INTERMEDIATE_STATUSES.contains(&code.name.as_str())
}

/// The Rust path of every code's variant (`StatusCode::DeliveredToHandset`), in catalog order.
pub fn variant_paths(catalog: &Catalog) -> Vec<(&Code, String)> {
    let plan = Plan::new(catalog);
    let mut out = Vec::with_capacity(catalog.codes.len());
    for (ty, plans) in [("StatusCode", &plan.statuses), ("ErrorCode", &plan.errors)] {
        out.extend(plans.iter().map(|p| (p.code, format!("{ty}::{}", p.ident))));
    }
    out
}

/// The variant name every code and group gets, by pin key (see [`crate::overrides`]):
/// what `cargo codes pin` records so that later refreshes keep these names.
pub fn current_pins(catalog: &Catalog) -> std::collections::BTreeMap<String, String> {
    let plan = Plan::new(catalog);
    let shared = catalog.ids_with_several_names();
    let mut pins = std::collections::BTreeMap::new();
    for p in plan.statuses.iter().chain(&plan.errors) {
        let key = code_pin_key(p.code, shared.contains(&p.code.key()));
        pins.insert(key, p.ident.clone());
    }
    for (kind, groups) in [
        (Kind::Status, &plan.status_groups),
        (Kind::Error, &plan.error_groups),
    ] {
        for g in groups {
            let r = GroupRef {
                id: g.id,
                name: g.name.clone(),
            };
            pins.insert(group_pin_key(kind, &r), g.ident.clone());
        }
    }
    pins
}

/// Every public variant the catalog generates (`Channel::Voice`, `StatusGroup::Pending`,
/// `ErrorCode::EcUnknownSubscriber`, ...) and whether it is deprecated: the API surface
/// that a diff of two catalogs compares.
pub fn api_surface(catalog: &Catalog) -> std::collections::BTreeMap<String, bool> {
    let plan = Plan::new(catalog);
    let mut surface = std::collections::BTreeMap::new();
    for c in &plan.channels {
        surface.insert(format!("Channel::{}", c.ident), false);
    }
    for (ty, groups) in [
        ("StatusGroup", &plan.status_groups),
        ("ErrorGroup", &plan.error_groups),
    ] {
        for g in groups {
            surface.insert(format!("{ty}::{}", g.ident), false);
        }
    }
    for (ty, codes) in [("StatusCode", &plan.statuses), ("ErrorCode", &plan.errors)] {
        for p in codes {
            surface.insert(format!("{ty}::{}", p.ident), p.code.retired.is_some());
        }
    }
    surface
}

/// Generates the crate's source from a validated catalog and the inputs it was read
/// from: the [`crate::freshness`] header naming every input, then the code,
/// formatted by prettyplease.
///
/// Fails only if the emitted tokens are not a Rust file, which is a bug of this module.
pub fn generate(catalog: &Catalog, inputs: &[Input]) -> Result<String, syn::Error> {
    let plan = Plan::new(catalog);
    let mut items = TokenStream::new();
    items.extend(plan.channels_tokens());
    items.extend(plan.groups_tokens(Kind::Status));
    items.extend(plan.groups_tokens(Kind::Error));
    items.extend(plan.codes_tokens(Kind::Status));
    items.extend(plan.codes_tokens(Kind::Error));
    items.extend(plan.sources_tokens());
    let file: syn::File = syn::parse2(items)?;
    let mut out = freshness::header(env!("CARGO_PKG_VERSION"), inputs);
    out.push('\n');
    out.push_str(&prettyplease::unparse(&file));
    out.push('\n');
    out.push_str(super::perfect::NAME_HASH_SOURCE);
    Ok(out)
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// A string literal. proc-macro2's `Literal::string` escapes every character through
/// `char::escape_debug`, which dominated generation time; escaping here and lexing the
/// result is four times faster and gives the same token.
fn lit(s: &str) -> Literal {
    quoted(s)
        .parse::<Literal>()
        .unwrap_or_else(|_| Literal::string(s))
}

/// A string literal for a field that prettyplease puts at [`DATA_FIELD_COLUMN`], broken
/// into lines with `\` continuations when it is long (see [`wrap::literal`]).
fn field_lit(s: &str) -> Literal {
    let quoted = quoted(s);
    let escaped = &quoted[1..quoted.len() - 1];
    wrap::literal(escaped, DATA_FIELD_COLUMN, DATA_FIELD_COLUMN - 9)
        .parse::<Literal>()
        .unwrap_or_else(|_| Literal::string(s))
}

/// Where a string field of a data table's struct starts (`        description: "`).
const DATA_FIELD_COLUMN: usize = 21;

/// `s` as the source text of a string literal (see [`lit`]).
fn quoted(s: &str) -> String {
    let mut quoted = String::with_capacity(s.len() + 2);
    quoted.push('"');
    for c in s.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() || is_direction_mark(c) => {
                quoted.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

fn opt_u16(v: Option<u16>) -> TokenStream {
    match v {
        Some(v) => {
            let v = Literal::u16_unsuffixed(v);
            quote!(Some(#v))
        }
        None => quote!(None),
    }
}

fn opt_str(v: Option<&str>) -> TokenStream {
    match v {
        Some(v) => {
            let v = lit(v);
            quote!(Some(#v))
        }
        None => quote!(None),
    }
}

/// `#[doc = "..."]` attributes, one per line of `text` wrapped to fit, each line indented
/// by a space as `///` would: prettyplease prints them as `///` comments.
fn doc(text: &str) -> TokenStream {
    // Room for a variant's `    /// `.
    let text = wrap::markdown(text, wrap::WIDTH - 8);
    let lines = text.lines().map(|line| {
        let line = if line.is_empty() {
            lit("")
        } else {
            lit(&format!(" {}", visible(line)))
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// `line` with the characters a `///` comment may not hold raw (controls, and the marks
/// that change the visible direction of text) written as `U+XXXX`.
fn visible(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if (c.is_control() && c != '\t') || is_direction_mark(c) {
            out.push_str(&format!("U+{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The text-direction marks that rustc refuses raw in literals and comments.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether rustdoc accepts `name` as a doc alias of `ident`.
fn alias_ok(name: &str, ident: &str) -> bool {
    !name.is_empty()
        && name != ident
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '\'')
}

/// `#[doc(alias = "NAME")]` when rustdoc accepts `name` as an alias of `ident`.
fn alias(name: &str, ident: &str) -> TokenStream {
    if alias_ok(name, ident) {
        let name = lit(name);
        quote!(#[doc(alias = #name)])
    } else {
        TokenStream::new()
    }
}

/// A description made safe for rustdoc: bare URLs become autolinks.
fn doc_markdown(description: &str) -> String {
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

struct ChannelPlan {
    slug: String,
    title: String,
    ident: String,
}

struct GroupPlan {
    ident: String,
    id: Option<u16>,
    name: String,
    key: String,
    /// (channel slug, description) per channel that documents the group.
    descriptions: Vec<(Option<String>, String)>,
    /// Channels whose codes use the group, in canonical order.
    channels: Vec<String>,
}

struct CodePlan<'a> {
    code: &'a Code,
    ident: String,
    group: Option<usize>,
}

struct Plan<'a> {
    catalog: &'a Catalog,
    channels: Vec<ChannelPlan>,
    status_groups: Vec<GroupPlan>,
    error_groups: Vec<GroupPlan>,
    statuses: Vec<CodePlan<'a>>,
    errors: Vec<CodePlan<'a>>,
}

/// A group variant is a group name (compared by [`group_key`]) with its id. Status groups
/// are one shared set anyway; error groups are per channel on the page, and the crate
/// merges the ones that share a name and an id (HANDSET_ERRORS is group 1 in General and
/// in Voice).
fn group_identity(r: &GroupRef) -> (String, Option<u16>) {
    (group_key(&r.name), r.id)
}

impl<'a> Plan<'a> {
    fn new(catalog: &'a Catalog) -> Self {
        let channel_items: Vec<(String, Option<u16>, Option<String>)> = catalog
            .channels
            .iter()
            .map(|c| (c.slug.clone(), None, None))
            .collect();
        let channels = catalog
            .channels
            .iter()
            .zip(unique_variants(&channel_items))
            .map(|(c, ident)| ChannelPlan {
                slug: c.slug.clone(),
                title: c.title.clone(),
                ident,
            })
            .collect();
        let status_groups = Self::group_plans(catalog, Kind::Status);
        let error_groups = Self::group_plans(catalog, Kind::Error);
        let statuses = Self::code_plans(catalog, Kind::Status, &status_groups);
        let errors = Self::code_plans(catalog, Kind::Error, &error_groups);
        Plan {
            catalog,
            channels,
            status_groups,
            error_groups,
            statuses,
            errors,
        }
    }

    fn group_plans(catalog: &Catalog, kind: Kind) -> Vec<GroupPlan> {
        let mut plans: Vec<GroupPlan> = Vec::new();
        let mut index: BTreeMap<(String, Option<u16>), usize> = BTreeMap::new();
        let groups: Vec<&Group> = catalog.groups.iter().filter(|g| g.kind == kind).collect();
        for g in &groups {
            let identity = group_identity(&g.key);
            match index.get(&identity).map(|&i| &mut plans[i]) {
                Some(p) => p
                    .descriptions
                    .push((g.channel.clone(), g.description.clone())),
                None => {
                    index.insert(identity.clone(), plans.len());
                    plans.push(GroupPlan {
                        ident: String::new(),
                        id: g.key.id,
                        name: g.key.name.clone(),
                        key: identity.0,
                        descriptions: vec![(g.channel.clone(), g.description.clone())],
                        channels: Vec::new(),
                    });
                }
            }
        }
        let items: Vec<_> = plans.iter().map(|p| (p.name.clone(), p.id, None)).collect();
        let pins: Vec<Option<String>> = plans
            .iter()
            .map(|p| {
                let r = GroupRef {
                    id: p.id,
                    name: p.name.clone(),
                };
                catalog.pins.get(&group_pin_key(kind, &r)).cloned()
            })
            .collect();
        for (p, ident) in plans.iter_mut().zip(variants_with_pins(&items, &pins)) {
            p.ident = ident;
        }
        for code in catalog.codes_of(kind) {
            let Some(r) = &code.group else { continue };
            if let Some(&i) = index.get(&group_identity(r)) {
                let p = &mut plans[i];
                if !p.channels.contains(&code.channel) {
                    p.channels.push(code.channel.clone());
                }
            }
        }
        plans
    }

    fn code_plans(catalog: &'a Catalog, kind: Kind, groups: &[GroupPlan]) -> Vec<CodePlan<'a>> {
        let codes: Vec<&Code> = catalog.codes_of(kind).collect();
        let items: Vec<_> = codes
            .iter()
            .map(|c| (c.name.clone(), Some(c.id), Some(c.channel.clone())))
            .collect();
        let shared = catalog.ids_with_several_names();
        let pins: Vec<Option<String>> = codes
            .iter()
            .map(|c| pinned(&catalog.pins, c, shared.contains(&c.key())).cloned())
            .collect();
        let index: BTreeMap<(&str, Option<u16>), usize> = groups
            .iter()
            .enumerate()
            .map(|(i, p)| ((p.key.as_str(), p.id), i))
            .collect();
        codes
            .into_iter()
            .zip(variants_with_pins(&items, &pins))
            .map(|(code, ident)| {
                let group = code.group.as_ref().and_then(|r| {
                    let (key, id) = group_identity(r);
                    index.get(&(key.as_str(), id)).copied()
                });
                CodePlan { code, ident, group }
            })
            .collect()
    }

    fn channel(&self, slug: &str) -> Option<&ChannelPlan> {
        self.channels.iter().find(|c| c.slug == slug)
    }

    fn channel_path(&self, slug: &str) -> TokenStream {
        match self.channel(slug) {
            Some(c) => {
                let v = ident(&c.ident);
                quote!(Channel::#v)
            }
            // Unreachable for catalogs built by `parse`; keeps the output compiling.
            None => quote!(compile_error!("unknown channel")),
        }
    }

    fn channel_title(&self, slug: &str) -> String {
        self.channel(slug)
            .map_or_else(|| slug.to_owned(), |c| c.title.clone())
    }

    fn channels_tokens(&self) -> TokenStream {
        let n = Literal::usize_unsuffixed(self.channels.len());
        let variants = self.channels.iter().map(|c| {
            let text = format!(
                "{}: codes documented in the page's \"{}\" sections.\n\nSlug: `{}`.",
                c.title, c.title, c.slug
            );
            let docs = doc(&text);
            let v = ident(&c.ident);
            quote!(#docs #v)
        });
        let data = self.channels.iter().map(|c| {
            let (slug, title) = (lit(&c.slug), lit(&c.title));
            quote!(crate::data::ChannelData { slug: #slug, title: #title })
        });
        let all = self.channels.iter().map(|c| {
            let v = ident(&c.ident);
            quote!(Channel::#v)
        });
        let arms = self.channels.iter().map(|c| {
            let (slug, v) = (lit(&c.slug), ident(&c.ident));
            quote!(#slug => Some(Channel::#v))
        });
        let first = self.channels.first().map_or("general", |c| c.slug.as_str());
        let first_ident = self
            .channels
            .first()
            .map_or("General", |c| c.ident.as_str());
        let docs = doc(&format!(
            "A channel (product family) with its own section of codes on the page.\n\n\
             Error groups are scoped per channel: the same group id means a different group in\n\
             another channel. Status groups are shared by every channel.\n\n\
             ```\n\
             use infobip_codes::Channel;\n\n\
             let channel = Channel::{first_ident};\n\
             assert_eq!(channel.as_str(), \"{first}\");\n\
             assert_eq!(\"{first}\".parse::<Channel>(), Ok(channel));\n\
             ```"
        ));
        quote! {
            #docs
            #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
            #[non_exhaustive]
            pub enum Channel { #(#variants),* }
            pub(crate) const CHANNEL_DATA: &[crate::data::ChannelData; #n] = &[#(#data),*];
            pub(crate) const CHANNEL_ALL: &[Channel; #n] = &[#(#all),*];
            pub(crate) fn channel_from_slug(slug: &str) -> Option<Channel> {
                match slug { #(#arms,)* _ => None }
            }
        }
    }

    fn groups_tokens(&self, kind: Kind) -> TokenStream {
        let (plans, ty, data_name, all_name) = match kind {
            Kind::Status => (
                &self.status_groups,
                ident("StatusGroup"),
                ident("STATUS_GROUP_DATA"),
                ident("STATUS_GROUP_ALL"),
            ),
            Kind::Error => (
                &self.error_groups,
                ident("ErrorGroup"),
                ident("ERROR_GROUP_DATA"),
                ident("ERROR_GROUP_ALL"),
            ),
        };
        let n = Literal::usize_unsuffixed(plans.len());
        let variants = plans.iter().map(|p| {
            let mut text = String::new();
            let distinct: Vec<&String> = {
                let mut d: Vec<&String> = Vec::new();
                for (_, desc) in &p.descriptions {
                    if !d.contains(&desc) {
                        d.push(desc);
                    }
                }
                d
            };
            match distinct.as_slice() {
                [one] => text.push_str(&doc_markdown(one)),
                _ => {
                    text.push_str(&format!("The `{}` group.", p.name.replace('`', "'")));
                    for (channel, desc) in &p.descriptions {
                        let ch = channel
                            .as_deref()
                            .map_or_else(String::new, |c| self.channel_title(c));
                        text.push_str(&format!("\n\n{ch}: {}", doc_markdown(desc)));
                    }
                }
            }
            text.push_str(&format!("\n\n- Name: {}", code_span(&p.name)));
            match p.id {
                Some(id) => text.push_str(&format!("\n- Id: {id}")),
                None => text.push_str("\n- Id: none given on the page"),
            }
            if !p.channels.is_empty() {
                let titles: Vec<String> =
                    p.channels.iter().map(|c| self.channel_title(c)).collect();
                text.push_str(&format!("\n- Channels: {}", titles.join(", ")));
            }
            let docs = doc(&text);
            let alias = alias(&p.name, &p.ident);
            let v = ident(&p.ident);
            quote!(#docs #alias #v)
        });
        let data = plans.iter().map(|p| {
            let id = opt_u16(p.id);
            let name = lit(&p.name);
            let desc = field_lit(&p.descriptions.first().map(|(_, d)| plain_text(d)).unwrap_or_default());
            let channels = p.channels.iter().map(|c| self.channel_path(c));
            let fin = kind == Kind::Status && p.key != "PENDING";
            quote!(crate::data::GroupData { id: #id, name: #name, description: #desc, channels: &[#(#channels),*], is_final: #fin })
        });
        let all = plans.iter().map(|p| {
            let v = ident(&p.ident);
            quote!(#ty::#v)
        });
        let docs = match kind {
            Kind::Status => status_group_docs(plans),
            Kind::Error => error_group_docs(plans),
        };
        quote! {
            #docs
            #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
            #[non_exhaustive]
            pub enum #ty { #(#variants),* }
            pub(crate) const #data_name: &[crate::data::GroupData; #n] = &[#(#data),*];
            pub(crate) const #all_name: &[#ty; #n] = &[#(#all),*];
        }
    }

    fn codes_tokens(&self, kind: Kind) -> TokenStream {
        let (plans, groups, ty, group_ty, prefix) = match kind {
            Kind::Status => (
                &self.statuses,
                &self.status_groups,
                "StatusCode",
                "StatusGroup",
                "STATUS",
            ),
            Kind::Error => (
                &self.errors,
                &self.error_groups,
                "ErrorCode",
                "ErrorGroup",
                "ERROR",
            ),
        };
        let ty = ident(ty);
        let group_ty = ident(group_ty);
        let data_name = ident(&format!("{prefix}_DATA"));
        let all_name = ident(&format!("{prefix}_ALL"));
        let by_name = ident(&format!("{prefix}_BY_NAME"));
        let by_folded = ident(&format!("{prefix}_BY_FOLDED_NAME"));
        let max_len = ident(&format!("{prefix}_MAX_NAME_LEN"));
        let from_id_all = ident(&format!("{}_from_id_all", prefix.to_ascii_lowercase()));
        let n = Literal::usize_unsuffixed(plans.len());

        let variants = plans.iter().map(|p| {
            let docs = doc(&self.code_doc(p, groups));
            let alias = alias(&p.code.name, &p.ident);
            let v = ident(&p.ident);
            let deprecated = p.code.retired.as_deref().map(|release| {
                let note = lit(&format!(
                    "no longer on Infobip's page; kept as deprecated since infobip-codes {release}"
                ));
                quote!(#[deprecated(note = #note)])
            });
            quote!(#docs #alias #deprecated #v)
        });
        let data = plans.iter().map(|p| {
            let c = p.code;
            let id = Literal::u16_unsuffixed(c.id);
            let name = lit(&c.name);
            let desc = field_lit(&c.description_text());
            let channel = self.channel_path(&c.channel);
            let group = match p.group {
                Some(g) => {
                    let v = ident(&groups[g].ident);
                    quote!(Some(#group_ty::#v))
                }
                None => quote!(None),
            };
            let permanent = match c.permanent {
                Some(v) => quote!(Some(#v)),
                None => quote!(None),
            };
            let fin = is_final(c);
            quote!(crate::data::CodeData { id: #id, name: #name, description: #desc, channel: #channel, group: #group, permanent: #permanent, is_final: #fin })
        });
        let all = plans.iter().map(|p| {
            let v = ident(&p.ident);
            quote!(#ty::#v)
        });
        // Ids in canonical order; codes sharing an id (in different channels) share an arm.
        let mut by_id: BTreeMap<u16, Vec<&str>> = BTreeMap::new();
        for p in plans {
            by_id.entry(p.code.id).or_default().push(&p.ident);
        }
        let arms = by_id.iter().map(|(id, idents)| {
            let id = Literal::u16_unsuffixed(*id);
            let vs = idents.iter().map(|v| {
                let v = ident(v);
                quote!(#ty::#v)
            });
            quote!(#id => &[#(#vs),*])
        });
        // Names shared by several codes map to all of them: each key is in a map once.
        let mut names: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut folded: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for p in plans {
            names.entry(&p.code.name).or_default().push(&p.ident);
            folded
                .entry(p.code.name.to_ascii_uppercase())
                .or_default()
                .push(&p.ident);
        }
        let exact_map = name_map(names.iter().map(|(k, v)| (*k, v)), &ty);
        // Documented names are upper case: then the folded map is the exact one.
        let same_keys = names.len() == folded.len()
            && names
                .iter()
                .zip(&folded)
                .all(|((a, x), (b, y))| *a == b.as_str() && x == y);
        let folded_table = ident(&format!("{prefix}_FOLDED_TABLE"));
        let folded_map = if same_keys {
            quote!(pub(crate) static #by_folded: &crate::lookup::NameMap<#ty> = &#by_name;)
        } else {
            let table = name_map(folded.iter().map(|(k, v)| (k.as_str(), v)), &ty);
            quote! {
                static #folded_table: crate::lookup::NameMap<#ty> = #table;
                pub(crate) static #by_folded: &crate::lookup::NameMap<#ty> = &#folded_table;
            }
        };
        let ids = super::perfect::id_table(plans.iter().enumerate().map(|(i, p)| (p.code.id, i)));
        let id_pages = ident(&format!("{prefix}_ID_PAGES"));
        let id_slots = ident(&format!("{prefix}_ID_SLOTS"));
        let page_count = Literal::usize_unsuffixed(ids.pages.len());
        let slot_count = Literal::usize_unsuffixed(ids.slots.len());
        let pages = ids.pages.iter().map(|p| Literal::u16_unsuffixed(*p));
        let slots = ids.slots.iter().map(|page| {
            let s = page.iter().map(|v| Literal::u16_unsuffixed(*v));
            quote!([#(#s),*])
        });
        let longest =
            Literal::usize_unsuffixed(plans.iter().map(|p| p.code.name.len()).max().unwrap_or(0));
        let docs = code_enum_docs(kind, plans, self);
        quote! {
            #docs
            #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
            #[non_exhaustive]
            pub enum #ty { #(#variants),* }
            pub(crate) const #data_name: &[crate::data::CodeData<#group_ty>; #n] = &[#(#data),*];
            pub(crate) const #all_name: &[#ty; #n] = &[#(#all),*];
            pub(crate) const fn #from_id_all(id: u16) -> &'static [#ty] {
                match id { #(#arms,)* _ => &[] }
            }
            pub(crate) static #by_name: crate::lookup::NameMap<#ty> = #exact_map;
            #folded_map
            pub(crate) const #id_pages: &[u16; #page_count] = &[#(#pages),*];
            pub(crate) const #id_slots: &[[u16; 64]; #slot_count] = &[#(#slots),*];
            pub(crate) const #max_len: usize = #longest;
        }
    }

    fn code_doc(&self, p: &CodePlan<'_>, groups: &[GroupPlan]) -> String {
        let c = p.code;
        let mut text = doc_markdown(&c.description);
        if let Some(release) = &c.retired {
            text.push_str(&format!(
                "\n\n**Retired:** the page no longer lists this code. infobip-codes keeps it, deprecated, since {release}, because payloads may still carry it."
            ));
        }
        if c.deprecated {
            text.push_str("\n\nThe page lists this code in a section it marks deprecated.");
        }
        text.push_str(&format!("\n\n- Name: {}", code_span(&c.name)));
        text.push_str(&format!("\n- Id: {}", c.id));
        text.push_str(&format!("\n- Channel: {}", self.channel_title(&c.channel)));
        match p.group.map(|g| &groups[g]) {
            Some(g) => {
                let id =
                    g.id.map_or_else(|| "no id".to_owned(), |id| format!("id {id}"));
                text.push_str(&format!("\n- Group: {} ({id})", code_span(&g.name)));
            }
            None => text.push_str("\n- Group: none on the page"),
        }
        match c.kind {
            Kind::Error => text.push_str(match c.permanent {
                Some(true) => "\n- Permanent: yes; sending the same message again, unchanged, fails the same way",
                Some(false) => "\n- Permanent: no; a retry may succeed",
                None => "\n- Permanent: not documented",
            }),
            Kind::Status => {
                if INTERMEDIATE_STATUSES.contains(&c.name.as_str()) {
                    text.push_str("\n- Final: no; intermediate, a handset delivery report may follow");
                } else if is_final(c) {
                    text.push_str("\n- Final: yes");
                } else {
                    text.push_str("\n- Final: no; a later report will follow");
                }
            }
        }
        text
    }

    fn sources_tokens(&self) -> TokenStream {
        let n = Literal::usize_unsuffixed(self.catalog.sources.len());
        let sources = self.catalog.sources.iter().map(|s| {
            let path = lit(&s.path);
            let sha = lit(&s.sha256);
            let url = opt_str(s.url.as_deref());
            let retrieved = opt_str(s.retrieved.as_deref());
            quote!(crate::data::SourceData { path: #path, sha256: #sha, url: #url, retrieved: #retrieved })
        });
        quote! {
            pub(crate) const SOURCES: &[crate::data::SourceData; #n] = &[#(#sources),*];
        }
    }
}

/// A name map: a perfect hash table whose entries sit in slot order.
fn name_map<'k>(
    entries: impl Iterator<Item = (&'k str, &'k Vec<&'k str>)>,
    ty: &Ident,
) -> TokenStream {
    let entries: Vec<(&str, &Vec<&str>)> = entries.collect();
    let keys: Vec<&str> = entries.iter().map(|(k, _)| *k).collect();
    let table = super::perfect::build(&keys);
    let seed = Literal::u64_unsuffixed(table.seed);
    let pilots = table.pilots.iter().map(|p| Literal::u16_unsuffixed(*p));
    // A free slot holds ("", &[]): no name is empty, and a lookup of "" finds no code.
    let slots = table.order.iter().map(|slot| match slot {
        Some(i) => {
            let (key, idents) = entries[*i];
            let key = lit(key);
            let variants = idents.iter().map(|v| {
                let v = ident(v);
                quote!(#ty::#v)
            });
            quote!((#key, &[#(#variants),*]))
        }
        None => quote!(("", &[])),
    });
    quote!(crate::lookup::NameMap { seed: #seed, pilots: &[#(#pilots),*], entries: &[#(#slots),*] })
}

fn first_example<'p>(plans: &'p [CodePlan<'_>]) -> Option<&'p CodePlan<'p>> {
    // A code that is the only one with its id and its name, so every lookup returns it.
    let mut ids: BTreeMap<u16, usize> = BTreeMap::new();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for p in plans {
        *ids.entry(p.code.id).or_default() += 1;
        *names.entry(p.code.name.to_ascii_uppercase()).or_default() += 1;
    }
    plans
        .iter()
        .filter(|p| p.code.retired.is_none())
        .find(|p| ids[&p.code.id] == 1 && names[&p.code.name.to_ascii_uppercase()] == 1)
}

fn code_example(plans: &[CodePlan<'_>], ty: &str) -> String {
    match first_example(plans) {
        Some(p) => {
            let name = p.code.name.replace('\\', "\\\\").replace('"', "\\\"");
            format!(
                "\n\n```\nuse infobip_codes::{ty};\n\nlet code = {ty}::{};\nassert_eq!(code.id(), {});\nassert_eq!(code.name(), \"{name}\");\nassert_eq!({ty}::from_id({}), Some(code));\nassert_eq!(\"{name}\".parse::<{ty}>(), Ok(code));\n```",
                p.ident, p.code.id, p.code.id
            )
        }
        None => String::new(),
    }
}

fn count_by_channel(plans: &[CodePlan<'_>], plan: &Plan<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for ch in &plan.channels {
        let n = plans.iter().filter(|p| p.code.channel == ch.slug).count();
        if n > 0 {
            parts.push(format!("{} {n}", ch.title));
        }
    }
    parts.join(", ")
}

fn code_enum_docs(kind: Kind, plans: &[CodePlan<'_>], plan: &Plan<'_>) -> TokenStream {
    let (article, noun, wire, ty) = match kind {
        Kind::Status => ("A", "status", "MessageStatus", "StatusCode"),
        Kind::Error => ("An", "error", "MessageError", "ErrorCode"),
    };
    doc(&format!(
        "{article} {noun} code: the `id` of the `{noun}` object in send responses, delivery\n\
         reports and message logs.\n\n\
         One variant per {noun} the page documents ({} in all: {}). The enum is\n\
         `#[non_exhaustive]`: a refresh of the page adds variants in a minor release. {article}\n\
         {noun} this version does not know still decodes through the wire type\n\
         `{wire}` (feature `serde`), which keeps the raw id.{}",
        plans.len(),
        count_by_channel(plans, plan),
        code_example(plans, ty)
    ))
}

fn group_list(plans: &[GroupPlan]) -> String {
    plans
        .iter()
        .map(|p| match p.id {
            Some(id) => format!("{id} {}", code_span(&p.name)),
            None => code_span(&p.name),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn status_group_docs(plans: &[GroupPlan]) -> TokenStream {
    let example = plans
        .iter()
        .find(|p| p.id.is_some())
        .map(|p| {
            format!(
                "\n\n```\nuse infobip_codes::StatusGroup;\n\nlet group = StatusGroup::{};\nassert_eq!(group.id(), Some({}));\nassert_eq!(StatusGroup::from_id({}), Some(group));\n```",
                p.ident,
                p.id.unwrap_or_default(),
                p.id.unwrap_or_default()
            )
        })
        .unwrap_or_default();
    doc(&format!(
        "A status group: `groupId` and `groupName` of the `status` object.\n\n\
         Status groups are one set shared by every channel: {}.{example}",
        group_list(plans)
    ))
}

fn error_group_docs(plans: &[GroupPlan]) -> TokenStream {
    doc(&format!(
        "An error group: `groupId` and `groupName` of the `error` object.\n\n\
         On the page, error groups are scoped per channel: group id 1 is `HANDSET_ERRORS`\n\
         in General but \"Registration error\" for push notifications. A variant is one\n\
         group name with its id, shared by the channels that list it; look a group up by\n\
         channel and id with `ErrorGroup::from_channel_id`, or by name with\n\
         `ErrorGroup::from_name`. The groups: {}.",
        group_list(plans)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_literals_match_proc_macro2() {
        for s in [
            "plain",
            "a \"quote\" and \\ backslash",
            "tab\there\nnew line",
            "é 日本 \u{1}\u{7f}",
            "*/ \"# `x` {}",
            "",
            "\u{202e}evil\u{2066}",
        ] {
            assert_eq!(
                lit(s)
                    .to_string()
                    .parse::<TokenStream>()
                    .unwrap()
                    .to_string(),
                Literal::string(s).to_string()
            );
        }
    }

    #[test]
    fn bare_urls_become_autolinks() {
        assert_eq!(
            doc_markdown(
                "See https://a.example/x_y. And [l](https://b.example) or <https://c.example>."
            ),
            "See <https://a.example/x_y>. And [l](https://b.example) or <https://c.example>."
        );
        assert_eq!(doc_markdown("`https://in.code`"), "`https://in.code`");
        assert_eq!(doc_markdown(""), "No description on the page.");
    }

    #[test]
    fn aliases_only_where_rustdoc_accepts_them() {
        assert!(alias("EC_X", "EcX").to_string().contains("alias"));
        assert!(alias("Registration error", "RegistrationError").is_empty());
        assert!(alias("Dropped", "Dropped").is_empty());
        assert!(alias("a\"b", "AB").is_empty());
    }
}
