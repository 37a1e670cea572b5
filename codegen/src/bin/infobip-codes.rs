//! `cargo codes`: the maintainer command line of infobip-codes. See `cli` in the library.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code =
        infobip_codes_codegen::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
