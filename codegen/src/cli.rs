//! The maintainer command line, run as `cargo codes <command>` from the repository.
//!
//! ```text
//! cargo codes check [PAGE...]                     parse, validate, generate in memory; summary
//! cargo codes export [PAGE...] [--format json|csv] the catalog as data
//! cargo codes explain ID|NAME                      every code that matches
//! cargo codes generate [PAGE...]                   the exact source build.rs writes
//! cargo codes pin                                  record every variant name in overrides.json
//! ```
//!
//! Without PAGE, the pages are every page file in `docs-source/` (found from the current
//! directory upwards), exactly as `build.rs` reads them.

use crate::diag::Diagnostics;
use crate::docs;
use crate::emit;
use crate::model::{Catalog, Kind};
use crate::overrides::Overrides;
use crate::{read, Inputs, Reading};
use std::io::Write;
use std::path::{Path, PathBuf};

const USAGE: &str = "\
usage: cargo codes <command> [options]

commands:
  check [PAGE...]                       read, validate and generate in memory; print a summary
  export [PAGE...] [--format json|csv]  print the catalog (default json)
  explain ID|NAME                       print every code with that id or name
  generate [PAGE...]                    print the Rust source that build.rs writes
  pin                                   record every current variant name in docs-source/overrides.json,
                                        so that later refreshes of the page keep them

options:
  --docs DIR   the folder of vendored pages (default: docs-source/ of the enclosing repository)
  --url URL    the address of the PAGE(s) given, for their relative links
  -h, --help   this text
  -V, --version

Without PAGE, every page in the docs folder is read, as build.rs reads them.
Exit status: 0 on success, 1 when a page is refused or nothing matches, 2 on usage errors.";

/// A command-line failure: the message and the exit status.
struct Failure(i32, String);

/// Runs the command line `args` (without the program name). Returns the exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match dispatch(args, out, err) {
        Ok(code) => code,
        Err(Failure(code, message)) => {
            let _ = writeln!(err, "{message}");
            if code == 2 {
                let _ = writeln!(err, "\n{USAGE}");
            }
            code
        }
    }
}

struct Options {
    command: String,
    positional: Vec<String>,
    format: String,
    docs: Option<PathBuf>,
    url: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Options, Failure> {
    let usage = |m: String| Failure(2, format!("error: {m}"));
    let mut it = args.iter();
    let mut opts = Options {
        command: String::new(),
        positional: Vec::new(),
        format: "json".into(),
        docs: None,
        url: None,
    };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| usage(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--format" => opts.format = value("--format")?,
            "--docs" => opts.docs = Some(PathBuf::from(value("--docs")?)),
            "--url" => opts.url = Some(value("--url")?),
            a if a.starts_with("--format=") => opts.format = a["--format=".len()..].to_owned(),
            a if a.starts_with('-')
                && a.len() > 1
                && !["-h", "--help", "-V", "--version"].contains(&a) =>
            {
                return Err(usage(format!("unknown option `{a}`")));
            }
            a if opts.command.is_empty() => opts.command = a.to_owned(),
            a => opts.positional.push(a.to_owned()),
        }
    }
    Ok(opts)
}

fn dispatch(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Failure> {
    let opts = parse_args(args)?;
    let io = |e: std::io::Error| Failure(1, format!("error: cannot write output: {e}"));
    match opts.command.as_str() {
        "" => Err(Failure(2, "error: no command given".into())),
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
            let text = match opts.format.as_str() {
                "json" => emit::export::json(&reading.catalog),
                "csv" => emit::export::csv(&reading.catalog),
                other => {
                    return Err(Failure(
                        2,
                        format!("error: unknown format `{other}` (json or csv)"),
                    ));
                }
            };
            out.write_all(text.as_bytes()).map_err(io)?;
            Ok(0)
        }
        "generate" => {
            let reading = read_or_fail(&opts, err)?;
            out.write_all(emit::rust::generate(&reading.catalog).as_bytes())
                .map_err(io)?;
            Ok(0)
        }
        "pin" => pin(&opts, out, err),
        "explain" => {
            let [query] = opts.positional.as_slice() else {
                return Err(Failure(2, "error: explain takes one ID or NAME".into()));
            };
            let reading = read_docs(&opts)?;
            if reading.diagnostics.has_errors() {
                write_diagnostics(err, &reading.diagnostics).map_err(io)?;
                return Ok(1);
            }
            explain(&reading.catalog, query, out).map_err(io)
        }
        other => Err(Failure(2, format!("error: unknown command `{other}`"))),
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
        docs::load_dir(&dir, &display_dir(&dir, opts), &mut diags)
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
        let (records, overrides) = match &dir {
            Some(dir) => {
                let shown = display_dir(dir, opts);
                let records = docs::read_provenance(dir, &shown, &mut diags);
                let overrides = if all_inside {
                    docs::load_overrides(dir, &shown, &mut diags)
                } else {
                    Overrides::default()
                };
                (records, overrides)
            }
            None => (Vec::new(), Overrides::default()),
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
                let mut page = docs::load_file(path, p, record, &mut diags)?;
                if opts.url.is_some() {
                    page.options.page_url = opts.url.clone();
                }
                Some(page)
            })
            .collect();
        Inputs { pages, overrides }
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
    if !errors.is_empty() {
        writeln!(err)?;
        for e in &errors {
            writeln!(err, "{e}")?;
        }
        writeln!(err, "\n{}", summary_line(&reading.diagnostics))?;
        return Ok(1);
    }
    let new_names = unpinned(c);
    if new_names > 0 {
        writeln!(
            out,
            "\nnote: {new_names} variant name(s) are not pinned yet; `cargo codes pin` records them in docs-source/overrides.json"
        )?;
    }
    let source = emit::rust::generate(c);
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
        return Err(Failure(
            2,
            "error: pin takes no PAGE: it pins the docs folder's pages".into(),
        ));
    }
    let dir = docs_dir(opts)?;
    let shown = display_dir(&dir, opts);
    let reading = read_or_fail(opts, err)?;
    let mut diags = Diagnostics::default();
    let mut overrides = docs::load_overrides(&dir, &shown, &mut diags);
    if diags.has_errors() {
        let _ = write_diagnostics(err, &diags);
        return Ok(1);
    }
    let before = overrides.variants.len();
    for (key, name) in emit::rust::current_pins(&reading.catalog) {
        overrides.variants.entry(key).or_insert(name);
    }
    let added = overrides.variants.len() - before;
    let path = dir.join(crate::overrides::FILE);
    let tmp = dir.join(format!(".{}.tmp", crate::overrides::FILE));
    std::fs::write(&tmp, overrides.to_json())
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| Failure(1, format!("error: cannot write {}: {e}", path.display())))?;
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
    emit::rust::current_pins(c)
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
    let paths = emit::rust::variant_paths(c);
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
                if emit::rust::is_final(code) {
                    "yes"
                } else {
                    "no"
                }
            )?,
        }
        writeln!(out, "  rust:      infobip_codes::{path}")?;
        writeln!(out, "  source:    {}", code.location)?;
        for line in code.description.lines() {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(0)
}
