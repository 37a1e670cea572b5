//! Any bytes, read as plain text (flattened markdown, a crawler capture or markdown, as
//! its content says), up to the catalog only: no panic, and nothing the readers do not
//! promise (see `shared`). It emits no Rust, unlike `read_page`, so it runs far more cases
//! per second.
#![no_main]

mod shared;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| shared::read_catalog("f.txt", data));
