//! Writers: from a validated, named catalog to Rust source, JSON or CSV, and diffs to
//! reports. Writers never read pages.

pub mod export;
pub mod perfect;
mod prose;
pub mod report;
pub mod rust;
mod table;
mod tokens;
pub mod wrap;
