//! The Rust source of `infobip-codes`: enums with their documentation, data tables,
//! id tables and perfect-hash name maps, from a catalog and its [`Names`].
//!
//! The output is plain data. Behaviour (accessors, `Display`, `FromStr`, serde) is
//! hand-written in the crate and reads these tables, so reviewers read it once, not once
//! per refresh. Every public item emitted here is documented from the page (the prose
//! module of `emit`).
//!
//! Descriptions appear twice: as markdown in the doc comments, and as plain text
//! ([`crate::doc_text::plain_text`]) in the data tables that `description()` returns.

use super::prose;
use super::table_names::{self, CodeTables};
use super::tokens::{alias, doc, field_string, ident, option_string, option_u16, string};
use crate::class::GroupClass;
use crate::doc_text::plain_text;
use crate::freshness;
use crate::model::{Catalog, Kind};
use crate::names::{code_type, group_type, CodeName, Names};
use crate::Reading;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// Generates the crate's source from a reading: its validated catalog, named with the
/// pins of its overrides, under the [`crate::freshness`] header naming every input it
/// was read from; formatted by prettyplease.
///
/// Fails only if the emitted tokens are not a Rust file, which is a bug of this module.
pub fn generate(reading: &Reading) -> Result<String, syn::Error> {
    let (catalog, inputs) = (&reading.catalog, &reading.inputs);
    let names = Names::new(catalog, &reading.overrides);
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
    let data_name = ident(table_names::CHANNEL_DATA);
    let all_name = ident(table_names::CHANNEL_ALL);
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
        pub(crate) const #data_name: &[crate::data::ChannelData; #n] = &[#(#data),*];
        pub(crate) const #all_name: &[Channel; #n] = &[#(#all),*];
        pub(crate) fn channel_from_slug(slug: &str) -> Option<Channel> {
            match slug { #(#arms,)* _ => None }
        }
    }
}

