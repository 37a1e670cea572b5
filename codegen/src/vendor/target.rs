//! Which page a vendoring refreshes, and under which name and address: the only page,
//! the one `--name` names, or the only one with the new page's title or kinds of codes.
//! A refresh never leaves two copies of the same codes.

use super::page_name::{fits, with_form_extension};
use super::{Fetched, Options};
use crate::docs_source::{DocFile, Provenance};
use crate::model::{Catalog, Kind};
use crate::parse::is_html_page;
use crate::{freshness, read, Inputs, PageInput};
use std::fmt;

/// The page a refresh replaces, and why that one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replaced {
    /// Its file name in `docs-source/`.
    pub file: String,
    /// Why it was chosen.
    pub why: Match,
}

/// Why a refresh replaces the page it replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Match {
    /// It is the only page in `docs-source/`.
    OnlyPage,
    /// `--name` names it.
    Name,
    /// It is the only page with the new page's title.
    Title(String),
    /// It is the only page with the new page's kinds of codes (`status codes`, `error
    /// codes`, `status and error codes`).
    Kind(String),
}

impl fmt::Display for Match {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Match::OnlyPage => f.write_str("the only page"),
            Match::Name => f.write_str("named by --name"),
            Match::Title(t) => write!(f, "the only page titled \"{t}\""),
            Match::Kind(k) => write!(f, "the only page of {k}"),
        }
    }
}

/// Where the page's canonical address, the base of its relative links, comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlFrom {
    /// `--canonical-url`.
    Option,
    /// The provenance record of that page file.
    Record(String),
    /// The URL it was fetched from (a new page, or a page that had no address).
    Fetched,
}

/// A page of the folder as it is before vendoring, read on its own.
pub(super) struct Existing<'a> {
    file: &'a DocFile,
    record: Option<&'a Provenance>,
    catalog: Catalog,
}

impl Existing<'_> {
    fn title(&self) -> Option<String> {
        self.record
            .and_then(|r| r.title.clone())
            .or_else(|| page_title(&self.file.bytes, is_html_page(&self.file.name)))
    }
}

/// The pages of the folder, each read on its own with its record.
pub(super) fn existing_pages<'a>(
    files: &'a [DocFile],
    records: &'a [Provenance],
) -> Vec<Existing<'a>> {
    files
        .iter()
        .filter(|f| freshness::is_page(&f.name))
        .map(|file| {
            let record = records.iter().find(|r| r.file == file.name);
            let mut input = PageInput::new(file.name.clone(), file.bytes.clone());
            input.options.page_url = record.and_then(|r| r.url.clone());
            Existing {
                file,
                record,
                catalog: read(&Inputs::pages(vec![input])).catalog,
            }
        })
        .collect()
}

