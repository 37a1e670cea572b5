//! `cargo codes diff`: what changed in meaning between two pages or folders, or between the
//! docs folder at a git revision and the working tree, and the semver bump it demands.

use super::folder::{self, Folder};
use super::git::Repo;
use super::{Context, Error, ExitStatus};
use crate::diag::Diagnostics;
use crate::diff::{self, Diff, Level, ThroughVendor, Version};
use crate::facts::{self, Facts};
use crate::freshness::{self, GENERATED_FILE};
use crate::{docs_source, read, Inputs};
use std::io::Write;

const AFTER_HELP: &str = after_help!(
    "  cargo codes diff --base main                      docs-source/ on main against the working tree
  cargo codes diff old.md new.md --format markdown  two pages (or two folders)
  cargo codes diff --base HEAD~1 --check-version    CI's version gate: exit 2 unless Cargo.toml moved far enough
  cargo codes diff --base main --fail-on major      exit 2 on a breaking change
  cargo codes diff --base main --format changelog --release 0.2.0"
);

/// The diff of meaning between two pages or folders, or since a git revision
///
/// What changed for users between OLD and NEW (pages or folders), or between the docs
/// folder at git revision REV and the working tree, and the semver bump it demands, with
/// the reasons for it. For OLD NEW it also gives the verdict once the refresh goes
/// through `cargo codes vendor`, which keeps every variant name and keeps codes that
/// leave the page as deprecated variants; --fail-on reads the verdict for a raw edit.
#[derive(clap::Args, Debug)]
#[command(
    verbatim_doc_comment,
    after_help = AFTER_HELP,
    override_usage = "cargo codes diff [OPTIONS] <OLD> <NEW>\n       cargo codes diff [OPTIONS] --base <REV>"
)]
pub(super) struct Args {
    /// The old page or folder
    #[arg(required_unless_present = "base")]
    old: Option<String>,
    /// The new page or folder
    #[arg(required_unless_present = "base")]
    new: Option<String>,
    /// Compare the docs folder at git revision REV with the working tree
    #[arg(long, value_name = "REV", conflicts_with_all = ["old", "new"])]
    base: Option<String>,
    /// The form of the report
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Exit 2 when the verdict reaches LEVEL
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<FailOn>,
    /// Exit 2 unless Cargo.toml's version moved as far as the verdict demands since REV:
    /// the verdict of the page's diff, or of the generated code's (src/generated.rs at REV
    /// against src/generated.rs now), whichever is higher
    #[arg(long, requires = "base", conflicts_with_all = ["old", "new"], verbatim_doc_comment)]
    check_version: bool,
    /// With --format changelog: the version heading the section
    #[arg(long, value_name = "VERSION")]
    release: Option<String>,
}

/// The forms of a diff of meaning, for `diff` and `vendor`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub(super) enum ReportFormat {
    /// For a terminal
    Text,
    /// For a pull request
    Markdown,
    /// For tools
    Json,
    /// A section of CHANGELOG.md
    Changelog,
}

impl ReportFormat {
    /// The report of `d`; a changelog is headed by `release` and names `sources`.
    pub(super) fn render(self, d: &Diff, release: Option<&str>, sources: &[String]) -> String {
        match self {
            ReportFormat::Text => crate::diff::report::text(d),
            ReportFormat::Markdown => crate::diff::report::markdown(d),
            ReportFormat::Json => crate::diff::report::json(d),
            ReportFormat::Changelog => crate::diff::report::changelog(d, release, sources),
        }
    }
}

/// The verdicts `--fail-on` takes.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum FailOn {
    /// Any change in meaning
    Patch,
    /// Additions and behaviour changes, and breaking changes
    Minor,
    /// Breaking changes only
    Major,
}

impl From<FailOn> for Level {
    fn from(f: FailOn) -> Level {
        match f {
            FailOn::Patch => Level::Patch,
            FailOn::Minor => Level::Minor,
            FailOn::Major => Level::Major,
        }
    }
}

/// A page as a changelog names it: its path and the start of its digest.
pub(super) fn source_line(path: &str, sha256: &str) -> String {
    let short: String = sha256.chars().take(12).collect();
    format!("`{path}` (sha256 {short})")
}

/// What `--check-version` compares: the package version before and after, and the
/// facts of the generated code before and after (or why they could not be read).
struct Versions {
    old: Option<Version>,
    new: Option<Version>,
    generated: Result<facts::Comparison, String>,
}

