//! The instructor's class view (issue 16): the instructor's classes and what
//! is cached of each (`classes.rs`: statements pulled from the class's LRS,
//! read in `statements.rs`, and learners' results files, checked and read in
//! `results_files.rs`), turned into records (`records.rs`), and the class
//! report computed from them (`report.rs`) with its CSV and JSON exports
//! (`export.rs`) and its printable PDF (`pdf.rs`).

pub mod classes;
pub mod export;
pub mod pdf;
pub mod records;
pub mod report;
pub mod results_files;
pub mod statements;
#[cfg(test)]
mod tests;

pub use classes::{InstructorClass, NewClass, PullSummary, PullTarget};
pub use results_files::{FileImport, ImportRefusal};
