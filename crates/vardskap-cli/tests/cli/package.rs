//! `pack` and `unpack`: a course travels as one file and comes back the same;
//! a hostile package is refused without writing anything.

use std::io::Write;

use super::{files_under, fixture, path, run};

#[test]
fn pack_then_unpack_gives_back_the_same_course() {
    let tmp = tempfile::tempdir().unwrap();
    let package = tmp.path().join("course.vdsk");
    let course = fixture("valid");
    let files = files_under(&course).len();

    let (code, out, err) = run(&["pack", path(&course), "-o", path(&package)]);
    assert_eq!(code, 0, "a valid course packs: {out}{err}");
    assert!(
        out.starts_with(&format!("packed {files} files")) && out.contains(path(&package)),
        "the summary names the files and the package: {out}"
    );

    let opened = tmp.path().join("opened");
    let (code, out, err) = run(&["unpack", path(&package), "--out", path(&opened)]);
    assert_eq!(code, 0, "the package opens: {out}{err}");
    assert!(
        out.starts_with(&format!("opened {files} files")),
        "the summary counts the files: {out}"
    );
    assert_eq!(
        files_under(&opened),
        files_under(&course),
        "every file comes back byte for byte, and nothing else"
    );
    let (code, out, _) = run(&["validate", path(&opened)]);
    assert_eq!(code, 0, "the opened course validates: {out}");

    let (code, _, err) = run(&["unpack", path(&package), "-o", path(&opened)]);
    assert_eq!(code, 1, "an existing folder is not overwritten");
    assert!(
        err.contains("already exists"),
        "the refusal says why: {err}"
    );
}

#[test]
fn pack_refuses_an_invalid_course_with_its_problems() {
    let tmp = tempfile::tempdir().unwrap();
    let package = tmp.path().join("broken.vdsk");
    let course = fixture("broken/toml-syntax");

    let (code, out, err) = run(&["pack", path(&course), "-o", path(&package)]);
    assert_eq!(code, 1, "an invalid course is not packed");
    assert!(
        out.starts_with("modules/01-m/quiz.toml:7:10: TOML syntax"),
        "the problems are listed as path:line:col: message: {out}"
    );
    assert!(err.contains("was not packed"), "stderr says so: {err}");
    assert!(
        !package.exists(),
        "no package is written for an invalid course"
    );

    let (code, _, err) = run(&["pack", "/nonexistent/course", "-o", path(&package)]);
    assert_eq!(
        code, 2,
        "an unreadable course folder is a usage error: {err}"
    );
}

#[test]
fn a_package_reaching_outside_its_folder_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let package = work.join("evil.vdsk");
    let course_toml = std::fs::read(fixture("valid/course.toml")).unwrap();
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&package).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("course.toml", options).unwrap();
    zip.write_all(&course_toml).unwrap();
    zip.start_file("../evil", options).unwrap();
    zip.write_all(b"escaped").unwrap();
    zip.finish().unwrap();
    let before = files_under(tmp.path());

    let out_dir = work.join("inbox/course");
    let (code, out, err) = run(&["unpack", path(&package), "-o", path(&out_dir)]);
    assert_eq!(code, 1, "a hostile package is refused: {out}{err}");
    assert!(
        err.contains("was not opened") && err.contains("../evil"),
        "the message names the package and the bad entry: {err}"
    );
    assert_eq!(
        files_under(tmp.path()),
        before,
        "nothing was written anywhere: no evil file, no course folder"
    );
    assert!(
        !work.join("inbox").exists(),
        "no folder is left behind either"
    );

    let (code, _, err) = run(&[
        "unpack",
        path(&work.join("missing.vdsk")),
        "-o",
        path(&out_dir),
    ]);
    assert_eq!(
        code, 2,
        "an unreadable package file is a usage error: {err}"
    );
}
