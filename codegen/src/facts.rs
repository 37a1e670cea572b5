//! What a generated source says to its users, read back from the source itself: every
//! variant, the rows of the data tables behind `id()`, `name()`, `group()`,
//! `is_final()`, `permanent()` and the rest, and what the lookups return. Two generated
//! sources (say, the one committed at a git revision and the one committed now) are
//! compared fact by fact, so that a change of the generator shows even where the page
//! did not change: a generator that made `DELIVERED_TO_HANDSET` non-final changes the
//! fact `StatusCode::DeliveredToHandset.is_final` from `true` to `false`.
//!
//! The facts are read with syn from the items the emitter writes, by the names it
//! writes them under (one list, `emit::table_names`): the enums `Channel`, `StatusGroup`,
//! `ErrorGroup`, `StatusCode` and `ErrorCode`; the tables `*_DATA`, one struct literal
//! per variant in the order of `*_ALL` (what `from_id_all` returns is read from their
//! `id` fields); and the name maps `*_BY_NAME` and `*_BY_FOLDED_NAME`.

use crate::diff::Level;
use crate::emit::table_names::{self, code_tables, group_tables};
use crate::model::Kind;
use crate::names::{code_type, group_type};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use syn::{Expr, Item, Lit};

const KINDS: [Kind; 2] = [Kind::Status, Kind::Error];

/// The enums of a generated source, with the tables that describe their variants: (enum,
/// data table, every variant).
fn enums() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    let channel = (
        "Channel",
        table_names::CHANNEL_DATA,
        table_names::CHANNEL_ALL,
    );
    let groups = KINDS.map(|k| (group_type(k), group_tables(k).data, group_tables(k).all));
    let codes = KINDS.map(|k| (code_type(k), code_tables(k).data, code_tables(k).all));
    std::iter::once(channel).chain(groups).chain(codes)
}

/// Fields whose change alters what retry or finality logic reads.
const BEHAVIOUR_FIELDS: [&str; 4] = ["group", "permanent", "is_final", "class"];

/// Why a generated source could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

fn error(what: impl Into<String>) -> Error {
    Error(what.into())
}

/// The facts of one generated source: `Enum::Variant` (a variant; its value says whether
/// it is deprecated), `Enum::Variant.field` (a field of its table row), and
/// `Enum::lookup(key)` (what a lookup returns), each with its value as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts(pub BTreeMap<String, String>);

impl Facts {
    /// Reads the facts of a generated source.
    pub fn read(source: &str) -> Result<Facts, Error> {
        let file = syn::parse_file(source).map_err(|e| error(format!("not a Rust file: {e}")))?;
        let mut facts = BTreeMap::new();
        // `Enum::from_id_all(id)`: the variants whose row has the id, in `*_ALL` order.
        let mut by_id: BTreeMap<(&str, u16), Vec<String>> = BTreeMap::new();
        for (ty, data, all) in enums() {
            let variants = enum_variants(&file, ty)?;
            let order = path_list(const_expr(&file, all)?)
                .ok_or_else(|| error(format!("`{all}` is not a list of variants")))?;
            let rows = match strip_ref(const_expr(&file, data)?) {
                Expr::Array(a) => a.elems.iter().collect::<Vec<_>>(),
                _ => return Err(error(format!("`{data}` is not an array"))),
            };
            if order.len() != rows.len() || order.len() != variants.len() {
                return Err(error(format!(
                    "`{ty}` has {} variants, `{all}` {} and `{data}` {} rows",
                    variants.len(),
                    order.len(),
                    rows.len()
                )));
            }
            for (variant, deprecated) in &variants {
                let state = if *deprecated { "deprecated" } else { "variant" };
                facts.insert(format!("{ty}::{variant}"), state.to_owned());
            }
            for (path, row) in order.iter().zip(rows) {
                let Expr::Struct(row) = row else {
                    return Err(error(format!("a row of `{data}` is not a struct literal")));
                };
                if !variants.iter().any(|(v, _)| format!("{ty}::{v}") == *path) {
                    return Err(error(format!(
                        "`{all}` names `{path}`, not a variant of `{ty}`"
                    )));
                }
                for field in &row.fields {
                    let syn::Member::Named(name) = &field.member else {
                        return Err(error(format!("a row of `{data}` has an unnamed field")));
                    };
                    let value = text(&field.expr).ok_or_else(|| {
                        error(format!(
                            "`{data}`: the `{name}` of `{path}` is not a literal"
                        ))
                    })?;
                    if name == "id" && KINDS.iter().any(|k| code_type(*k) == ty) {
                        let id = value
                            .parse::<u16>()
                            .map_err(|e| error(format!("`{data}`: the id of `{path}`: {e}")))?;
                        by_id.entry((ty, id)).or_default().push(path.clone());
                    }
                    facts.insert(format!("{path}.{name}"), value);
                }
            }
        }
        for ((ty, id), codes) in by_id {
            facts.insert(
                format!("{ty}::from_id_all({id})"),
                format!("[{}]", codes.join(", ")),
            );
        }
        for kind in KINDS {
            let ty = code_type(kind);
            let tables = code_tables(kind);
            let (by_name, by_folded) = (tables.by_name, tables.by_folded_name);
            let exact = name_entries(&file, by_name)?;
            let folded = match strip_ref(static_expr(&file, by_folded)?) {
                Expr::Path(p) if path_text(&p.path) == by_name => exact.clone(),
                _ => name_entries(&file, by_folded)?,
            };
            for (name, codes) in exact {
                facts.insert(format!("{ty}::from_name({name:?})"), codes);
            }
            for (name, codes) in folded {
                facts.insert(format!("{ty}::from_name_ignore_case({name:?})"), codes);
            }
        }
        Ok(Facts(facts))
    }
}

