//! Any bytes, read as a markdown page, an HTML page and a crawler capture: no panic, and
//! whatever is read emits a Rust file.
#![no_main]

use infobip_codes_codegen::{generate, read, Inputs, PageInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for path in ["f.md", "f.html", "f.txt"] {
        let reading = read(&Inputs::pages(vec![PageInput::new(path, data)]));
        assert!(generate(&reading).is_ok());
    }
});
