//! The maintainer command line, run as `cargo codes <command>` from the repository.
//!
//! ```text
//! cargo codes check [PAGE...] [--deny-warnings]   parse, validate, generate in memory; summary
//! cargo codes export [PAGE...] [--format json|csv] the catalog as data
//! cargo codes explain ID|NAME                      every code that matches
//! cargo codes generate [PAGE...]                   print the generated source
//! cargo codes generate --write | --check           rewrite or check src/generated.rs
//! cargo codes pin                                  record every variant name in overrides.json
//! cargo codes vendor SOURCE                        refresh the page from a file or URL
//! cargo codes diff OLD NEW | --base REV            the diff of meaning and its semver verdict
//! ```
//!
//! Without PAGE, the pages are every page file in `docs-source/` (found from the current
//! directory upwards), exactly as `build.rs` reads them.

use crate::diag::Diagnostics;
use crate::diff::{self, Diff, Level, Version};
use crate::docs_source;
use crate::docs_source::DocFile;
use crate::emit;
use crate::model::{Catalog, Kind};
use crate::names::Names;
use crate::overrides::Overrides;
use crate::{freshness, generated, read, vendor, Inputs, Reading};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const USAGE: &str = "\
usage: cargo codes <command> [options]

commands:
  check [PAGE...] [--deny-warnings]     read, validate and generate in memory; print a summary
  export [PAGE...] [--format json|csv]  print the catalog (default json)
  explain ID|NAME                       print every code with that id or name
  generate [PAGE...]                    print the generated Rust source
  generate --write                      rewrite src/generated.rs from docs-source/ (only if it changed)
  generate --check                      exit 1, showing the first lines that differ, unless
                                        src/generated.rs is what docs-source/ generates
  pin                                   record every current variant name in docs-source/overrides.json,
                                        so that later refreshes of the page keep them
  vendor SOURCE [--name FILE]           fetch a page (file path or http(s) URL, markdown or HTML) into
                                        docs-source with provenance, pins and retired codes, regenerate
                                        src/generated.rs, and print the diff of meaning; a page that is
                                        refused changes nothing
  diff OLD NEW | diff --base REV        what changed in meaning between two pages or folders, or between
                                        docs-source at git revision REV and the working tree, and the
                                        semver bump it demands

options:
  --docs DIR          the folder of vendored pages (default: docs-source/ of the enclosing repository)
  --url URL           the address of the PAGE(s) given, for their relative links
  --format FORMAT     export: json|csv; diff and vendor: text|markdown|json|changelog
  --fail-on LEVEL     diff: exit 2 when the verdict reaches LEVEL (patch, minor or major)
  --check-version     diff --base: exit 2 unless Cargo.toml's version moved as far as the verdict demands
  --deny-warnings     check: refuse the pages (exit 1) when they have warnings, as when they have errors
  --name FILE         vendor: the page's file name in docs-source (default: from SOURCE)
  --timeout SECS      vendor: give up fetching after SECS seconds (default 30)
  --release VERSION   diff --format changelog: the version heading the section
  --write             generate: rewrite src/generated.rs
  --check             generate: check src/generated.rs
  -h, --help          this text
  -V, --version

Without PAGE, every page in the docs folder is read, as src/generated.rs is generated.
Exit status: 0 on success; 1 when a page is refused (with check --deny-warnings, also for a
warning), nothing matches, or a fetch fails; 2 on usage errors, and when --fail-on or
--check-version fails.";

/// A command-line failure: the exit status, the message, and whether to show the usage.
struct Failure(i32, String);

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure(USAGE_ERROR, format!("error: {}", message.into()))
    }
}

/// The exit status of usage errors (the usage text follows the message).
const USAGE_ERROR: i32 = 64;

/// Runs the command line `args` (without the program name). Returns the exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match dispatch(args, out, err) {
        Ok(code) => code,
        Err(Failure(code, message)) => {
            let _ = writeln!(err, "{message}");
            if code == USAGE_ERROR {
                let _ = writeln!(err, "\n{USAGE}");
                return 2;
            }
            code
        }
    }
}

