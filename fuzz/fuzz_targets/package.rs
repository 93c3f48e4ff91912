//! Any bytes opened as a .vdsk package: the file is hostile, so unpacking
//! must refuse it or open it into the target folder only, never panic, never
//! write outside the target, never leave a half-opened course behind.
//! Seeds: packages made by `vardskap-cli pack` (scripts/fuzz.sh).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common_package.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::unpack_and_check(data);
});
