//! Writers: from a validated, named catalog to Rust source, JSON or CSV. Writers never
//! read pages. (A diff's report is written by `diff::report`.)

pub mod export;
pub mod perfect;
mod prose;
pub mod rust;
mod table;
pub(crate) mod table_names;
mod tokens;
pub mod wrap;