struct Options {
    command: String,
    positional: Vec<String>,
    format: Option<String>,
    docs: Option<PathBuf>,
    url: Option<String>,
    base: Option<String>,
    fail_on: Option<Level>,
    check_version: bool,
    deny_warnings: bool,
    name: Option<String>,
    timeout: Duration,
    release: Option<String>,
    write: bool,
    check: bool,
}

fn parse_args(args: &[String]) -> Result<Options, Failure> {
    let mut it = args.iter();
    let mut opts = Options {
        command: String::new(),
        positional: Vec::new(),
        format: None,
        docs: None,
        url: None,
        base: None,
        fail_on: None,
        check_version: false,
        deny_warnings: false,
        name: None,
        timeout: Duration::from_secs(30),
        release: None,
        write: false,
        check: false,
    };
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| match inline.clone() {
            Some(v) => Ok(v),
            None => it
                .next()
                .cloned()
                .ok_or_else(|| Failure::usage(format!("{name} needs a value"))),
        };
        match flag {
            "--format" => opts.format = Some(value("--format")?),
            "--docs" => opts.docs = Some(PathBuf::from(value("--docs")?)),
            "--url" => opts.url = Some(value("--url")?),
            "--base" => opts.base = Some(value("--base")?),
            "--name" => opts.name = Some(value("--name")?),
            "--release" => opts.release = Some(value("--release")?),
            "--fail-on" => {
                let v = value("--fail-on")?;
                opts.fail_on = Some(Level::parse(&v).filter(|l| *l != Level::None).ok_or_else(
                    || Failure::usage(format!("--fail-on takes patch, minor or major, not `{v}`")),
                )?);
            }
            "--timeout" => {
                let v = value("--timeout")?;
                let secs: f64 = v
                    .parse()
                    .ok()
                    .filter(|s: &f64| s.is_finite() && *s > 0.0)
                    .ok_or_else(|| {
                        Failure::usage(format!("--timeout takes a number of seconds, not `{v}`"))
                    })?;
                opts.timeout = Duration::from_secs_f64(secs);
            }
            "--check-version" => opts.check_version = true,
            "--write" => opts.write = true,
            "--check" => opts.check = true,
            "--deny-warnings" => opts.deny_warnings = true,
            a if a.starts_with('-')
                && a.len() > 1
                && !["-h", "--help", "-V", "--version"].contains(&a) =>
            {
                return Err(Failure::usage(format!("unknown option `{a}`")));
            }
            a if opts.command.is_empty() => opts.command = a.to_owned(),
            a => opts.positional.push(a.to_owned()),
        }
    }
    Ok(opts)
}

