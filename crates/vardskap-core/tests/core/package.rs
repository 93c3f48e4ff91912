//! Course packages: a real round trip, and every kind of hostile zip refused
//! with nothing written.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use vardskap_core::package::{self, Limits};
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

const COURSE_TOML: &[u8] = b"id = \"demo\"\nversion = \"1.0.0\"\nlanguages = [\"en\"]\ntitle = { en = \"Demo\" }\npass_mark = 0.8\n";

/// A copy of the valid fixture course, with a photo and a .git folder.
fn course_folder(root: &Path) -> PathBuf {
    let dir = root.join("course");
    crate::copy_dir(&crate::fixture("valid"), &dir);
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    let photo = (0..=255u8).cycle().take(100_000).collect::<Vec<_>>();
    std::fs::write(dir.join("modules/01-valkommen/media/photo.bin"), photo).unwrap();
    std::fs::write(dir.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    dir
}

fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn pack_and_unpack_give_back_the_course() {
    let tmp = tempfile::tempdir().unwrap();
    let course = course_folder(tmp.path());
    let file = tmp.path().join("demo.vdsk");
    let packed = package::pack(&course, &file).unwrap();
    let want_files = files_under(&course)
        .iter()
        .filter(|(name, _)| !name.starts_with(".git"))
        .count();
    assert_eq!(
        packed.files, want_files,
        "every file of the course is packed; .git stays out"
    );
    assert!(
        packed.package_bytes < packed.bytes,
        "the package is compressed"
    );

    let out = tmp.path().join("opened");
    let unpacked = package::unpack(&file, &out).unwrap();
    assert_eq!(unpacked.files, want_files, "every packed file comes back");
    assert_eq!(
        unpacked.bytes, packed.bytes,
        "the same number of bytes comes out as went in"
    );
    let mut want = files_under(&course);
    want.retain(|(name, _)| !name.starts_with(".git"));
    assert_eq!(
        files_under(&out),
        want,
        "the unpacked course equals the packed one, byte for byte"
    );

    let again = tmp.path().join("again.vdsk");
    package::pack(&course, &again).unwrap();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&again).unwrap(),
        "packing is reproducible"
    );
}

#[test]
fn a_zipped_course_folder_opens_too() {
    let course = crate::fixture("valid");
    let files = files_under(&course)
        .into_iter()
        .map(|(name, data)| (format!("demo/{name}"), data))
        .collect::<Vec<_>>();
    let entries = files
        .iter()
        .map(|(name, data)| (name.as_str(), data.as_slice()))
        .collect::<Vec<_>>();
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("demo.vdsk");
    std::fs::write(&file, zip_of(&entries)).unwrap();
    let out = tmp.path().join("opened");
    package::unpack(&file, &out).unwrap();
    assert_eq!(
        files_under(&out),
        files_under(&course),
        "the single top folder becomes the course folder"
    );
}

#[test]
fn pack_refuses_a_course_that_does_not_load() {
    let tmp = tempfile::tempdir().unwrap();
    let course = course_folder(tmp.path());
    std::fs::remove_file(course.join("modules/02-lokalt/module.toml")).unwrap();
    let file = tmp.path().join("demo.vdsk");
    let err = package::pack(&course, &file).unwrap_err();
    assert_eq!(
        err.kind(),
        vardskap_core::ErrorKind::InvalidContent,
        "the author sees the course's problems: {err}"
    );
    assert!(!file.exists(), "a broken course is not packed");
}

#[test]
fn pack_refuses_a_symbolic_link_in_the_course() {
    let tmp = tempfile::tempdir().unwrap();
    let course = course_folder(tmp.path());
    std::os::unix::fs::symlink(
        "/etc/passwd",
        course.join("modules/01-valkommen/media/passwd"),
    )
    .unwrap();
    let file = tmp.path().join("demo.vdsk");
    let err = package::pack(&course, &file).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "got: {err}");
    assert!(!file.exists(), "a refused pack writes no package");
}

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        zip.start_file(*name, options()).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Unpacks `bytes` and expects a refusal that leaves no trace; returns its message.
fn refused(bytes: &[u8], limits: &Limits) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("base");
    std::fs::create_dir(&base).unwrap();
    let file = base.join("hostile.vdsk");
    std::fs::write(&file, bytes).unwrap();
    let out = base.join("inside/opened");
    let err = package::unpack_with_limits(&file, &out, limits)
        .expect_err("a hostile package must be refused");
    assert!(!out.exists(), "nothing may be written to the target: {err}");
    let left = std::fs::read_dir(&base)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect::<Vec<_>>();
    assert_eq!(
        left,
        vec!["hostile.vdsk"],
        "no file or folder may be left in or beside the target: {err}"
    );
    err.to_string()
}

