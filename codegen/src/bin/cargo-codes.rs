//! `cargo codes`: the maintainer command line of infobip-codes. See `cli` in the library.

use infobip_codes_codegen::cli::{self, ExitStatus};

fn main() {
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(arg) => {
                eprintln!("error: an argument is not UTF-8: {}", arg.to_string_lossy());
                std::process::exit(ExitStatus::Usage.code());
            }
        }
    }
    // Run as the cargo subcommand `cargo codes ...`, cargo passes "codes" first.
    if args.first().map(String::as_str) == Some("codes") {
        args.remove(0);
    }
    let code = cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
