//! Vendoring an updated page (feature `cli`): fetch it, check it, plan the new
//! `docs-source/` (page, provenance, pins, retired codes), report the diff of meaning,
//! and write everything or nothing.

use crate::diag::Diagnostics;
use crate::diff::{self, Diff, Level, Version};
use crate::docs_source::{self, DocFile, Provenance};
use crate::freshness::{self, sha256_hex};
use crate::model::Kind;
use crate::model::{Catalog, Code};
use crate::names::Names;
use crate::overrides;
use crate::{read, retired, Inputs, PageInput};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A page as fetched, before it is checked.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// The page's bytes, as fetched: what `docs-source/` stores and provenance hashes.
    pub bytes: Vec<u8>,
    /// Where it came from: the URL, or the path as given.
    pub origin: String,
    /// Whether `origin` is a URL.
    pub is_url: bool,
    /// Whether it is rendered HTML (by its content type, or by its first bytes); a page
    /// file of that form is named `.html`, any other `.md`.
    pub is_html: bool,
    /// A file name for it in `docs-source/` when it is added as a new page.
    pub suggested_name: String,
}

/// Fetches `source`: an `http(s)` URL, or a file path.
pub fn fetch(source: &str, timeout: Duration) -> Result<Fetched, String> {
    let is_url = source.starts_with("http://") || source.starts_with("https://");
    let (bytes, mime) = if is_url {
        fetch_url(source, timeout)?
    } else {
        let bytes = std::fs::read(source).map_err(|e| format!("cannot read {source}: {e}"))?;
        (bytes, None)
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| format!("{source} is not a page: its content is not UTF-8 text"))?;
    if text.trim().is_empty() {
        return Err(format!("{source} is not a page: it is empty"));
    }
    let is_html =
        mime.is_some_and(|m| m == "text/html" || m == "application/xhtml+xml") || looks_html(text);
    Ok(Fetched {
        suggested_name: suggested_name(source, is_html),
        bytes,
        origin: source.to_owned(),
        is_url,
        is_html,
    })
}

/// The answer's body and its media type, when it has one.
fn fetch_url(url: &str, timeout: Duration) -> Result<(Vec<u8>, Option<String>), String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::Timeout(_) => {
            format!("fetching {url} timed out after {} s", timeout.as_secs_f32())
        }
        other => format!("cannot fetch {url}: {other}"),
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!(
            "fetching {url} answered HTTP {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        ));
    }
    let mime = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        });
    if let Some(mime) = &mime {
        let page = mime.starts_with("text/") || mime == "application/xhtml+xml" || mime.is_empty();
        if !page {
            return Err(format!("{url} is not a page: its content type is {mime}"));
        }
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(32 * 1024 * 1024)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => {
                format!("fetching {url} timed out after {} s", timeout.as_secs_f32())
            }
            other => format!("cannot read the answer from {url}: {other}"),
        })?;
    Ok((body, mime))
}

/// Whether `text` starts like an HTML document.
fn looks_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html")
        || head.contains("<body")
}

/// Whether `name` is the file name of an HTML page.
fn is_html_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// Whether `name` is a page file name for a page of that form.
fn fits(name: &str, is_html: bool) -> bool {
    docs_source::is_page(name) && is_html_name(name) == is_html
}

/// `name` with the extension of a page of that form: its own when it fits, else `.html`
/// or `.md` in place of a page or text extension.
fn with_form_extension(name: &str, is_html: bool) -> String {
    if fits(name, is_html) {
        return name.to_owned();
    }
    let path = Path::new(name);
    let replaceable = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| docs_source::is_page(&format!("x.{e}")) || e.eq_ignore_ascii_case("txt"));
    let stem = match path.file_stem().and_then(|s| s.to_str()) {
        Some(stem) if replaceable => stem,
        _ => name,
    };
    format!("{stem}.{}", if is_html { "html" } else { "md" })
}

fn suggested_name(source: &str, is_html: bool) -> String {
    let path = source
        .split(['?', '#'])
        .next()
        .unwrap_or(source)
        .trim_end_matches('/');
    let last = path.rsplit(['/', '\\']).next().unwrap_or("page");
    let last = if last.is_empty() || last.contains(':') {
        "page"
    } else {
        last
    };
    with_form_extension(last, is_html)
}

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