/// The page's file name, and the page it replaces: see [`Options::name`] and
/// [`Options::add`]. A page of the folder that already holds exactly these bytes is
/// this vendoring's own earlier write (a vendoring killed half-way and run again): it
/// is replaced only when no other page is.
pub(super) fn choose(
    existing: &[Existing<'_>],
    page: &Fetched,
    alone: &Catalog,
    options: &Options,
) -> Result<(String, Option<Replaced>), String> {
    if let Some(name) = &options.name {
        check_name(name, page)?;
    }
    let find = |name: &str| existing.iter().find(|e| e.file.name == name);
    if options.add {
        let name = options
            .name
            .clone()
            .unwrap_or_else(|| page.suggested_name.clone());
        if find(&name).is_some_and(|e| e.file.bytes != page.bytes) {
            return Err(format!(
                "docs-source already has a page {name}: drop --add to refresh it, or give the new page another name with --name FILE"
            ));
        }
        return Ok((name, None));
    }
    let (same, others): (Vec<&Existing<'_>>, Vec<&Existing<'_>>) =
        existing.iter().partition(|e| e.file.bytes == page.bytes);
    let named = options
        .name
        .as_deref()
        .and_then(|n| others.iter().find(|e| e.file.name == n));
    let replaced = match named {
        Some(e) => Some(Replaced {
            file: e.file.name.clone(),
            why: Match::Name,
        }),
        None => {
            let candidates = if others.is_empty() { same } else { others };
            matching(&candidates, page, alone)?
        }
    };
    let name = match (&options.name, &replaced) {
        (Some(name), _) => name.clone(),
        (None, Some(r)) => with_form_extension(&r.file, page.is_html),
        (None, None) => page.suggested_name.clone(),
    };
    let is_replaced = |file: &str| replaced.as_ref().is_some_and(|r| r.file == file);
    if find(&name).is_some_and(|e| e.file.bytes != page.bytes && !is_replaced(&name)) {
        return Err(format!(
            "the page would be written as {name}, which is another page of docs-source: give it another name with --name FILE"
        ));
    }
    Ok((name, replaced))
}

/// `--name` must be a page file name of the page's form.
fn check_name(name: &str, page: &Fetched) -> Result<(), String> {
    if name.contains(['/', '\\']) || !freshness::is_page(name) {
        return Err(format!(
            "`{name}` is not a page file name: use a name ending in .md, .markdown, .html or .htm"
        ));
    }
    if !fits(name, page.is_html) {
        let (form, fitting) = if page.is_html {
            ("rendered HTML", with_form_extension(name, true))
        } else {
            ("not HTML", with_form_extension(name, false))
        };
        return Err(format!(
            "`{name}` does not fit the page, which is {form}: name it `{fitting}`"
        ));
    }
    Ok(())
}

/// The page a refresh replaces among `candidates`: the only one, else the only one
/// with the page's title, else the only one with its kinds of codes. Refuses when none
/// of these is one page.
fn matching(
    candidates: &[&Existing<'_>],
    page: &Fetched,
    alone: &Catalog,
) -> Result<Option<Replaced>, String> {
    let one = |found: Vec<&&Existing<'_>>, why: Match| match found.as_slice() {
        [e] => Some(Replaced {
            file: e.file.name.clone(),
            why,
        }),
        _ => None,
    };
    match candidates {
        [] => return Ok(None),
        [e] => {
            return Ok(Some(Replaced {
                file: e.file.name.clone(),
                why: Match::OnlyPage,
            }))
        }
        _ => {}
    }
    let title = page_title(&page.bytes, page.is_html);
    if let Some(title) = &title {
        let key = title_key(title);
        let found = candidates
            .iter()
            .filter(|e| e.title().is_some_and(|t| title_key(&t) == key))
            .collect();
        if let Some(r) = one(found, Match::Title(title.clone())) {
            return Ok(Some(r));
        }
    }
    let kinds = kinds_of(alone);
    let found = candidates
        .iter()
        .filter(|e| kinds_of(&e.catalog) == kinds)
        .collect();
    if let Some(r) = one(found, Match::Kind(kinds.to_owned())) {
        return Ok(Some(r));
    }
    let listed: Vec<String> = candidates
        .iter()
        .map(|e| {
            let title = e
                .title()
                .map_or_else(|| "no title".to_owned(), |t| format!("\"{t}\""));
            format!("  {}: {title}, {}", e.file.name, kinds_of(&e.catalog))
        })
        .collect();
    Err(format!(
        "docs-source holds {} pages, and none is the only one with the new page's title ({}) or kinds of codes ({kinds}):\n{}\nname the page it refreshes with --name FILE, or add it as another page with --add",
        candidates.len(),
        title.map_or_else(|| "none".to_owned(), |t| format!("\"{t}\"")),
        listed.join("\n")
    ))
}

/// `status codes`, `error codes`, `status and error codes`, or `no codes`.
fn kinds_of(c: &Catalog) -> &'static str {
    match (
        c.codes_of(Kind::Status).next().is_some(),
        c.codes_of(Kind::Error).next().is_some(),
    ) {
        (true, true) => "status and error codes",
        (true, false) => "status codes",
        (false, true) => "error codes",
        (false, false) => "no codes",
    }
}

/// A page's title: an HTML page's first `<h1>`, else its `<title>` up to ` | `; a
/// markdown page's front matter `title:`, else its first `# ` heading.
pub(crate) fn page_title(bytes: &[u8], is_html: bool) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    let title = if is_html {
        element_text(text, "h1").or_else(|| {
            element_text(text, "title")
                .map(|t| t.split(" | ").next().unwrap_or_default().to_owned())
        })
    } else {
        markdown_title(text)
    };
    title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
}

