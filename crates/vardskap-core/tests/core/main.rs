//! Integration tests of the core, on real course folders and files.

#![allow(clippy::unwrap_used)]

mod broken_courses;
mod robustness;
mod valid_course;

use std::path::PathBuf;

/// `tests/fixtures/<name>` of this crate.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}