#[test]
fn parent_paths_are_refused() {
    let message = refused(
        &zip_of(&[("course.toml", COURSE_TOML), ("../evil", b"x")]),
        &Limits::default(),
    );
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("evil.vdsk");
    std::fs::write(
        &file,
        zip_of(&[("course.toml", COURSE_TOML), ("../evil", b"x")]),
    )
    .unwrap();
    let err = package::unpack(&file, &tmp.path().join("out")).unwrap_err();
    assert_eq!(
        err.kind(),
        vardskap_core::ErrorKind::PackageRefused,
        "a hostile package is its own kind of error, so the UI can say so plainly: {err}"
    );
    assert!(
        message.contains("points outside the course"),
        "got: {message}"
    );
    let message = refused(
        &zip_of(&[("course.toml", COURSE_TOML), ("media/../../evil", b"x")]),
        &Limits::default(),
    );
    assert!(
        message.contains("points outside the course"),
        "got: {message}"
    );
}

#[test]
fn absolute_paths_are_refused() {
    let message = refused(
        &zip_of(&[("course.toml", COURSE_TOML), ("/abs/evil", b"x")]),
        &Limits::default(),
    );
    assert!(message.contains("not a safe path"), "got: {message}");
    let message = refused(
        &zip_of(&[("course.toml", COURSE_TOML), ("C:\\evil", b"x")]),
        &Limits::default(),
    );
    assert!(
        message.contains("not a safe path"),
        "a Windows path is no safer: {message}"
    );
}

#[test]
fn symbolic_links_are_refused() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("course.toml", options()).unwrap();
    zip.write_all(COURSE_TOML).unwrap();
    zip.add_symlink("media/passwd", "/etc/passwd", options())
        .unwrap();
    let message = refused(&zip.finish().unwrap().into_inner(), &Limits::default());
    assert!(message.contains("symbolic link"), "got: {message}");
}

/// Renames every `from` entry to `to` (same length) in local and central headers.
fn rename_entry(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len(), "names are patched in place");
    let mut at = 0;
    let mut count = 0;
    while let Some(found) = bytes[at..].windows(from.len()).position(|w| w == from) {
        bytes[at + found..at + found + to.len()].copy_from_slice(to);
        at += found + from.len();
        count += 1;
    }
    assert_eq!(
        count, 2,
        "the name appears in the local and the central header"
    );
}

#[test]
fn duplicate_names_are_refused() {
    let mut bytes = zip_of(&[
        ("course.toml", COURSE_TOML),
        ("media/a.txt", b"first"),
        ("media/b.txt", b"second"),
    ]);
    rename_entry(&mut bytes, b"media/b.txt", b"media/a.txt");
    let message = refused(&bytes, &Limits::default());
    assert!(message.contains("appears twice"), "got: {message}");

    let bytes = zip_of(&[
        ("course.toml", COURSE_TOML),
        ("media/A.txt", b"first"),
        ("media/a.txt", b"second"),
    ]);
    let message = refused(&bytes, &Limits::default());
    assert!(
        message.contains("appears twice (letter case or Unicode form aside)"),
        "case-only twins would overwrite each other: {message}"
    );
}

#[test]
fn too_many_entries_are_refused() {
    let names = (0..6).map(|i| format!("media/{i}.txt")).collect::<Vec<_>>();
    let mut entries = vec![("course.toml", COURSE_TOML)];
    entries.extend(names.iter().map(|n| (n.as_str(), b"x".as_slice())));
    let limits = Limits {
        max_entries: 5,
        ..Limits::default()
    };
    let message = refused(&zip_of(&entries), &limits);
    assert!(message.contains("more than 5 entries"), "got: {message}");
}

