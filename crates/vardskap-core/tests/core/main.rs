//! Integration tests of the core: one binary, one module per concern, on real
//! SQLite files in temp dirs.
#![allow(clippy::unwrap_used)]

mod common;
mod storage_crash;
mod storage_migrations;
mod storage_recovery;
