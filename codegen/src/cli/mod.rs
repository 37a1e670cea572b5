//! The maintainer command line, run as `cargo codes <command>` from the repository, parsed
//! by clap. One module per command:
//!
//! ```text
//! cargo codes check [PAGE...] [--deny-warnings]      check.rs     parse, validate, generate in memory; a summary
//! cargo codes export [PAGE...] [--format json|csv]   export.rs    the catalog as data
//! cargo codes explain ID|NAME                        explain.rs   every code that matches
//! cargo codes generate [PAGE...]                     generate.rs  print the generated source
//! cargo codes generate --write | --check             generate.rs  rewrite or check src/generated.rs
//! cargo codes pin                                    pin.rs       record every variant name in overrides.json
//! cargo codes vendor SOURCE                          vendor.rs    refresh a page from a file or URL
//! cargo codes refresh [--from URL] [--pr-body FILE]   refresh.rs   every page from its address; the release prepared
//! cargo codes diff OLD NEW | --base REV              diff.rs      the diff of meaning and its semver verdict
//! cargo codes help [COMMAND] | --help | --version                 from clap
//! ```
//!
//! `folder.rs` finds the docs folder and reads the pages for every command, and `git.rs` is
//! the one place that runs git. Every command takes `--docs DIR`. Without PAGE, the pages
//! are every page file in `docs-source/` (found from the current directory upwards), as the
//! generator reads them for `src/generated.rs`.
//!
//! [`run`] ends with an [`ExitStatus`]: 0 success, 1 refused input, 2 a verdict or a usage
//! error, 3 a refresh that changed the crate.

/// The exit statuses, as every `--help` ends with them (a macro, for `concat!`).
macro_rules! exit_status {
    () => {
        "Exit status:
  0  success
  1  refused input: a page refused (with check --deny-warnings, also for a warning),
     nothing matches, a fetch fails, or src/generated.rs is stale (generate --check)
  2  a usage error, or a verdict: diff --fail-on or --check-version failed
  3  refresh only: the page changed, and the files were written"
    };
}

/// A command's `--help` after its options: its examples, then the exit statuses.
macro_rules! after_help {
    ($examples:literal) => {
        concat!("Examples:\n", $examples, "\n\n", exit_status!())
    };
}

mod check;
mod diff;
mod explain;
mod export;
mod folder;
mod generate;
mod git;
mod pin;
mod refresh;
mod vendor;

pub use check::summary_table;

use crate::diag::Diagnostics;
use clap::{Parser, Subcommand};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `cargo codes --help` after the commands and options.
const AFTER_HELP: &str = after_help!(
    "  cargo codes check                         read docs-source/, print what the crate is generated from
  cargo codes explain 27                    every code with the id or name 27
  cargo codes generate --check              is src/generated.rs what docs-source/ generates?
  cargo codes vendor URL                    refresh the page from its address, e.g.
      https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes
  cargo codes refresh --pr-body pr-body.md  what the scheduled job runs: exit 0 up to date,
                                            3 changed (release prepared), 1 refused
  cargo codes diff --base main --fail-on major
                                            exit 2 if the change since main is a major one
  cargo codes help vendor                   one command's options and examples

Commands that take PAGE... read every page in the docs folder when none is given, as the
generator reads them for src/generated.rs."
);

/// The command line.
#[derive(Parser, Debug)]
#[command(
    name = "infobip-codes-codegen",
    bin_name = "cargo codes",
    version,
    about = "The maintainer command line of infobip-codes: check, export, explain and vendor \
             Infobip's page of status and error codes, and generate the crate from it",
    after_help = AFTER_HELP,
    no_binary_name = true,
    // A missing command is a usage error, with clap's message, rather than the help.
    subcommand_required = true,
    arg_required_else_help = false
)]
struct Cli {
    /// The folder of vendored pages [default: docs-source/ of the enclosing repository]
    #[arg(long, global = true, value_name = "DIR")]
    docs: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// The commands, each in its own module with its help.
#[derive(Subcommand, Debug)]
enum Command {
    Check(check::Args),
    Export(export::Args),
    Explain(explain::Args),
    Generate(generate::Args),
    Pin(pin::Args),
    Vendor(vendor::Args),
    Refresh(refresh::Args),
    Diff(diff::Args),
}

impl Command {
    fn run(&self, cx: Context<'_>) -> Result<ExitStatus, Error> {
        match self {
            Command::Check(args) => check::run(args, cx),
            Command::Export(args) => export::run(args, cx),
            Command::Explain(args) => explain::run(args, cx),
            Command::Generate(args) => generate::run(args, cx),
            Command::Pin(args) => pin::run(args, cx),
            Command::Vendor(args) => vendor::run(args, cx),
            Command::Refresh(args) => refresh::run(args, cx),
            Command::Diff(args) => diff::run(args, cx),
        }
    }
}

/// What a command runs with: `--docs`, and the writers for its output and its messages.
struct Context<'a> {
    docs_dir: Option<&'a Path>,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
}

