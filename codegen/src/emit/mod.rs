//! Writers: from a validated catalog to Rust source, JSON or CSV, and diffs to reports.
//! Writers never read pages.

pub mod export;
pub mod naming;
pub mod perfect;
pub mod report;
pub mod rust;
pub mod wrap;
