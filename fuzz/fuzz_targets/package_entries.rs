//! Packages made entry by entry from the input: names, folders, links,
//! modes, duplicates, zip64 headers and contents of the fuzzer's choosing,
//! written with the zip crate so that they get past the checksums a raw
//! byte mutation breaks, on top of the valid test course or on their own.
//! The same checks as the `package` target.

#![no_main]

use std::io::{Cursor, Write};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

#[path = "common_package.rs"]
mod common;

macro_rules! fixture {
    ($($path:literal),* $(,)?) => {
        [$(($path, include_bytes!(concat!("../../crates/vardskap-core/tests/fixtures/valid/", $path)).as_slice())),*]
    };
}

/// The valid test course, the base most packages start from.
const BASE: [(&str, &[u8]); 11] = fixture![
    "course.toml",
    "modules/01-valkommen/lessons/01-vad-ar-vardskap.en.md",
    "modules/01-valkommen/lessons/01-vad-ar-vardskap.sv.md",
    "modules/01-valkommen/media/entre.svg",
    "modules/01-valkommen/module.toml",
    "modules/01-valkommen/quiz.toml",
    "modules/01-valkommen/scenarios/stadshuset.toml",
    "modules/02-lokalt/lessons/01-staden.en.md",
    "modules/02-lokalt/lessons/01-staden.sv.md",
    "modules/02-lokalt/module.toml",
    "modules/02-lokalt/quiz.toml",
];

#[derive(Arbitrary, Debug)]
struct Package {
    /// Start from the valid test course.
    base: bool,
    /// Base files to leave out (by index, modulo their count).
    drop: Vec<u8>,
    /// Every name under one top folder, as a zipped course folder is.
    top: Option<String>,
    entries: Vec<Entry>,
}

#[derive(Arbitrary, Debug)]
struct Entry {
    name: Name,
    kind: Kind,
    deflate: bool,
    zip64: bool,
    mode: Option<u32>,
}

#[derive(Arbitrary, Debug)]
enum Name {
    Free(String),
    /// A base file's name (modulo their count): a replacement or a duplicate.
    Base(u8),
    /// A base file's name with a suffix, e.g. an alternate spelling.
    BaseWith(u8, String),
}

#[derive(Arbitrary, Debug)]
enum Kind {
    File(Vec<u8>),
    Folder,
    Link(String),
}

fn build(package: &Package) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let top = package.top.as_deref().map(|t| format!("{t}/")).unwrap_or_default();
    let base_name = |i: u8| BASE[usize::from(i) % BASE.len()].0;
    if package.base {
        let dropped: Vec<&str> = package.drop.iter().map(|&i| base_name(i)).collect();
        for (name, bytes) in BASE.iter().filter(|(n, _)| !dropped.contains(n)) {
            let options = SimpleFileOptions::default()
                .compression_method(CompressionMethod::Deflated)
                .unix_permissions(0o644);
            if zip.start_file(format!("{top}{name}"), options).is_ok() {
                let _ = zip.write_all(bytes);
            }
        }
    }
    for entry in &package.entries {
        let name = match &entry.name {
            Name::Free(name) => name.clone(),
            Name::Base(i) => base_name(*i).to_string(),
            Name::BaseWith(i, suffix) => format!("{}{suffix}", base_name(*i)),
        };
        let name = format!("{top}{name}");
        let mut options = SimpleFileOptions::default()
            .compression_method(if entry.deflate {
                CompressionMethod::Deflated
            } else {
                CompressionMethod::Stored
            })
            .large_file(entry.zip64);
        if let Some(mode) = entry.mode {
            options = options.unix_permissions(mode);
        }
        let _ = match &entry.kind {
            Kind::File(bytes) => zip
                .start_file(name, options)
                .and_then(|()| zip.write_all(bytes).map_err(Into::into)),
            Kind::Folder => zip.add_directory(name, options),
            Kind::Link(target) => zip.add_symlink(name, target, options),
        };
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

fuzz_target!(|package: Package| {
    common::unpack_and_check(&build(&package));
});
