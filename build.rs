//! Generates the crate from the vendored page(s) in `docs-source/`.
//!
//! A thin driver over `infobip-codes-codegen`: read every page, validate, emit Rust into
//! `OUT_DIR/codes.rs`. Any located error fails the build; warnings are left to
//! `cargo codes check`, which prints them with the same locations.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=docs-source");

    let mut diagnostics = infobip_codes_codegen::diag::Diagnostics::default();
    let inputs = infobip_codes_codegen::docs::load_dir(
        Path::new("docs-source"),
        "docs-source",
        &mut diagnostics,
    );
    if diagnostics.has_errors() {
        eprint!("{diagnostics}");
        return ExitCode::FAILURE;
    }
    let generated = match infobip_codes_codegen::build(&inputs) {
        Ok(generated) => generated,
        Err(errors) => {
            eprintln!("infobip-codes: the vendored page was refused:");
            eprint!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        eprintln!("infobip-codes: OUT_DIR is not set; build.rs runs under cargo");
        return ExitCode::FAILURE;
    };
    let out = Path::new(&out_dir).join("codes.rs");
    // Rewrite only on change, so that an unchanged page does not recompile the crate.
    if std::fs::read_to_string(&out).ok().as_deref() != Some(generated.source.as_str()) {
        if let Err(e) = std::fs::write(&out, &generated.source) {
            eprintln!("infobip-codes: cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