/// How a run of the command line ended; [`ExitStatus::code`] is the process's exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: the command did what it was asked.
    Success,
    /// 1: the input was refused or the command could not finish: a page refused (with
    /// `check --deny-warnings`, also for a warning), nothing matches, a fetch fails, or
    /// `src/generated.rs` is stale for `generate --check`.
    Refused,
    /// 2: a verdict: the change reached `diff --fail-on`, or `--check-version` failed.
    Verdict,
    /// 2: the command line was wrong; clap's message and usage say how.
    Usage,
    /// 3: `refresh` found the page changed and wrote the files: a status that means
    /// "changed" and nothing else, for the job that opens the pull request.
    Changed,
}

impl ExitStatus {
    /// The process exit code: 0, 1, 2 or 3.
    pub fn code(self) -> i32 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Refused => 1,
            ExitStatus::Verdict | ExitStatus::Usage => 2,
            ExitStatus::Changed => 3,
        }
    }
}

/// Runs the command line `args` (without the program name), writing to `out` and `err`,
/// clap's help and errors included. Returns the exit code of its [`ExitStatus`].
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    execute(args, out, err).code()
}

fn execute(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return Error::Clap(e).report(out, err),
    };
    let cx = Context {
        docs_dir: cli.docs.as_deref(),
        out: &mut *out,
        err: &mut *err,
    };
    match cli.command.run(cx) {
        Ok(status) => status,
        Err(e) => e.report(out, err),
    }
}

/// Why a command stopped before it finished.
#[derive(Debug)]
enum Error {
    /// clap's: a usage error, or the `--help` or `--version` that stops a run.
    Clap(clap::Error),
    /// The pages were refused: every diagnostic, then how many errors and warnings.
    Refused(Diagnostics),
    /// A side of a diff was refused: the diagnostics of both.
    Incomparable(Diagnostics),
    /// Writing to the output failed.
    Output(std::io::Error),
    /// There is no current directory to look for the docs folder from.
    NoCurrentDir(std::io::Error),
    /// No `docs-source/` here or above, and no `--docs`.
    NoDocsFolder,
    /// A file or folder could not be written.
    Write(PathBuf, std::io::Error),
    /// Git could not show the base revision.
    Git(git::Error),
    /// Vendoring could not fetch the page; nothing was changed.
    Fetch(String),
    /// Vendoring could not read the docs folder; nothing was changed.
    ReadFolder(PathBuf, std::io::Error),
    /// Vendoring refused the page or the folder it would make; nothing was changed.
    Plan(String),
    /// A refresh refused (its reason already written); nothing was changed.
    Refresh,
}

impl Error {
    /// Writes the error where it belongs (clap's help and version go to `out`), and
    /// returns the exit status it ends the run with.
    fn report(&self, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
        let (written, status) = match self {
            Error::Clap(e) if e.use_stderr() => (write!(err, "{}", e.render()), ExitStatus::Usage),
            Error::Clap(e) => (write!(out, "{}", e.render()), ExitStatus::Success),
            Error::Refused(d) | Error::Incomparable(d) => (
                write!(err, "{d}").and_then(|()| writeln!(err, "error: {self}")),
                ExitStatus::Refused,
            ),
            _ => (writeln!(err, "error: {self}"), ExitStatus::Refused),
        };
        match written {
            Ok(()) => status,
            Err(e) => {
                let _ = writeln!(err, "error: {}", Error::Output(e));
                ExitStatus::Refused
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unchanged = "nothing was changed";
        match self {
            Error::Clap(e) => write!(f, "{}", e.render()),
            Error::Refused(d) => f.write_str(&refusal(d)),
            Error::Incomparable(_) => f.write_str("cannot compare: a side was refused"),
            Error::Output(e) => write!(f, "cannot write output: {e}"),
            Error::NoCurrentDir(e) => write!(f, "no current directory: {e}"),
            Error::NoDocsFolder => f.write_str(
                "no docs-source/ folder here or above; run inside the infobip-codes repository or pass --docs DIR",
            ),
            Error::Write(path, e) => write!(f, "cannot write {}: {e}", path.display()),
            Error::Git(e) => write!(f, "{e}"),
            Error::Fetch(e) => write!(f, "{e}; {unchanged}"),
            Error::ReadFolder(dir, e) => {
                write!(f, "cannot read {}: {e}; {unchanged}", dir.display())
            }
            Error::Plan(e) => write!(f, "{e}\n{unchanged}"),
            Error::Refresh => write!(f, "the refresh was refused; {unchanged}"),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Output(e)
    }
}

impl From<crate::committed::EnsureError> for Error {
    fn from(e: crate::committed::EnsureError) -> Error {
        match e {
            crate::committed::EnsureError::Refused(d) => Error::Refused(d),
            crate::committed::EnsureError::Io(path, e) => Error::Write(path, e),
        }
    }
}

impl From<git::Error> for Error {
    fn from(e: git::Error) -> Error {
        Error::Git(e)
    }
}

/// The last line of a refusal: how many errors and warnings.
fn refusal(d: &Diagnostics) -> String {
    format!(
        "the page was refused: {} error(s), {} warning(s)",
        d.errors().count(),
        d.warnings().count()
    )
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// clap's own checks of the definition: ids that conflicts and requirements name,
    /// value names, defaults.
    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
