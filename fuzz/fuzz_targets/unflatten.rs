//! Restoring line breaks only turns spaces into newlines or inserts newlines.
#![no_main]

use infobip_codes_codegen::unflatten;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (out, _) = unflatten(text);
    let squash = |s: &str| {
        s.chars()
            .filter(|c| *c != ' ' && *c != '\n')
            .collect::<String>()
    };
    assert_eq!(squash(&out), squash(text));
});
