//! Värdskap's domain: course content, grading, scenarios, progress and storage.
//!
//! This crate knows nothing of Tauri or of any UI; the desktop shell and the
//! CLI are two thin clients of it.

pub mod certificate;
pub mod class_view;
pub mod content;
pub mod editor;
pub mod error;
pub mod export;
pub mod final_test;
pub mod gift;
pub mod i18n;
pub mod package;
pub mod progress;
pub mod quiz;
pub mod review;
pub mod scenario;
pub mod session;
pub mod storage;
pub mod whole_file;
pub mod xapi;

pub use error::{Error, ErrorKind, Result};