/// `StatusGroup` or `ErrorGroup`, with its data.
fn groups(names: &Names<'_>, kind: Kind) -> TokenStream {
    let groups = names.groups(kind);
    let ty = ident(group_type(kind));
    let tables = table_names::group_tables(kind);
    let data_name = ident(tables.data);
    let all_name = ident(tables.all);
    let n = Literal::usize_unsuffixed(groups.len());
    let variants = groups.iter().map(|g| {
        let docs = doc(&prose::group(g, names));
        let alias = alias(&g.group.name, &g.ident);
        let v = ident(&g.ident);
        quote!(#docs #alias #v)
    });
    let data = groups.iter().map(|g| {
        let id = option_u16(g.group.id);
        let name = string(&g.group.name);
        let desc = field_string(&g.descriptions.first().map_or_else(String::new, |(_, d)| plain_text(d)));
        let channels = g.channels.iter().map(|c| channel_path(names, c));
        // The name's key, folded here once: the crate folds only what it is asked.
        let key = string(&g.key);
        let aliases = g.aliases.iter().map(|a| string(a));
        let class = ident(GroupClass::of(kind, &g.group.name).variant());
        quote!(crate::data::GroupData { id: #id, name: #name, key: #key, aliases: &[#(#aliases),*], description: #desc, channels: &[#(#channels),*], class: crate::data::GroupClass::#class })
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
    let ty = ident(code_type(kind));
    let tables = table_names::code_tables(kind);
    let data_name = ident(tables.data);
    let all_name = ident(tables.all);
    let group_ty = ident(group_type(kind));
    let n = Literal::usize_unsuffixed(codes.len());
    let variants = codes.iter().map(|c| code_variant(c, names));
    let data = codes.iter().map(|c| code_data(c, names, &group_ty));
    let all = paths(&ty, codes.iter().map(|c| c.ident.as_str()));
    let docs = doc(&prose::code_enum(kind, names));
    let name_maps = name_lookups(codes, &ty, &tables);
    let id_table = id_table(codes, &ty, &tables);
    let max_len = ident(tables.max_name_len);
    let longest = codes.iter().map(|c| c.code.name.len()).max().unwrap_or(0);
    let longest = Literal::usize_unsuffixed(longest);
    quote! {
        #docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum #ty { #(#variants),* }
        pub(crate) const #data_name: &[crate::data::CodeData<#group_ty>; #n] = &[#(#data),*];
        pub(crate) const #all_name: &[#ty; #n] = &[#(#all),*];
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

/// The id index: the codes in id order (`*_BY_ID`, canonical order among codes of one
/// id, so that the codes sharing an id, in different channels or under several names in
/// one, sit side by side), and a two-level radix table from an id to its first code in
/// that list. `from_id` reads one slot; `from_id_all` the run of equal ids from it.
fn id_table(codes: &[CodeName<'_>], ty: &Ident, tables: &CodeTables) -> TokenStream {
    let by_id = by_id(codes);
    let ids = super::perfect::id_table(by_id.iter().enumerate().map(|(i, c)| (c.code.id, i)));
    let by_id_name = ident(tables.by_id);
    let id_pages = ident(tables.id_pages);
    let id_slots = ident(tables.id_slots);
    let n = Literal::usize_unsuffixed(by_id.len());
    let order = paths(ty, by_id.iter().map(|c| c.ident.as_str()));
    let page_count = Literal::usize_unsuffixed(ids.pages.len());
    let slot_count = Literal::usize_unsuffixed(ids.slots.len());
    let pages = ids.pages.iter().map(|p| Literal::u16_unsuffixed(*p));
    let slots = ids.slots.iter().map(|page| {
        let s = page.iter().map(|v| Literal::u16_unsuffixed(*v));
        quote!([#(#s),*])
    });
    quote! {
        pub(crate) const #by_id_name: &[#ty; #n] = &[#(#order),*];
        pub(crate) const #id_pages: &[u16; #page_count] = &[#(#pages),*];
        pub(crate) const #id_slots: &[[u16; 64]; #slot_count] = &[#(#slots),*];
    }
}

/// The codes in id order, canonical order among those of one id (a stable sort of the
/// canonical order): each id's codes are one run, which `from_id_all` returns.
fn by_id<'c, 'n>(codes: &'c [CodeName<'n>]) -> Vec<&'c CodeName<'n>> {
    let mut by_id: Vec<&CodeName<'_>> = codes.iter().collect();
    by_id.sort_by_key(|c| c.code.id);
    by_id
}

/// The exact-name map, and the ASCII-case-folded one (the same table when folding
/// changes no key).
fn name_lookups(codes: &[CodeName<'_>], ty: &Ident, tables: &CodeTables) -> TokenStream {
    let by_name = ident(tables.by_name);
    let by_folded = ident(tables.by_folded_name);
    let folded_table = ident(tables.folded_table);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Code;

    #[test]
    fn the_id_order_keeps_each_ids_codes_together_in_canonical_order() {
        // Canonical order: channel, then id; ids 1 and 5 are in two channels, and
        // general documents 5 under two names.
        let codes = [
            Code::bare(Kind::Error, "general", 1, "G1", 1),
            Code::bare(Kind::Error, "general", 5, "G5A", 2),
            Code::bare(Kind::Error, "general", 5, "G5B", 3),
            Code::bare(Kind::Error, "general", 9, "G9", 4),
            Code::bare(Kind::Error, "voice", 1, "V1", 5),
            Code::bare(Kind::Error, "voice", 5, "V5", 6),
        ];
        let names: Vec<CodeName<'_>> = codes
            .iter()
            .map(|code| CodeName {
                code,
                ident: code.name.clone(),
                group: None,
                shares_id: false,
            })
            .collect();
        let order: Vec<&str> = by_id(&names).iter().map(|c| c.ident.as_str()).collect();
        assert_eq!(order, ["G1", "V1", "G5A", "G5B", "V5", "G9"]);
        // Each slot points at the first of its id's run.
        let table = super::super::perfect::id_table(
            by_id(&names)
                .iter()
                .enumerate()
                .map(|(i, c)| (c.code.id, i)),
        );
        let slot = |id: u16| table.slots[usize::from(table.pages[0]) - 1][usize::from(id)];
        assert_eq!((slot(1), slot(5), slot(9), slot(2)), (1, 3, 6, 0));
    }
}