/// Overwrites the uncompressed size that the headers of entry `name` claim.
fn lie_about_size(bytes: &mut [u8], name: &[u8], claimed: u32) {
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46) {
        let (size_at, name_len_at, name_at) = match &bytes[at..at + 4] {
            [0x50, 0x4b, 0x03, 0x04] => (at + 22, at + 26, at + 30),
            [0x50, 0x4b, 0x01, 0x02] => (at + 24, at + 28, at + 46),
            _ => continue,
        };
        let name_len = usize::from(u16::from_le_bytes([
            bytes[name_len_at],
            bytes[name_len_at + 1],
        ]));
        if bytes.get(name_at..name_at + name_len) == Some(name) {
            bytes[size_at..size_at + 4].copy_from_slice(&claimed.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "both headers of the entry carry the lie");
}

#[test]
fn an_entry_that_lies_about_its_size_is_stopped_while_reading() {
    let limits = Limits {
        max_file_bytes: 1024 * 1024,
        max_total_bytes: 4 * 1024 * 1024,
        max_entries: 100,
    };
    let zeros = vec![0u8; 3 * 1024 * 1024];
    let mut bytes = zip_of(&[("course.toml", COURSE_TOML), ("media/bomb.bin", &zeros)]);
    assert!(
        bytes.len() < 64 * 1024,
        "zeros compress to a small package: {} bytes",
        bytes.len()
    );
    lie_about_size(&mut bytes, b"media/bomb.bin", 10);
    let message = refused(&bytes, &limits);
    assert!(
        message.contains("unpacks to more than 1.0 MiB"),
        "the real size, not the claimed 10 bytes, must decide: {message}"
    );
}

#[test]
fn the_total_is_capped_across_files() {
    let limits = Limits {
        max_file_bytes: 1024 * 1024,
        max_total_bytes: 1536 * 1024,
        max_entries: 100,
    };
    let part = vec![7u8; 1024 * 1024];
    let bytes = zip_of(&[
        ("course.toml", COURSE_TOML),
        ("media/a.bin", &part),
        ("media/b.bin", &part),
    ]);
    let message = refused(&bytes, &limits);
    assert!(
        message.contains("the most a package may hold"),
        "two files within the per-file cap still exceed the total: {message}"
    );
}

#[test]
fn a_file_that_is_not_a_zip_or_not_a_course_is_refused() {
    let message = refused(b"just some text, not a zip", &Limits::default());
    assert!(message.contains("not a readable zip"), "got: {message}");
    let message = refused(&zip_of(&[("notes.txt", b"hello")]), &Limits::default());
    assert!(message.contains("no course.toml"), "got: {message}");
    let message = refused(&zip_of(&[("course.toml", COURSE_TOML)]), &Limits::default());
    assert!(
        message.contains("the course has no modules"),
        "a package must hold a course that loads: {message}"
    );
}

#[test]
fn an_existing_folder_is_not_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let course = course_folder(tmp.path());
    let file = tmp.path().join("demo.vdsk");
    package::pack(&course, &file).unwrap();
    let err = package::unpack(&file, &course).unwrap_err();
    assert!(err.to_string().contains("already exists"), "got: {err}");
    assert!(
        course.join(".git/HEAD").is_file(),
        "the existing folder is left as it was"
    );
}

/// Names in the data dir other than the database, its backups and installed courses.
fn leftovers(data_dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            !n.starts_with("vardskap.sqlite3")
                && n != vardskap_core::storage::LOCK_FILE
                && n != "courses"
                && n != "backups"
        })
        .collect();
    // Staging folders of an install live beside the installed courses.
    if let Ok(courses) = std::fs::read_dir(data_dir.join("courses")) {
        names.extend(
            courses
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with('.'))
                .map(|n| format!("courses/{n}")),
        );
    }
    names.sort();
    names
}

