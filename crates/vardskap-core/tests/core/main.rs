//! Integration tests of the core, one binary with a module per area.
#![allow(clippy::unwrap_used)]

mod gift;
mod package;
