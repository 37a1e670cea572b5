//! The Rust source of `infobip-codes`: enums with their documentation, data tables,
//! id tables and perfect-hash name maps, from a catalog and its [`Names`].
//!
//! The output is plain data. Behaviour (accessors, `Display`, `FromStr`, serde) is
//! hand-written in the crate and reads these tables, so reviewers read it once, not once
//! per refresh. Every public item emitted here is documented from the page (the prose
//! module of `emit`).
//!
//! Descriptions appear twice: as markdown in the doc comments, and as plain text
//! ([`crate::md::plain_text`]) in the data tables that `description()` returns.

use super::prose;
use super::tokens::{alias, doc, field_string, ident, option_string, option_u16, string};
use crate::freshness::{self, Input};
use crate::md::plain_text;
use crate::model::{is_final_status_group, Catalog, Kind};
use crate::names::{CodeName, Names};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// Generates the crate's source from a validated catalog and the inputs it was read
/// from: the [`crate::freshness`] header naming every input, then the code, formatted
/// by prettyplease.
///
/// Fails only if the emitted tokens are not a Rust file, which is a bug of this module.
pub fn generate(catalog: &Catalog, inputs: &[Input]) -> Result<String, syn::Error> {
    let names = Names::new(catalog);
    let mut items = channels(&names);
    for kind in [Kind::Status, Kind::Error] {
        items.extend(groups(&names, kind));
    }
    for kind in [Kind::Status, Kind::Error] {
        items.extend(codes(&names, kind));
    }
    items.extend(super::table::module(&names));
    items.extend(sources(catalog));
    let file: syn::File = syn::parse2(items)?;
    let mut out = freshness::header(env!("CARGO_PKG_VERSION"), inputs);
    out.push('\n');
    out.push_str(&spaced(&prettyplease::unparse(&file)));
    out.push('\n');
    out.push_str(super::perfect::NAME_HASH_SOURCE);
    Ok(out)
}

/// `code` with a blank line between top-level items, which prettyplease writes back to
/// back: a line at column 0 that starts an item, after one that ends an item.
fn spaced(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + code.len() / 64);
    let mut previous: Option<&str> = None;
    for line in code.lines() {
        let starts_item = !line.is_empty() && !line.starts_with([' ', '}', ']', ')']);
        let after_item = previous
            .is_some_and(|p| !p.starts_with([' ', '/']) && (p.ends_with('}') || p.ends_with(';')));
        if starts_item && after_item {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        previous = Some(line);
    }
    out
}