#[test]
fn a_package_installs_through_the_store_and_leaves_no_temporary_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("demo.vdsk");
    package::pack(&course_folder(tmp.path()), &file).unwrap();
    let data_dir = tmp.path().join("data");
    let mut store = vardskap_core::storage::Store::open(&data_dir).unwrap();

    let installed = store.install_course_package(&file, "sv").unwrap();
    let want = vardskap_core::content::load_course(&crate::fixture("valid")).unwrap();
    assert_eq!(
        installed.id, want.id,
        "the package's course must be installed"
    );
    assert!(
        store.course_folder(&want.id).join("course.toml").is_file(),
        "the installed copy must be in the courses folder"
    );
    assert!(
        leftovers(&data_dir).is_empty(),
        "the temporary unpack folder must be removed: {:?}",
        leftovers(&data_dir)
    );

    let exported = tmp.path().join("again.vdsk");
    package::pack(&store.course_folder(&want.id), &exported).unwrap();
    let reinstalled = store.install_course_package(&exported, "sv").unwrap();
    assert_eq!(
        reinstalled.id, want.id,
        "a package exported from the installed copy must install again"
    );

    let broken = tmp.path().join("broken.vdsk");
    std::fs::write(&broken, zip_of(&[("course.toml", b"not = [toml")])).unwrap();
    assert!(
        store.install_course_package(&broken, "sv").is_err(),
        "a package whose course does not load must be refused"
    );
    assert!(
        leftovers(&data_dir).is_empty(),
        "a refused package must leave nothing behind either: {:?}",
        leftovers(&data_dir)
    );
}

/// The app's built-in course folder (`content/` at the repository root).
fn builtin_content() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

#[test]
fn a_package_with_the_builtin_course_id_is_refused() {
    use vardskap_core::Error;
    let tmp = tempfile::tempdir().unwrap();
    let data_dir = tmp.path().join("data");
    let mut store = vardskap_core::storage::Store::open(&data_dir).unwrap();
    let builtin = store
        .install_builtin_course(&builtin_content(), "sv")
        .unwrap();
    assert_eq!(
        store.builtin_course(),
        Some(builtin.id.as_str()),
        "installing the built-in course reserves its id"
    );
    let before = store.course(&builtin.id).unwrap();

    // An instructor's edited copy of the built-in course, still under its id.
    let copy = tmp.path().join("copy");
    crate::copy_dir(&builtin_content(), &copy);
    let toml = std::fs::read_to_string(copy.join("course.toml")).unwrap();
    let bumped = toml.replacen(
        &format!("version = \"{}\"", builtin.version),
        "version = \"99.0.0\"",
        1,
    );
    assert_ne!(
        bumped, toml,
        "the copy must differ from the built-in course"
    );
    std::fs::write(copy.join("course.toml"), bumped).unwrap();
    let file = tmp.path().join("same-id.vdsk");
    package::pack(&copy, &file).unwrap();

    let err = store.install_course_package(&file, "sv").unwrap_err();
    assert!(
        matches!(&err, Error::ReservedCourseId { id } if *id == builtin.id),
        "a package with the built-in course's id must be refused as reserved, got {err:?}"
    );
    assert!(
        err.to_string().contains("reserved for the built-in course"),
        "the message must say why: {err}"
    );
    assert_eq!(
        store.course(&builtin.id).unwrap(),
        before,
        "the built-in course stays as it was"
    );
    assert_eq!(
        store
            .installed_courses("sv")
            .unwrap()
            .iter()
            .map(|c| (c.id.clone(), c.version.clone()))
            .collect::<Vec<_>>(),
        [(builtin.id.clone(), builtin.version.clone())],
        "nothing new is installed"
    );
    assert!(
        leftovers(&data_dir).is_empty(),
        "a refused package leaves nothing behind: {:?}",
        leftovers(&data_dir)
    );

    let other = tmp.path().join("other.vdsk");
    package::pack(&course_folder(tmp.path()), &other).unwrap();
    let installed = store.install_course_package(&other, "sv").unwrap();
    assert_ne!(
        installed.id, builtin.id,
        "a package with another id still installs next to the built-in course"
    );
    assert_eq!(
        store.installed_courses("sv").unwrap().len(),
        2,
        "both courses are installed"
    );
}

