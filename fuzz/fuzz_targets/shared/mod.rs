//! What the reader-only targets check: reading any bytes as a page in one form stops at
//! the catalog, without emitting Rust, and the catalog holds only what the readers
//! promise.

use infobip_codes_codegen::{read, Inputs, PageInput};

/// Reads `data` as the page `path` (its extension picks the form) and checks the catalog:
/// no panic; every code has a name, trimmed, and a location in this page; every
/// diagnostic points into this page; plain text of every description is computed.
pub fn read_catalog(path: &str, data: &[u8]) {
    let reading = read(&Inputs::pages(vec![PageInput::new(path, data)]));
    for code in &reading.catalog.codes {
        assert!(!code.name.is_empty(), "a code without a name: {code:?}");
        assert_eq!(code.name.trim(), code.name, "an untrimmed name: {code:?}");
        assert_eq!(code.location.path, path);
        assert!(
            code.location.line >= 1 && code.location.col >= 1,
            "{code:?}"
        );
        let _ = code.description_text();
    }
    for d in &reading.diagnostics.0 {
        assert_eq!(d.location.path, path, "{d}");
        assert!(d.location.line >= 1 && d.location.col >= 1, "{d}");
    }
}