/// Everything a vendoring would change, computed before anything is written.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The page's file name in `docs-source/`.
    pub name: String,
    /// The page it replaces (`None` when it is added).
    pub replaces: Option<Replaced>,
    /// The page's canonical address, the base of its relative links, and where it comes
    /// from; `None` when it has none.
    pub canonical_url: Option<(String, UrlFrom)>,
    /// The files to write, with their new contents.
    pub writes: Vec<DocFile>,
    /// The files to remove: the page it replaces, when that has another name.
    pub removes: Vec<String>,
    /// The catalog before.
    pub old: Catalog,
    /// The catalog after.
    pub new: Catalog,
    /// What changes for users.
    pub diff: Diff,
    /// The version the crate needs for this change, when the current one is known.
    pub next_version: Option<Version>,
    /// Codes newly kept as deprecated.
    pub newly_retired: usize,
    /// Variant names newly pinned.
    pub newly_pinned: usize,
    /// Warnings about the new folder.
    pub warnings: Diagnostics,
    /// The new contents of the committed generated source, when the options asked for it.
    pub generated: Option<String>,
}

impl Plan {
    /// How many files [`apply`] puts in place or removes: what a vendoring killed after
    /// some of them has left undone.
    pub fn steps(&self) -> usize {
        self.writes.len() + self.removes.len() + usize::from(self.generated.is_some())
    }
}

/// Options of a vendoring.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page's file name in `docs-source/`. On a refresh it is also the page replaced
    /// when `docs-source/` has a page of that name. Default: the name of the page it
    /// replaces (with the extension of the new page's form), or, with `add`, a name from
    /// the source.
    pub name: Option<String>,
    /// Add the page beside the others instead of refreshing one.
    pub add: bool,
    /// The page's canonical address on the docs site, the base of its relative links.
    /// Default: the address recorded for the page it replaces, or the URL it was fetched
    /// from.
    pub canonical_url: Option<String>,
    /// When the page was retrieved (`YYYY-MM-DD`, UTC).
    pub retrieved: String,
    /// The crate's current version.
    pub version: Option<Version>,
    /// Whether to regenerate the committed generated source too (the package commits
    /// one).
    pub generated: bool,
}

/// A page of the folder as it is before vendoring, read on its own.
struct Existing<'a> {
    file: &'a DocFile,
    record: Option<&'a Provenance>,
    catalog: Catalog,
}

impl Existing<'_> {
    fn title(&self) -> Option<String> {
        self.record
            .and_then(|r| r.title.clone())
            .or_else(|| page_title(&self.file.bytes, is_html_name(&self.file.name)))
    }
}