/// How two sets of facts differ: the verdict, and one line per difference with its level.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The version bump the differences demand.
    pub verdict: Level,
    /// Each difference, with its level, in the order of the facts.
    pub changes: Vec<(Level, String)>,
}

/// The variant a fact is about (`StatusCode::X` for `StatusCode::X.is_final`), or `None`
/// for a lookup.
fn variant_of(key: &str) -> Option<&str> {
    if key.contains('(') {
        return None;
    }
    Some(key.split_once('.').map_or(key, |(v, _)| v))
}

/// Compares the facts of an old generated source with those of a new one.
///
/// | difference | level |
/// | --- | --- |
/// | a variant removed | major |
/// | a variant added, deprecated or no longer deprecated | minor |
/// | a `group`, `permanent` or `is_final` field, or what a lookup returns | minor, a behaviour change |
/// | any other field (`id`, `name`, `channel`, `channels`, ...) | minor |
/// | a `description` field | patch |
///
/// A list field on one side only, empty there, is no difference: a generator that adds
/// a list to the table rows (`aliases`) changes nothing until a row fills it.
///
/// Facts about an added or removed variant, and lookups that only name such
/// variants, are covered by that variant's line.
pub fn compare(old: &Facts, new: &Facts) -> Comparison {
    let (old, new) = (&old.0, &new.0);
    let mut gone_or_new = BTreeSet::new();
    let mut changes = Vec::new();
    for key in old.keys().chain(new.keys()).collect::<BTreeSet<_>>() {
        let is_variant = !key.contains(['.', '(']);
        match (old.get(key), new.get(key)) {
            (Some(_), None) if is_variant => {
                gone_or_new.insert(key.as_str());
                changes.push((Level::Major, format!("variant `{key}` removed")));
            }
            (None, Some(_)) if is_variant => {
                gone_or_new.insert(key.as_str());
                changes.push((Level::Minor, format!("variant `{key}` added")));
            }
            _ => {}
        }
    }
    let covered = |key: &str, value: &str| match variant_of(key) {
        Some(v) => gone_or_new.contains(v),
        None => value
            .trim_matches(['[', ']'])
            .split(", ")
            .all(|v| gone_or_new.contains(v)),
    };
    for key in old.keys().chain(new.keys()).collect::<BTreeSet<_>>() {
        let is_variant = !key.contains(['.', '(']);
        let field = key
            .rsplit_once('.')
            .map(|(_, f)| f)
            .filter(|_| !key.contains('('));
        let behaviour = field.is_none_or(|f| BEHAVIOUR_FIELDS.contains(&f));
        let flag = if behaviour && !is_variant {
            " (behaviour change)"
        } else {
            ""
        };
        let line = match (old.get(key), new.get(key)) {
            (Some(a), Some(b)) if a == b => continue,
            (Some(empty), None) | (None, Some(empty)) if empty == "[]" => continue,
            (Some(a), Some(b)) if is_variant => (Level::Minor, format!("`{key}`: {a} -> {b}")),
            (Some(a), Some(b)) => {
                let level = if field == Some("description") {
                    Level::Patch
                } else {
                    Level::Minor
                };
                (level, format!("`{key}`: {a} -> {b}{flag}"))
            }
            (Some(a), None) if !is_variant && !covered(key, a) => {
                (Level::Minor, format!("`{key}`: {a} -> absent{flag}"))
            }
            (None, Some(b)) if !is_variant && !covered(key, b) => {
                (Level::Minor, format!("`{key}`: absent -> {b}{flag}"))
            }
            _ => continue,
        };
        changes.push(line);
    }
    let verdict = changes.iter().map(|(l, _)| *l).max().unwrap_or(Level::None);
    Comparison { verdict, changes }
}

