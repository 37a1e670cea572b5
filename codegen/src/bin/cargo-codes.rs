//! `cargo codes`: the maintainer command line of infobip-codes. See `cli` in the library.

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // Run as the cargo subcommand `cargo codes ...`, cargo passes "codes" first.
    if args.first().map(String::as_str) == Some("codes") {
        args.remove(0);
    }
    let code =
        infobip_codes_codegen::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