/// Plans vendoring `page` into the folder whose files are `files`. Fails, with the
/// reason, when the page or the resulting folder is refused, or when it is not clear
/// which page it refreshes.
pub fn plan(
    files: &[DocFile],
    display_dir: &str,
    page: &Fetched,
    options: &Options,
) -> Result<Plan, String> {
    let mut scratch = Diagnostics::default();
    let old_inputs = docs_source::inputs_from_files(files, display_dir, &mut scratch);
    let old = read(&old_inputs).catalog;
    let records = docs_source::parse_provenance(
        PROVENANCE_DISPLAY,
        text_of(files, docs_source::PROVENANCE_FILE)
            .as_deref()
            .unwrap_or("{}"),
        &mut scratch,
    );
    let existing = existing_pages(files, &records);
    let alone = check_alone(page)?;

    let (name, replaces) = target(&existing, page, &alone, options)?;
    let record_of = |file: &str| records.iter().find(|r| r.file == file);
    let replaced_record = replaces.as_ref().and_then(|r| record_of(&r.file));
    let canonical_url = canonical_url(page, options, record_of(&name), replaced_record);
    let removes: Vec<String> = replaces
        .iter()
        .filter(|r| r.file != name)
        .map(|r| r.file.clone())
        .collect();
    check_one_copy(&existing, &name, &removes, &alone, display_dir)?;

    let mut new_files: Vec<DocFile> = files
        .iter()
        .filter(|f| f.name != name && !removes.contains(&f.name))
        .cloned()
        .collect();
    new_files.push(DocFile {
        name: name.clone(),
        bytes: page.bytes.clone(),
    });
    let title = record_of(&name)
        .or(replaced_record)
        .and_then(|r| r.title.clone())
        .or_else(|| page_title(&page.bytes, page.is_html));
    let record = Provenance {
        file: name.clone(),
        title,
        url: canonical_url.as_ref().map(|(url, _)| url.clone()),
        retrieved: Some(options.retrieved.clone()),
        sha256: Some(sha256_hex(&page.bytes)),
    };
    let provenance = docs_source::provenance_with(
        text_of(files, docs_source::PROVENANCE_FILE).as_deref(),
        &record,
        &provenance_notes(page),
        &removes,
    );
    set_file(
        &mut new_files,
        docs_source::PROVENANCE_FILE,
        provenance.into_bytes(),
    );

    let mut diags = Diagnostics::default();
    let inputs = docs_source::inputs_from_files(&new_files, display_dir, &mut diags);
    let refreshed = refresh(&old, inputs, options.version.as_ref());
    set_file(
        &mut new_files,
        retired::FILE,
        retired::to_json(&refreshed.inputs.retired).into_bytes(),
    );
    set_file(
        &mut new_files,
        overrides::FILE,
        refreshed.inputs.overrides.to_json().into_bytes(),
    );

    let mut diags = Diagnostics::default();
    let final_inputs = docs_source::inputs_from_files(&new_files, display_dir, &mut diags);
    let reading = read(&final_inputs);
    diags.extend(reading.diagnostics);
    if diags.has_errors() {
        return Err(format!(
            "docs-source would be refused after vendoring:\n{diags}"
        ));
    }
    let generated = match options.generated {
        true => Some(generated_source(&new_files)?),
        false => None,
    };
    Ok(Plan {
        name,
        replaces,
        canonical_url,
        writes: changed_files(files, new_files),
        removes,
        diff: diff::diff(&old, &reading.catalog),
        old,
        new: reading.catalog,
        next_version: refreshed.next_version,
        newly_retired: refreshed.newly_retired,
        newly_pinned: refreshed.newly_pinned,
        warnings: diags,
        generated,
    })
}

/// How provenance.json is named in the messages of a plan (its diagnostics are not
/// reported: the folder is read again, whole).
const PROVENANCE_DISPLAY: &str = "provenance.json";

