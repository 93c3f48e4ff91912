//! Shared by the package targets: unpack a file and check that nothing was
//! written where it should not be.

use std::path::Path;

use vardskap_core::package;

/// Every plain file under `dir` (no links may be there at all), with sizes.
fn walk(dir: &Path, out: &mut Vec<(std::path::PathBuf, u64)>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let entry = entry.expect("a folder entry");
        let kind = entry.file_type().expect("a file type");
        assert!(!kind.is_symlink(), "{:?} is a link", entry.path());
        if kind.is_dir() {
            walk(&entry.path(), out);
        } else {
            assert!(kind.is_file(), "{:?} is not a plain file", entry.path());
            let size = entry.metadata().expect("metadata").len();
            out.push((entry.path(), size));
        }
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("a readable folder")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Unpacks `bytes` as a package file in a fresh temporary folder and checks:
/// no panic; a refused package leaves nothing behind (not even the folders
/// made for the target or the staging folder); an opened one is exactly the
/// target folder, holding plain files only, as many and as large as the
/// summary says, and a course that loads.
pub fn unpack_and_check(bytes: &[u8]) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let file = tmp.path().join("kurs.vdsk");
    std::fs::write(&file, bytes).expect("the package file");
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).expect("a work folder");
    let out = work.join("nytt").join("kurs");

    let result = package::unpack(&file, &out);
    assert_eq!(
        names(tmp.path()),
        ["kurs.vdsk", "work"],
        "nothing is written beside the package or the work folder"
    );
    match result {
        Err(e) => {
            let _ = e.to_string();
            assert!(
                names(&work).is_empty(),
                "a refused package leaves nothing behind: {:?} ({e})",
                names(&work)
            );
        }
        Ok(summary) => {
            assert_eq!(names(&work), ["nytt"], "only the target's parent is made");
            assert_eq!(names(&work.join("nytt")), ["kurs"], "only the target is made");
            let mut files = Vec::new();
            walk(&out, &mut files);
            assert_eq!(files.len(), summary.files, "the summary counts the files written");
            let bytes: u64 = files.iter().map(|(_, size)| size).sum();
            assert_eq!(bytes, summary.bytes, "the summary counts the bytes written");
            vardskap_core::content::load_course(&out).expect("an opened package is a course that loads");
        }
    }
}
