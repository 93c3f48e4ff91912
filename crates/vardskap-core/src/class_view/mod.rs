//! The instructor's class view (issue 16): the instructor's classes and what
//! is cached of each (`classes.rs`: statements pulled from the class's LRS,
//! read in `statements.rs`, and learners' results files, checked and read in
//! `results_files.rs`), turned into the records (`records.rs`) the class
//! report is computed from.

pub mod classes;
pub mod records;
pub mod results_files;
pub mod statements;
#[cfg(test)]
mod tests;

pub use classes::{InstructorClass, NewClass, PullSummary, PullTarget};
pub use results_files::{FileImport, ImportRefusal};