/// The pages of the folder, each read on its own with its record.
fn existing_pages<'a>(files: &'a [DocFile], records: &'a [Provenance]) -> Vec<Existing<'a>> {
    files
        .iter()
        .filter(|f| docs_source::is_page(&f.name))
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
fn target(
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
    Ok((name, replaced))
}

/// `--name` must be a page file name of the page's form.
fn check_name(name: &str, page: &Fetched) -> Result<(), String> {
    if name.contains(['/', '\\']) || !docs_source::is_page(name) {
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
fn page_title(bytes: &[u8], is_html: bool) -> Option<String> {
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
fn canonical_url(
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
fn check_one_copy(
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

/// The page on its own must be a codes page: its catalog. Its diagnostics name it as
/// its source does, when that has a page file name of its form, or else by the name it
/// would be added under.
fn check_alone(page: &Fetched) -> Result<Catalog, String> {
    let label = if fits(&page.origin, page.is_html) {
        page.origin.clone()
    } else {
        page.suggested_name.clone()
    };
    let checked = read(&Inputs::pages(vec![PageInput::new(
        label,
        page.bytes.clone(),
    )]));
    if checked.diagnostics.has_errors() {
        return Err(format!("the page was refused:\n{}", checked.diagnostics));
    }
    Ok(checked.catalog)
}

fn text_of(files: &[DocFile], name: &str) -> Option<String> {
    files
        .iter()
        .find(|f| f.name == name)
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
}

/// How the page came: its URL, or only the name of the local file (a path on the
/// maintainer's machine means nothing to anyone else).
fn provenance_notes(page: &Fetched) -> String {
    if page.is_url {
        return format!("Vendored from {} by `cargo codes vendor`.", page.origin);
    }
    match Path::new(&page.origin).file_name().and_then(|n| n.to_str()) {
        Some(name) => format!("Vendored from the local file {name} by `cargo codes vendor`."),
        None => "Vendored from a local file by `cargo codes vendor`.".to_owned(),
    }
}

/// Inputs as a vendoring leaves them, and what it did to them.
struct Refresh {
    /// The inputs, with the retired codes and the pins.
    inputs: Inputs,
    /// How many codes are newly kept as deprecated.
    newly_retired: usize,
    /// How many variant names are newly pinned.
    newly_pinned: usize,
    /// The version this vendoring demands.
    next_version: Option<Version>,
}

/// `inputs` as a vendoring over `old` leaves them: codes that leave the page stay,
/// deprecated since the release this vendoring demands (after `version`, when known);
/// codes that come back leave the retired ones; every variant name of `old` and of the
/// new codes is pinned, so that later refreshes keep them.
fn refresh(old: &Catalog, mut inputs: Inputs, version: Option<&Version>) -> Refresh {
    let page_catalog = read(&Inputs {
        retired: Vec::new(),
        ..inputs.clone()
    })
    .catalog;
    let on_page = |c: &Code| page_catalog.codes.iter().any(|p| p.key() == c.key());
    let mut codes: Vec<Code> = inputs
        .retired
        .iter()
        .filter(|c| !on_page(c))
        .cloned()
        .collect();
    let newly: Vec<Code> = old
        .codes
        .iter()
        .filter(|c| c.retired.is_none() && !on_page(c))
        .filter(|c| !codes.iter().any(|r| r.key() == c.key()))
        .map(|c| Code {
            retired: Some(String::new()),
            ..c.clone()
        })
        .collect();
    let newly_retired = newly.len();
    codes.extend(newly);
    inputs.retired = codes;
    let verdict = diff::diff(old, &read(&inputs).catalog).verdict;
    let next_version = version.map(|v| diff::bump(v, verdict));
    let release = next_version
        .as_ref()
        .map_or_else(|| "the next release".to_owned(), ToString::to_string);
    for c in inputs
        .retired
        .iter_mut()
        .filter(|c| c.retired.as_deref() == Some(""))
    {
        c.retired = Some(release.clone());
    }

    let before = inputs.overrides.variants.len();
    let unpinned = read(&inputs).catalog;
    for (key, ident) in Names::new(old)
        .pins()
        .into_iter()
        .chain(Names::new(&unpinned).pins())
    {
        inputs.overrides.variants.entry(key).or_insert(ident);
    }
    let newly_pinned = inputs.overrides.variants.len() - before;
    Refresh {
        inputs,
        newly_retired,
        newly_pinned,
        next_version,
    }
}

/// The catalog `new` would give once `cargo codes vendor` brought it over `old`: every
/// variant name of `old` kept, and the codes that leave the page kept as deprecated
/// variants. What `cargo codes diff OLD NEW` compares for its verdict through vendor.
pub fn as_vendored(old: &Catalog, new: &Inputs) -> Catalog {
    read(&refresh(old, new.clone(), None).inputs).catalog
}

/// The generated source for the folder `files`, as the package sees it (paths shown as
/// `docs-source/NAME`).
fn generated_source(files: &[DocFile]) -> Result<String, String> {
    let mut scratch = Diagnostics::default();
    read(&docs_source::inputs_from_files(
        files,
        freshness::DOCS_DIR,
        &mut scratch,
    ))
    .source()
    .map_err(|d| format!("docs-source would be refused after vendoring:\n{d}"))
}

/// The files of `new` that differ from `old`, in [`write_order`].
fn changed_files(old: &[DocFile], new: Vec<DocFile>) -> Vec<DocFile> {
    let mut writes: Vec<DocFile> = new
        .into_iter()
        .filter(|f| {
            old.iter()
                .find(|o| o.name == f.name)
                .is_none_or(|o| o.bytes != f.bytes)
        })
        .collect();
    writes.sort_by_key(|f| write_order(&f.name));
    writes
}

/// The order in which a vendoring puts its files in place, so that one killed between
/// any two of them is safe to run again: the files that carry what the old page said
/// (retired codes, pins) before the page that drops it, the page before its provenance,
/// the page it replaces under another name after the provenance that no longer lists it
/// (until then a second run still finds it, and the address recorded for it), and the
/// generated source last. Until that last one, the build fails as stale.
fn write_order(name: &str) -> u8 {
    match name {
        retired::FILE => 0,
        overrides::FILE => 1,
        docs_source::PROVENANCE_FILE => 3,
        _ => 2,
    }
}

/// Where [`write_order`] puts the removal of a replaced page.
const REMOVE_ORDER: u8 = 4;

fn set_file(files: &mut Vec<DocFile>, name: &str, bytes: Vec<u8>) {
    match files.iter_mut().find(|f| f.name == name) {
        Some(f) => f.bytes = bytes,
        None => files.push(DocFile {
            name: name.to_owned(),
            bytes,
        }),
    }
}

/// Writes the plan: its files into the docs folder `dir`, then the generated source to
/// `generated` (when the plan has one). Every file is staged to a temporary file first,
/// then put in place in this order: retired codes and pins, pages, provenance, the
/// removal of a page replaced under another name, generated source. A failure while
/// staging leaves everything as it was, and a vendoring killed between two steps leaves
/// a build that fails as stale until `cargo codes vendor` runs again.
pub fn apply(dir: &Path, generated: Option<&Path>, plan: &Plan) -> std::io::Result<()> {
    apply_interrupted(dir, generated, plan, usize::MAX)
}

/// One step of [`apply`]: a staged file renamed into place, or a file removed.
enum Step {
    Put { tmp: PathBuf, dest: PathBuf },
    Remove(PathBuf),
}

/// [`apply`], stopped after `steps` steps (renames and removals), as a vendoring killed
/// at that moment would leave the files: what tests of that promise start from.
pub fn apply_interrupted(
    dir: &Path,
    generated: Option<&Path>,
    plan: &Plan,
    steps: usize,
) -> std::io::Result<()> {
    let mut targets: Vec<(u8, PathBuf, &[u8])> = plan
        .writes
        .iter()
        .map(|f| (write_order(&f.name), dir.join(&f.name), f.bytes.as_slice()))
        .collect();
    if let (Some(path), Some(source)) = (generated, &plan.generated) {
        if std::fs::read(path).ok().as_deref() != Some(source.as_bytes()) {
            targets.push((u8::MAX, path.to_path_buf(), source.as_bytes()));
        }
    }
    let mut staged: Vec<(u8, Step)> = Vec::new();
    for (order, dest, bytes) in targets {
        let name = dest
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let tmp = dest.with_file_name(format!(".{name}.vendor-tmp"));
        if let Err(e) = std::fs::write(&tmp, bytes) {
            for (_, step) in &staged {
                if let Step::Put { tmp, .. } = step {
                    let _ = std::fs::remove_file(tmp);
                }
            }
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        staged.push((order, Step::Put { tmp, dest }));
    }
    staged.extend(
        plan.removes
            .iter()
            .map(|name| (REMOVE_ORDER, Step::Remove(dir.join(name)))),
    );
    staged.sort_by_key(|(order, _)| *order);
    for (_, step) in staged.iter().take(steps) {
        match step {
            Step::Put { tmp, dest } => std::fs::rename(tmp, dest)?,
            Step::Remove(path) => match std::fs::remove_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            },
        }
    }
    Ok(())
}

/// Today's date in UTC, `YYYY-MM-DD`: the `retrieved` of a page vendored now.
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    utc_date(secs)
}

/// The UTC date `secs` after the Unix epoch, `YYYY-MM-DD` (proleptic Gregorian): the
/// one format of `retrieved` in `provenance.json`.
pub fn utc_date(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The verdict level a `--fail-on` argument names.
pub fn parse_level(s: &str) -> Option<Level> {
    Level::parse(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(utc_date(0), "1970-01-01");
        assert_eq!(utc_date(951_782_400), "2000-02-29");
        assert_eq!(utc_date(1_795_786_245), "2026-11-27");
        assert_eq!(utc_date(1_795_823_999), "2026-11-27");
        assert_eq!(utc_date(1_795_824_000), "2026-11-28");
    }

    #[test]
    fn names_from_sources() {
        assert!(looks_html("<!DOCTYPE html><html>"));
        assert!(!looks_html("## A"));
        assert_eq!(
            suggested_name("https://x.y/docs/response-codes", true),
            "response-codes.html"
        );
        assert_eq!(
            suggested_name("https://x.y/docs/codes.md?v=2#top", false),
            "codes.md"
        );
        assert_eq!(suggested_name("/tmp/page", false), "page.md");
        assert_eq!(suggested_name("https://x.y/", true), "x.y.html");
        // The name follows the form of the page, whatever the source is called.
        assert_eq!(suggested_name("https://x.y/codes.txt", false), "codes.md");
        assert_eq!(suggested_name("https://x.y/codes.md", true), "codes.html");
        assert_eq!(with_form_extension("codes.htm", true), "codes.htm");
        assert_eq!(with_form_extension("codes.markdown", true), "codes.html");
    }

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