pub(super) fn run(args: &Args, cx: Context<'_>) -> Result<ExitStatus, Error> {
    let Context { docs_dir, out, err } = cx;
    let mut diags = Diagnostics::default();
    let (old_inputs, new_inputs, versions) = match (&args.base, &args.old, &args.new) {
        (Some(rev), None, None) => {
            let (old, new, versions) = since(&Folder::locate(docs_dir)?, rev, &mut diags)?;
            (old, new, Some(versions))
        }
        (None, Some(old), Some(new)) => (
            folder::inputs_of(old, &mut diags),
            folder::inputs_of(new, &mut diags),
            None,
        ),
        _ => {
            return Err(Error::Clap(clap::Error::raw(
                clap::error::ErrorKind::MissingRequiredArgument,
                "diff takes OLD NEW, or --base REV\n",
            )))
        }
    };
    let old = read(&old_inputs);
    let new = read(&new_inputs);
    diags.extend(new.diagnostics.clone());
    if diags.has_errors() || old.diagnostics.has_errors() {
        let mut both = old.diagnostics;
        both.extend(diags);
        return Err(Error::Incomparable(both));
    }
    let mut d = diff::diff(&old, &new);
    if versions.is_none() {
        let vendored = crate::vendor::as_vendored(&old, &new_inputs);
        d.through_vendor = Some(ThroughVendor::of(&diff::diff(&old, &vendored)));
    }
    let sources: Vec<String> = new
        .catalog
        .sources
        .iter()
        .map(|s| source_line(&s.path, &s.sha256))
        .collect();
    let text = args.format.render(&d, args.release.as_deref(), &sources);
    out.write_all(text.as_bytes())?;
    let mut status = ExitStatus::Success;
    if let (Some(versions), Some(rev)) = (versions.filter(|_| args.check_version), &args.base) {
        status = version_gate(&d, rev, versions, err)?;
    }
    if let Some(level) = args.fail_on.map(Level::from) {
        if d.verdict >= level {
            writeln!(err, "the verdict `{}` reaches --fail-on {level}", d.verdict)?;
            status = ExitStatus::Verdict;
        }
    }
    Ok(status)
}

/// The docs folder at `rev` and now, and the package versions then and now.
fn since(
    folder: &Folder,
    rev: &str,
    diags: &mut Diagnostics,
) -> Result<(Inputs, Inputs, Versions), Error> {
    let root = folder.root();
    let repo = Repo::at(&root);
    let name = folder.name();
    let files = repo.files_at(rev, &name)?;
    // The old side's diagnostics are reported when it is read.
    let mut scratch = Diagnostics::default();
    let old = if files.iter().any(|f| freshness::is_page(&f.name)) {
        docs_source::inputs_from_files(&files, &format!("{rev}:{name}"), &mut scratch)
    } else {
        Inputs::default()
    };
    let new = folder.load(diags);
    let versions = Versions {
        old: repo
            .show(rev, "Cargo.toml")
            .ok()
            .and_then(|t| diff::package_version(&String::from_utf8_lossy(&t))),
        new: folder.package_version(),
        generated: generated_since(&repo, rev, &root),
    };
    Ok((old, new, versions))
}

/// The generated code committed at `rev` against the generated code in the working tree:
/// what the generator of each revision produced (CI checks separately that the working
/// tree's is what today's generator produces from docs-source/).
fn generated_since(
    repo: &Repo<'_>,
    rev: &str,
    root: &std::path::Path,
) -> Result<facts::Comparison, String> {
    let old = repo
        .show(rev, GENERATED_FILE)
        .map_err(|e| format!("{rev} has no {GENERATED_FILE} to compare with ({e})"))?;
    let old = Facts::read(&String::from_utf8_lossy(&old))
        .map_err(|e| format!("{GENERATED_FILE} at {rev}: {e}"))?;
    let new = std::fs::read_to_string(root.join(GENERATED_FILE))
        .map_err(|e| format!("cannot read {GENERATED_FILE}: {e}"))?;
    let new = Facts::read(&new).map_err(|e| format!("{GENERATED_FILE}: {e}"))?;
    Ok(facts::compare(&old, &new))
}

/// `--check-version`: the version must have moved as far as the verdict demands.
fn version_gate(
    d: &Diff,
    rev: &str,
    versions: Versions,
    err: &mut dyn Write,
) -> std::io::Result<ExitStatus> {
    let generated = match versions.generated {
        Ok(g) => g,
        Err(why) => {
            writeln!(
                err,
                "version gate: FAILED: cannot compare the generated code: {why}"
            )?;
            return Ok(ExitStatus::Verdict);
        }
    };
    // Changes of the generated code that the page's diff does not account for: the
    // generator's own.
    let by_generator = generated.verdict > d.verdict;
    let verdict = d.verdict.max(generated.verdict);
    if verdict == Level::None {
        writeln!(err, "version gate: no change in meaning since {rev}")?;
        return Ok(ExitStatus::Success);
    }
    if by_generator {
        const SHOWN: usize = 20;
        writeln!(
            err,
            "version gate: the generated code changed beyond the page since {rev} ({} change(s)):",
            generated.changes.len()
        )?;
        for (level, line) in generated.changes.iter().take(SHOWN) {
            writeln!(err, "  {level}: {line}")?;
        }
        if generated.changes.len() > SHOWN {
            writeln!(err, "  ... and {} more", generated.changes.len() - SHOWN)?;
        }
    }
    let Some(new) = versions.new else {
        writeln!(err, "version gate: no package version in Cargo.toml")?;
        return Ok(ExitStatus::Verdict);
    };
    let Some(old) = versions.old else {
        writeln!(
            err,
            "version gate: {rev} has no Cargo.toml package version to compare with; passing"
        )?;
        return Ok(ExitStatus::Success);
    };
    let required = diff::bump(&old, verdict);
    if new >= required {
        writeln!(
            err,
            "version gate: ok: the {verdict} change since {rev} needs {required} or later after {old}; Cargo.toml has {new}"
        )?;
        Ok(ExitStatus::Success)
    } else {
        let what = if by_generator {
            "the generated code"
        } else {
            "docs-source"
        };
        writeln!(
            err,
            "version gate: FAILED: {what} changed since {rev} with a {verdict} verdict, so the version must move from {old} to at least {required}; Cargo.toml has {new}"
        )?;
        Ok(ExitStatus::Verdict)
    }
}