fn dispatch(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Failure> {
    let opts = parse_args(args)?;
    if opts.deny_warnings && opts.command != "check" {
        return Err(Failure::usage("--deny-warnings is an option of check"));
    }
    let io = |e: std::io::Error| Failure(1, format!("error: cannot write output: {e}"));
    match opts.command.as_str() {
        "" => Err(Failure::usage("no command given")),
        "-h" | "--help" | "help" => {
            writeln!(out, "{USAGE}").map_err(io)?;
            Ok(0)
        }
        "-V" | "--version" => {
            writeln!(out, "infobip-codes-codegen {}", env!("CARGO_PKG_VERSION")).map_err(io)?;
            Ok(0)
        }
        "check" => check(&opts, out, err).map_err(io),
        "export" => {
            let reading = read_or_fail(&opts, err)?;
            let text = match opts.format.as_deref().unwrap_or("json") {
                "json" => emit::export::json(&reading.catalog),
                "csv" => emit::export::csv(&reading.catalog),
                other => {
                    return Err(Failure::usage(format!(
                        "unknown format `{other}` (json or csv)"
                    )))
                }
            };
            out.write_all(text.as_bytes()).map_err(io)?;
            Ok(0)
        }
        "generate" if opts.write || opts.check => generate_file(&opts, out, err),
        "generate" => {
            let reading = read_or_fail(&opts, err)?;
            let source = source_or_fail(&reading, err)?;
            out.write_all(source.as_bytes()).map_err(io)?;
            Ok(0)
        }
        "pin" => pin(&opts, out, err),
        "diff" => diff_command(&opts, out, err),
        "vendor" => vendor_command(&opts, out, err),
        "explain" => {
            let [query] = opts.positional.as_slice() else {
                return Err(Failure::usage("explain takes one ID or NAME"));
            };
            let reading = read_docs(&opts)?;
            if reading.diagnostics.has_errors() {
                write_diagnostics(err, &reading.diagnostics).map_err(io)?;
                return Ok(1);
            }
            explain(&reading.catalog, query, out).map_err(io)
        }
        other => Err(Failure::usage(format!("unknown command `{other}`"))),
    }
}

/// The folder of vendored pages: `--docs`, or `docs-source/` in the nearest directory
/// upwards that has one next to a `Cargo.toml`.
fn docs_dir(opts: &Options) -> Result<PathBuf, Failure> {
    if let Some(d) = &opts.docs {
        return Ok(d.clone());
    }
    let cwd = std::env::current_dir()
        .map_err(|e| Failure(1, format!("error: no current directory: {e}")))?;
    cwd.ancestors()
        .map(|dir| dir.join("docs-source"))
        .find(|d| d.is_dir() && d.parent().is_some_and(|p| p.join("Cargo.toml").is_file()))
        .ok_or_else(|| {
            Failure(
                1,
                "error: no docs-source/ folder here or above; run inside the infobip-codes repository or pass --docs DIR"
                    .into(),
            )
        })
}

fn display_dir(dir: &Path, opts: &Options) -> String {
    match &opts.docs {
        Some(d) => d.to_string_lossy().trim_end_matches('/').to_owned(),
        None => dir.file_name().map_or_else(
            || "docs-source".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        ),
    }
}

/// Reads the pages named on the command line, or else the docs folder; the docs
/// folder's provenance and overrides apply either way.
fn read_docs(opts: &Options) -> Result<Reading, Failure> {
    let mut diags = Diagnostics::default();
    let inputs = if opts.positional.is_empty() || opts.command == "explain" {
        let dir = docs_dir(opts)?;
        docs_source::load_dir(&dir, &display_dir(&dir, opts), &mut diags)
    } else {
        let dir = docs_dir(opts).ok();
        // The docs folder's overrides (pinned names, duplicate choices) belong to its own
        // pages: they apply when every PAGE is one of them.
        let all_inside = dir.as_ref().is_some_and(|d| {
            let d = d.canonicalize().unwrap_or_else(|_| d.clone());
            opts.positional
                .iter()
                .all(|p| Path::new(p).canonicalize().is_ok_and(|p| p.starts_with(&d)))
        });
        let (records, overrides, retired) = match &dir {
            Some(dir) => {
                let shown = display_dir(dir, opts);
                let records = docs_source::read_provenance(dir, &shown, &mut diags);
                if all_inside {
                    let overrides = docs_source::load_overrides(dir, &shown, &mut diags);
                    let retired = docs_source::load_retired(dir, &shown, &mut diags);
                    (records, overrides, retired)
                } else {
                    (records, Overrides::default(), Vec::new())
                }
            }
            None => (Vec::new(), Overrides::default(), Vec::new()),
        };
        let pages = opts
            .positional
            .iter()
            .filter_map(|p| {
                let path = Path::new(p);
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default();
                let record = records.iter().find(|r| r.file == name);
                let mut page = docs_source::load_file(path, p, record, &mut diags)?;
                if opts.url.is_some() {
                    page.options.page_url = opts.url.clone();
                }
                Some(page)
            })
            .collect();
        Inputs {
            pages,
            overrides,
            retired,
            files: Vec::new(),
        }
    };
    let mut reading = read(&inputs);
    diags.extend(reading.diagnostics);
    diags.sort();
    reading.diagnostics = diags;
    Ok(reading)
}

fn read_or_fail(opts: &Options, err: &mut dyn Write) -> Result<Reading, Failure> {
    let reading = read_docs(opts)?;
    if reading.diagnostics.has_errors() {
        let _ = write_diagnostics(err, &reading.diagnostics);
        return Err(Failure(1, summary_line(&reading.diagnostics)));
    }
    Ok(reading)
}

/// The generated source of a reading without errors.
fn source_or_fail(reading: &Reading, err: &mut dyn Write) -> Result<String, Failure> {
    reading.source().map_err(|d| {
        let _ = write_diagnostics(err, &d);
        Failure(1, summary_line(&d))
    })
}

/// `generate --write` and `generate --check`.
fn generate_file(opts: &Options, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Failure> {
    let io = |e: std::io::Error| Failure(1, format!("error: cannot write output: {e}"));
    if opts.write && opts.check {
        return Err(Failure::usage(
            "generate takes --write or --check, not both",
        ));
    }
    if !opts.positional.is_empty() {
        return Err(Failure::usage(
            "generate --write and --check take no PAGE: they generate from the docs folder",
        ));
    }
    let root = project_root(&docs_dir(opts)?);
    let mode = if opts.write {
        generated::Mode::Write
    } else {
        generated::Mode::Check
    };
    let file = freshness::GENERATED_FILE;
    match generated::ensure(&root, mode) {
        Ok((generated::Outcome::Fresh, _)) => {
            writeln!(out, "{file} is fresh").map_err(io)?;
            Ok(0)
        }
        Ok((generated::Outcome::Written, _)) => {
            writeln!(out, "wrote {file}; commit it with {}/", freshness::DOCS_DIR).map_err(io)?;
            Ok(0)
        }
        Ok((generated::Outcome::Stale(difference), _)) => {
            writeln!(
                err,
                "{file} is stale: `cargo codes generate --write` rewrites it\n{difference}"
            )
            .map_err(io)?;
            Ok(1)
        }
        Err(generated::EnsureError::Refused(d)) => {
            let _ = write_diagnostics(err, &d);
            Err(Failure(1, summary_line(&d)))
        }
        Err(e) => Err(Failure(1, format!("error: {e}"))),
    }
}

fn summary_line(d: &Diagnostics) -> String {
    format!(
        "error: the page was refused: {} error(s), {} warning(s)",
        d.errors().count(),
        d.warnings().count()
    )
}

fn write_diagnostics(w: &mut dyn Write, d: &Diagnostics) -> std::io::Result<()> {
    for diag in &d.0 {
        writeln!(w, "{diag}")?;
    }
    Ok(())
}

fn check(opts: &Options, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let reading = match read_docs(opts) {
        Ok(r) => r,
        Err(Failure(code, message)) => {
            writeln!(err, "{message}")?;
            return Ok(code);
        }
    };
    let c = &reading.catalog;
    writeln!(out, "infobip-codes is generated from:")?;
    for s in &c.sources {
        writeln!(
            out,
            "  {} ({}, sha256 {})",
            s.path,
            s.form.as_str(),
            s.sha256
        )?;
        if let Some(url) = &s.url {
            let when = s
                .retrieved
                .as_deref()
                .map_or_else(String::new, |r| format!(", retrieved {r}"));
            writeln!(out, "    from {url}{when}")?;
        }
    }
    writeln!(out)?;
    write!(out, "{}", summary_table(c))?;
    let errors: Vec<_> = reading.diagnostics.errors().collect();
    let warnings: Vec<_> = reading.diagnostics.warnings().collect();
    if !warnings.is_empty() {
        writeln!(out, "\n{} warning(s):", warnings.len())?;
        for w in &warnings {
            writeln!(out, "{w}")?;
        }
    }
    let denied = opts.deny_warnings && !warnings.is_empty();
    if !errors.is_empty() || denied {
        if !errors.is_empty() {
            writeln!(err)?;
        }
        for e in &errors {
            writeln!(err, "{e}")?;
        }
        let why = if denied {
            "; --deny-warnings counts warnings as errors"
        } else {
            ""
        };
        writeln!(err, "\n{}{why}", summary_line(&reading.diagnostics))?;
        return Ok(1);
    }
    let new_names = unpinned(c);
    if new_names > 0 {
        writeln!(
            out,
            "\nnote: {new_names} variant name(s) are not pinned yet; `cargo codes pin` records them in docs-source/overrides.json"
        )?;
    }
    let source = match reading.source() {
        Ok(source) => source,
        Err(d) => {
            write_diagnostics(err, &d)?;
            return Ok(1);
        }
    };
    if opts.positional.is_empty() && opts.docs.is_none() {
        if let Ok(dir) = docs_dir(opts) {
            let committed = std::fs::read_to_string(generated::path(&project_root(&dir)));
            let file = freshness::GENERATED_FILE;
            match committed {
                Ok(text) if text == source => writeln!(out, "\n{file} is fresh")?,
                Ok(_) => writeln!(
                    out,
                    "\n{file} is stale: `cargo codes generate --write` rewrites it"
                )?,
                Err(_) => {}
            }
        }
    }
    writeln!(
        out,
        "\nok: generated {} lines ({} bytes) of Rust from {} page(s)",
        source.lines().count(),
        source.len(),
        c.sources.len()
    )?;
    Ok(0)
}

fn pin(opts: &Options, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Failure> {
    if !opts.positional.is_empty() {
        return Err(Failure::usage(
            "pin takes no PAGE: it pins the docs folder's pages",
        ));
    }
    let dir = docs_dir(opts)?;
    let shown = display_dir(&dir, opts);
    let reading = read_or_fail(opts, err)?;
    let mut diags = Diagnostics::default();
    let mut overrides = docs_source::load_overrides(&dir, &shown, &mut diags);
    if diags.has_errors() {
        let _ = write_diagnostics(err, &diags);
        return Ok(1);
    }
    let before = overrides.variants.len();
    for (key, name) in Names::new(&reading.catalog).pins() {
        overrides.variants.entry(key).or_insert(name);
    }
    let added = overrides.variants.len() - before;
    let path = dir.join(crate::overrides::FILE);
    generated::write_atomically(&path, overrides.to_json().as_bytes())
        .map_err(|e| Failure(1, format!("error: cannot write {}: {e}", path.display())))?;
    // The generated source records overrides.json's digest: keep it fresh.
    let root = project_root(&dir);
    if generated::path(&root).is_file() {
        generated::ensure(&root, generated::Mode::Write)
            .map_err(|e| Failure(1, format!("error: {e}")))?;
    }
    writeln!(
        out,
        "pinned {added} new variant name(s); {} pinned in {shown}/{}",
        overrides.variants.len(),
        crate::overrides::FILE
    )
    .map_err(|e| Failure(1, format!("error: cannot write output: {e}")))?;
    Ok(0)
}

/// The variant names that `cargo codes pin` would add.
fn unpinned(c: &Catalog) -> usize {
    Names::new(c)
        .pins()
        .keys()
        .filter(|k| !c.pins.contains_key(*k))
        .count()
}

/// Codes per channel and kind, groups, as printed by `check`.
pub fn summary_table(c: &Catalog) -> String {
    let mut s = format!("{:<24}{:>8}{:>8}\n", "channel", "status", "error");
    for ch in &c.channels {
        let count = |k: Kind| c.codes_of(k).filter(|x| x.channel == ch.slug).count();
        s.push_str(&format!(
            "{:<24}{:>8}{:>8}\n",
            ch.slug,
            count(Kind::Status),
            count(Kind::Error)
        ));
    }
    s.push_str(&format!(
        "{:<24}{:>8}{:>8}\n",
        "total",
        c.codes_of(Kind::Status).count(),
        c.codes_of(Kind::Error).count()
    ));
    for kind in [Kind::Status, Kind::Error] {
        let groups: Vec<String> = c
            .groups
            .iter()
            .filter(|g| g.kind == kind)
            .map(|g| {
                let id = g.key.id.map_or_else(|| "-".to_owned(), |i| i.to_string());
                match &g.channel {
                    Some(ch) => format!("{ch}:{id} {}", g.key.name),
                    None => format!("{id} {}", g.key.name),
                }
            })
            .collect();
        s.push_str(&format!(
            "\n{kind} groups ({}): {}",
            groups.len(),
            groups.join(", ")
        ));
    }
    s.push('\n');
    s
}

fn explain(c: &Catalog, query: &str, out: &mut dyn Write) -> std::io::Result<i32> {
    let paths = Names::new(c).variant_paths();
    let q = query.trim();
    let by_id: Vec<_> = match q.parse::<u16>() {
        Ok(id) => paths.iter().filter(|(code, _)| code.id == id).collect(),
        Err(_) => Vec::new(),
    };
    let by_name: Vec<_> = paths
        .iter()
        .filter(|(code, _)| code.name.eq_ignore_ascii_case(q))
        .collect();
    let upper = q.to_ascii_uppercase();
    let fuzzy: Vec<_> = paths
        .iter()
        .filter(|(code, _)| !upper.is_empty() && code.name.to_ascii_uppercase().contains(&upper))
        .collect();
    let matches = [by_id, by_name, fuzzy]
        .into_iter()
        .find(|m| !m.is_empty())
        .unwrap_or_default();
    if matches.is_empty() {
        writeln!(out, "no code has the id or name `{q}`")?;
        return Ok(1);
    }
    for (i, (code, path)) in matches.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{} {} {}", code.kind, code.id, code.name)?;
        let channel = c
            .channel(&code.channel)
            .map_or(code.channel.as_str(), |ch| ch.title.as_str());
        writeln!(out, "  channel:   {channel} ({})", code.channel)?;
        match &code.group {
            Some(g) => {
                let id =
                    g.id.map_or_else(|| "no id".to_owned(), |i| format!("id {i}"));
                writeln!(out, "  group:     {} ({id})", g.name)?;
            }
            None => writeln!(out, "  group:     none")?,
        }
        match code.kind {
            Kind::Error => writeln!(
                out,
                "  permanent: {}",
                code.permanent
                    .map_or("not documented", |p| if p { "yes" } else { "no" })
            )?,
            Kind::Status => writeln!(
                out,
                "  final:     {}",
                if code.is_final() { "yes" } else { "no" }
            )?,
        }
        writeln!(out, "  rust:      infobip_codes::{path}")?;
        if let Some(release) = &code.retired {
            writeln!(
                out,
                "  retired:   no longer on the page; kept as deprecated since {release}"
            )?;
        }
        writeln!(out, "  source:    {}", code.location)?;
        for line in code.description.lines() {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(0)
}

/// Runs git in `root`; its standard output, or why it failed.
fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// The files directly in `docs-source/` at git revision `rev` (none when it has none).
fn files_at(root: &Path, rev: &str, folder: &str) -> Result<Vec<DocFile>, String> {
    git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| format!("`{rev}` is not a revision of the repository"))?;
    let listing = git(
        root,
        &["ls-tree", "--name-only", rev, "--", &format!("{folder}/")],
    )?;
    let mut files = Vec::new();
    for path in String::from_utf8_lossy(&listing).lines() {
        let Some(name) = path.strip_prefix(&format!("{folder}/")) else {
            continue;
        };
        if name.contains('/') {
            continue;
        }
        let bytes = git(root, &["show", &format!("{rev}:{path}")])?;
        files.push(DocFile {
            name: name.to_owned(),
            bytes,
        });
    }
    Ok(files)
}

/// The repository root: the docs folder's parent.
fn project_root(dir: &Path) -> PathBuf {
    dir.canonicalize()
        .unwrap_or_else(|_| dir.to_path_buf())
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn inputs_of(path: &str, diags: &mut Diagnostics) -> Inputs {
    let p = Path::new(path);
    if p.is_dir() {
        docs_source::load_dir(p, path.trim_end_matches('/'), diags)
    } else {
        Inputs::pages(
            docs_source::load_file(p, path, None, diags)
                .into_iter()
                .collect(),
        )
    }
}

fn report(
    d: &Diff,
    format: &str,
    release: Option<&str>,
    sources: &[String],
) -> Result<String, Failure> {
    Ok(match format {
        "text" => emit::report::text(d),
        "markdown" => emit::report::markdown(d),
        "json" => emit::report::json(d),
        "changelog" => emit::report::changelog(d, release, sources),
        other => {
            return Err(Failure::usage(format!(
                "unknown format `{other}` (text, markdown, json or changelog)"
            )))
        }
    })
}

fn diff_command(opts: &Options, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Failure> {
    let io = |e: std::io::Error| Failure(1, format!("error: cannot write output: {e}"));
    let mut diags = Diagnostics::default();
    let (old_inputs, new_inputs, versions) = match (&opts.base, opts.positional.as_slice()) {
        (Some(rev), []) => {
            let dir = docs_dir(opts)?;
            let root = project_root(&dir);
            let folder = dir.file_name().map_or_else(
                || "docs-source".into(),
                |n| n.to_string_lossy().into_owned(),
            );
            let files =
                files_at(&root, rev, &folder).map_err(|e| Failure(1, format!("error: {e}")))?;
            let mut scratch = Diagnostics::default();
            let old = if files.iter().any(|f| docs_source::is_page(&f.name)) {
                docs_source::inputs_from_files(&files, &format!("{rev}:{folder}"), &mut scratch)
            } else {
                Inputs::default()
            };
            let new = docs_source::load_dir(&dir, &display_dir(&dir, opts), &mut diags);
            let old_version = git(&root, &["show", &format!("{rev}:Cargo.toml")])
                .ok()
                .and_then(|t| diff::package_version(&String::from_utf8_lossy(&t)));
            let new_version = std::fs::read_to_string(root.join("Cargo.toml"))
                .ok()
                .and_then(|t| diff::package_version(&t));
            (old, new, Some((old_version, new_version)))
        }
        (None, [old, new]) => (inputs_of(old, &mut diags), inputs_of(new, &mut diags), None),
        _ => return Err(Failure::usage("diff takes OLD NEW, or --base REV")),
    };
    if opts.check_version && versions.is_none() {
        return Err(Failure::usage("--check-version goes with --base REV"));
    }
    let old = read(&old_inputs);
    let new = read(&new_inputs);
    diags.extend(new.diagnostics);
    if diags.has_errors() || old.diagnostics.has_errors() {
        let _ = write_diagnostics(err, &old.diagnostics);
        let _ = write_diagnostics(err, &diags);
        return Err(Failure(
            1,
            "error: cannot compare: a side was refused".into(),
        ));
    }
    let d = diff::diff(&old.catalog, &new.catalog);
    let sources: Vec<String> = new
        .catalog
        .sources
        .iter()
        .map(|s| {
            format!(
                "`{}` (sha256 {})",
                s.path,
                &s.sha256[..12.min(s.sha256.len())]
            )
        })
        .collect();
    let text = report(
        &d,
        opts.format.as_deref().unwrap_or("text"),
        opts.release.as_deref(),
        &sources,
    )?;
    out.write_all(text.as_bytes()).map_err(io)?;
    let mut status = 0;
    if let Some((old_version, new_version)) = versions.filter(|_| opts.check_version) {
        status = version_gate(
            &d,
            opts.base.as_deref().unwrap_or("the base"),
            old_version,
            new_version,
            err,
        )
        .map_err(io)?;
    }
    if let Some(level) = opts.fail_on {
        if d.verdict >= level {
            writeln!(err, "the verdict `{}` reaches --fail-on {level}", d.verdict).map_err(io)?;
            status = 2;
        }
    }
    Ok(status)
}

/// `--check-version`: the version must have moved as far as the verdict demands.
fn version_gate(
    d: &Diff,
    rev: &str,
    old: Option<Version>,
    new: Option<Version>,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    if d.verdict == Level::None {
        writeln!(err, "version gate: no change in meaning since {rev}")?;
        return Ok(0);
    }
    let Some(new) = new else {
        writeln!(err, "version gate: no package version in Cargo.toml")?;
        return Ok(2);
    };
    let Some(old) = old else {
        writeln!(
            err,
            "version gate: {rev} has no Cargo.toml package version to compare with; passing"
        )?;
        return Ok(0);
    };
    let required = diff::bump(&old, d.verdict);
    if new >= required {
        writeln!(
            err,
            "version gate: ok: the {} change since {rev} needs {required} or later after {old}; Cargo.toml has {new}",
            d.verdict
        )?;
        Ok(0)
    } else {
        writeln!(
            err,
            "version gate: FAILED: docs-source changed since {rev} with a {} verdict, so the version must move from {old} to at least {required}; Cargo.toml has {new}",
            d.verdict
        )?;
        Ok(2)
    }
}

fn vendor_command(
    opts: &Options,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, Failure> {
    let io = |e: std::io::Error| Failure(1, format!("error: cannot write output: {e}"));
    let [source] = opts.positional.as_slice() else {
        return Err(Failure::usage(
            "vendor takes one SOURCE: a file path or an http(s) URL",
        ));
    };
    let dir = docs_dir(opts)?;
    let shown = display_dir(&dir, opts);
    let unchanged = "nothing was changed";
    let fetched = vendor::fetch(source, opts.timeout)
        .map_err(|e| Failure(1, format!("error: {e}; {unchanged}")))?;
    let files = docs_source::read_dir_files(&dir).map_err(|e| {
        Failure(
            1,
            format!("error: cannot read {}: {e}; {unchanged}", dir.display()),
        )
    })?;
    // The package's committed generated source, when it has one, follows the page.
    let generated_file = Some(generated::path(&project_root(&dir))).filter(|p| p.is_file());
    let version = std::fs::read_to_string(project_root(&dir).join("Cargo.toml"))
        .ok()
        .and_then(|t| diff::package_version(&t));
    let options = vendor::Options {
        name: opts.name.clone(),
        url: opts.url.clone(),
        retrieved: vendor::now_utc(),
        version: version.clone(),
        generated: generated_file.is_some(),
    };
    let plan = vendor::plan(&files, &shown, &fetched, &options)
        .map_err(|e| Failure(1, format!("error: {e}\n{unchanged}")))?;
    vendor::apply(&dir, generated_file.as_deref(), &plan)
        .map_err(|e| Failure(1, format!("error: cannot write {}: {e}", dir.display())))?;

    let sha = plan
        .new
        .sources
        .iter()
        .find(|s| s.path.ends_with(&format!("/{}", plan.name)))
        .map_or(String::new(), |s| s.sha256.clone());
    writeln!(
        out,
        "vendored {} as {shown}/{} ({}; sha256 {sha})",
        fetched.origin,
        plan.name,
        if plan.replaced {
            "replaced the page"
        } else {
            "a new page"
        }
    )
    .map_err(io)?;
    let mut written: Vec<String> = plan
        .writes
        .iter()
        .map(|f| format!("{shown}/{}", f.name))
        .collect();
    if generated_file.is_some() {
        written.push(freshness::GENERATED_FILE.to_owned());
    }
    writeln!(
        out,
        "wrote {}; {} new variant name(s) pinned; {} code(s) no longer on the page kept as deprecated",
        written.join(", "),
        plan.newly_pinned,
        plan.newly_retired
    )
    .map_err(io)?;
    if let (Some(old), Some(next)) = (&version, &plan.next_version) {
        if next != old {
            writeln!(
                out,
                "the {} verdict needs version {next} or later (Cargo.toml has {old})",
                plan.diff.verdict
            )
            .map_err(io)?;
        }
    }
    for w in &plan.warnings.0 {
        writeln!(err, "{w}").map_err(io)?;
    }
    writeln!(out).map_err(io)?;
    let sources = vec![format!(
        "`{shown}/{}` (sha256 {})",
        plan.name,
        &sha[..12.min(sha.len())]
    )];
    let text = report(
        &plan.diff,
        opts.format.as_deref().unwrap_or("text"),
        plan.next_version
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        &sources,
    )?;
    out.write_all(text.as_bytes()).map_err(io)?;
    Ok(0)
}