fn enum_variants(file: &syn::File, name: &str) -> Result<Vec<(String, bool)>, Error> {
    file.items
        .iter()
        .find_map(|item| match item {
            Item::Enum(e) if e.ident == name => Some(
                e.variants
                    .iter()
                    .map(|v| {
                        let deprecated = v.attrs.iter().any(|a| a.path().is_ident("deprecated"));
                        (v.ident.to_string(), deprecated)
                    })
                    .collect(),
            ),
            _ => None,
        })
        .ok_or_else(|| error(format!("no enum `{name}`")))
}

fn const_expr<'f>(file: &'f syn::File, name: &str) -> Result<&'f Expr, Error> {
    file.items
        .iter()
        .find_map(|item| match item {
            Item::Const(c) if c.ident == name => Some(&*c.expr),
            _ => None,
        })
        .ok_or_else(|| error(format!("no const `{name}`")))
}

fn static_expr<'f>(file: &'f syn::File, name: &str) -> Result<&'f Expr, Error> {
    file.items
        .iter()
        .find_map(|item| match item {
            Item::Static(s) if s.ident == name => Some(&*s.expr),
            _ => None,
        })
        .ok_or_else(|| error(format!("no static `{name}`")))
}

fn strip_ref(e: &Expr) -> &Expr {
    match e {
        Expr::Reference(r) => strip_ref(&r.expr),
        other => other,
    }
}

fn path_text(p: &syn::Path) -> String {
    p.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// `&[A::B, A::C]` as `["A::B", "A::C"]`.
fn path_list(e: &Expr) -> Option<Vec<String>> {
    match strip_ref(e) {
        Expr::Array(a) => a
            .elems
            .iter()
            .map(|e| match e {
                Expr::Path(p) => Some(path_text(&p.path)),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// A literal value of a data table as text: numbers, strings (their value, however the
/// source wraps them), booleans, paths, `Some(..)` and `None`, and arrays of them.
fn text(e: &Expr) -> Option<String> {
    match e {
        Expr::Lit(l) => match &l.lit {
            Lit::Str(s) => Some(format!("{:?}", s.value())),
            Lit::Int(i) => Some(i.base10_digits().to_owned()),
            Lit::Bool(b) => Some(b.value.to_string()),
            _ => None,
        },
        Expr::Path(p) => Some(path_text(&p.path)),
        Expr::Call(c) if c.args.len() == 1 => {
            let Expr::Path(f) = &*c.func else { return None };
            Some(format!("{}({})", path_text(&f.path), text(&c.args[0])?))
        }
        Expr::Reference(r) => text(&r.expr),
        Expr::Array(a) => {
            let items: Option<Vec<String>> = a.elems.iter().map(text).collect();
            Some(format!("[{}]", items?.join(", ")))
        }
        _ => None,
    }
}

/// The non-empty `entries` of the name map `name`: (name, codes).
fn name_entries(file: &syn::File, name: &str) -> Result<Vec<(String, String)>, Error> {
    let Expr::Struct(map) = strip_ref(static_expr(file, name)?) else {
        return Err(error(format!("`{name}` is not a name map")));
    };
    let entries = map
        .fields
        .iter()
        .find(|f| matches!(&f.member, syn::Member::Named(n) if n == "entries"))
        .ok_or_else(|| error(format!("`{name}` has no entries")))?;
    let Expr::Array(entries) = strip_ref(&entries.expr) else {
        return Err(error(format!("the entries of `{name}` are not an array")));
    };
    let mut out = Vec::new();
    for entry in &entries.elems {
        let Expr::Tuple(t) = entry else {
            return Err(error(format!("an entry of `{name}` is not a pair")));
        };
        let (Some(Expr::Lit(key)), Some(codes)) = (t.elems.first(), t.elems.get(1)) else {
            return Err(error(format!("an entry of `{name}` is not a pair")));
        };
        let Lit::Str(key) = &key.lit else {
            return Err(error(format!("an entry of `{name}` has no name")));
        };
        let codes = text(codes).ok_or_else(|| error(format!("`{name}`: codes not a list")))?;
        if !key.value().is_empty() {
            out.push((key.value(), codes));
        }
    }
    Ok(out)
}