/// `Channel::Variant` for a channel slug.
fn channel_path(names: &Names<'_>, slug: &str) -> TokenStream {
    match names.channel(slug) {
        Some(c) => {
            let v = ident(&c.ident);
            quote!(Channel::#v)
        }
        // Unreachable for catalogs built by `parse`; keeps the output compiling.
        None => quote!(compile_error!("unknown channel")),
    }
}

/// `Type::Variant` for each variant name.
fn paths<'v>(ty: &'v Ident, variants: impl IntoIterator<Item = &'v str>) -> Vec<TokenStream> {
    variants
        .into_iter()
        .map(|v| {
            let v = ident(v);
            quote!(#ty::#v)
        })
        .collect()
}

/// The `Channel` enum, its data, and the slug lookup.
fn channels(names: &Names<'_>) -> TokenStream {
    let n = Literal::usize_unsuffixed(names.channels.len());
    let variants = names.channels.iter().map(|c| {
        let docs = doc(&prose::channel(c));
        let v = ident(&c.ident);
        quote!(#docs #v)
    });
    let data = names.channels.iter().map(|c| {
        let (slug, title) = (string(&c.slug), string(&c.title));
        quote!(crate::data::ChannelData { slug: #slug, title: #title })
    });
    let ty = ident("Channel");
    let all = paths(&ty, names.channels.iter().map(|c| c.ident.as_str()));
    let arms = names.channels.iter().map(|c| {
        let (slug, v) = (string(&c.slug), ident(&c.ident));
        quote!(#slug => Some(Channel::#v))
    });
    let docs = doc(&prose::channel_enum(names.channels.first()));
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

/// `StatusGroup` or `ErrorGroup`, with its data.
fn groups(names: &Names<'_>, kind: Kind) -> TokenStream {
    let groups = names.groups(kind);
    let ty = ident(kind.group_type());
    let prefix = kind.as_str().to_ascii_uppercase();
    let data_name = ident(&format!("{prefix}_GROUP_DATA"));
    let all_name = ident(&format!("{prefix}_GROUP_ALL"));
    let n = Literal::usize_unsuffixed(groups.len());
    let variants = groups.iter().map(|g| {
        let docs = doc(&prose::group(g, names));
        let alias = alias(&g.name, &g.ident);
        let v = ident(&g.ident);
        quote!(#docs #alias #v)
    });
    let data = groups.iter().map(|g| {
        let id = option_u16(g.id);
        let name = string(&g.name);
        let desc = field_string(&g.descriptions.first().map_or_else(String::new, |(_, d)| plain_text(d)));
        let channels = g.channels.iter().map(|c| channel_path(names, c));
        let fin = kind == Kind::Status && is_final_status_group(&g.name);
        let aliases = g.aliases.iter().map(|a| string(a));
        quote!(crate::data::GroupData { id: #id, name: #name, aliases: &[#(#aliases),*], description: #desc, channels: &[#(#channels),*], is_final: #fin })
    });
    let all = paths(&ty, groups.iter().map(|g| g.ident.as_str()));
    let docs = doc(&prose::group_enum(kind, groups));
    quote! {
        #docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum #ty { #(#variants),* }
        pub(crate) const #data_name: &[crate::data::GroupData; #n] = &[#(#data),*];
        pub(crate) const #all_name: &[#ty; #n] = &[#(#all),*];
    }
}

/// `StatusCode` or `ErrorCode`: the enum, its data, and its id and name lookups.
fn codes(names: &Names<'_>, kind: Kind) -> TokenStream {
    let codes = names.codes(kind);
    let ty = ident(kind.code_type());
    let prefix = kind.as_str().to_ascii_uppercase();
    let data_name = ident(&format!("{prefix}_DATA"));
    let all_name = ident(&format!("{prefix}_ALL"));
    let group_ty = ident(kind.group_type());
    let n = Literal::usize_unsuffixed(codes.len());
    let variants = codes.iter().map(|c| code_variant(c, names));
    let data = codes.iter().map(|c| code_data(c, names, &group_ty));
    let all = paths(&ty, codes.iter().map(|c| c.ident.as_str()));
    let docs = doc(&prose::code_enum(kind, names));
    let from_id_all = from_id_all(codes, &ty, &prefix);
    let name_maps = name_lookups(codes, &ty, &prefix);
    let id_table = id_table(codes, &prefix);
    let max_len = ident(&format!("{prefix}_MAX_NAME_LEN"));
    let longest = codes.iter().map(|c| c.code.name.len()).max().unwrap_or(0);
    let longest = Literal::usize_unsuffixed(longest);
    quote! {
        #docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum #ty { #(#variants),* }
        pub(crate) const #data_name: &[crate::data::CodeData<#group_ty>; #n] = &[#(#data),*];
        pub(crate) const #all_name: &[#ty; #n] = &[#(#all),*];
        #from_id_all
        #name_maps
        #id_table
        pub(crate) const #max_len: usize = #longest;
    }
}

/// One code's variant: docs, doc alias, and `#[deprecated]` for a retired code.
fn code_variant(c: &CodeName<'_>, names: &Names<'_>) -> TokenStream {
    let docs = doc(&prose::code(c, names));
    let alias = alias(&c.code.name, &c.ident);
    let v = ident(&c.ident);
    let deprecated = c.code.retired.as_deref().map(|release| {
        let note = string(&format!(
            "no longer on Infobip's page; kept as deprecated since infobip-codes {release}"
        ));
        quote!(#[deprecated(note = #note)])
    });
    quote!(#docs #alias #deprecated #v)
}

/// One code's row of the data table.
fn code_data(c: &CodeName<'_>, names: &Names<'_>, group_ty: &Ident) -> TokenStream {
    let code = c.code;
    let id = Literal::u16_unsuffixed(code.id);
    let name = string(&code.name);
    let desc = field_string(&code.description_text());
    let channel = channel_path(names, &code.channel);
    let group = match c.group {
        Some(g) => {
            let v = ident(&names.groups(code.kind)[g].ident);
            quote!(Some(#group_ty::#v))
        }
        None => quote!(None),
    };
    let permanent = match code.permanent {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    };
    let fin = code.is_final();
    quote!(crate::data::CodeData { id: #id, name: #name, description: #desc, channel: #channel, group: #group, permanent: #permanent, is_final: #fin })
}

/// `from_id_all`: a match, where codes sharing an id (in different channels, or under
/// several names in one) share an arm.
fn from_id_all(codes: &[CodeName<'_>], ty: &Ident, prefix: &str) -> TokenStream {
    let from_id_all = ident(&format!("{}_from_id_all", prefix.to_ascii_lowercase()));
    let mut by_id: BTreeMap<u16, Vec<&str>> = BTreeMap::new();
    for c in codes {
        by_id.entry(c.code.id).or_default().push(&c.ident);
    }
    let arms = by_id.iter().map(|(id, idents)| {
        let id = Literal::u16_unsuffixed(*id);
        let variants = paths(ty, idents.iter().copied());
        quote!(#id => &[#(#variants),*])
    });
    quote! {
        pub(crate) const fn #from_id_all(id: u16) -> &'static [#ty] {
            match id { #(#arms,)* _ => &[] }
        }
    }
}

/// The two-level radix table of ids.
fn id_table(codes: &[CodeName<'_>], prefix: &str) -> TokenStream {
    let ids = super::perfect::id_table(codes.iter().enumerate().map(|(i, c)| (c.code.id, i)));
    let id_pages = ident(&format!("{prefix}_ID_PAGES"));
    let id_slots = ident(&format!("{prefix}_ID_SLOTS"));
    let page_count = Literal::usize_unsuffixed(ids.pages.len());
    let slot_count = Literal::usize_unsuffixed(ids.slots.len());
    let pages = ids.pages.iter().map(|p| Literal::u16_unsuffixed(*p));
    let slots = ids.slots.iter().map(|page| {
        let s = page.iter().map(|v| Literal::u16_unsuffixed(*v));
        quote!([#(#s),*])
    });
    quote! {
        pub(crate) const #id_pages: &[u16; #page_count] = &[#(#pages),*];
        pub(crate) const #id_slots: &[[u16; 64]; #slot_count] = &[#(#slots),*];
    }
}

/// The exact-name map, and the ASCII-case-folded one (the same table when folding
/// changes no key).
fn name_lookups(codes: &[CodeName<'_>], ty: &Ident, prefix: &str) -> TokenStream {
    let by_name = ident(&format!("{prefix}_BY_NAME"));
    let by_folded = ident(&format!("{prefix}_BY_FOLDED_NAME"));
    let folded_table = ident(&format!("{prefix}_FOLDED_TABLE"));
    // Names shared by several codes map to all of them: each key is in a map once.
    let mut exact: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut folded: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for c in codes {
        exact.entry(c.code.name.clone()).or_default().push(&c.ident);
        folded
            .entry(c.code.name.to_ascii_uppercase())
            .or_default()
            .push(&c.ident);
    }
    let exact_map = name_map(&exact, ty);
    // Documented names are upper case: then the folded map is the exact one.
    let folded_map = if exact == folded {
        quote!(pub(crate) static #by_folded: &crate::lookup::NameMap<#ty> = &#by_name;)
    } else {
        let table = name_map(&folded, ty);
        quote! {
            static #folded_table: crate::lookup::NameMap<#ty> = #table;
            pub(crate) static #by_folded: &crate::lookup::NameMap<#ty> = &#folded_table;
        }
    };
    quote! {
        pub(crate) static #by_name: crate::lookup::NameMap<#ty> = #exact_map;
        #folded_map
    }
}

/// A name map: a perfect hash table whose entries sit in slot order.
fn name_map(entries: &BTreeMap<String, Vec<&str>>, ty: &Ident) -> TokenStream {
    let entries: Vec<(&String, &Vec<&str>)> = entries.iter().collect();
    let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
    let table = super::perfect::build(&keys);
    let seed = Literal::u64_unsuffixed(table.seed);
    let pilots = table.pilots.iter().map(|p| Literal::u16_unsuffixed(*p));
    // A free slot holds ("", &[]): no name is empty, and a lookup of "" finds no code.
    let slots = table.order.iter().map(|slot| match slot {
        Some(i) => {
            let (key, idents) = entries[*i];
            let key = string(key);
            let variants = paths(ty, idents.iter().copied());
            quote!((#key, &[#(#variants),*]))
        }
        None => quote!(("", &[])),
    });
    quote!(crate::lookup::NameMap { seed: #seed, pilots: &[#(#pilots),*], entries: &[#(#slots),*] })
}

/// The vendored pages the code was generated from.
fn sources(catalog: &Catalog) -> TokenStream {
    let n = Literal::usize_unsuffixed(catalog.sources.len());
    let sources = catalog.sources.iter().map(|s| {
        let path = string(&s.path);
        let sha = string(&s.sha256);
        let url = option_string(s.url.as_deref());
        let retrieved = option_string(s.retrieved.as_deref());
        quote!(crate::data::SourceData { path: #path, sha256: #sha, url: #url, retrieved: #retrieved })
    });
    quote! {
        pub(crate) const SOURCES: &[crate::data::SourceData; #n] = &[#(#sources),*];
    }
}