/// End records that claim `entries` through zip64, after an empty directory:
/// the shape of a package that would make the zip reader parse millions of
/// entries before any count could refuse it.
fn zip64_claiming(entries: u64) -> Vec<u8> {
    let mut bytes = Vec::new();
    // zip64 end of central directory record, at offset 0.
    bytes.extend_from_slice(&[0x50, 0x4b, 0x06, 0x06]);
    bytes.extend_from_slice(&44u64.to_le_bytes()); // size of the rest
    bytes.extend_from_slice(&45u16.to_le_bytes()); // made by
    bytes.extend_from_slice(&45u16.to_le_bytes()); // needed
    bytes.extend_from_slice(&0u32.to_le_bytes()); // this disk
    bytes.extend_from_slice(&0u32.to_le_bytes()); // directory's disk
    bytes.extend_from_slice(&entries.to_le_bytes()); // entries on this disk
    bytes.extend_from_slice(&entries.to_le_bytes()); // entries in all
    bytes.extend_from_slice(&(entries * 46).to_le_bytes()); // directory size
    bytes.extend_from_slice(&0u64.to_le_bytes()); // directory offset
    // zip64 locator: the record is at offset 0.
    bytes.extend_from_slice(&[0x50, 0x4b, 0x06, 0x07]);
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(&0u64.to_le_bytes());
    bytes.extend_from_slice(&1u32.to_le_bytes());
    // classic end record deferring to zip64.
    bytes.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06]);
    bytes.extend_from_slice(&[0, 0, 0, 0]);
    bytes.extend_from_slice(&0xFFFFu16.to_le_bytes());
    bytes.extend_from_slice(&0xFFFFu16.to_le_bytes());
    bytes.extend_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
    bytes.extend_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
    bytes.extend_from_slice(&0u16.to_le_bytes());
    bytes
}

#[test]
fn a_zip64_directory_claiming_millions_of_entries_is_refused_before_it_is_parsed() {
    let message = refused(&zip64_claiming(4_000_000), &Limits::default());
    assert!(
        message.contains("more than 10000 entries (its directory claims 4000000)"),
        "the claimed count is read from the end records and refused: {message}"
    );
}

#[test]
fn names_that_differ_between_systems_are_refused() {
    for (name, why) in [
        ("media/CON.txt", "reserves"),
        ("media/nul", "reserves"),
        ("media/Aux.svg", "reserves"),
        ("media/bild.", "dot or a space"),
        ("media/bild ", "dot or a space"),
        ("media/bild.svg:dold", "`:`"),
    ] {
        let message = refused(
            &zip_of(&[("course.toml", COURSE_TOML), (name, b"x")]),
            &Limits::default(),
        );
        assert!(
            message.contains(why),
            "{name:?} must be refused because {why}: {message}"
        );
    }
    let message = refused(
        &zip_of(&[
            ("course.toml", COURSE_TOML),
            ("media/caf\u{e9}.txt", b"x"),
            ("media/cafe\u{301}.txt", b"y"),
        ]),
        &Limits::default(),
    );
    assert!(
        message.contains("Unicode form"),
        "two names equal after NFC normalisation would be one file on macOS: {message}"
    );
}

#[test]
fn two_entries_sharing_one_data_stream_are_refused() {
    let mut bytes = zip_of(&[
        ("course.toml", COURSE_TOML),
        ("media/a.txt", b"aaaa"),
        ("media/b.txt", b"bbbb"),
    ]);
    // Point media/b.txt's directory entry at media/a.txt's local header.
    let central = |bytes: &[u8], name: &[u8]| {
        (0..bytes.len() - 46)
            .find(|&i| {
                bytes[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] && bytes[i + 46..].starts_with(name)
            })
            .unwrap()
    };
    let a = central(&bytes, b"media/a.txt");
    let b = central(&bytes, b"media/b.txt");
    let offset: [u8; 4] = bytes[a + 42..a + 46].try_into().unwrap();
    bytes[b + 42..b + 46].copy_from_slice(&offset);
    let message = refused(&bytes, &Limits::default());
    assert!(
        message.contains("share one stored data stream"),
        "overlapping entries are refused: {message}"
    );
}
