//! Keeps the crate in step with its vendored page in `docs-source/`.
//!
//! - By default the crate compiles the committed `src/generated.rs`. This script, std
//!   only, hashes the inputs in `docs-source/` and compares them with the ones that
//!   file's header records. When they differ the build fails, naming each changed input
//!   and the way out: a stale file never compiles.
//! - With feature `regenerate`, the generator (`infobip-codes-codegen`) reads
//!   `docs-source/` and writes the code into `OUT_DIR`, which the crate compiles
//!   instead. Located errors in the page fail the build; warnings are left to
//!   `cargo codes check`, which prints them with the same locations.
//!
//! Every dependent compiles this script, so it is kept small: the check is the
//! generator's lean core (`codegen/src/freshness/check.rs`, copied byte for byte), and
//! the messages are printed as they are found.

use std::path::Path;
use std::process::ExitCode;

// The generator's own check, `codegen/src/freshness/check.rs`, copied byte for byte. The
// script uses part of it, and with `regenerate` only its constants.
#[allow(dead_code)]
#[path = "build/freshness.rs"]
mod freshness;

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-changed={}", freshness::DOCS_DIR);
    println!("cargo::rerun-if-changed={}", freshness::GENERATED_FILE);
    let root = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    if run(Path::new(&root)) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Whether the committed generated source is fresh; otherwise says why, and the way out.
#[cfg(not(feature = "regenerate"))]
fn run(root: &Path) -> bool {
    use freshness::{Unchecked, DOCS_DIR, GENERATED_FILE};
    let mut fresh = true;
    let checked = freshness::compare(root, &mut |change, path| {
        if fresh {
            fresh = false;
            eprintln!("infobip-codes: {}", freshness::STALE);
        }
        eprintln!("  {} {path}", change.label());
    });
    match checked {
        Ok(()) if fresh => return true,
        Ok(()) => {}
        Err(Unchecked::Unreadable(e)) => {
            eprintln!("infobip-codes: cannot read {GENERATED_FILE}: {e}");
        }
        Err(Unchecked::NoHeader) => eprintln!(
            "infobip-codes: {GENERATED_FILE} has no `@generated` header recording its inputs"
        ),
        Err(Unchecked::DocsUnreadable(e)) => {
            eprintln!("infobip-codes: cannot read {DOCS_DIR}/: {e}")
        }
    }
    eprintln!("{}", freshness::WAY_OUT);
    false
}

/// Generates the code from `docs-source/` into `OUT_DIR`; otherwise says why not.
#[cfg(feature = "regenerate")]
fn run(root: &Path) -> bool {
    match regenerate(root) {
        Ok(()) => true,
        Err(message) => {
            eprintln!("{message}");
            false
        }
    }
}

#[cfg(feature = "regenerate")]
fn regenerate(root: &Path) -> Result<(), String> {
    let reading = infobip_codes_codegen::committed::read_package(root);
    let source = reading
        .source()
        .map_err(|errors| format!("infobip-codes: the vendored page was refused:\n{errors}"))?;
    let out_dir = std::env::var_os("OUT_DIR")
        .ok_or("infobip-codes: OUT_DIR is not set; build.rs runs under cargo")?;
    let out = Path::new(&out_dir).join("generated.rs");
    // Rewrite only on change, so that an unchanged page does not recompile the crate.
    if std::fs::read_to_string(&out).ok().as_deref() != Some(source.as_str()) {
        std::fs::write(&out, &source)
            .map_err(|e| format!("infobip-codes: cannot write {}: {e}", out.display()))?;
    }
    Ok(())
}
