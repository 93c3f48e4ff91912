//! Integration tests of the core: one binary, one module per concern, on real
//! course folders and real SQLite files in temp dirs.

#![allow(clippy::unwrap_used)]

mod broken_courses;
mod builtin_course;
mod common;
mod editor;
mod final_test;
mod gift;
mod hostile;
mod model_json;
mod one_store;
mod outcomes;
mod package;
mod results_export;
mod robustness;
mod save;
mod shuffle;
mod storage_crash;
mod storage_migrations;
mod storage_recovery;
mod valid_course;

use std::path::PathBuf;

/// `tests/fixtures/<name>` of this crate.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies the folder `from` to `to`, as a test's own editable course.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