/// The text of the first `<tag>` element, its markup dropped and the common entities
/// decoded.
fn element_text(html: &str, tag: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let mut from = 0;
    let start = loop {
        let at = from + lower[from..].find(&open)?;
        let next = lower.as_bytes().get(at + open.len()).copied();
        if matches!(next, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')) {
            break at;
        }
        from = at + open.len();
    };
    let body = start + lower[start..].find('>')? + 1;
    let end = body + lower[body..].find(&format!("</{tag}"))?;
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[body..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Some(
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&"),
    )
}

fn markdown_title(text: &str) -> Option<String> {
    let text = text.trim_start_matches('\u{feff}');
    if let Some(front) = text.strip_prefix("---\n") {
        let end = front.find("\n---")?;
        if let Some(title) = front[..end].lines().find_map(|l| l.strip_prefix("title:")) {
            return Some(title.trim().trim_matches(['"', '\'']).to_owned());
        }
    }
    text.lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().trim_end_matches('#').trim().to_owned())
}

/// Titles compare without regard to letter case or spacing.
fn title_key(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The page's canonical address: `--canonical-url`, else the address recorded for its
/// file, else the one recorded for the page it replaces, else the URL it was fetched
/// from. Never the fetch URL of a refresh whose page has an address: a mirror, a local
/// server or the docs site's newer address would change every relative link.
pub(super) fn canonical_url(
    page: &Fetched,
    options: &Options,
    own: Option<&Provenance>,
    replaced: Option<&Provenance>,
) -> Option<(String, UrlFrom)> {
    if let Some(url) = &options.canonical_url {
        return Some((url.clone(), UrlFrom::Option));
    }
    let recorded = [own, replaced]
        .into_iter()
        .flatten()
        .find_map(|r| Some((r.url.clone()?, UrlFrom::Record(r.file.clone()))));
    recorded.or_else(|| page.is_url.then(|| (page.origin.clone(), UrlFrom::Fetched)))
}

/// A refresh never leaves the folder holding two copies of the same codes: the new page
/// may not list a code that a page it leaves in place lists.
pub(super) fn check_one_copy(
    existing: &[Existing<'_>],
    name: &str,
    removes: &[String],
    alone: &Catalog,
    display_dir: &str,
) -> Result<(), String> {
    for e in existing
        .iter()
        .filter(|e| e.file.name != name && !removes.contains(&e.file.name))
    {
        let shared: Vec<String> = alone
            .codes
            .iter()
            .filter(|c| e.catalog.codes.iter().any(|o| o.key() == c.key()))
            .map(|c| format!("{} {} {} ({})", c.kind, c.id, c.name, c.channel))
            .collect();
        if let Some(first) = shared.first() {
            return Err(format!(
                "the page lists {} code(s) that {display_dir}/{} lists too (the first: {first}), and docs-source never holds two copies of the same codes: refresh that page with this one (without --add; --name FILE chooses the page), or vendor a page without them",
                shared.len(),
                e.file.name,
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_of_pages() {
        let html = |s: &str| page_title(s.as_bytes(), true);
        assert_eq!(
            html("<html><title>Codes | Infobip Docs</title><h1 id=\"t\">Response <em>status</em> &amp; codes</h1>"),
            Some("Response status & codes".to_owned())
        );
        assert_eq!(
            html("<title>Response codes | Infobip Docs</title><h1x>no</h1x>"),
            Some("Response codes".to_owned())
        );
        assert_eq!(html("<p>none</p>"), None);
        let md = |s: &str| page_title(s.as_bytes(), false);
        assert_eq!(
            md("# Response error codes\n\n## General error codes\n"),
            Some("Response error codes".to_owned())
        );
        assert_eq!(
            md("---\ntitle: \"Response status and error codes\"\n---\n# Other\n"),
            Some("Response status and error codes".to_owned())
        );
        assert_eq!(md("## General status codes\n"), None);
        assert_eq!(title_key(" Response  Codes "), "response codes");
    }
}
